/**
 * `govreport check` writing into a pipe waits for the reader: a folder's output is never queued in
 * memory (process.stdout on a pipe is asynchronous, and queued 1.1 GB over 10,000 reports).
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT, sample } from '../support/paths';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');

describe('check into a pipe whose reader waits', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pipe-'));
    // About 1 MB of JSON: far more than a pipe holds (64 KB on Linux).
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.txt`), sample(['002', '003', '004'][i % 3]!).text);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('writes no further than the pipe holds until the reader reads, then all of it, the same bytes as into a file', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--jobs', '1', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => { stderr += text; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const chunks: Buffer[] = [];
    try {
      // The first bytes: pass 2 has begun writing. Then nothing is read for a second.
      const first = await new Promise<Buffer>((resolve) => child.stdout.once('data', resolve));
      chunks.push(first);
      child.stdout.pause();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(child.exitCode, null, 'the check ended while its output was not read');
      assert.doesNotMatch(stderr, /检查了/u, 'the summary was written while the output was still unread: the output was queued in memory');
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stdout.resume();
      assert.equal(await exited, 1);
    } finally {
      if (child.exitCode === null) {
        child.stdout.resume();
        child.kill();
      }
    }
    assert.match(stderr, /^检查了 150 份报告/mu);
    const toFile = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--jobs', '1', dir], { maxBuffer: 64 * 1024 * 1024 });
    assert.ok(Buffer.concat(chunks).equals(toFile.stdout));
    assert.ok(toFile.stdout.length > 512 * 1024, `${toFile.stdout.length} bytes`);
  });
});
