/**
 * Text normalisation for matching labels and reading numbers: full-width and half-width forms,
 * spaces inside labels, numbering punctuation.
 */
import { isWhiteSpace } from '../text';

/**
 * Labels and cell texts repeat within a report, from keystroke to keystroke and from report to
 * report (the format prescribes them): the pure functions below remember their results for short
 * strings. Bounded: a full cache is emptied, so memory stays small whatever the input.
 */
const MEMO_SIZE = 4096;
const MEMO_MAX_LENGTH = 64;
const labelCache = new Map<string, string>();
const cellCache = new Map<string, NumberReading>();

function memo<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  if (key.length > MEMO_MAX_LENGTH) return compute(key);
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= MEMO_SIZE) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const FULL_WIDTH_DIGIT_0 = 0xff10;
const FULL_WIDTH_DIGITS = /[０-９]/u;

/** Full-width digits → ASCII digits; other characters unchanged (same length). */
export function asciiDigits(text: string): string {
  if (!FULL_WIDTH_DIGITS.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= FULL_WIDTH_DIGIT_0 && c <= FULL_WIDTH_DIGIT_0 + 9 ? String.fromCharCode(c - FULL_WIDTH_DIGIT_0 + 48) : text.charAt(i);
  }
  return out;
}

const PUNCTUATION: Readonly<Record<string, string>> = {
  '（': '(', '）': ')', '，': ',', '：': ':', '；': ';', '．': '.', '“': '"', '”': '"', '＂': '"',
  '〈': '<', '〉': '>', '《': '<', '》': '>', '－': '-', '／': '/', '｜': '|',
};

/**
 * The characters `normalizeLabel` writes in place of others, as [written, read] pairs: full-width
 * digits and punctuation (white space, which it drops, aside). For matchers that bound a match by
 * the characters of a text before normalising it.
 */
export function labelCharRewrites(): [string, string][] {
  const pairs: [string, string][] = Object.entries(PUNCTUATION).map(([from, to]) => [from, to]);
  for (let d = 0; d <= 9; d++) pairs.push([String.fromCharCode(FULL_WIDTH_DIGIT_0 + d), String(d)]);
  return pairs;
}

/** White space (`\s` includes U+3000 and the BOM U+FEFF). */
const SPACES = /\s+/gu;
const PUNCTUATION_CHARS = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'gu');

/**
 * The form labels are compared in: no white space, ASCII digits and punctuation, numbering written
 * `1.` whatever its punctuation (`1、`, `1．`).
 */
export function normalizeLabel(text: string): string {
  // Most labels are already in that form: seen by their characters, with no lookup by string.
  return isNormalLabel(text) ? text : memo(labelCache, text, normalizeLabelUncached);
}

/** Per UTF-16 code unit: 1 for a character `normalizeLabel` drops or rewrites (white space, full-width digits and punctuation). */
const REWRITTEN = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isWhiteSpace(c)) REWRITTEN[c] = 1;
for (const [from] of labelCharRewrites()) REWRITTEN[from.charCodeAt(0)] = 1;

/** Whether `normalizeLabelUncached` gives the text back unchanged: nothing to drop or rewrite, and no leading digit whose numbering it might rewrite. */
function isNormalLabel(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false;
  for (let i = 0; i < text.length; i++) if (REWRITTEN[text.charCodeAt(i)] === 1) return false;
  return true;
}

/** `normalizeLabel` without its shortcuts and memo (exported for the tests that hold the shortcuts to it). */
export function normalizeLabelUncached(text: string): string {
  const out = asciiDigits(text).replace(SPACES, '').replace(PUNCTUATION_CHARS, (ch) => PUNCTUATION[ch]!);
  // `1、` / `1,` at the start → `1.`
  return out.replace(/^(\d{1,2})[、,.]/u, '$1.');
}

/** Character-bigram Dice similarity of two strings, 0…1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const bigram = a.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const bigram = b.slice(i, i + 2);
    const n = counts.get(bigram) ?? 0;
    if (n > 0) {
      common++;
      counts.set(bigram, n - 1);
    }
  }
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** Shared between calls (remembered): never to be changed. */
export type NumberReading =
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean; readonly negative: boolean }
  | { readonly kind: 'placeholder' }
  | { readonly kind: 'words' }
  | { readonly kind: 'text' };

const NUMBER = /^[+\-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;
/** The mark a cell holds until its figure is written (what govreport inserts: render/grid.ts PENDING_CELL). */
export const PENDING_MARK = /[（(]\s*待填\s*[）)]/u;
const PLACEHOLDER = new RegExp(`^(?:[/／\\\\\\-－—–_―]+|无|空|暂无|${PENDING_MARK.source})$`, 'u');
/** A numbered label such as `1.属于国家秘密` or `3、其他`. */
const NUMBERED_LABEL = /^\d{1,2}\s*[.、．,，]\s*[^\d\s]/u;
const STARTS_WITH_DIGIT = /^[+\-−－]?\d/u;

/** Reads a table cell's text: a number, a placeholder, a number with words, or plain text (a label). */
export function readCellText(raw: string): NumberReading {
  const small = smallNumber(raw);
  if (small) return small;
  // Most other cells are labels: known to be text by their first character, with no lookup by string.
  if (opensOnlyText(raw)) return TEXT_READING;
  return memo(cellCache, raw, readCellTextUncached);
}

/** What a label reads as (shared: readings are never changed). */
const TEXT_READING: NumberReading = { kind: 'text' };

/**
 * Per UTF-16 code unit: 1 for a character a number, a placeholder or a number with words can start
 * with — a sign, a digit (ASCII or full-width, `asciiDigits` makes them one), or what `PLACEHOLDER`
 * opens with (a dash, a slash, 无, 空, 暂无, the bracket of （待填）). A cell starting otherwise is text.
 */
const OPENS_NON_TEXT = new Uint8Array(0x10000);
for (const ch of '+-−－0123456789０１２３４５６７８９/／\\—–_―无空暂（(') OPENS_NON_TEXT[ch.charCodeAt(0)] = 1;

/**
 * Whether `readCellTextUncached` must say `text` by the first character that is not white space
 * (white space is what its `\s` collapses and its `trim` drops); false for a blank text.
 */
function opensOnlyText(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isWhiteSpace(c)) continue;
    // A bracket opens a placeholder only as （待填）: a numbered label such as （一）予以公开 is text.
    if (c === 0xff08 /* （ */ || c === 0x28 /* ( */) return !raw.includes('待', i + 1);
    return OPENS_NON_TEXT[c] === 0;
  }
  return false;
}

/** The readings of the numbers 0–999, shared: most cells hold one, and no lookup by string is needed for them. */
const SMALL_NUMBERS: readonly NumberReading[] = Array.from({ length: 1000 }, (_, value) => ({ kind: 'number', value, integer: true, negative: false }));

/** A text of one to three ASCII digits reads as its number (what `readCellTextUncached` says of it); else null. */
function smallNumber(raw: string): NumberReading | null {
  if (raw.length === 0 || raw.length > 3) return null;
  let value = 0;
  for (let i = 0; i < raw.length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    value = value * 10 + digit;
  }
  return SMALL_NUMBERS[value]!;
}

/** `readCellText` without its shortcuts and memo (exported for the tests that hold the shortcuts to it). */
export function readCellTextUncached(raw: string): NumberReading {
  const text = asciiDigits(raw).replace(/[\s\u3000]+/gu, ' ').trim().replace(/，/gu, ',');
  if (text === '') return { kind: 'placeholder' };
  if (NUMBER.test(text)) {
    const negative = /^[\-−－]/u.test(text);
    const value = Number(text.replace(/^[+\-−－]/u, '').replace(/,/gu, '')) * (negative ? -1 : 1);
    return { kind: 'number', value, integer: Number.isInteger(value), negative };
  }
  if (PLACEHOLDER.test(text)) return { kind: 'placeholder' };
  if (STARTS_WITH_DIGIT.test(text) && !NUMBERED_LABEL.test(text)) return { kind: 'words' };
  return { kind: 'text' };
}
