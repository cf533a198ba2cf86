/**
 * Every fixture states its expected results (`X.expected.json` beside `X.txt`): the sections, every
 * cell value, the cells that cannot be separated, and the sum and value findings. The layouts/ files
 * hold one report in six layouts, so they must all read to the same numbers.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { TableId } from '../../server/src/core/format/schema';
import { findRow } from '../../server/src/core/model';
import { PROJECT_ROOT } from '../support/paths';

interface ExpectedFile {
  description: string;
  year: number;
  sections: { id: string; numeral: string | null; line: number }[];
  tables: Partial<Record<TableId, Record<string, (number | null)[]>>>;
  unseparable: { table: TableId; row: string }[];
  findings: { code: string; line: number }[];
  /** Every structure.section-* finding, with the text its range covers (test/fixtures/headings/). */
  structure?: { code: string; line: number; text: string }[];
}

const CHECKED = /^(sum|value)\./u;

function fixtureFiles(folder: string): string[] {
  const dir = path.join(PROJECT_ROOT, folder);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
}

function checkFixture(file: string): void {
  const expected = JSON.parse(fs.readFileSync(file.replace(/\.txt$/u, '.expected.json'), 'utf8')) as ExpectedFile;
  const { model, findings } = analyze(fs.readFileSync(file, 'utf8'));
  const lineOf = (offset: number): number => model.lines.positionAt(offset).line + 1;

  assert.equal(model.year, expected.year, 'year');
  assert.deepEqual(
    model.sections.map((s) => ({ id: s.spec.id, numeral: s.numeral === null ? null : s.numeral.replace(/[、.．（）()\s]/gu, ''), line: lineOf(s.headingSpan.start) })),
    expected.sections,
    'sections',
  );
  for (const [tableId, rows] of Object.entries(expected.tables) as [TableId, Record<string, (number | null)[]>][]) {
    const table = model.tables[tableId];
    assert.ok(table, `table ${tableId} read`);
    for (const [rowId, values] of Object.entries(rows)) {
      const row = findRow(table, rowId);
      assert.ok(row, `row ${tableId}/${rowId} read`);
      const read = row.spec.columns.map((column) => row.cells.find((c) => c.column.id === column)?.value ?? null);
      assert.deepEqual(read, values, `values of ${tableId}/${rowId}`);
    }
  }
  const unseparable = Object.values(model.tables).flatMap((t) => t!.unseparable.flatMap((u) => u.rows.map((row) => ({ table: u.table, row }))));
  assert.deepEqual(unseparable, expected.unseparable, 'unseparable runs');
  const actual = findings.filter((f) => CHECKED.test(f.code)).map((f) => ({ code: f.code, line: lineOf(f.span.start) }));
  const expectedFindings = expected.findings.filter((f) => CHECKED.test(f.code));
  const order = (a: { code: string; line: number }, b: { code: string; line: number }): number => a.line - b.line || a.code.localeCompare(b.code);
  assert.deepEqual(actual.sort(order), [...expectedFindings].sort(order), 'sum.* and value.* findings');
  if (expected.structure) {
    const structure = findings
      .filter((f) => f.code.startsWith('structure.section-'))
      .map((f) => ({ code: f.code, line: lineOf(f.span.start), text: model.text.slice(f.span.start, f.span.end) }));
    assert.deepEqual(structure, expected.structure, 'structure.section-* findings and their ranges');
  }
}

for (const folder of ['test/fixtures/layouts', 'test/fixtures/errors', 'test/fixtures/headings', 'examples']) {
  describe(`fixtures: ${folder}`, () => {
    for (const file of fixtureFiles(folder)) {
      it(path.basename(file), () => checkFixture(file));
    }
  });
}
