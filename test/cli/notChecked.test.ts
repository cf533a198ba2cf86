/**
 * No report lost without a word: a folder walk that skips a `.txt` (not read as a report, binary, in
 * an encoding not read, too large) lists it — after the text summary, in JSON `notChecked` and in
 * SARIF's tool execution notifications — and `--all` checks every `.txt` of the folder regardless.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run, type Io } from '../../server/src/cli/main';
import { sample } from '../support/paths';

function recorder(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {} };
}

describe('files a folder walk does not check are listed', () => {
  let dir = '';
  let rel = (name: string): string => name;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-notchecked-'));
    rel = (name) => path.join(dir, name);
    fs.writeFileSync(rel('a-report.txt'), sample('000').text);
    fs.writeFileSync(rel('b-notes.txt'), '会议纪要：下周一讨论办公用品采购。\n');
    fs.writeFileSync(rel('c-image.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0)]));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('text: after the summary, one line a file with why, and how --all checks them', () => {
    const io = recorder();
    assert.equal(run(['check', dir], io), 0);
    assert.equal(
      io.err.join(''),
      [
        `govreport: 注意：${rel('c-image.txt')}：是二进制文件（含 NUL 字节），已跳过`,
        '检查了 1 份报告：0 份有错误，共 0 个错误、1 个警告',
        'govreport: 注意：未检查 2 个文件（加 --all 可把文件夹中的每个 .txt 文件都当作报告检查）：',
        `  ${rel('b-notes.txt')}：开头读起来不像年度报告`,
        `  ${rel('c-image.txt')}：是二进制文件`,
        '',
      ].join('\n'),
    );
  });

  test('English: the same list in English', () => {
    const io = recorder();
    assert.equal(run(['check', '--lang', 'en', dir], io), 0);
    const err = io.err.join('');
    assert.match(err, /\ngovreport: note: 2 files not checked \(--all checks every \.txt file of a folder as a report\):\n/u);
    assert.ok(err.endsWith(`  ${rel('b-notes.txt')}: its beginning does not read like an annual report\n  ${rel('c-image.txt')}: binary file\n`), err);
  });

  test('JSON: notChecked, [{file, reason}] in path order', () => {
    const io = recorder();
    assert.equal(run(['check', '--format', 'json', dir], io), 0);
    const json = JSON.parse(io.out.join('')) as { files: { path: string }[]; notChecked: unknown };
    assert.deepEqual(json.files.map((f) => f.path), [rel('a-report.txt')]);
    assert.deepEqual(json.notChecked, [
      { file: rel('b-notes.txt'), reason: 'not-report' },
      { file: rel('c-image.txt'), reason: 'binary' },
    ]);
  });

  test('SARIF: one tool execution notification a file, with its location', () => {
    const io: Io & { out: string[]; err: string[] } = { ...recorder(), cwd: dir };
    const out: string[] = [];
    assert.equal(run(['check', '--format', 'sarif', dir], { ...io, stdout: (t) => out.push(t) }), 0);
    const log = JSON.parse(out.join('')) as { runs: { invocations: unknown }[] };
    assert.deepEqual(log.runs[0]!.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'note',
            descriptor: { id: 'not-checked/not-report' },
            message: { text: `${rel('b-notes.txt')}：开头读起来不像年度报告` },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'b-notes.txt' } } }],
          },
          {
            level: 'note',
            descriptor: { id: 'not-checked/binary' },
            message: { text: `${rel('c-image.txt')}：是二进制文件` },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'c-image.txt' } } }],
          },
        ],
      },
    ]);
  });

  test('--all: every .txt checked as a report (a binary one is an error then: exit 2)', () => {
    const io = recorder();
    assert.equal(run(['check', '--all', '--format', 'json', dir], io), 2);
    const json = JSON.parse(io.out.join('')) as { files: { path: string; diagnostics: { code: string }[] }[]; notChecked: unknown };
    assert.deepEqual(json.files.map((f) => path.basename(f.path)), ['a-report.txt', 'b-notes.txt']);
    assert.deepEqual(json.files[1]!.diagnostics.map((d) => d.code), ['structure.not-a-report']);
    assert.deepEqual(json.notChecked, [{ file: rel('c-image.txt'), reason: 'binary' }]);
    assert.match(io.err.join(''), /\ngovreport: 注意：未检查 1 个文件：\n {2}\S+c-image\.txt：是二进制文件\n$/u);
  });

  test('no --all hint where it would check nothing (a binary file named on the command line)', () => {
    const io = recorder();
    assert.equal(run(['check', rel('c-image.txt')], io), 2);
    assert.ok(io.err.join('').endsWith(`\ngovreport: 注意：未检查 1 个文件：\n  ${rel('c-image.txt')}：是二进制文件\n`), io.err.join(''));
  });

  test('a folder with nothing skipped: no list, notChecked empty', () => {
    const only = fs.mkdtempSync(path.join(dir, 'only-'));
    fs.writeFileSync(path.join(only, 'r.txt'), sample('000').text);
    const io = recorder();
    assert.equal(run(['check', '--format', 'json', only], io), 0);
    assert.deepEqual((JSON.parse(io.out.join('')) as { notChecked: unknown }).notChecked, []);
    assert.equal(io.err.join(''), '检查了 1 份报告：0 份有错误，共 0 个错误、1 个警告\n');
  });

  test('fix lists them too', () => {
    const io = recorder();
    assert.equal(run(['fix', dir], io), 1); // 000 can be fixed
    assert.ok(io.err.join('').endsWith(`  ${rel('b-notes.txt')}：开头读起来不像年度报告\n  ${rel('c-image.txt')}：是二进制文件\n`), io.err.join(''));
  });
});
