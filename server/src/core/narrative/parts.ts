/**
 * Parts and wholes in the narrative: `办理各类留言53条，其中…27条、…6条、…20条`, a table cell's own
 * breakdown `8件(撤销1件、警告7件)`, and percentages stated beside counts (`42件，占51.85%`).
 *
 * A list after `其中` need not name every part, so the parts must add up to the whole only when the
 * list clearly enumerates it: a bracketed breakdown right after the figure, `分别为`, a last part that
 * stands for the rest (`其他`), or labels that make up a known partition (结果维持/结果纠正/其他结果/尚未
 * 审结, 主办/会办). Otherwise only parts that exceed the whole are wrong.
 */
import type { TableId } from '../format/schema';
import type { ReportModel } from '../model';
import type { Span } from '../text';
import { clauseEnd, clauseStart, extractClaims, readCells, type Claim, type ClaimReading } from './claims';
import { narrativeOf, sentencesOfSpan, spanIn, type Sentence } from './flow';
import type { ScannedNumber } from './numbers';
import { EXHAUSTIVE_INTRODUCERS, LIST_ENDERS, LIST_SUBJECTS, PART_INTRODUCERS, PARTITIONS, RESIDUAL_WORDS } from './patterns';

/** Words that start a new statement rather than name a part: a list of parts ends before them. */
export const PART_STOP_WORDS: readonly string[] = [
  '办结', '答复', '受理', '收到', '接到', '发布', '转载', '推送', '回复', '开展', '组织', '举办', '制作', '召开', '新增', '办理',
];

export interface Figure {
  readonly number: ScannedNumber;
  /** The figure with its unit. */
  readonly span: Span;
  /** The words naming it (a part's label; the whole's clause), compact. */
  readonly quote: string;
}

export interface Enumeration {
  readonly sentence: Sentence;
  readonly whole: Figure;
  readonly parts: readonly Figure[];
  /** The introducer as written (其中, 分别为), or '（' for a bracketed breakdown. */
  readonly introducer: string;
  /** The parts are all of the whole. */
  readonly exhaustive: boolean;
  readonly sum: number;
  /** fails: an exhaustive list that does not add up, or parts above the whole. */
  readonly status: 'holds' | 'fails';
  /** Found in a table cell (`8件(撤销1件、警告7件)`) rather than in the narrative. */
  readonly inTable: boolean;
}

export interface Share {
  readonly sentence: Sentence;
  readonly percent: Figure;
  readonly part: Figure;
  /** The whole: from an enumeration in the text, or from the table (a claim's shareOf cells). */
  readonly whole: { readonly value: number; readonly figure: Figure | null; readonly cells: ClaimReading | null };
  /** part ÷ whole × 100, rounded to the stated decimals. */
  readonly computed: string;
  readonly status: 'holds' | 'fails';
}

/** A list of parts is never longer than this (characters): the scans stop there. */
const MAX_LIST = 600;
const CHAIN_BREAK = /[；;。！？!?]/u;

// Characters tested by code in the scans below, which go character by character: on a two-byte string
// each `text[i]` would allocate a string.
/** （( */
const isOpen = (c: number): boolean => c === 0xff08 || c === 0x28;
/** ）) */
const isClose = (c: number): boolean => c === 0xff09 || c === 0x29;
/** 。！？!? */
const isStop = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
/** ；; */
const isSemicolon = (c: number): boolean => c === 0xff1b || c === 0x3b;
/** ，, */
const isComma = (c: number): boolean => c === 0xff0c || c === 0x2c;
const SEPARATORS = /^[、，,；;：:）)\s和及与]+|[、，,；;：:（(\s]+$/gu;

const isFigure = (n: ScannedNumber): boolean => (n.kind === 'count' || n.kind === 'money') && !n.approximate;
const sameUnit = (a: ScannedNumber, b: ScannedNumber): boolean => (a.kind === 'money' ? b.kind === 'money' : b.kind === a.kind && b.unit === a.unit);

function figure(s: Sentence, n: ScannedNumber, quoteFrom: number): Figure {
  return { number: n, span: spanIn(s, n.start, n.unitEnd), quote: s.text.slice(quoteFrom, n.unitEnd).replace(SEPARATORS, '') };
}

/** The index of the bracket that closes the one opened at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isOpen(c)) depth++;
    else if (isClose(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

/** Partition members a label names (`予以公开及部分公开` names two). */
function membersOf(label: string, members: readonly (readonly string[])[]): number[] {
  const found: number[] = [];
  members.forEach((words, i) => {
    if (words.some((w) => label.includes(w))) found.push(i);
  });
  return found;
}

/** The labels name every member of one partition, each exactly once. */
function isPartition(labels: readonly string[]): boolean {
  for (const partition of PARTITIONS) {
    const seen = new Set<number>();
    let all = true;
    for (const label of labels) {
      const members = membersOf(label, partition.members);
      if (members.length === 0 || members.some((m) => seen.has(m))) {
        all = false;
        break;
      }
      for (const m of members) seen.add(m);
    }
    if (all && seen.size === partition.members.length) return true;
  }
  return false;
}

/** `其他7条`, `其余3件`: a part that stands for the rest — but not a category named 其他… (其他处理, 其他结果). */
function isResidual(label: string): boolean {
  if (!RESIDUAL_WORDS.some((r) => label.startsWith(r))) return false;
  return !PARTITIONS.some((p) => membersOf(label, p.members).length > 0);
}

/**
 * Where a list that starts at `from` ends: at a full stop, or at a semicolon after which a new whole
 * with its own parts begins (`…尚未审结37件；政府信息公开行政诉讼46件，其中…`). Items separated by
 * semicolons (`予以公开27件，占49.09%；部分公开6件，…`) stay in the list.
 */
function listEnd(text: string, from: number): number {
  const ceiling = Math.min(text.length, from + MAX_LIST);
  for (let i = from; i < ceiling; i++) {
    const c = text.charCodeAt(i);
    if (isStop(c)) return i;
    if (isSemicolon(c)) {
      let next = ceiling;
      for (let j = i + 1; j < ceiling; j++) {
        const d = text.charCodeAt(j);
        if (isSemicolon(d) || isStop(d)) {
          next = j;
          break;
        }
      }
      const segment = text.slice(i + 1, next);
      if (PART_INTRODUCERS.some((p) => segment.includes(p))) return i;
    }
  }
  return ceiling;
}

/** The words of the partitions' members, longest first. */
const MEMBER_WORDS: readonly string[] = [...new Set(PARTITIONS.flatMap((p) => p.members.flat()))].sort((a, b) => b.length - a.length);

/**
 * The punctuation that follows a list's first part, past its own share (`42件，占51.85%；`): a list
 * whose parts are separated by 「；」 goes on over semicolons, any other list ends at the first one.
 */
function separatorAfter(text: string, from: number): string {
  const next = (i: number): number => {
    for (let j = i; j < Math.min(text.length, i + MAX_LIST); j++) {
      const c = text.charCodeAt(j);
      // 、 0x3001
      if (c === 0x3001 || isComma(c) || isSemicolon(c) || isStop(c)) return j;
    }
    return text.length;
  };
  let at = next(from);
  if (isComma(text.charCodeAt(at))) {
    const end = next(at + 1);
    if (/^占?[^\d]{0,8}\d+(?:\.\d+)?[%％]$/u.test(text.slice(at + 1, end))) at = end;
  }
  return text[at] ?? '';
}

/** A part's label names a subject (行政复议, 行政诉讼) that the whole's words do not: a new statement. */
function namesNewSubject(label: string, wholeWords: string): boolean {
  return LIST_SUBJECTS.some((words) => words.some((w) => label.includes(w)) && !words.some((w) => wholeWords.includes(w)));
}

/**
 * The lists of parts in a sentence. A list stops at its clause: at 「。」; at the first 「；」 unless its
 * parts are separated by semicolons; before a part with another measure word than the whole's; before
 * a part that names a new subject — in its words, or by the table its claim is about (`tableOf`).
 */
function enumerationsIn(s: Sentence, inTable: boolean, tableOf: ReadonlyMap<ScannedNumber, TableId> = new Map()): Enumeration[] {
  const text = s.text;
  const numbers = s.numbers;
  const result: Enumeration[] = [];
  // A list needs a whole and a part, both figures: most sentences have fewer.
  let figures = 0;
  for (const n of numbers) if (isFigure(n) && ++figures === 2) break;
  if (figures < 2) return result;
  for (let k = 0; k < numbers.length; k++) {
    const w = numbers[k]!;
    if (!isFigure(w)) continue;
    const next = numbers[k + 1];
    // The whole's clause runs on to a bracket or a boundary with no other figure in between.
    const end = clauseEnd(text, w.unitEnd, next ? next.start : text.length);
    if (next && end >= next.start) continue;
    let regionStart: number;
    let regionEnd: number;
    let introducer: string;
    let bracketed = false;
    if (isOpen(text.charCodeAt(end)) && end === w.unitEnd) {
      regionEnd = closing(text, end);
      regionStart = end + 1;
      introducer = PART_INTRODUCERS.find((p) => text.startsWith(p, regionStart)) ?? '（';
      bracketed = true;
    } else if (isComma(text.charCodeAt(end)) || text.charCodeAt(end) === 0xff1a || text.charCodeAt(end) === 0x3a) {
      const at = end + 1;
      const found = PART_INTRODUCERS.find((p) => text.startsWith(p, at));
      if (!found) continue;
      introducer = found;
      regionStart = at;
      regionEnd = listEnd(text, at);
    } else continue;
    if (introducer !== '（') regionStart += introducer.length;
    const wholeWords = text.slice(clauseStart(text, w.start, k > 0 ? numbers[k - 1]!.unitEnd : 0), regionStart);
    // The table the list is about: the whole's claim's, else its first part's.
    let listTable = tableOf.get(w);
    const parts: Figure[] = [];
    const labels: string[] = [];
    let cursor = regionStart;
    let bySemicolons = false;
    for (let j = k + 1; j < numbers.length; j++) {
      const p = numbers[j]!;
      if (p.start >= regionEnd) break;
      if (p.start < cursor) continue; // inside a part's own bracket
      if (parts.length > 0 && !bySemicolons && /[；;]/u.test(text.slice(cursor, p.start))) break;
      // Shares beside the parts (占49.09%) and numbers inside labels (12345热线, 2023年) are no parts.
      if (!isFigure(p)) {
        if (p.kind === 'percent') cursor = p.unitEnd;
        continue;
      }
      if (!sameUnit(w, p)) break;
      const label = text.slice(cursor, p.start).replace(SEPARATORS, '');
      // (A stop word inside a category's name is none: 法人或其他组织 is no 组织 of an event.)
      const verbs = MEMBER_WORDS.reduce((l, m) => (l.includes(m) ? l.split(m).join('|') : l), label);
      if (LIST_ENDERS.some((e) => label.includes(e)) || PART_STOP_WORDS.some((e) => verbs.includes(e))) break;
      const partTable = tableOf.get(p);
      if (namesNewSubject(label, wholeWords) || (listTable && partTable && partTable !== listTable)) break;
      listTable ??= partTable;
      parts.push(figure(s, p, cursor));
      labels.push(label);
      cursor = p.unitEnd;
      // A part's own breakdown in brackets is not a part of the whole.
      if (isOpen(text.charCodeAt(cursor))) cursor = closing(text, cursor) + 1;
      if (parts.length === 1) bySemicolons = /[；;]/u.test(separatorAfter(text, cursor));
    }
    if (parts.length === 0) continue;
    const exhaustive =
      (bracketed && introducer === '（') ||
      EXHAUSTIVE_INTRODUCERS.includes(introducer) ||
      (parts.length >= 2 && isResidual(labels[labels.length - 1]!)) ||
      (parts.length >= 2 && isPartition(labels));
    const sum = Math.round(parts.reduce((t, p) => t + p.number.value, 0) * 1e6) / 1e6;
    const fails = exhaustive ? parts.length >= 2 && Math.abs(sum - w.value) > 1e-9 : sum > w.value + 1e-9;
    result.push({
      sentence: s, whole: figure(s, w, clauseStart(text, w.start, k > 0 ? numbers[k - 1]!.unitEnd : 0)), parts,
      introducer, exhaustive, sum, status: fails ? 'fails' : 'holds', inTable,
    });
  }
  return result;
}

/** `占51.85%`: the share a percentage states, checked against its part and whole. */
function sharesIn(model: ReportModel, s: Sentence, enumerations: readonly Enumeration[], claimOf: ReadonlyMap<ScannedNumber, Claim>): Share[] {
  const text = s.text;
  const numbers = s.numbers;
  const shares: Share[] = [];
  for (let k = 1; k < numbers.length; k++) {
    const pct = numbers[k]!;
    if (pct.kind !== 'percent' || pct.approximate) continue;
    const leftStart = clauseStart(text, pct.start, numbers[k - 1]!.unitEnd);
    if (!/占[^，,；;。\d]{0,8}$/u.test(text.slice(leftStart, pct.start))) continue;
    // The part: the figure just before, in this clause or the one before.
    const part = numbers[k - 1]!;
    if (!isFigure(part)) continue;
    const between = text.slice(part.unitEnd, pct.start);
    if ((between.match(/[，,；;：:]/gu) ?? []).length > 1 || CHAIN_BREAK.test(between)) continue;
    const enumeration = enumerations.find((e) => e.parts.some((p) => p.number === part));
    const claim = claimOf.get(part);
    let whole: Share['whole'] | null = null;
    if (enumeration) whole = { value: enumeration.whole.number.value, figure: enumeration.whole, cells: null };
    else if (claim?.pattern.shareOf) {
      const columns = claim.reading.refs.map((r) => r.column).filter((c, i, all) => all.indexOf(c) === i);
      const cells = readCells(model, claim.pattern.shareOf.table, claim.pattern.shareOf.rows, columns, 'asStated');
      if (cells.value !== null) whole = { value: cells.value, figure: null, cells };
    }
    if (!whole || whole.value <= 0) continue;
    const exact = (part.value / whole.value) * 100;
    const step = 10 ** -pct.decimals;
    const rounded = Math.abs(exact - pct.value) <= step / 2 + 1e-9;
    const truncated = exact - pct.value >= -1e-9 && exact - pct.value < step;
    shares.push({
      sentence: s, percent: figure(s, pct, leftStart), part: figure(s, part, part.start), whole,
      // (toFixed takes at most 100 digits, and no double holds more than 17: a fuzzed 9.999…% has 101.)
      computed: exact.toFixed(Math.min(pct.decimals, 20)), status: rounded || truncated ? 'holds' : 'fails',
    });
  }
  return shares;
}

export interface PartsAndWholes {
  readonly enumerations: readonly Enumeration[];
  readonly shares: readonly Share[];
}

const cache = new WeakMap<ReportModel, PartsAndWholes>();

/** Every list of parts after a whole, in the narrative and in table cells with words, and every share. */
export function partsAndWholes(model: ReportModel): PartsAndWholes {
  const cached = cache.get(model);
  if (cached) return cached;
  const claimOf = new Map<ScannedNumber, Claim>();
  const tableOf = new Map<ScannedNumber, TableId>();
  for (const c of extractClaims(model)) {
    if (c.number && c.pattern.shareOf && !claimOf.has(c.number)) claimOf.set(c.number, c);
    if (c.number && !tableOf.has(c.number)) tableOf.set(c.number, c.pattern.target.table);
  }
  const enumerations: Enumeration[] = [];
  const shares: Share[] = [];
  for (const s of narrativeOf(model).sentences) {
    const own = enumerationsIn(s, false, tableOf);
    enumerations.push(...own);
    shares.push(...sharesIn(model, s, own, claimOf));
  }
  for (const table of Object.values(model.tables)) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.state !== 'invalid' || !/[（(]/u.test(cell.raw)) continue;
        for (const s of sentencesOfSpan(model, cell.span, table.spec.section)) enumerations.push(...enumerationsIn(s, true));
      }
    }
  }
  const result = { enumerations, shares };
  cache.set(model, result);
  return result;
}
