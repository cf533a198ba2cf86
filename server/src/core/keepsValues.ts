/**
 * The invariant behind every fix: the values the author typed stay where they were. Read the text
 * again after a fix, and every cell read before is still read, in the same table, row and column,
 * with the same number — except the cells the fix itself edits (a recomputed total, a 0 written into
 * an empty cell). A fix that moves a value out of its column, drops a cell or changes one it does not
 * edit is not offered (`fixKeepsValues`) and fix-all leaves it out.
 */
import type { TextEdit } from './findings';
import { TABLE_IDS } from './format/schema';
import { tableIndex, type Cell, type ReportModel } from './model';
import { parseReport } from './parse/parser';

/** One cell's place in the format: table, row id, column id. */
function placeOf(cell: Cell): string {
  return `${cell.table}\u0000${cell.row.id}\u0000${cell.column.id}`;
}

/** Every cell read, by its place: the table index's (the first row read with each id, its first cell of each column). */
function cellsByPlace(model: ReportModel): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    for (const byColumn of tableIndex(table).cells.values()) for (const cell of byColumn.values()) cells.set(placeOf(cell), cell);
  }
  return cells;
}

/** Whether an edit touches a cell's text (overlaps it, or inserts inside or right at it). */
function touches(edit: TextEdit, cell: Cell): boolean {
  const { start, end } = cell.span;
  if (edit.span.start === edit.span.end) return edit.span.start >= start && edit.span.start <= end;
  return edit.span.start < end && start < edit.span.end;
}

export interface ValueChange {
  /** The cell's place: `B/new/natural`. */
  readonly place: string;
  readonly before: string;
  /** Its text after the edits, or null when the cell is no longer read. */
  readonly after: string | null;
}

/**
 * The cells of `before` that the text after `edits` no longer holds as they were (moved, changed or
 * gone), leaving out the cells the edits touch. Empty when the edits keep every value.
 */
export function valuesChanged(before: ReportModel, after: ReportModel, edits: readonly TextEdit[]): ValueChange[] {
  const afterCells = cellsByPlace(after);
  const changes: ValueChange[] = [];
  for (const [key, cell] of cellsByPlace(before)) {
    if (edits.some((e) => touches(e, cell))) continue;
    const now = afterCells.get(key);
    // An empty cell may be filled (that is what a fill fix is for); it must still be read.
    if (cell.raw === '') {
      if (now === undefined) changes.push({ place: key.split('\u0000').join('/'), before: '', after: null });
      continue;
    }
    const same = now !== undefined && now.state === cell.state && now.raw === cell.raw && (cell.value === null || now.value === cell.value);
    if (!same) changes.push({ place: key.split('\u0000').join('/'), before: cell.raw, after: now ? now.raw : null });
  }
  return changes;
}

/** Whether applying `edits` (offsets into `model.text`) keeps every value the author typed (see `valuesChanged`). */
export function editsKeepValues(model: ReportModel, edits: readonly TextEdit[], applied: string): boolean {
  return valuesChanged(model, parseReport(applied).model, edits).length === 0;
}
