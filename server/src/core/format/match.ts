/**
 * One similarity matcher for the format's fixed wordings — section headings, subsection markers'
 * words, row labels: a text is compared with the schema's forms after normalisation (spaces,
 * full/half width), with the heading connectors (、与和及) taken as one, and by edit distance over the
 * words, so that a one-character slip (`行政法复议`) is still the heading it names. Whether a close
 * match is taken is the caller's decision, with the numeral and the position between neighbours
 * (`acceptsClose`).
 */
import { HEADING_CONNECTORS, SECTIONS, type SectionSpec } from './schema';
import { labelCharRewrites, normalizeLabel } from './normalize';
import { isWhiteSpace } from '../text';

/** How a text matched: the format's words, a listed variant, other connectors, a slip, an own second half. */
export type MatchKind = 'exact' | 'variant' | 'connector' | 'slip' | 'reworded';

export interface PhraseMatch<T> {
  readonly target: T;
  readonly kind: MatchKind;
  /** Edit distance to the nearest form (0 for exact, variant and connector matches). */
  readonly distance: number;
  /** Length of the form matched (the whole text's for a reworded match). */
  readonly formLength: number;
}

const CONNECTOR = new RegExp(HEADING_CONNECTORS.slice().sort((a, b) => b.length - a.length).join('|'), 'gu');
const TRAILING = /[\s:：。.,，;；]+$/u;

/** The form texts are compared in: normalised, trailing punctuation dropped, every connector `、`. */
export function canonical(text: string): string {
  return normalizeLabel(text).replace(TRAILING, '').replace(CONNECTOR, '、');
}

/**
 * Levenshtein distance over code points, or `max + 1` as soon as it must exceed `max` (bounded:
 * linear in the length for a small `max`).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const wide = hasSurrogate(a) || hasSurrogate(b);
  const x: ArrayLike<number | string> = wide ? Array.from(a, (ch) => ch.codePointAt(0)!) : a;
  const y: ArrayLike<number | string> = wide ? Array.from(b, (ch) => ch.codePointAt(0)!) : b;
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let previous = new Int32Array(y.length + 1);
  let current = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) previous[j] = j;
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    let rowMin = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const cost = xi === y[j - 1] ? 0 : 1;
      const v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

/** Whether a text holds a character beyond the BMP (a surrogate pair), so that its UTF-16 length is not its length in characters. */
function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}

/** The slips allowed for a form of this length: one character in a short form, two in a long one. */
export function allowedDistance(formLength: number): number {
  return formLength >= 8 ? 2 : 1;
}

export interface PhraseSet<T> {
  readonly target: T;
  /** The format's wording. */
  readonly main: string;
  readonly variants: readonly string[];
  /** First halves after which an own second half may follow a connector. */
  readonly stems?: readonly string[];
}

interface Compiled<T> {
  readonly target: T;
  readonly main: string;
  readonly variants: ReadonlySet<string>;
  readonly canonicals: readonly string[];
  /** The characters of each canonical form, for a cheap lower bound of the edit distance. */
  readonly characters: readonly ReadonlySet<string>[];
  readonly stems: readonly string[];
}

/** What a character is to a matcher's forms (`PhraseMatcher.kinds`). */
const FOREIGN = 0;
const HELD = 1;
const CONNECTOR_CHARACTER = 2;

/** Texts matched lately and their answers (the same short lines recur: cell values, row labels); cleared when full. */
const MEMO_LIMIT = 4096;

/** A matcher over a set of phrases (every section heading, every row label of a table…). */
export class PhraseMatcher<T> {
  private readonly sets: readonly Compiled<T>[];
  private readonly memo = new Map<string, PhraseMatch<T> | null>();
  /**
   * Per UTF-16 code unit, what the character is to the forms (see `cannotMatch`): FOREIGN when no
   * form can hold it once normalised, CONNECTOR_CHARACTER for a connector's character (an own second half
   * follows a connector), HELD otherwise. One table, so that a scan looks each character up once.
   */
  private readonly kinds: Uint8Array;
  private readonly hasStems: boolean;
  /** The most slips any form allows. */
  private readonly mostSlips: number;
  /** No text shorter than this (in UTF-16 code units) matches any form. */
  readonly minLength: number;
  constructor(sets: readonly PhraseSet<T>[]) {
    this.sets = sets.map((s) => {
      const canonicals = [...new Set([s.main, ...s.variants].map(canonical))];
      return {
        target: s.target,
        main: normalizeLabel(s.main),
        variants: new Set(s.variants.map(normalizeLabel)),
        canonicals,
        characters: canonicals.map((c) => new Set(c)),
        stems: (s.stems ?? []).map(canonical),
      };
    });
    this.hasStems = this.sets.some((s) => s.stems.length > 0);
    this.mostSlips = Math.max(...this.sets.flatMap((s) => s.canonicals.map((form) => allowedDistance(form.length))));
    this.minLength = Math.min(
      ...this.sets.flatMap((s) => [
        s.main.length,
        ...[...s.variants].map((v) => v.length),
        ...s.canonicals.map((form) => Array.from(form).length - allowedDistance(form.length)),
        ...s.stems.map((stem) => stem.length + 3),
      ]),
    );
    // What a form can hold: its characters (normalised), what normalisation drops or rewrites to
    // them, the trailing punctuation cut and the connectors taken as one. Surrogates count as
    // holdable (a pair is one character of a form's length).
    const held = new Set<string>();
    for (const s of this.sets) for (const form of [s.main, ...s.variants, ...s.canonicals, ...s.stems]) for (const ch of form) held.add(ch);
    for (const ch of ':：。.,，;；') held.add(ch);
    for (const connector of HEADING_CONNECTORS) for (const ch of connector) held.add(ch);
    this.kinds = new Uint8Array(0x10000); // FOREIGN
    for (const ch of held) if (ch.length === 1) this.kinds[ch.charCodeAt(0)] = HELD;
    for (const [from, to] of labelCharRewrites()) if (held.has(to)) this.kinds[from.charCodeAt(0)] = HELD;
    for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c) || (c >= 0xd800 && c <= 0xdfff)) this.kinds[c] = HELD;
    for (const connector of HEADING_CONNECTORS) for (const ch of connector) this.kinds[ch.charCodeAt(0)] = CONNECTOR_CHARACTER;
  }

  /**
   * A bound that changes no answer, checked before the memo (most short lines of a report are no
   * heading, and a memo lookup hashes the line): a text shorter than every form cannot match; nor can
   * one with more characters that no form holds than any form allows slips — each of them is, once
   * normalised, a character of the text absent from every form — unless a connector comes before
   * the first of them: an own second half, of any characters, follows a stem and its connector, and
   * every character of a stem is held. So the scan ends at the first connector if none of those came
   * before it, or as soon as there are more of them than slips.
   */
  private cannotMatch(text: string): boolean {
    if (text.length < this.minLength) return true;
    const kinds = this.kinds;
    let foreign = 0;
    for (let i = 0; i < text.length; i++) {
      const kind = kinds[text.charCodeAt(i)];
      if (kind === FOREIGN) {
        if (++foreign > this.mostSlips) return true;
      } else if (kind === CONNECTOR_CHARACTER && foreign === 0 && this.hasStems) return false;
    }
    return false;
  }

  /**
   * Whether no text `text.slice(p).trimStart()` with `from ≤ p ≤ to` can match: `cannotMatch` for
   * them all at once, in one scan and with no string cut out. Each of them is at most
   * `text.length - from` code units long and holds at least the characters of `text.slice(to)` that
   * no form holds (white space is held); and the first of its characters that is not held or is a
   * connector is one of those before `to`, or the first one from `to` on: unless one of these is a
   * connector, none of the texts opens with a stem and its connector.
   */
  cannotMatchAfter(text: string, from: number, to: number): boolean {
    if (text.length - from < this.minLength) return true;
    const kinds = this.kinds;
    let foreign = 0;
    for (let i = from; i < text.length; i++) {
      const kind = kinds[text.charCodeAt(i)];
      if (kind === HELD) continue;
      if (kind === CONNECTOR_CHARACTER) {
        if ((i < to || foreign === 0) && this.hasStems) return false;
      } else if (i >= to && ++foreign > this.mostSlips) return true;
    }
    return false;
  }

  /** The nearest phrase to `text` (the whole text, without its numbering), or null when none is near. */
  match(text: string): PhraseMatch<T> | null {
    if (this.cannotMatch(text)) return null;
    const known = this.memo.get(text);
    if (known !== undefined) return known;
    const answer = this.compute(text);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(text, answer);
    return answer;
  }

  private compute(text: string): PhraseMatch<T> | null {
    const normalized = normalizeLabel(text).replace(TRAILING, '');
    if (normalized === '') return null;
    for (const s of this.sets) if (s.main === normalized) return { target: s.target, kind: 'exact', distance: 0, formLength: s.main.length };
    for (const s of this.sets) if (s.variants.has(normalized)) return { target: s.target, kind: 'variant', distance: 0, formLength: normalized.length };
    const c = canonical(text);
    for (const s of this.sets) if (s.canonicals.includes(c)) return { target: s.target, kind: 'connector', distance: 0, formLength: c.length };
    let best: PhraseMatch<T> | null = null;
    const wide = hasSurrogate(c);
    for (const s of this.sets) {
      s.canonicals.forEach((form, k) => {
        const allowed = allowedDistance(form.length);
        // Lower bounds first: the difference in length, and the characters of the text the form lacks.
        if (!wide && Math.abs(c.length - form.length) > allowed) return;
        const characters = s.characters[k]!;
        let absent = 0;
        for (const ch of c) if (!characters.has(ch) && ++absent > allowed) return;
        const d = editDistance(c, form, allowed);
        if (d <= allowed && (best === null || d < best.distance)) best = { target: s.target, kind: 'slip', distance: d, formLength: form.length };
      });
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set inside the closure (the forEach), which TypeScript's narrowing does not follow
    if (best) return best;
    for (const s of this.sets) {
      for (const stem of s.stems) {
        if (!c.startsWith(`${stem}、`)) continue;
        const tail = c.length - stem.length - 1;
        if (tail >= 2 && tail <= 14) return { target: s.target, kind: 'reworded', distance: 0, formLength: c.length };
      }
    }
    return null;
  }
}

/** The six section headings. */
export const HEADING_MATCHER = new PhraseMatcher<SectionSpec>(
  SECTIONS.map((spec) => ({ target: spec, main: spec.title, variants: spec.titleVariants, stems: spec.titleStems ?? [] })),
);

/**
 * Whether a close match (a slip or an own second half) is taken for its section: its numeral names
 * the section, or it stands where the section belongs, between the neighbouring sections found; a
 * short form (`总体情况`) needs both.
 */
export function acceptsClose(match: PhraseMatch<SectionSpec>, numeralOrder: number | null, previousOrder: number, nextOrder: number): boolean {
  if (match.kind !== 'slip' && match.kind !== 'reworded') return true;
  const order = match.target.order;
  const byNumeral = numeralOrder === order;
  const byPosition = previousOrder < order && order < nextOrder;
  return match.formLength >= 8 ? byNumeral || byPosition : byNumeral && byPosition;
}

/** Whether a line (without its marker) opens with one of a section's content cues. */
export function opensWithCue(text: string, cues: readonly string[]): string | null {
  const c = canonical(text);
  for (const cue of cues) if (c.startsWith(canonical(cue))) return cue;
  return null;
}
