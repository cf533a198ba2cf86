/**
 * The structure findings on the five samples and the three PDF texts: exactly those a careful
 * reviewer finds (shared/samples/EXPECTED.md), nothing on a table row, nothing else.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { pdfText, sample } from '../support/paths';
import { codesAndLines } from './helpers';

function structure(text: string): string[] {
  return codesAndLines(analyze(text));
}

function messageAt(text: string, code: string, line: number): string {
  const a = analyze(text);
  const found = a.findings.filter((f) => f.code === code && a.model.lines.positionAt(f.span.start).line + 1 === line);
  assert.equal(found.length, 1, `one ${code} on line ${line}`);
  return found[0]!.message;
}

describe('samples: the structure findings of EXPECTED.md, and no other', () => {
  it('000: line 32, section 二 without its numeral', () => {
    const { text } = sample('000');
    assert.deepEqual(structure(text), ['structure.section-numbering 32']);
    assert.equal(messageAt(text, 'structure.section-numbering', 32), '标题「主动公开政府信息情况」缺少序号，应为「二、主动公开政府信息情况」');
  });

  it('001: lines 8 and 10 （1）（2） before （三）; line 22 `2、`', () => {
    const { text } = sample('001');
    assert.deepEqual(structure(text), ['structure.subsection-numbering 8', 'structure.subsection-numbering 10', 'structure.section-numbering 22']);
    assert.equal(messageAt(text, 'structure.subsection-numbering', 8), '小节序号「（1）」与本部分其他小节的写法（「（一）」式）不一致，应为「（一）」');
    assert.equal(messageAt(text, 'structure.section-numbering', 22), '标题「主动公开政府信息情况」的序号「2、」不符合格式，应为「二、」');
  });

  it('002: section 六 missing, row （六）3.其他 missing, label 2.申请人逾期… worded differently; the preamble cites no 第五十条', () => {
    const { text } = sample('002');
    assert.deepEqual(structure(text), [
      'structure.preamble 2',
      'structure.label 130',
      'structure.row-missing 132',
      'structure.section-missing 165',
    ]);
    assert.equal(
      messageAt(text, 'structure.label', 130),
      '行标题「2.申请人逾期未按收费通知缴纳费用、行政机关不再处理其政府信息公开申请」与格式的措辞不同，应为「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」',
    );
    assert.equal(messageAt(text, 'structure.row-missing', 132), '表格缺少「（六）其他处理」下的「3.其他」行');
    assert.match(messageAt(text, 'structure.section-missing', 165), /^缺少「六、其他需要报告的事项」部分。格式要求：须说明依据《政府信息公开信息处理费管理办法》/u);
  });

  it('002: the missing cells, with their column names', () => {
    const a = analyze(sample('002').text);
    const missing = a.findings.filter((f) => f.code === 'value.missing');
    const at = (n: number): string => missing.find((f) => a.model.lines.positionAt(f.span.start).line + 1 === n)!.message;
    assert.equal(at(17), '「规章」缺少 3 个数值：制发、废止、现行有效');
    assert.equal(at(64), '「一、本年新收政府信息公开申请数量」缺少 6 个数值：商业企业、科研机构、社会公益组织、法律服务机构、其他、总计');
    assert.equal(at(131), '「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」缺少 7 个数值：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计');
    // The last row and table C end without their empty cells: which columns they lack is unknown.
    assert.equal(at(135), '「四、结转下年度继续办理」只有 1 个数值，应有 7 个（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），无法确定已填的数值属于哪一列');
    assert.match(at(137), /^「政府信息公开行政复议、行政诉讼情况」只有 3 个数值，应有 15 个/u);
    assert.equal(missing.length, 26);
  });

  it('003: line 21, section 二 without its numeral', () => {
    assert.deepEqual(structure(sample('003').text), ['structure.section-numbering 21']);
  });

  it('004: line 63, section 三 numbered `2、`', () => {
    const { text } = sample('004');
    assert.deepEqual(structure(text), ['structure.section-numbering 63']);
    assert.equal(messageAt(text, 'structure.section-numbering', 63), '标题「收到和处理政府信息公开申请情况」的序号「2、」不符合格式，应为「三、」');
  });
});

describe('pdf-text: labels broken over lines are not wording errors; the 2019 single （六） row is', () => {
  it('洪泽区 2023: preamble, 2.其他法律行政止公开 (three characters short), （六）其他处理 as one row', () => {
    const { text } = pdfText('001');
    assert.deepEqual(structure(text), ['structure.preamble 4', 'structure.label 108', 'structure.old-format 130']);
    assert.equal(messageAt(text, 'structure.label', 108), '行标题「2.其他法律行政止公开」与格式的措辞不同，应为「2.其他法律行政法规禁止公开」');
    assert.match(messageAt(text, 'structure.old-format', 130), /^「（六）其他处理」是 2019 年试行格式的写法；2021 年版格式（国办公开办函〔2021〕30号）中，「（六）其他处理」分为三行/u);
    // Its sub-rows are not reported missing: the single row stands for them.
    assert.equal(analyze(text).findings.filter((f) => f.code === 'structure.row-missing').length, 0);
  });

  it('洪泽区 2024: the same three', () => {
    assert.deepEqual(structure(pdfText('002').text), ['structure.preamble 4', 'structure.label 107', 'structure.old-format 128']);
  });

  it('淮安市 2024: labels broken over lines and columns (（二）部分公开…, 5.要求行政机关…, （六）1、2、) are read whole; only the preamble', () => {
    assert.deepEqual(structure(pdfText('003').text), ['structure.preamble 5']);
  });
});

describe('no structure finding on a table row', () => {
  for (const [name, text] of [
    ['000', sample('000').text],
    ['001', sample('001').text],
    ['002', sample('002').text],
    ['003', sample('003').text],
    ['004', sample('004').text],
    ['pdf 001', pdfText('001').text],
    ['pdf 002', pdfText('002').text],
    ['pdf 003', pdfText('003').text],
  ] as const) {
    it(`${name}: no section or subsection finding touches a row of tables A, B, C`, () => {
      const a = analyze(text);
      const rows = Object.values(a.model.tables).flatMap((t) => t?.rows ?? []);
      for (const f of a.findings) {
        if (!/^structure\.(section|subsection|table)/u.test(f.code)) continue;
        for (const r of rows) {
          const overlaps = f.span.start < r.span.end && r.span.start < f.span.end;
          // Table C's one row starts at section 四's heading, which is the heading, not a row.
          if (r.spec.id === 'counts') continue;
          assert.ok(!overlaps, `${f.code} at ${f.span.start} overlaps row ${r.spec.id}`);
        }
      }
      // The row labels that start like headings are rows, not sections.
      for (const s of a.model.sections) assert.doesNotMatch(s.title, /本年新收|结转下年度|本年度办理结果/u);
    });
  }
});
