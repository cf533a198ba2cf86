/**
 * Editing a cell from the grid (core `editCell`), on in-memory documents: every value cell of every
 * layout fixture and sample, read again after the edit — only the cells the edit says it writes have
 * changed, each reads the value written, and with 「自动合计」 every identity the edit touches holds.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { editCell, readTypedValue, type CellEditResult } from '../../server/src/core/features/cellEdit';
import { applyEdits } from '../../server/src/core/fix';
import { TABLES, TABLE_IDS, type TableId } from '../../server/src/core/format/schema';
import { en } from '../../server/src/core/messages/en';
import { findCell, tableIndex, type ReportModel } from '../../server/src/core/model';
import { cellKey } from '../../server/src/core/rules/evaluate';
import { PROJECT_ROOT, sample } from '../support/paths';

const LAYOUTS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'layouts');

/** Every cell read, by place, with its raw text and value. */
function cells(model: ReportModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    for (const [row, byColumn] of tableIndex(table).cells) for (const [column, cell] of byColumn) out.set(cellKey(id, row, column), `${cell.state}:${cell.raw}:${cell.value}`);
  }
  return out;
}

function changedPlaces(before: ReportModel, after: ReportModel): string[] {
  const a = cells(before);
  const b = cells(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).map((k) => k.split('\u0000').join('/')).sort();
}

interface Tally {
  ok: number;
  unchanged: number;
  refused: Record<string, number>;
}

/** Edits every value cell of a document and checks each result; returns what happened. */
function editEveryCell(analysis: Analysis, autoTotals: boolean, tables: readonly TableId[] = TABLE_IDS): Tally {
  const tally: Tally = { ok: 0, unchanged: 0, refused: {} };
  const model = analysis.model;
  for (const id of tables) {
    for (const row of TABLES[id].rows) {
      if (row.children) continue;
      for (const column of row.columns) {
        const current = findCell(model.tables[id], row.id, column)?.value ?? null;
        const value = (current ?? 0) + 3;
        const result = editCell(analysis, { table: id, row: row.id, column, text: String(value), autoTotals });
        const where = `${id}/${row.id}/${column}`;
        if (!result.ok) {
          tally.refused[result.reason] = (tally.refused[result.reason] ?? 0) + 1;
          assert.ok(result.message.length > 0);
          continue;
        }
        if (result.edits.length === 0) {
          tally.unchanged++;
          continue;
        }
        tally.ok++;
        const applied = applyEdits(model.text, result.edits);
        assert.equal(applied.rejected.length, 0, where);
        const after = analyze(applied.text);
        const written = result.writes.map((w) => `${w.cell.table}/${w.cell.row}/${w.cell.column}`).sort();
        assert.deepEqual(changedPlaces(model, after.model), written, where);
        assert.ok(written.includes(where), where);
        for (const w of result.writes) assert.equal(findCell(after.model.tables[w.cell.table], w.cell.row, w.cell.column)?.value, Number(w.text), where);
        if (!autoTotals) assert.deepEqual(written, [where]);
        else if (result.conflicts.length === 0 && !result.totalsSkipped) {
          // Every identity with a term written that could be evaluated before holds now (or cannot be evaluated).
          const writtenKeys = new Set(result.writes.map((w) => cellKey(w.cell.table, w.cell.row, w.cell.column)));
          for (const e of after.evaluations) {
            if (e.spec.table !== id || e.status !== 'fails') continue;
            const touched = e.terms.some((t) => writtenKeys.has(cellKey(id, t.ref.row, t.ref.column)));
            const statedTyped = e.spec.stated.row === row.id && e.spec.stated.column === column;
            // A balance that would need a negative 四 is the report's to fix: it stays failing.
            const negative = (e.computed ?? 0) < 0 || e.terms.reduce((n, t) => n + t.sign * (t.cell?.value ?? 0), 0) < 0;
            assert.ok(!touched || statedTyped || negative, `${where}: ${e.spec.id} fails after the edit`);
          }
        }
      }
    }
  }
  return tally;
}

function layoutTexts(): { name: string; text: string }[] {
  return fs
    .readdirSync(LAYOUTS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(LAYOUTS, f), 'utf8') }));
}

describe('cell edit: every cell of every layout fixture and sample', () => {
  // What each document gives, cell by cell (200 value cells): written, or refused with the reason.
  const all = { ok: 200, unchanged: 0, refused: {} };
  const EXPECTED: Record<string, { plain: Tally; totals: Tally }> = {
    'cell-per-line.txt': { plain: all, totals: all },
    'markdown.txt': { plain: all, totals: all },
    'pdf-aligned.txt': { plain: all, totals: all },
    'pipe-flattened.txt': { plain: all, totals: all },
    // Run-together digits: a changed value whose digits no longer split one way is refused, never written.
    'run-together-ambiguous.txt': { plain: { ok: 180, unchanged: 0, refused: { layout: 6, unseparable: 14 } }, totals: { ok: 184, unchanged: 0, refused: { layout: 2, unseparable: 14 } } },
    'run-together-spaces.txt': { plain: { ok: 194, unchanged: 0, refused: { layout: 6 } }, totals: { ok: 198, unchanged: 0, refused: { layout: 2 } } },
    'run-together-unique.txt': { plain: { ok: 194, unchanged: 0, refused: { layout: 6 } }, totals: { ok: 198, unchanged: 0, refused: { layout: 2 } } },
    'separator-lines.txt': { plain: all, totals: all },
    'sample 000': { plain: all, totals: all },
    'sample 001': { plain: all, totals: all },
    // Web copy with a row's empty cells collapsed into a line of pipes (`||||||`): written one `v |` line per
    // cell. Rows with some of their values, and the cells of a row the text lacks that would not read back: refused.
    'sample 002': { plain: { ok: 176, unchanged: 0, refused: { layout: 6, 'row-partial': 18 } }, totals: { ok: 176, unchanged: 0, refused: { layout: 6, 'row-partial': 18 } } },
    'sample 003': { plain: all, totals: all },
    'sample 004': { plain: all, totals: all },
  };
  const documents = [...layoutTexts(), ...['000', '001', '002', '003', '004'].map((p) => ({ name: `sample ${p}`, text: sample(p).text }))];
  assert.equal(documents.length, Object.keys(EXPECTED).length);
  for (const { name, text } of documents) {
    it(name, () => {
      const analysis = analyze(text);
      assert.deepEqual({ plain: editEveryCell(analysis, false), totals: editEveryCell(analysis, true) }, EXPECTED[name]);
    });
  }
});

describe('cell edit: sample 004, 「一、本年新收…」/「自然人」', () => {
  const analysis = analyze(sample('004').text);
  const cell = { table: 'B' as const, row: 'new', column: 'natural' };

  it('without 自动合计: only the cell, at its span (line 85)', () => {
    const result = editCell(analysis, { ...cell, text: '２', autoTotals: false });
    assert.ok(result.ok);
    const span = findCell(analysis.model.tables.B, 'new', 'natural')!.span;
    assert.deepEqual(result.edits, [{ span, newText: '2' }]);
    assert.deepEqual(result.writes, [{ cell, text: '2', total: false }]);
  });

  it('with 自动合计: its 总计 follows (the row sum that failed goes), and 四 by the balance', () => {
    assert.ok(analysis.findings.some((f) => f.code === 'sum.row' && f.message.includes('一、本年新收')));
    const result = editCell(analysis, { ...cell, text: '2', autoTotals: true });
    assert.ok(result.ok);
    assert.deepEqual(result.writes.map((w) => [w.cell.row, w.cell.column, w.text, w.total]), [
      ['new', 'natural', '2', false],
      ['new', 'total', '2', true],
      ['carryForward', 'natural', '1', true],
      ['carryForward', 'total', '2', true],
    ]);
    const after = analyze(applyEdits(analysis.model.text, result.edits).text);
    assert.equal(after.findings.some((f) => f.code === 'sum.row' && f.message.includes('一、本年新收')), false);
    // The sample's 总计 column does not balance by rows (四 by the balance is 2, by its row 1): the second figure is not forced.
    assert.deepEqual(result.conflicts.map((c) => [c.identity, c.computed]), [['B.row.carryForward', 1]]);
  });

  it('a total the user typed in the grid is not overwritten: a conflict, the identity left failing', () => {
    const result = editCell(analysis, { ...cell, text: '2', autoTotals: true, keep: [{ table: 'B', row: 'new', column: 'total' }] });
    assert.ok(result.ok);
    assert.equal(result.writes.some((w) => w.cell.row === 'new' && w.cell.column === 'total'), false);
    assert.deepEqual(result.conflicts.map((c) => [c.identity, c.stated, c.computed, c.message]), [['B.row.new', '0', 2, '未改写「一、本年新收政府信息公开申请数量」的「总计」：填报 0，按各项计算应为 2']]);
  });

  it('refusals, with the reason, in both languages', () => {
    const refused = (text: string, column = 'natural'): CellEditResult => editCell(analysis, { ...cell, column, text, autoTotals: false });
    assert.deepEqual(refused('abc'), { ok: false, reason: 'not-number', message: '「一、本年新收政府信息公开申请数量」的「自然人」未写入：「abc」不是数字' });
    assert.equal((refused('-1') as { reason: string }).reason, 'negative');
    assert.equal((refused('1.5') as { reason: string }).reason, 'fraction');
    assert.equal((refused('  ') as { reason: string }).reason, 'empty');
    assert.equal((refused('1', 'nope') as { reason: string }).reason, 'no-cell');
    assert.deepEqual(editCell(analysis, { ...cell, text: '-1', autoTotals: false }, en), { ok: false, reason: 'negative', message: '「一、本年新收政府信息公开申请数量」/「自然人」 not written: a value cannot be negative' });
    // An amount keeps its decimals.
    assert.deepEqual(readTypedValue('１.50', TABLES.A.columns.find((c) => c.id === 'feeAmount')!), { ok: true, text: '1.50', value: 1.5 });
  });
});
