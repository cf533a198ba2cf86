/**
 * The VS Code extension (bundled as `dist/client.js`): claims report .txt files for the govreport
 * language and starts the language server, which does all the work (web pages that are reports are
 * checked in place); registers the commands (table preview, new report, check the workspace, open a
 * Word file, PDF or page as report text) and the status bar item, each a small module here.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { checkWorkspace, exportWorkspaceCheck, exportWorkspaceData } from './checkWorkspace';
import { LANGUAGE_ID, ReportClaimer } from './claim';
import { newReport } from './newReport';
import { PreviewPanels } from './preview';
import { REPORT_TEXT_SCHEME, reportText } from './reportText';
import { statusBar, workspaceStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(...claimReports());
  // The code lens above a table jumps to its first failing identity: (uri, LSP range).
  context.subscriptions.push(vscode.commands.registerCommand('govreport.revealRange', revealRange));
  context.subscriptions.push(vscode.commands.registerCommand('govreport.newReport', newReport), ...statusBar());

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // Web pages are checked in place; the server sniffs them and leaves alone a page that is not a report.
      { scheme: 'file', language: 'html' },
      { scheme: 'file', pattern: '**/*.{html,htm,shtml,xhtml}' },
      // The report text of a Word file, a PDF or a page (govreport.openAsReportText), read-only.
      { scheme: REPORT_TEXT_SCHEME, language: LANGUAGE_ID },
    ],
    // Tells the server when govreport.* settings change (diagnostics, inlay hints and code lenses
    // follow). The server watches .govreportrc.json itself (dynamic registration).
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the server pulls settings (workspace/configuration); this push only tells it when to pull again
    synchronize: { configurationSection: 'govreport' },
    // The server writes every message in the editor's display language.
    initializationOptions: { locale: vscode.env.language },
  };
  const languageClient = new LanguageClient('govreport', vscode.l10n.t('Government information disclosure report checker (govreport)'), serverOptions, clientOptions);
  client = languageClient;
  const previews = new PreviewPanels(languageClient);
  const workspaceStatus = workspaceStatusBar();
  context.subscriptions.push(
    previews,
    workspaceStatus.disposable,
    vscode.commands.registerCommand('govreport.showPreview', (uri?: vscode.Uri) => previews.show(uri)),
    vscode.commands.registerCommand('govreport.checkWorkspace', () => checkWorkspace(languageClient, (result) => { workspaceStatus.show(result); })),
    vscode.commands.registerCommand('govreport.exportWorkspaceCheck', () => exportWorkspaceCheck(languageClient)),
    vscode.commands.registerCommand('govreport.exportWorkspaceData', () => exportWorkspaceData(languageClient)),
    ...reportText(languageClient),
  );
  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Opens a document and selects a range in it (arguments as the server sends them: a URI string and an LSP range). */
async function revealRange(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection });
}

/** Sets the govreport language on plain-text .txt documents that read like a report. */
function claimReports(): vscode.Disposable[] {
  const claimer = new ReportClaimer();
  const detectReports = (document: vscode.TextDocument): boolean =>
    vscode.workspace.getConfiguration('govreport', document.uri).get<boolean>('detectReports', true);
  const consider = (document: vscode.TextDocument): void => {
    const opened = {
      key: document.uri.toString(),
      languageId: document.languageId,
      scheme: document.uri.scheme,
      path: document.uri.path,
      head: (chars: number) => document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(chars))),
    };
    if (!claimer.shouldClaim(opened, detectReports(document))) return;
    vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID).then(undefined, (error: unknown) => {
      console.error(`govreport: could not set the language of ${opened.key}: ${String(error)}`);
    });
  };

  for (const document of vscode.workspace.textDocuments) consider(document);
  return [
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.workspace.onDidCloseTextDocument((document) => {
      claimer.closed(document.uri.toString(), document.languageId);
      queueMicrotask(() => { claimer.settle(); });
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('govreport.detectReports')) for (const document of vscode.workspace.textDocuments) consider(document);
    }),
  ];
}
