/**
 * text.fee-statement: section 六 states the three fee facts of 国办函〔2020〕109号, consistently.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { feeStatement } from '../../server/src/core/narrative/fees';
import { pdfText, sample } from '../support/paths';
import { lineOf, textFindings, textFixture } from './support';

const BASE = textFixture('fees.txt').text;
const FEE_SENTENCE = '根据《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)，2024年度本机关发出收费通知的件数为0件，总金额为0元，实际收取的总金额为0元。';
const SIX_LINE = 80;

/** The fixture with its fee sentence replaced. */
function withFees(sentence: string, text = BASE): ReturnType<typeof analyze> {
  assert.ok(text.includes(FEE_SENTENCE));
  return analyze(text.replace(FEE_SENTENCE, sentence));
}

function facts(analysis: ReturnType<typeof analyze>): Record<string, number> {
  return Object.fromEntries(Object.entries(feeStatement(analysis.model).facts).map(([k, v]) => [k, v.value]));
}

describe('the three facts, as the samples and the PDF text state them', () => {
  it('000, 001: 发出收费通知的件数为0件，总金额为0元，实际收取的总金额为0元 — all three', () => {
    for (const prefix of ['000', '001']) {
      const analysis = analyze(sample(prefix).text);
      assert.deepEqual(facts(analysis), { notices: 0, amount: 0, collected: 0 });
      assert.deepEqual(textFindings(analysis, ['text.fee-statement']), []);
    }
  });
  it('003 (未收取信息处理费。发出收费通知的件数和总金额，以及实际收取的总金额均为0) and 004 (…均为0) — all three', () => {
    for (const prefix of ['003', '004']) {
      const analysis = analyze(sample(prefix).text);
      assert.deepEqual(facts(analysis), { notices: 0, amount: 0, collected: 0 });
      assert.deepEqual(textFindings(analysis, ['text.fee-statement']), []);
    }
  });
  it('002 has no section 六: left to structure.section-missing, no text.fee-statement', () => {
    assert.deepEqual(textFindings(analyze(sample('002').text), ['text.fee-statement']), []);
  });
  it('PDF text: 全年收取政府信息公开信息处理费 0 元 states only the amount collected', () => {
    for (const [prefix, line] of [['001', 167], ['002', 165]] as const) {
      const analysis = analyze(pdfText(prefix).text);
      assert.deepEqual(facts(analysis), { collected: 0 });
      const found = analysis.findings.filter((f) => f.code === 'text.fee-statement');
      assert.deepEqual(found.map((f) => [lineOf(analysis, f.span.start), f.severity]), [[line, 'warning']]);
      assert.match(found[0]!.message, /此处未说明：发出收费通知的件数、收费通知的总金额$/u);
    }
  });
  it('淮安市 2024: 3940 元 collected, and table B （六）2 is 6 — the message says a notice was sent and points at the cell', () => {
    const analysis = analyze(pdfText('003').text);
    assert.deepEqual(facts(analysis), { collected: 3940 });
    const found = analysis.findings.filter((f) => f.code === 'text.fee-statement');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /此处未说明：发出收费通知的件数、收费通知的总金额。表二（六）2「申请人逾期未按收费通知要求缴纳费用」为 6，说明本年发出过收费通知$/u);
    assert.deepEqual(found[0]!.related.map((r) => lineOf(analysis, r.span.start)), [188]);
  });
});

describe('fees.txt variants', () => {
  it('the fixture as it is: all three stated, consistent', () => {
    assert.deepEqual(textFindings(analyze(BASE), ['text.fee-statement']), []);
  });
  it('未收取信息处理费 alone states none of the three', () => {
    const analysis = withFees('本年度未收取信息处理费。');
    assert.deepEqual(facts(analysis), {});
    const found = analysis.findings.filter((f) => f.code === 'text.fee-statement');
    assert.deepEqual(found.map((f) => [lineOf(analysis, f.span.start), f.severity]), [[SIX_LINE, 'warning']]);
    assert.equal(
      found[0]!.message,
      '「其他需要报告的事项」应说明信息处理费的三项情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）：发出收费通知的件数、总金额以及实际收取的总金额；此处未说明：发出收费通知的件数、收费通知的总金额、实际收取的总金额',
    );
  });
  it('未发出收费通知 states the count; the amounts are still missing', () => {
    const analysis = withFees('本年度未发出收费通知，实际收取信息处理费0元。');
    assert.deepEqual(facts(analysis), { notices: 0, collected: 0 });
    assert.match(analysis.findings.find((f) => f.code === 'text.fee-statement')!.message, /此处未说明：收费通知的总金额$/u);
  });
  it('an amount without a notice', () => {
    const analysis = withFees('本年度发出收费通知的件数为0件，总金额为0元，实际收取的总金额为200元。');
    const found = analysis.findings.filter((f) => f.code === 'text.fee-statement');
    assert.deepEqual(found.map((f) => [lineOf(analysis, f.span.start), analysis.model.text.slice(f.span.start, f.span.end), f.message]), [
      [SIX_LINE, '200元', '发出收费通知的件数为 0，却有实际收取的总金额 200 元——没有收费通知就不应有收费金额'],
    ]);
  });
  it('more collected than notified', () => {
    const analysis = withFees('本年度发出收费通知2件，总金额100元，实际收取的总金额为150元。');
    assert.deepEqual(facts(analysis), { notices: 2, amount: 100, collected: 150 });
    assert.deepEqual(analysis.findings.filter((f) => f.code === 'text.fee-statement').map((f) => f.message), ['实际收取的总金额 150 元超过了收费通知的总金额 100 元']);
  });
  it('table B （六）2 above 0 while no notice was sent', () => {
    const row = '| | | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
    assert.ok(BASE.includes(row));
    const text = BASE.replace(row, row.replace('| 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 1 | 0 | 0 | 0 | 0 | 0 | 1 |'));
    const analysis = analyze(text);
    const found = analysis.findings.filter((f) => f.code === 'text.fee-statement');
    assert.deepEqual(found.map((f) => [lineOf(analysis, f.span.start), analysis.model.text.slice(f.span.start, f.span.end)]), [[SIX_LINE, '0件']]);
    assert.match(found[0]!.message, /^文中称发出收费通知 0 件，但表二（六）2「申请人逾期未按收费通知要求缴纳费用」为 1/u);
    assert.deepEqual(found[0]!.related.map((r) => lineOf(analysis, r.span.start)), [59]);
  });
  it('an empty section 六 misses all three, on its heading', () => {
    const analysis = withFees('');
    const found = analysis.findings.filter((f) => f.code === 'text.fee-statement');
    assert.deepEqual(found.map((f) => analysis.model.text.slice(f.span.start, f.span.end)), ['六、其他需要报告的事项']);
  });
});
