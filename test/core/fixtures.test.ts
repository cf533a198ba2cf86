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

interface ExpectedFinding {
  code: string;
  line: number;
  /** Checked when given. */
  severity?: string;
  message?: string;
}

interface ExpectedFile {
  description: string;
  year: number;
  /** The title as read, when given. */
  title?: string | null;
  /** The codes (a regular expression) whose findings `findings` lists completely; default sum.* and value.*. */
  checked?: string;
  sections: { id: string; numeral: string | null; line: number }[];
  tables: Partial<Record<TableId, Record<string, (number | null)[]>>>;
  unseparable: { table: TableId; row: string }[];
  findings: ExpectedFinding[];
  /** Every structure.section-* finding, with the text its range covers (test/fixtures/headings/). */
  structure?: { code: string; line: number; text: string }[];
}

const CHECKED = /^(sum|value)\./u;

/** The `.txt` files of a folder; with `withExpected`, only those that have an `.expected.json`. */
function fixtureFiles(folder: string, withExpected = false): string[] {
  const dir = path.join(PROJECT_ROOT, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && (!withExpected || fs.existsSync(path.join(dir, f.replace(/\.txt$/u, '.expected.json')))))
    .sort()
    .map((f) => path.join(dir, f));
}

function checkFixture(file: string): void {
  const expected = JSON.parse(fs.readFileSync(file.replace(/\.txt$/u, '.expected.json'), 'utf8')) as ExpectedFile;
  const { model, findings } = analyze(fs.readFileSync(file, 'utf8'));
  const lineOf = (offset: number): number => model.lines.positionAt(offset).line + 1;

  assert.equal(model.year, expected.year, 'year');
  if (expected.title !== undefined) assert.equal(model.title?.text ?? null, expected.title, 'title');
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
  const unseparable = Object.values(model.tables).flatMap((t) => t.unseparable.flatMap((u) => u.rows.map((row) => ({ table: u.table, row }))));
  assert.deepEqual(unseparable, expected.unseparable, 'unseparable runs');
  const checked = expected.checked === undefined ? CHECKED : new RegExp(expected.checked, 'u');
  const order = (a: ExpectedFinding, b: ExpectedFinding): number => a.line - b.line || a.code.localeCompare(b.code) || (a.message ?? '').localeCompare(b.message ?? '');
  const expectedFindings = expected.findings.filter((f) => checked.test(f.code)).sort(order);
  // Each actual finding with the fields its expected counterpart states (severity, message).
  const actual = findings
    .filter((f) => checked.test(f.code))
    .map((f) => ({ code: f.code, line: lineOf(f.span.start), severity: f.severity, message: f.message }))
    .sort(order);
  const shaped = actual.map((f, i) => {
    const want = expectedFindings[i];
    return { code: f.code, line: f.line, ...(want?.severity !== undefined ? { severity: f.severity } : {}), ...(want?.message !== undefined ? { message: f.message } : {}) };
  });
  assert.deepEqual(shaped, expectedFindings, `findings of ${checked.source}`);
  if (expected.structure) {
    const structure = findings
      .filter((f) => f.code.startsWith('structure.section-'))
      .map((f) => ({ code: f.code, line: lineOf(f.span.start), text: model.text.slice(f.span.start, f.span.end) }));
    assert.deepEqual(structure, expected.structure, 'structure.section-* findings and their ranges');
  }
}

for (const folder of ['test/fixtures/layouts', 'test/fixtures/errors', 'test/fixtures/noise', 'test/fixtures/headings', 'examples']) {
  describe(`fixtures: ${folder}`, () => {
    for (const file of fixtureFiles(folder)) {
      it(path.basename(file), () => { checkFixture(file); });
    }
  });
}

describe('fixtures: test/fixtures/text (those with an .expected.json)', () => {
  for (const file of fixtureFiles('test/fixtures/text', true)) {
    it(path.basename(file), () => { checkFixture(file); });
  }
});
