/**
 * Where inserted text goes, and what exactly is inserted: a missing section at its place, a missing
 * table after its heading, a missing row between its neighbours, a value into an empty cell. Every
 * function returns plain text edits in the document's own conventions (table style, line ending,
 * blank lines, indentation, punctuation).
 */
import type { TextEdit } from '../findings';
import type { RowSpec, SectionSpec, TableId } from '../format/schema';
import { findRow, type Cell, type ReportModel, type Row, type Section, type Table } from '../model';
import { LONG_LINE } from '../parse/sections';
import type { Span } from '../text';
import { ancestors, isFirstUnder, pending, rowLine, zeros, type RowLine, type ValueText } from './grid';
import { rendererFor, renderSection, renderTable } from './index';
import type { AlignedColumns, RenderContext } from './renderer';
import { displayWidth, tableStyle, type TableStyle, type TextConventions } from './style';

export interface Placement {
  readonly edit: TextEdit;
  /** Where a diagnostic about the missing thing sits: the text next to the insertion point. */
  readonly anchor: Span;
}

const SENTENCE_END = /[。．.！!？?；;：:）)」”"]$/u;

function context(conventions: TextConventions): RenderContext {
  return { eol: conventions.eol, halfWidth: conventions.halfWidth };
}

function lineSpan(model: ReportModel, line: number): Span {
  const start = model.lines.lineStart(line);
  const text = model.lines.lineText(line);
  const lead = text.length - text.trimStart().length;
  return { start: start + lead, end: start + text.trimEnd().length };
}

function isBlank(model: ReportModel, line: number, cellPerLine = false): boolean {
  const text = model.lines.lineText(line);
  return text.trim() === '' && !(cellPerLine && text.startsWith('\t'));
}

/** Whether a heading sits inside a line of run-together text. */
function isInline(model: ReportModel, offset: number): boolean {
  const line = model.lines.lineAt(offset);
  return model.lines.lineEnd(line) - model.lines.lineStart(line) > LONG_LINE;
}

interface HeadingConventions {
  /** Section headings follow a blank line. */
  readonly blankBefore: boolean;
  /** The white space before a heading (PDF text indents them). */
  readonly indent: string;
}

function headingConventions(model: ReportModel, near: Section | undefined): HeadingConventions {
  let blank = 0;
  let total = 0;
  for (const s of model.sections) {
    const line = model.lines.lineAt(s.headingSpan.start);
    if (line === 0 || isInline(model, s.headingSpan.start)) continue;
    total++;
    if (isBlank(model, line - 1)) blank++;
  }
  const sample = near ?? model.sections[0];
  let indent = '';
  if (sample && !isInline(model, sample.headingSpan.start)) {
    const line = model.lines.lineText(model.lines.lineAt(sample.headingSpan.start));
    indent = /^[ \u3000]*/u.exec(line)![0];
  }
  return { blankBefore: total > 0 && blank * 2 > total, indent };
}

function tableRows(model: ReportModel, id: TableId): readonly Row[] {
  return model.tables[id]?.rows ?? [];
}

/** Whether the text has the table: rows read (for table C, values read). */
export function hasTable(model: ReportModel, id: TableId): boolean {
  const table = model.tables[id];
  if (!table) return false;
  if (id !== 'C') return table.rows.length > 0;
  if (table.rows.some((r) => r.cells.length > 0)) return true;
  // Table C's one row starts at its heading: the table is there when its header is.
  const section = model.sections.find((s) => s.spec.table === 'C');
  return section !== undefined && /结果维持|尚未审结/u.test(model.text.slice(section.headingSpan.end, section.span.end));
}

/**
 * Whether an offset lies in a table's text (its header included). With `afterStart`, only past the
 * start of the table's first line: where a heading inserted would split the table (right at that
 * start, the place of a heading for the table, it would not).
 */
export function insideTable(model: ReportModel, offset: number, afterStart = false): boolean {
  for (const table of tableTexts(model)) {
    if (offset >= table.end || offset < table.earliest) continue;
    // Past the start of its first row's line, an offset is in the table whatever header lines come
    // before; only an offset before that needs the line the table's text starts on.
    if (offset > table.rowsStart) return true;
    const start = model.lines.lineStart(tableStartLine(model, table.id));
    if (afterStart ? offset > start : offset >= start) return true;
  }
  return false;
}

/**
 * Where a table's text may start and where it ends: its first line (the one tableStartLine finds)
 * lies between `earliest` — the line after the nearest heading above its first row, at most 30 lines
 * up — and its first row's line (`rowsStart`).
 */
interface TableText {
  readonly id: TableId;
  readonly earliest: number;
  readonly rowsStart: number;
  readonly end: number;
}

/** Each model's tables' texts, worked out once: `insideTable` is asked per marker and heading. */
const tableTextsOf = new WeakMap<ReportModel, readonly TableText[]>();

function tableTexts(model: ReportModel): readonly TableText[] {
  let known = tableTextsOf.get(model);
  if (!known) {
    const found: TableText[] = [];
    for (const table of Object.values(model.tables)) {
      if (table.rows.length === 0) continue;
      const firstLine = model.lines.lineAt(firstRowStart(table.rows));
      const earliest = model.lines.lineStart(Math.max(0, firstLine - TABLE_HEADER_LINES, headingLineAbove(model, firstLine) + 1));
      found.push({ id: table.spec.id, earliest, rowsStart: model.lines.lineStart(firstLine), end: table.span.end });
    }
    tableTextsOf.set(model, (known = found));
  }
  return known;
}

/** The first row's label start (rows are in text order, but a label's span is what counts). */
function firstRowStart(rows: readonly Row[]): number {
  let first = Infinity;
  for (const row of rows) if (row.labelSpan.start < first) first = row.labelSpan.start;
  return first;
}

/** The line of the nearest section heading above a line; -1 when there is none. */
function headingLineAbove(model: ReportModel, line: number): number {
  let found = -1;
  for (const s of model.sections) {
    const headingLine = model.lines.lineAt(s.headingSpan.start);
    if (headingLine < line && headingLine > found) found = headingLine;
  }
  return found;
}

/** How many lines above its first row a table's header may start. */
const TABLE_HEADER_LINES = 30;

const TABLE_ANCHOR: Readonly<Record<TableId, RegExp>> = {
  A: /第二十条\s*第/u,
  B: /本列数据的勾稽关系|申请人情况/u,
  C: /^\s*[|｜]?\s*行政复议/u,
};

/** The words each anchor cannot match without: its expression is tried only on a line that holds one. */
const TABLE_ANCHOR_WORDS: Readonly<Record<TableId, readonly string[]>> = {
  A: ['第二十条'],
  B: ['本列数据的勾稽关系', '申请人情况'],
  C: ['行政复议'],
};

/**
 * Each model's table start lines, worked out once: `insideTable` asks for every subsection marker and
 * heading a rule looks at. A pure function of the model (which is never changed), kept as long as it.
 */
const startLines = new WeakMap<ReportModel, Map<TableId, number>>();

/** The line a table's text starts on: its first header line, else its first row. */
export function tableStartLine(model: ReportModel, id: TableId): number {
  let known = startLines.get(model);
  if (!known) startLines.set(model, (known = new Map<TableId, number>()));
  let line = known.get(id);
  if (line === undefined) known.set(id, (line = findTableStartLine(model, id)));
  return line;
}

function findTableStartLine(model: ReportModel, id: TableId): number {
  const firstLine = model.lines.lineAt(firstRowStart(tableRows(model, id)));
  // The text above the table's first row, up to the nearest heading above it (or TABLE_HEADER_LINES).
  const headingLine = headingLineAbove(model, firstLine);
  let start = firstLine;
  for (let line = firstLine - 1; line > headingLine && line >= firstLine - TABLE_HEADER_LINES; line--) {
    const text = model.lines.lineText(line);
    const anchor = TABLE_ANCHOR_WORDS[id].some((word) => text.includes(word)) && TABLE_ANCHOR[id].test(text);
    if (anchor) start = line;
    else if (text.includes('。')) break;
  }
  return start;
}

/** The end of a section's last line of content, passing over trailing residue (page numbers, `扫一扫…`). */
function contentEnd(model: ReportModel, section: Section): { offset: number; line: number } {
  const headingLine = model.lines.lineAt(section.headingSpan.start);
  let last = model.lines.lineAt(Math.max(section.span.start, section.span.end - 1));
  while (last > headingLine && isBlank(model, last)) last--;
  const tables: Table[] = Object.values(model.tables);
  let line = last;
  // Only after a narrative section: what ends a table section is table text.
  for (let skipped = 0; skipped < 3 && line > headingLine && !section.spec.table; skipped++) {
    const text = model.lines.lineText(line).trim();
    const start = model.lines.lineStart(line);
    const inTable = tables.some((t) => start <= t.span.end && model.lines.lineEnd(line) >= t.span.start);
    // Residue has no figure (a page number aside): a line with digits is content, a table's values.
    const pageNumber = /^[-－—–]\s*\d{1,3}\s*[-－—–]$/u.test(text);
    if (text.length > 30 || SENTENCE_END.test(text) || inTable || /[|｜\t]/u.test(text) || (/\d/u.test(text) && !pageNumber)) break;
    let previous = line - 1;
    while (previous > headingLine && isBlank(model, previous)) previous--;
    line = previous;
  }
  return { offset: model.lines.lineEnd(line), line };
}

/**
 * A missing section, inserted at its place with the document's conventions: before the next
 * section's heading, else after the previous section's content. When its table is already there
 * (only the heading is missing), the heading alone goes before the table.
 */
export function insertSection(model: ReportModel, spec: SectionSpec, conventions: TextConventions): Placement {
  const ctx = context(conventions);
  // Before the first heading that should follow it, else after the last that should precede it (in
  // text order: when the headings are out of order, the new one still comes before every later one).
  const next = model.sections.filter((s) => s.spec.order > spec.order).sort((a, b) => a.headingSpan.start - b.headingSpan.start)[0];
  const previous = model.sections.filter((s) => s.spec.order < spec.order).sort((a, b) => b.headingSpan.start - a.headingSpan.start)[0];
  const near = next ?? previous;
  const { blankBefore, indent } = headingConventions(model, near);
  const eol = conventions.eol;
  const rendered = renderSection(spec, conventions.style, ctx, model.year);

  if (spec.table && hasTable(model, spec.table)) {
    const line = tableStartLine(model, spec.table);
    const at = model.lines.lineStart(line);
    if (isInline(model, at)) {
      const first = Math.min(...tableRows(model, spec.table).map((r) => r.labelSpan.start));
      return { edit: { span: { start: first, end: first }, newText: rendered.heading }, anchor: lineSpan(model, line) };
    }
    const before = blankBefore && line > 0 && !isBlank(model, line - 1) ? eol : '';
    return { edit: { span: { start: at, end: at }, newText: before + indent + rendered.heading + eol }, anchor: lineSpan(model, line) };
  }

  // Markdown needs blank lines around a table, or the lines next to it read as rows.
  const gap = conventions.style === 'markdown' && spec.table ? eol : '';
  if (next) {
    if (isInline(model, next.headingSpan.start)) {
      const at = next.headingSpan.start;
      return { edit: { span: { start: at, end: at }, newText: rendered.heading + rendered.body }, anchor: next.headingSpan };
    }
    const at = model.lines.lineStart(model.lines.lineAt(next.headingSpan.start));
    const newText = indent + rendered.heading + eol + gap + rendered.body + eol + (blankBefore || gap ? eol : '');
    return { edit: { span: { start: at, end: at }, newText }, anchor: next.headingSpan };
  }
  if (previous) {
    if (isInline(model, previous.headingSpan.start)) {
      // At the end of the long line the heading is on (what follows it on other lines stays after).
      let at = Math.min(previous.span.end, model.lines.lineEnd(model.lines.lineAt(previous.headingSpan.start)));
      while (at > previous.span.start && /\s/u.test(model.text[at - 1]!)) at--;
      return { edit: { span: { start: at, end: at }, newText: rendered.heading + rendered.body }, anchor: previous.headingSpan };
    }
    const end = contentEnd(model, previous);
    const newText = eol + (blankBefore || gap ? eol : '') + indent + rendered.heading + eol + gap + rendered.body;
    return { edit: { span: { start: end.offset, end: end.offset }, newText }, anchor: lineSpan(model, end.line) };
  }
  // No section at all: after the text.
  let at = model.text.length;
  while (at > 0 && /\s/u.test(model.text[at - 1]!)) at--;
  const anchor = model.title?.span ?? { start: 0, end: Math.min(model.text.length, model.lines.lineEnd(0)) };
  return { edit: { span: { start: at, end: at }, newText: eol + eol + rendered.heading + eol + rendered.body }, anchor };
}

/** A section's missing table, every cell （待填）, right after its heading. */
export function insertTable(model: ReportModel, section: Section, id: TableId, conventions: TextConventions): TextEdit {
  const eol = conventions.eol;
  const table = renderTable(id, conventions.style, context(conventions), pending);
  if (isInline(model, section.headingSpan.start)) return { span: { start: section.headingSpan.end, end: section.headingSpan.end }, newText: table };
  const line = model.lines.lineAt(section.headingSpan.start);
  const at = model.lines.lineEnd(line);
  const followed = line + 1 < model.lines.lineCount && !isBlank(model, line + 1);
  const gap = conventions.style === 'markdown' ? eol : '';
  return { span: { start: at, end: at }, newText: eol + gap + table + (followed ? eol : '') };
}

// ---------------------------------------------------------------------------------------------
// Rows

function presentRow(table: Table, id: string): Row | undefined {
  return findRow(table, id);
}

/** The value rows present before and after a row, in the format's order. */
function neighbours(table: Table, spec: RowSpec): { previous: Row | undefined; next: Row | undefined } {
  const rows = table.spec.rows.filter((r) => !r.children);
  const index = rows.findIndex((r) => r.id === spec.id);
  let previous: Row | undefined;
  let next: Row | undefined;
  for (let i = index - 1; i >= 0 && !previous; i--) previous = presentRow(table, rows[i]!.id);
  for (let i = index + 1; i < rows.length && !next; i++) next = presentRow(table, rows[i]!.id);
  return { previous, next };
}

/** The last line of a row: the line of its last cell, else of its label. */
function rowEndLine(model: ReportModel, row: Row): number {
  const last = row.cells.length > 0 ? row.cells[row.cells.length - 1]!.span.end : row.labelSpan.end;
  return model.lines.lineAt(Math.max(row.labelSpan.end, last));
}

/**
 * The row lines to insert: a group whose label is not in the text gets it on its first row, as the
 * format prints it.
 */
function linesToInsert(table: Table, specs: readonly RowSpec[], value: ValueText): RowLine[] {
  const printed = new Set<string>();
  return specs.map((spec) => {
    const line = rowLine(table.spec.id, spec, value, false);
    const leading = ancestors(table.spec.id, spec).map((group) => {
      const groupAbsent = !presentRow(table, group.id);
      const anyUnder = table.rows.some((r) => !r.spec.children && ancestors(table.spec.id, r.spec).some((a) => a.id === group.id));
      if (!groupAbsent || printed.has(group.id)) return '';
      // The group's first row carries its label (or, when the group has no row in the text, the first inserted).
      if (!isFirstUnder(table.spec.id, group, spec) && anyUnder) return '';
      printed.add(group.id);
      return group.label;
    });
    return { ...line, leading };
  });
}

/** Where an aligned row's values end, read off a neighbour that has all its cells. */
function alignedColumns(model: ReportModel, table: Table, spec: RowSpec): AlignedColumns | undefined {
  const candidates = table.rows.filter((r) => r.cells.length === spec.columns.length && r.spec.columns.length === spec.columns.length);
  const reference = candidates.find((r) => r.spec.parent === spec.parent) ?? candidates[0];
  if (!reference) return undefined;
  const valueEnds = reference.cells.map((c) => {
    const line = model.lines.lineAt(c.span.start);
    return displayWidth(model.text.slice(model.lines.lineStart(line), c.span.end));
  });
  const labelLine = model.lines.lineAt(reference.labelSpan.start);
  const before = model.text.slice(model.lines.lineStart(labelLine), reference.labelSpan.start);
  const indent = /^[ \u3000]*$/u.test(before) ? before : '';
  return { indent, valueEnds };
}

/** The start of a cell-per-line row's block: the lines of its group cells before its label. */
function blockStartLine(model: ReportModel, row: Row, after: number): number {
  let line = model.lines.lineAt(row.labelSpan.start);
  while (line - 1 > after && !isBlank(model, line - 1, true)) {
    const text = model.lines.lineText(line - 1);
    // Stop at a value: it belongs to the row before.
    if (/\d/u.test(text) && text.trim().length <= 12) break;
    line--;
  }
  return line;
}

/**
 * The first of the lines just before `line` that hold only a group's label: another group's (which
 * the new row must not follow), or — when the new row follows a sibling — its own group's, which PDF
 * text prints in the middle of the group's rows.
 */
function groupLinesBefore(model: ReportModel, table: Table, line: number, spec: RowSpec, afterSibling: boolean): number {
  const mine = new Set(ancestors(table.spec.id, spec).map((a) => a.id));
  const groupLines = new Map<number, Row>();
  for (const r of table.rows) {
    if (!r.spec.children || (mine.has(r.spec.id) && !afterSibling)) continue;
    const labelLine = model.lines.lineAt(r.labelSpan.start);
    // Only a line with nothing but the label.
    if (model.lines.lineText(labelLine).trim() === model.text.slice(r.labelSpan.start, r.labelSpan.end).trim()) groupLines.set(labelLine, r);
  }
  let start = line;
  while (start - 1 >= 0 && groupLines.has(start - 1)) start--;
  return start;
}

/**
 * Missing value rows that follow one another in the format (between the same two rows of the text),
 * every cell （待填） (or what `value` writes), at their place in the table and in the table's style;
 * null when the table has no value row to place them by.
 */
export function insertRows(model: ReportModel, table: Table, specs: readonly RowSpec[], conventions: TextConventions, value: ValueText = pending): TextEdit[] | null {
  const first = specs[0];
  if (!first) return null;
  const style: TableStyle = tableStyle(model, table);
  const renderer = rendererFor(style);
  const ctx = context(conventions);
  const eol = conventions.eol;
  const { previous, next } = neighbours(table, first);
  if (!previous && !next) return null;
  const lines = linesToInsert(table, specs, value);
  const insert = (at: number, newText: string): TextEdit => ({ span: { start: at, end: at }, newText });
  // Right after a row that lacks cells, empty cells would be read as that row's: the first new row
  // then starts with its label (or its group's).
  const fitAt = (at: number, first: RowLine): RowLine => {
    const before = table.rows.filter((r) => r.span.start < at && !r.spec.children).sort((a, b) => b.span.start - a.span.start)[0];
    return before && before.cells.length < before.spec.columns.length ? { ...first, leading: first.leading.filter((c) => c !== '') } : first;
  };
  const startingAt = (at: number, run: readonly RowLine[]): RowLine[] => (run.length === 0 ? [] : [fitAt(at, run[0]!), ...run.slice(1)]);

  if (style === 'run-together') {
    const text = lines.map((l) => renderer.row(l, ctx)).join('');
    return [next ? insert(next.labelSpan.start, text) : insert(previous!.span.end, text)];
  }

  if (style === 'cell-per-line') {
    const block = (l: RowLine): string => renderer.row(l, ctx) + eol + eol;
    if (!next) {
      const at = model.lines.lineEnd(rowEndLine(model, previous!));
      return [insert(at, startingAt(at, lines).map((l) => eol + eol + renderer.row(l, ctx)).join(''))];
    }
    const afterLine = previous ? rowEndLine(model, previous) : -1;
    const blockStart = model.lines.lineStart(blockStartLine(model, next, afterLine));
    const groupRow = next.spec.parent ? presentRow(table, next.spec.parent) : undefined;
    const groupInBlock = groupRow !== undefined && groupRow.labelSpan.start >= blockStart && groupRow.labelSpan.start < next.labelSpan.start;
    if (!groupInBlock) return [insert(blockStart, startingAt(blockStart, lines).map(block).join(''))];
    // The next row is its group's first and carries the group's label: the new rows of that group
    // come first in it — the first takes the label's place, the next row gets empty group cells.
    let k = lines.length;
    while (k > 0 && lines[k - 1]!.row.parent === next.spec.parent) k--;
    const edits: TextEdit[] = [];
    if (k > 0) edits.push(insert(blockStart, startingAt(blockStart, lines.slice(0, k)).map(block).join('')));
    const same = lines.slice(k);
    if (same.length > 0) {
      const empties = ancestors(table.spec.id, next.spec).map(() => `\t${eol}`).join('');
      const text = block({ ...same[0]!, leading: [] }) + same.slice(1).map(block).join('') + empties;
      edits.push(insert(model.lines.lineStart(model.lines.lineAt(next.labelSpan.start)), text));
    }
    return edits;
  }

  // Styles with one row per line (markdown, aligned) or a cell per line (pipe): before the next row's
  // first line, else after the previous row's last line.
  const textAt = (at: number): string =>
    startingAt(at, lines)
      .map((l) => (style === 'aligned' ? renderer.row({ ...l, leading: [] }, ctx, alignedColumns(model, table, l.row)) : renderer.row(l, ctx)))
      .join(eol);
  if (next) {
    let start = model.lines.lineAt(next.labelSpan.start);
    if (style !== 'markdown') start = groupLinesBefore(model, table, start, first, previous?.spec.parent === first.parent);
    const at = model.lines.lineStart(start);
    return [insert(at, textAt(at) + eol)];
  }
  let last = rowEndLine(model, previous!);
  // A line of collapsed empty cells (`|||`) belongs to the row above it.
  while (style === 'pipe' && last + 1 < model.lines.lineCount && /^[\s|｜]+$/u.test(model.lines.lineText(last + 1))) last++;
  const at = model.lines.lineEnd(last);
  return [insert(at, eol + textAt(at))];
}

/** One missing value row (see insertRows). */
export function insertRow(model: ReportModel, table: Table, spec: RowSpec, conventions: TextConventions, value: ValueText = pending): TextEdit[] | null {
  return insertRows(model, table, [spec], conventions, value);
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Writes 0 into an empty or placeholder cell, keeping the pipes' spacing. */
export function fillCell(model: ReportModel, cell: Cell): TextEdit {
  if (cell.span.end > cell.span.start) return { span: cell.span, newText: '0' };
  const before = model.text[cell.span.start - 1];
  const after = model.text[cell.span.start];
  const pipe = (c: string | undefined): boolean => c === '|' || c === '｜';
  let newText = '0';
  if (pipe(before)) newText = ' ' + newText;
  if (pipe(after)) newText += ' ';
  return { span: cell.span, newText };
}

/**
 * Writes 0 into empty cells side by side on one line. Web copy collapses a row's empty cells into a
 * line of pipes (`||||||`): that line becomes one `0 |` line per cell, as the style writes cells.
 */
export function fillCells(model: ReportModel, table: Table, cells: readonly Cell[], conventions: TextConventions): TextEdit[] {
  if (cells.length === 0) return [];
  const line = model.lines.lineAt(cells[0]!.span.start);
  const start = model.lines.lineStart(line);
  const end = model.lines.lineEnd(line);
  const sameLine = cells.every((c) => c.span.start >= start && c.span.end <= end);
  if (tableStyle(model, table) === 'pipe' && sameLine && /^[ \t|｜]+$/u.test(model.text.slice(start, end))) {
    return [{ span: { start, end }, newText: cells.map(() => '0 |').join(conventions.eol) }];
  }
  return cells.map((c) => fillCell(model, c));
}

/** Writes every value of a row that has none (`规章 |` with nothing after it), each 0 (or what `value` writes). */
export function fillRow(model: ReportModel, table: Table, row: Row, conventions: TextConventions, value: ValueText = zeros): TextEdit | null {
  if (row.cells.length > 0 || table.spec.id === 'C') return null;
  const style = tableStyle(model, table);
  const eol = conventions.eol;
  const values = row.spec.columns.map((id) => value(row.spec, table.spec.columns.find((c) => c.id === id)!));
  const at = row.labelSpan.end;
  const lineEnd = model.lines.lineEnd(model.lines.lineAt(at));
  switch (style) {
    case 'cell-per-line':
      return { span: { start: lineEnd, end: lineEnd }, newText: values.map((v) => `${eol}\t${v}`).join('') };
    case 'pipe': {
      return { span: { start: lineEnd, end: lineEnd }, newText: values.map((v) => `${eol}${v} |`).join('') };
    }
    case 'markdown': {
      // Only when nothing follows the label's cell on its line.
      const rest = model.text.slice(at, lineEnd);
      if (!/^\s*[|｜]\s*$/u.test(rest)) return null;
      return { span: { start: lineEnd, end: lineEnd }, newText: values.map((v) => ` ${v} |`).join('') };
    }
    case 'aligned': {
      if (model.text.slice(at, lineEnd).trim() !== '') return null;
      const columns = alignedColumns(model, table, row.spec);
      const line = rowLine(table.spec.id, row.spec, value, false);
      const full = rendererFor('aligned').row({ ...line, leading: [] }, context(conventions), columns ?? { indent: '', valueEnds: [] });
      // Keep the label as written; add what follows it in the rendered row.
      const labelLine = model.lines.lineAt(at);
      const written = displayWidth(model.text.slice(model.lines.lineStart(labelLine), lineEnd));
      const tail = alignedTail(full, written);
      return tail === null ? null : { span: { start: lineEnd, end: lineEnd }, newText: tail };
    }
    case 'run-together':
      return { span: { start: at, end: at }, newText: values.join('') };
  }
}

/** The values of a rendered aligned row, placed after a label that ends at display column `written`. */
function alignedTail(rendered: string, written: number): string | null {
  const m = /^(.*?\S)((?:\s{2,}\S+)+)$/u.exec(rendered);
  if (!m) return null;
  const labelEnd = displayWidth(m[1]!);
  const values = m[2]!;
  const shift = written - labelEnd;
  if (shift <= 0) return ' '.repeat(-shift) + values;
  // Take spaces out of the first gap, keeping two.
  const gap = /^\s+/u.exec(values)![0].length;
  const keep = Math.max(2, gap - shift);
  return ' '.repeat(keep) + values.slice(gap);
}
