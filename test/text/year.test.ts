/**
 * text.year: the statistics period, statements of the report year in sections 一 and 六 and the fee
 * sentence agree with the title; other years that are legitimately other years are left alone.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { yearStatements } from '../../server/src/core/narrative/years';
import { pdfText, sample } from '../support/paths';
import { lineOf, textFindings, textFixture } from './support';

describe('text.year', () => {
  it('year.txt: the period, a statement in section 一 and the fee sentence name 2023 in a 2024 report', () => {
    const { text, analysis } = textFixture('year.txt');
    const found = analysis.findings.filter((f) => f.code === 'text.year');
    assert.deepEqual(textFindings(analysis, ['text.year']).map((f) => [f.line, f.text]), [[3, '2023年'], [7, '2023年'], [84, '2023年度']]);
    assert.deepEqual(found.map((f) => f.message), [
      '统计期限写作 2023 年，而报告年度（标题）为 2024 年',
      '此处写作 2023 年，而报告年度（标题）为 2024 年——可能沿用了其他年度报告的文字',
      '收费情况写作 2023 年，而报告年度（标题）为 2024 年',
    ]);
    for (const f of found) {
      assert.deepEqual(f.related.map((r) => [lineOf(analysis, r.span.start), text.slice(r.span.start, r.span.end)]), [[1, '2024']]);
      // The fix writes the title's year over the digits and nothing else; never part of fix-all.
      assert.equal(f.fixes.length, 1);
      const fix = f.fixes[0]!;
      assert.equal(fix.title, '将 2023 年改为 2024 年');
      assert.equal(fix.safe, false);
      assert.equal(fix.edits.length, 1);
      assert.equal(text.slice(fix.edits[0]!.span.start, fix.edits[0]!.span.end), '2023');
      assert.equal(fix.edits[0]!.newText, '2024');
    }
  });
  it('year.txt: what is not a statement of the report year', () => {
    const { analysis } = textFixture('year.txt');
    const statements = yearStatements(analysis.model, 2024).map((y) => [lineOf(analysis, y.span.start), y.where, y.value]);
    // Not among them: 《某某区2024年政务公开工作要点》, 较2023年增长, 2024年6月6日上线, 2023年12月印发的,
    // 〔2023〕5号, 自2021年起, 〔2020〕109号, 下一步，2025年我局将…
    assert.deepEqual(statements, [[3, 'period', 2023], [3, 'period', 2024], [7, 'statement', 2023], [11, 'statement', 2024], [15, 'statement', 2024], [84, 'fee', 2023]]);
  });
  it('a PDF period with spaces (统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止) reads as two period years', () => {
    const analysis = analyze(pdfText('001').text);
    assert.deepEqual(yearStatements(analysis.model, 2023).filter((y) => y.where === 'period').map((y) => [lineOf(analysis, y.span.start), y.value]), [[6, 2023], [7, 2023]]);
  });
  it('no text.year finding on the samples and the PDF-text reports (2023年6月6日上线 in a 2023 report, 2025 年我们将… are fine)', () => {
    for (const t of [sample('000'), sample('001'), sample('002'), sample('003'), sample('004'), pdfText('001'), pdfText('002'), pdfText('003')]) {
      assert.deepEqual(textFindings(analyze(t.text), ['text.year']), [], t.name);
    }
  });
  it('a report with no title year compares nothing with its own period', () => {
    const text = '一、总体情况\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。2022年，我局…\n';
    const analysis = analyze(text);
    assert.equal(analysis.model.title, null);
    assert.deepEqual(textFindings(analysis, ['text.year']).map((f) => [f.line, f.text]), [[2, '2022年']]);
  });
});
