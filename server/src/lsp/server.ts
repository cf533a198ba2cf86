/**
 * The language server's entry point (bundled as `dist/server.js`): wiring only. The connection comes
 * from the command line (`--stdio`, `--node-ipc` as the VS Code client starts it, `--socket=N`);
 * every feature is one module in `features/`, listed here.
 */
import {
  createConnection,
  LSPErrorCodes,
  Message,
  type ResponseMessage,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Feature, ServerContext } from './context';
import { AnalysisCache } from './documents';
import { checkWorkspace } from './features/checkWorkspace';
import { codeActions } from './features/codeActions';
import { codeLens } from './features/codeLens';
import { definition } from './features/definition';
import { diagnostics } from './features/diagnostics';
import { folding } from './features/folding';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { preview } from './features/preview';
import { selectionRanges } from './features/selectionRanges';
import { documentSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';

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
  preview,
  checkWorkspace,
];

/**
 * A standard request (hover, symbols, code lens…: a pure function of a document version) that the
 * client cancels while it still waits in the queue (behind a slow analysis, say) is answered
 * RequestCancelled at once and never run: the editor has moved on. The server's own `govreport/*`
 * requests see their cancellation token instead and answer with what they have done.
 */
const cancelUndispatched = (message: Message): ResponseMessage | undefined =>
  Message.isRequest(message) && /^(?:textDocument|workspace|completionItem|codeLens|inlayHint|documentLink)\//u.test(message.method)
    ? { jsonrpc: '2.0', id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: `${message.method} cancelled` } }
    : undefined;

const connection = createConnection(ProposedFeatures.all, { cancelUndispatched });
const documents = new TextDocuments(TextDocument);
let clientCapabilities: ClientCapabilities = {};
const context: ServerContext = {
  connection,
  documents,
  analyses: new AnalysisCache(documents, connection.console),
  clientCapabilities: () => clientCapabilities,
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
  return { capabilities, serverInfo: { name: 'govreport' } };
});

documents.listen(connection);
connection.listen();
