/**
 * Applying fixes: plain text edits on a string. `applyEdits` applies a set of edits and rejects,
 * deterministically, any that overlaps one accepted before it; `fixAll` applies every safe fix,
 * analysing again after each round until nothing is left to do; `unifiedDiff` shows what changed
 * (`govreport fix` without `--write`).
 */
import { analyze, type Analysis, type AnalyzeOptions } from './analyze';
import { applyRuleConfig, type RuleConfig } from './config';
import type { Fix, TextEdit } from './findings';
import { editsKeepValues } from './keepsValues';

export interface EditResult {
  readonly text: string;
  readonly applied: readonly TextEdit[];
  /** Edits left out because they overlap one applied before them (or fall outside the text). */
  readonly rejected: readonly TextEdit[];
}

/**
 * Whether two edits touch the same text: their ranges intersect, an insertion falls inside the
 * other's range, or both insert at the same point (their order would be a guess).
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  const aEmpty = a.span.start === a.span.end;
  const bEmpty = b.span.start === b.span.end;
  if (aEmpty && bEmpty) return a.span.start === b.span.start;
  if (aEmpty) return a.span.start > b.span.start && a.span.start < b.span.end;
  if (bEmpty) return b.span.start > a.span.start && b.span.start < a.span.end;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

function valid(edit: TextEdit, length: number): boolean {
  return Number.isInteger(edit.span.start) && Number.isInteger(edit.span.end) && edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= length;
}

/** Applies edits given as offsets into `text`. First come, first served: a later edit that conflicts is rejected. */
export function applyEdits(text: string, edits: readonly TextEdit[]): EditResult {
  const accepted: TextEdit[] = [];
  const rejected: TextEdit[] = [];
  for (const edit of edits) {
    if (!valid(edit, text.length) || accepted.some((a) => editsConflict(a, edit))) rejected.push(edit);
    else accepted.push(edit);
  }
  // Apply from the end so that earlier offsets stay valid; insertions at one point keep their order.
  const order = accepted.map((edit, index) => ({ edit, index })).sort((x, y) => y.edit.span.start - x.edit.span.start || y.edit.span.end - x.edit.span.end || y.index - x.index);
  let result = text;
  for (const { edit } of order) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return { text: result, applied: accepted, rejected };
}

/** Applies one fix's edits together, or none of them when they overlap each other. */
export function applyFix(text: string, fix: Fix): string {
  const result = applyEdits(text, fix.edits);
  return result.rejected.length > 0 ? text : result.text;
}

function fixKey(fix: Fix): string {
  return JSON.stringify(fix.edits.map((e) => [e.span.start, e.span.end, e.newText]));
}

/**
 * The safe fixes fix-all applies in one round: for each finding its first safe fix (the preferred
 * one first), each fix once, whole fixes only, none overlapping another.
 */
export function safeFixes(analysis: Analysis): Fix[] {
  const chosen: Fix[] = [];
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  for (const finding of analysis.findings) {
    const safe = finding.fixes.filter((f) => f.safe);
    const fix = safe.find((f) => f.preferred) ?? safe[0];
    if (!fix) continue;
    const key = fixKey(fix);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((e) => !valid(e, analysis.model.text.length) || edits.some((o) => editsConflict(o, e)))) continue;
    if (applyEdits(analysis.model.text, fix.edits).rejected.length > 0) continue;
    chosen.push(fix);
    edits.push(...fix.edits);
  }
  return chosen;
}

export interface FixAllOptions extends AnalyzeOptions {
  /** Rounds of analyse → apply at most (each round may make new fixes possible). */
  readonly maxRounds?: number;
  /** The rule configuration: no fix of a finding it switches off. */
  readonly config?: RuleConfig;
}

export interface FixAllResult {
  readonly text: string;
  /** Fixes applied, round by round (their titles). */
  readonly rounds: readonly (readonly string[])[];
}

/** Every safe fix, round after round, until none is left (or `maxRounds`, 10 by default). */
export function fixAllDetailed(text: string, options: FixAllOptions = {}): FixAllResult {
  const maxRounds = options.maxRounds ?? 10;
  const rounds: string[][] = [];
  let current = text;
  for (let round = 0; round < maxRounds; round++) {
    const analysis = analyze(current, options);
    const config = options.config;
    const offered = safeFixes(config ? { ...analysis, findings: applyRuleConfig(analysis.findings, config) } : analysis);
    const fixes = keepingValues(analysis, current, offered);
    if (fixes.length === 0) break;
    const next = applyEdits(current, fixes.flatMap((f) => f.edits)).text;
    if (next === current) break;
    rounds.push(fixes.map((f) => f.title));
    current = next;
  }
  return { text: current, rounds };
}

/**
 * The fixes that keep every value the author typed where it was (keepsValues.ts): all of them when
 * together they do (one parse); otherwise each is taken in turn only if it keeps them with those
 * taken before it.
 */
function keepingValues(analysis: Analysis, text: string, fixes: readonly Fix[]): Fix[] {
  if (fixes.length === 0) return [];
  const all = fixes.flatMap((f) => f.edits);
  if (editsKeepValues(analysis.model, all, applyEdits(text, all).text)) return [...fixes];
  const kept: Fix[] = [];
  for (const fix of fixes) {
    const edits = [...kept.flatMap((f) => f.edits), ...fix.edits];
    if (editsKeepValues(analysis.model, edits, applyEdits(text, edits).text)) kept.push(fix);
  }
  return kept;
}

/** Whether a fix keeps every value the author typed (the cells it edits itself aside): only such fixes are offered. */
export function fixKeepsValues(analysis: Analysis, fix: Fix): boolean {
  const result = applyEdits(analysis.model.text, fix.edits);
  return result.rejected.length === 0 && editsKeepValues(analysis.model, fix.edits, result.text);
}

export function fixAll(text: string, options: FixAllOptions = {}): string {
  return fixAllDetailed(text, options).text;
}

/** One edit that turns `before` into `after`: the changed middle, common start and end left alone. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Do not split a surrogate pair.
  if (start > 0 && start < before.length && /[\udc00-\udfff]/u.test(before[start]!)) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  if (endBefore < before.length && /[\udc00-\udfff]/u.test(before[endBefore]!) && endBefore > start) {
    endBefore++;
    endAfter++;
  }
  return { span: { start, end: endBefore }, newText: after.slice(start, endAfter) };
}

// ---------------------------------------------------------------------------------------------
// Unified diff

/**
 * Lines as `patch` and `git apply` read them: split after each LF only, each keeping its line break
 * (a CRLF line keeps its CR, and a lone CR — an old Mac line end — is a character of its line), so
 * that a changed line ending shows as a change and the diff applies to the very bytes.
 */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const next = end < 0 ? text.length : end + 1;
    lines.push(text.slice(start, next));
    start = next;
  }
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * The shortest edit script between two line arrays: the common first and last lines set aside, then
 * Myers' O(ND) algorithm on the middle, lines compared by number. Memory O(D²) for D changed lines
 * (the trace keeps only the diagonals each step reached), whatever the length of the file.
 */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: ' ', line: a[i]! });
  for (const op of myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) ops.push(op);
  for (let i = a.length - tail; i < a.length; i++) ops.push({ kind: ' ', line: a[i]! });
  return ops;
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const ids = new Map<string, number>();
  const id = (line: string): number => {
    let n = ids.get(line);
    if (n === undefined) ids.set(line, (n = ids.size));
    return n;
  };
  const ai = Int32Array.from(a, id);
  const bi = Int32Array.from(b, id);
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  // v[offset + k]: the furthest x reached on diagonal k. Step d reads diagonals of the other parity
  // only, so one array serves; the trace keeps, before each step d, its diagonals −d−1 … d+1.
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let last = -1;
  for (let d = 0; d <= max && last < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && ai[x] === bi[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        last = d;
        break;
      }
    }
  }
  // Walk back through the trace.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = last; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const at = (k: number): number => vd[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (down) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x]! });
    y--;
  }
  return ops.reverse();
}

/** A diff line as `diff -u` prints it: the line as it is (a CRLF line keeps its CR); a last line without a line break marked. */
function printLine(op: Op): string {
  return op.line.endsWith('\n') ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/**
 * How many places change from `before` to `after`, counted as the diff shows them: each run of
 * adjacent changed lines (removed and added lines with no unchanged line between them) is one place,
 * however many fixes made it; a hunk (`@@`) may hold several.
 */
export function changedPlaces(before: string, after: string): number {
  if (before === after) return 0;
  let places = 0;
  let inRun = false;
  for (const op of diffLines(splitLines(before), splitLines(after))) {
    if (op.kind === ' ') inRun = false;
    else if (!inRun) {
      places++;
      inRun = true;
    }
  }
  return places;
}

/**
 * The hunks of a unified diff (`@@` lines with `context` lines around each change), without the
 * `---`/`+++` header: '' when equal. What the CLI encodes in the file's own encoding.
 */
export function diffHunks(before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  let out = '';
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change
    // that is within 2 × context lines of the previous one.
    let start = i;
    while (start > 0 && i - start < context && ops[start - 1]!.kind === ' ') start--;
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap]!.kind === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) end = gap;
      else {
        end = Math.min(end + context, gap);
        break;
      }
    }
    let oldLine = 1;
    let newLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j]!.kind !== '+') oldLine++;
      if (ops[j]!.kind !== '-') newLine++;
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const range = (line: number, count: number): string => `${count === 0 ? line - 1 : line}${count === 1 ? '' : `,${count}`}`;
    out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
    for (const op of hunk) out += printLine(op);
    i = end;
  }
  return out;
}

/** A unified diff (`--- a`, `+++ b`, `@@` hunks with `context` lines around each change); '' when equal. */
export function unifiedDiff(before: string, after: string, fromName = 'a', toName = 'b', context = 3): string {
  if (before === after) return '';
  return `--- ${fromName}\n+++ ${toName}\n${diffHunks(before, after, context)}`;
}
