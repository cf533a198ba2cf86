/**
 * The CLI in two languages (--lang, LC_ALL/LANG), with a config file (--config and
 * .govreportrc.json found above the report), and --format sarif.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run, type Io } from '../../server/src/cli/main';
import { CODES } from '../../server/src/core/rules/codes';
import { sample } from '../support/paths';

interface Recorded extends Io {
  readonly out: string[];
  readonly err: string[];
}

function io(env: Record<string, string> = {}, cwd?: string): Recorded {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), stdoutIsTTY: false, env, ...(cwd ? { cwd } : {}) };
}

/** The `code:severity` of each text-format line. */
const codes = (r: Recorded): string[] =>
  r.out
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = /^.+?:\d+:\d+ (\S+) (\S+) /u.exec(l)!;
      // The severity as the English word whatever the output's language (Chinese lines say 错误, 警告…).
      return `${m[2]}:${SEVERITY_WORDS[m[1]!] ?? m[1]}`;
    });

const SEVERITY_WORDS: Readonly<Record<string, string>> = { 错误: 'error', 警告: 'warning', 信息: 'information', 提示: 'hint' };

let dir: string;
let report: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-l10n-cli-'));
  fs.mkdirSync(path.join(dir, 'body', '2024'), { recursive: true });
  report = path.join(dir, 'body', '2024', 'report.txt');
  fs.writeFileSync(report, sample('004').text);
});
after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const ALL = ['text.table-mismatch:warning', 'structure.section-numbering:warning', 'sum.row:error', 'sum.row:error', 'sum.row:error'];

describe('govreport in two languages', () => {
  test('no --lang, no locale: Chinese; LANG=en_US.UTF-8: English; LC_ALL over LANG; --lang over both', () => {
    const zh = io();
    assert.equal(run(['check', report], zh), 1);
    assert.match(zh.out.join(''), /行合计不成立：「一、本年新收政府信息公开申请数量」的「总计」填报 0/u);
    assert.match(zh.err.join(''), /^检查了 1 份报告：1 份有错误，共 3 个错误、2 个警告\n$/u);

    const english = io({ LANG: 'en_US.UTF-8' });
    assert.equal(run(['check', report], english), 1);
    assert.match(english.out.join(''), /error sum\.row The row total does not hold: 「一、本年新收政府信息公开申请数量」\/「总计」 is 0/u);
    assert.equal(english.err.join(''), 'Checked 1 report: 1 with errors, 3 errors and 2 warnings in all\n');

    const lcAll = io({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' });
    run(['check', report], lcAll);
    assert.match(lcAll.err.join(''), /^检查了 1 份报告/u);

    const flag = io({ LC_ALL: 'zh_CN.UTF-8' });
    run(['check', '--lang', 'en', report], flag);
    assert.match(flag.err.join(''), /^Checked 1 report/u);
    const flagZh = io({ LANG: 'en_US.UTF-8' });
    run(['check', report, '--lang=zh'], flagZh);
    assert.match(flagZh.err.join(''), /^检查了 1 份报告/u);
  });

  test('the help and usage errors in the chosen language; an unknown --lang is a usage error', () => {
    const help = io();
    assert.equal(run(['--help', '--lang', 'en'], help), 0);
    assert.match(help.out.join(''), /^govreport \S+ — checks government information disclosure annual reports/u);
    assert.match(help.out.join(''), /--lang zh\|en/u);
    assert.match(help.out.join(''), /--format text\|json\|sarif/u);
    const helpZh = io();
    run(['--help'], helpZh);
    assert.match(helpZh.out.join(''), /--lang zh\|en {9}消息的语言/u);

    const bad = io();
    assert.equal(run(['check', '--lang', 'fr', report], bad), 2);
    assert.match(bad.err.join(''), /^govreport: 错误：不支持的语言「fr」（可选：zh、en）\n/u);
    const badEn = io({ LANG: 'en_US.UTF-8' });
    assert.equal(run(['check', '--lang=xx', report], badEn), 2);
    assert.match(badEn.err.join(''), /^govreport: error: unsupported language "xx" \(available: zh, en\)/u);
  });
});

describe('config files', () => {
  test('.govreportrc.json above the report switches a rule off and changes a severity; the nearest wins', () => {
    const before = io();
    run(['check', report], before);
    assert.deepEqual(codes(before), ALL);

    const outer = path.join(dir, '.govreportrc.json');
    fs.writeFileSync(outer, JSON.stringify({ rules: { 'structure.section-numbering': 'off', 'sum.row': 'warning' } }));
    try {
      const configured = io();
      assert.equal(run(['check', report], configured), 0);
      assert.deepEqual(codes(configured), ['text.table-mismatch:warning', 'sum.row:warning', 'sum.row:warning', 'sum.row:warning']);

      // A nearer file wins over the outer one, entirely.
      const inner = path.join(dir, 'body', '.govreportrc.json');
      fs.writeFileSync(inner, JSON.stringify({ rules: { text: 'off' } }));
      const nearest = io();
      assert.equal(run(['check', report], nearest), 1);
      assert.deepEqual(codes(nearest), ['structure.section-numbering:warning', 'sum.row:error', 'sum.row:error', 'sum.row:error']);
      fs.rmSync(inner);
    } finally {
      fs.rmSync(outer);
    }
  });

  test('--config FILE instead of discovery', () => {
    const elsewhere = path.join(dir, 'strict.json');
    fs.writeFileSync(elsewhere, JSON.stringify({ rules: { sum: 'off', 'structure.section-numbering': 'error' } }));
    fs.writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { structure: 'off' } }));
    try {
      const r = io();
      assert.equal(run(['check', '--config', elsewhere, report], r), 1);
      assert.deepEqual(codes(r), ['text.table-mismatch:warning', 'structure.section-numbering:error']);
      const missing = io();
      assert.equal(run(['check', '--config', path.join(dir, 'nope.json'), report], missing), 2);
      assert.match(missing.err.join(''), /govreport 配置文件 .*nope\.json 有 1 处问题，这些设置未生效：无法读取（文件不存在或已被删除）\n/u);
      assert.deepEqual(codes(missing), ALL);
    } finally {
      fs.rmSync(elsewhere);
      fs.rmSync(path.join(dir, '.govreportrc.json'));
    }
  });

  test('an invalid config file: one message, exit status 2, its valid entries still apply; never a crash', () => {
    const file = path.join(dir, '.govreportrc.json');
    fs.writeFileSync(file, '{"rules": {"sum.row": "off", "text.yaer": "off", "structure": "quiet"}}');
    try {
      const r = io({ LANG: 'en_US.UTF-8' });
      assert.equal(run(['check', report], r), 2);
      assert.deepEqual(codes(r), ['text.table-mismatch:warning', 'structure.section-numbering:warning']);
      assert.equal(
        r.err.join(''),
        `govreport: error: The govreport config file ${file} has 2 problems; they are ignored: "text.yaer" is neither a diagnostic code nor a family; "structure": "quiet" is not one of off, error, warning, information, hint\n` +
          'Checked 1 report: 0 with errors, 0 errors and 2 warnings in all; 1 path could not be checked\n',
      );
      fs.writeFileSync(file, '{"rules": ');
      const broken = io();
      assert.equal(run(['check', report], broken), 2);
      assert.deepEqual(codes(broken), ALL);
      assert.match(broken.err.join(''), /有 1 处问题，这些设置未生效：不是有效的 JSON/u);
    } finally {
      fs.rmSync(file);
    }
  });

  test('govreport fix leaves what a config file switches off', () => {
    const file = path.join(dir, '.govreportrc.json');
    fs.writeFileSync(file, JSON.stringify({ rules: { 'structure.section-numbering': 'off' } }));
    try {
      const off = io();
      assert.equal(run(['fix', report], off), 0);
      assert.equal(off.out.join(''), '');
    } finally {
      fs.rmSync(file);
    }
    const on = io();
    assert.equal(run(['fix', report], on), 1);
    assert.match(on.out.join(''), /^-2、 收到和处理政府信息公开申请情况\n\+三、 收到和处理政府信息公开申请情况$/mu);
  });
});

describe('--format sarif', () => {
  test('SARIF 2.1.0: the driver and its rules, results with relative locations and 1-based UTF-16 columns', () => {
    const r = io({ LANG: 'en_US.UTF-8' }, dir);
    assert.equal(run(['check', '--format', 'sarif', report], r), 1);
    const log = JSON.parse(r.out.join('')) as {
      version: string;
      $schema: string;
      runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } }; columnKind: string; results: Record<string, unknown>[] }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const runLog = log.runs[0]!;
    assert.equal(runLog.columnKind, 'utf16CodeUnits');
    assert.equal(runLog.tool.driver.name, 'govreport');
    assert.match(runLog.tool.driver.version, /^\d+\.\d+\.\d+/u);
    assert.equal('informationUri' in runLog.tool.driver, false);
    assert.deepEqual(runLog.tool.driver.rules.map((x) => x.id), CODES.map((c) => c.code));
    assert.ok(runLog.tool.driver.rules.every((x) => x.shortDescription.text.length > 0));
    assert.deepEqual(
      runLog.results.map((x) => [x['ruleId'], x['level'], x['ruleIndex']]),
      [
        ['text.table-mismatch', 'warning', CODES.findIndex((c) => c.code === 'text.table-mismatch')],
        ['structure.section-numbering', 'warning', CODES.findIndex((c) => c.code === 'structure.section-numbering')],
        ['sum.row', 'error', 0],
        ['sum.row', 'error', 0],
        ['sum.row', 'error', 0],
      ],
    );
    const first = runLog.results[0] as { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] };
    assert.match(first.message.text, /^The text says 「本单位共收到各类政府信息公开申请1件」/u);
    // The same place as the text format's 9:32.
    assert.deepEqual(first.locations, [{ physicalLocation: { artifactLocation: { uri: 'body/2024/report.txt' }, region: { startLine: 9, startColumn: 32, endLine: 9, endColumn: 34 } } }]);
    const sumRow = runLog.results[2] as { relatedLocations: { id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] };
    assert.ok(sumRow.relatedLocations.length >= 2);
    assert.ok(sumRow.relatedLocations.every((l) => l.physicalLocation.artifactLocation.uri === 'body/2024/report.txt'));
  });

  test('a path with spaces and Chinese characters is a percent-encoded relative URI', () => {
    const odd = path.join(dir, '年报 2024', 'a b.txt');
    fs.mkdirSync(path.dirname(odd), { recursive: true });
    fs.writeFileSync(odd, sample('001').text);
    const r = io({}, dir);
    run(['check', '--format=sarif', odd], r);
    const log = JSON.parse(r.out.join('')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = new Set(log.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['%E5%B9%B4%E6%8A%A5%202024/a%20b.txt']);
  });
});
