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
import { PROJECT_ROOT, sample } from '../support/paths';

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
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (args: readonly string[]) => {
    const start = performance.now();
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 5000, env: { ...process.env, LC_ALL: 'zh_CN.UTF-8' } });
    return { ...r, ms: performance.now() - start };
  };

  for (const [name, config] of [['/dev/zero', () => '/dev/zero'], ['a FIFO', () => fifo], ['a folder', () => dir]] as const) {
    it(`${name} as --config`, () => {
      const r = run(['check', '--config', config(), report]);
      assert.equal(r.status, 2, r.stderr);
      assert.ok(r.ms < 1000 + 500, `${r.ms.toFixed(0)} ms`); // a second, and node's own start-up on a busy machine
      assert.match(r.stderr, new RegExp(`配置文件 ${config().replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')} 有 1 处问题`, 'u'));
      assert.doesNotMatch(r.stderr, /\n\s+at /u);
      assert.match(r.stderr, /检查了 1 份报告/u);
    });
  }

  it('a FIFO and /dev/zero as reports: each named as not a regular file, the report beside them checked', () => {
    const r = run(['check', fifo, '/dev/zero', report]);
    assert.equal(r.status, 2);
    assert.ok(r.ms < 1500, `${r.ms.toFixed(0)} ms`);
    assert.match(r.stderr, /pipe\.txt：不是普通文件或文件夹，无法检查/u);
    assert.match(r.stderr, /\/dev\/zero：不是普通文件或文件夹，无法检查/u);
    assert.match(r.stderr, /检查了 1 份报告/u);
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
  });
});
