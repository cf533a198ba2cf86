/**
 * Finds the title, the six section headings and the subsections of the narrative sections.
 * Headings are recognised by their text, whatever numeral they carry (`二、`, `2、`, `（二）`, none),
 * so that a wrongly numbered or unnumbered heading is still the section it names.
 */
import { SECTIONS, type SectionSpec } from '../format/schema';
import { acceptsClose, canonical, editDistance, HEADING_MATCHER, type MatchKind, type PhraseMatch } from '../format/match';
import type { Section, Subsection, Title } from '../model';
import { isWhiteSpace, type LineIndex, type Span } from '../text';

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

/** A heading's numeral marker at the start of a line: `二、`, `2、`, `2.`, `（二）`, `(2)`, `第二部分`. */
const MARKER = /^(?:([一二三四五六七八九十]{1,3})\s*[、.．,，]|(\d{1,2}|[０-９]{1,2})\s*[、.．]|[（(]\s*([一二三四五六七八九十\d]{1,3})\s*[）)]|第([一二三四五六七八九十]{1,3})部分\s*[、.．:：]?)\s*/u;
/** Whether a line starting with this code unit can open with MARKER (or SUBSECTION): a numeral, a digit, a parenthesis, 第. */
function mayOpenMarker(c: number): boolean {
  return (NUMERAL_CHARACTERS[c]! & OPENS_MARKER) !== 0;
}

/**
 * Per UTF-16 code unit, what it can be in a heading's numeral: OPENS_MARKER for a numeral, a digit
 * (ASCII or full-width), a parenthesis or 第; GARBLED_MARK for a numeral, a digit or a numbering mark
 * (`、.．,，`). A table, looked up for every short line (a set lookup cost more).
 */
const NUMERAL_CHARACTERS = new Uint8Array(0x10000);
const OPENS_MARKER = 1;
const GARBLED_MARK = 2;
for (const ch of '0123456789０１２３４５６７８９一二三四五六七八九十') NUMERAL_CHARACTERS[ch.charCodeAt(0)] = OPENS_MARKER | GARBLED_MARK;
for (const ch of '（(第') NUMERAL_CHARACTERS[ch.charCodeAt(0)] = OPENS_MARKER;
for (const ch of '、.．,，') NUMERAL_CHARACTERS[ch.charCodeAt(0)] = GARBLED_MARK;

/** Characters a heading line may end with after its title. */
const HEADING_TAIL = /[\s:：。.]+$/u;
/** Residue of word-processor exports, such as `[bookmark: _GoBack]`. */
const ARTIFACT = /^\[bookmark:[^\]]*\]/u;

export interface HeadingMatch {
  readonly spec: SectionSpec;
  readonly numeral: string | null;
  readonly numeralSpan: Span | null;
  readonly titleSpan: Span;
  readonly headingSpan: Span;
  /** How the title matched the format's wording. */
  readonly wording: MatchKind;
}

interface Candidate {
  readonly heading: HeadingMatch;
  readonly match: PhraseMatch<SectionSpec>;
  /** The section order the numeral names (`三、` → 3), or null. */
  readonly numeralOrder: number | null;
  /** Read past a garbled numeral (`五法、`, `一` without `、`): taken only as a close match is. */
  readonly garbled?: boolean;
}

/** Does a line (given from its first non-space character) read as a section heading? */
function matchHeading(text: string, offset: number): Candidate | null {
  const marker = mayOpenMarker(text.charCodeAt(0)) ? MARKER.exec(text) : null;
  const rest = marker ? text.slice(marker[0].length) : text;
  const restOffset = offset + (marker ? marker[0].length : 0);
  const match = HEADING_MATCHER.match(rest);
  if (!match) return null;
  // The title is the whole line, give or take a colon.
  const tail = HEADING_TAIL.exec(rest);
  const titleEnd = tail ? tail.index : rest.length;
  const numeral = marker ? (marker[1] ?? marker[2] ?? marker[3] ?? marker[4] ?? null) : null;
  const numeralText = marker ? marker[0].trimEnd() : null;
  return {
    match,
    numeralOrder: numeral === null || marker?.[3] !== undefined ? null : numeralValue(numeral),
    heading: {
      spec: match.target,
      numeral: numeralText !== null && numeral !== null ? numeralText : null,
      numeralSpan: marker ? { start: offset, end: offset + marker[0].trimEnd().length } : null,
      titleSpan: { start: restOffset, end: restOffset + titleEnd },
      headingSpan: { start: offset, end: restOffset + rest.trimEnd().length },
      wording: match.kind,
    },
  };
}

const isClose = (m: PhraseMatch<SectionSpec>): boolean => m.kind === 'slip' || m.kind === 'reworded';

/** A garbled numeral: up to three characters with a numeral or a numbering mark among them. */
function isGarbledMark(c: number): boolean {
  return (NUMERAL_CHARACTERS[c]! & GARBLED_MARK) !== 0;
}

/** The UTF-16 length of the code point at `at` (2 for a surrogate pair, else 1), as `Array.from` cuts a string. */
function codePointLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff || at + 1 >= text.length) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * A heading whose numeral a slip garbled (`法五、存在…`, `一总体情况`): the title after a short prefix
 * that holds a numeral or a numbering mark. The prefix stands as the (wrong) numeral.
 */
function matchGarbled(text: string, offset: number): Candidate | null {
  // Where the longest prefix ends: the texts after every prefix with a mark are bounded at once first.
  let longest = 0;
  for (let k = 1; k <= 3 && longest < text.length; k++) longest += codePointLength(text, longest);
  let bounded = false;
  // The prefixes of 1 to 3 code points, each followed by at least one more, with a numeral or a mark
  // among them and no white space (which rules out every longer prefix too).
  let prefixEnd = 0;
  let marked = false;
  for (let k = 1; k <= 3 && prefixEnd < text.length; k++) {
    const c = text.charCodeAt(prefixEnd);
    if (isWhiteSpace(c)) return null;
    if (isGarbledMark(c)) marked = true;
    prefixEnd += codePointLength(text, prefixEnd);
    if (prefixEnd >= text.length) break;
    if (!marked) continue;
    if (!bounded) {
      // Most lines with a mark (a number, a numbered label) leave no text that can match.
      if (HEADING_MATCHER.cannotMatchAfter(text, prefixEnd, longest)) return null;
      bounded = true;
    }
    const prefix = text.slice(0, prefixEnd);
    // `trimStart` drops what `\s` matches.
    const trimmed = text.slice(prefixEnd).trimStart();
    const match = HEADING_MATCHER.match(trimmed);
    if (!match) continue;
    const restOffset = offset + text.length - trimmed.length;
    const tail = HEADING_TAIL.exec(trimmed);
    const titleEnd = tail ? tail.index : trimmed.length;
    const digit = /[一二三四五六七八九十]|\d/u.exec(prefix);
    return {
      match,
      garbled: true,
      // A numbering mark without a numeral (`、总体情况`) stands where the numeral was: as if it named the section.
      numeralOrder: digit ? numeralValue(digit[0]) : match.target.order,
      heading: {
        spec: match.target,
        numeral: prefix,
        numeralSpan: { start: offset, end: offset + prefix.length },
        titleSpan: { start: restOffset, end: restOffset + titleEnd },
        headingSpan: { start: offset, end: restOffset + trimmed.trimEnd().length },
        wording: match.kind,
      },
    };
  }
  return null;
}

/** Section headings inside one long line (web text flattened to a line): the numeral is required (`二、`, or `2、` as drafts write it). */
const INLINE_HEADING = new RegExp(
  `([一二三四五六]|(?<![\\d.])[1-6])\\s*[、.．]\\s*(${SECTIONS.flatMap((s) => [s.title, ...s.titleVariants])
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[()（）]/gu, '.'))
    .join('|')})`,
  'gu',
);
/** A section numeral inside a long line, where a heading with a slip may start. */
const INLINE_NUMERAL = /([一二三四五六]|(?<![\d.])[1-6])\s*[、.．]\s*/gu;

export const LONG_LINE = 400;

/**
 * The nearest heading with a slip at `at` in a long line: the text after the numeral compared with
 * each form, over windows of the form's length ±2; only a distance of 1 is taken there.
 */
function inlineSlip(content: string, at: number, specs: readonly SectionSpec[]): { spec: SectionSpec; length: number } | null {
  let best: { spec: SectionSpec; length: number; distance: number } | null = null;
  for (const spec of specs) {
    for (const form of [spec.title, ...spec.titleVariants]) {
      const target = canonical(form);
      for (let length = form.length - 1; length <= form.length + 1; length++) {
        const window = content.slice(at, at + length);
        if (window.length < length) break;
        const d = editDistance(canonical(window), target, 1);
        if (d <= 1 && (best === null || d < best.distance)) best = { spec, length, distance: d };
      }
    }
  }
  return best;
}

function inlineHeadings(text: string, start: number, end: number, found: Candidate[]): void {
  const content = text.slice(start, end);
  const exact: Candidate[] = [];
  for (const m of content.matchAll(INLINE_HEADING)) {
    const at = start + m.index;
    const spec = SECTIONS.find((s) => s.title === m[2] || s.titleVariants.includes(m[2]!));
    if (!spec) continue;
    const numeralEnd = at + m[0].length - m[2]!.length;
    exact.push({
      match: { target: spec, kind: spec.title === m[2] ? 'exact' : 'variant', distance: 0, formLength: m[2]!.length },
      numeralOrder: numeralValue(m[1]!),
      heading: {
        spec,
        numeral: text.slice(at, numeralEnd).trim(),
        numeralSpan: { start: at, end: at + text.slice(at, numeralEnd).trimEnd().length },
        titleSpan: { start: numeralEnd, end: at + m[0].length },
        headingSpan: { start: at, end: at + m[0].length },
        wording: spec.title === m[2] ? 'exact' : 'variant',
      },
    });
  }
  // Sections not found by their words: a numeral naming them, where they belong, then a slip.
  const missing = SECTIONS.filter((s) => !exact.some((c) => c.heading.spec === s) && !found.some((c) => c.heading.spec === s));
  const slips: Candidate[] = [];
  if (missing.length > 0) {
    for (const m of content.matchAll(INLINE_NUMERAL)) {
      const order = numeralValue(m[1]!);
      const specs = missing.filter((s) => s.order === order);
      if (specs.length === 0) continue;
      const at = start + m.index;
      const titleStart = m.index + m[0].length;
      if (exact.some((c) => c.heading.headingSpan.start <= at && at < c.heading.headingSpan.end)) continue;
      const previous = [...found, ...exact].filter((c) => c.heading.headingSpan.start < at).reduce((o, c) => Math.max(o, c.heading.spec.order), 0);
      const next = exact.filter((c) => c.heading.headingSpan.start > at).reduce((o, c) => Math.min(o, c.heading.spec.order), 7);
      if (!(previous < order! && order! < next)) continue;
      const slip = inlineSlip(content, titleStart, specs);
      if (!slip) continue;
      const numeralEnd = start + titleStart;
      slips.push({
        match: { target: slip.spec, kind: 'slip', distance: 1, formLength: slip.length },
        numeralOrder: order,
        heading: {
          spec: slip.spec,
          numeral: content.slice(m.index, titleStart).trim(),
          numeralSpan: { start: at, end: at + content.slice(m.index, titleStart).trimEnd().length },
          titleSpan: { start: numeralEnd, end: numeralEnd + slip.length },
          headingSpan: { start: at, end: numeralEnd + slip.length },
          wording: 'slip',
        },
      });
      missing.splice(missing.indexOf(slip.spec), 1);
    }
  }
  found.push(...[...exact, ...slips].sort((a, b) => a.heading.headingSpan.start - b.heading.headingSpan.start));
}

export function findSectionHeadings(lines: LineIndex): HeadingMatch[] {
  const text = lines.text;
  const candidates: Candidate[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    if (end - start > LONG_LINE) {
      inlineHeadings(text, start, end, candidates);
      continue;
    }
    let first = start;
    while (first < end && isWhiteSpace(text.charCodeAt(first))) first++;
    if (first === end) continue;
    // Only a line over the length starting with `[` can be short enough once its artifact is cut.
    if (end - first > 40 && text.charCodeAt(first) !== 0x5b /* [ */) continue;
    let content = text.slice(first, end);
    const artifact = text.charCodeAt(first) === 0x5b /* [ */ ? ARTIFACT.exec(content) : null;
    if (artifact) {
      first += artifact[0].length;
      content = content.slice(artifact[0].length);
    }
    if (content.length > 40) continue;
    // A numeral cut off leaves less: a line shorter than every form (most cells of a table) is no heading.
    if (content.length < HEADING_MATCHER.minLength) continue;
    const direct = matchHeading(content, first);
    const garbled = direct === null || isClose(direct.match) ? matchGarbled(content, first) : null;
    const candidate = garbled && !isClose(garbled.match) ? garbled : (direct ?? garbled);
    if (candidate) candidates.push(candidate);
  }
  return acceptHeadings(candidates);
}

/**
 * Headings matched by their words (the format's, a variant's, other connectors) are taken; a close
 * match (a slip, an own second half) only where its numeral or its position between the headings
 * taken names its section, and only for a section not found otherwise.
 */
function acceptHeadings(candidates: readonly Candidate[]): HeadingMatch[] {
  const sure = candidates.filter((c) => !c.garbled && c.match.kind !== 'slip' && c.match.kind !== 'reworded');
  const taken = new Set(sure);
  const found = new Set(sure.map((c) => c.heading.spec.id));
  for (const c of candidates) {
    if (taken.has(c) || found.has(c.heading.spec.id)) continue;
    const at = c.heading.headingSpan.start;
    const before = [...taken].filter((t) => t.heading.headingSpan.start < at);
    const after = [...taken].filter((t) => t.heading.headingSpan.start > at);
    const previous = before.length > 0 ? before.reduce((a, b) => (a.heading.headingSpan.start > b.heading.headingSpan.start ? a : b)).heading.spec.order : 0;
    const next = after.length > 0 ? after.reduce((a, b) => (a.heading.headingSpan.start < b.heading.headingSpan.start ? a : b)).heading.spec.order : 7;
    if (!acceptsClose(c.garbled ? { ...c.match, kind: 'slip' } : c.match, c.numeralOrder, previous, next)) continue;
    taken.add(c);
    found.add(c.heading.spec.id);
  }
  return candidates.filter((c) => taken.has(c)).map((c) => c.heading);
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
    while (first < end && isWhiteSpace(text.charCodeAt(first))) first++;
    // Only a line opening with a marker's first character (or an artifact before it) is cut out and read.
    const opening = text.charCodeAt(first);
    if (first >= end || (opening !== 0x5b /* [ */ && !mayOpenMarker(opening))) continue;
    let content = text.slice(first, end);
    const artifact = opening === 0x5b ? ARTIFACT.exec(content) : null;
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
  // The properties written out, in the order a spread gives them (a spread copies slowly).
  return kept.map((r, i) => ({
    marker: r.marker, number: r.number, style: r.style, title: r.title, markerSpan: r.markerSpan, headingSpan: r.headingSpan,
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
      wording: h.wording,
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
