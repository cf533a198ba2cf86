/** The preview as a grid (core `renderPreviewHtml`): every value cell addressed, fixes offered, the toggle, the script. */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { renderPreviewBody, renderPreviewHtml } from '../../server/src/core/features/preview';
import { TABLES, TABLE_IDS } from '../../server/src/core/format/schema';
import { en } from '../../server/src/core/messages/en';
import { sample } from '../support/paths';
import { unescapeHtml } from './html';

const OPTIONS = { nonce: 'bm9uY2UxMjM0NTY3ODkw', cspSource: 'vscode-webview:', version: 7 };

/** Every `<td … data-cell="…">` with its attributes. */
function gridCells(html: string): { cell: string; attributes: string; text: string }[] {
  return [...html.matchAll(/<td class="v[^"]*"([^>]*) data-cell="([^"]*)"([^>]*)>([^<]*)<\/td>/gu)].map((m) => ({ cell: m[2]!, attributes: m[1]! + m[3]!, text: unescapeHtml(m[4]!) }));
}

describe('preview grid', () => {
  const analysis = analyze(sample('004').text);
  const html = renderPreviewHtml(analysis, OPTIONS);

  it('every value cell of the format is addressed once, by table/row/column, and can take the focus (absent ones too)', () => {
    const expected = TABLE_IDS.flatMap((t) => TABLES[t].rows.filter((r) => !r.children).flatMap((r) => r.columns.map((c) => `${t}/${r.id}/${c}`)));
    const cells = gridCells(html);
    assert.equal(expected.length, 200);
    assert.deepEqual(cells.map((c) => c.cell), expected);
    for (const c of cells) assert.match(c.attributes, /tabindex="0"/u, c.cell);
  });

  it('a total that does not hold offers the one-click fix: what its terms add up to', () => {
    const fixes = gridCells(html).filter((c) => c.attributes.includes('data-fix='));
    const failing = analysis.evaluations.filter((e) => e.status === 'fails');
    assert.deepEqual(
      fixes.map((c) => [c.cell, /data-fix="(\d+)"/u.exec(c.attributes)![1], unescapeHtml(/data-fix-label="([^"]*)"/u.exec(c.attributes)![1]!)]),
      failing.map((e) => [`B/${e.spec.stated.row}/${e.spec.stated.column}`, String(e.computed), `改为 ${e.computed}`]),
    );
    assert.equal(fixes.length, 3);
  });

  it('the page: the version it shows, the 自动合计 toggle, the editor, the reason and fix elements outside the updated content', () => {
    assert.ok(html.includes('<div id="state" data-version="7" hidden></div>'));
    assert.match(html, /<label title="填写一格后[^"]*"><input type="checkbox" id="auto-totals"> 自动合计<\/label>/u);
    const main = html.indexOf('<main id="content">');
    const mainEnd = html.indexOf('</main>');
    for (const id of ['editor', 'reason', 'fix', 'auto-totals', 'status']) {
      const at = html.indexOf(`id="${id}"`);
      assert.ok(at > 0 && (at < main || at > mainEnd), id);
    }
    // The body for updates has the cells and none of the page's controls.
    const body = renderPreviewBody(analysis);
    assert.equal(gridCells(body).length, 200);
    assert.doesNotMatch(body, /id="(?:editor|auto-totals|state)"/u);
    assert.match(renderPreviewHtml(analysis, { ...OPTIONS, messages: en }), /> Keep totals<\/label>/u);
  });

  it('the one script compiles and handles the spreadsheet keys and the edit messages', () => {
    const script = /<script nonce="[^"]*">([\s\S]*?)<\/script>/u.exec(html)![1]!;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiles the webview's script, never runs it
    assert.doesNotThrow(() => new Function(script));
    for (const key of ["ArrowUp: [0, -1]", "ArrowDown: [0, 1]", "event.key === 'Tab'", "event.key === 'Enter'", "event.key === 'Escape'", "type: 'edit'", "type: 'leave'", "'refused'", "'update'"]) assert.ok(script.includes(key), key);
    // Only the server-rendered body is written as HTML; every message text goes in as text.
    assert.deepEqual([...script.matchAll(/innerHTML\s*=\s*([^;]*);/gu)].map((m) => m[1]), ['message.body']);
  });
});
