/**
 * Every text.* finding on the five samples and the three PDF-text reports, exactly: nothing a careful
 * reader would call wrong, and the one published error of EXPECTED.md (004 line 9).
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { pdfText, sample } from '../support/paths';
import { textFindings } from './support';

describe('text.* on the real reports', () => {
  const cases: [string, () => { text: string }, [string, number, string][]][] = [
    ['000', () => sample('000'), []],
    ['001', () => sample('001'), []],
    ['002', () => sample('002'), []],
    ['003', () => sample('003'), []],
    ['004', () => sample('004'), [['text.table-mismatch', 9, 'warning']]],
    // The fee sentence states only the amount collected (全年收取…信息处理费 0 元).
    ['pdf 001 洪泽区 2023', () => pdfText('001'), [['text.fee-statement', 167, 'warning']]],
    // 区政府办代表区政府受理…17件 against 95 (information: the subject may be a part of the body); fees as above.
    ['pdf 002 洪泽区 2024', () => pdfText('002'), [['text.table-mismatch', 25, 'information'], ['text.fee-statement', 165, 'warning']]],
    // Fees: only 3940 元 collected is stated, while table B （六）2 = 6 shows notices were sent.
    ['pdf 003 淮安市 2024', () => pdfText('003'), [['text.fee-statement', 240, 'warning']]],
  ];
  for (const [name, load, expected] of cases) {
    it(`${name}: ${expected.length === 0 ? 'none' : expected.map(([code, line]) => `${code} line ${line}`).join(', ')}`, () => {
      assert.deepEqual(textFindings(analyze(load().text)).map((f) => [f.code, f.line, f.severity]), expected);
    });
  }
});
