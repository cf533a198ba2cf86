/**
 * `--format html`: the reviewer's verdict page (core features/verdictPage.ts) — one self-contained
 * page, a row per report with its findings and tables behind it, the files not checked listed. The
 * reports' analyses are kept for it (`keepAnalyses`), since the page draws their tables.
 */
import { randomBytes } from 'crypto';
import { renderVerdictPage } from '../../core/features/verdictPage';
import { zhCN } from '../../core/messages/zh-cn';
import type { CheckResult } from '../check';
import type { FormatOptions } from './options';

export function formatHtml(result: CheckResult, { messages = zhCN }: FormatOptions): string {
  const reports = result.files.map((file) => ({ path: file.path, diagnostics: file.diagnostics, ...(file.analysis ? { analysis: file.analysis } : {}) }));
  const notChecked = (result.notChecked ?? []).map((n) => ({ text: messages.cliNotCheckedItem(n) }));
  return renderVerdictPage(reports, notChecked, { messages, nonce: randomBytes(16).toString('base64') });
}
