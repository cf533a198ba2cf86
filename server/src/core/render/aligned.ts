/**
 * Text as PDF extraction gives it: one table row per line, values aligned with spaces (always at
 * least two between cells, as the parser separates them), sub-rows indented, a group's label on a
 * line of its own.
 */
import { tableGrid, type GridLine, type HeaderLine, type RowLine } from './grid';
import type { AlignedColumns, RenderContext, TableRenderer } from './renderer';
import { displayWidth, punctuate } from './style';

const INDENT = '    ';
const GAP = 2;

/** A line being laid out in display columns. */
class LineBuilder {
  private text = '';
  private width = 0;

  /** Puts `s` at display column `column`, or two columns after what is already there. */
  put(s: string, column: number): void {
    const at = this.width === 0 ? Math.max(0, column) : Math.max(column, this.width + GAP);
    this.text += ' '.repeat(at - this.width) + s;
    this.width = at + displayWidth(s);
  }

  /** Puts `s` so that it ends at display column `end`. */
  putEnding(s: string, end: number): void {
    this.put(s, end - displayWidth(s));
  }

  toString(): string {
    return this.text;
  }
}

interface Segment {
  readonly lines: GridLine[];
  /** Where each value column starts and ends. */
  readonly starts: number[];
  readonly ends: number[];
}

function rowIndent(depth: number): string {
  return INDENT.repeat(depth);
}

/** Column positions for a run of grid lines (table A: one group; B, C: the whole table). */
function layoutSegment(lines: GridLine[], labelWidth: number, context: RenderContext): Segment {
  const rows = lines.filter((l): l is RowLine => l.kind === 'row');
  const count = Math.max(0, ...rows.map((r) => r.values.length));
  const hasLabel = rows.some((r) => r.label !== '');
  // Each value column's own header: the last one-column header cell above it.
  const leaves: string[] = [];
  for (const header of lines.filter((l): l is HeaderLine => l.kind === 'header')) {
    let column = 0;
    for (const c of hasLabel ? header.cells.slice(1) : header.cells) {
      if (c.span === 1 && c.text !== '') leaves[column] = c.text;
      column += c.span;
    }
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let column = hasLabel ? labelWidth : 0;
  for (let i = 0; i < count; i++) {
    const width = Math.max(4, displayWidth(punctuate(leaves[i] ?? '', context.halfWidth)), ...rows.map((r) => displayWidth(r.values[i] ?? '')));
    starts.push(column);
    ends.push(column + width);
    column += width + GAP;
  }
  return { lines, starts, ends };
}

function headerText(line: HeaderLine, segment: Segment, hasLabel: boolean, context: RenderContext): string {
  const b = new LineBuilder();
  let column = 0;
  line.cells.forEach((cell, index) => {
    const isLabel = hasLabel && index === 0;
    const valueColumn = hasLabel ? column - 1 : column;
    const at = isLabel ? 0 : segment.starts[valueColumn] ?? 0;
    if (cell.text !== '') b.put(punctuate(cell.text, context.halfWidth), at);
    column += isLabel ? 1 : cell.span;
  });
  return b.toString();
}

function rowText(line: RowLine, columns: AlignedColumns, context: RenderContext): string {
  const b = new LineBuilder();
  if (line.label !== '') b.put(columns.indent + punctuate(line.label, context.halfWidth), 0);
  line.values.forEach((v, i) => {
    const end = columns.valueEnds[i];
    if (end === undefined) b.put(v, 0);
    else b.putEnding(v, end);
  });
  return b.toString();
}

function labelWidth(grid: readonly GridLine[], context: RenderContext): number {
  let width = 0;
  for (const line of grid) {
    if (line.kind === 'row' && line.label !== '') width = Math.max(width, displayWidth(rowIndent(line.depth) + punctuate(line.label, context.halfWidth)));
    if (line.kind === 'group') width = Math.max(width, displayWidth(rowIndent(line.depth) + punctuate(line.row.label, context.halfWidth)));
  }
  return width === 0 ? 0 : width + GAP;
}

function segments(grid: readonly GridLine[], context: RenderContext): Segment[] {
  const width = labelWidth(grid, context);
  const runs: GridLine[][] = [];
  let current: GridLine[] = [];
  for (const line of grid) {
    // Table A: each group (its caption, header and rows) has columns of its own.
    if (line.kind === 'caption' && current.some((l) => l.kind === 'row')) {
      runs.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) runs.push(current);
  return runs.map((lines) => layoutSegment(lines, width, context));
}

export const alignedRenderer: TableRenderer = {
  style: 'aligned',
  table(grid: readonly GridLine[], context: RenderContext): string {
    const out: string[] = [];
    for (const segment of segments(grid, context)) {
      const hasLabel = segment.lines.some((l) => l.kind === 'row' && l.label !== '');
      for (const line of segment.lines) {
        if (line.kind === 'group') out.push(rowIndent(line.depth) + punctuate(line.row.label, context.halfWidth));
        else if (line.kind === 'row') out.push(rowText(line, { indent: rowIndent(line.depth), valueEnds: segment.ends }, context));
        else if (line.kind === 'caption' && line.cells.length === 1) out.push(INDENT + punctuate(line.cells[0]!.text, context.halfWidth));
        else out.push(headerText(line, segment, hasLabel, context));
      }
    }
    return out.join(context.eol);
  },
  row(line: RowLine, context: RenderContext, columns?: AlignedColumns): string {
    if (columns) return rowText(line, columns, context);
    // As the whole table would place it.
    const grid = tableGrid(line.table);
    const segment = segments(grid, context).find((s) => s.lines.some((l) => l.kind === 'row' && l.row.id === line.row.id));
    return rowText(line, { indent: rowIndent(line.depth), valueEnds: segment?.ends ?? [] }, context);
  },
};
