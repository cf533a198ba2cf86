/**
 * text.year — the statistics period, the statements of the report's year in the preamble and in
 * sections 一 and 六, and the fee statement must name the year of the title.
 */
import type { Finding, RelatedLocation } from '../findings';
import { spanIn } from '../narrative/flow';
import { yearStatements } from '../narrative/years';
import type { Rule, RuleContext } from './rule';

export const textYearRule: Rule = {
  id: 'text.year',
  codes: ['text.year'],
  description: '统计期限、第一和第六部分中表述本年度的年份以及收费情况的年份应与标题中的报告年度一致',
  check({ model, messages }: RuleContext): Finding[] {
    const year = model.title?.year ?? model.year;
    if (year === null) return [];
    const titleSpan = model.title?.year != null ? model.title.yearSpan : null;
    const findings: Finding[] = [];
    for (const statement of yearStatements(model, year)) {
      if (statement.value === year) continue;
      // Without a title year, the period is where the year comes from: nothing to compare it with.
      if (!titleSpan && statement.where === 'period') continue;
      const related: RelatedLocation[] = titleSpan ? [{ span: titleSpan, message: messages.relatedTitleYear({ year }) }] : [];
      // The digits as typed, in their own width (２０２２ → ２０２３).
      const digits = spanIn(statement.sentence, statement.number.start, statement.number.end);
      const typed = model.text.slice(digits.start, digits.end);
      const fullWidth = /^[０-９]/u.test(typed);
      const newText = fullWidth ? String(year).replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d))) : String(year);
      findings.push({
        code: 'text.year', severity: 'warning', span: statement.span,
        message: messages.yearMismatch({ where: statement.where, stated: statement.value, year }),
        related,
        // Changing a number the author typed: offered, never part of fix-all.
        fixes: [{ title: messages.fixYear({ stated: statement.value, year }), edits: [{ span: digits, newText }], safe: false }],
      });
    }
    return findings;
  },
};
