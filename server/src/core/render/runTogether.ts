/**
 * Web text with no separators: labels and values run together on one line
 * (`一、本年新收政府信息公开申请数量0000000二、…`). Zeros split one way only, so the parser reads them back.
 */
import type { GridLine, RowLine } from './grid';
import type { RenderContext, TableRenderer } from './renderer';
import { punctuate } from './style';

function rowText(line: RowLine, context: RenderContext): string {
  return [...line.leading, line.label].map((t) => punctuate(t, context.halfWidth)).join('') + line.values.join('');
}

export const runTogetherRenderer: TableRenderer = {
  style: 'run-together',
  table(grid: readonly GridLine[], context: RenderContext): string {
    let out = '';
    for (const line of grid) {
      if (line.kind === 'group') continue;
      out += line.kind === 'row' ? rowText(line, context) : line.cells.map((c) => punctuate(c.text, context.halfWidth)).join('');
    }
    return out;
  },
  row(line: RowLine, context: RenderContext): string {
    return rowText(line, context);
  },
};
