/**
 * Formatting a table: the lines a table stands on rewritten in one layout (a cell per line, web-copy
 * pipes, Markdown rows) by the renderers of `core/render/` — every value as written (its raw text),
 * every row label as written, the headers in the format's wording. Rows the text lacks are not added
 * and nothing outside the table's lines changes.
 *
 * A rewrite is offered only when the rewritten text reads back the same: every cell of every table in
 * the same table, row and column with the same text (`keepsValues.valuesChanged`), the same rows with
 * the same labels, the same section headings. A table the check refuses is left as it is.
 */
import type { Analysis } from '../analyze';
import type { TextEdit } from '../findings';
import { TABLE_IDS, type RowSpec, type TableId } from '../format/schema';
import { valuesChanged } from '../keepsValues';
import { findCell, tableIndex, type ReportModel, type Table } from '../model';
import { parseReport } from '../parse/parser';
import { rendererFor } from '../render';
import { EXTRACT_LAYOUTS, type ExtractLayout } from '../render/extract';
import { ancestors, tableGrid, type GridLine } from '../render/grid';
import { tableStartLine } from '../render/place';
import type { RenderContext } from '../render/renderer';
import { detectEol, tableStyle, usesHalfWidth } from '../render/style';
import type { Span } from '../text';

/** The layouts a table can be formatted in. */
export type TableLayout = ExtractLayout;
export const TABLE_LAYOUTS: readonly TableLayout[] = EXTRACT_LAYOUTS;

/** The `tableLayout` option: a layout, or `auto` — the layout the document's tables use. */
export type TableLayoutOption = 'auto' | TableLayout;
export const TABLE_LAYOUT_OPTIONS: readonly TableLayoutOption[] = ['auto', ...TABLE_LAYOUTS];

export function isTableLayoutOption(value: unknown): value is TableLayoutOption {
  return typeof value === 'string' && (TABLE_LAYOUT_OPTIONS as readonly string[]).includes(value);
}

/**
 * The layout an option means for a document: `auto` is the layout most of its tables' rows use when
 * it is one of the three, else a cell per line (PDF text and run-together text are formatted as a
 * word processor exports tables).
 */
export function layoutFor(model: ReportModel, option: TableLayoutOption): TableLayout {
  if (option !== 'auto') return option;
  const counts = new Map<TableLayout, number>();
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table || table.rows.length === 0) continue;
    const style = tableStyle(model, table);
    if ((TABLE_LAYOUTS as readonly string[]).includes(style)) counts.set(style as TableLayout, (counts.get(style as TableLayout) ?? 0) + table.rows.length);
  }
  let best: TableLayout = 'cell-per-line';
  let most = 0;
  for (const [layout, n] of counts) {
    if (n > most) {
      most = n;
      best = layout;
    }
  }
  return best;
}

/** The whole lines a table stands on, from its first header line to its last cell (no line ending after). */
export function tableRegion(model: ReportModel, id: TableId): Span | null {
  const table = model.tables[id];
  if (!table || table.rows.length === 0) return null;
  const { lines } = model;
  const headingLines = new Set(model.sections.map((s) => lines.lineAt(s.headingSpan.start)));
  let first = tableStartLine(model, id);
  // Table 三's one row is read under the section's heading: the table begins on the next line.
  while (headingLines.has(first)) first++;
  let lastOffset = 0;
  for (const row of table.rows) {
    lastOffset = Math.max(lastOffset, row.span.end, row.labelSpan.end, ...row.cells.map((c) => c.span.end));
  }
  let last = lines.lineAt(Math.max(lines.lineStart(first), lastOffset - 1));
  // A line of collapsed empty cells (`|||`) after the last row is the row's.
  while (last + 1 < lines.lineCount && /^[ \t]*[|｜][ \t|｜]*$/u.test(lines.lineText(last + 1))) last++;
  if (last < first) return null;
  return { start: lines.lineStart(first), end: lines.lineEnd(last) };
}

function context(model: ReportModel): RenderContext {
  return { eol: detectEol(model.text), halfWidth: usesHalfWidth(model) };
}

/** The table's grid as the text has it: its rows only, their labels and values as written. */
function writtenGrid(table: Table): GridLine[] {
  const id = table.spec.id;
  const index = tableIndex(table);
  const labelOf = (spec: RowSpec): string => index.rows.get(spec.id)?.label.trim() || spec.label;
  const printed = new Set<string>();
  const out: GridLine[] = [];
  for (const line of tableGrid(id, (row, column) => findCell(table, row.id, column.id)?.raw ?? '')) {
    if (line.kind === 'row') {
      if (id !== 'C' && !index.rows.has(line.row.id)) continue;
      // A group's label on the first of its rows the text has.
      const leading = ancestors(id, line.row).map((group) => {
        if (printed.has(group.id)) return '';
        printed.add(group.id);
        return labelOf(group);
      });
      out.push({ ...line, leading, label: id === 'C' ? '' : labelOf(line.row) });
    } else if (line.kind === 'group') {
      out.push({ ...line, row: { ...line.row, label: labelOf(line.row) } });
    } else {
      out.push(line);
    }
  }
  return out;
}

const HALF_PUNCTUATION: Readonly<Record<string, string>> = { '（': '(', '）': ')', '：': ':', '，': ',' };
const punctuationFree = (label: string): string => label.replace(/\s+/gu, '').replace(/[（）：，]/gu, (c) => HALF_PUNCTUATION[c] ?? c);

/** What `after` does not hold as `before` does: cells, rows with their labels, headings (empty: reads the same). */
export function readingDifferences(before: ReportModel, after: ReportModel): string[] {
  const out: string[] = valuesChanged(before, after, []).map((c) => `cell ${c.place}: ${c.before} → ${c.after ?? '(gone)'}`);
  const headings = (m: ReportModel): string => m.sections.map((s) => `${s.spec.id}:${s.numeral ?? ''}:${s.title}`).join('\n');
  if (headings(before) !== headings(after)) out.push(`headings: ${headings(before)} → ${headings(after)}`);
  for (const id of TABLE_IDS) {
    const a = before.tables[id];
    const b = after.tables[id];
    if (!a || !b) {
      if (a !== b && (a?.rows.length ?? 0) + (b?.rows.length ?? 0) > 0) out.push(`table ${id}: ${a ? 'gone' : 'new'}`);
      continue;
    }
    if ((b.scrambled && !a.scrambled) || b.unseparable.length > a.unseparable.length) out.push(`table ${id}: no longer readable`);
    const rows = (t: Table): string[] => t.rows.map((r) => `${r.spec.id}:${id === 'C' ? '' : punctuationFree(r.label)}`).sort();
    const ra = rows(a);
    const rb = rows(b);
    for (const r of ra) if (!rb.includes(r)) out.push(`table ${id} row ${r}: not read back`);
    for (const r of rb) if (!ra.includes(r)) out.push(`table ${id} row ${r}: new`);
  }
  return out;
}

/** Whether `after` holds what `before` does: every cell, every row with its label, every heading. */
export function readsTheSame(before: ReportModel, after: ReportModel): boolean {
  return readingDifferences(before, after).length === 0;
}

/** A table of the text written in a layout: its rows, labels and values as the text has them, the format's headers. */
export function renderedTable(model: ReportModel, table: Table, layout: TableLayout): string {
  return rendererFor(layout).table(writtenGrid(table), context(model));
}

/** Whether a table can be rewritten at all: what the model holds of it is all there is to write. */
function rewritable(table: Table): boolean {
  if (table.scrambled || table.unseparable.length > 0) return false;
  const ids = table.rows.map((r) => r.spec.id);
  if (new Set(ids).size !== ids.length) return false; // a row read twice: one would be lost
  // A row with some of its values but not all: which value is whose cannot be told (value.missing
  // says so); written out in a layout that names every column, the guess would look like a fact.
  if (table.rows.some((r) => r.cells.length > 0 && r.cells.length < r.spec.columns.length)) return false;
  return table.rows.every((r) => r.extra.length === 0);
}

/** A line inside the table's lines that is no part of it: a page number, a form feed. */
function holdsStrayLines(model: ReportModel, table: Table, region: Span): boolean {
  const { lines } = model;
  const used = new Set<number>();
  for (const row of table.rows) {
    used.add(lines.lineAt(row.labelSpan.start));
    for (const cell of row.cells) used.add(lines.lineAt(cell.span.start));
  }
  for (let line = lines.lineAt(region.start); line <= lines.lineAt(region.end); line++) {
    const text = lines.lineText(line);
    if (text.includes('\f')) return true;
    if (!used.has(line) && /^\s*[-－—–]?\s*\d{1,3}\s*[-－—–]?\s*$/u.test(text)) return true;
  }
  return false;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.span.start - x.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** Why a table is not rewritten: the text has it so already, or the rewrite would not read back the same. */
export type Refusal = 'absent' | 'as-is' | 'not-rewritable' | 'stray-lines' | 'reads-differently';

/** A table's rewrite before it is read back: why there is none, or the edit. */
function rewriteEdit(model: ReportModel, id: TableId, layout: TableLayout): { edit: TextEdit } | { refused: Refusal } {
  const table = model.tables[id];
  if (!model.isReport || !table) return { refused: 'absent' };
  if (!rewritable(table)) return { refused: 'not-rewritable' };
  const region = tableRegion(model, id);
  if (!region) return { refused: 'absent' };
  if (holdsStrayLines(model, table, region)) return { refused: 'stray-lines' };
  const newText = renderedTable(model, table, layout);
  if (newText === model.text.slice(region.start, region.end)) return { refused: 'as-is' };
  return { edit: { span: region, newText } };
}

/**
 * One table's rewrite in a layout, or why there is none. The parser reads one family of layouts per
 * document (a cell per line, or cells separated on a line): a table rewritten alone into the other
 * family does not read back, and is refused — the document's tables are rewritten together then.
 */
export function tableRewrite(analysis: Analysis, id: TableId, layout: TableLayout): { edit: TextEdit } | { refused: Refusal; differences?: string[] } {
  const { model } = analysis;
  const result = rewriteEdit(model, id, layout);
  if (!('edit' in result)) return result;
  const differences = readingDifferences(model, parseReport(applyEdits(model.text, [result.edit])).model);
  return differences.length === 0 ? result : { refused: 'reads-differently', differences };
}

/** One table's rewrite in a layout, or null when the text has it so already or it cannot be rewritten safely. */
export function formatTableEdit(analysis: Analysis, id: TableId, layout: TableLayout): TextEdit | null {
  const result = tableRewrite(analysis, id, layout);
  return 'edit' in result ? result.edit : null;
}

/** Which tables: those whose lines touch a span (all when none is given). */
export function tablesTouching(model: ReportModel, span?: Span): TableId[] {
  return TABLE_IDS.filter((id) => {
    const region = tableRegion(model, id);
    if (!region) return false;
    return span === undefined || (span.start <= region.end && region.start <= span.end);
  });
}

/**
 * The rewrites of several tables in a layout, read back together; when together they do not read
 * back the same, the rewrites each table passes alone (read back together once more). Empty when
 * nothing is to change.
 */
export function formatTables(analysis: Analysis, layout: TableLayout, ids: readonly TableId[] = TABLE_IDS): TextEdit[] {
  const { model } = analysis;
  const together = (edits: TextEdit[]): boolean => edits.length === 0 || readsTheSame(model, parseReport(applyEdits(model.text, edits)).model);
  const all = ids.flatMap((id) => {
    const r = rewriteEdit(model, id, layout);
    return 'edit' in r ? [r.edit] : [];
  });
  if (together(all)) return all.sort((a, b) => a.span.start - b.span.start);
  const alone = ids.flatMap((id) => {
    const r = tableRewrite(analysis, id, layout);
    return 'edit' in r ? [r.edit] : [];
  });
  return alone.length > 1 && !together(alone) ? [] : alone.sort((a, b) => a.span.start - b.span.start);
}

/** The text with every table rewritten in a layout (what formatting the document gives). */
export function formattedText(analysis: Analysis, layout: TableLayout): string {
  return applyEdits(analysis.model.text, formatTables(analysis, layout));
}
