/**
 * A small LSP client for the navigation protocol tests: starts `dist/server.js --stdio` as an editor
 * would, with the capabilities the navigation features look for (workspace folders, configuration,
 * inlay hint refresh, definition links), and answers the server's requests for them.
 */
import type { ChildProcessWithoutNullStreams } from 'child_process';
import {
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type ConfigurationParams,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { ServerProcess } from '../lsp/client';

export class NavClient extends ServerProcess {
  /** Settings the client answers workspace/configuration with, by section. */
  readonly settings = new Map<string, unknown>();
  /** Every workspace/configuration item the server asked for. */
  readonly configurationRequests: ConfigurationParams['items'][number][] = [];
  inlayHintRefreshes = 0;

  private constructor(
    child: ChildProcessWithoutNullStreams,
    connection: ProtocolConnection,
    private readonly folders: readonly { uri: string; name: string }[],
  ) {
    super(child, connection);
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
    const { child, connection } = ServerProcess.spawnServer();
    const client = new NavClient(child, connection, folders);
    connection.listen();
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams requires the field (null: no root folder)
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
}
