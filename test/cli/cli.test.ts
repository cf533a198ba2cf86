/**
 * The `govreport` executable, run as users run it: `node dist/cli.js …` in a child process.
 * Expectations come from ../shared/samples/EXPECTED.md (checked by hand), not from the program.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT as ROOT, SAMPLES } from '../support/paths';

const CLI = path.join(ROOT, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], cwd = ROOT): Run {
  // Chinese messages whatever the machine's locale (LC_ALL/LANG choose the language since issue 8).
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'zh_CN.UTF-8' };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Diagnostic {
  range: Range;
  severity: number;
  code: string;
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}
interface Output {
  files: { path: string; diagnostics: Diagnostic[] }[];
  notChecked?: { file: string; reason: string }[];
}

function parseJson(run: Run): Output {
  return JSON.parse(run.stdout) as Output;
}

/** The document text a range covers (UTF-16 positions, lines split as LSP splits them). */
function textAt(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/u);
  assert.equal(range.start.line, range.end.line, 'a cell range stays on one line');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

/**
 * From EXPECTED.md: the sum.* failures of each sample (1-based lines there, 0-based here) and the
 * value the cell states. 000–002: every identity holds (002's tables are mostly empty: no identity
 * can be evaluated). An error exists in 003 and 004 (the sums), and in 002: table A 行政处罚 reads
 * `8件(撤销1件、警告7件)`, a value with words, which the issue makes value.invalid — an error.
 */
const SAMPLES_EXPECTED: readonly { file: string; sums: readonly { code: string; line: number; stated: string }[]; status: 0 | 1 }[] = [
  { file: '000_d92da6674a0d90b8.txt', sums: [], status: 0 },
  { file: '001_318a82d3163b8b1e.txt', sums: [], status: 0 },
  { file: '002_6bf7699e84e20962.txt', sums: [], status: 1 },
  {
    file: '003_ce958aee357eda0c.txt',
    sums: [
      { code: 'sum.outcome', line: 335, stated: '7' },
      { code: 'sum.outcome', line: 336, stated: '1' },
    ],
    status: 1,
  },
  {
    file: '004_bf2c1b340b487aac.txt',
    sums: [
      { code: 'sum.row', line: 90, stated: '0' },
      { code: 'sum.row', line: 130, stated: '0' },
      { code: 'sum.row', line: 341, stated: '0' },
    ],
    status: 1,
  },
];

describe('govreport check on the samples', () => {
  for (const expected of SAMPLES_EXPECTED) {
    test(`${expected.file}: --format json gives exactly the sum.* findings of EXPECTED.md`, () => {
      const file = path.join(SAMPLES, expected.file);
      const text = fs.readFileSync(file, 'utf8');
      const run = cli(['check', '--format', 'json', file]);
      assert.equal(run.status, expected.status, run.stderr);
      const output = parseJson(run);
      assert.equal(output.files.length, 1);
      const [only] = output.files;
      assert.equal(only!.path, file);
      const sums = only!.diagnostics.filter((d) => d.code.startsWith('sum.'));
      assert.deepEqual(
        sums.map((d) => ({ code: d.code, line: d.range.start.line, stated: textAt(text, d.range) })),
        expected.sums,
      );
      const uri = pathToFileURL(file).href;
      for (const d of only!.diagnostics) {
        assert.equal(d.source, 'govreport');
        assert.equal(typeof d.code, 'string');
        assert.ok([1, 2, 3, 4].includes(d.severity));
        assert.ok(d.message.length > 0);
        for (const related of d.relatedInformation ?? []) assert.equal(related.location.uri, uri);
      }
      for (const d of sums) {
        assert.equal(d.severity, 1, 'an identity that fails is an error');
        assert.ok((d.relatedInformation ?? []).length >= 6, 'related information points at the terms');
      }
      // The exit status says whether any error-severity diagnostic was printed.
      assert.equal(run.status, only!.diagnostics.some((d) => d.severity === 1) ? 1 : 0);
    });
  }

  test('002: the table A cell 8件(撤销1件、警告7件) is an invalid value (an error, exit 1)', () => {
    const file = path.join(SAMPLES, '002_6bf7699e84e20962.txt');
    const text = fs.readFileSync(file, 'utf8');
    const output = parseJson(cli(['check', '--format', 'json', file]));
    const invalid = output.files[0]!.diagnostics.filter((d) => d.code === 'value.invalid');
    assert.deepEqual(
      invalid.map((d) => ({ line: d.range.start.line, severity: d.severity, text: textAt(text, d.range) })),
      [{ line: 35, severity: 1, text: '8件(撤销1件、警告7件)' }],
    );
  });

  test('all five at once: files in path order, exit 1', () => {
    const files = SAMPLES_EXPECTED.map((e) => path.join(SAMPLES, e.file)).reverse();
    const run = cli(['check', '--format', 'json', ...files]);
    assert.equal(run.status, 1);
    assert.deepEqual(
      parseJson(run).files.map((f) => f.path),
      [...files].reverse(),
    );
  });
});

describe('govreport check --format text', () => {
  const SHAPE = /^(.+):(\d+):(\d+) (错误|警告|信息|提示) ([a-z]+(?:\.[a-z0-9-]+)+) (\S.*)$/u;

  test('004: one compiler-style line per diagnostic, 1-based line and column; summary on stderr', () => {
    const file = path.join(SAMPLES, '004_bf2c1b340b487aac.txt');
    const text = cli(['check', file]);
    const json = parseJson(cli(['check', '--format', 'json', file]));
    assert.equal(text.status, 1);
    const lines = text.stdout.split('\n');
    assert.equal(lines.pop(), '', 'stdout ends with a line break');
    const diagnostics = json.files[0]!.diagnostics;
    assert.equal(lines.length, diagnostics.length);
    lines.forEach((line, i) => {
      const m = SHAPE.exec(line);
      assert.ok(m, `line shape: ${line}`);
      const d = diagnostics[i]!;
      assert.equal(m[1], file);
      assert.equal(Number(m[2]), d.range.start.line + 1);
      assert.equal(Number(m[3]), d.range.start.character + 1);
      assert.equal(m[4], ['错误', '警告', '信息', '提示'][d.severity - 1]);
      assert.equal(m[5], d.code);
      assert.equal(m[6], d.message);
    });
    // EXPECTED.md's lines 91, 131, 342, each a sum.row error on the 总计 cell: `\t0` → column 2.
    const sums = lines.filter((l) => / sum\./u.test(l)).map((l) => SHAPE.exec(l)!.slice(2, 6).join(' '));
    assert.deepEqual(sums, ['91 2 错误 sum.row', '131 2 错误 sum.row', '342 2 错误 sum.row']);
    assert.doesNotMatch(text.stdout, /\u001b\[/u, 'no colour when stdout is not a terminal');
    assert.match(text.stderr, /1 份报告/u);
    assert.match(text.stderr, /3 个错误/u);
  });

  test('a report with no diagnostic prints nothing on stdout, exit 0', () => {
    // A report with nothing wrong: the layout fixture (sample 000 has an unnumbered heading).
    const run = cli(['check', path.join(ROOT, 'test', 'fixtures', 'layouts', 'cell-per-line.txt')]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /1 份报告/u);
  });
});

describe('govreport check on a folder', () => {
  let dir = '';
  const sample = (name: string): string => path.join(SAMPLES, name);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cli-'));
    const put = (rel: string, content: string | Buffer): void => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    };
    const read = (name: string): string => fs.readFileSync(sample(name), 'utf8');
    put('reports/b-004.txt', read('004_bf2c1b340b487aac.txt'));
    put('reports/a-000.txt', read('000_d92da6674a0d90b8.txt'));
    put('reports/nested/deeper/c-003.txt', read('003_ce958aee357eda0c.txt'));
    put('reports/nested/README.md', `# 关于政府信息公开工作年度报告\n\n${read('003_ce958aee357eda0c.txt')}`);
    put('reports/nested/d-001.govreport', read('001_318a82d3163b8b1e.txt'));
    put('reports/nested/bom-004.txt', `\ufeff${read('004_bf2c1b340b487aac.txt')}`);
    put('reports/notes.txt', '会议纪要：下周一讨论办公用品采购。\n');
    put('reports/table.csv', read('003_ce958aee357eda0c.txt'));
    put('reports/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, ...Buffer.from('政府信息公开工作年度报告')]));
    put('reports/node_modules/pkg/copy.txt', read('003_ce958aee357eda0c.txt'));
    put('reports/.hidden/copy.txt', read('003_ce958aee357eda0c.txt'));
    put('reports/.copy.txt', read('003_ce958aee357eda0c.txt'));
    fs.symlinkSync('..', path.join(dir, 'reports', 'nested', 'loop'));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('walks nested folders, takes the reports, skips the rest, follows no loop', () => {
    const run = cli(['check', '--format', 'json', 'reports'], dir);
    assert.equal(run.status, 1, run.stderr);
    const output = parseJson(run);
    assert.deepEqual(
      output.files.map((f) => f.path),
      ['reports/a-000.txt', 'reports/b-004.txt', 'reports/nested/bom-004.txt', 'reports/nested/d-001.govreport', 'reports/nested/deeper/c-003.txt'],
    );
    const sumLines = (p: string): number[] =>
      output.files.find((f) => f.path === p)!.diagnostics.filter((d) => d.code.startsWith('sum.')).map((d) => d.range.start.line);
    assert.deepEqual(sumLines('reports/b-004.txt'), [90, 130, 341]);
    assert.deepEqual(sumLines('reports/nested/bom-004.txt'), [90, 130, 341], 'a byte-order mark moves no position');
    assert.deepEqual(sumLines('reports/nested/deeper/c-003.txt'), [335, 336]);
    const uri = pathToFileURL(path.join(dir, 'reports', 'nested', 'deeper', 'c-003.txt')).href;
    assert.equal(output.files[4]!.diagnostics.find((d) => d.code.startsWith('sum.'))!.relatedInformation![0]!.location.uri, uri);
    // The binary file is skipped with a note; it and notes.txt (not a report) are listed as not
    // checked; README.md (not looked at in a folder) is no candidate at all.
    assert.match(run.stderr, /reports\/binary\.txt：是二进制文件/u);
    assert.deepEqual(output.notChecked, [
      { file: 'reports/binary.txt', reason: 'binary' },
      { file: 'reports/notes.txt', reason: 'not-report' },
    ]);
    assert.doesNotMatch(run.stdout + run.stderr, /README\.md/u);
  });

  test('a file named on the command line is checked even when it is not a report, with a note', () => {
    const run = cli(['check', '--format', 'json', 'reports/notes.txt'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(parseJson(run).files.map((f) => f.path), ['reports/notes.txt']);
    assert.match(run.stderr, /reports\/notes\.txt：看起来不像/u);
  });

  test('a binary file named on the command line is not parsed: exit 2, the others still checked', () => {
    const run = cli(['check', '--format', 'json', 'reports/binary.txt', 'reports/a-000.txt'], dir);
    assert.equal(run.status, 2);
    assert.deepEqual(parseJson(run).files.map((f) => f.path), ['reports/a-000.txt']);
    assert.match(run.stderr, /reports\/binary\.txt：是二进制文件/u);
  });

  test('a file over --max-size is not parsed: exit 2 with a message', () => {
    const run = cli(['check', '--max-size', '1KB', 'reports/a-000.txt'], dir);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /reports\/a-000\.txt：文件大小 7\.3 KB，超过上限 1 KB/u);
  });

  test('a path named twice, or inside a folder named too, is checked once', () => {
    const run = cli(['check', '--format', 'json', 'reports/b-004.txt', 'reports', './reports/b-004.txt'], dir);
    const paths = parseJson(run).files.map((f) => f.path);
    assert.equal(paths.length, 5);
    assert.equal(paths.filter((p) => p.endsWith('b-004.txt')).length, 1);
  });
});

describe('govreport errors and usage', () => {
  test('a nonexistent path: exit 2 with a message, the other files still reported', () => {
    const file = path.join(SAMPLES, '003_ce958aee357eda0c.txt');
    const run = cli(['check', 'no/such/report.txt', file]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no\/such\/report\.txt：文件或文件夹不存在/u);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      // EXPECTED.md: the unnumbered heading of section 二 (line 21), the two outcome totals.
      [`${file}:21:1 警告 structure.section-numbering`, `${file}:336:2 错误 sum.outcome`, `${file}:337:2 错误 sum.outcome`],
    );
  });

  test('a nonexistent path with --format json: still valid JSON of the other files', () => {
    const file = path.join(SAMPLES, '000_d92da6674a0d90b8.txt');
    const run = cli(['check', '--format', 'json', file, 'missing-folder']);
    assert.equal(run.status, 2);
    assert.deepEqual(parseJson(run).files.map((f) => f.path), [file]);
  });

  for (const args of [['check', '--bogus', 'x.txt'], ['check', '--format', 'xml', 'x.txt'], ['check', '--format'], ['check'], [], ['frobnicate', 'x.txt'], ['check', '--max-size', 'big', 'x.txt'], ['--version=2']]) {
    test(`usage error: ${JSON.stringify(args)} → exit 2 with the usage`, () => {
      const run = cli(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^govreport: 错误：/u);
      assert.match(run.stderr, /govreport check \[选项\] 路径\.\.\./u);
    });
  }

  test('the bad flag is named', () => {
    assert.match(cli(['check', '--bogus', 'x.txt']).stderr, /未知选项 --bogus/u);
  });

  test('--help: the usage on stdout, exit 0; it says columns are UTF-16 code units + 1', () => {
    for (const args of [['--help'], ['-h'], ['check', '--help']]) {
      const run = cli(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /govreport check \[选项\] 路径\.\.\./u);
      assert.match(run.stdout, /--format text\|json/u);
      assert.match(run.stdout, /UTF-16 码元计数再加 1/u);
    }
  });

  test('--version prints package.json version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = cli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${pkg.version}\n`);
  });

  test('not a regular file (/dev/null), an empty path: exit 2, never anything else', () => {
    for (const args of [['check', '/dev/null'], ['check', '']]) {
      const run = cli(args);
      assert.equal(run.status, 2, `${JSON.stringify(args)}: ${run.stderr}`);
    }
  });
});
