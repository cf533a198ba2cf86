/**
 * Every fix offered on every document we have (the samples, the PDF texts, the fixtures, the
 * examples): it applies whole, changes nothing outside the edits it names, removes its diagnostic,
 * introduces no new one, and deletes no number — a safe fix changes no number at all. Fix-all reaches
 * a fixed point: a second run changes nothing.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Fix } from '../../server/src/core/findings';
import { fixAll, fixAllDetailed } from '../../server/src/core/fix';
import type { Span } from '../../server/src/core/text';
import { allDocs, applyChecked, countKeys, key, markerSpans, numbersIn } from './helpers';

function numbersOfNewText(newText: string): string[] {
  const markers = markerSpans(newText);
  return numbersIn(newText, { start: 0, end: newText.length }, markers);
}

function checkNumbers(text: string, fix: Fix): void {
  const markers = markerSpans(text);
  for (const edit of fix.edits) {
    const before = numbersIn(text, edit.span, markers);
    const after = numbersOfNewText(edit.newText);
    if (fix.safe) {
      // Every number the author wrote is still there, unchanged.
      const left = [...after];
      for (const n of before) {
        const i = left.indexOf(n);
        assert.ok(i >= 0, `${fix.title}: safe, yet the number ${n} is gone`);
        left.splice(i, 1);
      }
    } else {
      assert.ok(after.length >= before.length, `${fix.title}: deletes a number (${before.join(' ')} → ${after.join(' ')})`);
    }
  }
}

/** Where each edit's new text lies in the fixed text. */
function insertedSpans(fix: Fix): Span[] {
  let shift = 0;
  return [...fix.edits]
    .sort((a, b) => a.span.start - b.span.start)
    .map((e) => {
      const start = e.span.start + shift;
      shift += e.newText.length - (e.span.end - e.span.start);
      return { start, end: start + e.newText.length };
    });
}

const docs = allDocs();

describe('every offered fix, applied alone', () => {
  let total = 0;
  for (const doc of docs) {
    it(doc.name, () => {
      const analysis = analyze(doc.text);
      const before = countKeys(analysis.findings);
      for (const finding of analysis.findings) {
        for (const fix of finding.fixes) {
          total++;
          const fixed = applyChecked(doc.text, fix);
          assert.notEqual(fixed, doc.text, `${fix.title}: changes something`);
          checkNumbers(doc.text, fix);
          const fixedAnalysis = analyze(fixed);
          const after = countKeys(fixedAnalysis.findings);
          assert.ok((after.get(key(finding)) ?? 0) < before.get(key(finding))!, `${doc.name}: ${fix.title} removes ${key(finding)}`);
          // What an insertion writes is a placeholder (cells （待填）, prompts in brackets), reported as
          // unfinished — only inside what it inserted, and never by a fix-all fix.
          const inserted = insertedSpans(fix);
          for (const f of fixedAnalysis.findings) {
            if (f.code !== 'structure.placeholder' || !inserted.some((s) => s.start <= f.span.start && f.span.end <= s.end)) continue;
            assert.equal(fix.safe, false, `${doc.name}: ${fix.title} is safe, yet writes a placeholder`);
            after.set(key(f), after.get(key(f))! - 1);
          }
          for (const [k, n] of after) assert.ok(n <= (before.get(k) ?? 0), `${doc.name}: ${fix.title} introduces ${k}`);
        }
      }
    });
  }
  it('offers fixes at all (the documents above are not fix-free)', () => {
    assert.ok(total >= 60, `${total} fixes tried`);
  });
});

describe('fix-all', () => {
  for (const doc of docs) {
    it(`${doc.name}: a second run changes nothing; no new diagnostic; only safe fixes`, () => {
      const first = fixAllDetailed(doc.text);
      assert.equal(fixAll(first.text), first.text);
      const before = countKeys(analyze(doc.text).findings);
      const after = analyze(first.text);
      for (const [k, n] of countKeys(after.findings)) assert.ok(n <= (before.get(k) ?? 0), `introduces ${k}`);
      // Nothing safe is left undone.
      assert.deepEqual(after.findings.filter((f) => f.fixes.some((x) => x.safe)).map(key), []);
      // Every number written outside numbering markers is still there, in the same order.
      const numbers = (t: string): string[] => numbersIn(t, { start: 0, end: t.length }, markerSpans(t));
      const result = numbers(first.text);
      let i = 0;
      for (const n of numbers(doc.text)) {
        while (i < result.length && result[i] !== n) i++;
        assert.ok(i < result.length, `the number ${n} is kept`);
        i++;
      }
    });
  }
});
