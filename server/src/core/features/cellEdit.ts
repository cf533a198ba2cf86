/**
 * Editing one table cell from the grid: the typed text is either refused with a reason (not a
 * number, negative, a fraction of a count…) or becomes plain text edits — the cell's text replaced,
 * or, for a cell the text lacks, the cell (its row, if need be) inserted where the format puts it, in
 * the document's layout (`render/place.ts`). With `autoTotals`, the totals that depend on the cell
 * by the schema's identities (row 总计, （七）总计, 四 by the balance, table 三's group totals) are
 * rewritten in the same edit — found from `TABLES[…].identities`, never from a list of their own.
 *
 * A total the user typed into the grid too (`keep`: the cells typed there, which the grid remembers)
 * is not rewritten when its terms now add up to something else: it is left as it is and reported as
 * a conflict (the identity fails, marked as ever, with its one-click fix). Nor is a total whose text
 * is not a number (`12件`). Every other total follows its terms — one that did not hold before too
 * (sample 004's row 一: typing a term there rewrites its 总计 and the row's sum.row goes).
 *
 * Every edit is checked before it is offered: the text after it is read again, the cells written
 * read as the values written, and every other value read before is still read where it was
 * (`valuesChanged`). An edit that would not read back so is refused ('layout'), never offered.
 */
import type { Analysis } from '../analyze';
import type { TextEdit } from '../findings';
import { applyEdits } from '../fix';
import { asciiDigits, readCellText } from '../format/normalize';
import { TABLES, type ColumnSpec, type RowSpec, type TableId } from '../format/schema';
import { valuesChanged } from '../keepsValues';
import type { CellEditRefusal, MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import { findCell, findRow, tableIndex, type Cell, type ReportModel, type Table } from '../model';
import { parseReport } from '../parse/parser';
import { cellKey, evaluateIdentities } from '../rules/evaluate';
import { fillCell, fillRow, hasTable, insertRow } from '../render/place';
import { documentConventions, tableStyle } from '../render/style';

export interface CellAddress {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
}

export interface CellEditRequest extends CellAddress {
  /** What the user typed. */
  readonly text: string;
  /** 「自动合计」: rewrite the totals that depend on the cell. */
  readonly autoTotals: boolean;
  /** Cells the user typed into the grid before: totals among them are never rewritten. */
  readonly keep?: readonly CellAddress[];
}

export type { CellEditRefusal };

/** A total that the edit did not rewrite: the author's own figure disagrees with its terms. */
export interface TotalConflict {
  readonly identity: string;
  readonly cell: CellAddress;
  /** The total as the text has it. */
  readonly stated: string;
  /** What its terms add up to after the edit. */
  readonly computed: number;
  readonly message: string;
}

export interface CellWrite {
  readonly cell: CellAddress;
  readonly text: string;
  /** Written by 「自动合计」, not typed. */
  readonly total: boolean;
}

export type CellEditResult =
  | { readonly ok: true; readonly edits: readonly TextEdit[]; readonly writes: readonly CellWrite[]; readonly conflicts: readonly TotalConflict[]; readonly totalsSkipped: boolean }
  | { readonly ok: false; readonly reason: CellEditRefusal; readonly message: string };

function cellName(table: TableId, row: RowSpec, column: ColumnSpec, messages: MessageCatalog): string {
  return TABLES[table].rows.length === 1 ? messages.columnName({ column: column.name }) : messages.cellName({ row: row.label, column: column.shortName });
}

/** The typed text as a cell value of its column's kind, or why it is not one. */
export function readTypedValue(text: string, column: ColumnSpec): { ok: true; text: string; value: number } | { ok: false; reason: CellEditRefusal } {
  const trimmed = text.replace(/[\s\u3000]+/gu, '');
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const reading = readCellText(trimmed);
  if (reading.kind !== 'number') return { ok: false, reason: 'not-number' };
  if (reading.negative) return { ok: false, reason: 'negative' };
  if (reading.value > Number.MAX_SAFE_INTEGER) return { ok: false, reason: 'too-large' };
  if (column.kind === 'count') {
    if (!reading.integer) return { ok: false, reason: 'fraction' };
    return { ok: true, text: String(reading.value), value: reading.value };
  }
  // An amount keeps its decimals as typed (1.50 万元), in ASCII, without grouping commas or a sign.
  const written = asciiDigits(trimmed).replace(/[，,]/gu, '').replace(/^\+/u, '');
  return { ok: true, text: written, value: reading.value };
}

function refuse(reason: CellEditRefusal, cell: string, text: string, messages: MessageCatalog): CellEditResult {
  return { ok: false, reason, message: messages.cellEditRefused({ reason, cell, text }) };
}

/** The text of one cell to write; `value` in `values` by cell key. */
interface Planned {
  readonly key: string;
  readonly address: CellAddress;
  readonly text: string;
  readonly value: number;
  readonly total: boolean;
}

/** The placeholder written into the other cells of a row inserted for one value: read as missing, never as 0. */
function placeholder(model: ReportModel, table: Table): string {
  return tableStyle(model, table) === 'aligned' ? '-' : '';
}

/** The edits that write these cells (all of one table), or null when one of them cannot be placed. */
function writeEdits(model: ReportModel, table: Table, writes: readonly Planned[]): TextEdit[] | null {
  const conventions = documentConventions(model);
  const byRow = new Map<string, Planned[]>();
  for (const w of writes) byRow.set(w.address.row, [...(byRow.get(w.address.row) ?? []), w]);
  const edits: TextEdit[] = [];
  const empty = placeholder(model, table);
  const pipeStyle = tableStyle(model, table) === 'pipe';
  for (const [rowId, list] of byRow) {
    const spec = tableIndex(table).specs.get(rowId)!;
    const valueOf = (_row: RowSpec, column: ColumnSpec): string => list.find((w) => w.address.column === column.id)?.text ?? empty;
    const row = findRow(table, rowId);
    if (!row) {
      const inserted = insertRow(model, table, spec, conventions, valueOf);
      if (!inserted) return null;
      edits.push(...inserted);
      continue;
    }
    if (row.cells.length === 0) {
      const filled = fillRow(model, table, row, conventions, valueOf);
      if (!filled) return null;
      edits.push(filled);
      continue;
    }
    // Web copy collapses a row's empty cells into a line of pipes (`||||||`): a value written there
    // turns the line into one `v |` line per cell, as the fill fix does, the others left empty.
    const collapsed = new Map<number, Planned[]>();
    for (const w of list) {
      const cell = findCell(table, rowId, w.address.column);
      if (!cell) return null;
      if (pipeStyle && cell.span.start === cell.span.end) {
        const line = model.lines.lineAt(cell.span.start);
        if (/^[ \t|｜]+$/u.test(model.lines.lineText(line))) {
          collapsed.set(line, [...(collapsed.get(line) ?? []), w]);
          continue;
        }
      }
      edits.push(writeCell(model, cell, w.text));
    }
    for (const [line, here] of collapsed) {
      const start = model.lines.lineStart(line);
      const end = model.lines.lineEnd(line);
      const onLine = row.cells.filter((c) => c.span.start >= start && c.span.end <= end);
      const newText = onLine.map((c) => `${here.find((w) => w.address.column === c.column.id)?.text ?? ''} |`).join(conventions.eol);
      edits.push({ span: { start, end }, newText });
    }
  }
  return edits;
}

/** Replaces a cell's text; an empty cell between pipes gets the spaces the pipes have around values. */
function writeCell(model: ReportModel, cell: Cell, text: string): TextEdit {
  if (cell.span.end > cell.span.start) return { span: cell.span, newText: text };
  const filled = fillCell(model, cell);
  return { span: filled.span, newText: filled.newText.replace('0', text) };
}

/** Why a cell cannot be written at all, before anything is tried. */
function unwritable(table: Table, row: RowSpec, column: ColumnSpec): CellEditRefusal | null {
  if (table.scrambled) return 'scrambled';
  if (table.unseparable.some((u) => u.rows.includes(row.id))) return 'unseparable';
  const present = findRow(table, row.id);
  if (present && present.cells.length > 0 && !findCell(table, row.id, column.id)) return 'row-partial';
  return null;
}

/**
 * The totals that follow from the typed cell by the identities, to a fixed point (a row total is a
 * term of the balance; （七）总计 is a term of the balance and has its own row total), and the totals
 * that were the author's figure against their terms, left alone.
 */
function dependentTotals(analysis: Analysis, target: Planned, keep: ReadonlySet<string>, messages: MessageCatalog): { totals: Planned[]; conflicts: TotalConflict[] } {
  const model = analysis.model;
  const id = target.address.table;
  const table = model.tables[id]!;
  const values = new Map<string, number>([[target.key, target.value]]);
  const totals = new Map<string, Planned>();
  const conflicts = new Map<string, TotalConflict>();
  for (let round = 0; round < 16; round++) {
    let changed = false;
    for (const e of evaluateIdentities(model, values)) {
      if (e.spec.table !== id) continue;
      const keyOf = (row: string, column: string): string => cellKey(id, row, column);
      const statedKey = keyOf(e.spec.stated.row, e.spec.stated.column);
      if (statedKey === target.key) continue;
      if (!e.terms.some((t) => values.has(keyOf(t.ref.row, t.ref.column)))) continue;
      let computed = 0;
      let complete = true;
      for (const t of e.terms) {
        const k = keyOf(t.ref.row, t.ref.column);
        const v = values.has(k) ? values.get(k)! : t.cell?.state === 'ok' ? t.cell.value : null;
        if (v === null) complete = false;
        else computed += t.sign * v;
      }
      if (!complete || computed < 0) continue;
      const current = values.has(statedKey) ? values.get(statedKey)! : (e.stated?.value ?? null);
      if (current === computed) continue;
      const ours = totals.has(statedKey);
      const authors = !ours && e.stated !== undefined && e.stated.raw !== '' && (e.stated.state === 'invalid' || keep.has(statedKey));
      const rowSpec = tableIndex(table).specs.get(e.spec.stated.row)!;
      const columnSpec = TABLES[id].columns.find((c) => c.id === e.spec.stated.column)!;
      // Ours already and now another figure: two identities state the cell and their terms disagree — never flip-flop.
      if (authors || ours) {
        if (!conflicts.has(statedKey)) {
          const name = cellName(id, rowSpec, columnSpec, messages);
          conflicts.set(statedKey, {
            identity: e.spec.id,
            cell: { table: id, row: e.spec.stated.row, column: e.spec.stated.column },
            stated: e.stated?.raw ?? '',
            computed,
            message: messages.cellEditConflict({ cell: name, stated: e.stated?.raw ?? '', computed }),
          });
        }
        continue;
      }
      values.set(statedKey, computed);
      totals.set(statedKey, { key: statedKey, address: { table: id, row: e.spec.stated.row, column: e.spec.stated.column }, text: String(computed), value: computed, total: true });
      changed = true;
    }
    if (!changed) break;
  }
  return { totals: [...totals.values()], conflicts: [...conflicts.values()] };
}

/** The text after the edits reads every written cell as written and every other value where it was. */
function readsBack(model: ReportModel, edits: readonly TextEdit[], writes: readonly Planned[]): boolean {
  const applied = applyEdits(model.text, edits);
  if (applied.rejected.length > 0) return false;
  const after = parseReport(applied.text).model;
  for (const w of writes) {
    const table = after.tables[w.address.table];
    if (!table || table.scrambled) return false;
    const cell = findCell(table, w.address.row, w.address.column);
    if (!cell || cell.state !== 'ok' || cell.value !== w.value) return false;
  }
  if (valuesChanged(model, after, edits).length > 0) return false;
  // No value appears that was not there and not written (a placeholder read as a number, a value read into another cell).
  const written = new Set(writes.map((w) => w.key));
  for (const id of Object.keys(after.tables) as TableId[]) {
    const table = after.tables[id]!;
    for (const [rowId, byColumn] of tableIndex(table).cells) {
      for (const [columnId, cell] of byColumn) {
        const key = cellKey(id, rowId, columnId);
        if (written.has(key) || cell.value === null) continue;
        const was = findCell(model.tables[id], rowId, columnId);
        if (!was || was.value !== cell.value) return false;
      }
    }
  }
  return true;
}

/** The edit of one cell, as the grid asks for it (see the module comment). */
export function editCell(analysis: Analysis, request: CellEditRequest, messages: MessageCatalog = zhCN): CellEditResult {
  const model = analysis.model;
  // A client's request is unchecked JSON: its table, row and column may name nothing.
  const spec = TABLES[request.table] as (typeof TABLES)[keyof typeof TABLES] | undefined;
  const row = spec?.rows.find((r) => r.id === request.row);
  const column = spec?.columns.find((c) => c.id === request.column);
  if (!spec || !row || !column || row.children || !row.columns.includes(column.id)) return refuse('no-cell', `${request.table}/${request.row}/${request.column}`, request.text, messages);
  const name = cellName(spec.id, row, column, messages);
  if (!model.isReport) return refuse('not-report', name, request.text, messages);
  const read = readTypedValue(request.text, column);
  if (!read.ok) return refuse(read.reason, name, request.text, messages);
  const table = model.tables[spec.id];
  if (!table || !hasTable(model, spec.id)) return refuse('no-table', name, request.text, messages);
  const blocked = unwritable(table, row, column);
  if (blocked) return refuse(blocked, name, request.text, messages);

  const target: Planned = { key: cellKey(spec.id, row.id, column.id), address: { table: spec.id, row: row.id, column: column.id }, text: read.text, value: read.value, total: false };
  const current = findCell(table, row.id, column.id);
  const { totals, conflicts } = request.autoTotals ? dependentTotals(analysis, target, new Set((request.keep ?? []).map((c) => cellKey(c.table, c.row, c.column))), messages) : { totals: [], conflicts: [] };
  // Totals that cannot be written where they are (a partial row, a scrambled table) are left to the identities' findings.
  const writable = totals.filter((t) => unwritable(table, tableIndex(table).specs.get(t.address.row)!, TABLES[spec.id].columns.find((c) => c.id === t.address.column)!) === null);
  const attempts: Planned[][] = writable.length > 0 ? [[target, ...writable], [target]] : [[target]];
  for (const writes of attempts) {
    // Nothing to write when the cell already reads so (a total already right is not in `totals`).
    const changing = writes.filter((w) => !(w === target && current?.state === 'ok' && current.value === w.value && current.raw === w.text));
    if (changing.length === 0) return { ok: true, edits: [], writes: [], conflicts, totalsSkipped: false };
    const edits = writeEdits(model, table, changing);
    if (!edits || !readsBack(model, edits, changing)) continue;
    return {
      ok: true,
      edits,
      writes: changing.map((w) => ({ cell: w.address, text: w.text, total: w.total })),
      conflicts,
      totalsSkipped: writes.length < 1 + totals.length,
    };
  }
  return refuse('layout', name, request.text, messages);
}
