/**
 * Bad input never crashes or hangs the narrative checks: damaged copies of the real reports, random
 * text of the scanner's own characters, and long runs with no sentence end.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { checkAgainstPrevious } from '../../server/src/core/previous';
import { pdfText, sample } from '../support/paths';

const REPORTS = ['000', '001', '002', '003', '004'].map((p) => sample(p).text).concat(['001', '002', '003'].map((p) => pdfText(p).text));
const ALPHABET = '0123456789０１２一二三十百千万亿零两件条元万%，。；（）()、其中涉及分别为含上年结转受理申请办结答复行政复议诉讼处罚年度统计期限收费通知总金额实际收取均为\n\t 　-—〔〕《》第号占其他';

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('text.* on bad input', () => {
  it('damaged copies and random text: no exception, every finding inside the text', () => {
    const rnd = random(7);
    for (let i = 0; i < 120; i++) {
      let text: string;
      if (i % 3 === 0) {
        text = '';
        const n = Math.floor(rnd() * 2000);
        for (let j = 0; j < n; j++) text += ALPHABET.charAt(Math.floor(rnd() * ALPHABET.length));
      } else {
        const base = REPORTS[i % REPORTS.length]!;
        const a = Math.floor(rnd() * base.length);
        const b = a + Math.floor(rnd() * 2000);
        text = i % 2 === 0 ? base.slice(0, a) + base.slice(b) : base.slice(0, a) + Array.from(base.slice(a, b)).reverse().join('') + base.slice(b);
      }
      const analysis = analyze(text);
      const findings = [...analysis.findings, ...checkAgainstPrevious(analysis, analyze(REPORTS[i % REPORTS.length]!))];
      for (const f of findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${f.code} in case ${i}`);
    }
  });
  it('200 000 characters of figures with no sentence end, and of one clause repeated: well under a few seconds', () => {
    let noStop = '一、总体情况\n';
    while (noStop.length < 200_000) noStop += '受理申请12件其中自然人3件涉及企业5件占50%结转下年度1件行政复议2件';
    for (const text of [noStop, '一、总体情况\n' + '收到申请1件，'.repeat(30_000)]) {
      const start = Date.now();
      analyze(text);
      assert.ok(Date.now() - start < 8000, `${Date.now() - start} ms`);
    }
  });
});
