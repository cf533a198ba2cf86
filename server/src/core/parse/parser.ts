/**
 * text → report model. One pass to find headings, one over the table part to cut it into units, one
 * to read the units into rows.
 */
import { TABLES, type TableId } from '../format/schema';
import type { ReportModel } from '../model';
import { isWhiteSpace, LineIndex } from '../text';
import { readCellText } from '../format/normalize';
import { buildSections, findPeriodYear, findSectionHeadings, findTitle, LONG_LINE } from './sections';
import { readTables, type MatchQuality } from './tables';
import { cellPerLineUnits, makeUnit, separatedUnits, type Unit } from './units';
import type { Row } from '../model';

export interface ParseResult {
  readonly model: ReportModel;
  /** Rows whose label was recognised only approximately. */
  readonly labelQuality: ReadonlyMap<Row, MatchQuality>;
}

/** Words that open the table part; the first occurrence of any of them (found by `indexOf`, not a regular expression over the whole text). */
const TABLE_START = ['第二十条第', '本年新收政府信息公开申请数量', '本列数据的勾稽关系'];

function tableStart(text: string): number {
  let first = -1;
  for (const words of TABLE_START) {
    const at = text.indexOf(words);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}
const B_LABELS = TABLES.B.rows.filter((r) => r.numbering === '一、' || r.numbering === '二、' || r.numbering === '四、' || r.id === 'total').map((r) => r.label);

function isRunTogether(line: string): boolean {
  if (line.length <= LONG_LINE) return false;
  let found = 0;
  for (const label of B_LABELS) if (line.includes(label)) found++;
  if (found >= 2) return true;
  // A table A row glued to its value: 行政规范性文件21340.
  return /(?:行政规范性文件|行政许可|行政处罚|行政强制)\d/u.test(line);
}

export function parseReport(text: string): ParseResult {
  const lines = new LineIndex(text);
  const sections = buildSections(lines, findSectionHeadings(lines));
  const firstHeading = sections.length > 0 ? sections[0]!.headingSpan.start : Math.min(text.length, 4000);
  const title = findTitle(lines, firstHeading);
  const year = title?.year ?? findPeriodYear(text);

  // The table part: from the first table section (or the first table words) to section 五 or 六.
  let zoneStart = -1;
  const firstTableSection = sections.find((s) => s.spec.table);
  if (firstTableSection) zoneStart = firstTableSection.headingSpan.start;
  const anchor = tableStart(text);
  if (anchor >= 0 && (zoneStart < 0 || anchor < zoneStart)) zoneStart = lines.lineStart(lines.lineAt(anchor));
  let tables: ParseResult['model']['tables'] = {};
  let labelQuality: ReadonlyMap<Row, MatchQuality> = new Map();
  if (zoneStart >= 0) {
    const after = sections.find((s) => (s.spec.id === 'problems' || s.spec.id === 'other') && s.headingSpan.start > zoneStart);
    const zoneEnd = after ? after.headingSpan.start : text.length;
    const zoneSections = sections.map((s, i) => ({ s, i })).filter(({ s }) => s.headingSpan.start >= zoneStart && s.headingSpan.start < zoneEnd);

    // Mask the headings so that the unit readers see only table text; headings become units of their own.
    // The masked copy ends with the table part's last line: the readers look no further (a copy of
    // the whole of a long file would be most of the parse's memory).
    let masked = text;
    if (zoneSections.length > 0) {
      const parts: string[] = [];
      let pos = 0;
      for (const { s } of zoneSections) {
        parts.push(text.slice(pos, s.headingSpan.start), ' '.repeat(s.headingSpan.end - s.headingSpan.start));
        pos = s.headingSpan.end;
      }
      parts.push(text.slice(pos, Math.max(pos, lines.lineStart(lines.lineAt(zoneEnd) + 1))));
      masked = parts.join('');
    }
    const units: Unit[] = [];
    if (usesCellPerLine(lines, masked, zoneStart, zoneEnd)) cellPerLineUnits(lines, masked, zoneStart, zoneEnd, units);
    else separatedUnits(lines, masked, zoneStart, zoneEnd, units, isRunTogether, text);
    const headingUnits: Unit[] = zoneSections.map(({ s, i }) => ({
      kind: 'heading', text: s.title, span: s.headingSpan, layout: 'aligned', reading: readCellText(''), packed: false, section: i, norm: '',
    }));
    const merged = clipAndMerge(units, headingUnits, masked);
    const parsed = readTables(merged, (i) => sections[i]?.spec.table ?? null, text);
    tables = parsed.tables;
    labelQuality = parsed.labelQuality;
  }
  const rowCount = Object.values(tables).reduce((n, t) => n + t.rows.length, 0);
  const isReport = title !== null || sections.length >= 3 || rowCount >= 5;
  return { model: { text, lines, title, year, sections, tables, isReport }, labelQuality };
}

function usesCellPerLine(lines: LineIndex, text: string, from: number, to: number): boolean {
  // Whether at least 0.3 of the lines with content open with a tab. The lines opening with a tab are
  // counted first (one character a line); the white space of every line (long in PDF text) is
  // scanned only when that count leaves the answer open.
  const first = lines.lineAt(from);
  let tabbed = 0;
  let count = 0;
  for (let line = first; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    if (start >= to) break;
    count++;
    if (text.charCodeAt(start) === 9) tabbed++;
  }
  if (tabbed === 0) return false;
  const hasContent = (line: number): boolean => {
    const end = lines.lineEnd(line);
    let at = lines.lineStart(line);
    while (at < end && isWhiteSpace(text.charCodeAt(at))) at++;
    return at < end;
  };
  // No fewer lines with content than lines: the share can only be larger.
  if (tabbed / count >= 0.3) {
    for (let line = first; line < first + count; line++) if (hasContent(line)) return true;
    return false;
  }
  let nonBlank = 0;
  for (let line = first; line < first + count; line++) if (hasContent(line)) nonBlank++;
  return nonBlank > 0 && tabbed / nonBlank >= 0.3;
}

/**
 * A unit read across a masked heading (a heading inside a long line, or a cell continued over it)
 * is cut at the heading: no cell covers a heading. The heading units go between the units by their
 * start (a heading before a unit that starts where it does), in the same pass. Units and headings
 * are in text order.
 */
function clipAndMerge(units: readonly Unit[], headings: readonly Unit[], masked: string): Unit[] {
  const out: Unit[] = [];
  // The next heading to place, and the first heading that may still cover a unit.
  let next = 0;
  let h = 0;
  const place = (unit: Unit): void => {
    while (next < headings.length && headings[next]!.span.start <= unit.span.start) out.push(headings[next++]!);
    out.push(unit);
  };
  for (const unit of units) {
    while (h < headings.length && headings[h]!.span.end <= unit.span.start) h++;
    if (h >= headings.length || headings[h]!.span.start >= unit.span.end) {
      place(unit);
      continue;
    }
    // The pieces of the unit between the headings it covers.
    let from = unit.span.start;
    for (let k = h; k < headings.length && headings[k]!.span.start < unit.span.end; k++) {
      const heading = headings[k]!.span;
      if (heading.start > from) placePiece(place, makeUnit(masked.slice(from, heading.start), from, unit.layout, unit.packed));
      from = Math.max(from, heading.end);
    }
    if (from < unit.span.end) placePiece(place, makeUnit(masked.slice(from, unit.span.end), from, unit.layout, unit.packed));
  }
  while (next < headings.length) out.push(headings[next++]!);
  return out;
}

function placePiece(place: (unit: Unit) => void, unit: Unit | null): void {
  if (unit && unit.kind !== 'empty') place(unit);
}

export type { TableId };
