/**
 * A report against its body's report of the year before (text.carry-over): this year's
 * 二、上年结转 must equal last year's 四、结转下年度继续办理, column by column; last year's 现行有效
 * + this year's 制发 − 废止 should give this year's 现行有效 (information: amendments and expiry can
 * break it); and a report whose sentences are mostly last year's word for word is flagged.
 *
 * Pure: the callers (the CLI with the files passed together, the language server with the open and
 * workspace documents) find the pairs with `pairWithPrevious` and name the previous document's URI.
 */
import type { Analysis } from './analysis';
import { compareFindings, type Finding, type RelatedLocation } from './findings';
import { TABLES } from './format/schema';
import type { MessageCatalog } from './messages/catalog';
import { zhCN } from './messages/zh-cn';
import { trustedCell, type Cell, type ReportModel } from './model';
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

/**
 * Pairs each report with its body's report of the year before, among the given ones. A report whose
 * body or year is unknown is not paired; of several candidates, one with the very same body name wins,
 * else the first in order.
 */
export function pairWithPrevious(analyses: readonly Analysis[]): { current: Analysis; previous: Analysis }[];
export function pairWithPrevious<T>(items: readonly T[], analysisOf: (item: T) => Analysis): { current: T; previous: T }[];
export function pairWithPrevious<T>(items: readonly T[], analysisOf: (item: T) => Analysis = (item) => item as unknown as Analysis): { current: T; previous: T }[] {
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
    const model = analysisOf(item).model;
    const body = model.title?.body;
    const year = yearOf(model);
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
  const before = new Set(comparableSentences(previous).map((s) => s.text));
  const mine = comparableSentences(current);
  const same = mine.filter((s) => before.has(s.text));
  return { identical: same.length, total: mine.length, spans: same.map((s) => s.span) };
}

export function checkAgainstPrevious(current: Analysis, previous: Analysis, options: PreviousOptions = {}): Finding[] {
  const messages = options.messages ?? zhCN;
  const cur = current.model;
  const prev = previous.model;
  const previousYear = yearOf(prev) ?? (yearOf(cur) ?? 1) - 1;
  const findings: Finding[] = [];
  const elsewhere = (cell: Cell, message: string): RelatedLocation[] =>
    options.previousDocument ? [{ span: cell.span, message, elsewhere: { document: options.previousDocument, range: prev.lines.rangeOf(cell.span) } }] : [];

  // 二、上年结转 = last year's 四、结转下年度继续办理, column by column.
  for (const column of TABLES.B.columns) {
    const carried = trustedCell(cur.tables.B, 'carried', column.id);
    const forward = trustedCell(prev.tables.B, 'carryForward', column.id);
    if (carried?.value == null || forward?.value == null || carried.value === forward.value) continue;
    findings.push({
      code: CARRY_OVER, severity: 'warning', span: carried.span,
      message: messages.carryOverMismatch({ column: column.shortName, current: carried.value, previous: forward.value, previousYear }),
      related: elsewhere(forward, messages.relatedPreviousCell({ year: previousYear, cell: cellLabel(forward, messages), value: forward.value })),
      fixes: [],
    });
  }

  // 现行有效: last year's + 制发 − 废止.
  for (const row of ['rules', 'normativeDocs']) {
    const inForce = trustedCell(cur.tables.A, row, 'inForce');
    const issued = trustedCell(cur.tables.A, row, 'issued');
    const repealed = trustedCell(cur.tables.A, row, 'repealed');
    const before = trustedCell(prev.tables.A, row, 'inForce');
    if (inForce?.value == null || issued?.value == null || repealed?.value == null || before?.value == null) continue;
    const computed = before.value + issued.value - repealed.value;
    if (computed === inForce.value) continue;
    findings.push({
      code: CARRY_OVER, severity: 'information', span: inForce.span,
      message: messages.inForceMismatch({ row: inForce.row.label, stated: inForce.value, previous: before.value, issued: issued.value, repealed: repealed.value, computed, previousYear }),
      related: [
        { span: issued.span, message: messages.relatedTableCell({ cell: cellLabel(issued, messages), value: issued.value }) },
        { span: repealed.span, message: messages.relatedTableCell({ cell: cellLabel(repealed, messages), value: repealed.value }) },
        ...elsewhere(before, messages.relatedPreviousCell({ year: previousYear, cell: cellLabel(before, messages), value: before.value })),
      ],
      fixes: [],
    });
  }

  // Mostly last year's text, word for word.
  const copied = identicalSentences(cur, prev);
  if (copied.total >= MIN_SENTENCES && copied.identical > copied.total * COPIED_SHARE) {
    const span = cur.title?.span ?? cur.sections[0]?.headingSpan ?? { start: 0, end: Math.min(cur.text.length, 1) };
    findings.push({
      code: CARRY_OVER, severity: 'warning', span,
      message: messages.copiedReport({ identical: copied.identical, total: copied.total, percent: Math.round((copied.identical / copied.total) * 100), previousYear }),
      related: copied.spans.slice(0, 5).map((s) => ({ span: s, message: messages.relatedCopiedSentence({ year: previousYear }) })),
      fixes: [],
    });
  }
  return findings.sort(compareFindings);
}
