/**
 * `--stdio`: each message leaves in one write (header and body together), the process ends when its
 * input ends (0 after a shutdown request, else 1), and `console` goes to the client's log, never to
 * standard output where it would corrupt the protocol.
 */
import { strict as assert } from 'assert';
import { Writable } from 'stream';
import { describe, it } from 'node:test';
import type { NotificationMessage, RemoteConsole } from 'vscode-languageserver/node';
import { consoleToClient, OneWriteMessageWriter } from '../../server/src/lsp/stdio';
import { RawServer } from './raw-server';

/** A stream that keeps each write as it came. */
function recorder(): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk);
      callback();
    },
  });
  return { stream, writes };
}

function frame(write: Buffer): { length: number; body: Buffer } {
  const end = write.indexOf('\r\n\r\n');
  const header = write.subarray(0, end).toString('ascii');
  const m = /^Content-Length: (\d+)$/u.exec(header);
  assert.ok(m, `header ${JSON.stringify(header)}`);
  return { length: Number(m[1]), body: write.subarray(end + 4) };
}

describe('--stdio', () => {
  it('writes each message in one write, its length in UTF-8 bytes: Chinese, a surrogate pair, a lone surrogate', async () => {
    const { stream, writes } = recorder();
    const writer = new OneWriteMessageWriter(stream);
    const messages = [
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '行合计不成立：「总计」填报 5，应为 4' } },
      { jsonrpc: '2.0', id: 7, result: { text: '𠀀 and \ud800 alone' } },
      { jsonrpc: '2.0', id: 8, result: null },
    ];
    for (const m of messages) await writer.write(m);
    assert.equal(writes.length, 3);
    writes.forEach((w, i) => {
      const { length, body } = frame(w);
      assert.equal(body.length, length);
      assert.deepEqual(JSON.parse(body.toString('utf8')), JSON.parse(JSON.stringify(messages[i])));
    });
    // The lone surrogate is escaped, not written as a replacement character.
    assert.match(frame(writes[1]!).body.toString('utf8'), /\\ud800 alone/u);
  });

  it('a failed write is an error of the writer and a rejected promise', async () => {
    const stream = new Writable({ write(_chunk, _encoding, callback) { callback(new Error('EPIPE')); } });
    stream.on('error', () => undefined);
    const writer = new OneWriteMessageWriter(stream);
    const errors: unknown[] = [];
    writer.onError(([error]) => { errors.push(error); });
    const exit: NotificationMessage = { jsonrpc: '2.0', method: 'exit' };
    await assert.rejects(writer.write(exit), /EPIPE/u);
    assert.ok(errors.some((e) => e instanceof Error && e.message === 'EPIPE'));
  });

  it('console.* goes to the client’s log, formatted as node formats it', () => {
    const sent: string[] = [];
    const remote = { log: (m: string) => sent.push(`log ${m}`), info: (m: string) => sent.push(`info ${m}`), warn: (m: string) => sent.push(`warn ${m}`), error: (m: string) => sent.push(`error ${m}`) } as unknown as RemoteConsole;
    const saved = { log: console.log, debug: console.debug, info: console.info, warn: console.warn, error: console.error, dir: console.dir };
    try {
      consoleToClient(remote);
      console.log('第 %d 行', 3);
      console.info({ 表: '二' });
      console.warn('警告');
      console.error('错误');
      console.dir([1, 2]);
    } finally {
      Object.assign(console, saved);
    }
    assert.deepEqual(sent, ['log 第 3 行', "info { '表': '二' }", 'warn 警告', 'error 错误', 'log [ 1, 2 ]']);
  });

  it('the process ends when its input ends: exit 0 after a shutdown request', async () => {
    const server = new RawServer();
    await server.initialize();
    server.write({ id: 'shutdown', method: 'shutdown' });
    await server.response('shutdown');
    server.closeInput();
    assert.equal(await server.exited, 0);
  });

  it('the process ends when its input ends: exit 1 without a shutdown request', async () => {
    const server = new RawServer();
    await server.initialize();
    server.closeInput();
    assert.equal(await server.exited, 1);
  });
});
