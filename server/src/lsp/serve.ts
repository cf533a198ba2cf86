/**
 * The language server's wiring: every feature is one module in `features/`, listed here, served on
 * a connection (`server.ts` makes it from the command line; tests make one in memory).
 */
import {
  type Connection,
  LSPErrorCodes,
  Message,
  type ResponseMessage,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../core/config';
import { catalogFor } from '../core/messages';
import type { MessageCatalog } from '../core/messages/catalog';
import type { Feature, ServerContext } from './context';
import { AnalysisCache } from './documents';
import { checkWorkspace } from './features/checkWorkspace';
import { codeActions } from './features/codeActions';
import { codeLens } from './features/codeLens';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { diagnostics } from './features/diagnostics';
import { editCell } from './features/editCell';
import { folding } from './features/folding';
import { formatting } from './features/formatting';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { preview } from './features/preview';
import { readOriginalFeature } from './features/readOriginal';
import { selectionRanges } from './features/selectionRanges';
import { documentSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { DEFAULT_SETTINGS, SettingsService } from './settings';

/** Every feature of the server. Adding one is a module in `features/` and a line here. */
const FEATURES: readonly Feature[] = [
  diagnostics,
  documentSymbols,
  folding,
  hover,
  inlayHints,
  codeLens,
  workspaceSymbols,
  definition,
  selectionRanges,
  codeActions,
  formatting,
  completion,
  preview,
  editCell,
  readOriginalFeature,
  checkWorkspace,
];

/**
 * A standard request (hover, symbols, code lens…: a pure function of a document version) that the
 * client cancels while it still waits in the queue (behind a slow analysis, say) is answered
 * RequestCancelled at once and never run: the editor has moved on. The server's own `govreport/*`
 * requests see their cancellation token instead and answer with what they have done.
 */
export const cancelUndispatched = (message: Message): ResponseMessage | undefined =>
  Message.isRequest(message) && /^(?:textDocument|workspace|completionItem|codeLens|inlayHint|documentLink)\//u.test(message.method)
    ? { jsonrpc: '2.0', id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: `${message.method} cancelled` } }
    : undefined;

/** Serves govreport on a connection (not yet listening: this makes it listen). */
export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let clientCapabilities: ClientCapabilities = {};
  let messages: MessageCatalog = catalogFor(undefined);
  const settings = new SettingsService(connection, () => clientCapabilities, () => messages);
  const analyses = new AnalysisCache(documents, connection.console, {
    messages: () => messages,
    maxSize: (uri) => (settings.cached(uri) ?? DEFAULT_SETTINGS).maxFileSize,
  });
  // A changed limit (govreport.maxFileSize) changes which documents have an analysis.
  settings.onDidChange(() => { analyses.clear(); });
  documents.onDidClose((event) => { settings.forget(event.document.uri); });
  const context: ServerContext = {
    connection,
    documents,
    analyses,
    clientCapabilities: () => clientCapabilities,
    messages: () => messages,
    settings,
  };

  const capabilities: ServerCapabilities = {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
  for (const feature of FEATURES) {
    try {
      Object.assign(capabilities, feature.register(context));
    } catch (error) {
      connection.console.error(`govreport: feature ${feature.name} failed to register: ${String(error)}`);
    }
  }

  connection.onInitialize((params) => {
    clientCapabilities = params.capabilities;
    // The client's display language: `initializationOptions.locale` (VS Code's vscode.env.language),
    // else the protocol's own `locale`.
    const options = params.initializationOptions as { locale?: unknown } | null | undefined;
    const locale = typeof options?.locale === 'string' ? options.locale : params.locale;
    messages = catalogFor(locale);
    return { capabilities, serverInfo: { name: 'govreport' } };
  });

  // Config files are watched by the client for us: registered here, so that any client that can do it does.
  connection.onInitialized(() => {
    if (!clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
      .catch((error: unknown) => { connection.console.warn(`govreport: could not watch ${CONFIG_FILE_NAME}: ${String(error)}`); });
  });

  // Memory is measured after a full collection (the tests' burst check): offered only to a server
  // started with node's --expose-gc, which no editor does.
  const collect = (globalThis as { gc?: () => void }).gc;
  if (typeof collect === 'function') {
    // Answers what the process holds after it: the JavaScript heap and the memory outside it (buffers).
    connection.onRequest('govreport/$collectGarbage', () => {
      collect();
      const { heapUsed, external } = process.memoryUsage();
      return { heapUsed, external };
    });
  }

  documents.listen(connection);
  connection.listen();
}
