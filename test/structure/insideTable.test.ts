/**
 * insideTable answers most offsets without the line a table's text starts on (above the nearest
 * heading before its first row, or 30 lines up: outside; past its first row's line: inside). It must
 * agree with the definition —
 * from the start of tableStartLine's line to the table's end — at every line start and every offset
 * around each table's first lines, with and without `afterStart`.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/parser';
import { insideTable, tableStartLine } from '../../server/src/core/render/place';
import type { ReportModel } from '../../server/src/core/model';
import { everyTextDocument } from './helpers';

function definition(model: ReportModel, offset: number, afterStart: boolean): boolean {
  return Object.values(model.tables).some((table) => {
    if (table.rows.length === 0) return false;
    const start = model.lines.lineStart(tableStartLine(model, table.spec.id));
    return (afterStart ? offset > start : offset >= start) && offset < table.span.end;
  });
}

describe('insideTable', () => {
  it('agrees with the table text from its start line, on every document', () => {
    let compared = 0;
    for (const doc of everyTextDocument()) {
      const model = parseReport(doc.text).model;
      const offsets = new Set<number>();
      for (let line = 0; line < model.lines.lineCount; line++) offsets.add(model.lines.lineStart(line));
      for (const table of Object.values(model.tables)) {
        if (table.rows.length === 0) continue;
        const start = model.lines.lineStart(tableStartLine(model, table.spec.id));
        const first = model.lines.lineStart(model.lines.lineAt(Math.min(...table.rows.map((r) => r.labelSpan.start))));
        for (const around of [start, first, table.span.end]) for (let d = -3; d <= 3; d++) offsets.add(Math.max(0, around + d));
      }
      for (const offset of offsets) {
        for (const afterStart of [false, true]) {
          assert.equal(insideTable(model, offset, afterStart), definition(model, offset, afterStart), `${doc.name} @${offset} afterStart=${afterStart}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 10_000, `only ${compared} comparisons`);
  });
});
