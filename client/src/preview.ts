/**
 * `govreport.showPreview`: a webview beside the editor showing the report's tables as HTML tables.
 * The server renders the page (`govreport/preview`, from the document's cached analysis); the client
 * hosts it, re-renders the content when the document changes (the page stays, only `<main>` is
 * replaced, so scrolling is kept), and reveals a cell in the text when the page says it was clicked.
 * The page is also a grid: a value typed into a cell comes here as an `edit` message, the server
 * computes it (`govreport/editCell`, for the version the page shows) and it is applied with
 * `workspace.applyEdit` — undo, redo, dirty state and save are the editor's own.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EDIT_CELL_REQUEST,
  PREVIEW_REQUEST,
  type EditCellParams,
  type EditCellResult,
  type GridCell,
  type PreviewParams,
  type PreviewResult,
} from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './claim';
import { messages } from './messages';
import { previewRequest, type EditMessage, type LspRange, type PreviewDocument } from './previewMessages';

export const PREVIEW_VIEW_TYPE = 'govreport.preview';
/** How long typing must pause before the preview is rendered again (ms). */
const UPDATE_DELAY_MS = 150;

const cellKey = (c: GridCell): string => `${c.table}/${c.row}/${c.column}`;

class Preview {
  private timer: NodeJS.Timeout | undefined;
  /** Counts renders asked for; an answer older than the latest one applied is dropped. */
  private requested = 0;
  private applied = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private visible = true;

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    onDispose: () => void,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      // A message from the page may only act on this document, within its text as it stands; anything else is ignored.
      panel.webview.onDidReceiveMessage((message: unknown) => {
        const request = previewRequest(message, this.ownDocument());
        if (request?.kind === 'reveal') void this.reveal(request.range, request.keepFocus);
        else if (request?.kind === 'edit') void this.edit(request.message);
        else if (request?.kind === 'leave') void this.leave();
      }),
      // A hidden webview drops its content: shown again, it gets the whole page for the current text.
      panel.onDidChangeViewState((event) => {
        const visible = event.webviewPanel.visible;
        if (visible && !this.visible) void this.render(false);
        this.visible = visible;
      }),
    );
  }

  /** The panel's document as the message checks see it (its text as it stands now). */
  private ownDocument(): PreviewDocument {
    const document = this.document;
    return { uri: document.uri.toString(), lineCount: document.lineCount, lineLength: (line) => document.lineAt(line).text.length };
  }

  /** The document changed: render again once typing pauses. */
  changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.panel.visible) void this.render(true);
    }, UPDATE_DELAY_MS);
  }

  /** Renders the whole page (`bodyOnly` false) or only its content. */
  async render(bodyOnly: boolean): Promise<void> {
    const ticket = ++this.requested;
    const params: PreviewParams = bodyOnly
      ? { uri: this.document.uri.toString(), bodyOnly: true }
      : { uri: this.document.uri.toString(), nonce: randomBytes(16).toString('base64'), cspSource: this.panel.webview.cspSource, documentName: documentName(this.document) };
    let result: PreviewResult;
    try {
      result = await this.client.sendRequest<PreviewResult>(PREVIEW_REQUEST, params);
    } catch (error) {
      void vscode.window.showErrorMessage(messages().previewFailed({ detail: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (!result || ticket < this.applied) return;
    this.applied = ticket;
    if (bodyOnly) void this.panel.webview.postMessage({ type: 'update', body: result.html, version: result.version });
    else this.panel.webview.html = result.html;
  }

  /** A value typed into the grid: the server's edit for the version the page shows, applied as the editor's own edit. */
  private async edit(message: EditMessage): Promise<void> {
    const key = cellKey(message.cell);
    const refuse = (text: string): Thenable<boolean> => this.panel.webview.postMessage({ type: 'refused', cell: key, message: text, text: message.text });
    const params: EditCellParams = { uri: this.document.uri.toString(), version: message.version, ...message.cell, text: message.text, autoTotals: message.autoTotals, keep: message.keep };
    let result: EditCellResult;
    try {
      result = await this.client.sendRequest<EditCellResult>(EDIT_CELL_REQUEST, params);
    } catch (error) {
      void refuse(messages().previewFailed({ detail: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (!result) return;
    if (!result.ok) {
      void refuse(result.message);
      return;
    }
    // The text changed while the server computed: nothing is written.
    if (this.document.version !== result.version) {
      void refuse(messages().cellEditRefused({ reason: 'stale', cell: '', text: message.text }));
      return;
    }
    const edits = result.edit.changes[this.document.uri.toString()] ?? [];
    const conflicts = result.conflicts.map((c) => ({ cell: cellKey(c.cell), message: c.message }));
    if (edits.length > 0) {
      const edit = new vscode.WorkspaceEdit();
      for (const e of edits) edit.replace(this.document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      if (!(await vscode.workspace.applyEdit(edit))) {
        void refuse(messages().cellEditRefused({ reason: 'stale', cell: '', text: message.text }));
        return;
      }
    }
    void this.panel.webview.postMessage({ type: 'edited', cell: key, conflicts });
  }

  /** Esc in the grid: back to the text. */
  private async leave(): Promise<void> {
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    await vscode.window.showTextDocument(this.document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  }

  private async reveal([startLine, startCharacter, endLine, endCharacter]: LspRange, keepFocus = false): Promise<void> {
    const selection = new vscode.Range(startLine, startCharacter, endLine, endCharacter);
    // A message from the page may only select a range of its own document, as it stands.
    if (!this.document.validateRange(selection).isEqual(selection)) return;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection, preserveFocus: keepFocus });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}

function documentName(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path : path.basename(document.uri.fsPath);
}

/** One preview panel per document. */
export class PreviewPanels implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.previews.get(event.document.uri.toString())?.changed();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.previews.get(document.uri.toString())?.panel.dispose();
      }),
    ];
  }

  /** The command: preview the given document (from the editor title button) or the active one. */
  async show(uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showWarningMessage(messages().previewNoDocument());
      return undefined;
    }
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      messages().previewTitle({ document: documentName(document) }),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    const preview = new Preview(document, panel, this.client, () => this.previews.delete(key));
    this.previews.set(key, preview);
    await preview.render(false);
    return panel;
  }

  dispose(): void {
    for (const preview of this.previews.values()) preview.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
