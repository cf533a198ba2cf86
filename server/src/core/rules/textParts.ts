/**
 * text.parts-sum — parts that do not add up to the whole they enumerate (`其中…`, `8件(撤销1件、警告7件)`),
 * and percentages that are not the share of the count beside them (`42件，占51.85%`).
 */
import type { Finding, RelatedLocation } from '../findings';
import { partsAndWholes } from '../narrative/parts';
import type { Rule, RuleContext } from './rule';
import { cellLabel } from './identities';

export const textPartsRule: Rule = {
  id: 'text.parts',
  codes: ['text.parts-sum'],
  description: '正文中“其中”所列各项之和应等于总数，所列占比应等于分项与总数之比',
  check({ model, messages }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    const { enumerations, shares } = partsAndWholes(model);
    for (const e of enumerations) {
      if (e.status !== 'fails') continue;
      const related: RelatedLocation[] = e.parts.map((p) => ({ span: p.span, message: messages.relatedPart({ quote: p.quote, value: p.number.value }) }));
      findings.push({
        code: 'text.parts-sum', severity: 'warning', span: e.whole.span,
        message: messages.partsSum({ quote: e.whole.quote, whole: e.whole.number.value, parts: e.parts.map((p) => p.number.value), sum: e.sum, exhaustive: e.exhaustive, unit: e.whole.number.unit }),
        related, fixes: [],
      });
    }
    for (const s of shares) {
      if (s.status !== 'fails') continue;
      const related: RelatedLocation[] = [{ span: s.part.span, message: messages.relatedPart({ quote: s.part.quote, value: s.part.number.value }) }];
      if (s.whole.figure) related.push({ span: s.whole.figure.span, message: messages.relatedWhole({ quote: s.whole.figure.quote, value: s.whole.value }) });
      for (const cell of s.whole.cells?.cells ?? []) {
        if (cell) related.push({ span: cell.span, message: messages.relatedTableCell({ cell: cellLabel(cell, messages), value: cell.value }) });
      }
      findings.push({
        code: 'text.parts-sum', severity: 'warning', span: s.percent.span,
        message: messages.shareMismatch({ percent: `${s.percent.number.raw}%`, part: s.part.number.value, whole: s.whole.value, computed: s.computed }),
        related, fixes: [],
      });
    }
    return findings;
  },
};
