/**
 * Shared by the structure tests: the documents every safety test runs over, and small helpers to
 * apply a fix and compare findings before and after.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import type { Finding, Fix } from '../../server/src/core/findings';
import { applyEdits } from '../../server/src/core/fix';
import type { Span } from '../../server/src/core/text';
import { PDF_TEXT, PROJECT_ROOT, SAMPLES, SHARED, readTexts, type NamedText } from '../support/paths';

export type Doc = NamedText;

/** This branch's fixtures. */
export const STRUCTURE_FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'structure');

export function structureFixture(name: string): string {
  return fs.readFileSync(path.join(STRUCTURE_FIXTURES, name), 'utf8');
}

/** The samples, the PDF texts, this branch's fixtures, the other fixtures and the examples. */
export function allDocs(): Doc[] {
  return [
    ...readTexts(SAMPLES, 'samples'),
    ...readTexts(PDF_TEXT, 'pdf-text'),
    ...readTexts(STRUCTURE_FIXTURES, 'fixtures/structure'),
    ...readTexts(path.join(PROJECT_ROOT, 'test', 'fixtures', 'layouts'), 'fixtures/layouts'),
    ...readTexts(path.join(PROJECT_ROOT, 'test', 'fixtures', 'errors'), 'fixtures/errors'),
    ...readTexts(path.join(PROJECT_ROOT, 'test', 'fixtures', 'noise'), 'fixtures/noise'),
    ...readTexts(path.join(PROJECT_ROOT, 'examples'), 'examples'),
  ];
}

/** Numbering markers (`2、`, `（1）`, `3.其他`): renumbering one is not changing a number. */
export function markerSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/[（(]\s*\d{1,2}\s*[）)]|\d{1,2}(?=\s*[、．.](?!\d))/gu)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** The numbers written in a range of a text (not numbering markers). */
export function numbersIn(text: string, span: Span, markers: readonly Span[]): string[] {
  const out: string[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(/\d+(?:\.\d+)?/gu)) {
    const at = span.start + m.index;
    if (markers.some((s) => at >= s.start && at < s.end)) continue;
    out.push(m[0]);
  }
  return out;
}

/** Every number written in a text, in order, numbering markers left out. */
export function numbersWritten(text: string): string[] {
  return numbersIn(text, { start: 0, end: text.length }, markerSpans(text));
}

/**
 * allDocs, and also the originals' flattened text and every other text fixture (text claims,
 * headings, scrambled tables, robustness): each document once.
 */
export function everyTextDocument(): Doc[] {
  const fixtures = path.join(PROJECT_ROOT, 'test', 'fixtures');
  return [
    ...allDocs(),
    ...readTexts(path.join(SHARED, 'originals'), 'originals'),
    ...['text', 'headings', 'scrambled', 'robust'].flatMap((d) => readTexts(path.join(fixtures, d), `fixtures/${d}`)),
  ].filter((d, i, all) => all.findIndex((o) => o.name === d.name) === i);
}

/** `code line` (1-based) of every finding whose code starts with one of the prefixes. */
export function codesAndLines(analysis: Analysis, prefixes: readonly string[] = ['structure.']): string[] {
  return analysis.findings
    .filter((f) => prefixes.some((p) => f.code.startsWith(p)))
    .map((f) => `${f.code} ${analysis.model.lines.positionAt(f.span.start).line + 1}`);
}

/** A finding's identity across edits elsewhere in the text: its code and message. */
export function key(f: Finding): string {
  return `${f.code} ${f.message}`;
}

export function countKeys(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return counts;
}

/** Applies a fix, checking that it applies whole and that nothing outside its edits changes. */
export function applyChecked(text: string, fix: Fix): string {
  const result = applyEdits(text, fix.edits);
  assert.deepEqual(result.rejected, [], `${fix.title}: every edit applies`);
  // Walk the text and the result together: outside the edits, character for character the same.
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let from = 0;
  let at = 0;
  for (const e of edits) {
    const same = text.slice(from, e.span.start);
    assert.equal(result.text.slice(at, at + same.length), same, `${fix.title}: text before ${e.span.start} unchanged`);
    at += same.length;
    assert.equal(result.text.slice(at, at + e.newText.length), e.newText, `${fix.title}: the edit's text`);
    at += e.newText.length;
    from = e.span.end;
  }
  assert.equal(result.text.slice(at), text.slice(from), `${fix.title}: text after the last edit unchanged`);
  return result.text;
}

/** The one fix with this title among a text's findings (fails when there is none or several). */
export function fixTitled(text: string, title: string, code?: string): { finding: Finding; fix: Fix } {
  const found: { finding: Finding; fix: Fix }[] = [];
  for (const finding of analyze(text).findings) {
    if (code && finding.code !== code) continue;
    for (const fix of finding.fixes) if (fix.title === title) found.push({ finding, fix });
  }
  // The same fix offered on several findings (a whole section's numbering) counts once.
  const distinct = new Map(found.map((f) => [JSON.stringify(f.fix.edits), f]));
  assert.equal(distinct.size, 1, `exactly one fix titled ${title}: ${found.length}`);
  return [...distinct.values()][0]!;
}

/** Line `n` (1-based) of a text. */
export function line(text: string, n: number): string {
  return text.split(/\r\n|\n|\r/u)[n - 1]!;
}
