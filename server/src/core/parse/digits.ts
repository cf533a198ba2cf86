/**
 * Splitting runs of digits (web text with no separators: `352001038` for a row of seven cells) into
 * cell values. A run is split only where the table's identities leave exactly one way to split it;
 * otherwise its cells are reported as unreadable — never guessed.
 */
import type { CellRef, IdentitySpec } from '../format/schema';

export interface PackedRun {
  readonly digits: string;
  /** The cells the run holds, in order. */
  readonly cells: readonly CellRef[];
}

export interface RunSplit {
  /** Per run: the parts (digit strings) when unique, or null with the number of solutions seen. */
  readonly parts: readonly (readonly string[] | null)[];
  readonly solutions: readonly number[];
}

const key = (ref: CellRef): string => `${ref.row}\u0000${ref.column}`;

/** Enough to call a run ambiguous; counting further is pointless. */
const MAX_SOLUTIONS = 64;
const NODE_BUDGET = 400_000;
const MAX_PART_DIGITS = 9;

interface Check {
  readonly identity: IdentitySpec;
  readonly cells: readonly string[];
}

function evaluate(identity: IdentitySpec, value: (k: string) => number): boolean {
  let sum = 0;
  for (const t of identity.plus) sum += value(key(t));
  for (const t of identity.minus) sum -= value(key(t));
  return sum === value(key(identity.stated));
}

function cellsOf(identity: IdentitySpec): string[] {
  return [identity.stated, ...identity.plus, ...identity.minus].map(key);
}

/** An identity over slots of a value array: stated = Σ plus − Σ minus. */
interface SlotCheck {
  readonly stated: number;
  readonly plus: readonly number[];
  readonly minus: readonly number[];
}

function holds(c: SlotCheck, values: Float64Array): boolean {
  let sum = 0;
  for (const i of c.plus) sum += values[i]!;
  for (const i of c.minus) sum -= values[i]!;
  return sum === values[c.stated]!;
}

/** Every split of one run (parts without leading zeros) that satisfies the identities it completes alone. */
function localSplits(run: PackedRun, known: ReadonlyMap<string, number>, identities: readonly IdentitySpec[]): string[][] | 'too-many' {
  const n = run.cells.length;
  const runKeys = run.cells.map(key);
  const position = new Map(runKeys.map((k, i) => [k, i]));
  // Values live in an array: the run's cells first, then the known cells the checks use.
  const slotOf = new Map(position);
  const values: number[] = new Array<number>(n).fill(0);
  const slot = (k: string): number => {
    let s = slotOf.get(k);
    if (s === undefined) {
      s = values.length;
      slotOf.set(k, s);
      values.push(known.get(k)!);
    }
    return s;
  };
  // Identities whose cells all lie in this run or among the known values, checked as soon as the
  // last of their cells in this run is assigned.
  const checksAt: SlotCheck[][] = Array.from({ length: n }, () => []);
  for (const identity of identities) {
    const cells = cellsOf(identity);
    if (!cells.every((c) => position.has(c) || known.has(c))) continue;
    const last = Math.max(...cells.map((c) => position.get(c) ?? -1));
    if (last >= 0) checksAt[last]!.push({ stated: slot(key(identity.stated)), plus: identity.plus.map((t) => slot(key(t))), minus: identity.minus.map((t) => slot(key(t))) });
  }
  const slots = Float64Array.from(values);
  const results: string[][] = [];
  const parts: string[] = [];
  let nodes = 0;
  let overflow = false;
  const digits = run.digits;
  const walk = (index: number, pos: number): void => {
    if (overflow) return;
    if (++nodes > NODE_BUDGET) {
      overflow = true;
      return;
    }
    if (index === n) {
      if (pos === digits.length) {
        results.push([...parts]);
        if (results.length > MAX_SOLUTIONS) overflow = true;
      }
      return;
    }
    const remainingParts = n - index;
    const remainingDigits = digits.length - pos;
    // Every part has 1 to MAX_PART_DIGITS digits; the last takes whatever is left.
    if (remainingDigits < remainingParts || remainingDigits > remainingParts * MAX_PART_DIGITS) return;
    const minLen = remainingParts === 1 ? remainingDigits : 1;
    const maxLen = Math.min(MAX_PART_DIGITS, remainingDigits - (remainingParts - 1));
    const checks = checksAt[index]!;
    for (let len = minLen; len <= maxLen; len++) {
      if (len > 1 && digits.charCodeAt(pos) === 48 /* 0 */) break;
      const part = digits.slice(pos, pos + len);
      parts.push(part);
      slots[index] = Number(part);
      let ok = true;
      for (const c of checks) {
        if (!holds(c, slots)) {
          ok = false;
          break;
        }
      }
      if (ok) walk(index + 1, pos + len);
      parts.pop();
      if (overflow) return;
    }
  };
  if (digits.length >= n) walk(0, 0);
  return overflow ? 'too-many' : results;
}

export function splitRuns(runs: readonly PackedRun[], known: ReadonlyMap<string, number>, identities: readonly IdentitySpec[]): RunSplit {
  const candidates = runs.map((run) => localSplits(run, known, identities));
  const parts: (readonly string[] | null)[] = candidates.map((c) => (c !== 'too-many' && c.length === 1 ? c[0]! : null));
  const solutions = candidates.map((c) => (c === 'too-many' ? MAX_SOLUTIONS + 1 : c.length));

  // Runs with several local splits: let the identities across runs choose, if they can.
  const open = candidates.map((c, i) => (c !== 'too-many' && c.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (open.length === 0) return { parts, solutions };

  const values = new Map(known);
  runs.forEach((run, i) => {
    const fixed = parts[i];
    if (fixed) run.cells.forEach((cell, j) => values.set(key(cell), Number(fixed[j])));
  });
  const openCells = new Set(open.flatMap((i) => runs[i]!.cells.map(key)));
  const assignedAfter = new Map<number, Check[]>();
  const order = open;
  for (const identity of identities) {
    const cells = cellsOf(identity);
    if (!cells.some((c) => openCells.has(c))) continue;
    if (!cells.every((c) => values.has(c) || openCells.has(c))) continue;
    // Checked once the last open run that holds one of its cells is chosen.
    let lastStep = -1;
    order.forEach((runIndex, step) => {
      if (runs[runIndex]!.cells.some((cell) => cells.includes(key(cell)))) lastStep = step;
    });
    const list = assignedAfter.get(lastStep) ?? [];
    list.push({ identity, cells });
    assignedAfter.set(lastStep, list);
  }
  const chosen: number[] = [];
  const agreed: (number | null | undefined)[] = order.map(() => undefined);
  let found = 0;
  let nodes = 0;
  let overflow = false;
  const walk = (step: number): void => {
    if (overflow) return;
    if (++nodes > NODE_BUDGET) {
      overflow = true;
      return;
    }
    if (step === order.length) {
      found++;
      chosen.forEach((c, s) => {
        agreed[s] = agreed[s] === undefined ? c : agreed[s] === c ? c : null;
      });
      if (found > MAX_SOLUTIONS) overflow = true;
      return;
    }
    const runIndex = order[step]!;
    const run = runs[runIndex]!;
    const options = candidates[runIndex] as string[][];
    options.forEach((option, o) => {
      if (overflow) return;
      run.cells.forEach((cell, j) => values.set(key(cell), Number(option[j])));
      const ok = (assignedAfter.get(step) ?? []).every((c) => evaluate(c.identity, (k) => values.get(k)!));
      if (ok) {
        chosen.push(o);
        walk(step + 1);
        chosen.pop();
      }
    });
    run.cells.forEach((cell) => values.delete(key(cell)));
  };
  walk(0);
  order.forEach((runIndex, step) => {
    const choice = agreed[step];
    if (!overflow && found > 0 && typeof choice === 'number') {
      parts[runIndex] = (candidates[runIndex] as string[][])[choice]!;
      solutions[runIndex] = 1;
    } else {
      solutions[runIndex] = overflow ? MAX_SOLUTIONS + 1 : found;
    }
  });
  return { parts, solutions };
}
