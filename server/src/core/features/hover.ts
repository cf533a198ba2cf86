/**
 * Hover: on a table cell, its row and column as the format names them, its value, and every identity
 * it takes part in with the values filled in and whether it holds (from the analysis's evaluations —
 * nothing is recomputed here); on a row label, the row and its values; on a section heading, the
 * format's heading and what the format expects in that section.
 */
import type { Analysis } from '../analyze';
import { TABLES, type RowSpec, type TableId } from '../format/schema';
import type { MessageCatalog, NamedValue } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import type { Cell, Row, Section } from '../model';
import type { IdentityEvaluation } from '../rules/evaluate';
import type { Span } from '../text';
import { cellAt, navIndex, rowPathAt, sectionAt, spanContains, tableAt, type NavIndex } from './navIndex';

export type HoverTarget =
  | { readonly kind: 'cell'; readonly cell: Cell; readonly evaluations: readonly IdentityEvaluation[] }
  | { readonly kind: 'row'; readonly row: Row }
  | { readonly kind: 'section'; readonly section: Section };

export interface HoverInfo {
  /** The text the hover is about (a cell, a row label, a heading). */
  readonly span: Span;
  /** Markdown. */
  readonly markdown: string;
  readonly target: HoverTarget;
}

export function hoverAt(analysis: Analysis, offset: number, messages: MessageCatalog = zhCN): HoverInfo | null {
  const index = navIndex(analysis);
  const cell = cellAt(index, offset);
  if (cell) return cellHover(index, cell, messages);

  const entry = tableAt(index, offset);
  if (entry) {
    const path = rowPathAt(entry, offset);
    for (let i = path.length - 1; i >= 0; i--) {
      const row = path[i]!.row;
      if (spanContains(row.labelSpan, offset)) return rowHover(entry.id, row, messages);
    }
  }

  const section = sectionAt(index.model.sections, offset);
  if (section && spanContains(section.headingSpan, offset)) {
    const spec = section.spec;
    const expected = `${spec.numeral}、`;
    return {
      span: section.headingSpan,
      target: { kind: 'section', section },
      markdown: messages.hoverSection({
        numeral: spec.numeral,
        title: md(spec.title),
        written: section.numeral === null ? null : md(section.numeral),
        differs: section.numeral !== expected,
        expects: md(spec.expects),
      }),
    };
  }
  return null;
}

function cellHover(index: NavIndex, cell: Cell, messages: MessageCatalog): HoverInfo {
  const spec = TABLES[cell.table];
  const singleRow = spec.rows.length === 1;
  const participation = index.participation.get(cell) ?? [];
  const parts = [
    messages.hoverCellTitle({ row: md(singleRow ? cell.column.group ?? spec.name : rowName(cell.row)), column: md(singleRow ? ownName(cell.column.name) : cell.column.shortName) }),
    messages.hoverCellContext({
      table: messages.tableName({ table: cell.table }),
      tableName: md(spec.name),
      group: cell.column.group && !singleRow ? md(cell.column.group) : null,
    }),
    messages.hoverCellValue({ state: cell.state, value: cell.value, raw: md(cell.raw) }),
  ];
  if (spec.identities.length === 0) parts.push(messages.hoverNoIdentity());
  for (const { evaluation } of participation) parts.push(identityText(evaluation, cell, messages));
  return {
    span: cell.span,
    markdown: parts.join('\n\n'),
    target: { kind: 'cell', cell, evaluations: participation.map((p) => p.evaluation) },
  };
}

function identityText(e: IdentityEvaluation, current: Cell, messages: MessageCatalog): string {
  const stated = e.spec.stated;
  // Terms that vary along the row are named by their column, terms along a column by their row.
  const alongRow = e.terms.every((t) => t.ref.row === stated.row);
  const table = e.spec.table;
  const columns = TABLES[table].columns;
  const refs = [stated, ...e.terms.map((t) => t.ref)];
  // Columns of one group (table C's 行政复议) are named within it: 结果维持, 总计.
  const group = columns.find((c) => c.id === stated.column)?.group;
  const oneGroup = group !== undefined && refs.every((r) => columns.find((c) => c.id === r.column)?.group === group);
  const name = (ref: { row: string; column: string }): string => {
    if (alongRow) {
      const column = columns.find((c) => c.id === ref.column);
      if (!column) return ref.column;
      return oneGroup ? ownName(column.name) : column.shortName;
    }
    const row = TABLES[table].rows.find((r) => r.id === ref.row);
    return row ? rowShortName(table, row) : ref.row;
  };
  const named = (ref: { row: string; column: string }, cell: Cell | undefined): NamedValue => ({
    label: md(name(ref)),
    value: cell?.value ?? null,
    current: cell === current,
  });
  return messages.hoverIdentity({
    kind: e.spec.kind,
    status: e.status,
    stated: named(stated, e.stated),
    plus: e.terms.filter((t) => t.sign > 0).map((t) => named(t.ref, t.cell)),
    minus: e.terms.filter((t) => t.sign < 0).map((t) => named(t.ref, t.cell)),
    computed: e.computed,
  });
}

function rowHover(table: TableId, row: Row, messages: MessageCatalog): HoverInfo {
  const written = row.label.replace(/\s+/gu, '');
  return {
    span: row.labelSpan,
    target: { kind: 'row', row },
    markdown: messages.hoverRow({
      label: md(rowName(row.spec)),
      written: written !== row.spec.label.replace(/\s+/gu, '') && TABLES[table].rows.length > 1 ? md(row.label.replace(/\s+/gu, ' ')) : null,
      table: messages.tableName({ table }),
      values: row.cells.map((c) => ({ column: md(c.column.shortName), value: c.value !== null ? String(c.value) : c.raw === '' ? '—' : md(`「${c.raw}」`) })),
    }),
  };
}

/** A row's full name: its group first for a numbered sub-row (`（三）不予公开 1.属于国家秘密`). */
function rowName(row: RowSpec): string {
  return row.groupLabel && /^\d/u.test(row.numbering) ? `${row.groupLabel} ${row.label}` : row.label;
}

/** A label this short is its own short name (`（七）总计`). */
const SHORT_LABEL = 6;

/** A row in a formula: its numbering, with its group's for a sub-row: `一`, `（三）1`; a short label whole. */
function rowShortName(table: TableId, row: RowSpec): string {
  if (!row.numbering) return row.label;
  const own = row.numbering.replace(/[、.]$/u, '');
  if (/^\d/u.test(own) && row.parent) {
    const parent = TABLES[table].rows.find((r) => r.id === row.parent);
    if (parent?.numbering) return `${parent.numbering}${own}`;
  }
  return row.label.length <= SHORT_LABEL ? row.label : own;
}

/** A column's name within its group (table C: 结果维持 under 行政复议). */
function ownName(name: string): string {
  const dot = name.lastIndexOf('·');
  return dot >= 0 ? name.slice(dot + 1) : name;
}

/** Domain text in markdown: characters markdown would read as markup are escaped. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/gu, (c) => `\\${c}`);
}
