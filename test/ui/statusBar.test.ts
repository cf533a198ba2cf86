/** The status bar's counts (the client's pure part): govreport's errors and warnings only. */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { countDiagnostics } from '../../client/src/diagnosticCounts';
import { zhCN } from '../../server/src/core/messages/zh-cn';

describe('status bar', () => {
  it('counts errors and warnings from govreport, ignoring other sources and lower severities', () => {
    const counts = countDiagnostics([
      { severity: 0, source: 'govreport' },
      { severity: 0, source: 'govreport' },
      { severity: 1, source: 'govreport' },
      { severity: 2, source: 'govreport' },
      { severity: 3, source: 'govreport' },
      { severity: 0, source: 'cSpell' },
      { severity: 1 },
    ]);
    assert.deepEqual(counts, { errors: 2, warnings: 1 });
    assert.equal(zhCN.statusBarText(counts), '年报：2 错误 · 1 警告');
    assert.equal(zhCN.statusBarText(countDiagnostics([])), '年报：0 错误 · 0 警告');
  });
});
