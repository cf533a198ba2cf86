/**
 * The CLI itself (dist/cli.js) under real faults, not emulated ones:
 * - `kill -9` of `govreport fix --write` while it writes a 20 MB report: the report is always one
 *   whole version (the original or the fixed one), never truncated or empty;
 * - a read-only folder (the temporary file cannot be created) and a read-only file, for a user who
 *   is not root (root may write anywhere): exit 2 within a second, one line naming the file, the
 *   original byte for byte;
 * - an unreadable report (mode 000 in a folder nobody may enter): exit 2 for it, the others checked;
 * - an unreadable config file (mode 000) and a socket as a report: one line, exit 2, no hang.
 * We run as root, so the child drops its privileges with setpriv (util-linux) to `nobody`; where it
 * cannot, the test fails saying what is missing (never skipped).
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixAll } from '../../server/src/core/fix';
import { PROJECT_ROOT, sample } from '../support/paths';
import { assertWithinBudget } from '../support/timing';
import { leftovers } from './fullDisk';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const NOBODY = ['--reuid=nobody', '--regid=nogroup', '--clear-groups'];
const env = { ...process.env, LC_ALL: 'zh_CN.UTF-8' };

/**
 * The bundles nobody runs: a copy in a folder everyone may enter, since the project itself may sit in
 * one only its owner can (a fresh clone in a `mktemp -d` folder, mode 0700, as CI may make it).
 */
let nobodyCliPath: string | null = null;
function nobodyCli(): string {
  if (nobodyCliPath !== null) return nobodyCliPath;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-nobody-cli-'));
  fs.chmodSync(dir, 0o755);
  const dist = path.dirname(CLI);
  for (const name of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    fs.copyFileSync(path.join(dist, name), path.join(dir, name));
    fs.chmodSync(path.join(dir, name), 0o644);
  }
  nobodyCliPath = path.join(dir, 'cli.js');
  return nobodyCliPath;
}

/** The CLI run as `nobody` (through setpriv), timed. */
function asNobody(args: readonly string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const start = performance.now();
  const r = spawnSync('setpriv', [...NOBODY, process.execPath, nobodyCli(), ...args], { encoding: 'utf8', timeout: 10_000, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

/** Fails loudly when the child cannot be run as another user than root. */
function requireNobody(): void {
  const r = spawnSync('setpriv', [...NOBODY, 'id', '-u'], { encoding: 'utf8' });
  const uid = r.stdout?.trim();
  assert.equal(
    uid,
    '65534',
    `CANNOT DROP PRIVILEGES: \`setpriv ${NOBODY.join(' ')} id -u\` gave ${JSON.stringify(uid)} (${(r.stderr || r.error?.message || `exit ${String(r.status)}`).trim()}); ` +
      'the read-only and unreadable cases need setpriv (util-linux) and a user nobody / group nogroup — as root every file is writable and readable',
  );
  const cli = spawnSync('setpriv', [...NOBODY, process.execPath, nobodyCli(), '--version'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, `CANNOT RUN ${nobodyCli()} AS nobody (node at ${process.execPath} and that folder must be readable by everyone): ${cli.stderr}`);
}

describe('the CLI under real faults', () => {
  let dir = '';
  const text = sample('001').text; // two headings to fix
  const fixed = fixAll(text);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-realfaults-'));
    fs.chmodSync(dir, 0o755);
    assert.notEqual(fixed, text);
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (nobodyCliPath !== null) fs.rmSync(path.dirname(nobodyCliPath), { recursive: true, force: true });
  });

  it('kill -9 of `fix --write` while it writes a 20 MB report: always one whole version, never truncated or empty', async (t) => {
    const sub = fs.mkdtempSync(path.join(dir, 'kill-'));
    const file = path.join(sub, 'big.txt');
    const pad = ' '.repeat(20 * 1024 * 1024 - Buffer.byteLength(text) - 2);
    const original = Buffer.from(`${text}\n${pad}\n`);
    const fixedBytes = Buffer.from(`${fixed}\n${pad}\n`);
    assert.ok(original.length >= 20 * 1024 * 1024 && !original.equals(fixedBytes));
    const outcomes = { killedWhileWriting: 0, killedBeforeRename: 0, finished: 0 };
    // Each run reads, analyses and fixes the whole report before it writes — 2–10 s here, all but
    // ~50 ms of it before the temporary file appears (the fix alone analyses 20 MB several times) — so
    // the kill is aimed at the write: once the temporary file appears, after 0 to 60 ms, spread over
    // the write window (create, 20 MB written, fsync, rename: 50–60 ms on this machine).
    // 50 runs (issue 17) are the aim, but each costs seconds of CPU before its write: the runs stop
    // once GOVREPORT_KILL_BUDGET_MS (default 15 s) is spent, at least one run always. The full 50:
    // GOVREPORT_KILL_ROUNDS=50 GOVREPORT_KILL_BUDGET_MS=0 (no budget); figures in docs/robustness.md.
    const ROUNDS = Number(process.env['GOVREPORT_KILL_ROUNDS'] ?? '50');
    const budget = Number(process.env['GOVREPORT_KILL_BUDGET_MS'] ?? '15000');
    const start = performance.now();
    let rounds = 0;
    for (let round = 0; round < ROUNDS && (round === 0 || budget <= 0 || performance.now() - start < budget); round++) {
      rounds++;
      fs.writeFileSync(file, original);
      const proc = spawn(process.execPath, [CLI, 'fix', '--write', '--max-size', '30MB', file], { stdio: 'ignore', env });
      const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => { resolve(code); }));
      let done = false;
      void exited.then(() => (done = true));
      const delay = Math.floor(Math.random() * 61);
      while (!done && leftovers(sub).length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      let killed = false;
      if (!done) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (!done) {
          proc.kill('SIGKILL');
          outcomes.killedWhileWriting++;
          killed = true;
        }
      }
      const code = await exited;
      if (code === 0) outcomes.finished++;
      const bytes = fs.readFileSync(file);
      if (killed && bytes.equals(original)) outcomes.killedBeforeRename++;
      assert.ok(bytes.equals(original) || bytes.equals(fixedBytes), `round ${round} (kill ${delay} ms into the write): ${bytes.length} bytes, neither the original nor the fixed report`);
      // A killed writer may leave its temporary file (the report itself is never damaged).
      for (const name of leftovers(sub)) fs.unlinkSync(path.join(sub, name));
    }
    t.diagnostic(`${rounds} of ${ROUNDS} runs in ${((performance.now() - start) / 1000).toFixed(1)} s: ${outcomes.killedWhileWriting} killed after the temporary file appeared (${outcomes.killedBeforeRename} of them before the rename: the original stayed), ${outcomes.finished} finished first; the report was whole every time`);
    assert.ok(outcomes.killedWhileWriting >= 1, `no run was killed while writing: ${JSON.stringify(outcomes)}`);
  });

  it('a read-only folder (no temporary file can be made there), as a user who is not root: exit 2 within a second, one line, the original byte for byte', () => {
    requireNobody();
    const sub = fs.mkdtempSync(path.join(dir, 'rofolder-'));
    const file = path.join(sub, 'report.txt');
    fs.writeFileSync(file, text);
    fs.chmodSync(file, 0o644);
    fs.chownSync(file, 65534, 65534);
    fs.chownSync(sub, 65534, 65534);
    fs.chmodSync(sub, 0o555);
    const r = asNobody(['fix', '--write', file]);
    assert.equal(r.status, 2, r.stderr);
    assertWithinBudget(r.ms, CLI); // a second beyond the CLI's own start-up
    assert.equal(r.stderr, `govreport: 错误：${file}：无法写入（没有权限），原文件未动\n检查了 1 份报告：已修复并写入 0 份（共 0 处）\n`);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.deepEqual(fs.readdirSync(sub), ['report.txt']);
  });

  it('a read-only file of the user who is not root: exit 2 within a second, one line, the original byte for byte', () => {
    requireNobody();
    const sub = fs.mkdtempSync(path.join(dir, 'rofile-'));
    const file = path.join(sub, 'report.txt');
    fs.writeFileSync(file, text);
    fs.chownSync(file, 65534, 65534);
    fs.chmodSync(file, 0o444);
    fs.chownSync(sub, 65534, 65534);
    const r = asNobody(['fix', '--write', file]);
    assert.equal(r.status, 2, r.stderr);
    assertWithinBudget(r.ms, CLI); // a second beyond the CLI's own start-up
    assert.equal(r.stderr, `govreport: 错误：${file}：文件为只读，未写入（原文件未动）\n检查了 1 份报告：已修复并写入 0 份（共 0 处）\n`);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.deepEqual(fs.readdirSync(sub), ['report.txt']);
  });

  it('an unreadable report (mode 000 in a folder nobody may enter): exit 2 for it, the other reports still checked', () => {
    requireNobody();
    const sub = fs.mkdtempSync(path.join(dir, 'unreadable-'));
    fs.chmodSync(sub, 0o755);
    const locked = path.join(sub, 'locked');
    fs.mkdirSync(locked);
    const hidden = path.join(locked, 'a.txt');
    fs.writeFileSync(hidden, text);
    fs.chmodSync(hidden, 0o000);
    fs.chmodSync(locked, 0o000);
    const unreadable = path.join(sub, 'b-000.txt');
    fs.writeFileSync(unreadable, text);
    fs.chmodSync(unreadable, 0o000);
    const readable = path.join(sub, 'c.txt');
    fs.writeFileSync(readable, text);
    fs.chmodSync(readable, 0o644);
    // Named one by one: the file in the closed folder, the mode-000 file, a readable one.
    const r = asNobody(['check', hidden, unreadable, readable]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^govreport: 错误：${hidden}：无法读取（没有权限）$`, 'mu'));
    assert.match(r.stderr, new RegExp(`^govreport: 错误：${unreadable}：无法读取（没有权限）$`, 'mu'));
    assert.match(r.stderr, /^检查了 1 份报告：/mu);
    assert.match(r.stdout, new RegExp(`^${readable}:8:1 警告 structure\\.subsection-numbering `, 'mu'));
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
    // A folder walk: the closed folder and the mode-000 file are listed as not checked, in JSON too.
    const json = asNobody(['check', '--format', 'json', sub]);
    assert.equal(json.status, 2, json.stderr);
    const parsed = JSON.parse(json.stdout) as { files: { path: string }[]; notChecked: { file: string; reason: string }[] };
    assert.deepEqual(parsed.files.map((f) => f.path), [readable]);
    assert.deepEqual(parsed.notChecked, [
      { file: unreadable, reason: 'unreadable' },
      { file: locked, reason: 'unreadable' },
    ].sort((a, b) => (a.file < b.file ? -1 : 1)));
  });

  it('an unreadable config file (mode 000, as nobody): one line naming it and the cause, exit 2, no hang, the report still checked', () => {
    requireNobody();
    const sub = fs.mkdtempSync(path.join(dir, 'config-'));
    fs.chmodSync(sub, 0o755);
    const report = path.join(sub, 'report.txt');
    fs.writeFileSync(report, text);
    fs.chmodSync(report, 0o644);
    const config = path.join(sub, 'govreport.json');
    fs.writeFileSync(config, '{}');
    fs.chmodSync(config, 0o000);
    const r = asNobody(['check', '--config', config, report]);
    assert.equal(r.status, 2, r.stderr); // null after 10 s: a hang
    assert.match(r.stderr, new RegExp(`^govreport: 错误：govreport 配置文件 ${config} 有 1 处问题，这些设置未生效：无法读取（没有权限）$`, 'mu'));
    assert.match(r.stderr, /^检查了 1 份报告：/mu);
    assert.doesNotMatch(r.stderr, /\n\s+at /u);
  });

  it('a socket as a report: named as not a regular file, exit 2, no hang, the report beside it checked', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'socket-'));
    const socket = path.join(sub, 'sock.txt');
    // A process that binds the socket and exits leaves the socket file behind.
    const bound = spawnSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socket)}, () => process.exit(0))`], { timeout: 5000 });
    assert.equal(bound.status, 0);
    assert.equal(fs.lstatSync(socket).isSocket(), true);
    const report = path.join(sub, 'report.txt');
    fs.writeFileSync(report, text);
    const r = spawnSync(process.execPath, [CLI, 'check', socket, report], { encoding: 'utf8', timeout: 10_000, env });
    assert.equal(r.status, 2, r.stderr); // null after 10 s: a hang
    assert.match(r.stderr, new RegExp(`^govreport: 错误：${socket}：不是普通文件或文件夹，无法检查$`, 'mu'));
    assert.match(r.stderr, /^检查了 1 份报告：/mu);
  });
});
