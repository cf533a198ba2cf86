/**
 * The five real samples give exactly the arithmetic findings a careful reviewer finds
 * (shared/samples/EXPECTED.md) and nothing else of the sum.* family; the three PDF-extracted reports
 * are read row by row.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { findCell, type ReportModel } from '../../server/src/core/model';
import { fixture, pdfText, sample } from '../support/paths';

interface Expected {
  code: string;
  /** 1-based, as EXPECTED.md states it. */
  line: number;
}

function sumFindings(text: string): Expected[] {
  const { model, findings } = analyze(text);
  return findings.filter((f) => f.code.startsWith('sum.')).map((f) => ({ code: f.code, line: model.lines.positionAt(f.span.start).line + 1 }));
}

/** Cell (row, column) → the 1-based line and the text on it. */
function cellAt(model: ReportModel, table: 'A' | 'B' | 'C', row: string, column: string): { line: number; character: number; value: number | null } {
  const cell = findCell(model.tables[table], row, column);
  assert.ok(cell, `cell ${table}/${row}/${column} read`);
  const p = model.lines.positionAt(cell.span.start);
  return { line: p.line + 1, character: p.character, value: cell.value };
}

describe('samples: sum.* findings are exactly those of EXPECTED.md', () => {
  it('000 (Tongzhou civil affairs): every identity holds', () => {
    assert.deepEqual(sumFindings(sample('000').text), []);
  });
  it('001 (Huoxian town): every identity holds (38 new = 34 handled + 4 carried over)', () => {
    const { text } = sample('001');
    assert.deepEqual(sumFindings(text), []);
    const { model } = analyze(text);
    assert.equal(cellAt(model, 'B', 'new', 'total').value, 38);
    assert.equal(cellAt(model, 'B', 'total', 'total').value, 34);
    assert.equal(cellAt(model, 'B', 'carryForward', 'total').value, 4);
  });
  it('002 (Xinzhou, pipe-flattened): rows with one value of seven evaluate nothing', () => {
    assert.deepEqual(sumFindings(sample('002').text), []);
  });
  it('003 (Xicheng): 自然人 and 商业企业 outcome totals, one shared cause', () => {
    const { text } = sample('003');
    assert.deepEqual(sumFindings(text), [
      { code: 'sum.outcome', line: 336 },
      { code: 'sum.outcome', line: 337 },
    ]);
    const { findings } = analyze(text);
    const [natural, commercial] = findings.filter((f) => f.code === 'sum.outcome');
    assert.match(natural!.message, /「（七）总计」的「自然人」填报 7，按各项计算应为 8/u);
    assert.match(commercial!.message, /「（七）总计」的「商业企业」填报 1，按各项计算应为 0/u);
    // Both explain the same cause: a 商业企业 case entered under 自然人.
    for (const f of [natural!, commercial!]) assert.match(f.message, /很可能有 1 件商业企业的申请被填入了自然人列/u);
    // Every term is related, plus the other failure of the same cause.
    assert.equal(natural!.related.length, 21 + 1);
  });
  it('004 (Daxing veterans): the 总计 column disagrees with the applicant columns on three rows', () => {
    const { text } = sample('004');
    assert.deepEqual(sumFindings(text), [
      { code: 'sum.row', line: 91 },
      { code: 'sum.row', line: 131 },
      { code: 'sum.row', line: 342 },
    ]);
    const { findings, model } = analyze(text);
    const first = findings.find((f) => f.code === 'sum.row')!;
    assert.match(first.message, /「一、本年新收政府信息公开申请数量」的「总计」填报 0，按各项计算应为 1（0 ≠ 自然人 1 = 1；其余 5 项为 0）/u);
    assert.match(first.message, /总计列共有 3 行与各申请人列之和不符/u);
    // The diagnostic sits exactly on the stated cell: `\t0` on line 91 → characters 1–2.
    assert.deepEqual(model.lines.rangeOf(first.span), { start: { line: 90, character: 1 }, end: { line: 90, character: 2 } });
    // Fixing one cell alone would break the 总计 column's balance, so only the whole column is offered.
    assert.deepEqual(first.fixes.map((f) => f.title), ['将「总计」列的 3 个合计全部改为计算值：1、1、1']);
    assert.ok(first.fixes.every((f) => !f.safe), 'fixes that change typed numbers are never safe');
  });
});

describe('samples: cells are read with exact positions', () => {
  it('004: a cell with a stray line break before its value is read on the value\'s line', () => {
    const { model } = analyze(sample('004').text);
    // Lines 295–296: `\t` then `0` — notHandled.5, column 其他.
    assert.deepEqual(cellAt(model, 'B', 'notHandled.5', 'otherOrg'), { line: 296, character: 0, value: 0 });
    assert.deepEqual(cellAt(model, 'B', 'notHandled.5', 'total'), { line: 297, character: 1, value: 0 });
  });
  it('001: values with stray spaces (` 33`, `5 `) are read', () => {
    const { model } = analyze(sample('001').text);
    assert.deepEqual(cellAt(model, 'B', 'new', 'natural'), { line: 93, character: 2, value: 33 });
    assert.deepEqual(cellAt(model, 'B', 'new', 'commercial'), { line: 94, character: 1, value: 5 });
  });
  it('002: a value with words is invalid, not 0; a run of empty cells is reported once', () => {
    const { model, findings } = analyze(sample('002').text);
    const penalty = findCell(model.tables.A, 'penalty', 'decisions')!;
    assert.equal(penalty.state, 'invalid');
    assert.equal(penalty.raw, '8件(撤销1件、警告7件)');
    assert.equal(penalty.value, null);
    // `规章 |` on line 16, then its three empty cells collapsed into `|||` on line 17: one finding on them.
    const rules = findings.find((f) => f.code === 'value.missing' && model.lines.positionAt(f.span.start).line + 1 === 17);
    assert.ok(rules, 'row 规章 without values');
    assert.deepEqual(model.lines.rangeOf(rules.span), { start: { line: 16, character: 0 }, end: { line: 16, character: 2 } });
    assert.match(rules.message, /「规章」缺少 3 个数值/u);
    // Table C: 3 values of 15.
    assert.equal(model.tables.C!.rows[0]!.cells.length, 3);
  });
  it('003: table C read after its broken header cells', () => {
    const { model } = analyze(sample('003').text);
    const counts = model.tables.C!.rows[0]!.cells.map((c) => c.value);
    assert.deepEqual(counts, [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('pdf-text: one row per line, labels broken over lines, group labels between rows', () => {
  it('淮安市 2024: every table B row read, with its values', () => {
    const { model, findings } = analyze(pdfText('003').text);
    const b = model.tables.B!;
    const valueRows = b.rows.filter((r) => !r.spec.children);
    assert.equal(valueRows.length, 25);
    assert.deepEqual(findCell(b, 'new', 'total')?.value, 3119);
    assert.deepEqual(b.rows.find((r) => r.spec.id === 'other.1')?.cells.map((c) => c.value), [67, 3, 0, 0, 1, 0, 71]);
    assert.deepEqual(b.rows.find((r) => r.spec.id === 'partial')?.cells.map((c) => c.value), [447, 7, 0, 0, 0, 0, 454]);
    assert.deepEqual(model.tables.C!.rows[0]!.cells.map((c) => c.value), [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
    assert.equal(findCell(model.tables.A, 'fees', 'feeAmount')?.value, 96171.6);
    assert.deepEqual(findings.filter((f) => f.code.startsWith('sum.') || f.code.startsWith('value.')), []);
  });
  it('洪泽区 2023: the single （六）其他处理 row of the 2019 layout stands for its sub-rows; table C totals as printed', () => {
    const { text } = pdfText('001');
    const { model, evaluations } = analyze(text);
    assert.equal(evaluations.find((e) => e.spec.id === 'B.outcome.natural')?.status, 'holds');
    assert.deepEqual(findCell(model.tables.B, 'other', 'natural')?.value, 0);
    // As extracted: 行政复议 10 1 0 0 总计 0; 复议后起诉 5 0 0 0 总计 0.
    assert.deepEqual(sumFindings(text), [
      { code: 'sum.group', line: 149 },
      { code: 'sum.group', line: 149 },
    ]);
  });
  it('洪泽区 2024: everything holds', () => {
    assert.deepEqual(sumFindings(pdfText('002').text), []);
  });
});

describe('title', () => {
  it('is read when the whole report is one line (web text): it ends at 年度报告', () => {
    const { model } = analyze(fixture('layouts', 'run-together-unique.txt'));
    assert.equal(model.title?.text, '某某市某某区司法局2024年政府信息公开工作年度报告');
    assert.equal(model.title?.body, '某某市某某区司法局');
    assert.deepEqual(model.title?.span, { start: 0, end: '某某市某某区司法局2024年政府信息公开工作年度报告'.length });
  });
  it('is joined from lines broken over a blank line (sample 000)', () => {
    const { model } = analyze(sample('000').text);
    assert.equal(model.title?.text, '北京市通州区委社会工委区民政局2023年政府信息公开工作年度报告');
    assert.equal(model.year, 2023);
  });
});
