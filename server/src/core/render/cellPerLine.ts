/**
 * Word-processor export: every cell on a line of its own after a tab, a blank line between table
 * rows; a merged cell appears once, a vertically merged one as an empty cell.
 */
import type { GridLine, RowLine } from './grid';
import type { RenderContext, TableRenderer } from './renderer';
import { punctuate } from './style';

function cells(texts: readonly string[], context: RenderContext): string {
  return texts.map((t) => `\t${punctuate(t, context.halfWidth)}`).join(context.eol);
}

function rowCells(line: RowLine): string[] {
  return [...line.leading, ...(line.label ? [line.label] : []), ...line.values];
}

export const cellPerLineRenderer: TableRenderer = {
  style: 'cell-per-line',
  table(grid: readonly GridLine[], context: RenderContext): string {
    const blocks: string[] = [];
    for (const line of grid) {
      if (line.kind === 'group') continue; // a group's label is the first cell of its first row
      blocks.push(cells(line.kind === 'row' ? rowCells(line) : line.cells.map((c) => c.text), context));
    }
    return blocks.join(context.eol + context.eol);
  },
  row(line: RowLine, context: RenderContext): string {
    return cells(rowCells(line), context);
  },
};
