/**
 * This branch's fixtures (test/fixtures/structure/, described in its README): each gives exactly the
 * structure and value findings it was made for, at their lines, and a safe fix where one is possible.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { structureFixture } from './helpers';

/** `code line`, and ` fix-all` when a safe fix is offered, else ` fix` when a quick fix is. */
function findings(name: string): string[] {
  const a = analyze(structureFixture(name));
  return a.findings
    .filter((f) => f.code.startsWith('structure.') || f.code.startsWith('value.'))
    .map((f) => `${f.code} ${a.model.lines.positionAt(f.span.start).line + 1}${f.fixes.some((x) => x.safe) ? ' fix-all' : f.fixes.length > 0 ? ' fix' : ''}`);
}

describe('structure fixtures', () => {
  it('tabs-rows-cells (cell-per-line): subsections out of sequence, rows and cells missing, section 五 just 无', () => {
    assert.deepEqual(findings('tabs-rows-cells.txt'), [
      'structure.subsection-numbering 25 fix-all',
      'structure.subsection-numbering 29 fix-all',
      'structure.section-numbering 32 fix-all',
      'value.missing 68 fix', // `/`
      'value.missing 100', // empty, but 总计 says 10: no 0 written
      'value.missing 121 fix', // empty
      'structure.row-missing 271 fix', // （五）2.重复申请
      'structure.row-missing 304 fix', // （六）1., its group label still there
      'structure.section-empty 411',
    ]);
  });
  it('tabs-missing-section (cell-per-line): section 二 with its table missing; no preamble', () => {
    assert.deepEqual(findings('tabs-missing-section.txt'), [
      'structure.preamble 2 fix',
      'structure.subsection-numbering 7 fix-all',
      'structure.subsection-numbering 9 fix-all',
      'structure.section-missing 21 fix',
    ]);
  });
  it('pipe-missing (web copy): sections 四 and 六 missing, 五 numbered 5、, every collapsed run of empty cells', () => {
    const all = findings('pipe-missing.txt');
    assert.deepEqual(all.filter((f) => f.startsWith('structure.')), [
      'structure.preamble 2',
      'structure.label 130 fix-all',
      'structure.row-missing 132 fix',
      'structure.section-missing 137 fix',
      'structure.section-numbering 137 fix-all',
      'structure.section-missing 139 fix',
    ]);
    // 规章's three cells and 23 rows of table B with collapsed empty cells, each fillable; the last row
    // ends without its empty cells (which columns are missing is not known).
    assert.equal(all.filter((f) => /^value\.missing \d+ fix$/u.test(f)).length, 24);
    assert.ok(all.includes('value.missing 135'));
  });
  it('markdown-report: heading numbered （二）, a misworded label, a missing row, an empty `| |` cell, section 四 missing', () => {
    assert.deepEqual(findings('markdown-report.txt'), [
      'structure.section-numbering 21 fix-all',
      'structure.label 52 fix-all',
      'structure.row-missing 53 fix',
      'value.missing 55 fix',
      'structure.section-missing 70 fix',
    ]);
  });
  it('aligned-report (PDF text): 规范性文件, a row and section 六 missing; broken labels are not reported', () => {
    assert.deepEqual(findings('aligned-report.txt'), [
      'structure.preamble 4',
      'structure.old-format 50 fix-all',
      'structure.label 107 fix-all',
      'structure.row-missing 123 fix',
      'structure.old-format 127',
      'structure.section-missing 162 fix',
    ]);
  });
  it('run-together: `2、` inside the one line, section 六 missing', () => {
    assert.deepEqual(findings('run-together.txt'), ['structure.section-numbering 2 fix-all', 'structure.section-missing 2 fix']);
  });
  it('headings: a title without its year, 二\'s heading missing before its table, 三 without a table, 六 before 五', () => {
    assert.deepEqual(findings('headings.txt'), [
      'structure.title 1',
      'structure.section-heading-missing 21 fix', // the table is there: the heading is missing, not the section
      'structure.table-missing 66 fix',
      'structure.section-order 130',
    ]);
  });
  it('old-format: the 2019 trial layout, each of its marks explained once', () => {
    assert.deepEqual(findings('old-format.txt'), [
      'structure.old-format 37', // 本年新制作数量
      'structure.old-format 46 fix-all', // 规范性文件
      'structure.old-format 54', // 上一年项目数量
      'structure.old-format 95', // 第二十条第（九）项
      'structure.old-format 341', // （六）其他处理 as one row
    ]);
    const a = analyze(structureFixture('old-format.txt'));
    assert.deepEqual(
      a.findings.filter((f) => f.code === 'structure.old-format').map((f) => /^「([^」]+)」/u.exec(f.message)![1]),
      ['本年新制作数量', '规范性文件', '上一年项目数量', '第二十条第（九）项', '（六）其他处理'],
    );
  });
  it('duplicate: section 四\'s heading a second time', () => {
    assert.deepEqual(findings('duplicate.txt'), ['structure.section-duplicate 433']);
  });
});
