/**
 * The edit baseline of `npm run bench`: a bare vscode-languageserver server over stdio that keeps its
 * documents (incremental sync, like the real server) and answers every change with an empty
 * publishDiagnostics of the document's version. Whatever the real server takes beyond this is the
 * checker's cost of an edit.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
documents.listen(connection);
connection.listen();
