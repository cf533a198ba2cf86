/**
 * Evaluating the format's identities on a report: computed once per document version and shared by
 * the identity rules, hovers and code lenses. The same evaluation answers "what if" questions for
 * fixes: with `overrides`, chosen cells take other values (or exist where the text has none).
 */
import { TABLES, TABLE_IDS, type CellRef, type TableSpec, type IdentitySpec, type RowSpec, type TableId } from '../format/schema';
import { tableIndex, type Cell, type ReportModel, type Row, type Table, type TableIndex } from '../model';

export interface Term {
  readonly ref: CellRef;
  readonly cell: Cell | undefined;
  readonly sign: 1 | -1;
}

export interface IdentityEvaluation {
  readonly spec: IdentitySpec;
  readonly stated: Cell | undefined;
  /** (The text's evaluations make their terms when first read, in a getter: copy an evaluation field by field, never by a spread.) */
  readonly terms: readonly Term[];
  /** holds / fails; not-evaluated when the stated cell or a term is missing or invalid. */
  readonly status: 'holds' | 'fails' | 'not-evaluated';
  /** Σ plus − Σ minus, when every term has a value. */
  readonly computed: number | null;
}

/** Key of a cell in an overrides map. */
export function cellKey(table: TableId, row: string, column: string): string {
  return `${table}\u0000${row}\u0000${column}`;
}

/** Hypothetical cell values: a cell key → the value it would have. */
export type CellOverrides = ReadonlyMap<string, number>;

interface Lookup {
  readonly table: Table;
  readonly index: TableIndex;
  readonly rowPresent: (rowId: string) => boolean;
  readonly value: (ref: CellRef) => number | null;
}

/**
 * A cell as the identities see it. A row of PDF text with fewer values than columns (an empty cell
 * there is only spaces): which value is whose cannot be told (value.missing says so), so none of its
 * cells takes part in an identity. Other layouts mark their empty cells; a short row there is cut off
 * at its end.
 */
function cellOf(table: Table, index: TableIndex, row: string, column: string): Cell | undefined {
  const found = index.rows.get(row);
  if (!found) return undefined;
  if (table.layout === 'aligned' && found.cells.length < found.spec.columns.length) return undefined;
  return index.cells.get(row)?.get(column);
}

/** The rows of a table that overrides give cells in (they count as present for term resolution). */
function overriddenRowsOf(id: TableId, overrides: CellOverrides | undefined): Set<string> | undefined {
  if (!overrides || overrides.size === 0) return undefined;
  const rows = new Set<string>();
  for (const key of overrides.keys()) {
    const end = key.indexOf('\u0000');
    if (end < 0 || key.slice(0, end) !== id) continue;
    const rowEnd = key.indexOf('\u0000', end + 1);
    rows.add(rowEnd < 0 ? key.slice(end + 1) : key.slice(end + 1, rowEnd));
  }
  return rows;
}

function lookup(table: Table, overrides: CellOverrides | undefined): Lookup {
  const id = table.spec.id;
  const index = tableIndex(table);
  const overriddenRows = overriddenRowsOf(id, overrides);
  const active = overrides !== undefined && overrides.size > 0 ? overrides : undefined;
  return {
    table,
    index,
    rowPresent: overriddenRows ? (rowId) => index.rows.has(rowId) || overriddenRows.has(rowId) : (rowId) => index.rows.has(rowId),
    value: (ref) => {
      if (active) {
        const o = active.get(cellKey(id, ref.row, ref.column));
        if (o !== undefined) return o;
      }
      return cellOf(table, index, ref.row, ref.column)?.value ?? null;
    },
  };
}

/**
 * The terms of an identity as the report has them, appended to `terms`: where a group's sub-rows are
 * all absent but the group row carries values (the 2019 layout's single （六）其他处理 row), the group
 * row stands for them (once per column within these refs).
 */
function resolveTerms(l: Lookup, refs: readonly CellRef[], sign: 1 | -1, terms: Term[]): void {
  const index = l.index;
  let substituted: Set<string> | undefined;
  for (const ref of refs) {
    const spec = index.specs.get(ref.row);
    const parentId = spec?.parent;
    if (parentId && !l.rowPresent(ref.row)) {
      const parent = index.specs.get(parentId);
      const parentRow = index.rows.get(parentId);
      if (parent?.children && parentRow && parentRow.cells.length > 0 && parent.children.every((c) => !l.rowPresent(c))) {
        const key = `${parentId}:${ref.column}`;
        substituted ??= new Set<string>();
        if (!substituted.has(key)) {
          substituted.add(key);
          terms.push({ ref: { row: parentId, column: ref.column }, cell: cellOf(l.table, index, parentId, ref.column), sign });
        }
        continue;
      }
    }
    terms.push({ ref, cell: cellOf(l.table, index, ref.row, ref.column), sign });
  }
}

/** One table's identities evaluated with these overrides, from the schema: the definition. */
function evaluateTable(table: Table, overrides: CellOverrides | undefined, result: IdentityEvaluation[]): void {
  const id = table.spec.id;
  if (table.scrambled) {
    // Cells not where their labels are: no identity of the table is stated.
    for (const spec of TABLES[id].identities) result.push({ spec, stated: undefined, terms: [], status: 'not-evaluated', computed: null });
    return;
  }
  const l = lookup(table, overrides);
  for (const spec of TABLES[id].identities) {
    const stated = cellOf(l.table, l.index, spec.stated.row, spec.stated.column);
    const terms: Term[] = [];
    resolveTerms(l, spec.plus, 1, terms);
    resolveTerms(l, spec.minus, -1, terms);
    const statedValue = l.value(spec.stated);
    // Σ plus − Σ minus from 0 in term order (as a reduce would), or null at the first term without a value.
    let computed: number | null = statedValue === null ? null : 0;
    for (let i = 0; i < terms.length && computed !== null; i++) {
      const value = l.value(terms[i]!.ref);
      computed = value === null ? null : computed + terms[i]!.sign * value;
    }
    if (computed === null) {
      result.push({ spec, stated, terms, status: 'not-evaluated', computed: null });
      continue;
    }
    result.push({ spec, stated, terms, status: computed === statedValue ? 'holds' : 'fails', computed });
  }
}

// ---------------------------------------------------------------------------------------------
// The text's evaluation, by index: what evaluateTable does without overrides, on a grid of cells
// (row × column by number) instead of string-keyed lookups, with each table kind's identities
// compiled once. The terms are built only when read: most evaluations hold and nobody asks.

/** An identity of a table kind with its cells as grid indexes (row index × column count + column index). */
interface CompiledIdentity {
  readonly spec: IdentitySpec;
  readonly stated: number;
  readonly plus: Int32Array;
  readonly minus: Int32Array;
}

/** A table kind's rows and columns by number, and its identities compiled: once per table spec. */
interface CompiledTable {
  readonly rowIndex: ReadonlyMap<string, number>;
  readonly rowIds: readonly string[];
  readonly columnIndex: ReadonlyMap<string, number>;
  readonly columnIds: readonly string[];
  /** Per row: its group row (-1 without one) and, for a group row, its sub-rows (the first spec of each id, as tableIndex keeps). */
  readonly parentOf: Int32Array;
  readonly childrenOf: readonly (Int32Array | undefined)[];
  readonly identities: readonly CompiledIdentity[];
  /** Whether the spec's rows and columns each have unique ids: then a spec row's or column's place is its index. */
  readonly uniqueIds: boolean;
}

const compiledTables = new WeakMap<TableSpec, CompiledTable>();

function compiledTable(spec: TableSpec): CompiledTable {
  const known = compiledTables.get(spec);
  if (known) return known;
  // Rows and columns by number: the spec's, then any other id an identity names (none in the
  // format; so that such a ref still finds nothing rather than another cell).
  const rowIndex = new Map<string, number>();
  const rowIds: string[] = [];
  const rowSpecs: (RowSpec | undefined)[] = [];
  const rowOf = (id: string, rowSpec?: RowSpec): number => {
    let i = rowIndex.get(id);
    if (i === undefined) {
      rowIndex.set(id, (i = rowIds.length));
      rowIds.push(id);
      rowSpecs.push(rowSpec);
    }
    return i;
  };
  for (const row of spec.rows) rowOf(row.id, row);
  const columnIndex = new Map<string, number>();
  const columnIds: string[] = [];
  const columnOf = (id: string): number => {
    let i = columnIndex.get(id);
    if (i === undefined) {
      columnIndex.set(id, (i = columnIds.length));
      columnIds.push(id);
    }
    return i;
  };
  for (const column of spec.columns) columnOf(column.id);
  const identitySpecs = TABLES[spec.id].identities;
  for (const identity of identitySpecs) {
    for (const ref of [identity.stated, ...identity.plus, ...identity.minus]) {
      rowOf(ref.row);
      columnOf(ref.column);
    }
  }
  for (const rowSpec of [...rowSpecs]) {
    if (rowSpec?.parent) rowOf(rowSpec.parent);
    for (const child of rowSpec?.children ?? []) rowOf(child);
  }
  const parentOf = new Int32Array(rowIds.length).fill(-1);
  const childrenOf: (Int32Array | undefined)[] = rowSpecs.map(() => undefined);
  rowSpecs.forEach((rowSpec, i) => {
    if (rowSpec?.parent) parentOf[i] = rowIndex.get(rowSpec.parent)!;
    if (rowSpec?.children) childrenOf[i] = Int32Array.from(rowSpec.children, (c) => rowIndex.get(c)!);
  });
  // Column indexes are final only now: compile the identities' cells last.
  const columnCount = columnIds.length;
  const cellOfRef = (ref: CellRef): number => rowIndex.get(ref.row)! * columnCount + columnIndex.get(ref.column)!;
  const identities = identitySpecs.map((identity) => ({
    spec: identity,
    stated: cellOfRef(identity.stated),
    plus: Int32Array.from(identity.plus, cellOfRef),
    minus: Int32Array.from(identity.minus, cellOfRef),
  }));
  const uniqueIds = new Set(spec.rows.map((r) => r.id)).size === spec.rows.length && new Set(spec.columns.map((c) => c.id)).size === spec.columns.length;
  const compiled: CompiledTable = { rowIndex, rowIds, columnIndex, columnIds, parentOf, childrenOf, identities, uniqueIds };
  compiledTables.set(spec, compiled);
  return compiled;
}

/** One table's cells by grid index, as cellOf sees them, and which rows the text has. */
interface CellGrid {
  readonly compiled: CompiledTable;
  readonly cells: readonly (Cell | undefined)[];
  /**
   * Per row: the group row that stands for it (its sub-rows all absent, the group row with values:
   * the 2019 layout), or -1 when it stands for itself; null when no row of the table has a stand-in.
   */
  readonly standIn: Int32Array | null;
}

/** The place of an item in a list by identity, looking from `from` on; the list's length when it is not there. */
function placeOf<T>(list: readonly T[], item: T, from: number): number {
  let i = from;
  while (i < list.length && list[i] !== item) i++;
  return i;
}

function cellGrid(table: Table): CellGrid {
  const compiled = compiledTable(table.spec);
  const rowCount = compiled.rowIds.length;
  const columnCount = compiled.columnIds.length;
  const cells: (Cell | undefined)[] = new Array<Cell | undefined>(rowCount * columnCount).fill(undefined);
  const rows: (Row | undefined)[] = new Array<Row | undefined>(rowCount).fill(undefined);
  const specRows = table.spec.rows;
  const specColumns = table.spec.columns;
  let nextRow = 0;
  for (const row of table.rows) {
    // Rows come in the format's order, cells in column order: each is looked for by identity from
    // the last one found on (its index is its place in the spec, ids being unique), else by its id.
    nextRow = placeOf(specRows, row.spec, nextRow);
    const r = nextRow < specRows.length && compiled.uniqueIds ? nextRow : compiled.rowIndex.get(row.spec.id);
    if (nextRow >= specRows.length) nextRow = 0;
    // The first row read with an id counts (as in tableIndex); a row of an id no identity can name, never.
    if (r === undefined || rows[r]) continue;
    rows[r] = row;
    // A short row of PDF text: which value is whose cannot be told (see cellOf).
    if (table.layout === 'aligned' && row.cells.length < row.spec.columns.length) continue;
    let nextColumn = 0;
    for (const cell of row.cells) {
      nextColumn = placeOf(specColumns, cell.column, nextColumn);
      const c = nextColumn < specColumns.length && compiled.uniqueIds ? nextColumn : compiled.columnIndex.get(cell.column.id);
      if (nextColumn >= specColumns.length) nextColumn = 0;
      if (c !== undefined && cells[r * columnCount + c] === undefined) cells[r * columnCount + c] = cell;
    }
  }
  let standIn: Int32Array | null = null;
  for (let r = 0; r < rowCount; r++) {
    const parent = compiled.parentOf[r]!;
    if (parent < 0 || rows[r]) continue;
    const children = compiled.childrenOf[parent];
    const parentRow = rows[parent];
    if (!children || !parentRow || parentRow.cells.length === 0 || children.some((c) => rows[c] !== undefined)) continue;
    standIn ??= new Int32Array(rowCount).fill(-1);
    standIn[r] = parent;
  }
  return { compiled, cells, standIn };
}

/**
 * Adds a side's values to a sum, or null at the first term without a value; with stand-ins, a group
 * row's cell counted once per column (as resolveTerms substitutes).
 */
function addSide(grid: CellGrid, refs: Int32Array, sign: 1 | -1, sum: number): number | null {
  const { cells, standIn } = grid;
  if (standIn === null) {
    for (let i = 0; i < refs.length; i++) {
      const value = cells[refs[i]!]?.value ?? null;
      if (value === null) return null;
      sum += sign * value;
    }
    return sum;
  }
  for (const [, at] of resolvedCells(grid, refs)) {
    const value = cells[at]?.value ?? null;
    if (value === null) return null;
    sum += sign * value;
  }
  return sum;
}

/**
 * A side's cells with stand-ins resolved: for each ref kept, its index in the side and the cell's
 * grid index — its own cell, or its group row's cell in its column (once per column).
 */
function resolvedCells(grid: CellGrid, refs: Int32Array): [side: number, at: number][] {
  const columnCount = grid.compiled.columnIds.length;
  const resolved: [number, number][] = [];
  let substituted: Set<number> | undefined;
  for (let i = 0; i < refs.length; i++) {
    const at = refs[i]!;
    const parent = grid.standIn?.[(at / columnCount) | 0] ?? -1;
    if (parent < 0) {
      resolved.push([i, at]);
      continue;
    }
    const instead = parent * columnCount + (at % columnCount);
    substituted ??= new Set<number>();
    if (substituted.has(instead)) continue;
    substituted.add(instead);
    resolved.push([i, instead]);
  }
  return resolved;
}

/** An identity as the text has it. The terms are made when first read (a class getter: never spread an evaluation). */
class TextEvaluation implements IdentityEvaluation {
  readonly #grid: CellGrid;
  readonly #identity: CompiledIdentity;
  #terms: readonly Term[] | undefined;

  constructor(
    readonly spec: IdentitySpec,
    readonly stated: Cell | undefined,
    readonly status: IdentityEvaluation['status'],
    readonly computed: number | null,
    grid: CellGrid,
    identity: CompiledIdentity,
  ) {
    this.#grid = grid;
    this.#identity = identity;
  }

  get terms(): readonly Term[] {
    const { spec, plus, minus } = this.#identity;
    return (this.#terms ??= [...this.#side(spec.plus, plus, 1), ...this.#side(spec.minus, minus, -1)]);
  }

  /** A side's terms: the spec's own refs, or a group row's ref where it stands in (once per column, as resolveTerms). */
  #side(refs: readonly CellRef[], at: Int32Array, sign: 1 | -1): Term[] {
    const { compiled, cells, standIn } = this.#grid;
    if (standIn === null) return refs.map((ref, i) => ({ ref, cell: cells[at[i]!], sign }));
    const columnCount = compiled.columnIds.length;
    return resolvedCells(this.#grid, at).map(([i, cell]) => ({
      ref: cell === at[i] ? refs[i]! : { row: compiled.rowIds[(cell / columnCount) | 0]!, column: refs[i]!.column },
      cell: cells[cell],
      sign,
    }));
  }
}

/** A table's identities as the text has them, computed once per table: fixes ask "what if" again and again. */
const tableIdentities = new WeakMap<Table, readonly IdentityEvaluation[]>();

function identitiesOf(table: Table): readonly IdentityEvaluation[] {
  const found = tableIdentities.get(table);
  if (found) return found;
  let base: IdentityEvaluation[];
  if (table.scrambled) {
    base = [];
    evaluateTable(table, undefined, base);
  } else {
    const grid = cellGrid(table);
    base = grid.compiled.identities.map((identity) => {
      const stated = grid.cells[identity.stated];
      const statedValue = stated?.value ?? null;
      // Σ plus − Σ minus from 0 in term order, as evaluateTable sums: the same result to the bit.
      let computed = statedValue === null ? null : addSide(grid, identity.plus, 1, 0);
      if (computed !== null) computed = addSide(grid, identity.minus, -1, computed);
      const status = computed === null ? 'not-evaluated' : computed === statedValue ? 'holds' : 'fails';
      return new TextEvaluation(identity.spec, stated, status, computed, grid, identity);
    });
  }
  tableIdentities.set(table, base);
  return base;
}

/** Row → column → something: cells without string keys. */
type ByCell<T> = Map<string, Map<string, T>>;

/**
 * Which identities of a table (indexes into TABLES[id].identities) a cell may take part in, from the
 * schema alone, once per table kind: the stated cell, every term, and for a term in a sub-row also
 * the group row's cell in its column (which stands for the sub-rows in the 2019 layout). More than
 * the report's terms, never fewer: an identity looked at needlessly is found unchanged.
 */
const schemaIndexes = new WeakMap<TableSpec, ByCell<number[]>>();

function schemaIndex(table: Table): ByCell<number[]> {
  const cached = schemaIndexes.get(table.spec);
  if (cached) return cached;
  const id = table.spec.id;
  const specs = tableIndex(table).specs;
  const index: ByCell<number[]> = new Map();
  const add = (row: string, column: string, i: number): void => {
    let columns = index.get(row);
    if (!columns) index.set(row, (columns = new Map<string, number[]>()));
    const list = columns.get(column);
    if (!list) columns.set(column, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  TABLES[id].identities.forEach((spec, i) => {
    add(spec.stated.row, spec.stated.column, i);
    for (const ref of [...spec.plus, ...spec.minus]) {
      add(ref.row, ref.column, i);
      const parent = specs.get(ref.row)?.parent;
      if (parent) add(parent, ref.column, i);
    }
  });
  schemaIndexes.set(table.spec, index);
  return index;
}

/** A cell key taken apart: table, row, and column (undefined in a key of no cell). */
type KeyParts = readonly [table: string, row: string | undefined, column: string | undefined];

/** Keys taken apart so far (fill plans and fixes ask about the same few hundred cells again and again); bounded. */
const keyParts = new Map<string, KeyParts>();

function partsOf(key: string): KeyParts {
  let parts = keyParts.get(key);
  if (parts) return parts;
  const end = key.indexOf('\u0000');
  const rowEnd = end < 0 ? -1 : key.indexOf('\u0000', end + 1);
  parts = end < 0 ? [key, undefined, undefined] : rowEnd < 0 ? [key.slice(0, end), key.slice(end + 1), undefined] : [key.slice(0, end), key.slice(end + 1, rowEnd), key.slice(rowEnd + 1)];
  if (keyParts.size >= 10_000) keyParts.clear();
  keyParts.set(key, parts);
  return parts;
}

/**
 * Overrides by table, row and column: table → row → column → value. A row named by a key of no cell
 * is there with no column (it still counts as present, as in lookup).
 */
function overridesByTable(overrides: CellOverrides): Map<string, ByCell<number>> {
  const byTable = new Map<string, ByCell<number>>();
  for (const [key, value] of overrides) {
    const [table, row, column] = partsOf(key);
    if (row === undefined) continue;
    let rows = byTable.get(table);
    if (!rows) byTable.set(table, (rows = new Map<string, Map<string, number>>()));
    let columns = rows.get(row);
    if (!columns) rows.set(row, (columns = new Map<string, number>()));
    if (column !== undefined) columns.set(column, value);
  }
  return byTable;
}

/**
 * Which of a table's identities overrides touch; or null when an override may change how terms
 * resolve, and the table must be evaluated afresh: a group row with values stands for its sub-rows
 * while they are all absent (the 2019 layout), and a sub-row with an override counts as present. An
 * override in another absent row changes values only.
 */
function touchedBy(table: Table, values: ByCell<number>): Set<number> | null {
  const { rows, specs } = tableIndex(table);
  const index = schemaIndex(table);
  const touched = new Set<number>();
  for (const [row, columns] of values) {
    if (!rows.has(row)) {
      const parent = specs.get(row)?.parent;
      if (parent !== undefined && (rows.get(parent)?.cells.length ?? 0) > 0) return null;
    }
    const byColumn = index.get(row);
    if (!byColumn) continue;
    for (const column of columns.keys()) {
      const list = byColumn.get(column);
      if (list) for (const i of list) touched.add(i);
    }
  }
  return touched;
}

/**
 * An identity evaluated again with overrides for some of its cells. Its stated cell and terms are the
 * text's (an override in a present row changes no term), only values change; the sum is taken in the
 * same order as evaluateTable's, so the result is the same to the last bit. Unchanged: the same object.
 */
function reevaluate(e: IdentityEvaluation, values: ByCell<number>): IdentityEvaluation {
  const { stated } = e.spec;
  const statedValue = values.get(stated.row)?.get(stated.column) ?? e.stated?.value ?? null;
  let computed: number | null = statedValue === null ? null : 0;
  for (let i = 0; i < e.terms.length && computed !== null; i++) {
    const t = e.terms[i]!;
    const value = values.get(t.ref.row)?.get(t.ref.column) ?? t.cell?.value ?? null;
    computed = value === null ? null : computed + t.sign * value;
  }
  if (computed === null) return e.status === 'not-evaluated' ? e : { spec: e.spec, stated: e.stated, terms: e.terms, status: 'not-evaluated', computed: null };
  const status = computed === statedValue ? 'holds' : 'fails';
  return status === e.status && computed === e.computed ? e : { spec: e.spec, stated: e.stated, terms: e.terms, status, computed };
}

/**
 * Every identity of every table the report has; with `overrides`, as if those cells had those values.
 * The text's evaluations are computed once per table; with overrides, only the identities that may
 * share a cell with them are evaluated again (the others are the text's, the same objects).
 */
export function evaluateIdentities(model: ReportModel, overrides?: CellOverrides): IdentityEvaluation[] {
  const result: IdentityEvaluation[] = [];
  let byTable: Map<string, ByCell<number>> | undefined;
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    const base = identitiesOf(table);
    if (!overrides || overrides.size === 0 || table.scrambled) {
      for (const e of base) result.push(e);
      continue;
    }
    byTable ??= overridesByTable(overrides);
    const values = byTable.get(id);
    if (!values) {
      for (const e of base) result.push(e);
      continue;
    }
    const touched = touchedBy(table, values);
    if (touched === null) {
      evaluateTable(table, overrides, result);
      continue;
    }
    for (let i = 0; i < base.length; i++) result.push(touched.has(i) ? reevaluate(base[i]!, values) : base[i]!);
  }
  return result;
}

/**
 * The same as evaluateIdentities, every identity evaluated afresh from the schema (nothing reused):
 * the definition the reuse must agree with (test/core/evaluate.test.ts).
 */
export function evaluateIdentitiesAfresh(model: ReportModel, overrides?: CellOverrides): IdentityEvaluation[] {
  const result: IdentityEvaluation[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (table) evaluateTable(table, overrides, result);
  }
  return result;
}

/** Identities that fail with the overrides but do not fail without them. */
export function newFailures(model: ReportModel, before: readonly IdentityEvaluation[], overrides: CellOverrides): IdentityEvaluation[] {
  const failedBefore = new Set(before.filter((e) => e.status === 'fails').map((e) => e.spec.id));
  return evaluateIdentities(model, overrides).filter((e) => e.status === 'fails' && !failedBefore.has(e.spec.id));
}

/** The cells an identity involves: its stated cell and its terms, as overrides keys. */
export function identityCellKeys(e: IdentityEvaluation): string[] {
  const t = e.spec.table;
  return [cellKey(t, e.spec.stated.row, e.spec.stated.column), ...e.terms.map((term) => cellKey(t, term.ref.row, term.ref.column))];
}
