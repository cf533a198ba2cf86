/**
 * Cutting the table part of a report into units: the cells of the tables, whatever layout the text
 * arrived in. A unit is a label (text), a value (number, placeholder, number with words) or an empty
 * cell, with its exact span.
 */
import { normalizeLabel, readCellText, type NumberReading } from '../format/normalize';
import type { Layout } from '../model';
import { isWhiteSpace, type LineIndex, type Span } from '../text';

export type UnitKind = 'label' | 'number' | 'placeholder' | 'words' | 'empty' | 'heading';

export interface Unit {
  readonly kind: UnitKind;
  /** Trimmed text as written (cell content, lines joined by `\n` for a cell broken over lines). */
  readonly text: string;
  readonly span: Span;
  readonly layout: Layout;
  readonly reading: NumberReading;
  /** A run of digits from text with no separators, to be split by the identities. */
  readonly packed: boolean;
  /** For a heading unit: the index of the section in the model. */
  readonly section?: number;
  /** Normalised label text, for label units. */
  readonly norm: string;
}

const PAGE_NUMBER = /^[-－—–]\s*\d{1,3}\s*[-－—–]$|^第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?$/u;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/u;
const ONLY_PIPES = /^[\s|｜]*$/u;
/** A line holding a run of pipes and nothing else. */
const PIPE_RUN = /^[ \t]*[|｜]+[ \t]*$/u;

export function makeUnit(text: string, start: number, layout: Layout, packed = false): Unit | null {
  // Trim, keeping the span exact.
  let s = 0;
  let e = text.length;
  while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
  while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) {
    return { kind: 'empty', text: '', span: { start: start + Math.min(s, text.length), end: start + Math.min(s, text.length) }, layout, reading: EMPTY_READING, packed: false, norm: '' };
  }
  const trimmed = s === 0 && e === text.length ? text : text.slice(s, e);
  const span = { start: start + s, end: start + e };
  if (mayBePageNumber(trimmed.charCodeAt(0)) && PAGE_NUMBER.test(trimmed)) return null;
  const reading = readCellText(trimmed.includes('\n') ? trimmed.replace(/\n/gu, '') : trimmed);
  const kind: UnitKind = reading.kind === 'text' ? 'label' : reading.kind;
  return { kind, text: trimmed, span, layout, reading, packed, norm: kind === 'label' ? normalizeLabel(trimmed) : '' };
}

/** What an empty cell reads as (shared: readings are never changed). */
const EMPTY_READING: NumberReading = { kind: 'placeholder' };

/** Whether a text starting with this code unit can be a page number (`- 3 -`, `第3页`): PAGE_NUMBER's first characters. */
function mayBePageNumber(c: number): boolean {
  return c === 0x2d /* - */ || c === 0xff0d /* － */ || c === 0x2014 /* — */ || c === 0x2013 /* – */ || c === 0x7b2c /* 第 */;
}

function push(units: Unit[], unit: Unit | null): void {
  if (unit) units.push(unit);
}

/** Pieces of a value that are numbers separated by single spaces (`1 0 3`) become one unit each. */
function pushSplittingNumbers(units: Unit[], text: string, start: number, layout: Layout): void {
  if (!hasInnerSpace(text)) {
    push(units, makeUnit(text, start, layout));
    return;
  }
  // The `\S+` pieces (there are two or more), found by character codes: taken apart only when every one reads as a number.
  const pieces: { readonly text: string; readonly at: number }[] = [];
  for (let i = 0; i < text.length; ) {
    if (isWhiteSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !isWhiteSpace(text.charCodeAt(j))) j++;
    const piece = text.slice(i, j);
    if (readCellText(piece).kind !== 'number') {
      push(units, makeUnit(text, start, layout));
      return;
    }
    pieces.push({ text: piece, at: i });
    i = j;
  }
  for (const piece of pieces) push(units, makeUnit(piece.text, start + piece.at, layout));
}

/** Whether white space separates two non-space characters of the text (so that it has two `\S+` pieces or more). */
function hasInnerSpace(text: string): boolean {
  let s = 0;
  let e = text.length;
  while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
  while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--;
  for (let i = s; i < e; i++) if (isWhiteSpace(text.charCodeAt(i))) return true;
  return false;
}

/** Word-processor export: a cell starts at a tab at the start of a line; following lines without a tab continue it. */
export function cellPerLineUnits(lines: LineIndex, text: string, from: number, to: number, out: Unit[]): void {
  let cellStart = -1;
  let cellEnd = -1;
  let previousBlank = true;
  const flush = (): void => {
    if (cellStart >= 0) {
      const content = text.slice(cellStart, cellEnd);
      push(out, makeUnit(content, cellStart, 'cell-per-line'));
    }
    cellStart = -1;
  };
  for (let line = lines.lineAt(from); line < lines.lineCount; line++) {
    const start = Math.max(lines.lineStart(line), from);
    if (start >= to) break;
    const end = Math.min(lines.lineEnd(line), to);
    // Looked at by character codes: a string is cut out only for a line of tabs.
    const tabbed = start < end && text.charCodeAt(start) === 9 /* \t */;
    if (!tabbed && isBlankBetween(text, start, end)) {
      flush();
      previousBlank = true;
      continue;
    }
    if (tabbed) {
      flush();
      // Several tabs on one line: several cells; the last one may go on over the lines below.
      let pos = start + 1;
      for (let i = pos; i < end; i++) {
        if (text.charCodeAt(i) !== 9 /* \t */) continue;
        push(out, makeUnit(text.slice(pos, i), pos, 'cell-per-line'));
        pos = i + 1;
      }
      cellStart = pos;
      cellEnd = end;
    } else if (cellStart >= 0 && !previousBlank) {
      cellEnd = end; // continuation of the cell above
    } else {
      flush();
      cellStart = start;
      cellEnd = end;
    }
    previousBlank = false;
  }
  flush();
}

/** Whether text[start, end) is all white space (what `trim() === ''` says, without the string). */
function isBlankBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhiteSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Every other layout: one or more cells per line, separated by tabs, pipes or runs of spaces. */
/**
 * `original` is the text before the headings were masked (blank lines that were headings are not
 * empty cells).
 */
export function separatedUnits(lines: LineIndex, text: string, from: number, to: number, out: Unit[], isRunTogether: (line: string) => boolean, original: string = text): void {
  const last = lines.lineAt(Math.max(from, to - 1));
  const lineContent = (line: number): string => text.slice(Math.max(lines.lineStart(line), from), Math.min(lines.lineEnd(line), to));
  /** Set by `contentStart`: whether the white space it went past was all spaces and U+3000 (column spaces). */
  let onlyColumnSpaces = true as boolean; // (set in a closure: a literal type would be narrowed to `true`)
  /** The first character of text[s, e) that is not white space (e when none). */
  const contentStart = (s: number, e: number): number => {
    onlyColumnSpaces = true;
    let i = s;
    for (; i < e; i++) {
      const c = text.charCodeAt(i);
      if (isColumnSpace(c)) continue;
      if (!isWhiteSpace(c)) break;
      onlyColumnSpaces = false;
    }
    return i;
  };
  // What the look-ahead below found, so that the loop does not scan those lines again: the lines
  // before `blankBefore` (after the one that looked ahead) are blank, and line `aheadLine` has its
  // content from `aheadFirst` (after column spaces only, when `aheadPlain`).
  let blankBefore = -1;
  let aheadLine = -1;
  let aheadFirst = -1;
  let aheadPlain = true as boolean;
  /** Whether the next line with content holds only pipes (the separator-line layout's `|` after a cell). */
  const pipeLineFollows = (line: number): boolean => {
    for (let next = line + 1; next <= last && next < lines.lineCount; next++) {
      const s = Math.max(lines.lineStart(next), from);
      const e = Math.min(lines.lineEnd(next), to);
      const first = contentStart(s, e);
      if (first === e) continue;
      blankBefore = next;
      aheadLine = next;
      aheadFirst = first;
      aheadPlain = onlyColumnSpaces;
      // PIPE_RUN's first character after white space is a pipe: only then is the expression tried.
      return isPipe(text.charCodeAt(first)) && PIPE_RUN.test(text.slice(s, e));
    }
    blankBefore = last + 1;
    return false;
  };
  // How the last line with content ended: a cell written without its pipe, whose pipe is the next
  // line's first (`43` then `|`: the separator-line layout of web copy), a cell with its pipe
  // (`行政强制 |`), or anything else.
  let previous: 'open-cell' | 'closed-cell' | 'other' = 'other';
  for (let line = lines.lineAt(from); line < lines.lineCount; line++) {
    const start = Math.max(lines.lineStart(line), from);
    if (start >= to) break;
    const end = Math.min(lines.lineEnd(line), to);
    if (line < blankBefore && line !== aheadLine) continue;
    const first = line === aheadLine ? aheadFirst : contentStart(start, end);
    const plain = line === aheadLine ? aheadPlain : onlyColumnSpaces;
    if (first === end) continue;
    const content = text.slice(start, end);
    // A rule has a run of three dashes; only then is the expression (slow on long runs of spaces) tried.
    if (content.includes('---') && MARKDOWN_RULE.test(content)) continue;
    const before = previous;
    previous = 'other';
    if (isRunTogether(content)) {
      runTogetherUnits(content, start, out);
      continue;
    }
    if (/[|｜]/u.test(content)) {
      // Web copy collapses empty cells into runs of pipes on a line of their own: one empty cell a
      // pipe. After a cell written without its pipe, the line's first pipe only closes that cell; after
      // a cell with its pipe, a line of pipes and spaces (`| ||`) is empty cells too.
      if (PIPE_RUN.test(content) || (before === 'closed-cell' && /^[ \t|｜]+$/u.test(content))) {
        let closing = before === 'open-cell';
        // Separator lines: an empty cell printed as a blank line before its `|` lies on that line.
        let blankCell = !closing && content.trim().length === 1 && line - 2 >= lines.lineAt(from) && original.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1)).trim() === '' && lineContent(line - 2).trim().length === 1 && PIPE_RUN.test(lineContent(line - 2));
        for (let i = 0; i < content.length; i++) {
          if (content[i] !== '|' && content[i] !== '｜') continue;
          if (closing) closing = false;
          else if (blankCell) {
            blankCell = false;
            push(out, makeUnit('', lines.lineStart(line - 1), 'pipe'));
          } else push(out, makeUnit('', start + i, 'pipe'));
        }
        continue;
      }
      if (ONLY_PIPES.test(content)) continue;
      if (!/^[ \t]*[|｜]/u.test(content) && /[^|｜\s][ \t]*[|｜][ \t]*$/u.test(content)) previous = 'closed-cell';
      let s = 0;
      let e = content.length;
      while (s < e && isWhiteSpace(content.charCodeAt(s))) s++;
      while (e > s && isWhiteSpace(content.charCodeAt(e - 1))) e--;
      if (content[s] === '|' || content[s] === '｜') s++;
      if (e > s && (content[e - 1] === '|' || content[e - 1] === '｜')) e--;
      // The cells between the pipes (what splitting at /[|｜]/ gives), cut by character codes.
      let cellStart = s;
      for (let i = s; i < e; i++) {
        if (!isPipe(content.charCodeAt(i))) continue;
        pushSplittingNumbers(out, content.slice(cellStart, i), start + cellStart, 'pipe');
        cellStart = i + 1;
      }
      pushSplittingNumbers(out, content.slice(cellStart, e), start + cellStart, 'pipe');
      continue;
    }
    if (pipeLineFollows(line)) {
      // One cell a line, its pipe on the next line.
      previous = 'open-cell';
      pushSplittingNumbers(out, content, start, 'pipe');
      continue;
    }
    const layout: Layout = 'aligned';
    // The cells between separators — a tab, or two or more spaces (`\t|[ \u3000]{2,}`) — found by
    // character codes in the text itself. Two or more column spaces before the content (what indents
    // most lines of PDF text) are one separator, already gone past.
    let pos = plain && first - start >= 2 ? first : start;
    for (let i = pos; i < end; ) {
      const separatorEnd = alignedSeparatorEnd(text, i, end);
      if (separatorEnd < 0) {
        i++;
        continue;
      }
      if (i > pos) pushSplittingNumbers(out, text.slice(pos, i), pos, layout);
      pos = i = separatorEnd;
    }
    if (pos < end) pushSplittingNumbers(out, text.slice(pos, end), pos, layout);
  }
}

/** Where a separator of aligned columns starting at `at` ends, before `end` (a tab, or a run of two or more spaces or U+3000), or -1 when none starts there. */
function alignedSeparatorEnd(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  if (c === 9 /* \t */) return at + 1;
  if (!isColumnSpace(c) || at + 1 >= end || !isColumnSpace(text.charCodeAt(at + 1))) return -1;
  let separatorEnd = at + 2;
  while (separatorEnd < end && isColumnSpace(text.charCodeAt(separatorEnd))) separatorEnd++;
  return separatorEnd;
}

function isPipe(c: number): boolean {
  return c === 0x7c /* | */ || c === 0xff5c /* ｜ */;
}

function isColumnSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000;
}

/** Numbering markers where glued labels are cut apart: `（一）`, `三、`. */
const LABEL_CUT = /(?=[（(][一二三四五六七][）)])|(?=[一二三四][、])/u;

/**
 * Web text with no separators: digit runs and labels alternate. A run followed by `.` and a label
 * gives its last digit to the label's numbering (`…00000001.属于国家秘密`).
 */
export function runTogetherUnits(content: string, start: number, out: Unit[]): void {
  // A cell left （待填） (what an inserted table holds) is a unit of its own between the labels.
  const token = /(\d+(?:\.\d+)?)|[（(]待填[）)]|((?:(?![（(]待填[）)])[^\d\s])+)/gu;
  const raw: { text: string; at: number; digits: boolean }[] = [];
  for (const m of content.matchAll(token)) {
    raw.push({ text: m[0], at: m.index, digits: m[1] !== undefined });
  }
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    // Only when the label follows the digits directly: joined texts must be the text between their spans.
    if (t.digits && next && !next.digits && next.at === t.at + t.text.length && /^[.、．][^\d\s.]/u.test(next.text) && !t.text.includes('.')) {
      // The last digit (or two, for 10+) is the numbering of the next label.
      const numberingLength = 1;
      if (t.text.length > numberingLength) {
        raw.splice(i + 1, 0, { text: t.text.slice(-numberingLength) + next.text, at: t.at + t.text.length - numberingLength, digits: false });
        raw.splice(i + 2, 1);
        t.text = t.text.slice(0, -numberingLength);
      } else {
        t.text += next.text;
        t.digits = false;
        raw.splice(i + 1, 1);
      }
    }
  }
  for (const t of raw) {
    const spanOf = { start: start + t.at, end: start + t.at + t.text.length };
    if (t.digits) {
      push(out, makeUnit(t.text, spanOf.start, 'run-together', /^\d+$/u.test(t.text) && t.text.length > 1));
      continue;
    }
    let pos = 0;
    for (const piece of t.text.split(LABEL_CUT)) {
      push(out, makeUnit(piece, spanOf.start + pos, 'run-together'));
      pos += piece.length;
    }
  }
}
