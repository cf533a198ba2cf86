/**
 * Where the report text came from. A reader of a published original (HTML, DOCX, PDF) writes the
 * report as text for the parser, piece by piece; each piece remembers the place in the original it
 * was taken from. Spans of the model are offsets into that text; an `OriginMap` turns them into
 * offsets of the original's source (HTML) or into a place users can find (page, table, row, column).
 */
import type { Span } from '../text';

/** A place in an original that has no text offsets of its own (a DOCX table cell, a PDF page). */
export interface Place {
  /** 1-based page (PDF). */
  readonly page?: number;
  /** 1-based table in document order (DOCX, PDF, HTML). */
  readonly table?: number;
  /** 1-based row and column of the table's grid, merged cells resolved. */
  readonly row?: number;
  readonly column?: number;
  /** 1-based paragraph in document order (DOCX). */
  readonly paragraph?: number;
}

/** One piece of the report text and where it came from. */
export interface Segment {
  /** The piece of the report text: [textStart, textEnd). */
  readonly textStart: number;
  readonly textEnd: number;
  /** The span of the original's source it was read from (HTML: offsets into the page's text); -1 when the original has no source text (DOCX, PDF). */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** The piece equals its source slice character for character (no entity decoded, no space collapsed): offsets map one to one. */
  readonly verbatim: boolean;
  readonly place?: Place;
}

/**
 * The map from report-text offsets to the original. Segments are sorted by `textStart` and do not
 * overlap; text between segments (separators the reader wrote) belongs to no segment.
 */
export class OriginMap {
  private readonly starts: Int32Array;

  constructor(readonly segments: readonly Segment[]) {
    this.starts = Int32Array.from(segments, (s) => s.textStart);
  }

  /** The segment holding a text offset (an offset at a segment's end counts as inside it), or null. */
  segmentAt(offset: number): Segment | null {
    const i = this.indexAtOrBefore(offset);
    if (i < 0) return null;
    const segment = this.segments[i]!;
    return offset <= segment.textEnd ? segment : null;
  }

  /**
   * A source offset for a text offset. Inside a verbatim segment, one to one; inside another, its
   * start or end (by `bias`); between segments, the end of the segment before (bias 'start') or the
   * start of the one after (bias 'end'). -1 when the original has no source text.
   */
  sourceOffset(offset: number, bias: 'start' | 'end'): number {
    const i = this.indexAtOrBefore(offset);
    const segment = i >= 0 ? this.segments[i]! : null;
    if (segment && offset <= segment.textEnd) {
      if (segment.sourceStart < 0) return -1;
      if (segment.verbatim) return segment.sourceStart + (offset - segment.textStart);
      if (offset === segment.textStart) return segment.sourceStart;
      if (offset === segment.textEnd) return segment.sourceEnd;
      return bias === 'start' ? segment.sourceStart : segment.sourceEnd;
    }
    if (bias === 'end' || !segment) {
      const after = this.segments[i + 1];
      if (after) return after.sourceStart;
    }
    return segment ? segment.sourceEnd : 0;
  }

  /** A text span as a span of the source (see `sourceOffset`); null when the original has no source text. */
  sourceSpan(span: Span): Span | null {
    const start = this.sourceOffset(span.start, span.start === span.end ? 'start' : 'end');
    const end = span.start === span.end ? start : this.sourceOffset(span.end, 'start');
    if (start < 0 || end < 0) return null;
    return { start, end: Math.max(start, end) };
  }

  /**
   * The source span an edit of this text span may replace: only when the span lies inside one
   * verbatim segment (an edit anywhere else could not be written into the original faithfully).
   */
  editableSpan(span: Span): Span | null {
    const segment = this.segmentAt(span.start);
    if (!segment || !segment.verbatim || segment.sourceStart < 0 || span.end > segment.textEnd) return null;
    return { start: segment.sourceStart + (span.start - segment.textStart), end: segment.sourceStart + (span.end - segment.textStart) };
  }

  /** The place in the original of a text offset (the segment's, else the nearest segment's before it). */
  placeOf(offset: number): Place | null {
    const i = this.indexAtOrBefore(offset);
    return i >= 0 ? (this.segments[i]!.place ?? null) : null;
  }

  private indexAtOrBefore(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}

/**
 * Builds the report text and its segments in one go: a reader appends the pieces it takes from the
 * original (`take`) and the separators it writes itself (`write`).
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly segments: Segment[] = [];

  /** Text the reader writes itself (line breaks, ` | ` between cells): no place in the original. */
  write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  /** A piece taken from the original. */
  take(text: string, origin: { sourceStart: number; sourceEnd: number; verbatim: boolean; place?: Place }): void {
    if (text === '') return;
    const segment: Segment = { textStart: this.length, textEnd: this.length + text.length, ...origin };
    this.segments.push(segment);
    this.write(text);
  }

  /** The last character written, or '' at the start. */
  lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last ? last[last.length - 1]! : '';
  }

  get offset(): number {
    return this.length;
  }

  finish(): { text: string; origin: OriginMap } {
    return { text: this.parts.join(''), origin: new OriginMap(this.segments) };
  }
}
