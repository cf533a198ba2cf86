/**
 * `govreport fix` without --write: the diff applies. The built CLI's diff of real reports in UTF-8,
 * UTF-8 with a byte-order mark, GB18030 and CRLF (and all of them in one run), applied with GNU
 * `patch -p1` and with `git apply`, gives byte for byte what `fix --write` writes; paths outside the
 * current folder apply where the CLI says; a UTF-16 file is refused with one line and exit 2; the
 * summary counts the places the diff shows. Expectations come from the fix-all result of the day
 * (whatever fixes are safe), never from a count written here.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { encodeLike, type Encoding } from '../../server/src/cli/encoding';
import { diffHeaderName, diffPaths } from '../../server/src/cli/fix';
import { diffHunks, fixAll } from '../../server/src/core/fix';
import { PROJECT_ROOT, sample } from '../support/paths';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const ENV = { ...process.env, LC_ALL: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' };

/** The CLI's run, stdout as bytes. */
function cli(args: readonly string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: ENV, timeout: 60_000 });
  assert.equal(r.error, undefined);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** A tool the test needs: missing, the test fails saying so (never skipped). */
function requireTool(name: string, hint: string): void {
  const r = spawnSync(name, ['--version'], { encoding: 'utf8' });
  assert.ok(r.error === undefined && r.status === 0, `${name} is not installed, so no diff can be checked with it: ${hint}`);
}

// ---- the reports, from the samples ----

const s001 = sample('001').text;
const s002 = sample('002').text;
/** 001 without its first blank line, its empty line and the two paragraphs before 「（1）」: a fix within three lines of line 1, so line 1 (with a BOM) is in a hunk. */
const top = ((lines) => [lines[1], lines[2], lines[5], ...lines.slice(7)].join('\n'))(s001.split('\n'));
/** 001 cut right after the heading 「2、 主动公开政府信息情况」: the last line, without a line break, changes. */
const cut = s001.slice(0, s001.indexOf('2、 主动公开政府信息情况') + '2、 主动公开政府信息情况'.length);
const crlf = (text: string): string => text.replace(/\n/gu, '\r\n');

interface File {
  readonly name: string;
  readonly text: string;
  readonly encoding: Encoding;
}

const bytesOf = (f: File): Buffer => Buffer.from(encodeLike(f.text, f.encoding));

function put(folder: string, files: readonly File[]): void {
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(folder, f.name)), { recursive: true });
    fs.writeFileSync(path.join(folder, f.name), bytesOf(f));
  }
}

let root = '';
let round = 0;

/**
 * The files in four copies: the diff made in one, applied with patch -p1 in the second and git
 * apply in the third, `fix --write` in the fourth; every file byte-identical across the three, and
 * the fix-all result in the file's encoding. Returns the diff and the diff run's stderr.
 */
function roundTrip(files: readonly File[]): { patch: Buffer; stderr: string } {
  const dir = path.join(root, `case-${round++}`);
  const [made, patched, applied, written] = ['made', 'patch', 'git', 'write'].map((n) => path.join(dir, n)) as [string, string, string, string];
  for (const d of [made, patched, applied, written]) put(d, files);
  const names = files.map((f) => f.name);
  const diff = cli(['fix', ...names], made);
  assert.equal(diff.status, 1, diff.stderr);
  assert.ok(diff.stdout.length > 0, 'a diff');
  fs.writeFileSync(path.join(dir, 'd.patch'), diff.stdout);
  const p = spawnSync('patch', ['-p1', '--batch', '--no-backup-if-mismatch', '-i', path.join(dir, 'd.patch')], { cwd: patched, encoding: 'utf8' });
  assert.equal(p.status, 0, `patch -p1: ${p.stdout}${p.stderr}`);
  assert.doesNotMatch(p.stdout, /offset|fuzz|hunk/iu, 'every hunk applied exactly where it says');
  const g = spawnSync('git', ['apply', '--verbose', path.join(dir, 'd.patch')], { cwd: applied, encoding: 'utf8' });
  assert.equal(g.status, 0, `git apply: ${g.stderr}`);
  const w = cli(['fix', '--write', ...names], written);
  assert.equal(w.status, 0, w.stderr);
  for (const f of files) {
    const expected = Buffer.from(encodeLike(fixAll(f.text), f.encoding));
    assert.notDeepEqual(expected, bytesOf(f), `${f.name}: fix-all changes something`);
    assert.ok(fs.readFileSync(path.join(written, f.name)).equals(expected), `${f.name}: fix --write writes the fix-all result`);
    assert.ok(fs.readFileSync(path.join(patched, f.name)).equals(expected), `${f.name}: patch -p1 gives what fix --write writes`);
    assert.ok(fs.readFileSync(path.join(applied, f.name)).equals(expected), `${f.name}: git apply gives what fix --write writes`);
  }
  return { patch: diff.stdout, stderr: diff.stderr };
}

/** The places a diff shows: runs of `-`/`+` lines (headers aside), read from the diff's bytes. */
function placesIn(patch: Buffer): number {
  let places = 0;
  let inRun = false;
  for (const line of patch.toString('latin1').split('\n')) {
    if (line.startsWith('--- ') || line.startsWith('+++ ')) inRun = false;
    else if (line.startsWith('-') || line.startsWith('+')) {
      if (!inRun) places++;
      inRun = true;
    } else if (!line.startsWith('\\')) inRun = false;
  }
  return places;
}

const summaryPlaces = (stderr: string): number => Number(/（共 (\d+) 处）/u.exec(stderr)?.[1] ?? NaN);

describe('govreport fix: the diff applies with patch -p1 and git apply, byte for byte', () => {
  before(() => {
    requireTool('patch', 'install GNU patch (Debian/Ubuntu: apt-get install patch; .ci/run installs it where it can)');
    requireTool('git', 'install git (Debian/Ubuntu: apt-get install git)');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fixpatch-'));
  });
  after(() => { fs.rmSync(root, { recursive: true, force: true }); });

  it('UTF-8: samples 001 and 002, and a report whose last line (no line break) changes: the marker on both sides', () => {
    const { patch } = roundTrip([
      { name: '001.txt', text: s001, encoding: 'utf-8' },
      { name: '002.txt', text: s002, encoding: 'utf-8' },
      { name: 'cut.txt', text: cut, encoding: 'utf-8' },
    ]);
    assert.ok(!cut.endsWith('\n') && fixAll(cut).split('\n')[cut.split('\n').length - 1] !== cut.split('\n').at(-1), 'the last line is fixed');
    const text = patch.toString('utf8');
    assert.ok(text.includes(`-${cut.split('\n').at(-1)!}\n\\ No newline at end of file\n`), 'the old last line, marked');
  });

  it('UTF-8 with a byte-order mark: the mark stays in line 1 of the hunk, as the file has it', () => {
    const { patch } = roundTrip([
      { name: 'top.txt', text: top, encoding: 'utf-8-bom' },
      { name: '002.txt', text: s002, encoding: 'utf-8-bom' },
    ]);
    assert.ok(diffHunks(top, fixAll(top)).startsWith('@@ -1,'), 'line 1 is in the first hunk');
    assert.ok(patch.includes(Buffer.from(`+++ b/top.txt\n@@ -1,`)), 'the hunk starts at line 1');
    assert.ok(patch.includes(Buffer.concat([Buffer.from('\n '), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${top.split('\n')[0]!}\n`)])), 'line 1 with its BOM bytes');
    assert.equal(patch.indexOf(Buffer.from([0xef, 0xbb, 0xbf])), patch.lastIndexOf(Buffer.from([0xef, 0xbb, 0xbf])), 'the mark once: 002 starts no hunk at line 1');
  });

  it('GB18030: the hunks are GB18030 bytes (not UTF-8), the names UTF-8', () => {
    const { patch, stderr } = roundTrip([
      { name: 'top.txt', text: top, encoding: 'gb18030' },
      { name: '报告 002.txt', text: s002, encoding: 'gb18030' },
    ]);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(patch), 'not UTF-8');
    const firstAdded = diffHunks(top, fixAll(top)).split('\n').find((l) => l.startsWith('+'))!;
    assert.ok(patch.includes(Buffer.from(encodeLike(`\n${firstAdded}\n`, 'gb18030'))), `${firstAdded} in GB18030`);
    assert.ok(patch.includes(Buffer.from('--- a/报告 002.txt\t\n+++ b/报告 002.txt\t\n', 'utf8')), 'a name with a space: UTF-8, ended by a tab');
    assert.match(stderr, /按 GB18030 编码读取/u);
  });

  it('CRLF line endings (UTF-8 and GB18030; a last line without a line break): the hunks keep each CR', () => {
    const { patch } = roundTrip([
      { name: '001.txt', text: crlf(s001), encoding: 'utf-8' },
      { name: '002.txt', text: crlf(s002), encoding: 'gb18030' },
      { name: 'cut.txt', text: crlf(cut), encoding: 'utf-8' },
    ]);
    const all = patch.toString('latin1').split('\n');
    const hunkLines = all.filter((l) => /^[-+ ]/u.test(l) && !/^(---|\+\+\+) /u.test(l));
    assert.ok(hunkLines.length > 0);
    // Without its CR only a last line without a line break (followed by the marker).
    assert.deepEqual(all.filter((l, i) => hunkLines.includes(l) && !l.endsWith('\r') && all[i + 1] !== '\\ No newline at end of file'), []);
    assert.ok(patch.includes(Buffer.from(`-${cut.split('\n').at(-1)!}\n\\ No newline at end of file\n`)), 'the cut last line: no CR, no LF, marked');
  });

  it('every encoding at once, in folders with Chinese names: one diff, each file in its own encoding', () => {
    const { patch, stderr } = roundTrip([
      { name: '通州区/001.txt', text: s001, encoding: 'utf-8' },
      { name: '通州区/top-bom.txt', text: top, encoding: 'utf-8-bom' },
      { name: '海淀区/002-gb.txt', text: s002, encoding: 'gb18030' },
      { name: '海淀区/cut-crlf.txt', text: crlf(cut), encoding: 'utf-8' },
    ]);
    // The summary counts the places the diff shows.
    assert.equal(summaryPlaces(stderr), placesIn(patch));
    assert.match(stderr, /检查了 4 份报告：4 份可自动修复/u);
  });
});

describe('govreport fix: the paths of the diff', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fixpaths-'));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  const applyIn = (folder: string, patch: Buffer): void => {
    const p = spawnSync('patch', ['-p1', '--batch', '--dry-run'], { cwd: folder, input: patch, encoding: 'utf8' });
    assert.equal(p.status, 0, `patch -p1 in ${folder}: ${p.stdout}${p.stderr}`);
    const g = spawnSync('git', ['apply'], { cwd: folder, input: patch, encoding: 'utf8' });
    assert.equal(g.status, 0, `git apply in ${folder}: ${g.stderr}`);
  };

  it('../shared/x.txt from a sibling folder: named below the folder holding it, which a note names; applies there', () => {
    const work = path.join(dir, 'a', 'work');
    const shared = path.join(dir, 'a', 'shared');
    fs.mkdirSync(work, { recursive: true });
    fs.mkdirSync(shared, { recursive: true });
    fs.writeFileSync(path.join(shared, 'x.txt'), s001);
    const r = cli(['fix', '../shared/x.txt'], work);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stdout.toString('utf8').startsWith('--- a/x.txt\n+++ b/x.txt\n@@ '));
    assert.equal(r.stderr.split('\n')[0], `govreport: 注意：有文件不在当前文件夹下，补丁中的路径相对于 ${shared}：请在那里应用（cd ${shared} && patch -p1 < 补丁文件）`);
    applyIn(shared, r.stdout);
    assert.equal(fs.readFileSync(path.join(shared, 'x.txt'), 'utf8'), fixAll(s001));
  });

  it('an absolute path inside the current folder is named as git diff names it; with one outside, every name is below their common folder', () => {
    const base = path.join(dir, 'b');
    const inside = path.join(base, 'here', 'r.txt');
    const outside = path.join(base, 'there', 'r.txt');
    fs.mkdirSync(path.dirname(inside), { recursive: true });
    fs.mkdirSync(path.dirname(outside), { recursive: true });
    fs.writeFileSync(inside, s001);
    fs.writeFileSync(outside, s001);
    const alone = cli(['fix', inside], path.join(base, 'here'));
    assert.ok(alone.stdout.toString('utf8').startsWith('--- a/r.txt\n'));
    assert.doesNotMatch(alone.stderr, /注意/u);
    const both = cli(['fix', inside, outside], path.join(base, 'here'));
    const headers = both.stdout.toString('utf8').split('\n').filter((l) => /^(---|\+\+\+) /u.test(l));
    assert.deepEqual(headers, ['--- a/here/r.txt', '+++ b/here/r.txt', '--- a/there/r.txt', '+++ b/there/r.txt']);
    assert.match(both.stderr, new RegExp(`相对于 ${base.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}：`, 'u'));
    applyIn(base, both.stdout);
    assert.equal(fs.readFileSync(outside, 'utf8'), fixAll(s001));
  });

  it('diffPaths and diffHeaderName', () => {
    assert.deepEqual(diffPaths(['x.txt', 'sub/y.txt', '/w/x/z.txt'], '/w/x'), { base: '/w/x', names: ['x.txt', 'sub/y.txt', 'z.txt'] });
    assert.deepEqual(diffPaths(['../s/x.txt', '../s/t/y.txt'], '/w/x'), { base: '/w/s', names: ['x.txt', 't/y.txt'] });
    assert.deepEqual(diffPaths(['a.txt', '/tmp/q/b.txt'], '/w/x'), { base: '/', names: ['w/x/a.txt', 'tmp/q/b.txt'] });
    assert.equal(diffHeaderName('a/报告.txt'), 'a/报告.txt');
    assert.equal(diffHeaderName('a/x y.txt'), 'a/x y.txt\t');
    assert.equal(diffHeaderName('a/say"hi"\\x.txt'), '"a/say\\"hi\\"\\\\x.txt"');
    assert.equal(diffHeaderName('a/say "hi".txt'), '"a/say \\"hi\\".txt"\t');
    assert.equal(diffHeaderName('a/t\tn\n\u0001.txt'), '"a/t\\tn\\n\\001.txt"');
  });

  it('a name with quotes and a backslash: quoted as git quotes it, and both tools read it back', () => {
    const folder = path.join(dir, 'c');
    fs.mkdirSync(folder);
    const name = '区"2023"\\报告.txt';
    fs.writeFileSync(path.join(folder, name), s001);
    const r = cli(['fix', name], folder);
    assert.ok(r.stdout.toString('utf8').startsWith('--- "a/区\\"2023\\"\\\\报告.txt"\n'));
    applyIn(folder, r.stdout);
    assert.equal(fs.readFileSync(path.join(folder, name), 'utf8'), fixAll(s001));
  });
});

describe('govreport fix: a UTF-16 file cannot be a patch', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fixu16-'));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('one line naming it and suggesting --write, in the user\'s language, exit 2; the other file\'s diff still given and applying', () => {
    fs.writeFileSync(path.join(dir, 'u16.txt'), encodeLike(s001, 'utf-16le'));
    fs.writeFileSync(path.join(dir, 'be.txt'), encodeLike(s001, 'utf-16be-nobom'));
    fs.writeFileSync(path.join(dir, '002.txt'), s002);
    const zh = cli(['fix', 'u16.txt', 'be.txt', '002.txt'], dir);
    assert.equal(zh.status, 2, zh.stderr);
    const errors = zh.stderr.split('\n').filter((l) => l.includes('错误'));
    assert.deepEqual(errors, [
      'govreport: 错误：be.txt：UTF-16BE (no BOM) 编码的文件无法给出补丁（patch 和 git apply 不能读 UTF-16），未输出其修改；请加 --write 直接修复文件',
      'govreport: 错误：u16.txt：UTF-16LE 编码的文件无法给出补丁（patch 和 git apply 不能读 UTF-16），未输出其修改；请加 --write 直接修复文件',
    ]);
    const headers = zh.stdout.toString('utf8').split('\n').filter((l) => /^(---|\+\+\+) /u.test(l));
    assert.deepEqual(headers, ['--- a/002.txt', '+++ b/002.txt']);
    const en = cli(['fix', '--lang', 'en', 'u16.txt'], dir);
    assert.equal(en.status, 2);
    assert.equal(en.stdout.length, 0);
    assert.match(en.stderr, /^govreport: error: u16\.txt: the changes of a UTF-16LE file cannot be given as a patch \(patch and git apply cannot read UTF-16\); not shown — add --write to fix the file itself$/mu);
    const g = spawnSync('git', ['apply'], { cwd: dir, input: zh.stdout });
    assert.equal(g.status, 0, g.stderr.toString());
    assert.equal(fs.readFileSync(path.join(dir, '002.txt'), 'utf8'), fixAll(s002));
    // --write fixes it in its own encoding.
    assert.equal(cli(['fix', '--write', 'u16.txt'], dir).status, 0);
    assert.ok(fs.readFileSync(path.join(dir, 'u16.txt')).equals(Buffer.from(encodeLike(fixAll(s001), 'utf-16le'))));
  });
});

describe('govreport fix: the summary counts places as the diff shows them', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fixcount-'));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('sample 002: the runs of changed lines in its diff, without --write and with it', () => {
    fs.writeFileSync(path.join(dir, '002.txt'), s002);
    const diff = cli(['fix', '002.txt'], dir);
    const places = placesIn(diff.stdout);
    assert.ok(places > 0, 'sample 002 has something to fix');
    assert.equal(diff.stderr, `检查了 1 份报告：1 份可自动修复（共 ${places} 处），加 --write 写入文件\n`);
    const en = cli(['fix', '--lang', 'en', '002.txt'], dir);
    assert.equal(en.stderr, `Checked 1 report: 1 can be fixed automatically (${places} ${places === 1 ? 'place' : 'places'} changed); add --write to write the files\n`);
    const written = cli(['fix', '--write', '002.txt'], dir);
    assert.equal(written.stderr, `检查了 1 份报告：已修复并写入 1 份（共 ${places} 处）\n`);
  });
});
