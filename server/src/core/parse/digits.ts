/**
 * Splitting runs of digits (web text with no separators: `352001038` for a row of seven cells) into
 * cell values, by the table's identities — all runs of the table at once, rows and columns together.
 *
 * - Spaces that are there are separators: a run is given as its pieces (`500000 5` → `500000`, `5`),
 *   and no cell spans two pieces.
 * - A run with only one split (as many digits as cells, or pieces that fix it) is read as it is,
 *   whatever the sums say: the report may be wrong, and the identities then say so.
 * - Otherwise the split that breaks the fewest identities wins; when every split breaks some, the
 *   fewest digits per cell break the tie (the sum of the squared part lengths). A run is declared
 *   unseparable only when several splits are equally plausible (or when the search's budget of
 *   candidate splits is spent).
 */
import type { CellRef, IdentitySpec } from '../format/schema';

export interface PackedRun {
  /** The run's digits, its pieces joined. */
  readonly digits: string;
  /** The run's pieces, as spaces separate them in the text; by default the run is one piece. */
  readonly pieces?: readonly string[];
  /** The cells the run holds, in order. */
  readonly cells: readonly CellRef[];
}

export interface RunSplit {
  /** Per run: the parts (digit strings) when determined, or null. */
  readonly parts: readonly (readonly string[] | null)[];
  /** Per run: 1 when determined; otherwise the number of equally plausible splits seen (0: none at all). */
  readonly solutions: readonly number[];
}

const key = (ref: CellRef): string => `${ref.row}\u0000${ref.column}`;

/** Enough to call a run ambiguous; counting further is pointless. */
const MAX_SOLUTIONS = 64;
/** The splits one run may have before it is called ambiguous without looking further. */
const RUN_CANDIDATES = 20_000;
/** The splits all runs of a table may have together (the search's memory and time). */
const TABLE_CANDIDATES = 100_000;
/** Nodes of the enumeration of one run, and of the search across runs. */
const NODE_BUDGET = 400_000;
const MAX_PART_DIGITS = 9;

/** Every split of a run into `n` parts without leading zeros, none across a piece; null when too many. */
export function enumerateSplits(pieces: readonly string[], n: number, limit = RUN_CANDIDATES): string[][] | null {
  const total = pieces.reduce((s, p) => s + p.length, 0);
  if (pieces.length === 0 || pieces.length > n || total < n || total > n * MAX_PART_DIGITS) return [];
  const results: string[][] = [];
  const parts: string[] = [];
  let nodes = 0;
  let overflow = false;
  // p: the piece, pos: the position in it, left: digits left in all pieces.
  const walk = (p: number, pos: number, left: number): void => {
    if (overflow) return;
    if (++nodes > NODE_BUDGET) {
      overflow = true;
      return;
    }
    if (p === pieces.length) {
      if (parts.length === n) {
        results.push([...parts]);
        if (results.length > limit) overflow = true;
      }
      return;
    }
    const piece = pieces[p]!;
    const cellsLeft = n - parts.length;
    // Every piece not yet begun needs a cell of its own; every cell at most MAX_PART_DIGITS digits.
    const piecesLeft = pieces.length - p;
    if (cellsLeft < piecesLeft || left < cellsLeft || left > cellsLeft * MAX_PART_DIGITS) return;
    const rest = piece.length - pos;
    const maxLen = Math.min(MAX_PART_DIGITS, rest);
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1 && piece.charCodeAt(pos) === 48 /* 0 */) break;
      parts.push(piece.slice(pos, pos + len));
      if (len === rest) walk(p + 1, 0, left - len);
      else walk(p, pos + len, left - len);
      parts.pop();
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the closure (walk), which TypeScript's narrowing does not follow
      if (overflow) return;
    }
  };
  walk(0, 0, total);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the closure (walk), which TypeScript's narrowing does not follow
  return overflow ? null : results;
}

interface Candidate {
  readonly parts: readonly string[];
  readonly values: readonly number[];
  /** Identities this split breaks that involve no other undetermined run. */
  readonly broken: number;
  /** Σ (digits per part)²: fewer digits per cell is cheaper. */
  readonly cost: number;
}

interface SlotIdentity {
  readonly stated: number;
  readonly plus: readonly number[];
  readonly minus: readonly number[];
}

function holds(c: SlotIdentity, values: Float64Array): boolean {
  let sum = 0;
  for (const i of c.plus) sum += values[i]!;
  for (const i of c.minus) sum -= values[i]!;
  return sum === values[c.stated]!;
}

export function splitRuns(runs: readonly PackedRun[], known: ReadonlyMap<string, number>, identities: readonly IdentitySpec[]): RunSplit {
  const parts: (readonly string[] | null)[] = runs.map(() => null);
  const solutions: number[] = runs.map(() => 0);

  // Every split of every run, as far as the budget goes.
  let budget = TABLE_CANDIDATES;
  const all = runs.map((run) => {
    const splits = budget > 0 ? enumerateSplits(run.pieces ?? [run.digits], run.cells.length, Math.min(RUN_CANDIDATES, budget)) : null;
    if (splits) budget -= splits.length;
    return splits;
  });
  all.forEach((splits, i) => {
    if (splits === null) solutions[i] = MAX_SOLUTIONS + 1;
    else if (splits.length === 1) {
      parts[i] = splits[0]!; // certain, whatever the sums say
      solutions[i] = 1;
    }
  });
  const open = all.map((s, i) => (s !== null && s.length > 1 ? i : -1)).filter((i) => i >= 0);
  if (open.length === 0) return { parts, solutions };

  // Slots: the open runs' cells first, then every value the identities may use.
  const slotOf = new Map<string, number>();
  const initial: number[] = [];
  const runOfSlot: number[] = [];
  open.forEach((runIndex, step) => {
    for (const cell of runs[runIndex]!.cells) {
      slotOf.set(key(cell), initial.length);
      initial.push(0);
      runOfSlot.push(step);
    }
  });
  const fixedValue = new Map(known);
  runs.forEach((run, i) => {
    const fixed = parts[i];
    if (fixed) run.cells.forEach((cell, j) => fixedValue.set(key(cell), Number(fixed[j])));
  });
  const slot = (k: string): number | undefined => {
    let s = slotOf.get(k);
    if (s !== undefined) return s;
    const v = fixedValue.get(k);
    if (v === undefined) return undefined;
    s = initial.length;
    slotOf.set(k, s);
    initial.push(v);
    runOfSlot.push(-1);
    return s;
  };
  // The identities that can be evaluated, each with the steps (open runs) it involves.
  const local: SlotIdentity[][] = open.map(() => []);
  const crossAt: SlotIdentity[][] = open.map(() => []);
  for (const identity of identities) {
    const refs = [identity.stated, ...identity.plus, ...identity.minus].map(key);
    const slots = refs.map(slot);
    if (slots.some((s) => s === undefined)) continue;
    const steps = new Set(slots.map((s) => runOfSlot[s!]!).filter((s) => s >= 0));
    if (steps.size === 0) continue;
    const spec: SlotIdentity = { stated: slots[0]!, plus: slots.slice(1, 1 + identity.plus.length) as number[], minus: slots.slice(1 + identity.plus.length) as number[] };
    if (steps.size === 1) local[[...steps][0]!]!.push(spec);
    else crossAt[Math.max(...steps)]!.push(spec);
  }
  const values = Float64Array.from(initial);
  const firstSlot: number[] = [];
  {
    let s = 0;
    open.forEach((runIndex, step) => {
      firstSlot[step] = s;
      s += runs[runIndex]!.cells.length;
    });
  }
  const assign = (step: number, v: readonly number[]): void => {
    const base = firstSlot[step]!;
    for (let j = 0; j < v.length; j++) values[base + j] = v[j]!;
  };
  const candidates: Candidate[][] = open.map((runIndex, step) =>
    all[runIndex]!.map((p) => {
      const v = p.map(Number);
      assign(step, v);
      let broken = 0;
      for (const c of local[step]!) if (!holds(c, values)) broken++;
      return { parts: p, values: v, broken, cost: p.reduce((s, x) => s + x.length * x.length, 0) };
    }).sort((a, b) => a.broken - b.broken || a.cost - b.cost),
  );

  const search = (options: readonly (readonly Candidate[])[]): { agreed: (number | null)[]; ties: number } | null => {
    let bestBroken = Infinity;
    let bestCost = Infinity;
    let ties = 0;
    let agreed: (number | null)[] = [];
    const chosen: number[] = [];
    let nodes = 0;
    let overflow = false;
    // Worse than the best: more broken identities, or as many (some) and more digits per cell.
    const worse = (broken: number, cost: number): boolean => broken > bestBroken || (broken === bestBroken && broken > 0 && cost > bestCost);
    const walk = (step: number, broken: number, cost: number): void => {
      if (overflow) return;
      if (++nodes > NODE_BUDGET) {
        overflow = true;
        return;
      }
      if (step === open.length) {
        if (broken < bestBroken || (broken === bestBroken && broken > 0 && cost < bestCost)) {
          bestBroken = broken;
          bestCost = cost;
          ties = 0;
          agreed = [...chosen];
        } else {
          chosen.forEach((c, s) => {
            if (agreed[s] !== c) agreed[s] = null;
          });
        }
        if (++ties > MAX_SOLUTIONS) overflow = true;
        return;
      }
      const list = options[step]!;
      for (let o = 0; o < list.length; o++) {
        const option = list[o]!;
        // Sorted by broken identities, then cost: once one is worse than the best, so is every later one.
        if (worse(broken + option.broken, cost + option.cost)) break;
        if (++nodes > NODE_BUDGET) {
          overflow = true;
          return;
        }
        assign(step, option.values);
        let b = broken + option.broken;
        for (const c of crossAt[step]!) if (!holds(c, values)) b++;
        if (worse(b, cost + option.cost)) continue;
        chosen.push(o);
        walk(step + 1, b, cost + option.cost);
        chosen.pop();
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the closure (walk), which TypeScript's narrowing does not follow
      if (overflow) return;
      }
    };
    walk(0, 0, 0);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the closure (walk), which TypeScript's narrowing does not follow
    if (overflow || ties === 0) return null;
    return { agreed, ties };
  };
  // All splits first; if that is too much, only each run's splits that break fewest of its own identities.
  let options: readonly (readonly Candidate[])[] = candidates;
  let result = search(options);
  if (!result) {
    options = candidates.map((list) => list.filter((c) => c.broken === list[0]!.broken));
    result = search(options);
  }
  open.forEach((runIndex, step) => {
    const choice = result?.agreed[step];
    if (result && typeof choice === 'number') {
      parts[runIndex] = options[step]![choice]!.parts;
      solutions[runIndex] = 1;
    } else {
      solutions[runIndex] = result ? result.ties : MAX_SOLUTIONS + 1;
    }
  });
  return { parts, solutions };
}
