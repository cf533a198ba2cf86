/**
 * Evaluating the format's identities on a report: computed once per document version and shared by
 * the identity rules, hovers and code lenses.
 */
import { TABLES, TABLE_IDS, type CellRef, type IdentitySpec } from '../format/schema';
import { findCell, findRow, type Cell, type ReportModel, type Table } from '../model';

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

/**
 * The terms of an identity as the report has them: where a group's sub-rows are all absent but the
 * group row carries values (the 2019 layout's single （六）其他处理 row), the group row stands for them.
 */
function resolveTerms(table: Table, refs: readonly CellRef[], sign: 1 | -1): Term[] {
  const terms: Term[] = [];
  const substituted = new Set<string>();
  for (const ref of refs) {
    const spec = table.spec.rows.find((r) => r.id === ref.row);
    const parentId = spec?.parent;
    if (parentId && !findRow(table, ref.row)) {
      const parent = table.spec.rows.find((r) => r.id === parentId);
      const parentRow = findRow(table, parentId);
      if (parent?.children && parentRow && parentRow.cells.length > 0 && parent.children.every((c) => !findRow(table, c))) {
        const key = `${parentId}:${ref.column}`;
        if (!substituted.has(key)) {
          substituted.add(key);
          terms.push({ ref: { row: parentId, column: ref.column }, cell: findCell(table, parentId, ref.column), sign });
        }
        continue;
      }
    }
    terms.push({ ref, cell: findCell(table, ref.row, ref.column), sign });
  }
  return terms;
}

export function evaluateIdentities(model: ReportModel): IdentityEvaluation[] {
  const result: IdentityEvaluation[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    for (const spec of TABLES[id].identities) {
      const stated = findCell(table, spec.stated.row, spec.stated.column);
      const terms = [...resolveTerms(table, spec.plus, 1), ...resolveTerms(table, spec.minus, -1)];
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
