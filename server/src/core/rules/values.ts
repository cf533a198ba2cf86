/**
 * value.* — every cell a number of its kind: non-negative integers for counts, a non-negative number
 * for the fee amount. Blanks and placeholders are missing, not 0; a value with words is invalid.
 */
import { readCellText } from '../format/normalize';
import type { Finding } from '../findings';
import { TABLE_IDS } from '../format/schema';
import type { Rule, RuleContext } from './rule';
import { cellLabel } from './identities';

export const valueRule: Rule = {
  id: 'values',
  codes: ['value.missing', 'value.invalid', 'value.unseparable'],
  description: '表格中每个单元格都应填写非负数（件数为整数）；空白、“/”、“-”、“无”视为缺失',
  check({ model, messages }: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const id of TABLE_IDS) {
      const table = model.tables[id];
      if (!table) continue;
      const unseparableRows = new Set(table.unseparable.flatMap((u) => u.rows));
      for (const run of table.unseparable) {
        findings.push({
          code: 'value.unseparable', severity: 'error', span: run.span,
          message: messages.unseparable({ rows: run.rows.map((r) => table.spec.rows.find((s) => s.id === r)?.label ?? r), digits: run.digits, solutions: run.solutions }),
          related: [], fixes: [],
        });
      }
      for (const row of table.rows) {
        if (unseparableRows.has(row.spec.id)) continue;
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i]!;
          if (cell.state === 'missing') {
            // Blank cells side by side on one line (a run of pipes) are one finding.
            let last = i;
            while (cell.raw === '' && last + 1 < row.cells.length && row.cells[last + 1]!.state === 'missing' && row.cells[last + 1]!.raw === '' && !/[\r\n]/u.test(model.text.slice(cell.span.start, row.cells[last + 1]!.span.start))) last++;
            if (last > i) {
              const names = row.cells.slice(i, last + 1).map((c) => c.column.shortName);
              findings.push({ code: 'value.missing', severity: 'warning', span: { start: cell.span.start, end: row.cells[last]!.span.end }, message: messages.rowValuesMissing({ row: row.spec.label, columns: names }), related: [], fixes: [] });
              i = last;
              continue;
            }
            findings.push({ code: 'value.missing', severity: 'warning', span: cell.span, message: messages.valueMissing({ cell: cellLabel(cell, messages), raw: cell.raw }), related: [], fixes: [] });
          } else if (cell.state === 'invalid') {
            const reading = readCellText(cell.raw);
            const reason = reading.kind === 'number' ? (reading.negative ? 'negative' : 'fraction') : reading.kind === 'words' ? 'words' : 'number';
            findings.push({ code: 'value.invalid', severity: 'error', span: cell.span, message: messages.valueInvalid({ cell: cellLabel(cell, messages), raw: cell.raw, reason }), related: [], fixes: [] });
          }
        }
        // A group row of the 2021 format carries no values.
        if (row.spec.children && row.cells.length === 0) continue;
        const absent = row.spec.columns.slice(row.cells.length);
        if (absent.length > 0) {
          const names = absent.map((c) => table.spec.columns.find((s) => s.id === c)?.shortName ?? c);
          findings.push({ code: 'value.missing', severity: 'warning', span: row.labelSpan, message: messages.rowValuesMissing({ row: row.spec.label, columns: names }), related: [], fixes: [] });
        }
      }
    }
    return findings;
  },
};
