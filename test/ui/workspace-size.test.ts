/**
 * The workspace check honours the size limit (govreport.maxFileSize, the CLI's --max-size): a file
 * over it is not read — a `.txt` only as far as the head that tells whether it is a report at all
 * (HEAD_BYTES, as the CLI does), a `.govreport` not at all — and is listed as not checked: in the
 * result's `tooLarge` and `unreadable`, and with one information diagnostic in the Problems panel.
 * Raising the limit checks it on the next run. Through the protocol, the folder's setting applies.
 */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { DEFAULT_MAX_SIZE } from '../../server/src/cli/check';
import { HEAD_BYTES } from '../../server/src/cli/files';
import { WorkspaceCheck } from '../../server/src/lsp/features/checkWorkspace';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../server/src/lsp/protocol';
import { NavClient } from '../nav/lspClient';
import { sample } from '../support/paths';

const token: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
const progress: WorkDoneProgressReporter = { begin: () => undefined, report: () => undefined, done: () => undefined };

/** Bytes read from each watched file through node:fs (as the reader reads: open, readSync of a head, readFileSync of the rest). */
class ReadSpy {
  readonly bytes = new Map<string, number>();
  readonly wholeReads = new Map<string, number>();
  private readonly fds = new Map<number, string>();
  private readonly restore: (() => void)[] = [];

  constructor(private readonly watched: readonly string[]) {
    // The module object itself (an `import *` of it is a copy with getters, which cannot be patched).
    const mutable = process.getBuiltinModule('node:fs') as unknown as Record<string, (...args: unknown[]) => unknown>;
    const wrap = (name: string, around: (original: (...args: unknown[]) => unknown, args: unknown[]) => unknown): void => {
      const original = mutable[name]!;
      mutable[name] = (...args: unknown[]) => around(original, args);
      this.restore.push(() => { mutable[name] = original; });
    };
    const which = (target: unknown): string | undefined =>
      typeof target === 'number' ? this.fds.get(target) : typeof target === 'string' ? this.watched.find((w) => path.resolve(target) === w) : undefined;
    wrap('openSync', (original, args) => {
      const fd = original(...args) as number;
      const file = which(args[0]);
      if (file) this.fds.set(fd, file);
      else this.fds.delete(fd);
      return fd;
    });
    wrap('readSync', (original, args) => {
      const n = original(...args) as number;
      const file = which(args[0]);
      if (file) this.bytes.set(file, (this.bytes.get(file) ?? 0) + n);
      return n;
    });
    wrap('readFileSync', (original, args) => {
      const result = original(...args) as { length: number };
      const file = which(args[0]);
      if (file) {
        this.wholeReads.set(file, (this.wholeReads.get(file) ?? 0) + 1);
        this.bytes.set(file, (this.bytes.get(file) ?? 0) + result.length);
      }
      return result;
    });
  }

  stop(): void {
    for (const r of this.restore.reverse()) r();
  }
}

describe('the workspace check honours the size limit', () => {
  let base: string;
  let ws: string;
  let big: string;
  let declared: string;
  let small: string;
  let log: string;
  const LIMIT = 512 * 1024;

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-size-'));
    ws = path.join(base, 'ws');
    fs.mkdirSync(ws);
    // Sample 004 with its last section written out to about 1 MB: a report, twice the limit, far more than a head.
    const text = sample('004').text;
    const filler = '本机关将继续做好政府信息公开工作，及时回应社会关切。\n';
    big = path.join(ws, 'big.txt');
    fs.writeFileSync(big, text + filler.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(filler))));
    declared = path.join(ws, 'big.govreport');
    fs.copyFileSync(big, declared);
    small = path.join(ws, 'small.txt');
    fs.writeFileSync(small, text);
    // A large file that is no report: not listed at all.
    log = path.join(ws, 'server-log.txt');
    fs.writeFileSync(log, 'GET /index.html 200\n'.repeat(40_000));
  });
  after(() => { fs.rmSync(base, { recursive: true, force: true }); });

  it('a file over the folder\'s limit is listed as not checked, with one diagnostic, and not read beyond the head', async () => {
    assert.ok(fs.statSync(big).size > 2 * LIMIT && fs.statSync(big).size > 4 * HEAD_BYTES && fs.statSync(log).size > LIMIT);
    const published = new Map<string, Diagnostic[]>();
    const asked: string[] = [];
    let limit = LIMIT;
    const check = new WorkspaceCheck({
      isOpen: () => false,
      publish: (uri, diagnostics) => { published.set(uri, diagnostics); },
      maxSize: (folder) => {
        asked.push(folder);
        return Promise.resolve(limit);
      },
    });
    const spy = new ReadSpy([big, declared, small]);
    let result: CheckWorkspaceResult;
    try {
      result = await check.run([ws], token, progress);
    } finally {
      spy.stop();
    }
    const uri = (file: string): string => pathToFileURL(file).href;
    assert.deepEqual(result.tooLarge, [uri(declared), uri(big)]);
    assert.equal(result.files, 1);
    assert.equal(result.unreadable, 2);
    assert.equal(result.filesWithErrors, 1);
    assert.match(result.summary, /^1 份报告：1 份有错误，.*2 个文件无法读取$/u);
    assert.ok(asked.length > 0 && asked.every((f) => f === ws), JSON.stringify(asked));
    // Not read: the .govreport (a report by its name) not at all; the .txt only its head, to see it is a report.
    assert.equal(spy.bytes.get(declared) ?? 0, 0);
    assert.equal(spy.wholeReads.get(big) ?? 0, 0);
    assert.ok((spy.bytes.get(big) ?? 0) <= HEAD_BYTES, String(spy.bytes.get(big)));
    // The report under the limit: its head, then all of it (the spy sees reads, so it would see the big file's).
    assert.equal(spy.wholeReads.get(small), 1);
    assert.equal(spy.bytes.get(small), 2 * fs.statSync(small).size);
    // Listed in the Problems panel: one information diagnostic each, at the start; the report under the limit checked.
    for (const file of [big, declared]) {
      const size = `${(fs.statSync(file).size / (1024 * 1024)).toFixed(1)} MB`;
      assert.deepEqual(published.get(uri(file)), [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        code: 'too-large',
        source: 'govreport',
        message: `此文档大小为 ${size}，超过 govreport.maxFileSize（512 KB），未做检查`,
      }]);
    }
    assert.deepEqual(published.get(uri(small))!.filter((d) => d.code === 'sum.row').map((d) => d.range.start.line), [90, 130, 341]);
    assert.equal(published.has(uri(log)), false);

    // The limit raised (the setting changed): the next run checks them, and their too-large diagnostic is replaced.
    limit = DEFAULT_MAX_SIZE;
    const again = await check.run([ws], token, progress);
    assert.deepEqual(again.tooLarge, []);
    assert.equal(again.files, 3);
    assert.equal(again.unreadable, 0);
    for (const file of [big, declared]) {
      assert.deepEqual(published.get(uri(file))!.filter((d) => d.code === 'sum.row').map((d) => d.range.start.line), [90, 130, 341], file);
      assert.ok(!published.get(uri(file))!.some((d) => d.code === 'too-large'));
    }

    // Lowered again and the file closed in the editor: it is checked from disk with the limit, so listed as too large again.
    limit = LIMIT;
    await check.closed(uri(big), () => Promise.resolve([ws]));
    assert.deepEqual(published.get(uri(big))!.map((d) => d.code), ['too-large']);
  });

  it('through the protocol, the folder\'s govreport.maxFileSize applies (in MB)', async () => {
    const { client } = await NavClient.start([{ uri: pathToFileURL(ws).href, name: 'ws' }]);
    try {
      client.settings.set('govreport.maxFileSize', 0.5);
      const result = await client.connection.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
      assert.deepEqual(result.tooLarge, [pathToFileURL(declared).href, pathToFileURL(big).href]);
      assert.equal(result.files, 1);
      assert.equal(result.unreadable, 2);
      assert.ok(client.configurationRequests.some((item) => item.section === 'govreport.maxFileSize' && item.scopeUri === pathToFileURL(ws).href));
    } finally {
      await client.stop();
    }
  });
});
