/**
 * `govreport fix --write` with real faults: the report is written through a temporary file and a
 * rename (server/src/cli/atomicWrite.ts), so a full disk, a read-only file, a file changed since it
 * was read or a FIFO leaves every original byte for byte, with one line naming the file and the
 * cause, exit 2 for that file, and the other files still fixed. A symbolic link is written through.
 * (kill -9 in the middle of writes of a 20 MB report: atomic-write.test.ts, on the same function.)
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixExitStatus, fixReports } from '../../server/src/cli/fix';
import { run, type Io } from '../../server/src/cli/main';
import { changedPlaces, fixAll } from '../../server/src/core/fix';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { PROJECT_ROOT, sample } from '../support/paths';
import { assertWithinBudget } from '../support/timing';
import { fillUp, fullAfter, leftovers, onFullDisk, type WriteSync } from './fullDisk';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');

function recorder(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {} };
}

const cli = (args: readonly string[]) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, LC_ALL: 'zh_CN.UTF-8' } });
  return { ...r, ms: performance.now() - start };
};


describe('govreport fix --write: every fault leaves the original and says so', () => {
  let dir = '';
  const text = sample('001').text; // two headings to fix
  const fixed = fixAll(text);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fixwrite-'));
    assert.notEqual(fixed, text);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('a symbolic link: the report it points to is fixed, the link stays the same link', () => {
    const target = path.join(dir, 'real-001.txt');
    const link = path.join(dir, 'link-001.txt');
    fs.writeFileSync(target, text);
    fs.chmodSync(target, 0o604);
    fs.symlinkSync('real-001.txt', link);
    const io = recorder();
    assert.equal(run(['fix', '--write', link], io), 0, io.err.join(''));
    assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
    assert.equal(fs.readlinkSync(link), 'real-001.txt');
    assert.equal(fs.readFileSync(target, 'utf8'), fixed);
    assert.equal(fs.statSync(target).mode & 0o777, 0o604, 'the mode is kept');
    assert.deepEqual(leftovers(dir), []);
  });

  it('a read-only file: exit 2 within a second, one line, the original byte for byte; the other file fixed', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'ro-'));
    const readOnly = path.join(sub, 'a-ro.txt');
    const writable = path.join(sub, 'b-rw.txt');
    fs.writeFileSync(readOnly, text);
    fs.chmodSync(readOnly, 0o444);
    fs.writeFileSync(writable, text);
    const before = fs.readFileSync(readOnly);
    const r = cli(['fix', '--write', readOnly, writable]);
    assert.equal(r.status, 2, r.stderr);
    assertWithinBudget(r.ms, CLI); // a second beyond the CLI's own start-up
    assert.equal(r.stderr, `govreport: 错误：${readOnly}：文件为只读，未写入（原文件未动）\n检查了 2 份报告：已修复并写入 1 份（共 ${changedPlaces(text, fixed)} 处）\n`);
    assert.ok(fs.readFileSync(readOnly).equals(before));
    assert.equal(fs.readFileSync(writable, 'utf8'), fixed);
    assert.deepEqual(leftovers(sub), []);
  });

  it('a file changed on disk after it was read (content, or only its bytes at the same size and time): not written, exit 2; the others written', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'changed-'));
    const grown = path.join(sub, 'a.txt');
    const sameSize = path.join(sub, 'b.txt');
    const untouched = path.join(sub, 'c.txt');
    for (const f of [grown, sameSize, untouched]) fs.writeFileSync(f, text);
    const edited = text.replace('本报告', '本年报'); // the same number of bytes
    assert.equal(Buffer.byteLength(edited), Buffer.byteLength(text));
    const result = fixReports([sub], {
      messages: zhCN,
      maxSize: 1 << 20,
      write: true,
      beforeWrite: (file) => {
        if (file === grown) fs.appendFileSync(grown, '（作者刚加的一句）\n');
        if (file === sameSize) {
          const { atime, mtime } = fs.statSync(sameSize);
          fs.writeFileSync(sameSize, edited);
          fs.utimesSync(sameSize, atime, mtime);
        }
      },
    });
    assert.deepEqual(
      result.notices.map((n) => [n.level, n.message]),
      [
        ['error', `${grown}：读取后已在磁盘上被修改，未写入（原文件未动，请重新运行）`],
        ['error', `${sameSize}：读取后已在磁盘上被修改，未写入（原文件未动，请重新运行）`],
      ],
    );
    assert.deepEqual(result.files.map((f) => [path.basename(f.path), f.written]), [['a.txt', false], ['b.txt', false], ['c.txt', true]]);
    assert.equal(fixExitStatus(result, true), 2);
    assert.equal(fs.readFileSync(grown, 'utf8'), `${text}（作者刚加的一句）\n`);
    assert.equal(fs.readFileSync(sameSize, 'utf8'), edited);
    assert.equal(fs.readFileSync(untouched, 'utf8'), fixed);
  });

  it('a FIFO named with --write: exit 2 within a second, never blocking; the report beside it fixed', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'fifo-'));
    const fifo = path.join(sub, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const report = path.join(sub, 'report.txt');
    fs.writeFileSync(report, text);
    const r = cli(['fix', '--write', fifo, report]);
    assert.equal(r.status, 2, r.stderr);
    assertWithinBudget(r.ms, CLI); // a second beyond the CLI's own start-up
    assert.match(r.stderr, /pipe\.txt：不是普通文件或文件夹，无法检查\n/u);
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
    assert.equal(fs.readFileSync(report, 'utf8'), fixed);
  });

  /** `fix --write` on a full disk: the original intact, the message, no temporary file left. */
  const fullDiskCase = (folder: string, writeSync?: WriteSync): void => {
    const file = path.join(folder, 'report.txt');
    fs.writeFileSync(file, text);
    const original = fs.readFileSync(file);
    if (writeSync) {
      const result = fixReports([file], { messages: zhCN, maxSize: 1 << 20, write: true, writeSync });
      assert.deepEqual(result.notices.map((n) => n.message), [`${file}：无法写入（磁盘空间不足），原文件未动`]);
      assert.equal(fixExitStatus(result, true), 2);
    } else {
      fillUp(folder);
      const r = cli(['fix', '--write', file]);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `govreport: 错误：${file}：无法写入（磁盘空间不足），原文件未动\n检查了 1 份报告：已修复并写入 0 份（共 0 处）\n`);
    }
    assert.ok(fs.readFileSync(file).equals(original), 'the original is byte for byte intact');
    assert.deepEqual(leftovers(folder), []);
  };

  it('a full disk (a 64 KB tmpfs filled up): the original byte for byte, exit 2 with the message', (t) => {
    onFullDisk(t, 'fix-write.test', fs.mkdtempSync(path.join(dir, 'tmpfs-')), 4096, fullDiskCase);
  });

  it('a full disk emulated (ENOSPC after 4 KB of the temporary file): the original byte for byte, exit 2 with the message', () => {
    fullDiskCase(fs.mkdtempSync(path.join(dir, 'enospc-')), fullAfter(4096));
  });
});
