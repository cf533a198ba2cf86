/**
 * Claims: figures in the narrative that the tables also hold, found with the claim patterns
 * (patterns.ts) and checked against the cells they name. Computed once per model; the
 * `text.table-mismatch` rule reports the claims that fail, go-to-definition jumps from a claim's
 * number to its cells.
 */
import type { Analysis } from '../analysis';
import { columnSpec, rowSpec, type CellRef, type TableId } from '../format/schema';
import { findRow, trustedCell, type Cell, type ReportModel } from '../model';
import type { Span } from '../text';
import { narrativeOf, spanIn, type Sentence } from './flow';
import type { ScannedNumber } from './numbers';
import { CLAIM_PATTERNS, PART_SUBJECT_WORDS, QUALIFIERS, type ClaimPattern, type ClaimTarget, type Qualifier, type ReadingSpec } from './patterns';

export type ClaimStatus = 'holds' | 'fails' | 'alternative' | 'not-evaluated';

export interface ClaimReading {
  /** `asStated`: the cells the words name; otherwise a ReadingSpec id. */
  readonly id: 'asStated' | ReadingSpec['id'];
  readonly table: TableId;
  /** The cells summed (a group row stands for its sub-rows in the 2019 layout). */
  readonly refs: readonly CellRef[];
  readonly cells: readonly (Cell | undefined)[];
  /** The sum, in the claim's terms (万元 cells compared in 元), or null when a cell has no value. */
  readonly value: number | null;
}

export interface Claim {
  readonly pattern: ClaimPattern;
  readonly sentence: Sentence;
  /** The claim's words, from its trigger (or clause start) to its unit or closing phrase. */
  readonly span: Span;
  /** The figure with its unit; for a phrase that implies the value (`均已办结`), the phrase. */
  readonly numberSpan: Span;
  /** The number as scanned; null for an implied value. */
  readonly number: ScannedNumber | null;
  /** The value stated (money in 元). */
  readonly value: number;
  /** The claim's words, compact, for messages. */
  readonly quote: string;
  /** The reading checked. */
  readonly reading: ClaimReading;
  /** Other readings of the same words, checked when the first fails. */
  readonly alternatives: readonly ClaimReading[];
  /** Set when the reading checked is one the sentence states (`（含上年度结转申请34件）`). */
  readonly statedReading: boolean;
  /** The words before the trigger when they make the subject a part of the reporting body. */
  readonly partSubject: string | null;
  /** The claim this one details: `其中结果维持72件` details `行政复议351件`. */
  readonly parent: Claim | null;
  readonly status: ClaimStatus;
}

// ---------------------------------------------------------------------------------------------
// Clause boundaries

// Character sets, tested by code (these scans run for every number, and on a two-byte string each
// `text[i]` would allocate a string).
/** ，,；;：:。！？!? */
function isBoundary(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}
/** （( */
function isOpen(c: number): boolean {
  return c === 0xff08 || c === 0x28;
}
/** ）) */
function isClose(c: number): boolean {
  return c === 0xff09 || c === 0x29;
}
const CHAIN_BREAK = /[；;。！？!?]/u;

/** No clause is longer than this: the scans stop there. */
const MAX_CLAUSE = 300;

/** Start of the clause holding `pos`: after the last boundary at bracket depth 0 (not before `limit`). */
export function clauseStart(text: string, pos: number, limit = 0): number {
  let depth = 0;
  const floor = Math.max(limit, pos - MAX_CLAUSE);
  for (let i = pos - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c)) {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && isBoundary(c)) return i + 1;
  }
  return floor;
}

/** End of the clause holding `pos`: the next boundary, or a bracket that opens an aside or closes one (not after `limit`). */
export function clauseEnd(text: string, pos: number, limit = text.length): number {
  const ceiling = Math.min(limit, text.length, pos + MAX_CLAUSE);
  for (let i = pos; i < ceiling; i++) {
    const c = text.charCodeAt(i);
    if (isOpen(c) || isClose(c) || isBoundary(c)) return i;
  }
  return ceiling;
}

const LEADING_SEPARATORS = /^[、，,；;：:）)\s]+/u;
const LIST_CONNECTOR = /[、和及与或]$/u;

// ---------------------------------------------------------------------------------------------
// Matching a pattern

/**
 * Which patterns' last `before` group can end right before a figure, as one bit per pattern: that
 * group is looked for first, and one of its phrases must end within the pattern's `gap` of the figure
 * — a pattern whose phrases' last characters are none of the few characters there cannot match. The
 * characters before a figure are looked up once for all patterns (a bit mask per character), instead of
 * every pattern's phrases at every place.
 */
const TRIGGER_PATTERNS: readonly ClaimPattern[] = CLAIM_PATTERNS.filter((p) => p.before && p.before.length > 0);
/** A pattern's bit (none past 31 patterns: those are always looked for). */
const TRIGGER_BIT: ReadonlyMap<ClaimPattern, number> = new Map(TRIGGER_PATTERNS.map((p, i) => [p, i < 31 ? 1 << i : 0]));
/** By character code: the bits of the patterns whose last group has a phrase ending with it. */
const TRIGGER_ENDS: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (const p of TRIGGER_PATTERNS) {
    for (const phrase of p.before![p.before!.length - 1]!) {
      const c = phrase.charCodeAt(phrase.length - 1);
      map.set(c, (map.get(c) ?? 0) | TRIGGER_BIT.get(p)!);
    }
  }
  return map;
})();
/** `WITHIN_GAP[d]`: the bits of the patterns whose last phrase may end `d` characters before the figure (d ≤ gap + 1). */
const WITHIN_GAP: readonly number[] = (() => {
  const widest = Math.max(0, ...TRIGGER_PATTERNS.map((p) => (p.gap ?? 4) + 1));
  const masks: number[] = [];
  for (let d = 0; d <= widest; d++) masks.push(TRIGGER_PATTERNS.reduce((m, p) => (d >= 1 && d <= (p.gap ?? 4) + 1 ? m | TRIGGER_BIT.get(p)! : m), 0));
  return masks;
})();

/** The bits (TRIGGER_BIT) of the patterns whose last trigger phrase may end in text[from, figure) close enough to the figure. */
function triggersBefore(text: string, from: number, figure: number): number {
  let bits = 0;
  for (let d = 1; d < WITHIN_GAP.length && figure - d >= from; d++) bits |= (TRIGGER_ENDS.get(text.charCodeAt(figure - d)) ?? 0) & WITHIN_GAP[d]!;
  return bits;
}

/** Whether the pattern may have a trigger before the figure, by `triggersBefore`'s bits. */
function mayHaveTrigger(pattern: ClaimPattern, bits: number): boolean {
  const bit = TRIGGER_BIT.get(pattern);
  if (bit === undefined) return false;
  return bit === 0 || (bits & bit) !== 0;
}

/** Where the first trigger phrase starts in `left`, or -1. */
function matchBefore(pattern: ClaimPattern, left: string): number {
  const groups = pattern.before ?? [];
  if (groups.length === 0) return -1;
  let limit = left.length;
  let maxDistance = pattern.gap ?? 4;
  let start = -1;
  for (let g = groups.length - 1; g >= 0; g--) {
    let best = -1;
    let bestLength = 0;
    for (const phrase of groups[g]!) {
      // The phrase ends at most maxDistance before the limit: only those few places are looked at, from
      // the nearest (a search through the whole clause found the same occurrence, at more cost).
      const first = phrase.charCodeAt(0);
      const lowest = Math.max(0, limit - phrase.length - maxDistance);
      for (let at = Math.max(0, limit - phrase.length); at >= lowest; at--) {
        if (left.charCodeAt(at) !== first || !left.startsWith(phrase, at)) continue;
        const blocked = (pattern.notAfter ?? []).some((w) => left.slice(Math.max(0, at - w.length), at) === w);
        if (!blocked) {
          if (at > best || (at === best && phrase.length > bestLength)) {
            best = at;
            bestLength = phrase.length;
          }
          break;
        }
      }
    }
    if (best < 0) return -1;
    // A list between the trigger and the figure (行政复议和行政诉讼共9件) names several things at once.
    if (g === groups.length - 1 && /[、和及与或]/u.test(left.slice(best + bestLength, limit))) return -1;
    limit = best;
    maxDistance = pattern.spread ?? 12;
    start = best;
  }
  // The trigger is the last item of a list of things (行政处罚和行政强制决定5件): the figure is not its own.
  const beforeTrigger = left.slice(0, start).replace(LEADING_SEPARATORS, '');
  if (beforeTrigger !== '' && LIST_CONNECTOR.test(beforeTrigger)) return -1;
  return start;
}

/** Where the last trigger phrase ends in `right`, or -1. */
function matchAfter(pattern: ClaimPattern, right: string): number {
  const groups = pattern.after ?? [];
  if (groups.length === 0) return -1;
  let pos = 0;
  let maxDistance = pattern.gap ?? 4;
  for (const group of groups) {
    let best = -1;
    let bestEnd = -1;
    for (const phrase of group) {
      const at = right.indexOf(phrase, pos);
      if (at < 0 || at - pos > maxDistance) continue;
      if (best < 0 || at < best || (at === best && at + phrase.length > bestEnd)) {
        best = at;
        bestEnd = at + phrase.length;
      }
    }
    if (best < 0) return -1;
    pos = bestEnd;
    maxDistance = pattern.spread ?? 12;
  }
  return pos;
}

function qualifiersIn(text: string, set: readonly Qualifier[]): Qualifier[] {
  const found: Qualifier[] = [];
  let columns = false;
  let outcome = false;
  let groups = false;
  for (const q of set) {
    if (!q.words.some((w) => text.includes(w))) continue;
    if (q.columns && !columns) {
      columns = true;
      found.push(q);
    } else if (q.outcome && !outcome) {
      outcome = true;
      found.push(q);
    } else if (q.groups && !groups) {
      groups = true;
      found.push(q);
    }
  }
  return found;
}

/** The target's columns with the qualifiers applied. */
function qualifiedColumns(target: ClaimTarget, qualifiers: readonly Qualifier[]): string[] {
  let columns = [...target.columns];
  for (const q of qualifiers) {
    if (q.columns) columns = [...q.columns];
    if (q.groups) {
      const kept = columns.filter((c) => q.groups!.includes(c.split('.')[0]!));
      columns = kept.length > 0 ? kept : q.groups.map((g) => `${g}.total`);
    }
  }
  for (const q of qualifiers) if (q.outcome) columns = columns.map((c) => `${c.split('.')[0]!}.${q.outcome!}`);
  return columns;
}

// ---------------------------------------------------------------------------------------------
// Reading the cells

/** The cells of a target (rows × columns), summed; the claim machinery's one way to read the tables. */
export function readCells(model: ReportModel, table: TableId, rows: readonly string[], columns: readonly string[], id: ClaimReading['id']): ClaimReading {
  const t = model.tables[table];
  const refs: CellRef[] = [];
  const cells: (Cell | undefined)[] = [];
  const substituted = new Set<string>();
  for (const row of rows) {
    let rowId = row;
    if (t && !findRow(t, row)) {
      // The 2019 layout's single （六）其他处理 row stands for its three sub-rows.
      const parentId = rowSpec(table, row)?.parent;
      const parent = parentId ? findRow(t, parentId) : undefined;
      const parentSpec = parentId ? rowSpec(table, parentId) : undefined;
      if (parent && parent.cells.length > 0 && parentSpec?.children?.every((c) => !findRow(t, c))) {
        if (substituted.has(parentId!)) continue;
        substituted.add(parentId!);
        rowId = parentId!;
      }
    }
    for (const column of columns) {
      refs.push({ row: rowId, column });
      cells.push(trustedCell(t, rowId, column));
    }
  }
  let value: number | null = 0;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]?.value;
    if (v == null || value === null) {
      value = null;
      continue;
    }
    // 万元 cells against a figure in 元.
    const kind = columnSpec(table, refs[i]!.column)?.kind;
    value += kind === 'amount' ? v * 10_000 : v;
  }
  return { id, table, refs, cells, value: value === null ? null : Math.round(value * 1e4) / 1e4 };
}

function equal(a: number, b: number, amount: boolean): boolean {
  // 万元 with two decimals is ±50 元.
  return amount ? Math.abs(a - b) <= 50 : Math.abs(a - b) < 1e-9;
}

function statusOf(value: number, reading: ClaimReading, alternatives: readonly ClaimReading[]): ClaimStatus {
  const amount = reading.refs.some((r) => columnSpec(reading.table, r.column)?.kind === 'amount');
  if (reading.value === null) return 'not-evaluated';
  if (equal(value, reading.value, amount)) return 'holds';
  if (alternatives.some((a) => a.value !== null && equal(value, a.value, amount))) return 'alternative';
  return 'fails';
}

// ---------------------------------------------------------------------------------------------

interface Draft {
  readonly pattern: ClaimPattern;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly quoteStart: number;
  readonly quoteEnd: number;
  readonly numberStart: number;
  readonly numberEnd: number;
  readonly number: ScannedNumber | null;
  readonly value: number;
  readonly statedReading: ReadingSpec | null;
  readonly partSubject: string | null;
  readonly parent: Claim | null;
}

function finish(model: ReportModel, sentence: Sentence, d: Draft): Claim {
  const table = d.pattern.target.table;
  const stated = readCells(model, table, d.rows, d.columns, 'asStated');
  const others = (d.pattern.readings ?? []).map((r) => readCells(model, table, r.rows, d.columns, r.id));
  let reading = stated;
  let alternatives = others;
  if (d.statedReading) {
    reading = others.find((o) => o.id === d.statedReading!.id)!;
    alternatives = [stated, ...others.filter((o) => o !== reading)];
  }
  let quote = sentence.text.slice(d.quoteStart, d.quoteEnd).replace(LEADING_SEPARATORS, '');
  if (quote.length > 40) quote = '…' + quote.slice(quote.length - 39);
  return {
    pattern: d.pattern, sentence,
    span: spanIn(sentence, d.quoteStart, d.quoteEnd),
    numberSpan: spanIn(sentence, d.numberStart, d.numberEnd),
    number: d.number, value: d.value, quote,
    reading, alternatives, statedReading: d.statedReading !== null,
    partSubject: d.partSubject, parent: d.parent,
    status: statusOf(d.value, reading, alternatives),
  };
}

function statedReadingOf(pattern: ClaimPattern, text: string, after: number, limit: number): ReadingSpec | null {
  const window = text.slice(after, Math.min(after + 12, limit));
  if (!/^[（(，,]/u.test(window)) return null;
  return (pattern.readings ?? []).find((r) => r.statedBy.some((w) => window.includes(w))) ?? null;
}

function partSubjectOf(text: string, from: number, to: number): string | null {
  const subject = text.slice(from, to).replace(LEADING_SEPARATORS, '');
  return PART_SUBJECT_WORDS.some((w) => subject.includes(w)) ? subject : null;
}

/** The patterns that read a figure (not a phrase), by unit, each list in CLAIM_PATTERNS' order. */
const FIGURE_PATTERNS_BY_UNIT: ReadonlyMap<string, readonly ClaimPattern[]> = (() => {
  const map = new Map<string, ClaimPattern[]>();
  for (const pattern of CLAIM_PATTERNS) {
    if (pattern.implies !== undefined) continue;
    for (const unit of new Set(pattern.units)) {
      const list = map.get(unit);
      if (list) list.push(pattern);
      else map.set(unit, [pattern]);
    }
  }
  return map;
})();

/** The longest piece of text every phrase contains (办结 of 均已办结, 全部按时办结 …), or ''. */
function sharedPiece(phrases: readonly string[]): string {
  const shortest = phrases.reduce((a, b) => (b.length < a.length ? b : a), phrases[0] ?? '');
  for (let length = shortest.length; length > 0; length--) {
    for (let from = 0; from + length <= shortest.length; from++) {
      const piece = shortest.slice(from, from + length);
      if (phrases.every((p) => p.includes(piece))) return piece;
    }
  }
  return '';
}

/**
 * The patterns of phrases that imply a value, each with its phrases longest first and the piece all
 * of them contain: a sentence without that piece holds none of them, one search instead of one per phrase.
 */
const IMPLYING_PATTERNS: readonly { readonly pattern: ClaimPattern; readonly implies: number; readonly phrases: readonly string[]; readonly shared: string }[] = CLAIM_PATTERNS.flatMap((pattern) => {
  if (pattern.implies === undefined) return [];
  const phrases = [...(pattern.before?.[0] ?? [])].sort((a, b) => b.length - a.length);
  return [{ pattern, implies: pattern.implies, phrases, shared: sharedPiece(phrases) }];
});

/**
 * `contextOf`: the text the sentence is read with (contextOf), asked for only when a pattern needs it.
 */
function claimsInSentence(model: ReportModel, s: Sentence, contextOf: () => string): Claim[] {
  const text = s.text;
  const claims: Claim[] = [];
  const numbers = s.numbers;
  let chain: Claim | null = null;
  /** What the sentence (or its context) was found to mention, made when first asked: most sentences never are. */
  let mentions: Map<string, boolean> | undefined;
  let context: string | undefined;
  const mentionsAny = (words: readonly string[]): boolean =>
    words.some((w) => {
      mentions ??= new Map<string, boolean>();
      let has = mentions.get(w);
      if (has === undefined) mentions.set(w, (has = text.includes(w) || (context ??= contextOf()).includes(w)));
      return has;
    });
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    if (chain?.number && CHAIN_BREAK.test(text.slice(chain.number.unitEnd, n.start))) chain = null;
    if ((n.kind !== 'count' && n.kind !== 'money') || n.approximate) continue;
    const prev = numbers[k - 1];
    const next = numbers[k + 1];
    const leftStart = clauseStart(text, n.start, prev ? prev.unitEnd : 0);
    const left = text.slice(leftStart, n.start);
    const rightEnd = clauseEnd(text, n.unitEnd, next ? next.start : text.length);
    const right = text.slice(n.unitEnd, rightEnd);
    let found: Claim | null = null;
    let listAt: number | undefined;
    const triggers = triggersBefore(text, leftStart, n.start);
    for (const pattern of FIGURE_PATTERNS_BY_UNIT.get(n.unit) ?? []) {
      const triggerStart = pattern.before && mayHaveTrigger(pattern, triggers) ? matchBefore(pattern, left) : -1;
      const afterEnd = pattern.after ? matchAfter(pattern, right) : -1;
      if (pattern.before && triggerStart < 0) continue;
      if (pattern.after && afterEnd < 0) continue;
      // The words after the figure, up to the next item of a list, belong to this figure too.
      listAt ??= right.search(/[、和及与]/u);
      const own = afterEnd >= 0 ? right.slice(0, afterEnd) : listAt >= 0 ? right.slice(0, listAt) : right;
      if ((pattern.exclude ?? []).some((w) => left.includes(w) || own.includes(w))) continue;
      if (pattern.sentenceMentions && !mentionsAny(pattern.sentenceMentions)) continue;
      const qualifiers = pattern.target.qualify ? qualifiersIn(left, QUALIFIERS[pattern.target.qualify]) : [];
      found = finish(model, s, {
        pattern, rows: pattern.target.rows, columns: qualifiedColumns(pattern.target, qualifiers),
        quoteStart: leftStart, quoteEnd: afterEnd >= 0 ? n.unitEnd + afterEnd : n.unitEnd,
        numberStart: n.start, numberEnd: n.unitEnd, number: n, value: n.value,
        statedReading: statedReadingOf(pattern, text, n.unitEnd, next ? next.start : text.length),
        partSubject: triggerStart >= 0 ? partSubjectOf(left, 0, triggerStart) : null,
        parent: null,
      });
      break;
    }
    if (found) {
      claims.push(found);
      chain = found;
      continue;
    }
    // A part of the claim before it: 其中结果维持72件 / 涉及自然人72件、商业企业3件.
    const parent: Claim | null = chain;
    const set = parent?.pattern.target.qualify;
    if (parent && set && parent.number && parent.number.unit === n.unit) {
      const qualifiers = qualifiersIn(left, QUALIFIERS[set]);
      if (qualifiers.length === 0) continue;
      const base: ClaimTarget = { ...parent.pattern.target, columns: parent.reading.refs.map((r) => r.column).filter((c, i, all) => all.indexOf(c) === i) };
      claims.push(finish(model, s, {
        pattern: parent.pattern, rows: parent.pattern.target.rows, columns: qualifiedColumns(base, qualifiers),
        quoteStart: leftStart, quoteEnd: n.unitEnd, numberStart: n.start, numberEnd: n.unitEnd, number: n, value: n.value,
        statedReading: null, partSubject: parent.partSubject, parent,
      }));
    }
  }
  // Phrases that imply a value: 均已办结.
  const taken: Span[] = [];
  for (const { pattern, implies, phrases, shared } of IMPLYING_PATTERNS) {
    if (!text.includes(shared)) continue;
    for (const phrase of phrases) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        const end = at + phrase.length;
        if (taken.some((t) => at < t.end && end > t.start)) continue;
        const from = clauseStart(text, at);
        const clause = text.slice(from, clauseEnd(text, end));
        if ((pattern.exclude ?? []).some((w) => clause.includes(w))) continue;
        if (pattern.sentenceMentions && !mentionsAny(pattern.sentenceMentions)) continue;
        taken.push({ start: at, end });
        claims.push(finish(model, s, {
          pattern, rows: pattern.target.rows, columns: pattern.target.columns,
          quoteStart: from, quoteEnd: end, numberStart: at, numberEnd: end, number: null, value: implies,
          statedReading: null, partSubject: null, parent: null,
        }));
      }
    }
  }
  // (Zero or one claim, most sentences: nothing to sort.)
  return claims.length < 2 ? claims : claims.sort((a, b) => a.numberSpan.start - b.numberSpan.start);
}

/** A short paragraph of its own before a paragraph is its heading: `（二）依申请公开`. */
const HEADING_LENGTH = 30;

/**
 * What a sentence's words are read with: the sentences before it in its paragraph, and the heading
 * paragraph before that — `（二）依申请公开` / `全年共收到申请53件。本年度办结55件，其中…` speak of
 * applications throughout.
 */
function contextOf(sentences: readonly Sentence[], index: number): string {
  const s = sentences[index]!;
  let context = '';
  let i = index - 1;
  for (; i >= 0 && sentences[i]!.paragraph === s.paragraph; i--) context = sentences[i]!.text + context;
  const previous = sentences[i];
  if (previous && previous.paragraph === s.paragraph - 1 && (i === 0 || sentences[i - 1]!.paragraph !== previous.paragraph) && previous.text.length <= HEADING_LENGTH) {
    context = previous.text + context;
  }
  return context;
}

const cache = new WeakMap<ReportModel, readonly Claim[]>();

/**
 * Every claim the narrative makes about a table value, in text order, each with the cells it refers
 * to and whether they agree. Computed once per model.
 */
export function extractClaims(subject: Analysis | ReportModel): readonly Claim[] {
  const model = 'model' in subject ? subject.model : subject;
  const cached = cache.get(model);
  if (cached) return cached;
  const claims: Claim[] = [];
  const sentences = narrativeOf(model).sentences;
  for (let i = 0; i < sentences.length; i++) {
    for (const claim of claimsInSentence(model, sentences[i]!, () => contextOf(sentences, i))) claims.push(claim);
  }
  cache.set(model, claims);
  return claims;
}
