/**
 * The status bar item while a report is the active editor: `年报：2 错误 · 1 警告` from the document's
 * govreport diagnostics; clicking it opens the Problems panel. Hidden for any other document.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './claim';
import { countDiagnostics } from './diagnosticCounts';
import { messages } from './messages';

export const STATUS_BAR_ID = 'govreport.status';
export const WORKSPACE_STATUS_BAR_ID = 'govreport.workspaceStatus';

/** What the workspace check found, as its status bar item shows it (`工作区 186 份年报：23 份有错误`). */
export interface WorkspaceCounts {
  readonly files: number;
  readonly filesWithErrors: number;
  readonly errors: number;
  readonly warnings: number;
  readonly unreadable: number;
}

/** The workspace item: hidden until a workspace check ran, then its counts until the next one. */
export function workspaceStatusBar(): { show(counts: WorkspaceCounts): void; disposable: { dispose(): void } } {
  const item = vscode.window.createStatusBarItem(WORKSPACE_STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 99);
  item.name = 'govreport (workspace)';
  item.command = 'workbench.actions.view.problems';
  return {
    show(counts) {
      const m = messages();
      item.text = `$(checklist) ${m.statusBarWorkspaceText(counts)}`;
      item.tooltip = m.statusBarWorkspaceTooltip(counts);
      item.show();
    },
    disposable: item,
  };
}

export function statusBar(): { dispose(): unknown }[] {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 100);
  item.name = 'govreport';
  item.command = 'workbench.actions.view.problems';
  item.tooltip = messages().statusBarTooltip();

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      item.hide();
      return;
    }
    item.text = messages().statusBarText(countDiagnostics(vscode.languages.getDiagnostics(document.uri)));
    item.show();
  };

  update();
  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    // A .txt claimed as a report changes language after it became active.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active !== undefined && event.uris.some((uri) => uri.toString() === active)) update();
    }),
  ];
}
