/**
 * Cancellation: a standard request the client cancels before the server has started on it is
 * answered at once with RequestCancelled (-32800) and never run, whichever feature would have
 * handled it (the server's own govreport/* requests handle their cancellation themselves). The typical case is a request queued behind a slow analysis: the editor has moved
 * on, and the server must not then compute an answer nobody waits for.
 */
import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, LSPErrorCodes } from 'vscode-languageserver/node';
import { sample } from '../support/paths';
import { RawServer } from './raw-server';

describe('language server: $/cancelRequest', () => {
  let server: RawServer;
  before(async () => {
    server = new RawServer();
    await server.initialize();
  });
  after(() => { server.kill(); });

  it('a request and its cancellation arriving together: RequestCancelled; the next request is handled', async () => {
    const uri = 'file:///cancel/small.txt';
    server.write({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'govreport', version: 1, text: sample('004').text } } });
    const symbols = (id: number) => ({ id, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    server.write(symbols(1), { method: '$/cancelRequest', params: { id: 1 } }, symbols(2));
    assert.equal((await server.response(1)).error?.code, LSPErrorCodes.RequestCancelled);
    // Not cancelled: the outline.
    const outline = await server.response(2);
    assert.equal(outline.error, undefined);
    assert.ok(Array.isArray(outline.result) && outline.result.length > 0, JSON.stringify(outline).slice(0, 200));
  });

  it("the server's own requests are left to their handlers, which answer with what they have done", async () => {
    // No such request: the server's own answer, not a cancellation.
    server.write({ id: 3, method: 'govreport/ping', params: {} }, { method: '$/cancelRequest', params: { id: 3 } });
    assert.equal((await server.response(3)).error?.code, ErrorCodes.MethodNotFound);
  });

  it('requests cancelled while they wait behind a large document: RequestCancelled for each', async () => {
    // One write of about 1 MB: the reader gets it in many chunks, the requests and their
    // cancellations in the last; each request is still queued when its cancellation is read.
    const text = sample('004').text.repeat(150);
    const uri = 'file:///cancel/big.txt';
    const ids = [10, 11, 12, 13];
    server.write(
      { method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'govreport', version: 1, text } } },
      ...ids.map((id) => ({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } })),
      ...ids.map((id) => ({ method: '$/cancelRequest', params: { id } })),
    );
    for (const id of ids) assert.equal((await server.response(id)).error?.code, LSPErrorCodes.RequestCancelled, `request ${id}`);
    await server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri);
  });

  it('the server carries on and shuts down cleanly', async () => {
    server.write({ id: 20, method: 'govreport/ping', params: {} });
    assert.equal((await server.response(20)).error?.code, ErrorCodes.MethodNotFound);
    assert.equal(await server.shutdown(), 0);
  });
});
