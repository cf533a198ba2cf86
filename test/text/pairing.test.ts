/**
 * pairWithPrevious looks candidates up by key (year and body-name ending) instead of comparing every
 * pair: the same pairs as the pair-by-pair definition (sameBody, the exact name preferred, the first
 * in order otherwise), on random folders of reports with regions added and dropped; and linear time.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import type { Analysis } from '../../server/src/core/analyze';
import { normalizeBody, pairWithPrevious, sameBody } from '../../server/src/core/previous';

interface Fake { readonly id: number; readonly body: string | null; readonly year: number | null }
const analysisOf = (f: Fake): Analysis => ({ model: { title: f.body === null ? null : { body: f.body, year: f.year }, year: f.year } }) as unknown as Analysis;

/** The definition, pair by pair. */
function reference(items: readonly Fake[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (const current of items) {
    if (!current.body || current.year === null) continue;
    let best: Fake | undefined;
    let bestExact = false;
    for (const other of items) {
      if (other === current || other.year !== current.year - 1 || !other.body || !sameBody(current.body, other.body)) continue;
      const exact = normalizeBody(other.body) === normalizeBody(current.body);
      if (best === undefined || (exact && !bestExact)) [best, bestExact] = [other, exact];
    }
    if (best) pairs.push([current.id, best.id]);
  }
  return pairs;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

describe('pairWithPrevious', () => {
  it('the same pairs as the pair-by-pair definition, on 200 random folders', () => {
    const regions = ['', '淮安市', '江苏省淮安市', '福建省', '平潭县', '中共'];
    const names = ['洪泽区人民政府', '区政府', '洪泽区人民政府办公室', '平潭综合实验区管委会', '人民政府', '某某局', '教育局'];
    let pairsSeen = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
      const items: Fake[] = Array.from({ length: 10 + Math.floor(rand() * 50) }, (_, id) => ({
        id,
        body: rand() < 0.1 ? null : `${pick(regions)}${rand() < 0.2 ? ' ' : ''}${pick(names)}`,
        year: rand() < 0.05 ? null : 2021 + Math.floor(rand() * 4),
      }));
      const got = pairWithPrevious(items, analysisOf).map(({ current, previous }) => [current.id, previous.id]);
      const want = reference(items);
      assert.deepEqual(got, want, `seed ${seed}`);
      pairsSeen += want.length;
    }
    assert.ok(pairsSeen > 500, `only ${pairsSeen} pairs made`);
  });

  it('the same pairs as the definition on a generated folder of 3,000 reports: 300 bodies, six years, copies and regions added and dropped', () => {
    const rand = random(13);
    const regions = ['', '淮安市', '江苏省', '平潭县', '中共'];
    const items: Fake[] = Array.from({ length: 3000 }, (_, id) => ({
      id,
      body: rand() < 0.02 ? null : `${regions[Math.floor(rand() * regions.length)]}第${Math.floor(rand() * 300)}区人民政府`,
      year: rand() < 0.02 ? null : 2019 + Math.floor(rand() * 6),
    }));
    const got = pairWithPrevious(items, analysisOf).map(({ current, previous }) => [current.id, previous.id]);
    const want = reference(items);
    assert.deepEqual(got, want);
    assert.ok(want.length > 1500, `only ${want.length} pairs`);
  });

  it('40,000 copies of one body, two years (every 2024 copy has 20,000 candidates) pair in linear time', () => {
    const items: Fake[] = [];
    for (let k = 0; k < 40_000; k++) items.push({ id: k, body: k % 4 === 0 ? '淮安市洪泽区人民政府' : '洪泽区人民政府', year: 2023 + (k % 2) });
    const start = performance.now();
    const pairs = pairWithPrevious(items, analysisOf);
    const ms = performance.now() - start;
    assert.equal(pairs.length, 20_000);
    // The exact name wins: a 2024 copy named 洪泽区人民政府 (k % 4 === 1 or 3) pairs with the first 2023
    // copy of that name (id 2); 淮安市洪泽区人民政府 exists only in 2023 (k % 4 === 0 is even), so the
    // other 2024 copies are all 洪泽区人民政府 as well.
    assert.deepEqual(new Set(pairs.map((p) => p.previous.id)), new Set([2]));
    assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
  });

  it('20,000 reports of 2,000 bodies over ten years pair in seconds, not the minutes a pair-by-pair comparison takes', () => {
    const items: Fake[] = [];
    for (let b = 0; b < 2000; b++) for (let y = 0; y < 10; y++) items.push({ id: items.length, body: `某某市第${b}区人民政府`, year: 2015 + y });
    const start = performance.now();
    const pairs = pairWithPrevious(items, analysisOf);
    const ms = performance.now() - start;
    assert.equal(pairs.length, 2000 * 9);
    assert.ok(ms < 5000,  `${ms.toFixed(0)} ms`);
  });
});
