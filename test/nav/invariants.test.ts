/**
 * What must hold for every text, whatever the parser made of it: every outline entry's selection lies
 * in its range and its children in it too (an editor rejects the outline otherwise); folds span
 * lines, one per start line; inlay hints are in order; every cell answers a hover naming its column;
 * selection ranges grow strictly. Checked on the samples, the PDF texts, the fixtures and on damaged
 * copies of the samples (lines cut out, text cut off) — and nothing throws.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { tableLenses } from '../../server/src/core/features/codeLens';
import { foldingRegions } from '../../server/src/core/features/folding';
import { hoverAt } from '../../server/src/core/features/hover';
import { inlayHints } from '../../server/src/core/features/inlayHints';
import { outline, type OutlineSymbol } from '../../server/src/core/features/outline';
import { selectionChain } from '../../server/src/core/features/selectionRanges';
import { reportSymbols } from '../../server/src/core/features/workspaceSymbols';
import type { Span } from '../../server/src/core/text';
import { PDF_TEXT, PROJECT_ROOT, SAMPLES } from '../support/paths';

const within = (inner: Span, outer: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

function checkAll(name: string, text: string): void {
  const analysis = analyze(text);
  const visit = (symbols: readonly OutlineSymbol[], parent: OutlineSymbol | null): void => {
    for (const s of symbols) {
      assert.ok(s.name.trim() !== '', `${name}: a symbol without a name`);
      assert.ok(s.span.start <= s.span.end && s.span.end <= text.length, `${name}: ${s.name} span`);
      assert.ok(within(s.selectionSpan, s.span), `${name}: ${s.name}'s selection outside its range`);
      if (parent) assert.ok(within(s.span, parent.span), `${name}: ${s.name} outside ${parent.name}`);
      visit(s.children, s);
    }
  };
  visit(outline(analysis), null);

  const starts = new Set<number>();
  for (const f of foldingRegions(analysis)) {
    assert.ok(f.startLine < f.endLine, `${name}: fold ${f.startLine}–${f.endLine}`);
    assert.ok(!starts.has(f.startLine), `${name}: two folds on line ${f.startLine}`);
    starts.add(f.startLine);
  }

  const hints = inlayHints(analysis);
  for (let i = 1; i < hints.length; i++) assert.ok(hints[i - 1]!.offset <= hints[i]!.offset, `${name}: hints out of order`);

  for (const table of Object.values(analysis.model.tables)) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const h = hoverAt(analysis, cell.span.start);
        assert.ok(h, `${name}: no hover on a cell of ${row.spec.label}`);
        assert.equal(h.target.kind, 'cell');
        if (h.target.kind === 'cell') assert.equal(h.target.cell.column.id, cell.column.id);
        const chain = selectionChain(analysis, cell.span.start);
        for (let i = 1; i < chain.length; i++) {
          assert.ok(within(chain[i - 1]!, chain[i]!) && (chain[i - 1]!.start !== chain[i]!.start || chain[i - 1]!.end !== chain[i]!.end), `${name}: selection ranges do not grow`);
        }
      }
    }
  }
  tableLenses(analysis);
  reportSymbols(analysis, name);
}

function texts(dir: string): { name: string; text: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures');
const ALL = [...texts(SAMPLES), ...texts(PDF_TEXT), ...texts(path.join(FIXTURES, 'layouts')), ...texts(path.join(FIXTURES, 'errors'))];

describe('navigation invariants', () => {
  it('on the samples, the PDF texts and the fixtures', () => {
    assert.ok(ALL.length >= 5 + 3 + 6 + 6, `texts found: ${ALL.length}`);
    for (const { name, text } of ALL) checkAll(name, text);
  });

  it('on damaged copies of the samples: lines cut out, the text cut off, line ends changed', () => {
    // A small deterministic generator: the same damage on every run.
    let seed = 20240101;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const { name, text } of texts(SAMPLES)) {
      const lines = text.split('\n');
      for (let i = 0; i < 12; i++) {
        const from = random(lines.length);
        const cut = [...lines.slice(0, from), ...lines.slice(from + 1 + random(40))].join('\n');
        checkAll(`${name} without lines ${from + 1}…`, cut);
        const end = random(text.length);
        checkAll(`${name} cut at ${end}`, text.slice(0, end));
      }
      checkAll(`${name} with CRLF`, text.replace(/\n/gu, '\r\n'));
      checkAll(`${name} with CR`, text.replace(/\n/gu, '\r'));
    }
    checkAll('empty', '');
    checkAll('one heading', '三、收到和处理政府信息公开申请情况');
  });
});
