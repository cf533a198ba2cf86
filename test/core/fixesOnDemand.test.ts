/**
 * Fixes worked out when first read: diagnostics and `govreport check` never read them, so the costly
 * ones (an identity fix proved clean by re-evaluating the tables, a 0 checked against every identity,
 * a row rendered for insertion) are not computed for them. Reading gives the same fixes as before.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { withFixesOnDemand, type Fix } from '../../server/src/core/findings';
import { applyRuleConfig } from '../../server/src/core/config';
import { PROJECT_ROOT } from '../support/paths';

const fix: Fix = { title: '将总计改为 1', edits: [{ span: { start: 0, end: 1 }, newText: '1' }], safe: false };

describe('fixes on demand', () => {
  it('computes the fixes once, on the first read, and keeps them', () => {
    let computed = 0;
    const finding = withFixesOnDemand({ code: 'sum.row', severity: 'error', span: { start: 0, end: 1 }, message: '行合计不成立', related: [] }, () => {
      computed++;
      return [fix];
    });
    assert.equal(computed, 0);
    assert.equal(finding.fixes, finding.fixes);
    assert.deepEqual(finding.fixes, [fix]);
    assert.equal(computed, 1);
  });

  it('a spread, JSON and a structured clone carry the fixes like any other field', () => {
    const finding = withFixesOnDemand({ code: 'sum.row', severity: 'error', span: { start: 0, end: 1 }, message: '行合计不成立', related: [] }, () => [fix]);
    assert.deepEqual({ ...finding, severity: 'warning' }.fixes, [fix]);
    assert.deepEqual((JSON.parse(JSON.stringify(finding)) as { fixes: unknown }).fixes, [fix]);
    assert.deepEqual(structuredClone(finding).fixes, [fix]);
  });

  it('examples/market-regulation-2024: the sum findings leave their fixes unworked until read, and a configured severity keeps them', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'examples', 'market-regulation-2024.txt'), 'utf8');
    const sums = analyze(text).findings.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(sums.map((f) => f.code), ['sum.row', 'sum.outcome']);
    for (const f of sums) assert.equal(typeof Object.getOwnPropertyDescriptor(f, 'fixes')!.get, 'function');
    const [configured] = applyRuleConfig(sums, { rules: { 'sum.row': 'warning' } });
    assert.equal(configured!.severity, 'warning');
    assert.equal(configured!.fixes[0]!.title, '将「（一）予以公开」的「总计」改为 4');
  });
});
