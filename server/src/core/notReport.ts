/**
 * What is shown for a document that does not read like a report: one information-level finding and
 * nothing else, instead of every rule's complaints about sections and tables it never had. Pure, so
 * the language server and the CLI can show the same thing.
 */
import type { Analysis } from './analysis';
import type { Finding } from './findings';
import type { MessageCatalog } from './messages/catalog';
import { zhCN } from './messages/zh-cn';
import type { ReportModel } from './model';
import { span } from './text';

export const NOT_A_REPORT = 'structure.not-a-report';

/** The finding for a text that is not a report: on its first non-blank line (an empty span in an empty text). */
export function notAReportFinding(model: ReportModel, messages: MessageCatalog = zhCN): Finding {
  const { lines } = model;
  let at = span(0, 0);
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const first = text.search(/\S/u);
    if (first < 0) continue;
    const start = lines.lineStart(line);
    at = span(start + first, start + text.trimEnd().length);
    break;
  }
  return { code: NOT_A_REPORT, severity: 'information', span: at, message: messages.notAReport(), related: [], fixes: [] };
}

/** The findings to show for an analysis: its own for a report, the single hint otherwise. */
export function shownFindings(analysis: Analysis, messages: MessageCatalog = zhCN): readonly Finding[] {
  return analysis.model.isReport ? analysis.findings : [notAReportFinding(analysis.model, messages)];
}
