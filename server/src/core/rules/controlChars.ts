/**
 * text.control-char (warning) — invisible control characters in the text: NUL and the other C0
 * controls but tab, line breaks, form feed and vertical tab, and DEL. Copy-paste and PDF extraction
 * leave them; the file is still read and checked, and each run of them is reported once with a
 * quick fix that deletes exactly that run. The fix is never safe (not in fix-all): a control
 * character between two digits may be all that keeps two cells apart.
 */
import type { Finding } from '../findings';
import type { Rule, RuleContext } from './rule';

/** At most this many runs are reported; a text with more is damaged throughout, and one more says so. */
const MAX_RUNS = 50;

const CONTROL_RUN = /[\u0000-\u0008\u000e-\u001f\u007f]+/gu;

const codePoint = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export const controlCharRule: Rule = {
  id: 'text.control-char',
  codes: ['text.control-char'],
  description: '正文中没有不可见的控制字符（复制粘贴或 PDF 转换留下的 NUL 等）',
  check({ model, messages }: RuleContext): Finding[] {
    if (!model.isReport) return [];
    const findings: Finding[] = [];
    for (const match of model.text.matchAll(CONTROL_RUN)) {
      if (findings.length === MAX_RUNS) break;
      const run = match[0];
      const span = { start: match.index, end: match.index + run.length };
      const codes = [...new Set(Array.from(run, codePoint))];
      findings.push({
        code: 'text.control-char',
        severity: 'warning',
        span,
        message: messages.controlCharacters({ count: run.length, codes }),
        related: [],
        fixes: [{ title: messages.fixRemoveControlCharacters({ count: run.length }), edits: [{ span, newText: '' }], safe: false }],
      });
    }
    return findings;
  },
};
