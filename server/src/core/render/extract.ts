/**
 * A report read from an original, written back as a text draft: its paragraphs as read, each of its
 * tables rewritten in a layout the parser reads (cell per line, pipes, Markdown) with the values the
 * model holds — so that a published page can be opened, corrected and checked again as text.
 */
import { TABLE_IDS } from '../format/schema';
import type { Analysis } from '../analyze';
import { findCell } from '../model';
import { renderTable } from './index';
import type { TableStyle } from './style';

export type ExtractLayout = Extract<TableStyle, 'cell-per-line' | 'pipe' | 'markdown'>;
export const EXTRACT_LAYOUTS: readonly ExtractLayout[] = ['cell-per-line', 'pipe', 'markdown'];

/** The report text with each table found rewritten in `layout`; a cell the model has no value for is written as its raw text, or empty. */
export function extractText(analysis: Analysis, layout: ExtractLayout): string {
  const { model } = analysis;
  const tables = TABLE_IDS.flatMap((id) => (model.tables[id] ? [{ id, table: model.tables[id] }] : [])).sort((a, b) => a.table.span.start - b.table.span.start);
  const out: string[] = [];
  let at = 0;
  for (const { id, table } of tables) {
    const { start, end } = tableLines(model.text, table.span.start, table.span.end, at);
    if (start < at) continue;
    out.push(model.text.slice(at, start));
    out.push(renderTable(id, layout, { eol: '\n', halfWidth: false }, (row, column) => findCell(table, row.id, column.id)?.raw ?? ''));
    out.push('\n');
    at = end;
  }
  out.push(model.text.slice(at));
  return out.join('');
}

/**
 * The whole lines a table stands on: its span widened to line starts and ends, and to the rows of
 * pipes around it (a reader writes every row of an original's table as a line of pipes, headers too).
 */
function tableLines(text: string, spanStart: number, spanEnd: number, floor: number): { start: number; end: number } {
  let start = text.lastIndexOf('\n', spanStart - 1) + 1;
  // A span that begins with the section's heading: the table begins at its first row of pipes.
  if (!text.startsWith('|', start)) {
    const firstRow = text.indexOf('\n|', start);
    if (firstRow >= 0 && firstRow < spanEnd) start = firstRow + 1;
  }
  const lineEnd = (from: number): number => {
    const i = text.indexOf('\n', from);
    return i < 0 ? text.length : i + 1;
  };
  let end = lineEnd(Math.max(spanStart, spanEnd - 1));
  while (start > floor) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (previous < floor || !text.startsWith('|', previous)) break;
    start = previous;
  }
  while (end < text.length && text.startsWith('|', end)) end = lineEnd(end);
  return { start, end };
}
