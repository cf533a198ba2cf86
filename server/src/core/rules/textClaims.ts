/**
 * text.table-mismatch — a figure in the narrative that the tables also hold, and they disagree. The
 * diagnostic sits on the figure and names both numbers and both places; when the words can be read
 * another way (a count that includes last year's carry-over, a subject that is only part of the
 * body), it says which reading was checked and reports at a lower severity.
 */
import type { Finding, RelatedLocation, Severity } from '../findings';
import { TABLES } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import { extractClaims, type Claim } from '../narrative/claims';
import type { IdentityEvaluation } from './evaluate';
import { cellLabel } from './identities';
import type { Rule, RuleContext } from './rule';

/** The claim's table place in words: 表二「一、本年新收…」的「总计」, or a whole group's rows by its name. */
export function claimPlace(claim: Claim, messages: MessageCatalog): string {
  const { refs, cells } = claim.reading;
  const table = TABLES[claim.reading.table];
  const rows = [...new Set(refs.map((r) => r.row))];
  const columns = [...new Set(refs.map((r) => r.column))];
  const group = table.rows.find((r) => r.children && r.children.length > 1 && r.children.length === rows.length && r.children.every((c) => rows.includes(c)));
  let names: string[];
  if (group && columns.length === 1) {
    names = [messages.groupCells({ group: group.label, column: table.columns.find((c) => c.id === columns[0])?.shortName ?? columns[0]! })];
  } else {
    names = cells.map((c, i) => (c ? cellLabel(c, messages) : refs[i]!.row));
  }
  return messages.claimPlace({ table: messages.tableName({ table: claim.reading.table }), cells: names });
}

export function claimFinding(claim: Claim, evaluations: readonly IdentityEvaluation[], messages: MessageCatalog): Finding | null {
  if (claim.status !== 'fails' && claim.status !== 'alternative') return null;
  const tableValue = claim.reading.value!;
  const place = claimPlace(claim, messages);
  const parts: string[] = [
    claim.number
      ? messages.tableMismatch({ quote: claim.quote, stated: claim.value, place, tableValue, unit: claim.number.unit })
      : messages.tableMismatchImplied({ quote: claim.quote, implied: claim.value, place, tableValue }),
  ];
  if (claim.statedReading) parts.push(messages.claimNoteStatedReading({ reading: 'includesCarried', value: tableValue }));
  const alternative = claim.alternatives.find((a) => a.id !== 'asStated' && a.value !== null && a.value === claim.value);
  if (claim.status === 'alternative' && alternative && alternative.id !== 'asStated') {
    parts.push(messages.claimNoteAlternative({ reading: alternative.id, value: alternative.value! }));
  }
  if (claim.partSubject) parts.push(messages.claimNotePartSubject({ subject: claim.partSubject }));
  // The table's own identities side with the text: the stated cell is the likelier error.
  const cell = claim.reading.cells.length === 1 ? claim.reading.cells[0] : undefined;
  const identity = cell && evaluations.find((e) => e.stated === cell && e.status === 'fails' && e.computed === claim.value);
  if (identity) parts.push(messages.claimNoteIdentity({ kind: identity.spec.kind, computed: identity.computed! }));
  const severity: Severity = claim.status === 'alternative' || claim.partSubject ? 'information' : 'warning';
  const related: RelatedLocation[] = claim.reading.cells.map((cell) => ({
    span: cell!.span,
    message: messages.relatedTableCell({ cell: cellLabel(cell!, messages), value: cell!.value }),
  }));
  return { code: 'text.table-mismatch', severity, span: claim.numberSpan, message: messages.sentences(parts), related, fixes: [] };
}

export const textClaimRule: Rule = {
  id: 'text.claims',
  codes: ['text.table-mismatch'],
  description: '正文中的数字（收到、办结、结转的申请数，办理结果，行政复议和诉讼数，表一数据）应与表格一致',
  check({ model, evaluations, messages }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const claim of extractClaims(model)) {
      const f = claimFinding(claim, evaluations, messages);
      if (f) findings.push(f);
    }
    return findings;
  },
};
