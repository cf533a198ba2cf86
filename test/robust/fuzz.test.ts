/**
 * A bounded, seeded fuzz run over mutated reports (the long run is `npm run fuzz`), and every input
 * the fuzzer once broke the core with (test/fixtures/robust/), each checked for the invariants of
 * fuzzer.ts: the analysis returns in time, every span lies inside the document, every fix applies.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/findings';
import { checkInput, MUTATORS, mutate, Random, runCampaign, splitsPair, applyEdits } from './fuzzer';
import { loadCorpus, readRobustFixture, ROBUST_FIXTURES } from './corpus';
import { PROJECT_ROOT, SHARED } from '../support/paths';

const SEED = 20240607;
const COUNT = 150;

describe('fuzzer building blocks', () => {
  it('the PRNG is seeded: same seed, same sequence; different seed, different sequence', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 5 }, () => a.int(1000));
    assert.deepEqual(Array.from({ length: 5 }, () => b.int(1000)), seqA);
    assert.notDeepEqual(Array.from({ length: 5 }, () => c.int(1000)), seqA);
  });
  it('every mutator changes a sample (for some seed) and never throws', () => {
    const base = { name: 'x', text: '一、总体情况\n本年新收政府信息公开申请数量\t12\t3\n（七）总计 | 5 | 6\n' };
    for (const m of MUTATORS) {
      const r = new Random(7);
      const outputs = Array.from({ length: 20 }, () => m.apply(base.text, r));
      assert.ok(outputs.some((o) => o !== base.text), `${m.name} never changed the text`);
    }
    assert.equal(mutate(base, new Random(1)).text, mutate(base, new Random(1)).text);
  });
  it('splitsPair: only between a high and a low surrogate', () => {
    const t = 'a😀b\ud800c';
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((i) => splitsPair(t, i)), [false, false, true, false, false, false, false]);
  });
  it('applyEdits applies non-overlapping edits and refuses overlapping ones', () => {
    const e = (start: number, end: number, newText: string) => ({ span: { start, end }, newText });
    assert.equal(applyEdits('abcdef', [e(4, 5, 'X'), e(0, 1, 'Y')]), 'YbcdXf');
    assert.equal(applyEdits('abcdef', [e(0, 3, 'X'), e(2, 4, 'Y')]), null);
  });
  describe('the checker catches what it is meant to catch', () => {
    const text = '表\t😀\t12\n';
    /** The real analysis of the text with one finding made faulty. */
    const faulty = (finding: Partial<Finding>) => (t: string): Analysis => {
      const real = analyze(t);
      const base: Finding = { code: 'test.fake', severity: 'error', span: { start: 0, end: 1 }, message: '假', related: [], fixes: [] };
      return { ...real, findings: [{ ...base, ...finding }] };
    };
    const kinds = (analyzer: (t: string) => Analysis): string[] => [...new Set(checkInput(text, { analyzer }).violations.map((v) => v.kind))];
    it('a real analysis of a harmless text passes', () => {
      assert.deepEqual(checkInput(text).violations, []);
      assert.deepEqual(kinds(faulty({})), []);
    });
    it('time: a bound below zero makes any analysis slow', () => {
      assert.deepEqual(checkInput(text, { baseMs: -1, perCharMs: 0 }).violations.map((v) => v.kind), ['slow']);
    });
    it('spans: past the end, reversed, negative, between the halves of 😀', () => {
      assert.deepEqual(kinds(faulty({ span: { start: 0, end: text.length + 1 } })), ['span-out-of-range']);
      assert.deepEqual(kinds(faulty({ span: { start: 3, end: 2 } })), ['span-out-of-range']);
      assert.deepEqual(kinds(faulty({ related: [{ span: { start: -1, end: 0 }, message: 'x' }] })), ['span-out-of-range']);
      assert.deepEqual(kinds(faulty({ span: { start: 3, end: 6 } })), ['span-splits-surrogate-pair']);
    });
    it('fixes: overlapping edits, an edit out of range, no edits', () => {
      const edit = (start: number, end: number) => ({ span: { start, end }, newText: '1' });
      assert.deepEqual(kinds(faulty({ fixes: [{ title: 'x', edits: [edit(5, 7), edit(6, 7)], safe: false }] })), ['edits-overlap']);
      assert.deepEqual(kinds(faulty({ fixes: [{ title: 'x', edits: [edit(5, 99)], safe: false }] })), ['span-out-of-range']);
      assert.deepEqual(kinds(faulty({ fixes: [{ title: 'x', edits: [], safe: false }] })), ['finding-shape']);
    });
    it('an analysis that throws, or throws only after a fix is applied', () => {
      assert.deepEqual(kinds(() => { throw new Error('boom'); }), ['throws']);
      const fix = { title: '改为 13', edits: [{ span: { start: 5, end: 7 }, newText: '13' }], safe: false };
      const throwsAfterFix = (t: string): Analysis => {
        if (t.includes('13')) throw new Error('boom');
        return faulty({ fixes: [fix] })(t);
      };
      assert.deepEqual(kinds(throwsAfterFix), ['throws']);
    });
    it('messages with undefined or NaN in them', () => {
      assert.deepEqual(kinds(faulty({ message: '合计 NaN' })), ['finding-message']);
    });
  });
});

describe('inputs the fuzzer once broke the core with (test/fixtures/robust/)', () => {
  const dir = ROBUST_FIXTURES(PROJECT_ROOT);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const file of files) {
    const fixture = readRobustFixture(path.join(dir, file));
    it(`${file}: ${fixture.description}`, () => {
      assert.deepEqual(checkInput(fixture.text).violations, []);
    });
  }
});

describe(`fuzzing the core: ${COUNT} mutated reports, seed ${SEED}`, () => {
  it('every input keeps every invariant', () => {
    const corpus = loadCorpus(SHARED, PROJECT_ROOT);
    assert.ok(corpus.length >= 8, `corpus of ${corpus.length}`);
    const result = runCampaign({ seed: SEED, count: COUNT, corpus });
    const report = result.failures.slice(0, 5).map((f) => `#${f.index} ${f.input.base} [${f.input.steps.join(', ')}]: ${f.violations.slice(0, 3).map((v) => `${v.kind} ${v.detail}`).join('; ')}`);
    assert.deepEqual(report, []);
    // The run exercised fixes and findings, not only empty analyses.
    assert.ok(result.totalFindings > COUNT, `${result.totalFindings} findings`);
    assert.ok(result.fixesApplied > 10, `${result.fixesApplied} fixes applied`);
  });
});
