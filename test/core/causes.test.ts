/** Failures that one wrong cell explains say so, name the cell and offer to correct it. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { PROJECT_ROOT } from '../support/paths';

describe('one wrong cell behind several failures', () => {
  it('examples/market-regulation-2024: （一）予以公开 总计 5 (should be 4) breaks its row sum and the 总计 outcome sum', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'examples', 'market-regulation-2024.txt'), 'utf8');
    const { model, findings } = analyze(text);
    const sums = findings.filter((f) => f.code.startsWith('sum.'));
    assert.deepEqual(sums.map((f) => [f.code, model.lines.positionAt(f.span.start).line + 1]), [['sum.row', 108], ['sum.outcome', 337]]);
    for (const f of sums) {
      assert.match(f.message, /同一原因：「（一）予以公开」的「总计」填报 5，若为 4，这 2 处合计都成立/u);
      assert.equal(f.fixes[0]!.title, '将「（一）予以公开」的「总计」改为 4');
      assert.equal(f.fixes[0]!.preferred, true);
      // The fix writes 4 over the 5 on line 108, and nothing else.
      const [edit] = f.fixes[0]!.edits;
      assert.equal(model.lines.positionAt(edit!.span.start).line + 1, 108);
      assert.equal(text.slice(edit!.span.start, edit!.span.end), '5');
      assert.equal(edit!.newText, '4');
    }
    // The outcome failure points at the suspect cell too.
    assert.ok(sums[1]!.related.some((r) => /可能填错的单元格：「（一）予以公开」的「总计」 = 5/u.test(r.message)));
    // Applying it leaves no sum.* finding.
    const fixed = text.slice(0, sums[0]!.fixes[0]!.edits[0]!.span.start) + '4' + text.slice(sums[0]!.fixes[0]!.edits[0]!.span.end);
    assert.deepEqual(analyze(fixed).findings.filter((f) => f.code.startsWith('sum.')), []);
  });
  it('does not claim a single cause where correcting one cell would break another identity (errors/outcome-total)', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'errors', 'outcome-total.txt'), 'utf8');
    const sums = analyze(text).findings.filter((f) => f.code.startsWith('sum.'));
    assert.equal(sums.length, 4);
    for (const f of sums) assert.doesNotMatch(f.message, /若为/u);
  });
});
