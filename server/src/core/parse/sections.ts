/**
 * Finds the title, the six section headings and the subsections of the narrative sections.
 * Headings are recognised by their text, whatever numeral they carry (`二、`, `2、`, `（二）`, none),
 * so that a wrongly numbered or unnumbered heading is still the section it names.
 */
import { SECTIONS, type SectionSpec } from '../format/schema';
import { normalizeLabel } from '../format/normalize';
import type { Section, Subsection, Title } from '../model';
import type { LineIndex, Span } from '../text';

const CN_DIGITS = '零一二三四五六七八九十';

/** `三` → 3, `十二` → 12, `12` → 12; null when not a numeral. */
export function numeralValue(numeral: string): number | null {
  if (/^\d+$/u.test(numeral)) return Number(numeral);
  if (/^[０-９]+$/u.test(numeral)) return Number(numeral.replace(/./gu, (c) => String(c.charCodeAt(0) - 0xff10)));
  if (!/^[零一二三四五六七八九十]+$/u.test(numeral)) return null;
  if (numeral === '十') return 10;
  const ten = numeral.indexOf('十');
  if (ten < 0) return numeral.length === 1 ? CN_DIGITS.indexOf(numeral) : null;
  const tens = ten === 0 ? 1 : CN_DIGITS.indexOf(numeral[0]!);
  const ones = ten === numeral.length - 1 ? 0 : CN_DIGITS.indexOf(numeral[ten + 1]!);
  return tens * 10 + ones;
}

interface TitleMatcher {
  readonly spec: SectionSpec;
  readonly forms: readonly string[];
}

const MATCHERS: readonly TitleMatcher[] = SECTIONS.map((spec) => ({
  spec,
  forms: [spec.title, ...spec.titleVariants].map(normalizeLabel).sort((a, b) => b.length - a.length),
}));

/** A heading's numeral marker at the start of a line: `二、`, `2、`, `2.`, `（二）`, `(2)`, `第二部分`. */
const MARKER = /^(?:([一二三四五六七八九十]{1,3})\s*[、.．,，]|(\d{1,2}|[０-９]{1,2})\s*[、.．]|[（(]\s*([一二三四五六七八九十\d]{1,3})\s*[）)]|第([一二三四五六七八九十]{1,3})部分\s*[、.．:：]?)\s*/u;
/** Characters a heading line may end with after its title. */
const HEADING_TAIL = /^[\s:：。.]*$/u;
/** Residue of word-processor exports, such as `[bookmark: _GoBack]`. */
const ARTIFACT = /^\[bookmark:[^\]]*\]/u;

interface HeadingMatch {
  readonly spec: SectionSpec;
  readonly numeral: string | null;
  readonly numeralSpan: Span | null;
  readonly titleSpan: Span;
  readonly headingSpan: Span;
}

/** Does a line (given from its first non-space character) read as a section heading? */
function matchHeading(text: string, offset: number): HeadingMatch | null {
  const marker = MARKER.exec(text);
  const rest = marker ? text.slice(marker[0].length) : text;
  const restOffset = offset + (marker ? marker[0].length : 0);
  const normalized = normalizeLabel(rest);
  for (const matcher of MATCHERS) {
    for (const form of matcher.forms) {
      if (!normalized.startsWith(form)) continue;
      // The title must be the whole line, give or take a colon.
      const tailStart = indexAfterNormalized(rest, form.length);
      if (!HEADING_TAIL.test(rest.slice(tailStart))) continue;
      const numeral = marker ? (marker[1] ?? marker[2] ?? marker[3] ?? marker[4] ?? null) : null;
      const numeralText = marker ? marker[0].trimEnd() : null;
      return {
        spec: matcher.spec,
        numeral: numeralText !== null && numeral !== null ? numeralText : null,
        numeralSpan: marker ? { start: offset, end: offset + marker[0].trimEnd().length } : null,
        titleSpan: { start: restOffset, end: restOffset + tailStart },
        headingSpan: { start: offset, end: restOffset + rest.trimEnd().length },
      };
    }
  }
  return null;
}

/** The index in `raw` just past its first `count` normalised (non-space) characters. */
function indexAfterNormalized(raw: string, count: number): number {
  let seen = 0;
  let i = 0;
  while (i < raw.length && seen < count) {
    if (!/[\s\u3000\ufeff]/u.test(raw[i]!)) seen++;
    i++;
  }
  return i;
}

/** Section headings inside one long line (web text flattened to a line): the numeral is required (`二、`, or `2、` as drafts write it). */
const INLINE_HEADING = new RegExp(
  `([一二三四五六]|(?<![\\d.])[1-6])\\s*[、.．]\\s*(${SECTIONS.flatMap((s) => [s.title, ...s.titleVariants])
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[()（）]/gu, '.'))
    .join('|')})`,
  'gu',
);

export const LONG_LINE = 400;

export function findSectionHeadings(lines: LineIndex): HeadingMatch[] {
  const text = lines.text;
  const found: HeadingMatch[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    if (end - start > LONG_LINE) {
      const content = text.slice(start, end);
      for (const m of content.matchAll(INLINE_HEADING)) {
        const at = start + m.index;
        const spec = SECTIONS.find((s) => s.title === m[2] || s.titleVariants.includes(m[2]!));
        if (!spec) continue;
        const numeralEnd = at + m[0].length - m[2]!.length;
        found.push({
          spec,
          numeral: text.slice(at, numeralEnd).trim(),
          numeralSpan: { start: at, end: at + text.slice(at, numeralEnd).trimEnd().length },
          titleSpan: { start: numeralEnd, end: at + m[0].length },
          headingSpan: { start: at, end: at + m[0].length },
        });
      }
      continue;
    }
    let first = start;
    while (first < end && /[\s\u3000\ufeff]/u.test(text[first]!)) first++;
    if (first === end) continue;
    let content = text.slice(first, end);
    const artifact = ARTIFACT.exec(content);
    if (artifact) {
      first += artifact[0].length;
      content = content.slice(artifact[0].length);
    }
    if (content.length > 40) continue;
    const match = matchHeading(content, first);
    if (match) found.push(match);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

const SUBSECTION = /^(?:[（(]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)]|([一二三四五六七八九十]{1,3})\s*[、.．]|(\d{1,2})\s*[、.．](?!\d))/u;

/** Subsection headings inside a narrative section: lines that start with `（一）`, `（1）`, `1、`… */
export function findSubsections(lines: LineIndex, sectionSpan: Span, headingEnd: number): Subsection[] {
  const text = lines.text;
  const result: { marker: string; markerSpan: Span; number: number; style: Subsection['style']; title: string; headingSpan: Span }[] = [];
  const firstLine = lines.lineAt(headingEnd) + 1;
  const lastLine = lines.lineAt(Math.max(sectionSpan.start, sectionSpan.end - 1));
  for (let line = firstLine; line <= lastLine; line++) {
    const start = lines.lineStart(line);
    const end = Math.min(lines.lineEnd(line), sectionSpan.end);
    let first = start;
    while (first < end && /[\s\u3000\ufeff]/u.test(text[first]!)) first++;
    let content = text.slice(first, end);
    const artifact = ARTIFACT.exec(content);
    if (artifact) {
      first += artifact[0].length;
      content = content.slice(artifact[0].length);
    }
    const m = SUBSECTION.exec(content);
    if (!m) continue;
    const paren = m[1];
    const numeral = paren ?? m[2] ?? m[3]!;
    const number = numeralValue(numeral);
    if (number === null) continue;
    const isArabic = /^\d+$/u.test(numeral);
    // Only the parenthesised forms are taken as subsections; `一、` and `1、` are so only when the
    // section has no parenthesised markers (decided below).
    const style: Subsection['style'] = paren !== undefined ? (isArabic ? 'arabic-paren' : 'chinese-paren') : isArabic ? 'arabic-dot' : 'chinese-dot';
    const marker = m[0].trimEnd();
    const afterMarker = content.slice(m[0].length);
    const sentenceEnd = afterMarker.search(/[。；;！？]/u);
    const title = (sentenceEnd >= 0 ? afterMarker.slice(0, sentenceEnd) : afterMarker).trim().slice(0, 40);
    result.push({
      marker, number, style, title,
      markerSpan: { start: first, end: first + marker.length },
      headingSpan: { start: first, end },
    });
  }
  const hasParen = result.some((r) => r.style === 'chinese-paren' || r.style === 'arabic-paren');
  const kept = hasParen ? result.filter((r) => r.style === 'chinese-paren' || r.style === 'arabic-paren') : result.filter((r) => r.style === 'chinese-dot');
  return kept.map((r, i) => ({
    ...r,
    span: { start: r.headingSpan.start, end: i + 1 < kept.length ? kept[i + 1]!.headingSpan.start : sectionSpan.end },
  }));
}

export function buildSections(lines: LineIndex, headings: readonly HeadingMatch[]): Section[] {
  const text = lines.text;
  return headings.map((h, i) => {
    const end = i + 1 < headings.length ? headings[i + 1]!.headingSpan.start : text.length;
    const span = { start: h.headingSpan.start, end };
    const narrative = !h.spec.table;
    return {
      spec: h.spec,
      numeral: h.numeral,
      numeralSpan: h.numeralSpan,
      title: text.slice(h.titleSpan.start, h.titleSpan.end),
      titleSpan: h.titleSpan,
      headingSpan: h.headingSpan,
      span,
      subsections: narrative ? findSubsections(lines, span, h.headingSpan.end) : [],
    };
  });
}

// ---------------------------------------------------------------------------------------------

const TITLE_END = /年度报告|年报/u;
const YEAR = /((?:19|20)\d{2}|[１２][０-９]{3})\s*年/u;

/** A saved web page's breadcrumb: `当前位置：首页 > 政务公开 > …`, `首页 > 政务公开 > 年度报告`. */
const NAV_MARKER = /^(?:(?:当前|您的|你的|您现在的|你现在的|现在的|所在)位置\s*[:：]\s*|(?=(?:网站)?首页\s*[>＞»›→]))/u;
const NAV_TRAIL = /^[^\s<>＞»›→]{1,30}(?:\s*[>＞»›→]\s*[^\s<>＞»›→]{1,30})*\s*[>＞»›→]?/u;
/** A breadcrumb without a marker: three or more segments, a bare `>` spaced on both sides (not markup's `<b>`). */
const NAV_LINE = /^(?:[^\s<>＞»›→]{1,20}(?:\s+>\s+|\s*[＞»›→]\s*)){2,}[^\s<>＞»›→]{0,40}$/u;

/** Where a breadcrumb at the start of a line ends (0: none). */
export function navigationEnd(line: string): number {
  if (NAV_LINE.test(line.trim())) return line.length;
  const marker = NAV_MARKER.exec(line);
  if (!marker) return 0;
  const trail = NAV_TRAIL.exec(line.slice(marker[0].length));
  return marker[0].length + (trail ? trail[0].length : 0);
}

/**
 * The title: the first non-blank lines before section 一 (or the preamble), up to `…年度报告`. A
 * breadcrumb of a saved web page before it (`首页 > 政务公开 > 政府信息公开年报`) is no part of it.
 */
export function findTitle(lines: LineIndex, limit: number): Title | null {
  const text = lines.text;
  const parts: { start: number; end: number }[] = [];
  for (let line = 0; line < lines.lineCount && parts.length < 5; line++) {
    const start = lines.lineStart(line);
    if (start >= limit) break;
    const lineEnd = Math.min(lines.lineEnd(line), limit);
    const nav = parts.length === 0 ? navigationEnd(text.slice(start, lineEnd)) : 0;
    if (nav >= lineEnd - start) continue;
    const from = start + nav;
    const raw = text.slice(from, lineEnd);
    const trimmed = raw.trim();
    if (trimmed === '' || /^[\u3000\s]*$/u.test(raw)) {
      if (parts.length > 0 && parts.length >= 1 && TITLE_END.test(partsText(text, parts))) break;
      continue;
    }
    if (/^(依据|根据|本报告)/u.test(trimmed)) break;
    const first = from + raw.indexOf(trimmed[0]!);
    const titleEnd = TITLE_END.exec(raw);
    if (titleEnd && trimmed.length > 60) {
      // The title runs on into the text (web text flattened to one line): it ends at 年度报告.
      parts.push({ start: first, end: from + titleEnd.index + titleEnd[0].length });
      break;
    }
    if (trimmed.length > 60) break;
    parts.push({ start: first, end: first + trimmed.length });
    if (titleEnd) break;
  }
  if (parts.length === 0) return null;
  const joined = partsText(text, parts);
  if (!/政府信息公开|年度报告/u.test(joined)) return null;
  const span = { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
  let year: number | null = null;
  let yearSpan: Span | null = null;
  let body: string | null = null;
  for (const part of parts) {
    const m = YEAR.exec(text.slice(part.start, part.end));
    if (m) {
      year = Number(m[1]!.replace(/[０-９]/gu, (c) => String(c.charCodeAt(0) - 0xff10)));
      yearSpan = { start: part.start + m.index, end: part.start + m.index + m[1]!.length };
      body = text.slice(span.start, yearSpan.start).replace(/\s+/gu, '').trim() || null;
      break;
    }
  }
  return { text: joined, span, body, year, yearSpan };
}

function partsText(text: string, parts: readonly { start: number; end: number }[]): string {
  return parts.map((p) => text.slice(p.start, p.end).trim()).join('');
}

const PERIOD_YEAR = /统计期限[^。\n]{0,6}?自?\s*((?:19|20)\d{2})\s*年/u;

/** The statistics-period year (`统计期限自2023年1月1日…`), the fallback for the report year. */
export function findPeriodYear(text: string): number | null {
  const m = PERIOD_YEAR.exec(text.slice(0, 20000));
  return m ? Number(m[1]) : null;
}
