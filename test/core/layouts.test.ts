/**
 * Layouts misread (issue 18): the separator-line layout (one cell a line, a line holding only `|`
 * after each cell) reads every value and checks every identity, and every value.* finding lies on
 * the line of the cell it is about, in every layout.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { TableId } from '../../server/src/core/format/schema';
import { findCell } from '../../server/src/core/model';
import { PROJECT_ROOT } from '../support/paths';

const LAYOUTS = path.join(PROJECT_ROOT, 'test/fixtures/layouts');
const read = (name: string): string => fs.readFileSync(path.join(LAYOUTS, name), 'utf8');

describe('separator-line layout', () => {
  it('checks every identity of the format, and all hold', () => {
    const { evaluations } = analyze(read('separator-lines.txt'));
    // 25 row sums, 7 outcome sums, 7 balances (table B), 3 groups (table C).
    assert.equal(evaluations.length, 42);
    assert.deepEqual(evaluations.filter((e) => e.status !== 'holds').map((e) => e.spec.id), []);
  });

  it('states the identity a changed value breaks, on the changed cell', () => {
    const text = read('separator-lines.txt');
    const { model } = analyze(text);
    const cell = findCell(model.tables.B, 'new', 'total')!;
    assert.equal(text.slice(cell.span.start, cell.span.end), '53');
    const changed = text.slice(0, cell.span.start) + '54' + text.slice(cell.span.end);
    const { findings, model: m2 } = analyze(changed);
    const sums = findings.filter((f) => f.code.startsWith('sum.')).map((f) => `${f.code}:${m2.lines.positionAt(f.span.start).line + 1}`);
    const line = model.lines.positionAt(cell.span.start).line + 1;
    // The balance's stated cell is 四、结转下年度继续办理's 总计.
    const forward = findCell(model.tables.B, 'carryForward', 'total')!;
    assert.deepEqual(sums.sort(), [`sum.balance:${model.lines.positionAt(forward.span.start).line + 1}`, `sum.row:${line}`].sort());
  });
});

/** The cells blanked in each layout: a table A row of one value, cells inside table B rows, a table C cell. */
const BLANKED: readonly [TableId, string, string][] = [
  ['A', 'enforcement', 'decisions'],
  ['A', 'normativeDocs', 'repealed'],
  ['B', 'partial', 'commercial'],
  ['B', 'denied.4', 'legal'],
  ['B', 'total', 'total'],
  ['C', 'counts', 'suitDirect.total'],
];

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

describe('every value.* finding lies on the line of its cell', () => {
  for (const file of ['pipe-flattened.txt', 'separator-lines.txt', 'cell-per-line.txt', 'markdown.txt', 'pdf-aligned.txt']) {
    it(file, () => {
      const text = read(file);
      const { model } = analyze(text);
      const cells = BLANKED.map(([t, r, c]) => {
        const cell = findCell(model.tables[t], r, c);
        assert.ok(cell && cell.value !== null, `${t}/${r}/${c} read in ${file}`);
        return cell;
      });
      // Each value replaced by spaces: the cell is empty where it was.
      let blanked = text;
      for (const cell of cells) blanked = blanked.slice(0, cell.span.start) + ' '.repeat(cell.span.end - cell.span.start) + blanked.slice(cell.span.end);
      const { findings, model: after } = analyze(blanked);
      const values = findings.filter((f) => f.code.startsWith('value.')).map((f) => `${f.code}:${after.lines.positionAt(f.span.start).line + 1}`).sort();
      const expected = cells.map((c) => `value.missing:${lineOf(text, c.span.start)}`).sort();
      assert.deepEqual(values, expected);
      // And no sum is stated from cells whose column is not known (a PDF row of 6 values for 7 columns).
      assert.deepEqual(findings.filter((f) => f.code.startsWith('sum.')).map((f) => f.code), []);
    });
  }

  it('pipe: 「行政强制 |」 then 「| ||」 (the value and the padding on one line)', () => {
    const text = read('pipe-flattened.txt');
    const changed = text.replace('行政强制 |\n0 |\n||\n', '行政强制 |\n| ||\n');
    assert.notEqual(changed, text);
    const { findings, model } = analyze(changed);
    const values = findings.filter((f) => f.code.startsWith('value.')).map((f) => `${f.code}:${model.lines.positionAt(f.span.start).line + 1}`);
    assert.deepEqual(values, ['value.missing:47']);
  });
});

describe('a navigation line of a saved page is not the title', () => {
  const text = read('cell-per-line.txt');
  for (const nav of ['首页 > 政务公开 > 政府信息公开年报', '首页>政务公开>政府信息公开>年度报告', '当前位置：首页 > 政务公开', '您所在的位置：首页 » 信息公开 » 年报']) {
    it(nav, () => {
      const { model } = analyze(`${nav}\n${text}`);
      assert.equal(model.title?.text ?? null, '某某市某某区司法局2024年政府信息公开工作年度报告');
    });
  }
});
