/**
 * The preview panel's message checks (client/src/previewMessages.ts): a message from the webview may
 * only select a range of the panel's own document, as its text stands; a message naming another
 * document, a range outside the text, or malformed data is ignored. The ranges and cells are those
 * the page of sample 004 really sends.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { MAX_CELL_TEXT, MAX_KEPT_CELLS, previewRequest, rangeInDocument, type PreviewDocument } from '../../client/src/previewMessages';
import { analyze } from '../../server/src/core/analyze';
import { renderPreviewHtml } from '../../server/src/core/features/preview';
import { sample } from '../support/paths';

const URI = 'file:///work/reports/004.txt';
const text = sample('004').text;

/** A document over a text, its lines split as VS Code splits them. */
function documentOf(source: string, uri = URI): PreviewDocument {
  const lines = source.split(/\r\n|\r|\n/u);
  return { uri, lineCount: lines.length, lineLength: (line) => lines[line]!.length };
}

const doc = documentOf(text);
const html = renderPreviewHtml(analyze(text), { nonce: 'bm9uY2UxMjM0NTY3ODkw', cspSource: 'vscode-webview:', version: 3 });
/** The cell 「一、本年新收政府信息公开申请数量」/「自然人」 of table 二 as the page addresses it. */
const natural = /data-range="(\d+),(\d+),(\d+),(\d+)" tabindex="0" data-cell="B\/new\/natural"/u.exec(html)!;
const naturalRange = natural.slice(1).map(Number);
const lastLine = doc.lineCount - 1;
const cell = { table: 'B', row: 'new', column: 'natural' };
const edit = { type: 'edit', version: 3, cell, text: '2', autoTotals: false, keep: [{ table: 'B', row: 'new', column: 'total' }] };

describe('preview messages: what the page may ask', () => {
  it('the page\'s own reveal of the cell 自然人 (line 85, the 1) selects exactly that range', () => {
    assert.deepEqual(naturalRange, [84, 1, 84, 2]);
    assert.equal(text.split('\n')[84], '\t1');
    assert.deepEqual(previewRequest({ type: 'reveal', range: naturalRange, keepFocus: true }, doc), { kind: 'reveal', range: [84, 1, 84, 2], keepFocus: true });
    assert.deepEqual(previewRequest({ type: 'reveal', range: naturalRange }, doc), { kind: 'reveal', range: [84, 1, 84, 2], keepFocus: false });
    // The document's own URI may be named.
    assert.deepEqual(previewRequest({ type: 'reveal', range: naturalRange, uri: URI }, doc), { kind: 'reveal', range: [84, 1, 84, 2], keepFocus: false });
  });

  it('a message naming another document is ignored, whatever it asks', () => {
    for (const uri of ['file:///work/reports/003.txt', 'file:///etc/passwd', URI.toUpperCase(), `${URI}#x`, 'untitled:Untitled-1', '', null, 7, undefined]) {
      assert.equal(previewRequest({ type: 'reveal', range: naturalRange, uri }, doc), undefined, String(uri));
      assert.equal(previewRequest({ ...edit, uri }, doc), undefined, String(uri));
      assert.equal(previewRequest({ type: 'leave', uri }, doc), undefined, String(uri));
    }
    // The same message is accepted by the panel of the document it names.
    assert.deepEqual(previewRequest({ type: 'reveal', range: naturalRange, uri: 'file:///work/reports/003.txt' }, documentOf(text, 'file:///work/reports/003.txt')), { kind: 'reveal', range: [84, 1, 84, 2], keepFocus: false });
  });

  it('a range outside the document as it stands is ignored; its very end is in it', () => {
    const lastLength = doc.lineLength(lastLine);
    assert.deepEqual(rangeInDocument([lastLine, lastLength, lastLine, lastLength], doc), [lastLine, lastLength, lastLine, lastLength]);
    assert.deepEqual(rangeInDocument([84, 0, 84, 2], doc), [84, 0, 84, 2]);
    for (const range of [
      [doc.lineCount, 0, doc.lineCount, 0], // the line after the last
      [0, 0, doc.lineCount, 0],
      [84, 1, 84, 3], // past the end of 「\t1」
      [84, 3, 84, 3],
      [lastLine, lastLength + 1, lastLine, lastLength + 1],
      [1e9, 0, 1e9, 0],
      [84, 2, 84, 1], // the end before the start
      [85, 0, 84, 0],
    ]) assert.equal(previewRequest({ type: 'reveal', range }, doc), undefined, JSON.stringify(range));
    // The same range, once the text is shorter (the page still shows the longer one), is ignored.
    const shorter = documentOf(text.split('\n').slice(0, 80).join('\n'));
    assert.equal(previewRequest({ type: 'reveal', range: naturalRange }, shorter), undefined);
  });

  it('malformed data is ignored', () => {
    for (const message of [
      null, undefined, 'reveal', 42, true, [], ['reveal', naturalRange], {},
      { type: 'Reveal', range: naturalRange },
      { type: 'reveal' },
      { type: 'reveal', range: '84,1,84,2' },
      { type: 'reveal', range: [84, 1, 84] },
      { type: 'reveal', range: [84, 1, 84, 2, 0] },
      { type: 'reveal', range: [84, -1, 84, 2] },
      { type: 'reveal', range: [84, 1.5, 84, 2] },
      { type: 'reveal', range: ['84', 1, 84, 2] },
      { type: 'reveal', range: [84, Number.NaN, 84, 2] },
      { type: 'reveal', range: [84, 1, 84, Infinity] },
      { type: 'reveal', range: [2 ** 53, 0, 2 ** 53, 0] },
      { type: 'reveal', range: { 0: 84, 1: 1, 2: 84, 3: 2, length: 4 } },
      { type: 'reveal', range: naturalRange, keepFocus: 'yes' },
      { type: 'open', uri: 'file:///etc/passwd' },
      { type: 'command', command: 'workbench.action.terminal.new' },
    ]) assert.equal(previewRequest(message, doc), undefined, JSON.stringify(message));
  });

  it('a cell edit as the page sends it is passed on; one field wrong and it is ignored', () => {
    assert.deepEqual(previewRequest(edit, doc), { kind: 'edit', message: edit });
    assert.deepEqual(previewRequest({ type: 'leave' }, doc), { kind: 'leave' });
    const longest = 'x'.repeat(MAX_CELL_TEXT);
    assert.deepEqual(previewRequest({ ...edit, text: longest }, doc), { kind: 'edit', message: { ...edit, text: longest } });
    for (const wrong of [
      { version: -1 }, { version: 1.5 }, { version: '3' }, { version: 2 ** 53 },
      { cell: { table: 'D', row: 'new', column: 'natural' } },
      { cell: { table: 'B', row: '../new', column: 'natural' } },
      { cell: { table: 'B', row: 'new', column: '<img>' } },
      { cell: { table: 'B', row: 'new' } },
      { cell: 'B/new/natural' },
      { text: 2 }, { text: 'x'.repeat(MAX_CELL_TEXT + 1) },
      { autoTotals: 'true' }, { autoTotals: undefined },
      { keep: 'B/new/total' }, { keep: [{ table: 'B', row: 'new', column: 'total/x' }] },
      { keep: Array.from({ length: MAX_KEPT_CELLS + 1 }, () => cell) },
    ]) assert.equal(previewRequest({ ...edit, ...wrong }, doc), undefined, JSON.stringify(wrong).slice(0, 80));
  });
});
