/**
 * The report model: what the parser reads out of a text. Every node keeps the span of text it came
 * from, so that every feature (diagnostics, outline, hover, fixes) can point back into the document.
 */
import type { MatchKind } from './format/match';
import type { ColumnSpec, RowSpec, SectionSpec, TableId, TableSpec } from './format/schema';
import type { LineIndex, Span } from './text';

/** How a table's cells are laid out in the text. */
export type Layout =
  | 'cell-per-line' // word-processor export: each cell on its own line after a tab
  | 'pipe' // web copy: cells followed by ` |`, or markdown-like `| a | b |` rows
  | 'aligned' // text extracted from PDF: one row per line, values aligned with spaces
  | 'run-together'; // web text with no separators: a row's values run together

export interface Title {
  /** The title as written, lines joined. */
  readonly text: string;
  readonly span: Span;
  /** The body's name: the title before the year. */
  readonly body: string | null;
  readonly year: number | null;
  readonly yearSpan: Span | null;
}

export interface Subsection {
  /** The marker as written: `（一）`, `(1)`, `1.`. */
  readonly marker: string;
  readonly markerSpan: Span;
  /** The marker's number (1-based), whatever its numeral style. */
  readonly number: number;
  readonly style: 'chinese-paren' | 'arabic-paren' | 'arabic-dot' | 'chinese-dot';
  /** The subsection's heading text after the marker, up to the first sentence end. */
  readonly title: string;
  /** The heading line. */
  readonly headingSpan: Span;
  /** From the heading to the next subsection or the end of the section. */
  readonly span: Span;
}

export interface Section {
  readonly spec: SectionSpec;
  /** The numeral as written (`二`, `2`, `（二）`), or null when the heading has none. */
  readonly numeral: string | null;
  readonly numeralSpan: Span | null;
  /** The heading's title as written. */
  readonly title: string;
  /** How the title matched the format's wording (`exact`, a listed variant, other connectors, a slip, an own second half). */
  readonly wording: MatchKind;
  readonly titleSpan: Span;
  /** The heading line, from its numeral (or title) to its end. */
  readonly headingSpan: Span;
  /** From the heading to the next section heading (or the end of the text). */
  readonly span: Span;
  readonly subsections: readonly Subsection[];
}

export type CellState = 'ok' | 'missing' | 'invalid';

export interface Cell {
  readonly table: TableId;
  readonly row: RowSpec;
  readonly column: ColumnSpec;
  /** The cell's text as written (trimmed); empty for a blank cell. */
  readonly raw: string;
  /** The number read, or null when the cell is missing or invalid. */
  readonly value: number | null;
  readonly state: CellState;
  /** The cell's text; for a cell with no text, an empty span where its value belongs. */
  readonly span: Span;
}

export interface Row {
  readonly spec: RowSpec;
  /** The label as written (lines joined). */
  readonly label: string;
  readonly labelSpan: Span;
  /** The cells read, in column order (a cell the text does not have is absent). */
  readonly cells: readonly Cell[];
  /** Values found beyond the row's columns. */
  readonly extra: readonly Span[];
  /** The whole row: label and cells. */
  readonly span: Span;
}

/** A run of digits whose values could not be separated (run-together layout). */
export interface UnseparableRun {
  readonly table: TableId;
  readonly rows: readonly string[];
  readonly span: Span;
  readonly digits: string;
  /** How many splits satisfy every identity: 0 (none) or 2 or more. */
  readonly solutions: number;
}

/** A run of digits that was split into cells (run-together layout): the split is stated when a sum fails. */
export interface DecodedRun {
  readonly table: TableId;
  readonly rows: readonly string[];
  readonly span: Span;
  readonly digits: string;
  readonly parts: readonly string[];
}

export interface Table {
  readonly spec: TableSpec;
  readonly layout: Layout;
  readonly span: Span;
  /** Rows found, in text order. */
  readonly rows: readonly Row[];
  /** The header region (column names), if found. */
  readonly headerSpan: Span | null;
  readonly unseparable: readonly UnseparableRun[];
  /** Runs of digits split into cells (absent: none). */
  readonly decoded?: readonly DecodedRun[];
  /**
   * The table's reading order looks scrambled (PDF text extracted without `-layout`: values before
   * their labels, more numbers after one label than it has columns while other rows have none, header
   * words among table 三's values): its cells are not trusted, none of its identities is evaluated.
   */
  readonly scrambled?: boolean;
}

export interface ReportModel {
  readonly text: string;
  readonly lines: LineIndex;
  readonly title: Title | null;
  /** The report year: the title's, else the first statistics-period year. */
  readonly year: number | null;
  /** Section headings found, in text order. */
  readonly sections: readonly Section[];
  readonly tables: Partial<Record<TableId, Table>>;
  /** Whether the text reads like a report at all. */
  readonly isReport: boolean;
}

/**
 * One table's lookups, built once per table (the only place they are built) and kept as long as the
 * table: rows, row specs and cells by id — the first row read with an id, as the format has one of
 * each — and every cell in text order. Identities are evaluated several times per analysis (fixes
 * ask "what if"), narrative claims and navigation look up cells by the hundred: all of them use this.
 */
export interface TableIndex {
  readonly rows: ReadonlyMap<string, Row>;
  readonly specs: ReadonlyMap<string, RowSpec>;
  /** Row id → column id → cell. */
  readonly cells: ReadonlyMap<string, ReadonlyMap<string, Cell>>;
  /** Every cell of the table (every row, duplicates included), by start offset. */
  readonly cellsInTextOrder: readonly Cell[];
}

const tableIndexes = new WeakMap<Table, TableIndex>();
/** The row specs by id of each table format: the same for every table of it, built once. */
const specIndexes = new WeakMap<TableSpec, ReadonlyMap<string, RowSpec>>();

function specIndex(tableSpec: TableSpec): ReadonlyMap<string, RowSpec> {
  let specs = specIndexes.get(tableSpec);
  if (specs) return specs;
  const byId = new Map<string, RowSpec>();
  for (const spec of tableSpec.rows) if (!byId.has(spec.id)) byId.set(spec.id, spec);
  specIndexes.set(tableSpec, byId);
  specs = byId;
  return specs;
}

const byTextOrder = (a: Cell, b: Cell): number => a.span.start - b.span.start || a.span.end - b.span.end;

export function tableIndex(table: Table): TableIndex {
  let index = tableIndexes.get(table);
  if (index) return index;
  const rows = new Map<string, Row>();
  const cells = new Map<string, Map<string, Cell>>();
  const all: Cell[] = [];
  // Whether the cells, row after row, are in text order already (as a table read in order is): then
  // they need no sort (a stable sort of an ordered list leaves it as it is).
  let ordered = true;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (ordered && all.length > 0 && byTextOrder(all[all.length - 1]!, cell) > 0) ordered = false;
      all.push(cell);
    }
    if (rows.has(row.spec.id)) continue;
    rows.set(row.spec.id, row);
    const byColumn = new Map<string, Cell>();
    for (const cell of row.cells) if (!byColumn.has(cell.column.id)) byColumn.set(cell.column.id, cell);
    cells.set(row.spec.id, byColumn);
  }
  if (!ordered) all.sort(byTextOrder);
  index = { rows, specs: specIndex(table.spec), cells, cellsInTextOrder: all };
  tableIndexes.set(table, index);
  return index;
}

export function findRow(table: Table | undefined, rowId: string): Row | undefined {
  return table ? tableIndex(table).rows.get(rowId) : undefined;
}

export function findCell(table: Table | undefined, rowId: string, columnId: string): Cell | undefined {
  return table ? tableIndex(table).cells.get(rowId)?.get(columnId) : undefined;
}

/** A cell whose value may be compared with anything else: none of a table whose reading order is scrambled. */
export function trustedCell(table: Table | undefined, rowId: string, columnId: string): Cell | undefined {
  return table?.scrambled ? undefined : findCell(table, rowId, columnId);
}
