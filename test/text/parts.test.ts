/**
 * text.parts-sum: parts that must add up to the whole they enumerate, and shares beside counts.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { partsAndWholes } from '../../server/src/core/narrative/parts';
import { pdfText, sample } from '../support/paths';
import { lineOf, textFindings, textFixture } from './support';

function lists(text: string) {
  const analysis = analyze(text);
  return {
    analysis,
    lists: partsAndWholes(analysis.model).enumerations.map((e) => ({
      line: lineOf(analysis, e.whole.span.start),
      whole: e.whole.number.value,
      parts: e.parts.map((p) => p.number.value),
      exhaustive: e.exhaustive,
      status: e.status,
      inTable: e.inTable,
    })),
  };
}

describe('the 其中 sentences of the samples hold and are not reported', () => {
  it('002: 办理各类留言53条，其中…27条，…6条，…20条 (12345 in a label is no part); 行政处罚 8件(撤销1件、警告7件) in table A', () => {
    const { analysis, lists: found } = lists(sample('002').text);
    assert.deepEqual(found, [
      { line: 6, whole: 53, parts: [27, 6, 20], exhaustive: false, status: 'holds', inTable: false },
      { line: 36, whole: 8, parts: [1, 7], exhaustive: true, status: 'holds', inTable: true },
    ]);
    assert.deepEqual(textFindings(analysis, ['text.parts-sum']), []);
  });
  it('003: 35件建议提案…其中主办（单办）14件，会办21件 — a partition, so it must add up, and it does', () => {
    const { analysis, lists: found } = lists(sample('003').text);
    assert.deepEqual(found, [
      { line: 7, whole: 92, parts: [65], exhaustive: false, status: 'holds', inTable: false },
      { line: 17, whole: 35, parts: [14, 21], exhaustive: true, status: 'holds', inTable: false },
    ]);
    assert.deepEqual(textFindings(analysis, ['text.parts-sum']), []);
  });
  it('pdf-text 003: 行政复议 351 件，其中结果维持 72 件…尚未审结 37 件, and 行政诉讼 46 件 after the semicolon, each its own list', () => {
    const { analysis, lists: found } = lists(pdfText('003').text);
    assert.deepEqual(found, [
      { line: 32, whole: 3050, parts: [34], exhaustive: false, status: 'holds', inTable: false },
      { line: 33, whole: 351, parts: [72, 64, 178, 37], exhaustive: true, status: 'holds', inTable: false },
      { line: 35, whole: 46, parts: [25, 5, 9, 7], exhaustive: true, status: 'holds', inTable: false },
    ]);
    assert.deepEqual(textFindings(analysis, ['text.parts-sum']), []);
  });
});

describe('parts.txt: lists that do not add up, and shares', () => {
  const { analysis } = textFixture('parts.txt');
  it('reports exactly the wrong ones', () => {
    assert.deepEqual(
      textFindings(analysis, ['text.parts-sum']).map((f) => [f.line, f.severity, f.text]),
      [
        [11, 'warning', '386条'], // 142 + 260 > 386, although 其中 need not name every part
        [11, 'warning', '120条'], // 分别为 80 + 30 ≠ 120
        [15, 'warning', '10.5%'], // 6 ÷ 55 = 10.9%
        [19, 'warning', '11件'], // 结果维持/纠正/其他/尚未审结: a partition, 10 ≠ 11
        [33, 'warning', '7件'], // table A 7件(警告5件、罚款3件)
      ],
    );
  });
  it('the messages name the whole, the parts and their sum', () => {
    const messages = analysis.findings.filter((f) => f.code === 'text.parts-sum').map((f) => f.message);
    assert.deepEqual(messages, [
      '「全年主动公开政府信息386条」为 386 条，但其中所列各项之和已达 142 + 260 = 402 条，超过总数',
      '「通过“某某司法”微信公众号受理群众留言120条」为 120 条，但所列各项之和为 80 + 30 = 110 条',
      '占比「10.5%」与 6 ÷ 55 = 10.9% 不符',
      '「政府信息公开行政复议11件」为 11 件，但所列各项之和为 5 + 2 + 1 + 2 = 10 件',
      '「7件」为 7 件，但所列各项之和为 5 + 3 = 8 件',
    ]);
    const share = analysis.findings.find((f) => f.message.startsWith('占比'))!;
    assert.deepEqual(share.related.map((r) => [lineOf(analysis, r.span.start), analysis.model.text.slice(r.span.start, r.span.end)]), [[15, '6件'], [15, '55件']]);
  });
  it('holds: a 其中 list below the whole, 其他 standing for the rest, shares that round right (49.09%, and 49.1% of the table total)', () => {
    const { shares, enumerations } = partsAndWholes(analysis.model);
    assert.deepEqual(shares.map((s) => [s.percent.number.raw, s.part.number.value, s.whole.value, s.whole.figure ? 'text' : 'table', s.status]), [
      ['49.09', 27, 55, 'text', 'holds'],
      ['10.5', 6, 55, 'text', 'fails'],
      ['49.1', 27, 55, 'table', 'holds'],
    ]);
    const holding = enumerations.filter((e) => e.status === 'holds').map((e) => [e.whole.number.value, e.parts.map((p) => p.number.value), e.exhaustive]);
    assert.deepEqual(holding, [
      [386, [142], false],
      [60, [27, 6, 20, 7], true],
      [55, [27, 6, 9, 9, 3, 1], true],
    ]);
  });
});
