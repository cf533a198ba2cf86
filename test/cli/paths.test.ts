/**
 * Which reports a command line names (issue 16): globs the shell did not expand, `--ignore` and
 * `.govreportignore`, and `-` for standard input — `node dist/cli.js` in a child process, in a
 * folder of real samples.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { encodeLike } from '../../server/src/cli/encoding';
import { run, type Io } from '../../server/src/cli/main';
import { PROJECT_ROOT, SHARED, sample } from '../support/paths';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  bytes: Buffer;
}

let dir = '';
function cli(args: readonly string[], input?: string | Uint8Array): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'zh_CN.UTF-8' };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env, timeout: 60_000, ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }) });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), bytes: r.stdout };
}
const json = (r: Run): { files: { path: string }[]; notChecked: { file: string; reason: string }[] } => JSON.parse(r.stdout) as never;
const write = (file: string, text: string | Uint8Array): void => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

const MEMO = '会议纪要：下周一讨论办公用品采购。\n';

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-paths-'));
  write('reports/2023/通州.txt', sample('000').text);
  write('reports/2024/大兴.txt', sample('004').text);
  write('reports/2024/大兴-草稿.txt', sample('004').text);
  write('reports/2024/keep-草稿.txt', sample('001').text);
  write('reports/2024/notes.md', '# 备注\n');
  write('reports/memo.txt', MEMO);
  write('notes/a.txt', sample('003').text);
});
after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

describe('globs expanded by govreport', () => {
  test('a quoted glob names what the shell would have named: the same output as the paths written out', () => {
    const globbed = cli(['check', 'reports/**/大兴*.txt']);
    const listed = cli(['check', 'reports/2024/大兴-草稿.txt', 'reports/2024/大兴.txt']);
    assert.equal(globbed.status, 1);
    assert.equal(globbed.stdout, listed.stdout);
    assert.equal(globbed.stderr, listed.stderr);
    assert.equal(globbed.stdout.split('\n').filter((l) => / sum\.row /u.test(l)).length, 6);
  });

  test('files a glob matches count as named (a text that is no report is checked, with its note); braces and sets', () => {
    const r = cli(['check', '--format', 'json', 'reports/{memo,2023/*}.txt', 'note[s]/*.txt']);
    assert.deepEqual(json(r).files.map((f) => f.path), ['notes/a.txt', 'reports/2023/通州.txt', 'reports/memo.txt']);
    assert.match(r.stderr, /^govreport: 注意：reports\/memo\.txt：看起来不像政府信息公开工作年度报告，仍按报告检查$/mu);
  });

  test('a glob that matches nothing is a missing path: exit 2 and why, the other paths still checked', () => {
    const r = cli(['check', 'reports/2023/通州.txt', 'reprots/**/*.txt']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^govreport: 错误：reprots\/\*\*\/\*\.txt：没有匹配的文件或文件夹$/mu);
    assert.match(r.stdout, /^reports\/2023\/通州\.txt:32:1 警告 structure\.section-numbering /u);
    const english = cli(['check', '--lang', 'en', '*.pdf']);
    assert.equal(english.status, 2);
    assert.match(english.stderr, /^govreport: error: \*\.pdf: no file or folder matches$/mu);
  });

  test('a path that exists is taken as it is, glob characters or not', () => {
    write('odd/[1].txt', sample('000').text);
    const r = cli(['check', '--format', 'json', 'odd/[1].txt']);
    assert.deepEqual(json(r).files.map((f) => f.path), ['odd/[1].txt']);
  });
});

describe('--ignore and .govreportignore', () => {
  test('--ignore (repeatable): what it matches in a folder walk is neither checked nor listed as not checked', () => {
    const all = json(cli(['check', '--format', 'json', 'reports']));
    assert.deepEqual(all.files.map((f) => f.path), ['reports/2023/通州.txt', 'reports/2024/keep-草稿.txt', 'reports/2024/大兴-草稿.txt', 'reports/2024/大兴.txt']);
    assert.deepEqual(all.notChecked, [{ file: 'reports/memo.txt', reason: 'not-report' }]);
    const r = cli(['check', '--format', 'json', '--ignore', '*-草稿.txt', '--ignore=memo.txt', 'reports']);
    assert.deepEqual(json(r).files.map((f) => f.path), ['reports/2023/通州.txt', 'reports/2024/大兴.txt']);
    assert.deepEqual(json(r).notChecked, []);
  });

  test('.govreportignore: comments, a folder pattern, deeper files and negations; --ignore comes last', () => {
    write('.govreportignore', '# 草稿不检查\n*-草稿.txt\nnotes/\n');
    write('reports/.govreportignore', '!keep-*.txt\n/memo.txt\n');
    try {
      const r = cli(['check', '--format', 'json', 'reports', 'notes']);
      assert.deepEqual(json(r).files.map((f) => f.path), ['reports/2023/通州.txt', 'reports/2024/keep-草稿.txt', 'reports/2024/大兴.txt']);
      assert.deepEqual(json(r).notChecked, []);
      // Everything the folder named holds is ignored: no report found, exit 2 (as for an empty folder).
      assert.equal(cli(['check', 'notes']).status, 2);
      const again = cli(['check', '--format', 'json', '--ignore', 'reports/2024/keep-*', 'reports/**/*.txt']);
      assert.deepEqual(json(again).files.map((f) => f.path), ['reports/2023/通州.txt', 'reports/2024/大兴.txt']);
      // A glob whose every match is ignored says so.
      const ignoredGlob = cli(['check', 'reports/**/大兴-*.txt']);
      assert.equal(ignoredGlob.status, 2);
      assert.match(ignoredGlob.stderr, /^govreport: 错误：reports\/\*\*\/大兴-\*\.txt：匹配到的文件都被忽略（--ignore 或 \.govreportignore）$/mu);
      // One that matches nothing is not said to be ignored, whatever else was ignored on the way.
      assert.match(cli(['check', 'reports/**/*.pdf']).stderr, /^govreport: 错误：reports\/\*\*\/\*\.pdf：没有匹配的文件或文件夹$/mu);
      // A file named on the command line is always checked.
      assert.deepEqual(json(cli(['check', '--format', 'json', 'reports/2024/大兴-草稿.txt'])).files.map((f) => f.path), ['reports/2024/大兴-草稿.txt']);
      // fix follows the same rules.
      const fix = cli(['fix', 'reports']);
      assert.match(fix.stdout, /^--- a\/reports\/2024\/大兴\.txt$/mu);
      assert.doesNotMatch(fix.stdout, /大兴-草稿/u);
    } finally {
      fs.rmSync(path.join(dir, '.govreportignore'));
      fs.rmSync(path.join(dir, 'reports', '.govreportignore'));
    }
  });
});

describe('- reads the report from standard input', () => {
  test('check -: named <stdin>, or --stdin-filepath NAME; the same findings as the file', () => {
    const file = cli(['check', 'reports/2024/大兴.txt']);
    const piped = cli(['check', '-'], sample('004').text);
    assert.equal(piped.status, 1);
    assert.equal(piped.stdout, file.stdout.replaceAll('reports/2024/大兴.txt', '<stdin>'));
    const named = cli(['check', '--stdin-filepath', 'reports/2024/大兴.txt', '-'], sample('004').text);
    assert.equal(named.stdout, file.stdout);
    assert.equal(named.stderr, '检查了 1 份报告：1 份有错误，共 3 个错误、2 个警告\n');
    // With other paths too.
    const mixed = cli(['check', '--format', 'json', 'reports/2023/通州.txt', '-'], sample('004').text);
    assert.deepEqual(json(mixed).files.map((f) => f.path), ['<stdin>', 'reports/2023/通州.txt']);
  });

  test('--stdin-filepath chooses the config file: the one of the folder it names', () => {
    write('strict/.govreportrc.json', '{"rules": {"sum.row": "off"}}');
    const there = cli(['check', '--stdin-filepath', 'strict/x.txt', '-'], sample('004').text);
    assert.doesNotMatch(there.stdout, / sum\.row /u);
    assert.equal(there.status, 0);
    const here = cli(['check', '-'], sample('004').text);
    assert.equal(here.stdout.split('\n').filter((l) => / sum\.row /u.test(l)).length, 3);
  });

  test('standard input in GB18030 is read as a file would be', () => {
    const r = cli(['check', '-'], encodeLike(sample('004').text, 'gb18030'));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /<stdin>：按 GB18030 编码读取/u);
    assert.equal(r.stdout.split('\n').filter((l) => / sum\.row /u.test(l)).length, 3);
  });

  test('--stdin-filepath NAME.pdf (or .html): standard input read as the original its name says', () => {
    const pdf = path.join(SHARED, 'originals', '001-huaian-hongzequ-2023.pdf');
    const file = cli(['check', pdf]);
    const piped = cli(['check', '--stdin-filepath', 'x.pdf', '-'], fs.readFileSync(pdf));
    assert.equal(piped.status, file.status);
    assert.equal(piped.stdout, file.stdout.replaceAll(pdf, 'x.pdf'));
    assert.match(piped.stdout, /^x\.pdf:71:1 警告 structure\.label \[第3页\] /mu);
    const page = path.join(SHARED, 'originals', '004-pingtan-2021.html');
    assert.equal(cli(['check', '--stdin-filepath', 'p.html', '-'], fs.readFileSync(page)).stdout, cli(['check', page]).stdout.replaceAll(page, 'p.html'));
  });

  test('fix -: the fixed text on stdout, in the encoding it came in; what fix --write would write', () => {
    write('fixme/大兴.txt', sample('004').text);
    assert.equal(cli(['fix', '--write', 'fixme/大兴.txt']).status, 0);
    const written = fs.readFileSync(path.join(dir, 'fixme/大兴.txt'), 'utf8');
    assert.notEqual(written, sample('004').text);
    const r = cli(['fix', '-'], sample('004').text);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, written);
    assert.equal(r.stderr, '标准输入的报告：修复了 1 处，修复后的文本已写到标准输出\n');
    const gb = cli(['fix', '-'], encodeLike(sample('004').text, 'gb18030'));
    assert.deepEqual(gb.bytes, Buffer.from(encodeLike(written, 'gb18030')));
  });

  test('fix -: a text with nothing to fix, or no report, goes out byte for byte', () => {
    const memo = cli(['fix', '-'], MEMO);
    assert.equal(memo.status, 0);
    assert.equal(memo.stdout, MEMO);
    const clean = cli(['fix', '-'], cli(['fix', '-'], sample('004').text).bytes);
    assert.equal(clean.stderr, '标准输入的报告：没有可自动修复的内容，原文已照写到标准输出\n');
  });

  test('standard input that cannot be read: exit 2 and why, the other paths still checked (in-process)', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {}, readStdin: () => { throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' }); } };
    assert.equal(run(['check', '-', sample('000').file], io), 2);
    assert.match(err.join(''), /^govreport: 错误：-：无法读取（标准输入已关闭或无法读取）$/mu);
    assert.match(out.join(''), /000_d92da6674a0d90b8\.txt:32:1 警告 /u);
    // Without a reader of standard input at all, the same.
    const none: Io = { stdout: () => undefined, stderr: (t) => err.push(t), stdoutIsTTY: false, env: {} };
    assert.equal(run(['fix', '-'], none), 2);
  });

  test('usage errors: fix - with other paths or --write, --stdin-filepath without -', () => {
    const alone = cli(['fix', '-', 'reports']);
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /^govreport: 错误：fix 读取标准输入（-）时不能再给其他路径\n/u);
    const written = cli(['fix', '--write', '-']);
    assert.equal(written.status, 2);
    assert.match(written.stderr, /^govreport: 错误：fix - 把修复后的文本写到标准输出，不能与 --write 一起使用\n/u);
    const unused = cli(['check', '--stdin-filepath', 'a.txt', 'reports']);
    assert.equal(unused.status, 2);
    assert.match(unused.stderr, /^govreport: 错误：--stdin-filepath 只能在路径中有 -（读取标准输入）时使用\n/u);
  });
});
