/**
 * structure.placeholder (error) — text written to be replaced and left in: a prompt in brackets
 * (「（请在此说明…）」, what govreport's own quick fixes insert for a missing section), 「待补充」
 * 「待填写」「（待填）」, and runs of XXX / ××× standing for a name or a number. A report with one is
 * not finished, whatever else holds: until it is replaced, no check of the text can vouch for it.
 * Table cells left （待填） (what an inserted table or row holds) are one finding per row.
 */
import type { Finding } from '../findings';
import { PENDING_MARK } from '../format/normalize';
import { TABLE_IDS } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import type { Cell, ReportModel } from '../model';
import type { Span } from '../text';
import type { Rule, RuleContext } from './rule';

/** At most this many are reported (a template left unfilled has them everywhere). */
const MAX_FINDINGS = 50;

const PLACEHOLDER = new RegExp(
  [
    '[（(]\\s*请在此[^）)\\n]{0,80}[）)]', // （请在此说明…）
    '[（(【\\[]\\s*待[填补][写充]?\\s*[）)】\\]]', // （待填）【待补充】
    '待补充|待填写', // 待补充, 待填写
    '(?<![A-Za-z0-9])(?:[XxＸｘ]{3,}|×{2,})(?![A-Za-z0-9])', // XXX, ×××
  ].join('|'),
  'gu',
);

/** Whether a text holds a placeholder (a prompt in brackets, 待补充, XXX…). */
export function holdsPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}

/** PLACEHOLDER for a yes/no answer (a global expression's test() would carry its lastIndex between calls). */
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDER.source, 'u');

/** A table cell left as （待填） (what an inserted table or row holds): the parser reads it as missing. */
export function isPendingCell(cell: Cell): boolean {
  return cell.state === 'missing' && PENDING.test(cell.raw);
}

const PENDING = new RegExp(`^${PENDING_MARK.source}$`, 'u');

/** The cells of each row left （待填）: one finding per row, over its first to its last such cell. */
function pendingRows(model: ReportModel, messages: MessageCatalog): { finding: Finding; span: Span }[] {
  const found: { finding: Finding; span: Span }[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    for (const row of table.rows) {
      if (!row.cells.some(isPendingCell)) continue;
      const cells = row.cells.filter(isPendingCell);
      const span = { start: cells[0]!.span.start, end: cells[cells.length - 1]!.span.end };
      const rowName = id === 'C' ? table.spec.name : row.spec.label;
      const message = messages.placeholderCells({ row: rowName, count: cells.length, text: cells[0]!.raw });
      found.push({ span, finding: { code: 'structure.placeholder', severity: 'error', span, message, related: [], fixes: [] } });
    }
  }
  return found;
}

export const placeholderRule: Rule = {
  id: 'structure.placeholder',
  codes: ['structure.placeholder'],
  description: '正文中没有留待填写的占位内容（“（请在此……）”“待补充”“XXX”“（待填）”等）',
  check({ model, messages }: RuleContext): Finding[] {
    if (!model.isReport) return [];
    const rows = pendingRows(model, messages);
    const findings: Finding[] = [];
    for (const match of model.text.matchAll(PLACEHOLDER)) {
      if (findings.length === MAX_FINDINGS) break;
      const span = { start: match.index, end: match.index + match[0].length };
      // A row's cells left （待填） are that row's one finding.
      if (rows.some((r) => r.span.start <= span.start && span.end <= r.span.end)) continue;
      findings.push({ code: 'structure.placeholder', severity: 'error', span, message: messages.placeholder({ text: match[0] }), related: [], fixes: [] });
    }
    return [...rows.map((r) => r.finding), ...findings].sort((a, b) => a.span.start - b.span.start);
  },
};
