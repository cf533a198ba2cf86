/**
 * Evaluating the format's identities on a report: computed once per document version and shared by
 * the identity rules, hovers and code lenses. The same evaluation answers "what if" questions for
 * fixes: with `overrides`, chosen cells take other values (or exist where the text has none).
 */
import { TABLES, TABLE_IDS, type CellRef, type IdentitySpec, type TableId } from '../format/schema';
import { tableIndex, type Cell, type ReportModel, type Table, type TableIndex } from '../model';

export interface Term {
  readonly ref: CellRef;
  readonly cell: Cell | undefined;
  readonly sign: 1 | -1;
}

export interface IdentityEvaluation {
  readonly spec: IdentitySpec;
  readonly stated: Cell | undefined;
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

function lookup(table: Table, overrides: CellOverrides | undefined): Lookup {
  const id = table.spec.id;
  const index = tableIndex(table);
  const overriddenRows = new Set<string>();
  if (overrides) {
    for (const key of overrides.keys()) {
      const [t, row] = key.split('\u0000');
      if (t === id && row !== undefined) overriddenRows.add(row);
    }
  }
  return {
    table,
    index,
    rowPresent: (rowId) => index.rows.has(rowId) || overriddenRows.has(rowId),
    value: (ref) => {
      if (overrides && overrides.size > 0) {
        const o = overrides.get(cellKey(id, ref.row, ref.column));
        if (o !== undefined) return o;
      }
      return cellOf(table, index, ref.row, ref.column)?.value ?? null;
    },
  };
}

/**
 * The terms of an identity as the report has them: where a group's sub-rows are all absent but the
 * group row carries values (the 2019 layout's single （六）其他处理 row), the group row stands for them.
 */
function resolveTerms(l: Lookup, refs: readonly CellRef[], sign: 1 | -1): Term[] {
  const index = l.index;
  const terms: Term[] = [];
  const substituted = new Set<string>();
  for (const ref of refs) {
    const spec = index.specs.get(ref.row);
    const parentId = spec?.parent;
    if (parentId && !l.rowPresent(ref.row)) {
      const parent = index.specs.get(parentId);
      const parentRow = index.rows.get(parentId);
      if (parent?.children && parentRow && parentRow.cells.length > 0 && parent.children.every((c) => !l.rowPresent(c))) {
        const key = `${parentId}:${ref.column}`;
        if (!substituted.has(key)) {
          substituted.add(key);
          terms.push({ ref: { row: parentId, column: ref.column }, cell: cellOf(l.table, index, parentId, ref.column), sign });
        }
        continue;
      }
    }
    terms.push({ ref, cell: cellOf(l.table, index, ref.row, ref.column), sign });
  }
  return terms;
}

/** Every identity of every table the report has; with `overrides`, as if those cells had those values. */
export function evaluateIdentities(model: ReportModel, overrides?: CellOverrides): IdentityEvaluation[] {
  const result: IdentityEvaluation[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    if (table.scrambled) {
      // Cells not where their labels are: no identity of the table is stated.
      for (const spec of TABLES[id].identities) result.push({ spec, stated: undefined, terms: [], status: 'not-evaluated', computed: null });
      continue;
    }
    const l = lookup(table, overrides);
    for (const spec of TABLES[id].identities) {
      const stated = cellOf(l.table, l.index, spec.stated.row, spec.stated.column);
      const terms = [...resolveTerms(l, spec.plus, 1), ...resolveTerms(l, spec.minus, -1)];
      const statedValue = l.value(spec.stated);
      const termValues = terms.map((t) => l.value(t.ref));
      const complete = statedValue !== null && termValues.every((v) => v !== null);
      if (!complete) {
        result.push({ spec, stated, terms, status: 'not-evaluated', computed: null });
        continue;
      }
      const computed = terms.reduce((sum, t, i) => sum + t.sign * termValues[i]!, 0);
      result.push({ spec, stated, terms, status: computed === statedValue ? 'holds' : 'fails', computed });
    }
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
