/**
 * A report against its body's report of the year before (text.carry-over): this year's
 * 二、上年结转 must equal last year's 四、结转下年度继续办理, column by column; last year's 现行有效
 * + this year's 制发 − 废止 should give this year's 现行有效 (information: amendments and expiry can
 * break it); and a report whose sentences are mostly last year's word for word is flagged.
 *
 * Pure: the callers (the CLI with the files passed together, the language server with the open and
 * workspace documents) find the pairs with `pairWithPrevious` and name the previous document's URI.
 *
 * The comparison needs little of a report: its title's body and year, a dozen cells, its sentences.
 * That is its `CrossYearDigest` — plain data, so the CLI can keep it (or write it to disk) instead of
 * the whole analysis, and compare a report with one read long before or after it.
 */
import type { Analysis } from './analysis';
import { compareFindings, type Finding, type RelatedLocation } from './findings';
import type { Place } from './read/origin';
import type { Range, Span } from './text';
import { TABLES } from './format/schema';
import type { MessageCatalog } from './messages/catalog';
import { zhCN } from './messages/zh-cn';
import { trustedCell, type ReportModel } from './model';
import { narrativeOf } from './narrative/flow';
import { cellLabel } from './rules/identities';

/** The code of every finding this module reports. */
export const CARRY_OVER = 'text.carry-over';

export interface PreviousOptions {
  readonly messages?: MessageCatalog;
  /** The previous report's URI, for related locations that point into it. */
  readonly previousDocument?: string;
}

/** Sentences shorter than this (headings, `（一）主动公开情况。`) are not compared. */
const MIN_SENTENCE = 12;
/** More than this share of a report's sentences found word for word in last year's: copied. */
const COPIED_SHARE = 0.5;
const MIN_SENTENCES = 5;

/** The body's name, compared: no white space, no leading 中共. */
export function normalizeBody(body: string): string {
  return body.replace(/[\s\u3000]+/gu, '').replace(/^中共/u, '');
}

/** The shortest body name `sameBody` takes as an ending of a longer one. */
const MIN_BODY_ENDING = 5;

/**
 * Whether two title bodies name the same body: equal, or one is the other with its region in front
 * (`洪泽区人民政府` and `淮安市洪泽区人民政府`).
 */
export function sameBody(a: string, b: string): boolean {
  return sameNormalizedBody(normalizeBody(a), normalizeBody(b));
}

/** `sameBody` of two names already normalized. */
function sameNormalizedBody(x: string, y: string): boolean {
  if (x === y) return x !== '';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (short.length < MIN_BODY_ENDING || !long.endsWith(short)) return false;
  return /[省市区县州盟旗镇乡]$/u.test(long.slice(0, long.length - short.length));
}

function yearOf(model: ReportModel): number | null {
  return model.title?.year ?? model.year;
}

/** What pairs a report with its body's of the year before: its title's body and its year (null: unknown). */
export interface ReportTitle {
  readonly body: string | null;
  readonly year: number | null;
}

/** A report model's `ReportTitle`. */
export function titleOf(model: ReportModel): ReportTitle {
  return { body: model.title?.body || null, year: yearOf(model) };
}

/**
 * Where a span of the report text is shown: its range in the document the diagnostics address (the
 * text itself, or the source of an original), and its place in an original (a table's cell, a page).
 * A `LineIndex` is one (ranges in the text, no places).
 */
export interface SpanLocator {
  rangeOf(span: Span): Range;
  placeOf?(span: Span): Place | undefined;
}

/** A span of the report and where it is shown (`SpanLocator`), computed while the report's lines were at hand. */
export interface LocatedSpan {
  readonly span: Span;
  readonly range: Range;
  readonly place?: Place;
}

/** A cell the comparison reads: its value, where it is, and its names in messages. */
export interface DigestCell {
  readonly value: number;
  readonly at: LocatedSpan;
  /** `cellLabel` of the cell, in the catalog the digest was made with. */
  readonly label: string;
  /** The row's label as the report writes it. */
  readonly rowLabel: string;
}

/**
 * All the cross-year comparison reads of one report, in either role (this year's or last year's),
 * as plain data (JSON round-trips it): the title's body and year, the cells, the sentences worth
 * comparing, and where the finding of a copied report goes.
 */
export interface CrossYearDigest extends ReportTitle {
  /** `table/row/column` → the trusted cell with a value (absent: none). */
  readonly cells: Readonly<Record<string, DigestCell>>;
  readonly sentences: readonly { readonly text: string; readonly at: LocatedSpan }[];
  /** The title, else the first heading, else the first character: where a copied report is flagged. */
  readonly head: LocatedSpan;
}

/** The rows of table 一 whose 现行有效 is carried from last year's. */
const IN_FORCE_ROWS = ['rules', 'normativeDocs'] as const;
const IN_FORCE_COLUMNS = ['inForce', 'issued', 'repealed'] as const;

const cellKey = (table: string, row: string, column: string): string => `${table}/${row}/${column}`;

/** A report's `CrossYearDigest`; spans are located by `locator` (default: the report's own lines). */
export function crossYearDigest(model: ReportModel, options: { messages?: MessageCatalog; locator?: SpanLocator } = {}): CrossYearDigest {
  const messages = options.messages ?? zhCN;
  const locator: SpanLocator = options.locator ?? model.lines;
  const locate = (span: Span): LocatedSpan => {
    const place = locator.placeOf?.(span);
    const range = locator.rangeOf(span);
    return place ? { span: { start: span.start, end: span.end }, range, place } : { span: { start: span.start, end: span.end }, range };
  };
  const cells: Record<string, DigestCell> = {};
  const keep = (table: 'A' | 'B', row: string, column: string): void => {
    const cell = trustedCell(model.tables[table], row, column);
    if (cell?.value == null) return;
    cells[cellKey(table, row, column)] = { value: cell.value, at: locate(cell.span), label: cellLabel(cell, messages), rowLabel: cell.row.label };
  };
  for (const column of TABLES.B.columns) {
    keep('B', 'carried', column.id);
    keep('B', 'carryForward', column.id);
  }
  for (const row of IN_FORCE_ROWS) for (const column of IN_FORCE_COLUMNS) keep('A', row, column);
  const head = model.title?.span ?? model.sections[0]?.headingSpan ?? { start: 0, end: Math.min(model.text.length, 1) };
  return {
    ...titleOf(model),
    cells,
    sentences: comparableSentences(model).map((s) => ({ text: s.text, at: locate(s.span) })),
    head: locate(head),
  };
}

/**
 * A `SpanLocator` over the spans a digest located: what the CLI converts a report's cross-year
 * findings with once the report's text is gone (every span those findings use is one of them).
 */
export function digestLocator(digest: CrossYearDigest): SpanLocator {
  const located = new Map<string, LocatedSpan>();
  const add = (at: LocatedSpan): void => void located.set(`${at.span.start}:${at.span.end}`, at);
  for (const cell of Object.values(digest.cells)) add(cell.at);
  for (const sentence of digest.sentences) add(sentence.at);
  add(digest.head);
  const find = (span: Span): LocatedSpan => {
    const at = located.get(`${span.start}:${span.end}`);
    if (!at) throw new Error(`span ${span.start}–${span.end} is not one the digest located`);
    return at;
  };
  return { rangeOf: (span) => find(span).range, placeOf: (span) => find(span).place };
}

/**
 * Pairs each report with its body's report of the year before, among the given ones. A report whose
 * body or year is unknown is not paired; of several candidates, one with the very same body name wins,
 * else the first in order.
 */
export function pairWithPrevious(analyses: readonly Analysis[]): { current: Analysis; previous: Analysis }[];
export function pairWithPrevious<T>(items: readonly T[], analysisOf: (item: T) => Analysis): { current: T; previous: T }[];
export function pairWithPrevious<T>(items: readonly T[], analysisOf: (item: T) => Analysis = (item) => item as unknown as Analysis): { current: T; previous: T }[] {
  return pairByTitle(items, (item) => titleOf(analysisOf(item).model));
}

/** `pairWithPrevious` over each item's `ReportTitle` (a digest is one): what the CLI pairs with, the analyses gone. */
export function pairByTitle<T>(items: readonly T[], reportTitle: (item: T) => ReportTitle): { current: T; previous: T }[] {
  // Looked up by key, not by comparing every pair. Since sameBody depends on the normalized names
  // only, reports are grouped by (year, normalized name), each group known by its first report; every
  // group is also filed under each ending of its name long enough to be a body (sameBody's suffix
  // rule). A report then looks up last year's group of its own name (the exact match, which wins) or
  // else the few distinct names that end with its name or that its name ends with: a constant number
  // of look-ups per report however many copies of a body the folder holds, so time is linear.
  const keyOf = (year: number, name: string): string => `${year}\u0000${name}`;
  /** (year, normalized name) → the first report with it. */
  const firstOfName = new Map<string, number>();
  /** (year, ending) → the distinct normalized names of that year with that ending, in first-seen order. */
  const namesByEnding = new Map<string, string[]>();
  const known: ({ normalized: string; year: number } | null)[] = items.map((item) => {
    const { body, year } = reportTitle(item);
    return body && year !== null ? { normalized: normalizeBody(body), year } : null;
  });
  known.forEach((k, index) => {
    if (!k) return;
    const nameKey = keyOf(k.year, k.normalized);
    if (firstOfName.has(nameKey)) return;
    firstOfName.set(nameKey, index);
    for (let from = 0; from <= Math.max(0, k.normalized.length - MIN_BODY_ENDING); from++) {
      const key = keyOf(k.year, k.normalized.slice(from));
      const list = namesByEnding.get(key);
      if (list) list.push(k.normalized);
      else namesByEnding.set(key, [k.normalized]);
    }
  });
  const pairs: { current: T; previous: T }[] = [];
  known.forEach((k, index) => {
    if (!k || k.normalized === '') return;
    const year = k.year - 1;
    let best = firstOfName.get(keyOf(year, k.normalized));
    if (best === undefined) {
      const consider = (name: string): void => {
        const first = firstOfName.get(keyOf(year, name));
        if (first === undefined || first === index || (best !== undefined && first >= best)) return;
        if (sameNormalizedBody(k.normalized, name)) best = first;
      };
      // Last year's bodies that end with this one's name (its region left out this year) …
      for (const name of namesByEnding.get(keyOf(year, k.normalized)) ?? []) consider(name);
      // … and those that are an ending of this one's name (the region added this year).
      for (let from = 1; from <= k.normalized.length - MIN_BODY_ENDING; from++) consider(k.normalized.slice(from));
    }
    if (best !== undefined && best !== index) pairs.push({ current: items[index]!, previous: items[best]! });
  });
  return pairs;
}

/** The narrative sentences worth comparing, compact. */
function comparableSentences(model: ReportModel): { text: string; span: { start: number; end: number } }[] {
  return narrativeOf(model).sentences.filter((s) => s.text.length >= MIN_SENTENCE).map((s) => ({ text: s.text, span: s.span }));
}

export interface CopiedText {
  readonly identical: number;
  readonly total: number;
}

/** How many of this report's sentences appear word for word in the other. */
export function identicalSentences(current: ReportModel, previous: ReportModel): CopiedText & { spans: { start: number; end: number }[] } {
  return sameSentences(crossYearDigest(current), crossYearDigest(previous));
}

function sameSentences(current: CrossYearDigest, previous: CrossYearDigest): CopiedText & { spans: Span[] } {
  const before = new Set(previous.sentences.map((s) => s.text));
  const same = current.sentences.filter((s) => before.has(s.text));
  return { identical: same.length, total: current.sentences.length, spans: same.map((s) => s.at.span) };
}

/** A report against its previous year's (both analyses at hand): `compareWithPrevious` of their digests. */
export function checkAgainstPrevious(current: Analysis, previous: Analysis, options: PreviousOptions = {}): Finding[] {
  const digest = (analysis: Analysis): CrossYearDigest => crossYearDigest(analysis.model, options.messages ? { messages: options.messages } : {});
  return compareWithPrevious(digest(current), digest(previous), options);
}

/**
 * The cross-year findings of a report (`current`) against its body's report of the year before, from
 * their digests (made with the same message catalog). Spans are the current report's; a related
 * location in the previous report is its digest's range, under `options.previousDocument`.
 */
export function compareWithPrevious(current: CrossYearDigest, previous: CrossYearDigest, options: PreviousOptions = {}): Finding[] {
  const messages = options.messages ?? zhCN;
  const previousYear = previous.year ?? (current.year ?? 1) - 1;
  const findings: Finding[] = [];
  const elsewhere = (cell: DigestCell, message: string): RelatedLocation[] =>
    options.previousDocument ? [{ span: cell.at.span, message, elsewhere: { document: options.previousDocument, range: cell.at.range } }] : [];

  // 二、上年结转 = last year's 四、结转下年度继续办理, column by column.
  for (const column of TABLES.B.columns) {
    const carried = current.cells[cellKey('B', 'carried', column.id)];
    const forward = previous.cells[cellKey('B', 'carryForward', column.id)];
    if (!carried || !forward || carried.value === forward.value) continue;
    findings.push({
      code: CARRY_OVER, severity: 'warning', span: carried.at.span,
      message: messages.carryOverMismatch({ column: column.shortName, current: carried.value, previous: forward.value, previousYear }),
      related: elsewhere(forward, messages.relatedPreviousCell({ year: previousYear, cell: forward.label, value: forward.value })),
      fixes: [],
    });
  }

  // 现行有效: last year's + 制发 − 废止.
  for (const row of IN_FORCE_ROWS) {
    const inForce = current.cells[cellKey('A', row, 'inForce')];
    const issued = current.cells[cellKey('A', row, 'issued')];
    const repealed = current.cells[cellKey('A', row, 'repealed')];
    const before = previous.cells[cellKey('A', row, 'inForce')];
    if (!inForce || !issued || !repealed || !before) continue;
    const computed = before.value + issued.value - repealed.value;
    if (computed === inForce.value) continue;
    findings.push({
      code: CARRY_OVER, severity: 'information', span: inForce.at.span,
      message: messages.inForceMismatch({ row: inForce.rowLabel, stated: inForce.value, previous: before.value, issued: issued.value, repealed: repealed.value, computed, previousYear }),
      related: [
        { span: issued.at.span, message: messages.relatedTableCell({ cell: issued.label, value: issued.value }) },
        { span: repealed.at.span, message: messages.relatedTableCell({ cell: repealed.label, value: repealed.value }) },
        ...elsewhere(before, messages.relatedPreviousCell({ year: previousYear, cell: before.label, value: before.value })),
      ],
      fixes: [],
    });
  }

  // Mostly last year's text, word for word.
  const copied = sameSentences(current, previous);
  if (copied.total >= MIN_SENTENCES && copied.identical > copied.total * COPIED_SHARE) {
    findings.push({
      code: CARRY_OVER, severity: 'warning', span: current.head.span,
      message: messages.copiedReport({ identical: copied.identical, total: copied.total, percent: Math.round((copied.identical / copied.total) * 100), previousYear }),
      related: copied.spans.slice(0, 5).map((s) => ({ span: s, message: messages.relatedCopiedSentence({ year: previousYear }) })),
      fixes: [],
    });
  }
  return findings.sort(compareFindings);
}
