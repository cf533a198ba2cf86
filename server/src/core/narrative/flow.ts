/**
 * The narrative as sentences. Prose reaches us hard-wrapped (PDF text breaks every line at the page
 * width, web copies break mid-sentence), letter-spaced (`邮 编 ： 223100`) and interrupted by page
 * numbers and form feeds. A sentence here is the prose joined back together, kept as a compact string
 * (white space removed, digits ASCII) with the document offset of every character, so that every span
 * a rule reports still points at the original text.
 */
import type { SectionId } from '../format/schema';
import type { ReportModel } from '../model';
import type { Span } from '../text';
import { scanNumbers, type ScannedNumber } from './numbers';

export interface Sentence {
  /** The sentence with white space removed and full-width digits made ASCII. */
  readonly text: string;
  /**
   * The document offset of each character of `text` (same length), made when first asked for: the
   * checker itself uses offsetAt.
   */
  readonly offsets: Readonly<Uint32Array>;
  /** The document offset of `text[i]` (0 ≤ i < text.length). */
  offsetAt(i: number): number;
  /** From the first to the last character, in the document. */
  readonly span: Span;
  /** The section it belongs to; null for the text between the title and section 一. */
  readonly section: SectionId | null;
  /** Index of its paragraph in the document (sentences of one paragraph share it). */
  readonly paragraph: number;
  readonly numbers: readonly ScannedNumber[];
}

/** The document span of `text[from, to)` of a sentence. */
export function spanIn(sentence: Sentence, from: number, to: number): Span {
  const length = sentence.text.length;
  const a = Math.max(0, Math.min(from, length - 1));
  const b = Math.max(a + 1, Math.min(to, length));
  return { start: sentence.offsetAt(a), end: sentence.offsetAt(b - 1) + 1 };
}

const NO_BREAKS: readonly number[] = [];

/**
 * A sentence's offsets as runs: the characters of a run stand one after another in the document, a
 * new run starts where white space was left out (a line break, a letter space). A sentence keeps the
 * offset of its first character and, for every later run, the pair (index in the text, document
 * offset): a few numbers per sentence where an offset per character cost 4 bytes each (7 MB for
 * a 10 MB file).
 */
class NarrativeSentence implements Sentence {
  private materialized: Uint32Array | undefined;

  constructor(
    readonly text: string,
    /** The document offset of text[0]. */
    private readonly first: number,
    /** Later runs: text index, document offset, text index, document offset… */
    private readonly breaks: readonly number[],
    readonly span: Span,
    readonly section: SectionId | null,
    readonly paragraph: number,
    readonly numbers: readonly ScannedNumber[],
  ) {}

  offsetAt(i: number): number {
    const breaks = this.breaks;
    if (breaks.length === 0 || i < breaks[0]!) return this.first + i;
    // The last run that starts at or before i.
    let lo = 0;
    let hi = (breaks.length >> 1) - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (breaks[2 * mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return breaks[2 * lo + 1]! + (i - breaks[2 * lo]!);
  }

  get offsets(): Readonly<Uint32Array> {
    if (!this.materialized) {
      const offsets = new Uint32Array(this.text.length);
      for (let i = 0; i < offsets.length; i++) offsets[i] = this.offsetAt(i);
      this.materialized = offsets;
    }
    return this.materialized;
  }
}

/** The original text of a span, white space and all. */
export function numberSpan(sentence: Sentence, n: ScannedNumber, withUnit = true): Span {
  return spanIn(sentence, n.start, withUnit ? n.unitEnd : n.end);
}

export interface Region {
  readonly span: Span;
  readonly section: SectionId | null;
  /** In a table section, only lines that read as prose (with a full stop) belong to the narrative. */
  readonly proseOnly: boolean;
}

/** The narrative parts of a report: the preamble and the sections, tables cut out. */
export function narrativeRegions(model: ReportModel): Region[] {
  const text = model.text;
  const regions: Region[] = [];
  const first = model.sections[0]?.headingSpan.start ?? text.length;
  const preambleStart = model.title && model.title.span.end <= first ? model.title.span.end : 0;
  if (first > preambleStart) regions.push({ span: { start: preambleStart, end: first }, section: null, proseOnly: false });
  for (const s of model.sections) {
    if (s.span.end > s.headingSpan.end) regions.push({ span: { start: s.headingSpan.end, end: s.span.end }, section: s.spec.id, proseOnly: s.spec.table !== undefined });
  }
  return regions;
}

/** Spans that are never prose: the tables, with their headers. */
export function tableSpans(model: ReportModel): Span[] {
  const spans: Span[] = [];
  for (const table of Object.values(model.tables)) {
    spans.push(table.span);
    if (table.headerSpan) spans.push(table.headerSpan);
  }
  return spans.sort((a, b) => a.start - b.start);
}

const PAGE_NUMBER = /^[\s\f]*(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})[\s\f]*$/u;
const ARTIFACT = /^\[bookmark:[^\]]*\]/u;
/** A paragraph or heading marker at the start of a line: （一） (1) 一、 1、 1. */
const MARKER = /^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?!\d))/u;
/** Longest sentence (in characters) before it is cut. */
const MAX_SENTENCE = 4000;
// What a line ends with when its paragraph ends there, /[。！？!?][”’"」』）)]?$/u, is tested by code (endsParagraph).

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly kind: 'text' | 'blank' | 'page' | 'cut';
  /** Trimmed content (text pieces). */
  readonly content: string;
  /** Offset of the content's first character. */
  readonly contentStart: number;
}

/** `\s` of a regular expression (with U+3000 and U+FEFF, which it holds too), by code: called per character of the prose. */
function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** 。！？!? by code. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/**
 * The spans cut out of the narrative (tableSpans, sorted by start), with the greatest end among the
 * spans before each index: a line looks only at the spans that can reach it, found by binary search,
 * not at every table of the document (a 10 MB file has thousands).
 */
interface Excluded {
  readonly spans: readonly Span[];
  /** `maxEndBefore[i]`: the greatest end of spans[0..i) (0 for none); never decreases. */
  readonly maxEndBefore: Float64Array;
}

function excludedOf(spans: readonly Span[]): Excluded {
  const maxEndBefore = new Float64Array(spans.length + 1);
  for (let i = 0; i < spans.length; i++) maxEndBefore[i + 1] = Math.max(maxEndBefore[i]!, spans[i]!.end);
  return { spans, maxEndBefore };
}

/** The last index before which every span ends at or before `pos` (those cannot touch a line from `pos`). */
function firstReaching(excluded: Excluded, pos: number): number {
  let lo = 0;
  let hi = excluded.spans.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (excluded.maxEndBefore[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The region cut into line pieces; excluded spans become `cut` pieces (paragraph breaks). Blank lines
 * one after another are one `blank` piece (a paragraph break either way): a text padded with millions
 * of empty lines costs one piece, not one each.
 */
function pieces(model: ReportModel, region: Region, excluded: Excluded): Piece[] {
  const { text, lines } = model;
  const result: Piece[] = [];
  // A run of blank pieces waiting to become one: its first piece's start, its last piece's end and content start.
  let runStart = -1;
  let runEnd = -1;
  let runContent = -1;
  const blank = (start: number, end: number, contentStart: number): void => {
    if (runStart < 0) runStart = start;
    runEnd = end;
    runContent = contentStart;
  };
  const flushBlank = (): void => {
    if (runStart < 0) return;
    result.push({ start: runStart, end: runEnd, kind: 'blank', content: '', contentStart: runContent });
    runStart = -1;
  };
  /** The kind of the last piece pushed other than blank. */
  // (Typed by assertion: it changes in push, which the checker does not see from the loop.)
  let lastKind = null as Piece['kind'] | null;
  const push = (p: Piece): void => {
    if (p.kind === 'blank') {
      blank(p.start, p.end, p.contentStart);
      return;
    }
    flushBlank();
    result.push(p);
    lastKind = p.kind;
  };
  const firstLine = lines.lineAt(region.span.start);
  const lastLine = lines.lineAt(Math.max(region.span.start, region.span.end - 1));
  for (let line = firstLine; line <= lastLine; line++) {
    const lineStart = Math.max(lines.lineStart(line), region.span.start);
    const lineEnd = Math.min(lines.lineEnd(line), region.span.end);
    if (lineEnd <= lineStart) {
      blank(lineStart, lineStart, lineStart);
      continue;
    }
    // Split around excluded spans.
    let pos = lineStart;
    const spans = excluded.spans;
    const first = firstReaching(excluded, pos);
    const cover = spans[first];
    if (cover && cover.start <= lineStart && cover.end >= lineEnd) {
      // The line lies inside a table, and so do the lines after it up to the table's end: they would
      // give cut pieces only (blank ones for empty lines), and after a cut nothing but a text piece
      // counts for the paragraphs — one cut stands for all of them.
      if (lastKind !== 'cut') push({ start: lineStart, end: lineEnd, kind: 'cut', content: '', contentStart: cover.start });
      let inside = Math.min(lastLine, lines.lineAt(cover.end - 1));
      // (The table's last line read as usual when the table ends before it does.)
      if (Math.min(lines.lineEnd(inside), region.span.end) > cover.end || Math.max(lines.lineStart(inside), region.span.start) < cover.start) inside--;
      line = Math.max(line, inside);
      continue;
    }
    // Sorted by start: none from the first that starts at or after the line's end.
    for (let k = first; k < spans.length && spans[k]!.start < lineEnd; k++) {
      const ex = spans[k]!;
      if (ex.end <= pos) continue;
      if (ex.start > pos) push(piece(text, pos, ex.start));
      push({ start: Math.max(ex.start, pos), end: Math.min(ex.end, lineEnd), kind: 'cut', content: '', contentStart: ex.start });
      pos = Math.min(ex.end, lineEnd);
    }
    if (pos < lineEnd) push(piece(text, pos, lineEnd));
  }
  flushBlank();
  return result;
}

/** Where a page number can start (PAGE_NUMBER after its white space): - － — – 第 or an ASCII digit. */
function mayStartPageNumber(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0xff0d || c === 0x2014 || c === 0x2013 || c === 0x7b2c;
}

function piece(text: string, start: number, end: number): Piece {
  let first = start;
  while (first < end && isSpaceCode(text.charCodeAt(first))) first++;
  // White space only (\f is white space): a page break when it holds a form feed.
  if (first === end) {
    return text.slice(start, end).includes('\f') ? { start, end, kind: 'page', content: '', contentStart: start } : { start, end, kind: 'blank', content: '', contentStart: end };
  }
  // A page number is a short line: a long one (a 20 MB run of spaces) is not tested, which would overflow the regular expression's stack.
  if (end - start <= 200 && mayStartPageNumber(text.charCodeAt(first)) && PAGE_NUMBER.test(text.slice(start, end))) return { start, end, kind: 'page', content: '', contentStart: start };
  // trimEnd by code (the same white space), one slice.
  let last = end;
  while (last > first && isSpaceCode(text.charCodeAt(last - 1))) last--;
  let content = text.slice(first, last);
  const artifact = text.charCodeAt(first) === 0x5b ? ARTIFACT.exec(content) : null;
  if (artifact) {
    first += artifact[0].length;
    content = content.slice(artifact[0].length);
    while (first < end && isSpaceCode(text.charCodeAt(first))) {
      first++;
      content = content.slice(1);
    }
  }
  if (content === '') return { start, end, kind: 'blank', content: '', contentStart: end };
  return { start, end, kind: 'text', content, contentStart: first };
}

/** 一二三四五六七八九十 by code. */
function isChineseDigit(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

/** MARKER, tested only on a line that can start with one: （ ( 一…十 or an ASCII digit (most lines cannot). */
function startsWithMarker(content: string): boolean {
  const c = content.charCodeAt(0);
  return (c === 0xff08 || c === 0x28 || isChineseDigit(c) || (c >= 0x30 && c <= 0x39)) && MARKER.test(content);
}

/** PARAGRAPH_END by code: a full stop at the end, or before one closing quote or bracket. */
function endsParagraph(content: string): boolean {
  const last = content.charCodeAt(content.length - 1);
  if (endsSentence(last)) return true;
  return closesSentence(last) && endsSentence(content.charCodeAt(content.length - 2));
}

/** A short line with a marker and no clause punctuation: a subsection heading. */
function isHeadingLine(content: string): boolean {
  return startsWithMarker(content) && content.length <= 30 && !/[，,；;]/u.test(content) && !/[。！？]./u.test(content);
}

/**
 * Joins the pieces of a region into paragraphs: a line that does not end a sentence continues on the
 * next text line, across a page break (page-number line, form feed), but not across a blank line, a
 * heading or a line that starts with a marker.
 */
function paragraphs(all: readonly Piece[], proseOnly: boolean): Piece[][] {
  const result: Piece[][] = [];
  let current: Piece[] = [];
  let gap: 'none' | 'blank' | 'page' = 'none';
  const flush = (): void => {
    if (current.length > 0) result.push(current);
    current = [];
  };
  for (const p of all) {
    if (p.kind === 'cut') {
      flush();
      gap = 'none';
      continue;
    }
    if (p.kind === 'blank') {
      if (gap === 'none') gap = 'blank';
      continue;
    }
    if (p.kind === 'page') {
      gap = 'page';
      continue;
    }
    if (proseOnly && !/[。！？]/u.test(p.content)) {
      flush();
      gap = 'none';
      continue;
    }
    const last = current[current.length - 1];
    const joins = last !== undefined && gap !== 'blank' && !endsParagraph(last.content) && !startsWithMarker(p.content) && !isHeadingLine(last.content);
    if (!joins) flush();
    current.push(p);
    gap = 'none';
  }
  flush();
  return result;
}

/** ”’"」』）): a closing quote or bracket, which stays with the full stop before it. */
function closesSentence(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29;
}

/** ，,；; by code: where an overlong sentence may be cut. */
function isClauseMark(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b;
}

/**
 * The sentences of a paragraph. The compact text is built from whole runs of the document (sliced
 * between white space and full-width digits), not one character string at a time: on a two-byte
 * string every `text[i]` allocates, and the garbage of millions of them was most of the peak memory.
 */
function sentencesOf(model: ReportModel, paragraph: readonly Piece[], section: SectionId | null, index: number, sentences: Sentence[] = []): Sentence[] {
  const text = model.text;
  /** The offsets of the sentence being built, as runs (NarrativeSentence): its first and its last. */
  let first = -1;
  let last = -1;
  const breaks: number[] = [];
  /** Offset `n` of the sentence being built is `offset`. */
  const pushOffset = (n: number, offset: number): void => {
    if (n === 0) first = offset;
    else if (offset !== last + 1) breaks.push(n, offset);
    last = offset;
  };
  /** The compact text so far, without the open run. */
  let compact = '';
  /** Start of the run of document characters copied as they are, or -1. */
  let runStart = -1;
  /** Characters (code units) of the sentence so far. */
  let n = 0;
  const closeRun = (end: number): void => {
    if (runStart >= 0) {
      compact += text.slice(runStart, end);
      runStart = -1;
    }
  };
  const flush = (end: number): void => {
    closeRun(end);
    if (n > 0) {
      // (A copy of exactly its length: the scratch array grew by steps.)
      const runs = breaks.length === 0 ? NO_BREAKS : breaks.slice();
      sentences.push(new NarrativeSentence(compact, first, runs, { start: first, end: last + 1 }, section, index, scanNumbers(compact)));
      breaks.length = 0;
    }
    compact = '';
    n = 0;
  };
  for (const p of paragraph) {
    const end = p.contentStart + p.content.length;
    for (let i = p.contentStart; i < end; i++) {
      const code = text.charCodeAt(i);
      if (isSpaceCode(code)) {
        closeRun(i);
        continue;
      }
      if (code >= 0xff10 && code <= 0xff19) {
        closeRun(i);
        compact += String.fromCharCode(code - 0xff10 + 48);
      } else if (runStart < 0) runStart = i;
      // Surrogate pairs stay together (two code units, two offsets).
      pushOffset(n++, i);
      // No prose sentence is this long: a run of table text or garbage is cut into pieces, so that no
      // rule ever works on an unbounded sentence.
      if (n >= MAX_SENTENCE || (n >= MAX_SENTENCE / 2 && isClauseMark(code))) {
        flush(i + 1);
        continue;
      }
      if (endsSentence(code)) {
        // A closing quote or bracket right after the full stop belongs to the sentence.
        let j = i + 1;
        while (j < end && closesSentence(text.charCodeAt(j))) {
          if (runStart < 0) runStart = j;
          pushOffset(n++, j);
          j++;
        }
        i = j - 1;
        flush(j);
      }
    }
    closeRun(end);
  }
  flush(0);
  return sentences;
}

export interface Narrative {
  readonly sentences: readonly Sentence[];
}

const cache = new WeakMap<ReportModel, Narrative>();

/** The report's narrative sentences, computed once per model. */
export function narrativeOf(model: ReportModel): Narrative {
  const cached = cache.get(model);
  if (cached) return cached;
  const excluded = excludedOf(tableSpans(model));
  const sentences: Sentence[] = [];
  let index = 0;
  for (const region of narrativeRegions(model)) {
    for (const paragraph of paragraphs(pieces(model, region, excluded), region.proseOnly)) {
      sentencesOf(model, paragraph, region.section, index++, sentences);
    }
  }
  const narrative: Narrative = { sentences };
  cache.set(model, narrative);
  return narrative;
}

/** Sentences of arbitrary spans of the document, one paragraph each (table cells with words). */
export function sentencesOfSpan(model: ReportModel, span: Span, section: SectionId | null): Sentence[] {
  const content = model.text.slice(span.start, span.end);
  const p: Piece = { start: span.start, end: span.end, kind: 'text', content, contentStart: span.start };
  return sentencesOf(model, [p], section, -1);
}
