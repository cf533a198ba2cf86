/**
 * `govreport.newReport`: asks for the body's name and the year, then opens a new untitled report with
 * all six sections and the three tables (every cell （待填）), one cell per line. The text is the core's
 * `renderNewReport` (pure, bundled into the client).
 */
import * as vscode from 'vscode';
import { bodyNameProblem, defaultReportYear, FIRST_REPORT_YEAR, MAX_BODY_NAME, parseReportYear, renderNewReport } from '../../server/src/core/render/newReport';
import { LANGUAGE_ID } from './claim';
import { messages } from './messages';

export async function newReport(): Promise<void> {
  const m = messages();
  const body = await vscode.window.showInputBox({
    prompt: m.newReportBodyPrompt(),
    placeHolder: m.newReportBodyPlaceholder(),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = bodyNameProblem(value);
      return problem ? m.newReportBodyProblem({ problem, max: MAX_BODY_NAME }) : null;
    },
  });
  if (body === undefined) return;
  const now = new Date();
  const yearText = await vscode.window.showInputBox({
    prompt: m.newReportYearPrompt(),
    value: String(defaultReportYear(now)),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseReportYear(value, now);
      return 'problem' in parsed ? m.newReportYearProblem({ problem: parsed.problem, first: FIRST_REPORT_YEAR, last: now.getFullYear() + 1 }) : null;
    },
  });
  if (yearText === undefined) return;
  const parsed = parseReportYear(yearText, now);
  if ('problem' in parsed) return;
  const eol = vscode.workspace.getConfiguration('files').get<string>('eol') === '\r\n' ? '\r\n' : '\n';
  const content = renderNewReport({ body, year: parsed.year, eol });
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  await vscode.window.showTextDocument(document);
}
