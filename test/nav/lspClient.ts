/**
 * A small LSP client for the navigation protocol tests: starts `dist/server.js --stdio` as an editor
 * would, with the capabilities the navigation features look for (workspace folders, configuration,
 * inlay hint refresh, definition links), and answers the server's requests for them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ConfigurationParams,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { PROJECT_ROOT } from '../support/paths';

export const SERVER = path.join(PROJECT_ROOT, 'dist', 'server.js');

export class NavClient {
  readonly logs: LogMessageParams[] = [];
  /** Settings the client answers workspace/configuration with, by section. */
  readonly settings = new Map<string, unknown>();
  /** Every workspace/configuration item the server asked for. */
  readonly configurationRequests: ConfigurationParams['items'][number][] = [];
  inlayHintRefreshes = 0;
  stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    private readonly folders: readonly { uri: string; name: string }[],
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    connection.onNotification('window/logMessage', (params: LogMessageParams) => void this.logs.push(params));
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.onRequest('workspace/workspaceFolders', () => this.folders);
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(...params.items);
      return params.items.map((item) => (item.section !== undefined && this.settings.has(item.section) ? this.settings.get(item.section) : null));
    });
    connection.onRequest('workspace/inlayHint/refresh', () => {
      this.inlayHintRefreshes++;
      return null;
    });
  }

  static async start(folders: readonly { uri: string; name: string }[]): Promise<{ client: NavClient; initialized: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new NavClient(child, connection, folders);
    connection.listen();
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: [...folders],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, inlayHint: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          definition: { linkSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, initialized };
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'govreport', version, text } });
  }

  /** Replaces a document's whole text. */
  changeAll(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  changeConfiguration(): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Resolves once `test` holds, checking every 10 ms, or rejects after `timeoutMs`. */
  async until(test: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const start = Date.now();
    while (!test()) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Ends the server process without the protocol (after a failed start). */
  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }

  async stop(): Promise<{ result: unknown; exitCode: number | null }> {
    const result = await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const exitCode = await this.exited;
    this.connection.dispose();
    return { result, exitCode };
  }
}
