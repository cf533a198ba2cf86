/**
 * Text positions. The core works with UTF-16 offsets into the document string (JavaScript's own
 * string indices), and converts to line/character positions — also UTF-16, as LSP requires — only
 * at its edges.
 */

/** A half-open range of UTF-16 offsets: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Zero-based line and UTF-16 character, structurally identical to LSP's Position. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** Structurally identical to LSP's Range. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** The line starts being found (entry 0 is always 0), reused from one LineIndex to the next. */
let scratchStarts = new Uint32Array(1024);
/** The largest scratch kept between texts: 64K lines, 256 KB. */
const SCRATCH_KEPT = 1 << 16;

/** Line starts of a text; `\n`, `\r\n` and a lone `\r` each end a line, as in LSP. */
export class LineIndex {
  /** Each line's start offset (a typed array: a text of millions of short lines is millions of entries). */
  private readonly starts: Uint32Array;
  private readonly count: number;
  /** Every line break is a single `\n` (no `\r` in the text): a line ends one before the next one starts. */
  private readonly newlinesOnly: boolean;

  constructor(readonly text: string) {
    // Without a \r (nearly every text), the line breaks are the \n's, found by the native indexOf:
    // counted once to size the array, then recorded.
    if (text.indexOf('\r') < 0) {
      // One pass into a scratch array shared by every index (doubled when too small), then one copy of
      // the right length: one allocation per text instead of a guess and its regrowths.
      let starts = scratchStarts;
      let count = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (count === starts.length) {
          const larger = new Uint32Array(starts.length * 2);
          larger.set(starts);
          starts = larger;
        }
        starts[count++] = i + 1;
      }
      // A very long text's scratch is not kept (its memory would outlive it).
      if (starts.length <= SCRATCH_KEPT) scratchStarts = starts;
      this.starts = starts.slice(0, count);
      this.count = count;
      this.newlinesOnly = true;
      return;
    }
    const length = text.length;
    // At most one line per line-break character (a CRLF counts twice here, once below).
    let bound = 1;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) bound++;
    }
    const starts = new Uint32Array(bound);
    let count = 1;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        starts[count++] = i + 1;
      } else if (c === 13 /* \r */) {
        if (i + 1 < length && text.charCodeAt(i + 1) === 10) i++;
        starts[count++] = i + 1;
      }
    }
    this.starts = starts;
    this.count = count;
    this.newlinesOnly = false;
  }

  get lineCount(): number {
    return this.count;
  }

  /** Offset of the first character of a line (clamped to the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.count) return this.text.length;
    return this.starts[line]!;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.count - 1) return this.text.length;
    if (this.newlinesOnly && line >= 0) return this.starts[line + 1]! - 1;
    let end = this.starts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The zero-based line that contains an offset. */
  lineAt(offset: number): number {
    const starts = this.starts;
    if (offset <= 0) return 0;
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    // An offset between \r and \n belongs to the end of the line's content.
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStart(line);
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.count) return this.text.length;
    const start = this.lineStart(position.line);
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  rangeOf(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }
}

/**
 * Whether a UTF-16 code unit is white space as the regular expression `\s` (and `String.trim`) take
 * it: the ECMAScript WhiteSpace and LineTerminator characters, U+3000 and the BOM U+FEFF among them.
 * For per-character scans, where a regular expression test a character costs a call and a string.
 */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
