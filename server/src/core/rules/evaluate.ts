/**
 * Evaluating the format's identities on a report: computed once per document version and shared by
 * the identity rules, hovers and code lenses.
 */
import { TABLES, TABLE_IDS, type CellRef, type IdentitySpec, type RowSpec } from '../format/schema';
import type { Cell, ReportModel, Row, Table } from '../model';

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

/** A table's rows and cells by id: identities look up thousands of cells per analysis. */
class TableIndex {
  private readonly rows = new Map<string, Row>();
  private readonly specs = new Map<string, RowSpec>();
  constructor(readonly table: Table) {
    for (const spec of table.spec.rows) this.specs.set(spec.id, spec);
    // The first row read with an id, as findRow gives it.
    for (const row of table.rows) if (!this.rows.has(row.spec.id)) this.rows.set(row.spec.id, row);
  }
  spec(rowId: string): RowSpec | undefined {
    return this.specs.get(rowId);
  }
  row(rowId: string): Row | undefined {
    return this.rows.get(rowId);
  }
  cell(rowId: string, columnId: string): Cell | undefined {
    return this.rows.get(rowId)?.cells.find((c) => c.column.id === columnId);
  }
}

/**
 * The terms of an identity as the report has them: where a group's sub-rows are all absent but the
 * group row carries values (the 2019 layout's single （六）其他处理 row), the group row stands for them.
 */
function resolveTerms(index: TableIndex, refs: readonly CellRef[], sign: 1 | -1): Term[] {
  const terms: Term[] = [];
  const substituted = new Set<string>();
  for (const ref of refs) {
    const spec = index.spec(ref.row);
    const parentId = spec?.parent;
    if (parentId && !index.row(ref.row)) {
      const parent = index.spec(parentId);
      const parentRow = index.row(parentId);
      if (parent?.children && parentRow && parentRow.cells.length > 0 && parent.children.every((c) => !index.row(c))) {
        const key = `${parentId}:${ref.column}`;
        if (!substituted.has(key)) {
          substituted.add(key);
          terms.push({ ref: { row: parentId, column: ref.column }, cell: index.cell(parentId, ref.column), sign });
        }
        continue;
      }
    }
    terms.push({ ref, cell: index.cell(ref.row, ref.column), sign });
  }
  return terms;
}

export function evaluateIdentities(model: ReportModel): IdentityEvaluation[] {
  const result: IdentityEvaluation[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    const index = new TableIndex(table);
    for (const spec of TABLES[id].identities) {
      const stated = index.cell(spec.stated.row, spec.stated.column);
      const terms = [...resolveTerms(index, spec.plus, 1), ...resolveTerms(index, spec.minus, -1)];
      const complete = stated?.value != null && terms.every((t) => t.cell?.value != null);
      if (!complete) {
        result.push({ spec, stated, terms, status: 'not-evaluated', computed: null });
        continue;
      }
      const computed = terms.reduce((sum, t) => sum + t.sign * t.cell!.value!, 0);
      result.push({ spec, stated, terms, status: computed === stated!.value ? 'holds' : 'fails', computed });
    }
  }
  return result;
}
