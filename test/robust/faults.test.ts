/**
 * Faults with a clean message, never a hang: `/dev/zero`, a FIFO and a folder as the config file, a
 * FIFO and a folder-like device as a report argument — each exit 2 within a second with one line
 * naming the file, no stack trace, and the other files still checked.
 */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { forEachReport, type NotChecked } from '../../server/src/cli/check';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { en } from '../../server/src/core/messages/en';
import { PROJECT_ROOT, sample } from '../support/paths';
import { assertWithinBudget } from '../support/timing';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');

describe('faults: a clean message and exit 2, within a second', () => {
  let dir: string;
  let report: string;
  let fifo: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-faults-'));
    report = path.join(dir, 'report.txt');
    fs.writeFileSync(report, sample('001').text);
    fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  const run = (args: readonly string[]) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 5000, env: { ...process.env, LC_ALL: 'zh_CN.UTF-8' } });
    return { ...r, ms: performance.now() - start };
  };

  for (const [name, config] of [['/dev/zero', () => '/dev/zero'], ['a FIFO', () => fifo], ['a folder', () => dir]] as const) {
    it(`${name} as --config`, () => {
      const r = run(['check', '--config', config(), report]);
      assert.equal(r.status, 2, r.stderr);
      assertWithinBudget(r.ms, CLI); // a second beyond the CLI's own start-up
      assert.match(r.stderr, new RegExp(`配置文件 ${config().replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')} 有 1 处问题，这些设置未生效：无法读取（不是普通文件）\n`, 'u'));
      // The cause in the user's language: no English word inside the Chinese line.
      const line = r.stderr.split('\n').find((l) => l.includes('配置文件'))!;
      assert.doesNotMatch(line.replace(config(), '').replaceAll('govreport', ''), /[A-Za-z]{3,}/u);
      assert.doesNotMatch(r.stderr, /\n\s+at /u);
      assert.match(r.stderr, /检查了 1 份报告/u);
    });
  }

  it('a FIFO and /dev/zero as reports: each named as not a regular file, the report beside them checked', () => {
    const r = run(['check', fifo, '/dev/zero', report]);
    assert.equal(r.status, 2);
    assertWithinBudget(r.ms, CLI); // a second beyond the CLI's own start-up
    assert.match(r.stderr, /pipe\.txt：不是普通文件或文件夹，无法检查/u);
    assert.match(r.stderr, /\/dev\/zero：不是普通文件或文件夹，无法检查/u);
    assert.match(r.stderr, /检查了 1 份报告/u);
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
  });

  it('a file deleted mid-run (found by the walk, gone when read): one line in the user\'s language, the others checked', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'deleted-'));
    const first = path.join(sub, 'a-first.txt');
    const gone = path.join(sub, 'b-gone.txt');
    const last = path.join(sub, 'c-last.txt');
    for (const [messages, line] of [
      [zhCN, `${gone}：无法读取（文件不存在或已被删除）`],
      [en, `${gone}: cannot read (no such file, or it was deleted)`],
    ] as const) {
      for (const f of [first, gone, last]) fs.writeFileSync(f, sample('001').text);
      const seen: string[] = [];
      const notChecked: NotChecked[] = [];
      // Files are read in path order: the first one visited deletes the next before it is read.
      const notices = forEachReport([sub], { messages, maxSize: 1 << 20 }, (r) => {
        if (r.candidate.path === first) fs.rmSync(gone);
        seen.push(path.basename(r.candidate.path));
      }, notChecked);
      assert.deepEqual(seen, ['a-first.txt', 'c-last.txt']);
      assert.deepEqual(notices.map((n) => [n.level, n.message]), [['error', line]]);
      assert.deepEqual(notChecked, [{ path: gone, reason: 'unreadable' }]);
    }
  });
});
