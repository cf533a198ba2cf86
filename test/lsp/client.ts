/**
 * A minimal LSP client for the protocol tests: starts `dist/server.js --stdio` as a child process,
 * as an editor would, and records what the server sends.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { PROJECT_ROOT } from '../support/paths';

export const SERVER = path.join(PROJECT_ROOT, 'dist', 'server.js');

/**
 * The server as a child process with a protocol connection: its log, its stderr, the editor's
 * notifications every test sends, shutdown. Test clients add the handshake and what they record.
 */
export class ServerProcess {
  readonly logs: LogMessageParams[] = [];
  stderr = '';
  private readonly exited: Promise<number | null>;

  protected constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => { resolve(code); }));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    connection.onNotification('window/logMessage', (params: LogMessageParams) => void this.logs.push(params));
  }

  /** The server's process id (to read its resident memory, say). */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Starts `dist/server.js --stdio` and a connection to it (not yet listening). */
  protected static spawnServer(nodeArgs: readonly string[] = []): { child: ChildProcessWithoutNullStreams; connection: ProtocolConnection } {
    const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return { child, connection };
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'govreport', version, text } });
  }

  /**
   * Writes several JSON-RPC messages to the server's input in one write, so that they arrive
   * together (as a burst of keystrokes does).
   */
  writeTogether(messages: readonly object[]): void {
    const frames = messages.map((message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.child.stdin.write(Buffer.concat(frames));
  }

  /** Shuts the server down as an editor does; resolves with the shutdown result and the exit code. */
  async stop(): Promise<{ result: unknown; exitCode: number | null }> {
    const result = await this.connection.sendRequest<unknown>(ShutdownRequest.method);
    await this.connection.sendNotification(ExitNotification.type);
    const exitCode = await this.exited;
    this.connection.dispose();
    return { result, exitCode };
  }

  /** Ends the server process without the protocol (after a failed test). */
  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }
}

export class TestClient extends ServerProcess {
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(child: ChildProcessWithoutNullStreams, connection: ProtocolConnection) {
    super(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(nodeArgs: readonly string[] = []): Promise<{ client: TestClient; initialized: InitializeResult }> {
    const { child, connection } = ServerProcess.spawnServer(nodeArgs);
    const client = new TestClient(child, connection);
    connection.listen();
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams requires the field (null: no root folder)
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, initialized };
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The first publish (from index `from` of `published` on) that satisfies `test`. */
  waitForPublish(test: (params: PublishDiagnosticsParams) => boolean, from = 0, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.published.slice(from).find(test);
        if (!found) return false;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; received ${JSON.stringify(this.published.slice(from).map((p) => ({ uri: p.uri, version: p.version, count: p.diagnostics.length })))}; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }
}
