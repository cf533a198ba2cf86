/**
 * text.fee-statement — section 六 states the three fee facts of 国办函〔2020〕109号 (the number of fee
 * notices sent, their total amount, the amount actually collected), and they agree with each other and
 * with table B （六）2: no amount without a notice, no more collected than notified, and a notice sent
 * when an applicant was dropped for not paying one. A missing section 六 is structure.section-missing's.
 */
import type { Finding, RelatedLocation } from '../findings';
import { trustedCell } from '../model';
import { feeStatement, FEE_FACTS, type FeeFact } from '../narrative/fees';
import { cellLabel } from './identities';
import { holdsPlaceholder } from './placeholders';
import type { Rule, RuleContext } from './rule';

export const textFeeRule: Rule = {
  id: 'text.fee',
  codes: ['text.fee-statement'],
  description: '第六部分应说明发出收费通知的件数、总金额和实际收取的总金额，且三者之间、与表二（六）2 相互一致',
  check({ model, messages }: RuleContext): Finding[] {
    const { section, facts, sentences } = feeStatement(model);
    if (!section) return [];
    const findings: Finding[] = [];
    const unpaid = trustedCell(model.tables.B, 'other.2', 'total');
    const unpaidValue = unpaid?.value ?? null;
    const unpaidRelated: RelatedLocation[] =
      unpaid && unpaidValue !== null && unpaidValue > 0 ? [{ span: unpaid.span, message: messages.relatedTableCell({ cell: cellLabel(unpaid, messages), value: unpaidValue }) }] : [];
    const name = (fact: FeeFact): string => messages.feeFact({ fact });

    const missing = FEE_FACTS.filter((f) => !facts[f]);
    // A section still holding a placeholder (the prompt an inserted section 六 has) is unfinished, an
    // error of structure.placeholder: what it does not state yet is not said twice.
    if (missing.length > 0 && !holdsPlaceholder(model.text.slice(section.span.start, section.span.end))) {
      const first = sentences[0];
      const span = first ? first.span : section.headingSpan;
      let message = messages.feeMissing({ missing: missing.map(name) });
      const related: RelatedLocation[] = [];
      if (missing.includes('notices') && unpaidRelated.length > 0) {
        message = messages.sentences([message, messages.feeNoteFromTable({ value: unpaidValue! })]);
        related.push(...unpaidRelated);
      }
      findings.push({ code: 'text.fee-statement', severity: 'warning', span, message, related, fixes: [] });
    }

    const { notices, amount, collected } = facts;
    if (notices && notices.value === 0) {
      for (const [fact, stated] of [['amount', amount], ['collected', collected]] as const) {
        if (!stated || stated.value <= 0) continue;
        findings.push({
          code: 'text.fee-statement', severity: 'warning', span: stated.span,
          message: messages.feeAmountWithoutNotice({ fact: name(fact), amount: stated.value }),
          related: [{ span: notices.span, message: messages.relatedFeeStatement({ quote: `${name('notices')} 0` }) }], fixes: [],
        });
      }
    }
    // Every applicant dropped for not paying had a notice.
    if (notices && unpaidValue !== null && notices.value < unpaidValue) {
      findings.push({
        code: 'text.fee-statement', severity: 'warning', span: notices.span,
        message: messages.feeNoticesContradictTable({ notices: notices.value, value: unpaidValue }), related: unpaidRelated, fixes: [],
      });
    }
    // (With no notice at all, the amount collected is already reported above.)
    if (amount && collected && collected.value > amount.value && !(notices && notices.value === 0)) {
      findings.push({
        code: 'text.fee-statement', severity: 'warning', span: collected.span,
        message: messages.feeCollectedExceeds({ collected: collected.value, notified: amount.value }),
        related: [{ span: amount.span, message: messages.relatedFeeStatement({ quote: `${name('amount')} ${amount.value} 元` }) }], fixes: [],
      });
    }
    return findings;
  },
};
