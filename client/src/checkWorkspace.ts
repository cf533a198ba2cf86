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

/** The first workspace folder (where an export is proposed), or none after saying so. */
function exportFolder(): vscode.WorkspaceFolder | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) void vscode.window.showWarningMessage(messages().checkWorkspaceNoFolders());
  return folder;
}

interface ExportTarget {
  readonly format: WorkspaceExportFormat;
  readonly title: string;
  /** The file name proposed in the folder. */
  readonly file: string;
  readonly filterName: string;
  readonly extension: string;
  /** What is said once it is written. */
  readonly exported: (p: { file: string; reports: number }) => string;
}

/** Asks where to write, then the server for the workspace's export in that format, writes it there and says so. */
async function exportTo(client: LanguageClient, folder: vscode.WorkspaceFolder, what: ExportTarget): Promise<void> {
  const target = await vscode.window.showSaveDialog({
    title: what.title,
    defaultUri: vscode.Uri.joinPath(folder.uri, what.file),
    filters: { [what.filterName]: [what.extension] },
  });
  if (!target) return;
  const result = await withServerProgress(client, messages().checkWorkspaceTitle(), (workDoneToken, token) => {
    const params: ExportWorkspaceCheckParams = { format: what.format, workDoneToken };
    return client.sendRequest<ExportWorkspaceCheckResult | null>(EXPORT_WORKSPACE_CHECK_REQUEST, params, token);
  });
  if (!result || result.cancelled) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  void vscode.window.showInformationMessage(what.exported({ file: vscode.workspace.asRelativePath(target), reports: result.reports }));
}

/**
 * `govreport.exportWorkspaceCheck`: the workspace's reports checked again and written as the verdict
 * page (the same page as `govreport check --format html`) where the user chooses.
 */
export async function exportWorkspaceCheck(client: LanguageClient): Promise<void> {
  const m = messages();
  const folder = exportFolder();
  if (!folder) return;
  await exportTo(client, folder, {
    format: 'html',
    title: m.checkWorkspaceExportTitle(),
    file: 'govreport-results.html',
    filterName: m.checkWorkspaceExportFilter(),
    extension: 'html',
    exported: (p) => m.checkWorkspaceExported(p),
  });
}

/**
 * `govreport.exportWorkspaceData`: the tables' data of the workspace's reports as CSV — the CSV of
 * `govreport extract --format csv`, a row per cell, or with `--wide`, a row per report (the user
 * chooses) — written where the user chooses.
 */
export async function exportWorkspaceData(client: LanguageClient): Promise<void> {
  const m = messages();
  const folder = exportFolder();
  if (!folder) return;
  const layouts: (vscode.QuickPickItem & { format: WorkspaceExportFormat; file: string })[] = [
    { label: m.exportDataLong(), detail: m.exportDataLongDetail(), format: 'csv', file: 'govreport-data.csv' },
    { label: m.exportDataWide(), detail: m.exportDataWideDetail(), format: 'csv-wide', file: 'govreport-data-wide.csv' },
  ];
  const layout = await vscode.window.showQuickPick(layouts, { title: m.exportDataTitle(), placeHolder: m.exportDataPlaceholder() });
  if (!layout) return;
  await exportTo(client, folder, {
    format: layout.format,
    title: m.exportDataTitle(),
    file: layout.file,
    filterName: m.exportDataFilter(),
    extension: 'csv',
    exported: (p) => m.exportDataExported(p),
  });
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

