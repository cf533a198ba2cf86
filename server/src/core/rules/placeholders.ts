/**
 * structure.placeholder (error) — text written to be replaced and left in: a prompt in brackets
 * (「（请在此说明…）」, what govreport's own quick fixes insert for a missing section), 「待补充」
 * 「待填写」「（待填）」, and runs of XXX / ××× standing for a name or a number. A report with one is
 * not finished, whatever else holds: until it is replaced, no check of the text can vouch for it.
 */
import type { Finding } from '../findings';
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

export const placeholderRule: Rule = {
  id: 'structure.placeholder',
  codes: ['structure.placeholder'],
  description: '正文中没有留待填写的占位内容（“（请在此……）”“待补充”“XXX”等）',
  check({ model, messages }: RuleContext): Finding[] {
    if (!model.isReport) return [];
    const findings: Finding[] = [];
    for (const match of model.text.matchAll(PLACEHOLDER)) {
      if (findings.length === MAX_FINDINGS) break;
      const span = { start: match.index, end: match.index + match[0].length };
      findings.push({ code: 'structure.placeholder', severity: 'error', span, message: messages.placeholder({ text: match[0] }), related: [], fixes: [] });
    }
    return findings;
  },
};
