/**
 * `govreport.openAsReportText` (「作为年报文本打开」): a Word file, a PDF or a web page opened as a
 * read-only document of its report text, in the govreport language, so that every feature
 * (diagnostics, outline, hover, preview) works on it. The text comes from the language server
 * (`govreport/readOriginal`, the readers of server/src/core/read); this module only asks for it and
 * hosts it under the `govreport-text:` scheme — the client bundles no reader.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { READ_ORIGINAL_REQUEST, REPORT_TEXT_SCHEME, type ReadOriginalParams, type ReadOriginalResult } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './claim';
import { messages } from './messages';

export { REPORT_TEXT_SCHEME };

/** Endings the command offers (the Explorer menu's `when` says the same). */
export const ORIGINAL_EXTENSIONS = ['docx', 'pdf', 'html', 'htm'] as const;

/** The report-text document of an original: its path with `.txt` added, the original's URI as the query. */
export function reportTextUri(original: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: REPORT_TEXT_SCHEME, path: `${original.path}.txt`, query: original.toString() });
}

/** The original a report-text document shows. */
export function originalOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(uri.query, true);
}

/** Serves the report-text documents: the text last read for each, read again when asked for afresh. */
export class ReportTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly client: LanguageClient) {}

  /** Reads an original through the language server; null (and an error shown) when it cannot be read. */
  async read(original: vscode.Uri): Promise<string | null> {
    const params: ReadOriginalParams = { uri: original.toString() };
    const result = await this.client.sendRequest<ReadOriginalResult | null>(READ_ORIGINAL_REQUEST, params);
    if (!result || result.problem !== undefined) {
      void vscode.window.showErrorMessage(result?.problem ?? messages().openAsReportTextFailed());
      return null;
    }
    return result.text;
  }

  /** Keeps a freshly read text for its document (telling an open one that it changed). */
  set(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const before = this.texts.get(key);
    this.texts.set(key, text);
    if (before !== undefined && before !== text) this.changes.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    const text = await this.read(originalOf(uri));
    if (text !== null) this.texts.set(uri.toString(), text);
    return text ?? '';
  }

  dispose(): void {
    this.changes.dispose();
    this.texts.clear();
  }
}

/**
 * The command: the original from the Explorer (its argument), else the active editor's file when it
 * is one of the endings, else one picked in a file dialog. Resolves with the opened editor (tests).
 */
export async function openAsReportText(provider: ReportTextProvider, uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  let original = uri instanceof vscode.Uri ? uri : undefined;
  if (!original) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && active.scheme === 'file' && ORIGINAL_EXTENSIONS.some((ext) => active.path.toLowerCase().endsWith(`.${ext}`))) original = active;
  }
  if (!original) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: messages().openAsReportTextPick(),
      filters: { [messages().openAsReportTextPick()]: [...ORIGINAL_EXTENSIONS] },
    });
    original = picked?.[0];
  }
  if (!original) return undefined;
  const text = await provider.read(original);
  if (text === null) return undefined;
  const target = reportTextUri(original);
  provider.set(target, text);
  let document = await vscode.workspace.openTextDocument(target);
  if (document.languageId !== LANGUAGE_ID) document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Registers the provider and the command. */
export function reportText(client: LanguageClient): { dispose(): unknown }[] {
  const provider = new ReportTextProvider(client);
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_TEXT_SCHEME, provider),
    vscode.commands.registerCommand('govreport.openAsReportText', (uri?: vscode.Uri) => openAsReportText(provider, uri)),
  ];
}
