/**
 * Markdown-like rows: `| 一、本年新收政府信息公开申请数量 | 0 | … |`, a rule after the first line,
 * merged header cells followed by empty ones, sub-rows led by their groups' cells.
 */
import { TABLE_A_WIDTH, expandSpans, type GridLine, type RowLine } from './grid';
import type { RenderContext, TableRenderer } from './renderer';
import { punctuate } from './style';

function mdLine(texts: readonly string[], context: RenderContext): string {
  return '|' + texts.map((t) => (t === '' ? ' |' : ` ${punctuate(t, context.halfWidth)} |`)).join('');
}

function rowTexts(line: RowLine): string[] {
  const texts = [...line.leading, ...(line.table === 'C' ? [] : [line.label]), ...line.values];
  // Table A's rows are as wide as its widest group.
  while (line.table === 'A' && texts.length < TABLE_A_WIDTH) texts.push('');
  return texts;
}

export const markdownRenderer: TableRenderer = {
  style: 'markdown',
  table(grid: readonly GridLine[], context: RenderContext): string {
    const out: string[] = [];
    let width = 0;
    for (const line of grid) {
      if (line.kind === 'group') continue;
      const texts = line.kind === 'row' ? rowTexts(line) : expandSpans(line.cells);
      // Header lines are as wide as the first line (table A's one-column groups included).
      if (line.kind !== 'row') while (texts.length < width) texts.push('');
      out.push(mdLine(texts, context));
      if (out.length === 1) {
        width = texts.length;
        out.push('|' + texts.map(() => '---|').join(''));
      }
    }
    return out.join(context.eol);
  },
  row(line: RowLine, context: RenderContext): string {
    return mdLine(rowTexts(line), context);
  },
};
