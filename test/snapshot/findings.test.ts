/**
 * Nothing checked less: the findings (range, severity, code, message, related locations, fixes) of every fixture, example,
 * sample and PDF-text report, and the cross-year findings of the pairs among them, are those of
 * test/snapshot/findings.json (written by `node scripts/findings-snapshot.mjs --update` from main
 * before the performance work). A change that means to alter findings regenerates it, and the diff
 * of that file shows what changed.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { computeSnapshot, snapshotDifferences, type Snapshot } from '../support/findingsSnapshot';
import { PROJECT_ROOT, SHARED } from '../support/paths';

describe('findings snapshot', () => {
  it('every fixture, example, sample and PDF-text report gives the findings of test/snapshot/findings.json', async () => {
    const want = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'snapshot', 'findings.json'), 'utf8')) as Snapshot;
    const got = await computeSnapshot(PROJECT_ROOT, SHARED);
    const diff = snapshotDifferences(want, got);
    assert.ok(diff.length === 0, `findings differ from test/snapshot/findings.json (first differences; regenerate with \`node scripts/findings-snapshot.mjs --update\` only if meant):\n${diff.join('\n')}`);
    assert.ok(Object.keys(got).length > 100, `only ${Object.keys(got).length} inputs`);
    assert.ok(Object.keys(got).some((k) => k.startsWith('carry-over ')), 'no cross-year pair');
  });

  it('snapshotDifferences names a lost, an added and a reordered finding', () => {
    const diff = snapshotDifferences({ a: ['x', 'y'], b: ['p', 'q'], c: ['1'] }, { a: ['x', 'z'], b: ['q', 'p'], d: [] });
    assert.deepEqual(diff, ['a\n    - y', 'a\n    + z', 'b: same findings, another order', '- c (input gone, had 1 findings)', '+ d (new input, 0 findings)']);
  });
});
