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
 * Cuts a region into line pieces and hands each to the paragraphs: excluded spans become cuts
 * (paragraph breaks), white-space-only lines blanks (a form feed among them a page break), page-number
 * lines page breaks, the rest text (trimmed, a `[bookmark…]` artifact left out). No piece is made as an
 * object: each goes to the paragraph builder as its offsets.
 */
function readRegion(model: ReportModel, region: Region, excluded: Excluded, paragraphs: ParagraphBuilder): void {
  const { text, lines } = model;
  paragraphs.startRegion(region.section, region.proseOnly);
  const firstLine = lines.lineAt(region.span.start);
  const lastLine = lines.lineAt(Math.max(region.span.start, region.span.end - 1));
  const spans = excluded.spans;
  for (let line = firstLine; line <= lastLine; line++) {
    const lineStart = Math.max(lines.lineStart(line), region.span.start);
    const lineEnd = Math.min(lines.lineEnd(line), region.span.end);
    if (lineEnd <= lineStart) {
      paragraphs.blank();
      continue;
    }
    // Split around excluded spans.
    let pos = lineStart;
    const first = firstReaching(excluded, pos);
    const cover = spans[first];
    if (cover && cover.start <= lineStart && cover.end >= lineEnd) {
      // The line lies inside a table, and so do the lines after it up to the table's end: they would
      // give cuts only (blanks for empty lines), and after a cut nothing but a text piece counts for
      // the paragraphs — one cut stands for all of them.
      paragraphs.cut();
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
      if (ex.start > pos) readPiece(text, pos, ex.start, paragraphs);
      paragraphs.cut();
      pos = Math.min(ex.end, lineEnd);
    }
    if (pos < lineEnd) readPiece(text, pos, lineEnd, paragraphs);
  }
  paragraphs.endRegion();
}

/** Where a page number can start (PAGE_NUMBER after its white space): - － — – 第 or an ASCII digit. */
function mayStartPageNumber(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0xff0d || c === 0x2014 || c === 0x2013 || c === 0x7b2c;
}

/** A form feed in text[start, end). */
function holdsFormFeed(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 0x0c) return true;
  return false;
}

/** One piece of a line, text[start, end): white space only, a page number, or text. */
function readPiece(text: string, start: number, end: number, paragraphs: ParagraphBuilder): void {
  let first = start;
  while (first < end && isSpaceCode(text.charCodeAt(first))) first++;
  // White space only (\f is white space): a page break when it holds a form feed.
  if (first === end) {
    if (holdsFormFeed(text, start, end)) paragraphs.page();
    else paragraphs.blank();
    return;
  }
  // A page number is a short line: a long one (a 20 MB run of spaces) is not tested, which would overflow the regular expression's stack.
  if (end - start <= 200 && mayStartPageNumber(text.charCodeAt(first)) && PAGE_NUMBER.test(text.slice(start, end))) {
    paragraphs.page();
    return;
  }
  // trimEnd by code (the same white space).
  let last = end;
  while (last > first && isSpaceCode(text.charCodeAt(last - 1))) last--;
  const artifact = text.charCodeAt(first) === 0x5b ? ARTIFACT.exec(text.slice(first, last)) : null;
  if (artifact) {
    first += artifact[0].length;
    while (first < last && isSpaceCode(text.charCodeAt(first))) first++;
    if (first >= last) {
      paragraphs.blank();
      return;
    }
  }
  paragraphs.textPiece(first, last);
}

/** 一二三四五六七八九十 by code. */
function isChineseDigit(c: number): boolean {
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}

/** MARKER on text[start, end), tested only on a line that can start with one: （ ( 一…十 or an ASCII digit (most lines cannot). */
function startsWithMarker(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  return (c === 0xff08 || c === 0x28 || isChineseDigit(c) || (c >= 0x30 && c <= 0x39)) && MARKER.test(text.slice(start, end));
}

/** PARAGRAPH_END by code on text[start, end): a full stop at the end, or before one closing quote or bracket. */
function endsParagraph(text: string, start: number, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (endsSentence(last)) return true;
  return end - 2 >= start && closesSentence(last) && endsSentence(text.charCodeAt(end - 2));
}

/** text[start, end), a short line with a marker and no clause punctuation: a subsection heading. */
function isHeadingLine(text: string, start: number, end: number): boolean {
  if (!startsWithMarker(text, start, end) || end - start > 30) return false;
  const content = text.slice(start, end);
  return !/[，,；;]/u.test(content) && !/[。！？]./u.test(content);
}

/** 。！？ in text[start, end): a line of a table section that reads as prose. */
function holdsFullStop(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return true;
  }
  return false;
}

/**
 * Joins the text pieces of a region into paragraphs, as they come: a line that does not end a
 * sentence continues on the next text line, across a page break (page-number line, form feed), but
 * not across a blank line, a heading or a line that starts with a marker. A paragraph is kept as the
 * offsets of its pieces (one array of numbers, reused from paragraph to paragraph) and made into
 * sentences when it ends.
 */
class ParagraphBuilder {
  /** The open paragraph's pieces: content start, content end, content start, … */
  private readonly pieces: number[] = [];
  private pieceCount = 0;
  /** What lies between the last text piece and the next: nothing, a blank line, a page break. */
  private gap: 'none' | 'blank' | 'page' = 'none';
  private section: SectionId | null = null;
  /** In a table section, only lines that read as prose (with a full stop) belong to the narrative. */
  private proseOnly = false;
  /** Index of the next paragraph in the document. */
  private index = 0;
  private readonly sentences: SentenceBuilder;

  constructor(private readonly text: string, output: Sentence[]) {
    this.sentences = new SentenceBuilder(text, output);
  }

  startRegion(section: SectionId | null, proseOnly: boolean): void {
    this.section = section;
    this.proseOnly = proseOnly;
    this.gap = 'none';
  }

  endRegion(): void {
    this.flush();
  }

  /** A table: the paragraph ends. */
  cut(): void {
    this.flush();
    this.gap = 'none';
  }

  blank(): void {
    if (this.gap === 'none') this.gap = 'blank';
  }

  page(): void {
    this.gap = 'page';
  }

  /** A text piece: trimmed, text[start, end) (not empty). */
  textPiece(start: number, end: number): void {
    const text = this.text;
    if (this.proseOnly && !holdsFullStop(text, start, end)) {
      this.cut();
      return;
    }
    const count = this.pieceCount;
    if (count > 0) {
      const lastStart = this.pieces[count - 2]!;
      const lastEnd = this.pieces[count - 1]!;
      const joins = this.gap !== 'blank' && !endsParagraph(text, lastStart, lastEnd) && !startsWithMarker(text, start, end) && !isHeadingLine(text, lastStart, lastEnd);
      if (!joins) this.flush();
    }
    this.pieces[this.pieceCount++] = start;
    this.pieces[this.pieceCount++] = end;
    this.gap = 'none';
  }

  private flush(): void {
    if (this.pieceCount === 0) return;
    this.sentences.paragraph(this.pieces, this.pieceCount, this.section, this.index++);
    this.pieceCount = 0;
  }
}

/** ”’"」』）): a closing quote or bracket, which stays with the full stop before it. */
function closesSentence(c: number): boolean {
  return c === 0x201d || c === 0x2019 || c === 0x22 || c === 0x300d || c === 0x300f || c === 0xff09 || c === 0x29;
}

/** ，,；; by code: where an overlong sentence may be cut. */
function isClauseMark(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b;
}

/** The CJK Unified Ideographs block by code (U+4E00–U+9FFF). */
function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** ０…９ made ASCII, one string each. */
const ASCII_DIGITS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Makes the sentences of paragraphs. The compact text is built from whole runs of the document
 * (sliced between white space and full-width digits), not one character string at a time: on a
 * two-byte string every `text[i]` allocates, and the garbage of millions of them was most of the peak
 * memory. Its state lives in fields and locals, not in closures (whose captured variables every
 * character of the prose read and wrote through a context object).
 */
class SentenceBuilder {
  /** The sentence being built's later runs (NarrativeSentence): scratch, copied at its length per sentence. */
  private readonly breaks: number[] = [];

  constructor(
    private readonly text: string,
    private readonly output: Sentence[],
  ) {}

  /** A sentence ends: its compact text, its first and last offsets, its first `breakCount` breaks. */
  private emit(compact: string, first: number, last: number, breakCount: number, section: SectionId | null, index: number): void {
    this.output.push(sentence(compact, first, last, breakCount === 0 ? NO_BREAKS : this.breaks.slice(0, breakCount), section, index));
  }

  /** The sentences of a paragraph of `count / 2` pieces, each `pieces[2k]` to `pieces[2k + 1]` in the document. */
  paragraph(pieces: readonly number[], count: number, section: SectionId | null, index: number): void {
    const text = this.text;
    const breaks = this.breaks;
    let breakCount = 0;
    /** The compact text so far, without the open run. */
    let compact = '';
    /** Start of the run of document characters copied as they are, or -1. */
    let runStart = -1;
    /** Characters (code units) of the sentence so far; the document offsets of its first and last. */
    let n = 0;
    let first = -1;
    let last = -1;
    for (let p = 0; p < count; p += 2) {
      const end = pieces[p + 1]!;
      for (let i = pieces[p]!; i < end; i++) {
        const code = text.charCodeAt(i);
        if (isIdeograph(code)) {
          // Most of the prose: a run of ideographs, none of them white space, a digit, a full stop or
          // a clause mark — taken at once (their offsets follow one another), up to the longest sentence.
          if (runStart < 0) runStart = i;
          if (n === 0) first = i;
          else if (i !== last + 1) {
            breaks[breakCount++] = n;
            breaks[breakCount++] = i;
          }
          const limit = Math.min(end, i + (MAX_SENTENCE - n));
          let j = i + 1;
          while (j < limit && isIdeograph(text.charCodeAt(j))) j++;
          n += j - i;
          last = j - 1;
          i = j - 1;
          if (n >= MAX_SENTENCE) {
            compact += text.slice(runStart, j);
            runStart = -1;
            this.emit(compact, first, last, breakCount, section, index);
            breakCount = 0;
            compact = '';
            n = 0;
          }
          continue;
        }
        if (isSpaceCode(code)) {
          if (runStart >= 0) {
            compact += text.slice(runStart, i);
            runStart = -1;
          }
          continue;
        }
        if (code >= 0xff10 && code <= 0xff19) {
          if (runStart >= 0) {
            compact += text.slice(runStart, i);
            runStart = -1;
          }
          compact += ASCII_DIGITS[code - 0xff10]!;
        } else if (runStart < 0) runStart = i;
        // Surrogate pairs stay together (two code units, two offsets).
        if (n === 0) first = i;
        else if (i !== last + 1) {
          breaks[breakCount++] = n;
          breaks[breakCount++] = i;
        }
        last = i;
        n++;
        /** Where the sentence ends in the document, when it ends here. */
        let cut = -1;
        // No prose sentence is this long: a run of table text or garbage is cut into pieces, so that no
        // rule ever works on an unbounded sentence.
        if (n >= MAX_SENTENCE || (n >= MAX_SENTENCE / 2 && isClauseMark(code))) cut = i + 1;
        else if (endsSentence(code)) {
          // A closing quote or bracket right after the full stop belongs to the sentence (the next
          // characters of the same piece: no run breaks there).
          let j = i + 1;
          while (j < end && closesSentence(text.charCodeAt(j))) {
            if (runStart < 0) runStart = j;
            last = j;
            n++;
            j++;
          }
          i = j - 1;
          cut = j;
        }
        if (cut >= 0) {
          if (runStart >= 0) {
            compact += text.slice(runStart, cut);
            runStart = -1;
          }
          this.emit(compact, first, last, breakCount, section, index);
          breakCount = 0;
          compact = '';
          n = 0;
        }
      }
      if (runStart >= 0) {
        compact += text.slice(runStart, end);
        runStart = -1;
      }
    }
    if (n > 0) this.emit(compact, first, last, breakCount, section, index);
  }
}

function sentence(compact: string, first: number, last: number, breaks: readonly number[], section: SectionId | null, paragraph: number): Sentence {
  return new NarrativeSentence(compact, first, breaks, { start: first, end: last + 1 }, section, paragraph, scanNumbers(compact));
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
  const paragraphs = new ParagraphBuilder(model.text, sentences);
  for (const region of narrativeRegions(model)) readRegion(model, region, excluded, paragraphs);
  const narrative: Narrative = { sentences };
  cache.set(model, narrative);
  return narrative;
}

/** Sentences of arbitrary spans of the document, one paragraph each (table cells with words). */
export function sentencesOfSpan(model: ReportModel, span: Span, section: SectionId | null): Sentence[] {
  const sentences: Sentence[] = [];
  new SentenceBuilder(model.text, sentences).paragraph([span.start, span.end], 2, section, -1);
  return sentences;
}
