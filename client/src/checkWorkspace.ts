/**
 * `govreport.checkWorkspace`: the server checks every report file in the open folders from disk and
 * fills the Problems panel; here only the progress notification (fed by the server's work-done
 * progress, cancellable) and the summary message.
 */
import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceParams, type CheckWorkspaceResult } from '../../server/src/lsp/protocol';
import { messages } from './messages';

export async function checkWorkspace(client: LanguageClient): Promise<void> {
  const m = messages();
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(m.checkWorkspaceNoFolders());
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: m.checkWorkspaceTitle(), cancellable: true },
    async (progress, token) => {
      const workDoneToken = randomUUID();
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? reported;
        progress.report({ increment: Math.max(0, percentage - reported), ...(value.message !== undefined ? { message: value.message } : {}) });
        reported = Math.max(reported, percentage);
      });
      try {
        const params: CheckWorkspaceParams = { workDoneToken };
        return await client.sendRequest<CheckWorkspaceResult | null>(CHECK_WORKSPACE_REQUEST, params, token);
      } finally {
        listener.dispose();
      }
    },
  );
  if (!result) return;
  if (result.filesWithErrors > 0 || result.unreadable > 0) {
    const open = await vscode.window.showWarningMessage(result.summary, m.checkWorkspaceOpenProblems());
    if (open) await vscode.commands.executeCommand('workbench.actions.view.problems');
  } else {
    void vscode.window.showInformationMessage(result.summary);
  }
}

