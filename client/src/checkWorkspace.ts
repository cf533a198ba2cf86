/**
 * `govreport.checkWorkspace`: the server checks every report file in the open folders from disk and
 * fills the Problems panel; here only the progress notification (fed by the server's work-done
 * progress, cancellable), the summary message (with a button to export the results) and the exports
 * themselves (the server renders the verdict page or the tables' CSV; the client writes it where the
 * user chose).
 */
import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  CHECK_WORKSPACE_REQUEST,
  EXPORT_WORKSPACE_CHECK_REQUEST,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type ExportWorkspaceCheckParams,
  type ExportWorkspaceCheckResult,
  type WorkspaceExportFormat,
} from '../../server/src/lsp/protocol';
import { messages } from './messages';

/** Sends a request that reports work-done progress into a cancellable notification. */
async function withServerProgress<T>(client: LanguageClient, title: string, send: (workDoneToken: string, token: vscode.CancellationToken) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const workDoneToken = randomUUID();
    let reported = 0;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percentage = value.percentage ?? reported;
      progress.report({ increment: Math.max(0, percentage - reported), ...(value.message !== undefined ? { message: value.message } : {}) });
      reported = Math.max(reported, percentage);
    });
    try {
      return await send(workDoneToken, token);
    } finally {
      listener.dispose();
    }
  });
}

/** Asks the server for the workspace's export in a format and writes it where the user chose; the number of reports it holds, or null when none was written. */
async function exportTo(client: LanguageClient, format: WorkspaceExportFormat, target: vscode.Uri): Promise<number | null> {
  const result = await withServerProgress(client, messages().checkWorkspaceTitle(), (workDoneToken, token) => {
    const params: ExportWorkspaceCheckParams = { format, workDoneToken };
    return client.sendRequest<ExportWorkspaceCheckResult | null>(EXPORT_WORKSPACE_CHECK_REQUEST, params, token);
  });
  if (!result || result.cancelled) return null;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  return result.reports;
}

/**
 * `govreport.exportWorkspaceCheck`: the workspace's reports checked again and written as the verdict
 * page (the same page as `govreport check --format html`) where the user chooses.
 */
export async function exportWorkspaceCheck(client: LanguageClient): Promise<void> {
  const m = messages();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(m.checkWorkspaceNoFolders());
    return;
  }
  const target = await vscode.window.showSaveDialog({
    title: m.checkWorkspaceExportTitle(),
    defaultUri: vscode.Uri.joinPath(folder.uri, 'govreport-results.html'),
    filters: { [m.checkWorkspaceExportFilter()]: ['html'] },
  });
  if (!target) return;
  const reports = await exportTo(client, 'html', target);
  if (reports !== null) void vscode.window.showInformationMessage(m.checkWorkspaceExported({ file: vscode.workspace.asRelativePath(target), reports }));
}

/**
 * `govreport.exportWorkspaceData`: the tables' data of the workspace's reports as CSV — the CSV of
 * `govreport extract --format csv`, a row per cell, or with `--wide`, a row per report (the user
 * chooses) — written where the user chooses.
 */
export async function exportWorkspaceData(client: LanguageClient): Promise<void> {
  const m = messages();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(m.checkWorkspaceNoFolders());
    return;
  }
  const layouts: (vscode.QuickPickItem & { format: WorkspaceExportFormat; file: string })[] = [
    { label: m.exportDataLong(), detail: m.exportDataLongDetail(), format: 'csv', file: 'govreport-data.csv' },
    { label: m.exportDataWide(), detail: m.exportDataWideDetail(), format: 'csv-wide', file: 'govreport-data-wide.csv' },
  ];
  const layout = await vscode.window.showQuickPick(layouts, { title: m.exportDataTitle(), placeHolder: m.exportDataPlaceholder() });
  if (!layout) return;
  const target = await vscode.window.showSaveDialog({
    title: m.exportDataTitle(),
    defaultUri: vscode.Uri.joinPath(folder.uri, layout.file),
    filters: { [m.exportDataFilter()]: ['csv'] },
  });
  if (!target) return;
  const reports = await exportTo(client, layout.format, target);
  if (reports !== null) void vscode.window.showInformationMessage(m.exportDataExported({ file: vscode.workspace.asRelativePath(target), reports }));
}

export async function checkWorkspace(client: LanguageClient, onResult: (result: CheckWorkspaceResult) => void = () => undefined): Promise<void> {
  const m = messages();
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(m.checkWorkspaceNoFolders());
    return;
  }
  const result = await withServerProgress(client, m.checkWorkspaceTitle(), (workDoneToken, token) => {
    const params: CheckWorkspaceParams = { workDoneToken };
    return client.sendRequest<CheckWorkspaceResult | null>(CHECK_WORKSPACE_REQUEST, params, token);
  });
  if (!result) return;
  onResult(result);
  const problems = result.filesWithErrors > 0 || result.unreadable > 0;
  const choice = problems
    ? await vscode.window.showWarningMessage(result.summary, m.checkWorkspaceOpenProblems(), m.checkWorkspaceExport())
    : await vscode.window.showInformationMessage(result.summary, m.checkWorkspaceExport());
  if (choice === m.checkWorkspaceOpenProblems()) await vscode.commands.executeCommand('workbench.actions.view.problems');
  else if (choice === m.checkWorkspaceExport()) await exportWorkspaceCheck(client);
}

