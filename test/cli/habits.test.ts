/**
 * check's habits of the ecosystem (eslint, ruff, markdownlint-cli2), issue 16: --quiet, --severity,
 * --max-warnings, --output, an option of another command, and no report found (exit 2).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run, type Io } from '../../server/src/cli/main';
import { en } from '../../server/src/core/messages';
import { sample } from '../support/paths';

function recorder(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {} };
}

describe('check: --quiet, --severity, --max-warnings, --output', () => {
  let dir = '';
  let all: string[] = [];
  const file = (name: string): string => path.join(dir, name);
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-habits-'));
    fs.writeFileSync(file('000.txt'), sample('000').text);
    fs.writeFileSync(file('004.txt'), sample('004').text);
    // Named on the command line, a text that is no report gets its one information.
    fs.writeFileSync(file('memo.txt'), '会议纪要：下周一讨论办公用品采购。\n');
    const io = recorder();
    assert.equal(run(['check', dir, file('memo.txt')], io), 1);
    all = io.out.join('').split('\n').filter((l) => l !== '');
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  // The Chinese severity words of the text format (错误、警告、信息、提示), in the LSP's order.
  const severityOf = (line: string): string => ['error', 'warning', 'information', 'hint'][['错误', '警告', '信息', '提示'].indexOf(/ (错误|警告|信息|提示) /u.exec(line.slice(line.indexOf(':', dir.length + 1)))![1]!)]!;

  test('the samples give every severity but hint, so that each filter removes something', () => {
    assert.deepEqual([...new Set(all.map(severityOf))].sort(), ['error', 'information', 'warning']);
  });

  test('--quiet: the error lines alone, the summary and exit status unchanged', () => {
    const io = recorder();
    assert.equal(run(['check', '--quiet', dir, file('memo.txt')], io), 1);
    assert.equal(io.out.join(''), all.filter((l) => severityOf(l) === 'error').map((l) => `${l}\n`).join(''));
    const full = recorder();
    run(['check', dir, file('memo.txt')], full);
    assert.equal(io.err.join(''), full.err.join(''));
  });

  test('--severity warning: errors and warnings; --severity error as --quiet; hint: everything', () => {
    const io = recorder();
    assert.equal(run(['check', '--severity', 'warning', dir, file('memo.txt')], io), 1);
    assert.equal(io.out.join(''), all.filter((l) => severityOf(l) !== 'information').map((l) => `${l}\n`).join(''));
    const quiet = recorder();
    run(['check', '--severity=error', dir, file('memo.txt')], quiet);
    assert.equal(quiet.out.join(''), all.filter((l) => severityOf(l) === 'error').map((l) => `${l}\n`).join(''));
    const hint = recorder();
    run(['check', '--severity', 'hint', dir, file('memo.txt')], hint);
    assert.equal(hint.out.join(''), all.map((l) => `${l}\n`).join(''));
  });

  test('--format json --severity error: only the errors, though the JSON is written from pass 1’s text where nothing is filtered', () => {
    type Output = { files: { path: string; diagnostics: { severity: number }[] }[] };
    const io = recorder();
    assert.equal(run(['check', '--format', 'json', dir, file('memo.txt')], io), 1);
    const whole = JSON.parse(io.out.join('')) as Output;
    // The same bytes as the files written by JSON.stringify.
    assert.equal(io.out.join(''), `${JSON.stringify(whole)}\n`);
    const errors = recorder();
    run(['check', '--format', 'json', '--severity', 'error', dir, file('memo.txt')], errors);
    const filtered = JSON.parse(errors.out.join('')) as Output;
    assert.deepEqual(filtered.files.map((f) => [f.path, f.diagnostics]), whole.files.map((f) => [f.path, f.diagnostics.filter((d) => d.severity === 1)]));
    assert.ok(whole.files.some((f) => f.diagnostics.some((d) => d.severity !== 1)), 'something to filter');
    // The summary counts everything, filtered or not.
    assert.equal(errors.err.join(''), io.err.join(''));
  });

  test('--severity with an unknown level is a usage error (exit 2)', () => {
    const io = recorder();
    assert.equal(run(['check', '--severity', 'fatal', dir, file('memo.txt')], io), 2);
    assert.match(io.err.join(''), /^govreport: 错误：不支持的严重程度「fatal」（可选：error、warning、information、hint）\n/u);
  });

  test('--max-warnings: exit 1 past the limit on a report without errors, 0 at it', () => {
    const only000 = file('000.txt');
    const warnings = all.filter((l) => l.startsWith(only000) && severityOf(l) === 'warning').length;
    assert.equal(warnings, 1);
    const at = recorder();
    assert.equal(run(['check', '--max-warnings', '1', only000], at), 0);
    const over = recorder();
    assert.equal(run(['check', '--max-warnings', '0', only000], over), 1);
    assert.match(over.err.join(''), /govreport: 错误：共 1 个警告，超过 --max-warnings 的上限 0\n$/u);
    const bad = recorder();
    assert.equal(run(['check', '--max-warnings', 'many', only000], bad), 2);
    assert.match(bad.err.join(''), /--max-warnings 的值「many」应为 0 或正整数/u);
  });

  test('--output FILE: the output in the file, nothing on stdout; -o too; an unwritable path exits 2', () => {
    const out = file('out/result.json');
    fs.mkdirSync(path.dirname(out));
    const io = recorder();
    assert.equal(run(['check', '--format', 'json', '--output', out, file('000.txt')], io), 0);
    assert.equal(io.out.join(''), '');
    const direct = recorder();
    run(['check', '--format', 'json', file('000.txt')], direct);
    assert.equal(fs.readFileSync(out, 'utf8'), direct.out.join(''));
    assert.deepEqual(fs.readdirSync(path.dirname(out)), ['result.json'], 'no temporary file left');
    const short = recorder();
    assert.equal(run(['check', '-o', file('out/r.txt'), file('004.txt')], short), 1);
    assert.equal(fs.readFileSync(file('out/r.txt'), 'utf8'), all.filter((l) => l.startsWith(file('004.txt'))).map((l) => `${l}\n`).join(''));
    const failed = recorder();
    assert.equal(run(['check', '-o', file('missing/r.txt'), file('000.txt')], failed), 2);
    assert.match(failed.err.join(''), new RegExp(`govreport: 错误：无法写入输出文件 ${file('missing/r.txt').replace(/[.\\/]/gu, '\\$&')}（文件不存在或已被删除）`, 'u'));
  });
});

describe('check: no report found, options of another command', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-empty-'));
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.writeFileSync(path.join(dir, 'notes', 'a.txt'), '会议纪要：下周一讨论办公用品采购。\n');
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('an empty folder exits 2 and says why', () => {
    const io = recorder();
    assert.equal(run(['check', path.join(dir, 'empty')], io), 2);
    assert.equal(io.out.join(''), '');
    assert.equal(io.err.join(''), 'govreport: 错误：没有找到报告文件：所给的路径中没有可检查的报告（路径是否写错？文件夹中的文件是否都不像报告？可加 --all）\n');
  });

  test('a folder of files that are no report exits 2, the files listed', () => {
    const io = recorder();
    assert.equal(run(['check', '--lang', 'en', path.join(dir, 'notes')], io), 2);
    assert.match(io.err.join(''), /^govreport: error: no report files found: the paths given hold no report to check/u);
    assert.match(io.err.join(''), /a\.txt/u);
  });

  test('a misspelt folder exits 2 (not found)', () => {
    const io = recorder();
    assert.equal(run(['check', path.join(dir, 'emtpy')], io), 2);
    assert.match(io.err.join(''), /文件或文件夹不存在/u);
  });

  test('fix --format json: fix has no --format (not "unknown option"), in both languages', () => {
    const zh = recorder();
    assert.equal(run(['fix', '--format', 'json', dir], zh), 2);
    assert.match(zh.err.join(''), /^govreport: 错误：fix 命令没有 --format 选项\n/u);
    const english = recorder();
    assert.equal(run(['fix', '--format', 'json', dir], english, en), 2);
    assert.match(english.err.join(''), /^govreport: error: fix has no --format option\n/u);
    const unknown = recorder();
    assert.equal(run(['fix', '--frobnicate', dir], unknown), 2);
    assert.match(unknown.err.join(''), /^govreport: 错误：未知选项 --frobnicate\n/u);
  });

  test('--help names every check option, in both languages, and no longer says UTF-8 only', () => {
    for (const messages of [undefined, en]) {
      const io = recorder();
      assert.equal(run(['--help'], io, messages), 0);
      const help = io.out.join('');
      for (const option of ['--quiet', '--severity', '--max-warnings', '--output', '--format', '--config', '--all', '--max-size', '--lang']) assert.ok(help.includes(option), option);
      assert.match(help, /GB18030/u);
      assert.doesNotMatch(help, /目前按 UTF-8 读取|read as UTF-8 \(a BOM is allowed\);/u);
    }
  });
});
