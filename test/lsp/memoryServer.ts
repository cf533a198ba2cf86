/**
 * The language server in this process, spoken to over in-memory streams: the same wiring as
 * `dist/server.js` (server/src/lsp/serve.ts), a client connection that records what is published.
 */
import { PassThrough } from 'stream';
import {
  createConnection,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { cancelUndispatched, serve } from '../../server/src/lsp/serve';

export class MemoryServer {
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly streams: readonly PassThrough[],
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const listener of [...this.listeners]) listener();
    });
  }

  static async start(): Promise<MemoryServer> {
    const up = new PassThrough();
    const down = new PassThrough();
    serve(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down), { cancelUndispatched }));
    const connection = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const server = new MemoryServer(connection, [up, down]);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams requires the field (null: no root folder)
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** The first publish for a URI (from index `from` of `published` on). */
  publishedFor(uri: string, from = 0, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = this.published.slice(from).find((p) => p.uri === uri);
        if (!found) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`nothing published for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  stop(): void {
    this.connection.dispose();
    for (const stream of this.streams) stream.destroy();
  }
}
