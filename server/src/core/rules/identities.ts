/**
 * sum.* — the identities of tables B and C. One diagnostic per failing identity, on the cell it
 * states, with the formula and its values; failures that share one cause say so.
 */
import { withFixesOnDemand, type Finding, type Fix, type RelatedLocation } from '../findings';
import { rowShortLabel, TABLES, type RowSpec, type TableId } from '../format/schema';
import type { MessageCatalog, TermValue } from '../messages/catalog';
import type { Cell } from '../model';
import { cellKey, evaluateIdentities, type IdentityEvaluation } from './evaluate';
import type { ReportModel } from '../model';
import type { Rule, RuleContext } from './rule';

/** A cell's name in messages: row and column, or the column alone in a table of one row (table C). */
export function cellLabel(cell: Cell, messages: MessageCatalog): string {
  const singleRow = TABLES[cell.table].rows.length === 1;
  return singleRow ? messages.columnName({ column: cell.column.name }) : messages.cellName({ row: cell.row.label, column: cell.column.shortName });
}

/**
 * The terms of an identity with their values, each named as short as tells it from the others, from
 * the schema: by its column where every term lies in the stated cell's row (a row sum: `自然人`,
 * `商业企业`; table 三's `结果维持` within its group), else by its row (`（一）予以公开`, `（三）4 保护第三方`).
 */
export function termValues(e: IdentityEvaluation): { plus: TermValue[]; minus: TermValue[] } {
  const sameRow = e.terms.every((t) => t.ref.row === e.spec.stated.row);
  const label = (t: IdentityEvaluation['terms'][number]): string => {
    const cell = t.cell!;
    if (!sameRow) return shortRowLabel(e.spec.table, cell.row);
    const name = cell.column.name;
    return name.slice(name.lastIndexOf('·') + 1);
  };
  const of = (sign: 1 | -1): TermValue[] => e.terms.filter((t) => t.sign === sign).map((t) => ({ label: label(t), value: t.cell!.value! }));
  return { plus: of(1), minus: of(-1) };
}

/** Each row's short label, made once: a failure names every term by it (a scan of the format's rows each time). */
const shortRowLabels = new WeakMap<RowSpec, string>();

function shortRowLabel(table: TableId, row: RowSpec): string {
  let label = shortRowLabels.get(row);
  if (label === undefined) shortRowLabels.set(row, (label = rowShortLabel(table, row)));
  return label;
}

interface Cause {
  readonly note: string;
  readonly members: readonly IdentityEvaluation[];
  readonly columnFix?: { column: string };
  /** One cell whose corrected value makes every member hold. */
  readonly cellFix?: { cell: Cell; value: number };
}

const diff = (e: IdentityEvaluation): number => e.computed! - e.stated!.value!;

/** Groups failures that share one explanation. */
/** The value a cell would need for one failing identity to hold (the other cells as they are). */
function neededValue(e: IdentityEvaluation, cell: Cell): number | null {
  if (e.stated === cell) return e.computed;
  const term = e.terms.find((t) => t.cell === cell);
  if (!term || e.computed === null || e.stated?.value == null) return null;
  return cell.value! + term.sign * (e.stated.value - e.computed);
}

/**
 * Failures that one wrong cell explains: a cell taking part in several failing identities, where the
 * one value that repairs the first repairs them all and breaks nothing else.
 */
function singleCellCauses(model: ReportModel, failures: readonly IdentityEvaluation[], all: readonly IdentityEvaluation[], causes: Map<IdentityEvaluation, Cause>, messages: MessageCatalog): void {
  const open = failures.filter((f) => !causes.has(f));
  const byCell = new Map<Cell, IdentityEvaluation[]>();
  const add = (cell: Cell | undefined, f: IdentityEvaluation): void => {
    if (!cell) return;
    const list = byCell.get(cell);
    if (!list) byCell.set(cell, [f]);
    else if (!list.includes(f)) list.push(f);
  };
  for (const f of open) {
    add(f.stated, f);
    for (const t of f.terms) add(t.cell, f);
  }
  const candidates = [...byCell.entries()].filter(([, list]) => list.length >= 2).sort((a, b) => b[1].length - a[1].length);
  for (const [cell, list] of candidates) {
    const members = list.filter((f) => !causes.has(f));
    if (members.length < 2) continue;
    const value = neededValue(members[0]!, cell);
    if (value === null || value < 0 || value === cell.value || !members.every((m) => neededValue(m, cell) === value)) continue;
    const overrides = new Map([[cellKey(cell.table, cell.row.id, cell.column.id), value]]);
    const failedBefore = new Set(all.filter((e) => e.status === 'fails' && !members.includes(e)).map((e) => e.spec.id));
    if (!evaluateIdentities(model, overrides).every((e) => e.status !== 'fails' || failedBefore.has(e.spec.id))) continue;
    const cause: Cause = {
      note: messages.causeSingleCell({ cell: cellLabel(cell, messages), stated: cell.value!, value, count: members.length }),
      members,
      cellFix: { cell, value },
    };
    for (const m of members) causes.set(m, cause);
  }
}

function findCauses(model: ReportModel, failures: readonly IdentityEvaluation[], all: readonly IdentityEvaluation[], messages: MessageCatalog): Map<IdentityEvaluation, Cause> {
  const causes = new Map<IdentityEvaluation, Cause>();
  const holdsOrSkipped = (id: string): boolean => all.find((e) => e.spec.id === id)?.status !== 'fails';

  // The whole 总计 column disagrees with the applicant columns, while every column is consistent in itself.
  const rowFailures = failures.filter((f) => f.spec.code === 'sum.row' && f.spec.table === 'B');
  const columnsConsistent = failures.every((f) => f.spec.code === 'sum.row');
  if (rowFailures.length >= 2 && columnsConsistent && holdsOrSkipped('B.outcome.total') && holdsOrSkipped('B.balance.total')) {
    const cause: Cause = { note: messages.causeTotalColumn({ rows: rowFailures.length }), members: rowFailures, columnFix: { column: '总计' } };
    for (const f of rowFailures) causes.set(f, cause);
  }

  // Two column totals off by the same amount in opposite directions, while the 总计 column balances:
  // cases entered in the wrong column.
  for (const code of ['sum.outcome', 'sum.balance'] as const) {
    const list = failures.filter((f) => f.spec.code === code && f.spec.table === 'B' && f.stated?.column.id !== 'total' && !causes.has(f));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (causes.has(a) || causes.has(b) || diff(a) + diff(b) !== 0) continue;
        const statedRowOk = holdsOrSkipped(`B.row.${a.stated!.row.id}`);
        const totalOk = holdsOrSkipped(code === 'sum.outcome' ? 'B.outcome.total' : 'B.balance.total');
        if (!statedRowOk || !totalOk) continue;
        // The column whose terms add up to more got the cases that belong to the other.
        const [from, to] = diff(a) > 0 ? [a, b] : [b, a];
        const cause: Cause = {
          note: messages.causeSwappedColumns({ from: from.stated!.column.shortName, to: to.stated!.column.shortName, amount: Math.abs(diff(a)) }),
          members: [a, b],
        };
        causes.set(a, cause);
        causes.set(b, cause);
      }
    }
  }
  singleCellCauses(model, failures, all, causes, messages);
  return causes;
}

function setValueFix(e: IdentityEvaluation, messages: MessageCatalog): Fix | null {
  if (e.computed === null || e.computed < 0 || !e.stated) return null;
  return {
    title: messages.fixSetValue({ cell: cellLabel(e.stated, messages), value: e.computed }),
    edits: [{ span: e.stated.span, newText: String(e.computed) }],
    safe: false,
  };
}

/**
 * Whether writing the computed values into these identities' stated cells makes them hold without
 * making any other identity fail: a fix that trades one diagnostic for another is not offered.
 */
function fixesCleanly(model: ReportModel, evaluations: readonly IdentityEvaluation[], members: readonly IdentityEvaluation[]): boolean {
  const overrides = new Map<string, number>();
  for (const m of members) {
    if (m.computed === null || m.computed < 0 || !m.stated) return false;
    overrides.set(cellKey(m.spec.table, m.stated.row.id, m.stated.column.id), m.computed);
  }
  const failedBefore = new Set(evaluations.filter((e) => e.status === 'fails').map((e) => e.spec.id));
  for (const m of members) failedBefore.delete(m.spec.id);
  return evaluateIdentities(model, overrides).every((e) => e.status !== 'fails' || failedBefore.has(e.spec.id));
}

/** Fixes with the same edits offered once (the suspect cell may be the stated total itself): the first, preferred if any was. */
function distinctFixes(fixes: readonly Fix[]): Fix[] {
  const byEdits = new Map<string, Fix>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits.map((e) => [e.span.start, e.span.end, e.newText]));
    const seen = byEdits.get(key);
    if (!seen) byEdits.set(key, fix);
    else if (fix.preferred && !seen.preferred) byEdits.set(key, { ...seen, preferred: true });
  }
  return [...byEdits.values()];
}

/**
 * The fixes of a failing identity: the suspect cell's value when one cell explains the failures, its
 * stated cell set to the computed value, and a column's stated cells at once — each only where it
 * makes no other identity fail.
 */
function identityFixes(model: ReportModel, evaluations: readonly IdentityEvaluation[], e: IdentityEvaluation, cause: Cause | undefined, messages: MessageCatalog): Fix[] {
  const fixes: Fix[] = [];
  const single = setValueFix(e, messages);
  if (single && fixesCleanly(model, evaluations, [e])) fixes.push({ ...single, preferred: true });
  if (cause?.cellFix) {
    const { cell, value } = cause.cellFix;
    fixes.unshift({
      title: messages.fixSetValue({ cell: cellLabel(cell, messages), value }),
      edits: [{ span: cell.span, newText: String(value) }],
      safe: false,
      preferred: true,
    });
    for (let i = 1; i < fixes.length; i++) fixes[i] = { ...fixes[i]!, preferred: false };
  }
  if (cause?.columnFix) {
    const all = cause.members.map((m) => setValueFix(m, messages)).filter((f): f is Fix => f !== null);
    if (all.length === cause.members.length && fixesCleanly(model, evaluations, cause.members)) {
      const values = cause.members.map((m) => m.computed!);
      fixes.push({
        title: messages.fixSetColumn({ column: cause.columnFix.column, count: all.length, values }),
        edits: all.flatMap((f) => f.edits),
        safe: false,
        ...(fixes.length === 0 ? { preferred: true } : {}),
      });
    }
  }
  return distinctFixes(fixes);
}

export const identityRule: Rule = {
  id: 'identities',
  codes: ['sum.row', 'sum.outcome', 'sum.balance', 'sum.group'],
  description: '表二的行合计、办理结果合计与勾稽关系，表三的分组合计',
  check({ model, evaluations, messages }: RuleContext): Finding[] {
    const failures = evaluations.filter((e) => e.status === 'fails');
    const causes = findCauses(model, failures, evaluations, messages);
    return failures.map((e) => {
      const stated = e.stated!;
      let message = messages.identityFailed({ kind: e.spec.kind, cell: cellLabel(stated, messages), stated: stated.value!, computed: e.computed!, ...termValues(e) });
      // A stated cell read from a split of run-together digits: the split is stated with it (the report
      // may be wrong, or the split); one split, the stated cell's, not those of every term.
      const decoded = model.tables[e.spec.table]?.decoded ?? [];
      const splits = decoded.filter((run) => stated.span.start >= run.span.start && stated.span.end <= run.span.end);
      if (splits.length > 0) message = messages.sentences([message, ...splits.map((run) => messages.splitStated({ digits: run.digits, parts: run.parts }))]);
      const related: RelatedLocation[] = e.terms.map((t) => ({
        span: t.cell!.span,
        message: messages.relatedTerm({ cell: cellLabel(t.cell!, messages), value: t.cell!.value!, sign: t.sign > 0 ? '+' : '−' }),
      }));
      const cause = causes.get(e);
      if (cause) {
        message = messages.sentences([message, cause.note]);
        for (const other of cause.members) {
          if (other !== e && other.stated) related.push({ span: other.stated.span, message: messages.relatedSameCause({ cell: cellLabel(other.stated, messages) }) });
        }
        const suspect = cause.cellFix?.cell;
        if (suspect && suspect !== stated) related.push({ span: suspect.span, message: messages.relatedSuspect({ cell: cellLabel(suspect, messages), value: suspect.value! }) });
      }
      return withFixesOnDemand({ code: e.spec.code, severity: 'error', span: stated.span, message, related }, () => identityFixes(model, evaluations, e, cause, messages));
    });
  },
};
