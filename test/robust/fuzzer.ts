/**
 * A seeded fuzzer for the core: mutates real reports (delete, duplicate and swap lines, cut the text
 * anywhere, insert odd Unicode, change line ends, add BOMs, long lines, huge, negative and full-width
 * numbers, flatten everything into one line) and checks the invariants every input must keep:
 * `analyze()` returns within a time bound proportional to the size, every span of every finding,
 * related location, fix edit and model node lies inside the document and never between the two
 * halves of a surrogate pair, every fix applies cleanly and the fixed text analyses again.
 *
 * Used by the bounded run in `npm test` (fuzz.test.ts) and the long run (`npm run fuzz`).
 */
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { toDiagnostic } from '../../server/src/core/diagnostic';
import type { Fix, TextEdit } from '../../server/src/core/findings';
import { fixAll, safeFixes } from '../../server/src/core/fix';
import { shownFindings } from '../../server/src/core/notReport';
import type { Position, Span } from '../../server/src/core/text';

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32): the same seed gives the same inputs on every machine.

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** 0 ≤ x < 1. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** 0 ≤ x < n. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** lo ≤ x ≤ hi. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Mutators

export interface Mutator {
  readonly name: string;
  apply(text: string, r: Random): string;
}

const splitLines = (text: string): string[] => text.split('\n');
const joinLines = (lines: readonly string[]): string => lines.join('\n');

const FULL_WIDTH = (d: string): string => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10);

/** Characters that break naive code: surrogate halves, NUL, line and paragraph separators, BOM… */
function oddCharacter(r: Random): string {
  switch (r.int(16)) {
    case 0: return String.fromCharCode(r.between(0xd800, 0xdbff)); // lone high surrogate
    case 1: return String.fromCharCode(r.between(0xdc00, 0xdfff)); // lone low surrogate
    case 2: return r.pick(['😀', '𠮷', '𝟘', '🇨🇳', '👨‍👩‍👧']); // astral and sequences
    case 3: return '\u0000';
    case 4: return r.pick(['\r', '\r\n', '\n', '\u2028', '\u2029', '\u0085', '\f', '\v']);
    case 5: return '\ufeff';
    case 6: return r.pick(['\t', '|', '｜', ' ', '\u3000', '  ', '\u00a0']);
    case 7: return String.fromCharCode(r.between(0x4e00, 0x9fff)); // CJK
    case 8: return r.pick(['\u0301', '\u200b', '\u200d', '\u202e', '\ufffd', '\uffff']);
    case 9: return FULL_WIDTH(String(r.int(10)));
    case 10: return String(r.int(10));
    case 11: return r.pick(['、', '。', '（', '）', '(', ')', '：', '.', '．', '-', '－', '/', '—']);
    case 12: return r.pick(['一、', '二、', '（三）', '四、', '五、', '六、', '（七）总计', '总计', '其他', '第二十条第']);
    case 13: return String.fromCharCode(r.int(0x20));
    default: return String.fromCharCode(r.int(0x10000));
  }
}

function randomNumber(r: Random): string {
  switch (r.int(6)) {
    case 0: return String(r.int(10));
    case 1: return String(r.int(1000));
    case 2: return '1' + '0'.repeat(19); // 20 digits: beyond Number.MAX_SAFE_INTEGER
    case 3: return Array.from({ length: 20 }, () => r.int(10)).join('');
    case 4: return '9'.repeat(r.between(21, 400));
    default: return `${r.int(100)}.${r.int(100)}`;
  }
}

/** Replaces some digit runs (each with probability p) by what `replace` gives. */
function replaceNumbers(text: string, r: Random, p: number, replace: (digits: string) => string): string {
  return text.replace(/[0-9０-９]+/gu, (d) => (r.chance(p) ? replace(d) : d));
}

export const MUTATORS: readonly Mutator[] = [
  {
    name: 'delete-lines',
    apply(text, r) {
      const lines = splitLines(text);
      lines.splice(r.int(lines.length), r.between(1, 8));
      return joinLines(lines);
    },
  },
  {
    name: 'duplicate-lines',
    apply(text, r) {
      const lines = splitLines(text);
      const from = r.int(lines.length);
      const copy = lines.slice(from, from + r.between(1, 30));
      lines.splice(r.int(lines.length + 1), 0, ...copy);
      return joinLines(lines);
    },
  },
  {
    name: 'swap-lines',
    apply(text, r) {
      const lines = splitLines(text);
      for (let k = r.between(1, 6); k > 0; k--) {
        const i = r.int(lines.length);
        const j = r.int(lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return joinLines(lines);
    },
  },
  {
    name: 'cut',
    apply(text, r) {
      const a = r.int(text.length + 1);
      const b = r.int(text.length + 1);
      switch (r.int(3)) {
        case 0: return text.slice(0, a);
        case 1: return text.slice(a);
        default: return text.slice(Math.min(a, b), Math.max(a, b));
      }
    },
  },
  {
    name: 'insert-unicode',
    apply(text, r) {
      let out = text;
      for (let k = r.between(1, 40); k > 0; k--) {
        const at = r.int(out.length + 1);
        let s = '';
        for (let n = r.between(1, 4); n > 0; n--) s += oddCharacter(r);
        out = out.slice(0, at) + s + out.slice(at);
      }
      return out;
    },
  },
  {
    name: 'line-ends',
    apply(text, r) {
      const plain = text.replace(/\r\n?/gu, '\n');
      switch (r.int(4)) {
        case 0: return plain.replace(/\n/gu, '\r\n');
        case 1: return plain.replace(/\n/gu, '\r');
        case 2: return plain.replace(/\n/gu, () => r.pick(['\n', '\r\n', '\r']));
        default: return plain.replace(/\n/gu, () => r.pick(['\n', '\r\r\n', '\n\r', '\u2028']));
      }
    },
  },
  {
    name: 'bom',
    apply(text, r) {
      if (r.chance(0.5)) return '\ufeff' + text;
      const lines = splitLines(text);
      for (let k = r.between(1, 5); k > 0; k--) {
        const i = r.int(lines.length);
        lines[i] = '\ufeff' + lines[i]!;
      }
      return joinLines(lines);
    },
  },
  {
    name: 'long-line',
    apply(text, r) {
      const lines = splitLines(text);
      const at = r.int(lines.length + 1);
      if (r.chance(0.5)) {
        // A very long line of table-like material.
        const length = r.pick([500, 5_000, 50_000, 200_000]);
        const alphabet = ['一', '二', '、', '总计', '1', '23', ' ', '  ', '\t', '|', '本年新收政府信息公开申请数量', '（一）', '其他', '年度报告', '0'];
        const parts: string[] = [];
        let n = 0;
        while (n < length) {
          const piece = r.pick(alphabet);
          parts.push(piece);
          n += piece.length;
        }
        lines.splice(at, 0, parts.join(''));
      } else {
        // Join a run of lines into one.
        const count = r.between(2, 400);
        lines.splice(at, count, lines.slice(at, at + count).join(r.pick(['', ' ', '\t', '|'])));
      }
      return joinLines(lines);
    },
  },
  {
    name: 'huge-numbers',
    apply(text, r) {
      return replaceNumbers(text, r, 0.2, () => randomNumber(r));
    },
  },
  {
    name: 'negative-numbers',
    apply(text, r) {
      return replaceNumbers(text, r, 0.3, (d) => r.pick(['-', '－', '−', '+', '--']) + d);
    },
  },
  {
    name: 'full-width-digits',
    apply(text, r) {
      const all = r.chance(0.5);
      return text.replace(/[0-9]/gu, (d) => (all || r.chance(0.3) ? FULL_WIDTH(d) : d));
    },
  },
  {
    name: 'flatten',
    apply(text, r) {
      // The whole report in one line, separators removed (or partly).
      return r.chance(0.7) ? text.replace(/[\s|｜]+/gu, '') : text.replace(/[\r\n]+/gu, r.pick(['', ' ', '|']));
    },
  },
  {
    name: 'change-values',
    apply(text, r) {
      // Plausible wrong values: sums fail, fixes are offered.
      return replaceNumbers(text, r, 0.15, () => String(r.int(r.chance(0.8) ? 10 : 1000)));
    },
  },
  {
    name: 'placeholders',
    apply(text, r) {
      return replaceNumbers(text, r, 0.15, () => r.pick(['', '/', '／', '-', '无', '—', '暂无', ' ', '1件', 'O', 'l']));
    },
  },
  {
    name: 'separators',
    apply(text, r) {
      let out = text;
      for (let k = r.between(1, 30); k > 0; k--) {
        const at = r.int(out.length + 1);
        out = out.slice(0, at) + r.pick(['\t', '\t\t', '|', ' | ', '   ', '\n', '\n\t', '｜']) + out.slice(at);
      }
      return out;
    },
  },
  {
    name: 'repeat',
    apply(text, r) {
      return text.repeat(r.between(2, 6));
    },
  },
  {
    name: 'splice-other',
    apply(text, r) {
      // Lines of the text in reversed order, or two halves exchanged.
      if (r.chance(0.5)) return splitLines(text).reverse().join('\n');
      const at = r.int(text.length + 1);
      return text.slice(at) + text.slice(0, at);
    },
  },
  {
    name: 'whitespace',
    apply(text, r) {
      // Tabs become spaces (or the reverse), indentation goes, full-width spaces appear.
      switch (r.int(4)) {
        case 0: return text.replace(/\t/gu, '    ');
        case 1: return text.replace(/ {2,}/gu, '\t');
        case 2: return text.replace(/^[\t ]+/gmu, '');
        default: return text.replace(/ /gu, '\u3000');
      }
    },
  },
];

export interface MutatedInput {
  readonly base: string;
  readonly steps: readonly string[];
  readonly text: string;
}

export function mutate(base: { name: string; text: string }, r: Random): MutatedInput {
  let text = base.text;
  const steps: string[] = [];
  for (let k = r.between(1, 4); k > 0; k--) {
    const m = r.pick(MUTATORS);
    text = m.apply(text, r);
    steps.push(m.name);
  }
  return { base: base.name, steps, text };
}

// ---------------------------------------------------------------------------------------------
// Invariants

export interface Violation {
  readonly kind: string;
  readonly detail: string;
}

export interface CheckOptions {
  /** Fixed allowance in ms (start-up, garbage collection, a busy machine). */
  readonly baseMs?: number;
  /** Allowance per UTF-16 code unit, in ms. */
  readonly perCharMs?: number;
  /** How many single fixes per input to apply and re-analyse. */
  readonly maxFixesApplied?: number;
  /** Also analyse a second time and compare (determinism). */
  readonly determinism?: boolean;
  /** Also run fix-all (every safe fix, round after round) and analyse its result (default true). */
  readonly fixAll?: boolean;
  /** The analysis under test (the core's analyze; the checker's own tests give it faulty ones). */
  readonly analyzer?: (text: string) => Analysis;
}

export interface CheckResult {
  readonly violations: readonly Violation[];
  /** Time of the first analysis, ms. */
  readonly ms: number;
  readonly findings: number;
  readonly fixesApplied: number;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair (inside one character). */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function checkSpan(text: string, s: Span | null | undefined, where: string, out: Violation[]): void {
  if (s === null || s === undefined) return;
  const { start, end } = s;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    out.push({ kind: 'span-out-of-range', detail: `${where}: [${start}, ${end}) in a text of ${text.length}` });
    return;
  }
  if (splitsPair(text, start) || splitsPair(text, end)) {
    out.push({ kind: 'span-splits-surrogate-pair', detail: `${where}: [${start}, ${end})` });
  }
}

function checkPosition(p: Position, lineCount: number, lineLength: (line: number) => number, where: string, out: Violation[]): void {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.line >= lineCount || p.character < 0 || p.character > lineLength(p.line)) {
    out.push({ kind: 'position-out-of-range', detail: `${where}: ${p.line}:${p.character}` });
  }
}

/** Applies edits to a text; null when they overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | null {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.span.start < pos) return null;
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + text.slice(pos);
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c)) {
      if (i + 1 < s.length && isLow(s.charCodeAt(i + 1))) i++;
      else return true;
    } else if (isLow(c)) return true;
  }
  return false;
}

function checkEdits(text: string, edits: readonly TextEdit[], where: string, out: Violation[]): boolean {
  const before = out.length;
  edits.forEach((e, i) => {
    checkSpan(text, e.span, `${where} edit ${i}`, out);
    if (typeof e.newText !== 'string') out.push({ kind: 'edit-text', detail: `${where} edit ${i}: newText ${typeof e.newText}` });
    else if (hasLoneSurrogate(e.newText) && !hasLoneSurrogate(text)) out.push({ kind: 'edit-text', detail: `${where} edit ${i}: newText has a lone surrogate` });
  });
  if (out.length === before && applyEdits(text, edits) === null) out.push({ kind: 'edits-overlap', detail: where });
  return out.length === before;
}

/**
 * CPU time of this process in ms: unlike the wall clock, it does not count the time other processes
 * (parallel test files, a busy machine) take from us.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Analyses once, timing it (CPU time); an exception becomes a violation. */
function timedAnalyze(text: string, where: string, out: Violation[], analyzer: (text: string) => Analysis = analyze): { analysis: Analysis | null; ms: number } {
  const t0 = cpuMs();
  try {
    const analysis = analyzer(text);
    return { analysis, ms: cpuMs() - t0 };
  } catch (e) {
    out.push({ kind: 'throws', detail: `${where}: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}` });
    return { analysis: null, ms: cpuMs() - t0 };
  }
}

function checkModel(a: Analysis, out: Violation[]): void {
  const { text } = a.model;
  const m = a.model;
  if (m.title) {
    checkSpan(text, m.title.span, 'title', out);
    checkSpan(text, m.title.yearSpan, 'title year', out);
  }
  m.sections.forEach((s, i) => {
    for (const [name, sp] of [['span', s.span], ['heading', s.headingSpan], ['title', s.titleSpan], ['numeral', s.numeralSpan]] as const) checkSpan(text, sp, `section ${i} ${name}`, out);
    s.subsections.forEach((sub, j) => {
      checkSpan(text, sub.span, `section ${i} subsection ${j}`, out);
      checkSpan(text, sub.headingSpan, `section ${i} subsection ${j} heading`, out);
      checkSpan(text, sub.markerSpan, `section ${i} subsection ${j} marker`, out);
    });
  });
  for (const [id, t] of Object.entries(m.tables)) {
    if (!t) continue;
    checkSpan(text, t.span, `table ${id}`, out);
    checkSpan(text, t.headerSpan, `table ${id} header`, out);
    for (const u of t.unseparable) checkSpan(text, u.span, `table ${id} unseparable`, out);
    for (const row of t.rows) {
      const where = `table ${id} row ${row.spec.id}`;
      checkSpan(text, row.span, where, out);
      checkSpan(text, row.labelSpan, `${where} label`, out);
      row.extra.forEach((e, i) => { checkSpan(text, e, `${where} extra ${i}`, out); });
      for (const cell of row.cells) {
        const before = out.length;
        checkSpan(text, cell.span, `${where} cell ${cell.column.id}`, out);
        // A cell's raw text is the text under its span (white space aside): nothing lost, nothing invented.
        if (out.length === before && cell.raw !== text.slice(cell.span.start, cell.span.end).replace(/\s+/gu, '')) {
          out.push({ kind: 'cell-text', detail: `${where} cell ${cell.column.id}: raw ${JSON.stringify(cell.raw)} ≠ text ${JSON.stringify(text.slice(cell.span.start, cell.span.end))}` });
        }
        if (cell.value !== null && !Number.isFinite(cell.value)) out.push({ kind: 'cell-value', detail: `${where} cell ${cell.column.id}: ${cell.value}` });
      }
    }
  }
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

export function checkInput(text: string, options: CheckOptions = {}): CheckResult {
  const baseMs = options.baseMs ?? 250;
  const perCharMs = options.perCharMs ?? 0.01;
  const out: Violation[] = [];
  const { analysis, ms: first } = timedAnalyze(text, 'analyze', out, options.analyzer);
  const bound = baseMs + perCharMs * text.length;
  let ms = first;
  // Over the bound: measure once more, so that a garbage collection or a first compilation alone
  // does not count as slow; the faster of the two counts.
  if (ms > bound && analysis) ms = Math.min(ms, timedAnalyze(text, 'analyze again', out, options.analyzer).ms);
  if (ms > bound) out.push({ kind: 'slow', detail: `${ms.toFixed(1)} ms CPU for ${text.length} code units (bound ${bound.toFixed(0)} ms)` });
  if (!analysis) return { violations: out, ms, findings: 0, fixesApplied: 0 };

  if (analysis.model.text !== text) out.push({ kind: 'model-text', detail: 'model.text differs from the input' });
  checkModel(analysis, out);

  const lines = analysis.model.lines;
  const lineLength = (line: number): number => lines.lineEnd(line) - lines.lineStart(line);
  const fixable: { where: string; fix: Fix }[] = [];
  // What the editor and the CLI show: for a text that is not a report, one information-level hint.
  const shown = shownFindings(analysis);
  if (!analysis.model.isReport && (shown.length !== 1 || shown[0]!.severity !== 'information')) {
    out.push({ kind: 'not-a-report', detail: `${shown.length} findings shown for a text that is not a report` });
  }
  const all = analysis.model.isReport ? analysis.findings : [...analysis.findings, ...shown];
  all.forEach((f, i) => {
    const where = `finding ${i} (${f.code})`;
    if (typeof f.code !== 'string' || f.code === '') out.push({ kind: 'finding-shape', detail: `${where}: code` });
    if (!SEVERITIES.has(f.severity)) out.push({ kind: 'finding-shape', detail: `${where}: severity ${f.severity}` });
    if (typeof f.message !== 'string' || f.message.trim() === '') out.push({ kind: 'finding-shape', detail: `${where}: empty message` });
    else if (/undefined|NaN|\[object /u.test(f.message)) out.push({ kind: 'finding-message', detail: `${where}: ${f.message}` });
    checkSpan(text, f.span, where, out);
    f.related.forEach((rel, j) => { checkSpan(text, rel.span, `${where} related ${j}`, out); });
    f.fixes.forEach((fix, j) => {
      if (typeof fix.title !== 'string' || fix.title.trim() === '') out.push({ kind: 'finding-shape', detail: `${where} fix ${j}: empty title` });
      if (fix.edits.length === 0) out.push({ kind: 'finding-shape', detail: `${where} fix ${j}: no edits` });
      if (checkEdits(text, fix.edits, `${where} fix ${j}`, out)) fixable.push({ where: `${where} fix ${j}`, fix });
    });
    // The LSP conversion: every position inside the document.
    try {
      const d = toDiagnostic(f, lines, 'file:///fuzz.txt');
      checkPosition(d.range.start, lines.lineCount, lineLength, `${where} range start`, out);
      checkPosition(d.range.end, lines.lineCount, lineLength, `${where} range end`, out);
      for (const rel of d.relatedInformation ?? []) {
        checkPosition(rel.location.range.start, lines.lineCount, lineLength, `${where} related start`, out);
        checkPosition(rel.location.range.end, lines.lineCount, lineLength, `${where} related end`, out);
      }
    } catch (e) {
      out.push({ kind: 'throws', detail: `${where} toDiagnostic: ${String(e)}` });
    }
  });

  // Every fix applied (up to a few) gives a text that analyses again.
  let fixesApplied = 0;
  for (const { where, fix } of fixable.slice(0, options.maxFixesApplied ?? 3)) {
    const fixed = applyEdits(text, fix.edits)!;
    timedAnalyze(fixed, `after ${where}`, out, options.analyzer);
    fixesApplied++;
  }
  if (options.fixAll ?? true) {
    try {
      // One round: the safe fixes fix-all chooses, applied together, must not overlap.
      const edits = safeFixes(analysis).flatMap((f) => f.edits);
      if (edits.length > 0 && checkEdits(text, edits, 'fix-all round', out)) {
        // Every round until nothing is left, then the result analysed again.
        const t0 = cpuMs();
        const fixed = fixAll(text);
        const ms = cpuMs() - t0;
        if (ms > 10 * bound) out.push({ kind: 'slow', detail: `fix-all: ${ms.toFixed(1)} ms CPU for ${text.length} code units` });
        timedAnalyze(fixed, 'after fix-all', out, options.analyzer);
        fixesApplied++;
      }
    } catch (e) {
      out.push({ kind: 'throws', detail: `fix-all: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}` });
    }
  }

  if (options.determinism) {
    const again = timedAnalyze(text, 'second analyze', out, options.analyzer).analysis;
    if (again && JSON.stringify(again.findings) !== JSON.stringify(analysis.findings)) out.push({ kind: 'nondeterministic', detail: 'two analyses of the same text differ' });
  }
  return { violations: out, ms, findings: analysis.findings.length, fixesApplied };
}

// ---------------------------------------------------------------------------------------------
// A campaign

export interface CorpusEntry {
  readonly name: string;
  readonly text: string;
}

export interface Failure {
  readonly index: number;
  readonly input: MutatedInput;
  readonly violations: readonly Violation[];
}

export interface CampaignResult {
  readonly inputs: number;
  readonly failures: readonly Failure[];
  readonly totalChars: number;
  readonly totalFindings: number;
  readonly fixesApplied: number;
  /** The slowest analysis relative to size: ms per 1,000 code units, and its input. */
  readonly slowest: { msPerKChar: number; ms: number; chars: number; steps: readonly string[] } | null;
  readonly longest: number;
  readonly ms: number;
}

export interface CampaignOptions extends CheckOptions {
  readonly seed: number;
  readonly count: number;
  readonly corpus: readonly CorpusEntry[];
  /** Check only the input with this index (the others are generated, not checked): to replay one. */
  readonly only?: number;
  /** Called after each input (progress reports). */
  readonly onInput?: (index: number, result: CheckResult, input: MutatedInput) => void;
}

export function runCampaign(options: CampaignOptions): CampaignResult {
  const r = new Random(options.seed);
  const failures: Failure[] = [];
  let totalChars = 0;
  let totalFindings = 0;
  let fixesApplied = 0;
  let longest = 0;
  let slowest: CampaignResult['slowest'] = null;
  const t0 = performance.now();
  for (let i = 0; i < options.count; i++) {
    const input = mutate(r.pick(options.corpus), r);
    if (options.only !== undefined && i !== options.only) continue;
    const result = checkInput(input.text, { ...options, determinism: options.determinism ?? i % 10 === 0 });
    totalChars += input.text.length;
    totalFindings += result.findings;
    fixesApplied += result.fixesApplied;
    longest = Math.max(longest, input.text.length);
    if (input.text.length >= 1000) {
      const msPerKChar = (result.ms / input.text.length) * 1000;
      if (!slowest || msPerKChar > slowest.msPerKChar) slowest = { msPerKChar, ms: result.ms, chars: input.text.length, steps: input.steps };
    }
    if (result.violations.length > 0) failures.push({ index: i, input, violations: result.violations });
    options.onInput?.(i, result, input);
  }
  return { inputs: options.count, failures, totalChars, totalFindings, fixesApplied, slowest, longest, ms: performance.now() - t0 };
}

/** Shrinks a failing input while it still fails with the same kind of violation (lines, then characters). */
export function shrink(text: string, kind: string, options: CheckOptions = {}, budget = 2000, seconds = 60): string {
  const fails = (t: string): boolean => checkInput(t, { ...options, determinism: false }).violations.some((v) => v.kind === kind);
  const deadline = Date.now() + seconds * 1000;
  let current = text;
  let tries = 0;
  for (const unit of ['line', 'char'] as const) {
    let pieces = unit === 'line' ? current.split(/(?<=\n)/u) : Array.from(current);
    let chunk = Math.max(1, pieces.length >> 1);
    while (chunk >= 1 && tries < budget) {
      let removed = false;
      for (let at = 0; at < pieces.length && tries < budget; ) {
        const candidate = [...pieces.slice(0, at), ...pieces.slice(at + chunk)];
        tries++;
        if (Date.now() > deadline) tries = budget;
        if (candidate.length < pieces.length && fails(candidate.join(''))) {
          pieces = candidate;
          removed = true;
        } else {
          at += chunk;
        }
      }
      if (!removed) chunk >>= 1;
    }
    current = pieces.join('');
  }
  return current;
}
