/**
 * Issue 18: a section present under a slightly different heading is never reported missing. Each
 * heading of each sample in ../shared/samples/ is perturbed — one character inserted, deleted or
 * replaced at every position of its title, its connectors 「、」「及」 written 「与」 or 「和」, its
 * second half (after 「及」) in a body's own words; and its numeral (`二、`) garbled by one character
 * inserted, deleted or replaced — and the perturbed report must still have that section on its line
 * (for a title: with a structure.section-wording warning on it) and no structure.section-missing the
 * unperturbed sample does not have.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { SAMPLES } from '../support/paths';

interface Perturbation {
  readonly kind: string;
  readonly title: string;
}

/** Characters inserted or put in place of another: one that occurs in headings, one that never does. */
const INSERTED = ['法', '的'];
const OWN_SECOND_HALVES = ['明年工作计划', '整改情况', '下一步工作打算'];

/** One character inserted, deleted or replaced at every position. */
function oneCharacter(text: string): Perturbation[] {
  const out: Perturbation[] = [];
  const chars = Array.from(text);
  for (let i = 0; i <= chars.length; i++) {
    const c = INSERTED[i % INSERTED.length]!;
    out.push({ kind: `insert ${c} at ${i}`, title: [...chars.slice(0, i), c, ...chars.slice(i)].join('') });
  }
  for (let i = 0; i < chars.length; i++) {
    out.push({ kind: `delete at ${i}`, title: [...chars.slice(0, i), ...chars.slice(i + 1)].join('') });
    const c = INSERTED.find((x) => x !== chars[i])!;
    out.push({ kind: `replace at ${i} by ${c}`, title: [...chars.slice(0, i), c, ...chars.slice(i + 1)].join('') });
  }
  return out;
}

function perturbations(title: string): Perturbation[] {
  const out = oneCharacter(title);
  for (const connector of ['、', '及']) {
    if (!title.includes(connector)) continue;
    for (const instead of ['与', '和']) out.push({ kind: `${connector}→${instead}`, title: title.replace(connector, instead) });
  }
  const and = title.indexOf('及');
  if (and > 0) for (const half of OWN_SECOND_HALVES) out.push({ kind: `second half ${half}`, title: title.slice(0, and + 1) + half });
  return out;
}

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
let run = 0;

describe('perturbed headings of the samples are still their sections (issue 18)', () => {
  for (const file of samples) {
    it(file, () => {
      const text = fs.readFileSync(path.join(SAMPLES, file), 'utf8');
      const original = analyze(text);
      const missingBefore = original.findings.filter((f) => f.code === 'structure.section-missing').map((f) => f.message);
      assert.ok(original.model.sections.length >= 5, 'the sample reads as a report with its sections');
      for (const section of original.model.sections) {
        for (const p of perturbations(section.title)) {
          const perturbed = text.slice(0, section.titleSpan.start) + p.title + text.slice(section.titleSpan.end);
          const a = analyze(perturbed);
          run++;
          const where = `${file}: 「${section.title}」 ${p.kind} → 「${p.title}」`;
          const found = a.model.sections.filter((s) => s.spec.id === section.spec.id);
          assert.equal(found.length, 1, `${where}: the section is read once`);
          assert.equal(a.model.lines.positionAt(found[0]!.headingSpan.start).line, original.model.lines.positionAt(section.headingSpan.start).line, `${where}: on its line`);
          const missing = a.findings.filter((f) => f.code === 'structure.section-missing').map((f) => f.message);
          assert.deepEqual(missing, missingBefore, `${where}: no section-missing`);
          const wording = a.findings.filter((f) => f.code === 'structure.section-wording' && f.span.start === found[0]!.titleSpan.start);
          assert.equal(wording.length, 1, `${where}: one wording warning on the title`);
          assert.equal(a.model.text.slice(wording[0]!.span.start, wording[0]!.span.end), p.title, `${where}: the warning's range is the title`);
        }
        if (!section.numeralSpan) continue;
        const numeral = text.slice(section.numeralSpan.start, section.numeralSpan.end);
        for (const p of oneCharacter(numeral)) {
          const perturbed = text.slice(0, section.numeralSpan.start) + p.title + text.slice(section.numeralSpan.end);
          const a = analyze(perturbed);
          run++;
          const where = `${file}: 「${numeral}${section.title}」 numeral ${p.kind} → 「${p.title}」`;
          const found = a.model.sections.filter((s) => s.spec.id === section.spec.id);
          assert.equal(found.length, 1, `${where}: the section is read once`);
          assert.equal(a.model.lines.positionAt(found[0]!.headingSpan.start).line, original.model.lines.positionAt(section.headingSpan.start).line, `${where}: on its line`);
          assert.deepEqual(a.findings.filter((f) => f.code === 'structure.section-missing').map((f) => f.message), missingBefore, `${where}: no section-missing`);
        }
      }
    });
  }
  it('states how many perturbations were run', () => {
    console.log(`perturbations run: ${run}`);
    // 5 samples, 29 headings: about 3 × 11 edits of each title, 7 of each numeral.
    assert.ok(run >= 1200, `only ${run} perturbations`);
  });
});
