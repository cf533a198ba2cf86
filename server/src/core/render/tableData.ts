/**
 * The tables' data out of an analysis: every cell of tables 一–三 as the model holds it, one entry
 * per cell (a long list), laid side by side for many reports (a wide table), and summed across
 * reports (a region's totals) with the same identities checked on the sums. Pure: the CLI writes
 * it as JSON or xlsx; the CSV is written here (dataCsv), for the CLI's extract and the editor's
 * export of the workspace check alike.
 */
import { CHINESE_NUMERALS, TABLES, TABLE_IDS, valueRows, type ColumnSpec, type RowSpec, type TableId } from '../format/schema';
import type { Finding } from '../findings';
import type { MessageCatalog } from '../messages/catalog';
import type { Cell, ReportModel, Row, Table } from '../model';
import { evaluateIdentities, type IdentityEvaluation } from '../rules/evaluate';
import { cellLabel, termValues } from '../rules/identities';
import { LineIndex } from '../text';

/**
 * A cell's state in the data: `ok` (a number), `missing` (blank, a placeholder, or not in the text),
 * `invalid` (text that is not a number of its kind), `unreadable` (the text has values but which is
 * whose cannot be told: a scrambled table, digits run together that do not split one way, a row of
 * PDF text with fewer values than columns). Only an `ok` cell has a value.
 */
export type DataState = 'ok' | 'missing' | 'invalid' | 'unreadable';

/** A place in the tables: a table's row and column (a column of the wide table). */
export interface CellSlot {
  readonly table: TableId;
  readonly row: RowSpec;
  readonly column: ColumnSpec;
}

export interface DataCell {
  readonly table: TableId;
  readonly row: string;
  readonly rowLabel: string;
  readonly column: string;
  readonly columnLabel: string;
  /** The number, for an `ok` cell only. */
  readonly value: number | null;
  /** The cell's text as written (empty when the text has none). */
  readonly raw: string;
  readonly state: DataState;
}

/** One report's data: its body and year (from the title) and every cell, in the format's order. */
export interface ReportData {
  readonly body: string | null;
  readonly year: number | null;
  readonly cells: readonly DataCell[];
}

/** What the summed row is called (the `file` of its row, the wide table's first column). */
export const SUM_LABEL = '合计';

/** The slots every report has: each value row's columns, tables 一 to 三 (group rows carry no values in the 2021 format). */
export function formatSlots(): CellSlot[] {
  return TABLE_IDS.flatMap((table) => valueRows(table).flatMap((row) => row.columns.map((id) => ({ table, row, column: columnOf(table, id) }))));
}

function columnOf(table: TableId, id: string): ColumnSpec {
  return TABLES[table].columns.find((c) => c.id === id)!;
}

/** A group row that carries values in this report (the 2019 layout's single （六）其他处理 row). */
function valuedGroupRows(model: ReportModel, table: TableId): Row[] {
  const found = model.tables[table];
  if (!found) return [];
  const seen = new Set<string>();
  return found.rows.filter((r) => {
    if (!r.spec.children || r.cells.length === 0 || seen.has(r.spec.id)) return false;
    seen.add(r.spec.id);
    return true;
  });
}

/** The slots of one report: the format's, plus the columns of a group row it fills in, each after its group's place. */
function reportSlots(model: ReportModel): CellSlot[] {
  const extra = new Set(TABLE_IDS.flatMap((t) => valuedGroupRows(model, t).map((r) => `${t}:${r.spec.id}`)));
  return slotsWith(extra);
}

function slotsWith(groupRows: ReadonlySet<string>): CellSlot[] {
  return TABLE_IDS.flatMap((table) =>
    TABLES[table].rows.filter((row) => !row.children || groupRows.has(`${table}:${row.id}`)).flatMap((row) => row.columns.map((id) => ({ table, row, column: columnOf(table, id) }))),
  );
}

/** The state and value of one slot in a report's model. */
function readSlot(model: ReportModel, slot: CellSlot): { state: DataState; value: number | null; raw: string } {
  const table = model.tables[slot.table];
  if (!table) return { state: 'missing', value: null, raw: '' };
  const row = table.rows.find((r) => r.spec.id === slot.row.id);
  const cell = row?.cells.find((c) => c.column.id === slot.column.id);
  const raw = cell?.raw ?? '';
  // Cells not where their labels are: none of the table's is known, a row without one neither.
  if (table.scrambled) return { state: 'unreadable', value: null, raw };
  if (!row) return { state: 'missing', value: null, raw: '' };
  if (table.unseparable.some((u) => u.rows.includes(row.spec.id))) return { state: 'unreadable', value: null, raw };
  // PDF text: a row with fewer values than columns (an empty cell there is only spaces) — which value is whose cannot be told.
  if (table.layout === 'aligned' && row.cells.length > 0 && row.cells.length < row.spec.columns.length) return { state: 'unreadable', value: null, raw };
  if (!cell) return { state: 'missing', value: null, raw: '' };
  if (cell.state === 'ok') return { state: 'ok', value: cell.value, raw };
  return { state: cell.state, value: null, raw };
}

function dataCell(slot: CellSlot, read: { state: DataState; value: number | null; raw: string }): DataCell {
  return { table: slot.table, row: slot.row.id, rowLabel: slot.row.label, column: slot.column.id, columnLabel: slot.column.name, value: read.value, raw: read.raw, state: read.state };
}

/** Every cell of tables 一–三 of a report, in the format's order (a table not found: every cell missing). */
export function reportData(model: ReportModel): ReportData {
  return { body: model.title?.body ?? null, year: model.year, cells: reportSlots(model).map((slot) => dataCell(slot, readSlot(model, slot))) };
}

export const slotKey = (table: TableId, row: string, column: string): string => `${table}:${row}:${column}`;

/** The wide table's columns for these reports: the format's slots, and any group row one of them fills in. */
export function wideSlots(reports: readonly ReportData[]): CellSlot[] {
  const groups = new Set<string>();
  for (const r of reports) for (const c of r.cells) if (TABLES[c.table].rows.find((s) => s.id === c.row)?.children) groups.add(`${c.table}:${c.row}`);
  return slotsWith(groups);
}

/** A table's name: 表一, 表二, 表三. */
export const tableTitle = (table: TableId): string => `表${CHINESE_NUMERALS[TABLE_IDS.indexOf(table)]}`;

/**
 * A wide column's header, in the format's words: `表二·（三）不予公开·1.属于国家秘密·自然人` (a sub-row
 * with its group, table 三's one row not named). Unique among the slots.
 */
export function slotHeader(slot: CellSlot): string {
  const row = slot.row.parent && slot.row.groupLabel ? `${slot.row.groupLabel}·${slot.row.label}` : slot.row.label;
  const rowPart = TABLES[slot.table].rows.length === 1 ? '' : `·${row}`;
  return `${tableTitle(slot.table)}${rowPart}·${slot.column.name}`;
}

/** A report's values by slot key (ok cells only). */
export function valuesBySlot(report: ReportData): Map<string, DataCell> {
  return new Map(report.cells.map((c) => [slotKey(c.table, c.row, c.column), c]));
}

/** Which state a sum of several states has: ok only when every report's cell is ok. */
const STATE_RANK: Readonly<Record<DataState, number>> = { ok: 0, missing: 1, unreadable: 2, invalid: 3 };

/**
 * The region's totals: every slot summed across the reports. A sum is given only when every report
 * has a number there (else it would understate the region): its state is then the worst of theirs.
 * Amounts are rounded to 6 decimals (binary fractions add up to 0.30000000000000004).
 */
export function sumReports(reports: readonly ReportData[]): ReportData {
  const slots = wideSlots(reports);
  const byReport = reports.map(valuesBySlot);
  const years = new Set(reports.map((r) => r.year));
  const cells = slots.map((slot): DataCell => {
    let state: DataState = 'ok';
    let sum = 0;
    for (const values of byReport) {
      const cell = values.get(slotKey(slot.table, slot.row.id, slot.column.id));
      const s = cell?.state ?? 'missing';
      if (STATE_RANK[s] > STATE_RANK[state]) state = s;
      if (s === 'ok') sum += cell!.value!;
    }
    if (reports.length === 0) state = 'missing';
    const value = state === 'ok' ? (slot.column.kind === 'amount' ? Math.round(sum * 1e6) / 1e6 : sum) : null;
    return dataCell(slot, { state, value, raw: value === null ? '' : String(value) });
  });
  return { body: null, year: years.size === 1 ? [...years][0]! : null, cells };
}

/** A failing identity of data: its code, the identity's id, the message a report's sum.* finding opens with. */
export interface DataFinding {
  readonly code: Finding['code'];
  readonly identity: string;
  readonly message: string;
}

/** The identities evaluated on data (a region's totals), and one finding per identity that fails. */
export interface SumCheck {
  readonly evaluations: readonly IdentityEvaluation[];
  readonly findings: readonly DataFinding[];
}

/**
 * Checks data by the format's identities, as a report's tables are checked: each failure said as a
 * report's sum.* finding says it (no guess at a wrong cell: a total's error lies in some report).
 */
export function checkData(data: ReportData, messages: MessageCatalog): SumCheck {
  const evaluations = evaluateIdentities(modelOf(data));
  const findings = evaluations
    .filter((e) => e.status === 'fails')
    .map((e): DataFinding => {
      const message = messages.identityFailed({ kind: e.spec.kind, cell: cellLabel(e.stated!, messages), stated: e.stated!.value!, computed: e.computed!, ...termValues(e) });
      return { code: e.spec.code, identity: e.spec.id, message };
    });
  return { evaluations, findings };
}

/** A report model holding only the data's value rows (a cell with no number is missing), for the identities. */
function modelOf(data: ReportData): ReportModel {
  const values = valuesBySlot(data);
  const none = { start: 0, end: 0 };
  const tables: Partial<Record<TableId, Table>> = {};
  for (const id of TABLE_IDS) {
    const spec = TABLES[id];
    const rows = valueRows(id).map((rowSpec): Row => {
      const cells = rowSpec.columns.map((columnId): Cell => {
        const d = values.get(slotKey(id, rowSpec.id, columnId));
        const ok = d?.state === 'ok';
        return { table: id, row: rowSpec, column: columnOf(id, columnId), raw: ok ? String(d.value) : '', value: ok ? d.value : null, state: ok ? 'ok' : 'missing', span: none };
      });
      return { spec: rowSpec, label: rowSpec.label, labelSpan: none, cells, extra: [], span: none };
    });
    tables[id] = { spec, layout: 'pipe', span: none, rows, headerSpan: null, unseparable: [] };
  }
  return { text: '', lines: new LineIndex(''), title: null, year: data.year, sections: [], tables, isReport: true };
}

/** One row's worth of a table: a report's data and the file it was read from (or 合计). */
export interface DataRow {
  readonly file: string;
  readonly data: ReportData;
}

export type DataValue = string | number | null;

/** The long table's columns (CSV header, xlsx first row); a JSON cell has the same keys. */
export const LONG_HEADER = ['file', 'body', 'year', 'table', 'row', 'rowLabel', 'column', 'columnLabel', 'value', 'state', 'raw'] as const;

/** One row per report and cell, in LONG_HEADER's order. */
export function longRows(rows: readonly DataRow[]): DataValue[][] {
  return rows.flatMap(({ file, data }) => data.cells.map((c) => [file, data.body, data.year, c.table, c.row, c.rowLabel, c.column, c.columnLabel, c.value, c.state, c.raw]));
}

/** One row per report, one column per cell (the slots of `reports`, the totals' row's too): headers in the format's words. */
export function wideRows(rows: readonly DataRow[], reports: readonly ReportData[] = rows.map((r) => r.data)): { header: string[]; rows: DataValue[][] } {
  const slots = wideSlots(reports);
  const header = ['文件', '机关', '年度', ...slots.map(slotHeader)];
  return {
    header,
    rows: rows.map(({ file, data }) => {
      const values = valuesBySlot(data);
      return [file, data.body, data.year, ...slots.map((s) => values.get(slotKey(s.table, s.row.id, s.column.id))?.value ?? null)];
    }),
  };
}

/** A text that a spreadsheet reads as a plain number (`-3`, `+2`, `0.5`), never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u;

/**
 * A text cell made safe from formula injection (OWASP, "CSV Injection"): a text a report's author
 * wrote (the body's name, a cell's raw text, a file name) that opens with `=`, `+`, `-`, `@`, a tab
 * or a carriage return would be evaluated by Excel, WPS or LibreOffice as a formula (`=HYPERLINK(…)`,
 * `@SUM(…)`, `-2+3`); a `'` before it keeps it text. Left as they are: numbers (the value column
 * holds JS numbers, written as digits, never prefixed), a text that is a plain number (a negative
 * cell's raw `-3` stays the number the author wrote: a spreadsheet reads it as −3, not as a formula),
 * and a lone `-` (the format's usual mark of an empty cell, which no spreadsheet evaluates).
 */
export function csvSafeText(text: string): string {
  if (!/^[=+\-@\t\r]/u.test(text) || text === '-' || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** A CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break; null is empty; text guarded by csvSafeText. */
function csvField(value: DataValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : csvSafeText(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** CSV as Excel and WPS open it without asking: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. */
export function csvText(header: readonly string[], rows: readonly DataValue[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => `${r.map(csvField).join(',')}\r\n`).join('')}`;
}

/**
 * The CSV `govreport extract --format csv` writes (`wide`: with `--wide`), the editor's export of the
 * workspace's data too: one row per report and cell (LONG_HEADER), or one row per report with a
 * column per cell of `reports` (the reports without the totals' row).
 */
export function dataCsv(rows: readonly DataRow[], wide: boolean, reports: readonly ReportData[] = rows.map((r) => r.data)): string {
  if (!wide) return csvText(LONG_HEADER, longRows(rows));
  const table = wideRows(rows, reports);
  return csvText(table.header, table.rows);
}
