/**
 * Which empty cells and missing rows can be written as 0 by a fix. A 0 must not make an identity
 * fail that did not fail before — the fix would trade one diagnostic for another and invent a
 * contradiction — so cells whose identities would then fail are left to the author. Computed once per
 * model and shared by the value and row rules.
 */
import { columnSpec, TABLE_IDS, type RowSpec, type TableId } from '../format/schema';
import { extractClaims, type Claim } from '../narrative/claims';
import { findRow, type ReportModel, type Table } from '../model';
import { fillRow, hasTable, insertRow } from '../render/place';
import { documentConventions } from '../render/style';
import { cellKey, evaluateIdentities, identityCellKeys, type IdentityEvaluation } from './evaluate';

export interface MissingRow {
  readonly table: Table;
  readonly spec: RowSpec;
}

/**
 * Value rows of the format that a table in the text lacks. The sub-rows of a group written as a
 * single row with values (the 2019 layout's （六）其他处理) are not missing: structure.old-format says why.
 */
export function missingRows(model: ReportModel): readonly MissingRow[] {
  let known = missingRowsOf.get(model);
  if (!known) missingRowsOf.set(model, (known = findMissingRows(model)));
  return known;
}

/** Each model's missing rows, worked out once: the row rule and the fill plan both ask (a model is never changed). */
const missingRowsOf = new WeakMap<ReportModel, readonly MissingRow[]>();

function findMissingRows(model: ReportModel): MissingRow[] {
  const result: MissingRow[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table || !hasTable(model, id) || id === 'C') continue;
    for (const spec of table.spec.rows) {
      if (spec.children || findRow(table, spec.id)) continue;
      if (spec.parent && isSingleGroupRow(table, spec.parent)) continue;
      result.push({ table, spec });
    }
  }
  return result;
}

/** A group row that carries values while none of its sub-rows is there (2019 layout). */
export function isSingleGroupRow(table: Table, groupId: string): boolean {
  const group = findRow(table, groupId);
  if (!group || !group.spec.children || group.spec.children.length === 0 || group.cells.length === 0) return false;
  return group.spec.children.every((c) => !findRow(table, c));
}

export interface FillPlan {
  /** Cells (evaluate.ts keys) that a fix may write as 0. */
  readonly zero: ReadonlySet<string>;
}

const plans = new WeakMap<ReportModel, FillPlan>();

function rowKeys(table: TableId, row: RowSpec): string[] {
  return row.columns.map((c) => cellKey(table, row.id, c));
}

/** Every cell some fix would write 0 into: empty cells, rows without values, missing rows. */
function candidates(model: ReportModel): Set<string> {
  const keys = new Set<string>();
  const conventions = documentConventions(model);
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table || !hasTable(model, id)) continue;
    const unseparable = new Set(table.unseparable.flatMap((u) => u.rows));
    for (const row of table.rows) {
      if (unseparable.has(row.spec.id) || row.spec.children) continue;
      for (const cell of row.cells) if (cell.state === 'missing') keys.add(cellKey(id, row.spec.id, cell.column.id));
      if (row.cells.length === 0 && fillRow(model, table, row, conventions)) for (const k of rowKeys(id, row.spec)) keys.add(k);
    }
  }
  for (const { table, spec } of missingRows(model)) {
    if (insertRow(model, table, spec, conventions)) for (const k of rowKeys(table.spec.id, spec)) keys.add(k);
  }
  return keys;
}

/**
 * Narrative figures that zeros in these cells would contradict: claims not checked so far (a cell
 * they name is missing) whose cells, with the zeros, would add up to something else.
 */
export function claimsContradictedBy(model: ReportModel, isZero: (key: string) => boolean): Claim[] {
  return extractClaims(model).filter((claim) => {
    if (claim.status !== 'not-evaluated') return false;
    const { reading } = claim;
    let sum = 0;
    let amount = false;
    for (let i = 0; i < reading.refs.length; i++) {
      const ref = reading.refs[i]!;
      const kind = columnSpec(reading.table, ref.column)?.kind;
      amount ||= kind === 'amount';
      const value = isZero(cellKey(reading.table, ref.row, ref.column)) ? 0 : reading.cells[i]?.value;
      if (value == null) return false; // still not checked
      sum += kind === 'amount' ? value * 10_000 : value;
    }
    // As the claim rule compares: 万元 with two decimals is ±50 元.
    return amount ? Math.abs(sum - claim.value) > 50 : Math.abs(sum - claim.value) > 1e-9;
  });
}

export function fillPlan(model: ReportModel, evaluations: readonly IdentityEvaluation[]): FillPlan {
  const cached = plans.get(model);
  if (cached) return cached;
  const zero = candidates(model);
  const failedBefore = new Set(evaluations.filter((e) => e.status === 'fails').map((e) => e.spec.id));
  // Drop the cells of every identity the zeros would break and of every narrative figure they would
  // contradict, until none is.
  for (let round = 0; round < 100 && zero.size > 0; round++) {
    const overrides = new Map([...zero].map((k) => [k, 0] as const));
    const broken = evaluateIdentities(model, overrides).filter((e) => e.status === 'fails' && !failedBefore.has(e.spec.id));
    const contradicted = claimsContradictedBy(model, (k) => zero.has(k));
    if (broken.length === 0 && contradicted.length === 0) break;
    for (const e of broken) for (const k of identityCellKeys(e)) zero.delete(k);
    for (const c of contradicted) for (const r of c.reading.refs) zero.delete(cellKey(c.reading.table, r.row, r.column));
  }
  const plan: FillPlan = { zero };
  plans.set(model, plan);
  return plan;
}

/** Whether every cell of a row may be written 0. */
export function rowFillable(plan: FillPlan, table: TableId, row: RowSpec): boolean {
  return rowKeys(table, row).every((k) => plan.zero.has(k));
}

