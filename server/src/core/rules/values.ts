/**
 * value.* — every cell a number of its kind: non-negative integers for counts, a non-negative number
 * for the fee amount. Blanks and placeholders are missing, not 0; a value with words is invalid.
 * Where a cell's column is known (an empty cell, a placeholder, a row with no value at all), a fix
 * writes 0 — unless a 0 there would make an identity fail.
 */
import { readCellText } from '../format/normalize';
import { withFixesOnDemand, type Finding, type Fix } from '../findings';
import { TABLE_IDS } from '../format/schema';
import { fillCell, fillCells, fillRow, hasTable } from '../render/place';
import { documentConventions, type TextConventions } from '../render/style';
import { cellKey } from './evaluate';
import { fillPlan, rowFillable, type FillPlan } from './fill';
import type { Rule, RuleContext } from './rule';
import { cellLabel } from './identities';
import { isPendingCell } from './placeholders';

/** Whether the text between two offsets holds a line break (looked at in place, not cut out). */
function breaksLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) return true;
  }
  return false;
}

export const valueRule: Rule = {
  id: 'values',
  codes: ['value.missing', 'value.invalid', 'value.unseparable', 'value.scrambled'],
  description: '表格中每个单元格都应填写非负数（件数为整数）；空白、“/”、“-”、“无”视为缺失',
  check({ model, evaluations, messages }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    // Where a 0 may go, and how the text writes a filled cell: for the fixes alone, so worked out
    // only when a fix is first read.
    let plan: FillPlan | undefined;
    const planned = (): FillPlan => (plan ??= fillPlan(model, evaluations));
    let conventions: TextConventions | undefined;
    const conventionsOf = (): TextConventions => (conventions ??= documentConventions(model));
    for (const id of TABLE_IDS) {
      const table = model.tables[id];
      // A table that is not there at all is structure.table-missing, not 15 missing values.
      if (!table || !hasTable(model, id)) continue;
      // A table whose reading order is scrambled: one warning, and nothing about cells that are not
      // where their labels say (no sum either: its identities are not evaluated).
      if (table.scrambled) {
        findings.push({
          code: 'value.scrambled', severity: 'warning', span: table.rows[0]!.labelSpan,
          message: messages.tableScrambled({ table: messages.tableName({ table: id }) }), related: [], fixes: [],
        });
        continue;
      }
      // A table with no value at all (its numbers lost in copying, or never filled in) is one finding,
      // not one per row: and no fix, for zeros there would more likely be invented than true.
      const valueRows = table.rows.filter((r) => !(r.spec.children && r.cells.length === 0));
      // A table inserted by a fix, its cells still （待填）: structure.placeholder's, one per row.
      if (valueRows.length > 0 && valueRows.every((r) => r.cells.length > 0 && r.cells.every(isPendingCell))) continue;
      if ((valueRows.length > 1 || (valueRows[0]?.cells.length ?? 0) > 1) && table.unseparable.length === 0 && valueRows.every((r) => r.cells.every((c) => c.state === 'missing'))) {
        const cells = valueRows.reduce((n, r) => n + r.spec.columns.length, 0);
        findings.push({
          code: 'value.missing', severity: 'warning', span: valueRows[0]!.labelSpan,
          message: messages.tableNoValues({ table: messages.tableName({ table: id }), rows: valueRows.length, cells }),
          related: [], fixes: [],
        });
        continue;
      }
      const unseparableRows = new Set(table.unseparable.flatMap((u) => u.rows));
      for (const run of table.unseparable) {
        const rows = run.rows.map((r) => table.spec.rows.find((s) => s.id === r)?.label ?? r);
        // A table with no identities (表一) has nothing to split by: a problem of the text, not an error of the report.
        const noIdentities = table.spec.identities.length === 0;
        findings.push({
          code: 'value.unseparable', severity: noIdentities ? 'warning' : 'error', span: run.span,
          message: noIdentities ? messages.unseparableNoIdentities({ rows, digits: run.digits }) : messages.unseparable({ rows, digits: run.digits, solutions: run.solutions }),
          related: [], fixes: [],
        });
      }
      for (const row of table.rows) {
        if (unseparableRows.has(row.spec.id)) continue;
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i]!;
          if (isPendingCell(cell)) continue;
          if (cell.state === 'missing') {
            // Blank cells side by side on one line (a run of pipes) are one finding.
            let last = i;
            while (cell.raw === '' && last + 1 < row.cells.length && row.cells[last + 1]!.state === 'missing' && row.cells[last + 1]!.raw === '' && !breaksLine(model.text, cell.span.start, row.cells[last + 1]!.span.start)) last++;
            const run = row.cells.slice(i, last + 1);
            const fillable = (): boolean => run.every((c) => planned().zero.has(cellKey(id, row.spec.id, c.column.id)));
            if (last > i) {
              const names = run.map((c) => c.column.shortName);
              const fixes = (): Fix[] => (fillable() ? [{ title: messages.fixFillRow({ row: row.spec.label, count: run.length }), edits: fillCells(model, table, run, conventionsOf()), safe: false, preferred: true }] : []);
              findings.push(withFixesOnDemand({ code: 'value.missing', severity: 'warning', span: { start: cell.span.start, end: row.cells[last]!.span.end }, message: messages.rowValuesMissing({ row: row.spec.label, columns: names }), related: [] }, fixes));
              i = last;
              continue;
            }
            const fixes = (): Fix[] => (fillable() ? [{ title: messages.fixFillCell(), edits: [fillCell(model, cell)], safe: false, preferred: true }] : []);
            findings.push(withFixesOnDemand({ code: 'value.missing', severity: 'warning', span: cell.span, message: messages.valueMissing({ cell: cellLabel(cell, messages), raw: cell.raw }), related: [] }, fixes));
          } else if (cell.state === 'invalid') {
            const reading = readCellText(cell.raw);
            const reason = reading.kind === 'number' ? (reading.negative ? 'negative' : reading.value <= Number.MAX_SAFE_INTEGER ? 'fraction' : 'number') : reading.kind === 'words' ? 'words' : 'number';
            findings.push({ code: 'value.invalid', severity: 'error', span: cell.span, message: messages.valueInvalid({ cell: cellLabel(cell, messages), raw: cell.raw, reason }), related: [], fixes: [] });
          }
        }
        // A group row of the 2021 format carries no values.
        if (row.spec.children && row.cells.length === 0) continue;
        if (row.cells.length >= row.spec.columns.length) continue;
        const absent = row.spec.columns.slice(row.cells.length);
        const names = absent.map((c) => table.spec.columns.find((s) => s.id === c)?.shortName ?? c);
        // Table C's one row has no label of its own: name the table.
        const rowName = id === 'C' ? table.spec.name : row.spec.label;
        if (row.cells.length === 0) {
          // No value at all: every column is known to be missing.
          const fixes = (): Fix[] => {
            const edit = fillRow(model, table, row, conventionsOf());
            return edit && rowFillable(planned(), id, row.spec) ? [{ title: messages.fixFillRow({ row: rowName, count: absent.length }), edits: [edit], safe: false, preferred: true }] : [];
          };
          findings.push(withFixesOnDemand({ code: 'value.missing', severity: 'warning', span: row.labelSpan, message: messages.rowValuesMissing({ row: rowName, columns: names }), related: [] }, fixes));
        } else {
          // Some values: which columns they belong to cannot be told, so no fix. The finding lies on
          // the values in PDF text, where a row's values share a line (that can be another than the label's).
          const all = row.spec.columns.map((c) => table.spec.columns.find((s) => s.id === c)?.shortName ?? c);
          const values = { start: row.cells[0]!.span.start, end: row.cells[row.cells.length - 1]!.span.end };
          findings.push({
            code: 'value.missing', severity: 'warning', span: table.layout === 'aligned' && !breaksLine(model.text, values.start, values.end) ? values : row.labelSpan,
            message: messages.rowValuesPartial({ row: rowName, have: row.cells.length, expected: row.spec.columns.length, columns: all }),
            related: [], fixes: [],
          });
        }
      }
    }
    return findings;
  },
};
