/**
 * Expectations for the navigation tests, worked out from a sample's text by plain line arithmetic —
 * independently of the parser, so that a test compares the program with the text, not with itself.
 * Lines and characters are zero-based, as in LSP.
 */
import { strict as assert } from 'assert';

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

const TRAILING = /[\s\u3000\ufeff]+$/u;
const LEADING = /^[\s\u3000\ufeff]*/u;

/** The first line (from `from` on) whose content, trimmed, is exactly `content`. */
export function lineOf(text: string, content: string, from = 0): number {
  const lines = linesOf(text);
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim() === content) return i;
  assert.fail(`no line reads ${JSON.stringify(content)} from line ${from + 1} on`);
}

/** The first line (from `from` on) that contains `part`. */
export function lineContaining(text: string, part: string, from = 0): number {
  const lines = linesOf(text);
  for (let i = from; i < lines.length; i++) if (lines[i]!.includes(part)) return i;
  assert.fail(`no line contains ${JSON.stringify(part)} from line ${from + 1} on`);
}

/** Where a line's content starts (after leading white space). */
export function contentStart(text: string, line: number): Pos {
  return { line, character: LEADING.exec(linesOf(text)[line]!)![0].length };
}

/** Where a line's content ends (before trailing white space). */
export function contentEnd(text: string, line: number): Pos {
  return { line, character: linesOf(text)[line]!.replace(TRAILING, '').length };
}

/** The last line before `line` with anything but white space on it. */
export function lastContentLineBefore(text: string, line: number): number {
  const lines = linesOf(text);
  for (let i = line - 1; i >= 0; i--) if (lines[i]!.replace(TRAILING, '') !== '') return i;
  assert.fail(`no content before line ${line + 1}`);
}

export function lastContentLine(text: string): number {
  return lastContentLineBefore(text, linesOf(text).length);
}

/** The range of a heading line's content. */
export function lineRange(text: string, line: number): Rng {
  return { start: contentStart(text, line), end: contentEnd(text, line) };
}

/** From the content of line `first` to the content end of line `last`. */
export function blockRange(text: string, first: number, last: number): Rng {
  return { start: contentStart(text, first), end: contentEnd(text, last) };
}

/** The range of the `occurrence`-th (0-based) `part` within line `line`. */
export function rangeIn(text: string, line: number, part: string, occurrence = 0): Rng {
  const content = linesOf(text)[line]!;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = content.indexOf(part, at + 1);
    assert.ok(at >= 0, `line ${line + 1} has ${JSON.stringify(part)} ${occurrence + 1} times`);
  }
  return { start: { line, character: at }, end: { line, character: at + part.length } };
}

/** The offset of a position in the text (UTF-16 code units). */
export function offsetOf(text: string, pos: Pos): number {
  const lines = linesOf(text);
  let offset = 0;
  let rest = text;
  for (let i = 0; i < pos.line; i++) {
    const m = /\r\n|\r|\n/u.exec(rest)!;
    offset += m.index + m[0].length;
    rest = rest.slice(m.index + m[0].length);
  }
  assert.ok(pos.character <= lines[pos.line]!.length);
  return offset + pos.character;
}
