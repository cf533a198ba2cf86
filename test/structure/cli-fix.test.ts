/**
 * `govreport fix [--write] PATH...`: the same safe fixes as the editor's fix-all; a unified diff
 * without --write, the file rewritten (encoding and line endings kept) with it.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { DEFAULT_MAX_SIZE } from '../../server/src/cli/check';
import { run, type Io } from '../../server/src/cli/main';
import { encodeLike } from '../../server/src/cli/encoding';
import { fixAll } from '../../server/src/core/fix';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { PROJECT_ROOT, sample } from '../support/paths';

function recorder(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {} };
}

describe('govreport fix: arguments', () => {
  test('fix [--write] paths; --max-size too; --format belongs to check only; --write to fix only', () => {
    assert.deepEqual(parseArgs(['fix', 'a.txt', 'b'], zhCN), { kind: 'fix', paths: ['a.txt', 'b'], write: false, backup: false, maxSize: DEFAULT_MAX_SIZE, config: null, all: false, ignore: [], stdinFilepath: null });
    assert.deepEqual(parseArgs(['fix', '--write', '--max-size', '1MB', 'a.txt'], zhCN), { kind: 'fix', paths: ['a.txt'], write: true, backup: false, maxSize: 1024 * 1024, config: null, all: false, ignore: [], stdinFilepath: null });
    assert.deepEqual(parseArgs(['fix', '--backup', '--write', 'a.txt'], zhCN), { kind: 'fix', paths: ['a.txt'], write: true, backup: true, maxSize: DEFAULT_MAX_SIZE, config: null, all: false, ignore: [], stdinFilepath: null });
    assert.deepEqual(parseArgs(['fix', '--backup', 'a.txt'], zhCN), { kind: 'usage-error', message: '--backup 只能与 --write 一起使用' });
    assert.deepEqual(parseArgs(['check', '--backup', 'a.txt'], zhCN), { kind: 'usage-error', message: 'check 命令没有 --backup 选项' });
    assert.deepEqual(parseArgs(['fix', '--format', 'json', 'a.txt'], zhCN), { kind: 'usage-error', message: 'fix 命令没有 --format 选项' });
    assert.deepEqual(parseArgs(['check', '--write', 'a.txt'], zhCN), { kind: 'usage-error', message: 'check 命令没有 --write 选项' });
    assert.equal(parseArgs(['fix'], zhCN).kind, 'usage-error');
  });
});

describe('govreport fix on files', () => {
  let dir = '';
  const put = (name: string, content: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fix-'));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('without --write: a unified diff on stdout (paths relative to the current folder), the file untouched, exit 1; the summary counts its places', () => {
    const text = sample('001').text;
    const file = put('001.txt', text);
    const io = { ...recorder(), cwd: dir };
    assert.equal(run(['fix', file], io), 1);
    assert.equal(
      io.out.join(''),
      [
        '--- a/001.txt',
        '+++ b/001.txt',
        '@@ -5,9 +5,9 @@',
        ' 依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定，编制本报告。',
        ' 一、总体情况',
        ` ${text.split('\n')[6]}`,
        '-（1） 加强组织领导',
        '+（一） 加强组织领导',
        ` ${text.split('\n')[8]}`,
        '-（2） 主动公开情况',
        '+（二） 主动公开情况',
        ` ${text.split('\n')[10]}`,
        ' （三）依申请公开情况',
        ` ${text.split('\n')[12]}`,
        '@@ -19,7 +19,7 @@',
        ` ${text.split('\n')[18]}`,
        ' （七）政府信息公开监督保障情况',
        ` ${text.split('\n')[20]}`,
        '-2、 主动公开政府信息情况',
        '+二、 主动公开政府信息情况',
        ' ',
        ' ',
        ' \t第二十条第（一）项',
        '',
      ].join('\n'),
    );
    // Three runs of changed lines above: three places.
    assert.equal(io.err.join(''), '检查了 1 份报告：1 份可自动修复（共 3 处），加 --write 写入文件\n');
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });

  test('--write: the file rewritten with the fixes, exit 0; a second run finds nothing to fix', () => {
    const text = sample('002').text;
    const file = put('002.txt', text);
    const io = recorder();
    assert.equal(run(['fix', '--write', file], io), 0);
    assert.equal(io.out.join(''), '');
    assert.equal(fs.readFileSync(file, 'utf8'), fixAll(text));
    assert.match(io.err.join(''), /^检查了 1 份报告：已修复并写入 1 份（共 \d+ 处）\n$/u);
    const again = recorder();
    assert.equal(run(['fix', file], again), 0);
    assert.equal(again.out.join(''), '');
    assert.equal(again.err.join(''), '检查了 1 份报告：没有可自动修复的问题\n');
  });

  test('--write keeps a byte-order mark and CRLF line endings', () => {
    const text = sample('000').text.replace(/\n/gu, '\r\n');
    const file = put('000-crlf.txt', `\ufeff${text}`);
    assert.equal(run(['fix', '--write', file], recorder()), 0);
    const written = fs.readFileSync(file, 'utf8');
    assert.ok(written.startsWith('\ufeff'));
    assert.equal(written.slice(1), text.replace('\r\n主动公开政府信息情况\r\n', '\r\n二、主动公开政府信息情况\r\n'));
  });

  test('a folder: every report in it; a file that is not a report is left alone', () => {
    const sub = path.join(dir, 'folder');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'a-003.txt'), sample('003').text);
    fs.writeFileSync(path.join(sub, 'notes.txt'), '会议纪要：下周一讨论办公用品采购。\n');
    const io = recorder();
    assert.equal(run(['fix', '--write', sub], io), 0);
    assert.equal(fs.readFileSync(path.join(sub, 'notes.txt'), 'utf8'), '会议纪要：下周一讨论办公用品采购。\n');
    assert.match(fs.readFileSync(path.join(sub, 'a-003.txt'), 'utf8'), /\n二、主动公开政府信息情况\n/u);
    assert.equal(
      io.err.join(''),
      `检查了 1 份报告：已修复并写入 1 份（共 1 处）\ngovreport: 注意：未检查 1 个文件（加 --all 可把文件夹中的每个 .txt 文件都当作报告检查）：\n  ${path.join(sub, 'notes.txt')}：开头读起来不像年度报告\n`,
    );
  });

  test('a path that does not exist: exit 2, the others still fixed', () => {
    const file = put('004.txt', sample('004').text);
    const io = recorder();
    assert.equal(run(['fix', '--write', path.join(dir, 'missing.txt'), file], io), 2);
    assert.match(io.err.join(''), /missing\.txt：文件或文件夹不存在/u);
    assert.match(fs.readFileSync(file, 'utf8'), /\n三、 收到和处理政府信息公开申请情况\n/u);
  });

  test('the built CLI: its diff applies with `git apply` and gives the fixed text', () => {
    const file = put('patched.txt', sample('002').text);
    const cli = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), 'fix', 'patched.txt'], { cwd: dir, encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    // Outside a repository, git apply patches the files below the current folder, as patch -p1 does.
    const apply = spawnSync('git', ['apply', '-'], { cwd: dir, input: cli.stdout, encoding: 'utf8' });
    assert.equal(apply.error, undefined);
    assert.equal(apply.status, 0, apply.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), fixAll(sample('002').text));
  });
});

describe('govreport fix --write keeps the encoding the file was read in', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-fix-enc-'));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  const cases: { name: string; encode: (text: string) => Buffer; decode: (bytes: Buffer) => string }[] = [
    {
      name: 'GB18030',
      encode: (text) => Buffer.from(encodeLike(text, 'gb18030')),
      decode: (bytes) => new TextDecoder('gb18030').decode(bytes),
    },
    {
      name: 'UTF-16LE with BOM',
      encode: (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      decode: (bytes) => {
        assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe], 'BOM kept');
        return bytes.subarray(2).toString('utf16le');
      },
    },
  ];
  for (const c of cases) {
    test(`${c.name}: sample 001 renumbered, written back in ${c.name}`, () => {
      const text = sample('001').text;
      const file = path.join(dir, `${c.name.replace(/\W+/gu, '-')}.txt`);
      fs.writeFileSync(file, c.encode(text));
      const io = recorder();
      assert.equal(run(['fix', '--write', file], io), 0, io.err.join(''));
      const bytes = fs.readFileSync(file);
      const written = c.decode(bytes);
      // What fix-all does to the text, in the file's own encoding.
      assert.equal(written, fixAll(text, { messages: zhCN }));
      assert.notEqual(written, text, 'something was fixed');
      assert.match(written, /^二、\s*主动公开政府信息情况$/mu, 'heading 2、 renumbered');
      assert.deepEqual(c.encode(written), bytes, 'exactly the bytes of that encoding');
    });
  }
});
