/**
 * Atomic writes with real faults: a full file system (a small tmpfs), kill -9 in the middle of
 * writing, a symbolic link, a read-only file, a FIFO, a file changed since it was read.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { snapshotOf, writeFileAtomic } from '../../server/src/cli/atomicWrite';
import { fillUp, fullAfter, leftovers, onFullDisk, type WriteSync } from './fullDisk';

const scratches: string[] = [];

/** A fresh folder for one test, removed when the file's tests are done. */
function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-atomic-'));
  scratches.push(dir);
  return dir;
}

after(() => {
  for (const dir of scratches) {
    // A test may have left a folder read-only: make it writable again to remove it.
    try {
      fs.chmodSync(dir, 0o755);
    } catch {
      // gone already
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});


describe('writeFileAtomic', () => {
  it('replaces the content and keeps the mode', () => {
    const dir = scratch();
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, '旧内容');
    fs.chmodSync(file, 0o640);
    const outcome = writeFileAtomic(file, Buffer.from('新内容'));
    assert.deepEqual(outcome, { ok: true, path: fs.realpathSync(file) });
    assert.equal(fs.readFileSync(file, 'utf8'), '新内容');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(leftovers(dir), []);
  });

  it('writes through a symbolic link to its target; the link stays a link', () => {
    const dir = scratch();
    const target = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    fs.writeFileSync(target, 'a');
    fs.symlinkSync('real.txt', link);
    const outcome = writeFileAtomic(link, Buffer.from('b'));
    assert.equal(outcome.ok, true);
    assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
    assert.equal(fs.readlinkSync(link), 'real.txt');
    assert.equal(fs.readFileSync(target, 'utf8'), 'b');
  });

  it('does not write a file that changed on disk since it was read', () => {
    const dir = scratch();
    const file = path.join(dir, 'report.txt');
    fs.writeFileSync(file, 'one');
    const snapshot = snapshotOf(file, fs.readFileSync(file));
    fs.writeFileSync(file, 'two, longer');
    const outcome = writeFileAtomic(file, Buffer.from('fixed'), { expect: snapshot });
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.reason, 'changed');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two, longer');
    // Same size, same time, other bytes: still seen.
    const again = snapshotOf(file, Buffer.from('two, LONGER'));
    const second = writeFileAtomic(file, Buffer.from('fixed'), { expect: again });
    assert.equal(!second.ok && second.reason, 'changed');
    // Unchanged: written.
    const fresh = snapshotOf(file, fs.readFileSync(file));
    assert.equal(writeFileAtomic(file, Buffer.from('fixed'), { expect: fresh }).ok, true);
  });

  it('refuses a read-only file and a FIFO at once, without blocking', () => {
    const dir = scratch();
    const readOnly = path.join(dir, 'ro.txt');
    fs.writeFileSync(readOnly, 'keep');
    fs.chmodSync(readOnly, 0o444);
    const started = Date.now();
    const ro = writeFileAtomic(readOnly, Buffer.from('x'));
    assert.equal(!ro.ok && ro.reason, 'read-only');
    assert.equal(fs.readFileSync(readOnly, 'utf8'), 'keep');
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const f = writeFileAtomic(fifo, Buffer.from('x'));
    assert.equal(!f.ok && f.reason, 'not-regular');
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(leftovers(dir), []);
  });

  /** A full file system: the original, ~20 KB, left intact by a write of twice its size. */
  const fillAndWrite = (folder: string, fill: boolean, writeSync?: WriteSync): void => {
    const file = path.join(folder, 'report.txt');
    const original = Buffer.from('政府信息公开工作年度报告\n'.repeat(600)); // ~20 KB
    fs.writeFileSync(file, original);
    if (fill) fillUp(folder);
    const outcome = writeFileAtomic(file, Buffer.concat([original, original]), writeSync ? { writeSync } : {});
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.reason, 'failed');
    assert.equal(!outcome.ok && outcome.code, 'ENOSPC');
    assert.ok(fs.readFileSync(file).equals(original), 'the original is intact');
    assert.deepEqual(leftovers(folder), []);
  };

  it('on a full file system (a 64 KB tmpfs) leaves the original byte for byte and no temporary file', (t) => {
    onFullDisk(t, 'atomic-write.test', scratch(), 8192, (folder, writeSync) => { fillAndWrite(folder, writeSync === undefined, writeSync); });
  });

  it('ENOSPC emulated (the disk full after 8 KB of the temporary file): the original intact, no temporary file', () => {
    fillAndWrite(scratch(), false, fullAfter(8192));
  });

  it('kill -9 during 50 writes of a 20 MB report never leaves a truncated or empty file', async () => {
    const dir = scratch();
    const file = path.join(dir, 'big.txt');
    const size = 20 * 1024 * 1024;
    const a = Buffer.alloc(size, 'a');
    fs.writeFileSync(file, a);
    const modulePath = path.resolve(__dirname, '../../server/src/cli/atomicWrite.js');
    const child = `
      const { writeFileAtomic } = require(${JSON.stringify(modulePath)});
      const a = Buffer.alloc(${size}, 'a'), b = Buffer.alloc(${size}, 'b');
      for (let i = 0; i < 50; i++) {
        const r = writeFileAtomic(${JSON.stringify(file)}, i % 2 ? a : b);
        if (!r.ok) { console.error(r.detail); process.exit(3); }
        if (i === 0) process.stdout.write('started\\n');
      }`;
    // 12 kills at times spread over the writes (each write of 20 MB takes some tens of milliseconds).
    for (let round = 0; round < 12; round++) {
      const proc = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => proc.stdout.once('data', () => { resolve(); }));
      await new Promise((resolve) => setTimeout(resolve, 5 + ((round * 53) % 170)));
      proc.kill('SIGKILL');
      await new Promise((resolve) => proc.once('exit', resolve));
      const bytes = fs.readFileSync(file);
      assert.equal(bytes.length, size, `round ${round}: the file is whole`);
      const first = bytes[0]!;
      assert.ok(first === 0x61 || first === 0x62);
      assert.ok(bytes.equals(first === 0x61 ? a : Buffer.alloc(size, 'b')), `round ${round}: one whole version`);
    }
    // A killed writer may leave its temporary file; the report itself is never damaged.
    for (const name of leftovers(dir)) fs.unlinkSync(path.join(dir, name));
  });
});
