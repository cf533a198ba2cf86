/**
 * The CLI's parts in-process: argument parsing, decoding, the text formatter's colours, and run()
 * with an Io that records what would be written.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { en } from '../../server/src/core/messages/en';
import { defaultJobs, parseArgs, parseSize } from '../../server/src/cli/args';
import { MIN_FILES_PER_THREAD, MIN_FILES_PER_THREAD_BY_DEFAULT } from '../../server/src/cli/parallel';
import { check, DEFAULT_MAX_SIZE, exitStatus, internalDetail } from '../../server/src/cli/check';
import { decodeText, HEAD_BYTES } from '../../server/src/cli/files';
import { formatText } from '../../server/src/cli/formatters/text';
import { run, type Io } from '../../server/src/cli/main';
import { SAMPLES } from '../support/paths';

describe('parseArgs', () => {
  test('check with options before, between and after the paths', () => {
    assert.deepEqual(parseArgs(['check', 'a.txt', '--format', 'json', 'b', '--max-size=500KB'], zhCN), {
      kind: 'check',
      paths: ['a.txt', 'b'],
      format: 'json',
      maxSize: 500 * 1024,
      config: null,
      all: false,
      minSeverity: 4,
      maxWarnings: null,
      jobs: defaultJobs(),
      minFilesPerThread: MIN_FILES_PER_THREAD_BY_DEFAULT,
      output: null,
      ignore: [],
      stdinFilepath: null,
    });
    assert.deepEqual(parseArgs(['--format=text', 'check', '--', '--odd-name.txt'], zhCN), {
      kind: 'check',
      paths: ['--odd-name.txt'],
      format: 'text',
      maxSize: DEFAULT_MAX_SIZE,
      config: null,
      all: false,
      minSeverity: 4,
      maxWarnings: null,
      jobs: defaultJobs(),
      minFilesPerThread: MIN_FILES_PER_THREAD_BY_DEFAULT,
      output: null,
      ignore: [],
      stdinFilepath: null,
    });
  });

  test('--jobs given starts a worker from 64 files a thread; by default, from 5,000 (one thread was faster below)', () => {
    const given = parseArgs(['check', '--jobs', '2', 'a'], zhCN);
    const byDefault = parseArgs(['check', 'a'], zhCN);
    assert.ok(given.kind === 'check' && byDefault.kind === 'check');
    assert.deepEqual([given.jobs, given.minFilesPerThread], [2, MIN_FILES_PER_THREAD]);
    assert.deepEqual([byDefault.jobs, byDefault.minFilesPerThread], [defaultJobs(), MIN_FILES_PER_THREAD_BY_DEFAULT]);
    assert.deepEqual([MIN_FILES_PER_THREAD, MIN_FILES_PER_THREAD_BY_DEFAULT], [64, 5000]);
  });

  test('mistakes are usage errors with their own message', () => {
    const error = (args: string[]): string => {
      const r = parseArgs(args, zhCN);
      assert.equal(r.kind, 'usage-error');
      return r.kind === 'usage-error' ? r.message : '';
    };
    assert.equal(error(['check', '-x', 'a']), '未知选项 -x');
    assert.equal(error(['check', '--constructor', 'a']), '未知选项 --constructor');
    assert.equal(error(['check', '--format', '--max-size', '1', 'a']), '选项 --format 缺少值');
    assert.equal(error(['check', '--format=xml', 'a']), '不支持的输出格式「xml」（可选：text、json、sarif、html、summary）');
    assert.equal(error(['check', '--max-size', '0', 'a']), '无法识别的大小「0」（例如 500KB、20MB 或字节数）');
    assert.equal(error(['check']), '缺少要检查的路径');
    assert.equal(error(['lint', 'a']), '未知命令「lint」（目前有：check、fix、extract）');
    assert.equal(error(['--help=yes']), '选项 --help 不接受值');
  });

  test('--help wins over a mistake; --version', () => {
    assert.deepEqual(parseArgs(['check', '--bogus', '--help'], zhCN), { kind: 'help' });
    assert.deepEqual(parseArgs(['--version'], zhCN), { kind: 'version' });
  });

  test('sizes', () => {
    assert.equal(parseSize('20MB'), 20 * 1024 * 1024);
    assert.equal(parseSize('1.5k'), 1536);
    assert.equal(parseSize('4096'), 4096);
    assert.equal(parseSize('12 parsecs'), null);
    assert.equal(parseSize('-5'), null);
  });
});

describe('decodeText', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

  test('UTF-8 with and without a byte-order mark, every character kept', () => {
    assert.deepEqual(decodeText(bytes('政府𠀀信息')), { ok: true, text: '政府𠀀信息', encoding: 'utf-8' });
    assert.deepEqual(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('年报\r\n')])), { ok: true, text: '年报\r\n', encoding: 'utf-8-bom' });
    // A mark in the middle of the text is a character of the text.
    assert.deepEqual(decodeText(bytes('a\ufeffb')), { ok: true, text: 'a\ufeffb', encoding: 'utf-8' });
  });

  test('binary and text valid in no encoding read are refused, not repaired (UTF-16 and GB18030: test/robust/encoding.test.ts)', () => {
    assert.deepEqual(decodeText(Uint8Array.from([0x41, 0x00, 0x42])), { ok: true, text: 'A\u0000B', encoding: 'utf-8' }); // a stray NUL is text
    assert.deepEqual(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), { ok: false, reason: 'binary' }); // a PNG
    // 0xFF is no lead byte in UTF-8 or GB18030.
    assert.deepEqual(decodeText(Uint8Array.from([0xd5, 0xfe, 0xff, 0xff])), { ok: false, reason: 'encoding', encoding: null });
  });

  test('a head cut inside a character decodes up to the cut', () => {
    const whole = bytes('年度报告');
    for (let cut = 1; cut < whole.length; cut++) {
      const r = decodeText(whole.subarray(0, cut), true);
      assert.ok(r.ok, `cut at ${cut}`);
      assert.equal(r.ok && r.text, '年度报告'.slice(0, Math.floor(cut / 3)));
    }
    assert.ok(HEAD_BYTES >= 8192 * 3);
  });
});

describe('formatText', () => {
  const result = {
    files: [
      {
        path: 'a.txt',
        uri: 'file:///a.txt',
        encoding: 'utf-8' as const,
        diagnostics: [
          { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, severity: 2 as const, code: 'value.missing', source: 'govreport', message: '两行\n消息' },
        ],
      },
    ],
    notices: [],
  };

  test('plain: path:line:col severity code message, the message on one line; the severity in the catalog\'s words', () => {
    assert.equal(formatText(result, { color: false }), 'a.txt:1:4 警告 value.missing 两行 消息\n');
    assert.equal(formatText(result, { color: false, messages: en }), 'a.txt:1:4 warning value.missing 两行 消息\n');
  });

  test('coloured: the same text inside ANSI sequences', () => {
    const coloured = formatText(result, { color: true, messages: en });
    assert.match(coloured, /\u001b\[33mwarning\u001b\[0m/u);
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/gu, ''), 'a.txt:1:4 warning value.missing 两行 消息\n');
  });
});

describe('check() and run() in-process', () => {
  const recorder = (isTTY: boolean, env: Record<string, string | undefined> = {}): Io & { out: string[]; err: string[] } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: isTTY, env };
  };
  const sample004 = path.join(SAMPLES, '004_bf2c1b340b487aac.txt');

  test('check() returns the diagnostics; exitStatus() 1 for errors, 2 when a path could not be read', () => {
    const result = check([sample004], { messages: zhCN, maxSize: DEFAULT_MAX_SIZE });
    assert.deepEqual(
      result.files[0]!.diagnostics.filter((d) => d.code.startsWith('sum.')).map((d) => d.range.start.line),
      [90, 130, 341],
    );
    assert.equal(exitStatus(result), 1);
    const withMissing = check([sample004, path.join(SAMPLES, 'nothing-here.txt')], { messages: zhCN, maxSize: DEFAULT_MAX_SIZE });
    assert.equal(withMissing.files.length, 1);
    assert.equal(exitStatus(withMissing), 2);
  });

  test('colour only on a terminal and without NO_COLOR', () => {
    const tty = recorder(true);
    assert.equal(run(['check', sample004], tty), 1);
    assert.match(tty.out.join(''), /\u001b\[31m错误/u);
    const noColor = recorder(true, { NO_COLOR: '' });
    run(['check', sample004], noColor);
    assert.doesNotMatch(noColor.out.join(''), /\u001b/u);
    const pipe = recorder(false);
    run(['check', sample004], pipe);
    assert.doesNotMatch(pipe.out.join(''), /\u001b/u);
    assert.equal(pipe.err.join(''), '检查了 1 份报告：1 份有错误，共 3 个错误、2 个警告\n');
  });

  test('an exception anywhere becomes exit 2 with a message', () => {
    const broken: Io = {
      stdout: () => {
        throw new Error('disk on fire');
      },
      stderr: () => undefined,
      stdoutIsTTY: false,
      env: {},
    };
    const messages: string[] = [];
    assert.equal(run(['--version'], { ...broken, stderr: (t) => messages.push(t) }), 2);
    assert.match(messages.join(''), /^govreport: 内部错误：Error: disk on fire/u);
  });

  test('an internal error while checking one file: where to report it; the error itself only with --debug', () => {
    assert.equal(
      zhCN.cliAnalysisFailed({ path: 'a.txt', detail: null }),
      'a.txt：检查时发生内部错误，该文件未检查完（govreport 自身的缺陷，请把所用命令和文件报告给 govreport 的维护者；加 --debug 重新运行可显示详细信息）',
    );
    assert.equal(internalDetail(new RangeError('Maximum call stack size exceeded\nmore'), false), null);
    assert.equal(internalDetail(new RangeError('Maximum call stack size exceeded\nmore'), true), 'RangeError: Maximum call stack size exceeded');
    assert.match(zhCN.cliAnalysisFailed({ path: 'a.txt', detail: 'RangeError: x' }), /；详细信息：RangeError: x）$/u);
  });

  test('an internal error: one line saying where to report it, the stack only with --debug', () => {
    const broken = (err: string[]): Io => ({
      stdout: () => {
        throw new Error('disk on fire\nsecond line');
      },
      stderr: (t) => err.push(t),
      stdoutIsTTY: false,
      env: {},
    });
    const plain: string[] = [];
    assert.equal(run(['--version'], broken(plain)), 2);
    assert.deepEqual(plain, [
      'govreport: 内部错误：Error: disk on fire（这是 govreport 自身的缺陷，不是报告的问题；请把所用命令和文件报告给 govreport 的维护者，加 --debug 重新运行可显示详细信息）\n',
    ]);
    const english: string[] = [];
    assert.equal(run(['--version', '--lang', 'en'], broken(english)), 2);
    assert.deepEqual(english, [
      "govreport: internal error: Error: disk on fire (a bug in govreport, not a problem of the report; please report the command and the file to govreport's maintainers; run again with --debug to see the details)\n",
    ]);
    const debug: string[] = [];
    assert.equal(run(['--version', '--debug'], broken(debug)), 2);
    assert.equal(debug.length, 2);
    assert.match(debug[0]!, /^govreport: 内部错误：Error: disk on fire（.*附上下面的详细信息）\n$/u);
    assert.match(debug[1]!, /^Error: disk on fire\nsecond line\n\s+at /u);
  });
});
