/**
 * What the CLI writes for a person at a terminal (issue 16): the progress bar (only on a terminal's
 * stderr, not in CI, only for a long run), `--format summary`, the severity words of each language
 * and the problem matcher that reads them, and a --help that names every command and flag (and the
 * README's CLI section every flag --help names).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { COMMANDS, OPTIONS } from '../../server/src/cli/args';
import { run, type Io } from '../../server/src/cli/main';
import { progressBar, PROGRESS_AFTER_MS, PROGRESS_MIN_FILES } from '../../server/src/cli/progress';
import { displayWidth } from '../../server/src/cli/width';
import { en, zhCN } from '../../server/src/core/messages';
import { PROJECT_ROOT, SAMPLES, sample } from '../support/paths';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const ZH_ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'zh_CN.UTF-8', CI: undefined };

function recorder(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {} };
}

describe('the progress bar', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-progress-'));
    const text = sample('000').text;
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, `r${String(i).padStart(4, '0')}.txt`), text);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('1,000 files in a pseudo-terminal: a \\r-redrawn line with counts, erased before the summary; piped: none', () => {
    const which = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' });
    assert.equal(which.status, 0, 'this test needs script(1) to run the CLI in a pseudo-terminal: apt-get install bsdutils');
    const command = `'${process.execPath}' '${CLI}' check '${dir}'`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { env: ZH_ENV, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(tty.status, 0, tty.stderr);
    const draws = [...tty.stdout.matchAll(/\r\[([#.]{24})\] 已读取 (\d+)\/1000 个文件\u001b\[K/gu)];
    assert.ok(draws.length >= 2, `redrawn: ${draws.length}`);
    const counts = draws.map((m) => Number(m[2]));
    assert.equal(counts.at(-1), 1000);
    assert.ok(counts[0]! < 1000);
    assert.deepEqual([...counts].sort((a, b) => a - b), counts, 'counts only go up');
    assert.equal(draws.at(-1)![1], '#'.repeat(24));
    // Erased (\r, erase to the end of the line) right after the last count, before the output and the summary.
    const afterBar = tty.stdout.slice(tty.stdout.lastIndexOf('1000/1000 个文件\u001b[K') + '1000/1000 个文件\u001b[K'.length);
    assert.ok(afterBar.startsWith(`\r\u001b[K${dir}/r0000.txt:32:1 警告 structure.section-numbering `), afterBar.slice(0, 80));
    assert.ok(afterBar.endsWith('检查了 1000 份报告：0 份有错误，共 0 个错误、1000 个警告\r\n'), afterBar.slice(-80));
    assert.doesNotMatch(afterBar, /已读取/u);

    const piped = spawnSync(process.execPath, [CLI, 'check', dir], { env: ZH_ENV, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(piped.status, 0);
    assert.equal(piped.stderr, '检查了 1000 份报告：0 份有错误，共 0 个错误、1000 个警告\n');
    assert.doesNotMatch(piped.stdout, /\r|已读取/u);
    assert.equal(piped.stdout.split('\n').length, 1001);
  });

  test('not in CI, not when stderr is no terminal; a small run only once a second has gone by; redrawn at most every 100 ms', () => {
    const lines: string[] = [];
    let clock = 0;
    const env = { stderr: (t: string) => lines.push(t), stderrIsTTY: true, now: () => clock };
    assert.equal(progressBar({ ...env, env: { CI: 'true' } }, zhCN), null);
    assert.equal(progressBar({ ...env, stderrIsTTY: false, env: {} }, zhCN), null);
    assert.notEqual(progressBar({ ...env, env: { CI: 'false' } }, zhCN), null);
    const small = progressBar({ ...env, env: {} }, en)!;
    small.tick(1, 3);
    clock = PROGRESS_AFTER_MS - 1;
    small.tick(2, 3);
    assert.deepEqual(lines, []);
    clock = PROGRESS_AFTER_MS;
    small.tick(2, 3);
    clock += 50;
    small.tick(3, 3); // the last is always drawn
    small.end();
    assert.deepEqual(lines, [`\r[################........] 2/3 files read\u001b[K`, `\r[########################] 3/3 files read\u001b[K`, '\r\u001b[K']);
    lines.length = 0;
    clock = 0;
    const large = progressBar({ ...env, env: {} }, zhCN)!;
    large.tick(1, PROGRESS_MIN_FILES);
    clock = 99;
    large.tick(2, PROGRESS_MIN_FILES);
    clock = 100;
    large.tick(3, PROGRESS_MIN_FILES);
    assert.deepEqual(lines.map((l) => /已读取 (\d+)\//u.exec(l)![1]), ['1', '3']);
    const never = progressBar({ ...env, env: {} }, zhCN)!;
    lines.length = 0;
    never.end();
    assert.deepEqual(lines, [], 'nothing to erase when nothing was drawn');
  });
});

describe('--format summary', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-summary-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), sample('000').text);
    fs.writeFileSync(path.join(dir, '大兴区.txt'), sample('004').text);
    fs.writeFileSync(path.join(dir, 'c.txt'), sample('003').text);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('one line per report, the totals line; columns aligned in terminal columns (a Chinese character is 2)', () => {
    const io = recorder();
    assert.equal(run(['check', '--format', 'summary', dir], io), 1);
    const lines = io.out.join('').split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 7); // heading, rule, 3 reports, rule, totals
    const cells = lines.map((l) => l.split(/ {2,}/u));
    assert.deepEqual(cells[0], ['文件', '机关', '年度', '错误', '警告', '第一处问题（勾稽关系优先）']);
    // EXPECTED.md: 000 has one unnumbered heading (a warning); 003 two sum.outcome errors; 004 three sum.row errors.
    assert.deepEqual(cells.slice(2, 5).map((c) => c.slice(0, 5)), [
      [path.join(dir, 'a.txt'), '北京市通州区委社会工委区民政局', '2023', '0', '1'],
      [path.join(dir, 'c.txt'), '北京市西城区民政局', '2024', '2', '1'],
      [path.join(dir, '大兴区.txt'), '北京市大兴区退役军人事务局', '2023', '3', '2'],
    ]);
    assert.deepEqual(cells.slice(2, 5).map((c) => c[5]!.split(' ')[0]), ['structure.section-numbering', 'sum.outcome', 'sum.row']);
    assert.ok(cells.slice(2, 5).every((c) => displayWidth(c[5]!) <= 60));
    assert.deepEqual(cells[6], ['合计（3 份报告）', '5', '4']);
    // Where each cell starts and ends, in terminal columns.
    const spans = (line: string): [number, number][] =>
      [...line.matchAll(/\S(?:\S| (?! ))*/gu)].map((m) => {
        const start = displayWidth(line.slice(0, m.index));
        return [start, start + displayWidth(m[0])];
      });
    const table = [0, 2, 3, 4].map((i) => spans(lines[i]!));
    assert.ok(table.every((row) => row.length === 6));
    for (const column of [0, 1, 5]) assert.equal(new Set(table.map((row) => row[column]![0])).size, 1, `column ${column} starts in one place`);
    for (const column of [2, 3, 4]) assert.equal(new Set(table.map((row) => row[column]![1])).size, 1, `column ${column} ends in one place`);
    assert.equal(displayWidth(lines[1]!), displayWidth(lines[5]!));
    // The rule's dashes end where each column ends; the totals' numbers end where errors and warnings end.
    assert.deepEqual(spans(lines[1]!).slice(2, 5).map((s) => s[1]), table[0]!.slice(2, 5).map((s) => s[1]));
    assert.deepEqual(spans(lines[6]!).slice(1).map((s) => s[1]), table[0]!.slice(3, 5).map((s) => s[1]));
  });

  test('in English, and what --severity error leaves', () => {
    const io = recorder();
    run(['check', '--format', 'summary', '--severity', 'error', dir], io, en);
    const lines = io.out.join('').split('\n');
    assert.deepEqual(lines[0]!.split(/ {2,}/u), ['File', 'Body', 'Year', 'Errors', 'Warnings', 'First problem (identities first)']);
    assert.deepEqual(lines[6]!.split(/ {2,}/u), ['total (3 reports)', '5', '0']);
  });
});

/** What the matchers read from samples 001 and 004 (EXPECTED.md: 001's three numbering warnings; 004's text/table mismatch, a numbering warning, three sum.row errors): file, line, column, severity, code. */
const EXPECTED_001_004: readonly (readonly [string, string, string, string, string])[] = [
  ['001_318a82d3163b8b1e.txt', '8', '1', 'warning', 'structure.subsection-numbering'],
  ['001_318a82d3163b8b1e.txt', '10', '1', 'warning', 'structure.subsection-numbering'],
  ['001_318a82d3163b8b1e.txt', '22', '1', 'warning', 'structure.section-numbering'],
  ['004_bf2c1b340b487aac.txt', '9', '32', 'warning', 'text.table-mismatch'],
  ['004_bf2c1b340b487aac.txt', '63', '1', 'warning', 'structure.section-numbering'],
  ['004_bf2c1b340b487aac.txt', '91', '2', 'error', 'sum.row'],
  ['004_bf2c1b340b487aac.txt', '131', '2', 'error', 'sum.row'],
  ['004_bf2c1b340b487aac.txt', '342', '2', 'error', 'sum.row'],
];

describe('severity words and the $govreport problem matcher', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[] } };
  const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'govreport')!;

  test('the matcher reads the real output of both languages: the same places and codes, each language\'s words', () => {
    const parse = (lang: string): string[][] => {
      const r = spawnSync(process.execPath, [CLI, 'check', '--lang', lang, '001_318a82d3163b8b1e.txt', '004_bf2c1b340b487aac.txt'], { cwd: SAMPLES, env: ZH_ENV, encoding: 'utf8' });
      const lines = r.stdout.trimEnd().split('\n');
      const re = new RegExp(matcher.pattern.regexp, 'u');
      return lines.map((line) => {
        const m = re.exec(line);
        assert.ok(m, `${lang}: ${line}`);
        const p = matcher.pattern;
        return [m[p.file]!, m[p.line]!, m[p.column]!, m[p.severity]!, m[p.code]!];
      });
    };
    const zh = parse('zh');
    const english = parse('en');
    assert.deepEqual(english, EXPECTED_001_004);
    assert.deepEqual(zh, EXPECTED_001_004.map(([f, l, c, s, code]) => [f, l, c, s === 'error' ? '错误' : '警告', code]));
  });

  test('every severity word of each language (information and hint, 信息 and 提示 too)', () => {
    const re = new RegExp(matcher.pattern.regexp, 'u');
    for (const messages of [zhCN, en]) {
      for (const severity of [1, 2, 3, 4] as const) {
        const word = messages.cliSeverity(severity);
        const m = re.exec(`报告/a.txt:2:1 ${word} structure.preamble 报告开头没有说明`);
        assert.ok(m, word);
        assert.deepEqual([m[1], m[2], m[3], m[5], m[6]], ['报告/a.txt', '2', '1', 'structure.preamble', '报告开头没有说明']);
        assert.equal(m[4], word === 'information' ? 'info' : word);
      }
    }
    assert.deepEqual([1, 2, 3, 4].map((s) => zhCN.cliSeverity(s as 1)), ['错误', '警告', '信息', '提示']);
  });
});

describe('the per-severity problem matchers ($govreport-errors, -warnings, -notes)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: { name: string; severity: string; pattern: { regexp: string; file: number; line: number; column: number; code: number; message: number } }[] } };
  const matchers = ['govreport-errors', 'govreport-warnings', 'govreport-notes'].map((name) => manifest.contributes.problemMatchers.find((m) => m.name === name)!);

  test('each line of real output, in either language, is read by exactly one of them, with its severity', () => {
    for (const lang of ['zh', 'en']) {
      const r = spawnSync(process.execPath, [CLI, 'check', '--lang', lang, '001_318a82d3163b8b1e.txt', '004_bf2c1b340b487aac.txt'], { cwd: SAMPLES, env: ZH_ENV, encoding: 'utf8' });
      const read = r.stdout.trimEnd().split('\n').map((line) => {
        const hits = matchers.filter((m) => new RegExp(m.pattern.regexp, 'u').test(line));
        assert.equal(hits.length, 1, `${lang}: ${line}`);
        const m = new RegExp(hits[0]!.pattern.regexp, 'u').exec(line)!;
        const p = hits[0]!.pattern;
        return [m[p.file], m[p.line], m[p.column], hits[0]!.severity, m[p.code]];
      });
      assert.deepEqual(read, EXPECTED_001_004, lang);
    }
  });

  test('information and hint lines, in either language, go to $govreport-notes; every matcher is labelled in both languages', () => {
    for (const messages of [zhCN, en]) {
      for (const [severity, name] of [[1, 'govreport-errors'], [2, 'govreport-warnings'], [3, 'govreport-notes'], [4, 'govreport-notes']] as const) {
        const line = `报告/a.txt:2:1 ${messages.cliSeverity(severity)} structure.preamble 报告开头没有说明`;
        assert.deepEqual(matchers.filter((m) => new RegExp(m.pattern.regexp, 'u').test(line)).map((m) => m.name), [name], line);
      }
    }
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const labels = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, nls), 'utf8')) as Record<string, string>;
      for (const m of matchers) assert.ok(labels[`problemMatcher.${m.name}`], `${nls}: ${m.name}`);
    }
  });
});

describe('--help, the command messages and the README', () => {
  const help = (messages: typeof zhCN): string => {
    const io = recorder();
    assert.equal(run(['--help'], io, messages), 0);
    return io.out.join('');
  };
  const flagsOf = (text: string): string[] => [...new Set([...text.matchAll(/(?<![\w-])(--[a-z][a-z-]*[a-z]|-[a-z])(?![\w-])/gu)].map((m) => m[1]!))].sort();

  test('--help names every command and every option there is, in both languages', () => {
    for (const messages of [zhCN, en]) {
      const text = help(messages);
      const flags = flagsOf(text);
      for (const [name, spec] of Object.entries(OPTIONS)) {
        assert.ok(flags.includes(`--${name}`), `--${name} in ${messages === en ? 'English' : 'Chinese'} help`);
        if (spec.short !== undefined) assert.ok(flags.includes(`-${spec.short}`), `-${spec.short}`);
      }
      for (const command of COMMANDS) assert.match(text, new RegExp(`govreport ${command} `, 'u'));
      for (const format of ['text', 'json', 'sarif', 'html', 'summary']) assert.match(text, new RegExp(`^ {6}${format} `, 'mu'));
    }
  });

  test('a missing or unknown command names every command, extract too', () => {
    const missing = recorder();
    assert.equal(run([], missing), 2);
    assert.match(missing.err.join(''), /^govreport: 错误：缺少命令（目前有：check、fix、extract）\n/u);
    const unknown = recorder();
    assert.equal(run(['lint', 'x'], unknown, en), 2);
    assert.match(unknown.err.join(''), /^govreport: error: unknown command "lint" \(available: check, fix, extract\)\n/u);
    assert.deepEqual([...COMMANDS], ['check', 'fix', 'extract']);
  });

  test('the README\'s CLI section names every flag --help names', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('## The command line');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    assert.ok(start >= 0 && section.length > 1000);
    const documented = new Set(flagsOf(section));
    for (const messages of [zhCN, en]) {
      const missing = flagsOf(help(messages)).filter((flag) => !documented.has(flag));
      assert.deepEqual(missing, [], 'flags of --help missing from the README');
    }
  });
});
