/**
 * Lookups shared by the navigation features (outline, hover, inlay hints, selection ranges, …), built
 * once per analysis and kept as long as the analysis is: cells sorted by position, the identity
 * evaluations each cell takes part in, each table's row tree and the section it sits in. Everything
 * here is proportional to the size of the model, never to the length of the text, so that a request
 * on a large document costs a binary search and not a scan.
 */
import type { Analysis } from '../analyze';
import { TABLE_IDS, type TableId } from '../format/schema';
import { tableIndex, type Cell, type ReportModel, type Row, type Section, type Subsection, type Table } from '../model';
import type { IdentityEvaluation } from '../rules/evaluate';
import type { Span } from '../text';

/** A row of a table with the rows the format puts under it (table B: 三 → （一）…（七）, （三） → 1.…8.). */
export interface RowNode {
  readonly row: Row;
  /** The row's own span joined with its descendants'. */
  readonly span: Span;
  readonly children: readonly RowNode[];
}

export interface TableEntry {
  readonly id: TableId;
  readonly table: Table;
  /** The top-level rows, in text order. */
  readonly tree: readonly RowNode[];
  /** The section whose span contains the table's start, if any. */
  readonly section: Section | null;
  readonly evaluations: readonly IdentityEvaluation[];
}

/** How a cell takes part in an identity: as the value it states or as one of its terms. */
export interface Participation {
  readonly evaluation: IdentityEvaluation;
  readonly role: 'stated' | 'term';
}

export interface NavIndex {
  readonly model: ReportModel;
  /** Every cell of every table, by start offset. */
  readonly cells: readonly Cell[];
  readonly tables: readonly TableEntry[];
  readonly participation: ReadonlyMap<Cell, readonly Participation[]>;
}

const cache = new WeakMap<Analysis, NavIndex>();

export function navIndex(analysis: Analysis): NavIndex {
  let index = cache.get(analysis);
  if (!index) {
    index = build(analysis);
    cache.set(analysis, index);
  }
  return index;
}

function build(analysis: Analysis): NavIndex {
  const { model, evaluations } = analysis;
  const cells: Cell[] = [];
  const tables: TableEntry[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    cells.push(...tableIndex(table).cellsInTextOrder);
    tables.push({
      id,
      table,
      tree: rowTree(table),
      section: sectionAt(model.sections, table.span.start),
      evaluations: evaluations.filter((e) => e.spec.table === id),
    });
  }
  cells.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  tables.sort((a, b) => a.table.span.start - b.table.span.start);

  const participation = new Map<Cell, Participation[]>();
  const add = (cell: Cell | undefined, p: Participation): void => {
    if (!cell) return;
    const list = participation.get(cell);
    if (!list) participation.set(cell, [p]);
    else if (!list.some((q) => q.evaluation === p.evaluation)) list.push(p);
  };
  for (const evaluation of evaluations) {
    add(evaluation.stated, { evaluation, role: 'stated' });
    for (const term of evaluation.terms) add(term.cell, { evaluation, role: 'term' });
  }
  return { model, cells, tables, participation };
}

/**
 * Rows nested as the format nests them, wherever in the table their labels were found (in PDF text a
 * group label printed down the margin is read after its first sub-rows); a row whose ancestors are all
 * absent stays at the top.
 */
function rowTree(table: Table): RowNode[] {
  interface Building {
    row: Row;
    children: Building[];
  }
  const { rows, specs } = tableIndex(table);
  const byId = new Map<string, Building>();
  for (const row of rows.values()) byId.set(row.spec.id, { row, children: [] });
  const roots: Building[] = [];
  for (const node of byId.values()) {
    let parentId = node.row.spec.parent;
    let parent: Building | undefined;
    while (parentId !== undefined && !parent) {
      parent = byId.get(parentId);
      parentId = specs.get(parentId)?.parent;
    }
    (parent ? parent.children : roots).push(node);
  }
  const byStart = (a: RowNode, b: RowNode): number => a.span.start - b.span.start;
  const finish = (b: Building): RowNode => {
    const children = b.children.map(finish).sort(byStart);
    let start = b.row.span.start;
    let end = b.row.span.end;
    for (const c of children) {
      start = Math.min(start, c.span.start);
      end = Math.max(end, c.span.end);
    }
    return { row: b.row, span: { start, end }, children };
  };
  return roots.map(finish).sort(byStart);
}

// ---------------------------------------------------------------------------------------------
// Searching sorted spans

/** The index of the last item whose start is ≤ offset, or -1. Items sorted by start. */
export function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (startOf(items[mid]!) <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The index of the first item whose start is ≥ offset (items.length if none). */
export function firstStartingAtOrAfter<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (startOf(items[mid]!) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Does a span contain an offset? Half-open, as a character under the cursor is; an empty span (a
 * blank cell) contains the offset it sits at.
 */
export function spanContains(s: Span, offset: number): boolean {
  return s.start === s.end ? offset === s.start : s.start <= offset && offset < s.end;
}

/** The cell under an offset. */
export function cellAt(index: NavIndex, offset: number): Cell | null {
  const cells = index.cells;
  // Cells do not overlap, but a blank cell's empty span may share its start with a neighbour.
  const i = lastStartingAtOrBefore(cells, offset, (c) => c.span.start);
  for (let j = i; j >= 0 && j >= i - 1; j--) {
    if (spanContains(cells[j]!.span, offset)) return cells[j]!;
  }
  return null;
}

/** The section (top-level) whose span contains an offset. Sections are in text order and disjoint. */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  const i = lastStartingAtOrBefore(sections, offset, (s) => s.span.start);
  const section = i >= 0 ? sections[i]! : null;
  return section && offset < section.span.end ? section : null;
}

export function subsectionAt(section: Section, offset: number): Subsection | null {
  const subs = section.subsections;
  const i = lastStartingAtOrBefore(subs, offset, (s) => s.span.start);
  const sub = i >= 0 ? subs[i]! : null;
  return sub && offset < sub.span.end ? sub : null;
}

/** The table whose span contains an offset. */
export function tableAt(index: NavIndex, offset: number): TableEntry | null {
  for (const entry of index.tables) if (entry.table.span.start <= offset && offset < entry.table.span.end) return entry;
  return null;
}

/** The chain of row nodes (outermost first) whose spans contain an offset. */
export function rowPathAt(entry: TableEntry, offset: number): RowNode[] {
  const path: RowNode[] = [];
  let level: readonly RowNode[] = entry.tree;
  for (;;) {
    const node = level.find((n) => n.span.start <= offset && offset < n.span.end);
    if (!node) return path;
    path.push(node);
    level = node.children;
  }
}

// ---------------------------------------------------------------------------------------------
// Small text helpers

const WHITE = /[\s\u3000\ufeff]/u;

/** A span with trailing white space (blank lines, stray tabs) removed; never shorter than `min`. */
export function trimEnd(text: string, s: Span, min = s.start): Span {
  let end = s.end;
  while (end > min && WHITE.test(text[end - 1]!)) end--;
  return { start: s.start, end };
}

/**
 * The span of a block of text (a section, a subsection) for display: it ends with the last line
 * before the next heading — not partway into that heading's line when something precedes the heading
 * on it (`[bookmark: _GoBack]（七）…`) — and without trailing white space. `min` is where the block's
 * heading ends; the span never gets shorter than that.
 */
export function blockSpan(model: ReportModel, s: Span, min: number): Span {
  let end = s.end;
  const line = model.lines.lineAt(end);
  const lineStart = model.lines.lineStart(line);
  if (end < model.lines.lineEnd(line) && lineStart > min && lineStart < end) end = lineStart;
  return trimEnd(model.text, { start: s.start, end }, min);
}

/** A section's name as its heading writes it: numeral (if any) and title, `2、 收到和处理…`. */
export function sectionName(model: ReportModel, section: Section): string {
  return model.text.slice(section.headingSpan.start, section.titleSpan.end).replace(/\s+/gu, ' ').trim();
}
