/** `govreport/editCell` through the server in memory: the WorkspaceEdit of a typed value, refusals, versions. */
import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EDIT_CELL_REQUEST, type EditCellParams, type EditCellResult } from '../../server/src/lsp/protocol';
import { sample } from '../support/paths';
import { MemoryServer } from './memoryServer';

describe('govreport/editCell', () => {
  let server: MemoryServer;
  const uri = 'file:///004.txt';
  const text = sample('004').text;
  before(async () => {
    server = await MemoryServer.start();
    await server.open(uri, 'govreport', text, 1);
    await server.publishedFor(uri);
  });
  after(() => { server.stop(); });

  const request = (params: Partial<EditCellParams>): Promise<EditCellResult> =>
    server.connection.sendRequest<EditCellResult>(EDIT_CELL_REQUEST, { uri, version: 1, table: 'B', row: 'new', column: 'natural', text: '2', autoTotals: false, ...params });

  it('a value typed into 「一、本年新收…」/「自然人」: one edit at the cell, for version 1', async () => {
    const result = await request({});
    assert.ok(result?.ok);
    assert.equal(result.version, 1);
    // Line 85 (0-based 84) holds the cell: `\t1`.
    assert.equal(text.split('\n')[84], '\t1');
    assert.deepEqual(result.edit.changes[uri], [{ range: { start: { line: 84, character: 1 }, end: { line: 84, character: 2 } }, newText: '2' }]);
    assert.deepEqual(result.conflicts, []);
  });

  it('with 自动合计: the totals in the same edit; applied, the row sum of 一 holds', async () => {
    const result = await request({ autoTotals: true });
    assert.ok(result?.ok);
    const edits = result.edit.changes[uri]!;
    assert.equal(edits.length, 4);
    const after = TextDocument.applyEdits(TextDocument.create(uri, 'govreport', 1, text), edits.map((e) => ({ range: e.range, newText: e.newText })));
    const published = server.published.length;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
    const diagnostics = await server.publishedFor(uri, published);
    assert.equal(diagnostics.version, 2);
    assert.equal(diagnostics.diagnostics.some((d) => d.code === 'sum.row' && String(d.message).includes('一、本年新收')), false);
    assert.equal(diagnostics.diagnostics.some((d) => d.code === 'sum.row' && String(d.message).includes('四、结转下年度')), true);
  });

  it('an edit asked for an older version is refused; a refusal carries its reason and message; an unknown document is null', async () => {
    assert.deepEqual(await request({ version: 1 }), { ok: false, reason: 'stale', message: '文档已经改变，请重新填写' });
    assert.deepEqual(await request({ version: 2, text: '两件' }), { ok: false, reason: 'not-number', message: '「一、本年新收政府信息公开申请数量」的「自然人」未写入：「两件」不是数字' });
    assert.equal(await request({ uri: 'file:///nowhere.txt' }), null);
  });
});
