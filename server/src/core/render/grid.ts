/**
 * A table of the format as a grid of lines, from the schema alone: captions and header rows (with
 * horizontally merged cells as spans) and value rows (with the labels of the groups they belong to).
 * Every renderer writes this grid in its own style.
 */
import { TABLES, type ColumnSpec, type RowSpec, type TableId } from '../format/schema';

export interface HeaderCell {
  readonly text: string;
  /** Columns the cell covers (horizontally merged cells). */
  readonly span: number;
}

export interface HeaderLine {
  readonly kind: 'caption' | 'header';
  readonly cells: readonly HeaderCell[];
}

/** A group row's label on a line of its own (how aligned text prints it). */
export interface GroupLine {
  readonly kind: 'group';
  readonly row: RowSpec;
  readonly depth: number;
}

export interface RowLine {
  readonly kind: 'row';
  readonly table: TableId;
  readonly row: RowSpec;
  /** 0 for 一、二、四; 1 under 三、本年度办理结果; 2 under a group such as （三）不予公开. */
  readonly depth: number;
  /** The cells before the label: a group's label on the group's first row, else empty. */
  readonly leading: readonly string[];
  /** The label; empty for table C, whose one row has no label. */
  readonly label: string;
  readonly values: readonly string[];
}

export type GridLine = HeaderLine | GroupLine | RowLine;

/** The text of a value: `0` unless told otherwise. */
export type ValueText = (row: RowSpec, column: ColumnSpec) => string;

export const zeros: ValueText = () => '0';

/**
 * What an inserted cell holds: a mark to be replaced, never a number (a fix never states a figure in
 * the body's name). The parser reads it as a missing cell and structure.placeholder reports it.
 */
export const PENDING_CELL = '（待填）';

export const pending: ValueText = () => PENDING_CELL;

/** The note printed in table B's first cell. */
export const TABLE_B_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const TABLE_B_APPLICANTS = '申请人情况';
const TABLE_A_CONTENT = '信息内容';

/** The chain of group rows a row belongs to, outermost first. */
export function ancestors(table: TableId, row: RowSpec): RowSpec[] {
  const chain: RowSpec[] = [];
  let parentId = row.parent;
  while (parentId) {
    const parent = TABLES[table].rows.find((r) => r.id === parentId);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.parent;
  }
  return chain;
}

/** Whether a row is the first value row under a group row (the one that prints the group's label). */
export function isFirstUnder(table: TableId, group: RowSpec, row: RowSpec): boolean {
  const first = TABLES[table].rows.find((r) => !r.children && ancestors(table, r).some((a) => a.id === group.id));
  return first?.id === row.id;
}

export function rowLine(table: TableId, row: RowSpec, value: ValueText, printGroupLabels = true): RowLine {
  const spec = TABLES[table];
  const chain = ancestors(table, row);
  const leading = chain.map((g) => (printGroupLabels && isFirstUnder(table, g, row) ? g.label : ''));
  const label = table === 'C' ? '' : row.label;
  const values = row.columns.map((id) => value(row, spec.columns.find((c) => c.id === id)!));
  return { kind: 'row', table, row, depth: chain.length, leading, label, values };
}

/** Header lines for columns with multi-level names (`行政诉讼·复议后起诉·总计`). */
function headerLevels(columns: readonly ColumnSpec[], leadingEmpty: number): HeaderLine[] {
  const paths = columns.map((c) => c.name.split('·'));
  const depth = Math.max(...paths.map((p) => p.length));
  const lines: HeaderLine[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: HeaderCell[] = [];
    for (let i = 0; i < leadingEmpty; i++) cells.push({ text: '', span: 1 });
    let i = 0;
    while (i < paths.length) {
      const path = paths[i]!;
      if (level >= path.length) {
        cells.push({ text: '', span: 1 });
        i++;
        continue;
      }
      if (level === path.length - 1) {
        cells.push({ text: path[level]!, span: 1 });
        i++;
        continue;
      }
      // A group name: spans every following column with the same path up to this level.
      const prefix = path.slice(0, level + 1).join('·');
      let j = i;
      while (j < paths.length && paths[j]!.length > level + 1 && paths[j]!.slice(0, level + 1).join('·') === prefix) j++;
      cells.push({ text: path[level]!, span: j - i });
      i = j;
    }
    lines.push({ kind: 'header', cells });
  }
  return lines;
}

/** Grid columns of table A: the label and the widest group's values. */
export const TABLE_A_WIDTH = 1 + Math.max(...TABLES.A.rows.map((r) => r.columns.length));

/** The whole table as grid lines, values from `value` (0 by default). */
export function tableGrid(table: TableId, value: ValueText = zeros): GridLine[] {
  const spec = TABLES[table];
  const lines: GridLine[] = [];
  if (table === 'A') {
    let group: string | undefined;
    for (const row of spec.rows) {
      if (row.groupLabel !== group) {
        group = row.groupLabel;
        const columns = [...new Set(spec.rows.filter((r) => r.groupLabel === group).flatMap((r) => r.columns))];
        lines.push({ kind: 'caption', cells: [{ text: group ?? '', span: TABLE_A_WIDTH }] });
        lines.push({
          kind: 'header',
          cells: [{ text: TABLE_A_CONTENT, span: 1 }, ...columns.map((id) => ({ text: spec.columns.find((c) => c.id === id)!.name, span: 1 }))],
        });
      }
      lines.push(rowLine(table, row, value));
    }
    return lines;
  }
  if (table === 'B') {
    lines.push({ kind: 'caption', cells: [{ text: TABLE_B_NOTE, span: 1 }, { text: TABLE_B_APPLICANTS, span: spec.columns.length }] });
    lines.push(...headerLevels(spec.columns, 1));
  } else {
    lines.push(...headerLevels(spec.columns, 0));
  }
  for (const row of spec.rows) {
    if (row.children) {
      lines.push({ kind: 'group', row, depth: ancestors(table, row).length });
      continue;
    }
    lines.push(rowLine(table, row, value));
  }
  return lines;
}

/** Header cells as markdown prints them: a merged cell, then an empty cell for each column it covers. */
export function expandSpans(cells: readonly HeaderCell[]): string[] {
  return cells.flatMap((c) => [c.text, ...Array<string>(Math.max(0, c.span - 1)).fill('')]);
}
