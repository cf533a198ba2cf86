/**
 * Values never move: every fix offered on every document we have keeps each value the author typed
 * in its table, row and column (the cells it edits aside); fix-all keeps every typed value; a fix that
 * would shift a row's values is caught and fix-all leaves it out while applying the others.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import type { Finding, Fix } from '../../server/src/core/findings';
import { applyEdits, fixAll, fixKeepsValues } from '../../server/src/core/fix';
import { valuesChanged } from '../../server/src/core/keepsValues';
import { parseReport } from '../../server/src/core/parse/parser';
import { analyzeRead } from '../../server/src/core/read/analyzeRead';
import { readHtml } from '../../server/src/core/read/html';
import { RULES } from '../../server/src/core/rules';
import { codeActionsFor } from '../../server/src/lsp/features/codeActions';
import type { Rule } from '../../server/src/core/rules/rule';
import { PROJECT_ROOT, SHARED } from '../support/paths';
import { everyTextDocument } from './helpers';

const docs = everyTextDocument();

/** Every fix offered (quick fixes and fix-all's alike) on every document, counted before the test runs so that its name says how many. */
const offered = docs.flatMap((doc) => {
  const analysis = analyze(doc.text);
  return analysis.findings.flatMap((finding) => finding.fixes.map((fix) => ({ doc, analysis, finding, fix })));
});

describe('values never move', () => {
  it(`every fix offered on the ${docs.length} documents (${offered.length} fixes, ${offered.filter((o) => !o.fix.safe).length} of them quick fixes only) keeps every typed value in its place and drops no cell`, () => {
    const moving: string[] = [];
    for (const { doc, analysis, finding, fix } of offered) {
      if (!fixKeepsValues(analysis, fix)) moving.push(`${doc.name}: ${finding.code} ${fix.title}`);
      // The number of cells read does not drop.
      const after = parseReport(applyEdits(doc.text, fix.edits).text).model;
      const count = (m: typeof after): number => Object.values(m.tables).reduce((n, t) => n + t.rows.reduce((k, r) => k + r.cells.length, 0), 0);
      if (count(after) < count(analysis.model)) moving.push(`${doc.name}: ${finding.code} ${fix.title} drops cells`);
    }
    assert.deepEqual(moving, []);
    assert.ok(offered.length > 150, `${offered.length} fixes checked`);
  });

  // (A blank or a `/` filled with 0 is a fill, not a typed number moved: issue 15 makes those quick fixes only.)
  it('fix-all keeps every number the author typed, on every document', () => {
    for (const doc of docs) {
      const before = parseReport(doc.text).model;
      const after = parseReport(fixAll(doc.text)).model;
      assert.deepEqual(valuesChanged(before, after, []).filter((c) => /^\d/u.test(c.before)), [], doc.name);
    }
  });
});

describe('a fix that would move values', () => {
  // Sample 004's table 二 row 一 (自然人 … 总计): a value inserted before its first cell, with the
  // separator the row uses, shifts every value one column to the right.
  const text = fs.readFileSync(path.join(SHARED, 'samples', '004_bf2c1b340b487aac.txt'), 'utf8');
  const analysis = analyze(text);
  const row = analysis.model.tables.B!.rows.find((r) => r.spec.id === 'new')!;
  const [first, second] = row.cells;
  const separator = text.slice(first!.span.end, second!.span.start);
  const shifting: Fix = { title: 'insert a value', edits: [{ span: { start: first!.span.start, end: first!.span.start }, newText: `9${separator}` }], safe: true };

  it('is caught, naming the cells that moved', () => {
    assert.equal(fixKeepsValues(analysis, shifting), false);
    const after = parseReport(applyEdits(text, shifting.edits).text).model;
    const moved = valuesChanged(analysis.model, after, shifting.edits);
    assert.ok(moved.length > 0);
    assert.ok(moved.every((c) => c.place.startsWith('B/')));
    assert.equal(moved.some((c) => c.place === `B/new/${second!.column.id}`), row.cells[0]!.raw !== row.cells[1]!.raw);
  });

  it('a fix that rewrites only its own cell keeps the values', () => {
    const own: Fix = { title: 'set a value', edits: [{ span: first!.span, newText: '7' }], safe: false };
    assert.equal(fixKeepsValues(analysis, own), true);
  });

  const mover: Rule = {
    id: 'mover',
    codes: ['test.mover'],
    description: 'offers a fix that shifts a row',
    check: () => [{ code: 'test.mover', severity: 'warning', message: 'm', span: first!.span, related: [], fixes: [shifting] } satisfies Finding],
  };

  it('fix-all leaves it out and applies the other safe fixes', () => {
    const withMover = fixAll(text, { rules: [...RULES, mover] });
    assert.equal(withMover, fixAll(text), 'the same result as without the moving fix');
    assert.notEqual(withMover, text, 'the other safe fixes were applied');
  });

  it('the editor does not offer it as a quick fix', () => {
    const withMover = analyze(text, { rules: [...RULES, mover] });
    const range = withMover.model.lines.rangeOf(first!.span);
    const titles = codeActionsFor(withMover, 'file:///r.txt', 1, range, undefined).map((a) => a.title);
    assert.equal(titles.includes('insert a value'), false);
    // the finding's diagnostic is there, only its fix is left out
    assert.ok(withMover.findings.some((f) => f.code === 'test.mover'));
  });
});

describe('each fix once', () => {
  it('a total that is itself the suspect cell gets one fix, not the same edit twice (平潭 2024, 一、本年新收 总计 218 → 219)', () => {
    let html = fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'html', '007-pingtan-2024.html'), 'utf8');
    const at = html.indexOf('>218<');
    html = `${html.slice(0, at)}>219<${html.slice(at + 5)}`;
    const sumRow = analyzeRead(readHtml(html)).findings.filter((f) => f.code === 'sum.row');
    assert.deepEqual(sumRow.map((f) => f.fixes.map((x) => x.title)), [['将「一、本年新收政府信息公开申请数量」的「总计」改为 218']]);
  });
});
