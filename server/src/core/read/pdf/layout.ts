/**
 * A PDF's text items, as positioned on their pages, written as the report's text: one line per
 * baseline, items left to right, a column gap written as spaces that keep the columns aligned (the
 * layout `pdftotext -layout` gives, which the table parser reads as `aligned`), page headers,
 * footers and page numbers left out, and the pages written one after another so that a table broken
 * across a page break reads as one. Pure: it knows nothing of pdfjs (read/pdf.ts gives it the items).
 */
import { TextBuilder, type OriginMap } from '../origin';

/** One run of text on a page, in PDF user space (origin bottom left, y up). */
export interface TextItem {
  readonly text: string;
  /** The left end of its baseline. */
  readonly x: number;
  readonly y: number;
  /** Its advance width and its font size. */
  readonly width: number;
  readonly size: number;
}

export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly TextItem[];
}

/** A line on a page: items sharing a baseline, left to right. */
interface Line {
  readonly y: number;
  readonly size: number;
  readonly items: TextItem[];
  readonly text: string;
}

/** The share of the page's height at its top and at its bottom where running headers, footers and page numbers stand. */
const MARGIN_BAND = 0.1;

/** A page number as printed: `- 2 -`, `—2—`, `2`, `第2页`, `第 2 页 共 5 页`, `2/5`, `Page 2`. */
const PAGE_NUMBER = /^[\s\-—–－_·]*(?:第\s*\d+\s*页(?:\s*[，,/／]?\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*[/／]\s*\d{1,4})?|[Pp]age\s*\d+(?:\s*of\s*\d+)?)[\s\-—–－_·]*$/u;

/** Whether an item's text is full width (CJK and full-width punctuation: two columns of the layout). */
function columnsOf(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

const ASCII_WORD = /[A-Za-z0-9]/u;

/** Groups a page's items into lines by baseline, top to bottom. */
function linesOf(items: readonly TextItem[]): Line[] {
  const sorted = items.filter((i) => i.text.trim() !== '').slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last.y - item.y) <= 0.3 * Math.min(last.size, item.size)) {
      last.items.push(item);
      last.size = Math.max(last.size, item.size);
    } else groups.push({ y: item.y, size: item.size, items: [item] });
  }
  return groups.map((g) => {
    const lineItems = g.items.sort((a, b) => a.x - b.x);
    return { y: g.y, size: g.size, items: lineItems, text: lineItems.map((i) => i.text).join('').replace(/\s+/gu, ' ').trim() };
  });
}

/** Lines in a page's top or bottom band. */
function inMargin(line: Line, page: PdfPage): boolean {
  return line.y > page.height * (1 - MARGIN_BAND) || line.y < page.height * MARGIN_BAND;
}

/** The texts of margin lines repeated on at least three pages and half of them (running headers and footers). */
function runningTexts(pages: readonly { page: PdfPage; lines: Line[] }[]): Set<string> {
  const count = new Map<string, number>();
  for (const { page, lines } of pages) {
    const seen = new Set<string>();
    for (const line of lines) if (inMargin(line, page)) seen.add(line.text.replace(/\d+/gu, '#'));
    for (const text of seen) count.set(text, (count.get(text) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  return new Set([...count].filter(([, n]) => n >= threshold).map(([text]) => text));
}

export interface PdfLayout {
  readonly text: string;
  readonly origin: OriginMap;
  /** Characters of text read (not counting what the layout wrote); 0 for a scanned document. */
  readonly characters: number;
}

/** The report's text from a PDF's pages: lines by baseline, columns aligned, margins dropped. */
export function layoutPages(pages: readonly PdfPage[]): PdfLayout {
  const builder = new TextBuilder();
  const withLines = pages.map((page) => ({ page, lines: linesOf(page.items) }));
  const running = runningTexts(withLines);
  let characters = 0;
  for (const { page, lines } of withLines) {
    const place = { page: page.number };
    // One column of the layout: half the page's most common font size (an ASCII digit's width).
    const sizes = page.items.map((i) => i.size).sort((a, b) => a - b);
    const column = Math.max(1, (sizes[sizes.length >> 1] ?? 10) / 2);
    // A loop, not Math.min(...): a page can hold more items than a call takes arguments.
    let left = Infinity;
    for (const item of page.items) if (item.x < left) left = item.x;
    for (const line of lines) {
      if (inMargin(line, page) && (PAGE_NUMBER.test(line.text) || running.has(line.text.replace(/\d+/gu, '#')))) continue;
      let at = 0; // columns written on this line
      let previous: { item: TextItem; text: string; spaceAfter: boolean } | null = null;
      for (const item of line.items) {
        const text = item.text.trim().replace(/\s+/gu, ' ');
        if (text === '') continue;
        if (previous) {
          const gap = item.x - (previous.item.x + previous.item.width);
          const unit = Math.min(previous.item.size, item.size);
          const before = previous.text[previous.text.length - 1] ?? '';
          const spaced = previous.spaceAfter || /^\s/u.test(item.text);
          if (gap >= 1.2 * unit) {
            // A column gap: at least two spaces, and as many as keep the item under its column.
            const spaces = Math.max(2, Math.round((item.x - left) / column) - at);
            builder.write(' '.repeat(spaces));
            at += spaces;
          } else if (spaced || gap > 0.15 * unit || (gap > 0.05 * unit && ASCII_WORD.test(before) && ASCII_WORD.test(text[0] ?? ''))) {
            builder.write(' ');
            at += 1;
          }
        }
        builder.take(text, { sourceStart: -1, sourceEnd: -1, verbatim: false, place });
        characters += text.replace(/\s+/gu, '').length;
        at += columnsOf(text);
        previous = { item, text, spaceAfter: /\s$/u.test(item.text) };
      }
      if (previous) builder.write('\n');
    }
  }
  const { text, origin } = builder.finish();
  return { text, origin, characters };
}
