/**
 * Web copy: every cell on a line of its own followed by ` |`; the empty cells of a header row
 * collapse into a line of pipes.
 */
import type { GridLine, RowLine } from './grid';
import type { RenderContext, TableRenderer } from './renderer';
import { punctuate } from './style';

function cellLines(texts: readonly string[], context: RenderContext): string[] {
  return texts.filter((t) => t !== '').map((t) => `${punctuate(t, context.halfWidth)} |`);
}

function rowTexts(line: RowLine): string[] {
  return [...line.leading, line.label, ...line.values];
}

export const pipeRenderer: TableRenderer = {
  style: 'pipe',
  table(grid: readonly GridLine[], context: RenderContext): string {
    const out: string[] = [];
    for (const line of grid) {
      if (line.kind === 'group') continue;
      if (line.kind === 'row') {
        out.push(...cellLines(rowTexts(line), context));
        continue;
      }
      const texts = line.cells.map((c) => c.text);
      out.push(...cellLines(texts, context));
      const empty = line.cells.reduce((n, c) => n + c.span, 0) - texts.filter((t) => t !== '').length;
      if (empty > 0) out.push('|'.repeat(empty));
    }
    return out.join(context.eol);
  },
  row(line: RowLine, context: RenderContext): string {
    return cellLines(rowTexts(line), context).join(context.eol);
  },
};
