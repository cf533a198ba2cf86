/**
 * Rule configuration in the core (applyRuleConfig, reading a config file), and what the manifest
 * contributes for it: the schema and the setting generated from the registry, every manifest string
 * translated, the problem matcher parsing real `govreport check` lines.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyRuleConfig, configSchema, levelFor, mergeRuleConfigs, parseConfigFile, readRules, settingsRulesProperties } from '../../server/src/core/config';
import { zhCN } from '../../server/src/core/messages';
import { CODES, FAMILIES } from '../../server/src/core/rules/codes';
import { RULES } from '../../server/src/core/rules';
import { PROJECT_ROOT, sample, SAMPLES } from '../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    configuration: { properties: Record<string, { properties?: unknown }> };
    problemMatchers: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[];
    jsonValidation: { fileMatch: string; url: string }[];
  };
};

describe('applyRuleConfig', () => {
  const { text } = sample('004');
  const findings = analyze(text).findings;
  const codes = (fs: readonly { code: string; severity: string }[]): string[] => fs.map((f) => `${f.code}:${f.severity}`);

  test('sample 004 as it is', () => {
    assert.deepEqual(codes(findings), ['text.table-mismatch:warning', 'structure.section-numbering:warning', 'sum.row:error', 'sum.row:error', 'sum.row:error']);
  });
  test('a code off; a family to another severity; the most specific key wins', () => {
    assert.deepEqual(codes(applyRuleConfig(findings, { rules: { 'structure.section-numbering': 'off' } })), ['text.table-mismatch:warning', 'sum.row:error', 'sum.row:error', 'sum.row:error']);
    assert.deepEqual(codes(applyRuleConfig(findings, { rules: { sum: 'warning', text: 'off' } })), ['structure.section-numbering:warning', 'sum.row:warning', 'sum.row:warning', 'sum.row:warning']);
    assert.deepEqual(codes(applyRuleConfig(findings, { rules: { sum: 'off', 'sum.row': 'hint', structure: 'off' } })), ['text.table-mismatch:warning', 'sum.row:hint', 'sum.row:hint', 'sum.row:hint']);
    assert.equal(levelFor('sum.row', { rules: { 'sum.row': 'off', sum: 'error' } }), 'off');
    assert.equal(levelFor('sum.outcome', { rules: { 'sum.row': 'off', sum: 'error' } }), 'error');
    assert.equal(levelFor('value.missing', { rules: { sum: 'error' } }), undefined);
  });
  test('the findings themselves are not changed', () => {
    const before = JSON.stringify(findings);
    applyRuleConfig(findings, { rules: { sum: 'hint' } });
    assert.equal(JSON.stringify(findings), before);
  });
  test('config file over settings, key by key', () => {
    const merged = mergeRuleConfigs({ rules: { 'text.year': 'off', sum: 'hint' } }, { rules: { sum: 'warning' } });
    assert.deepEqual(merged, { rules: { 'text.year': 'off', sum: 'warning' } });
  });
});

describe('reading a config file', () => {
  test('valid', () => {
    assert.deepEqual(parseConfigFile('\ufeff{"$schema": "x", "rules": {"text.year": "off", "sum.row": "warning"}}'), { config: { rules: { 'text.year': 'off', 'sum.row': 'warning' } }, problems: [] });
  });
  test('not JSON: one problem with its position, nothing applied', () => {
    const read = parseConfigFile('{"rules": {"sum.row": "off" "text.year": "off"}}');
    assert.deepEqual(read.config, { rules: {} });
    assert.equal(read.problems.length, 1);
    const problem = read.problems[0]!;
    assert.deepEqual(problem, { kind: 'syntax', detail: 'CommaExpected', offset: 28 });
  });
  test('comments and trailing commas, as in VS Code settings', () => {
    const read = parseConfigFile('{\n  // 本地区不检查年份\n  "rules": { "text.year": "off", /* 合计 */ "sum.row": "warning", },\n}\n');
    assert.deepEqual(read, { config: { rules: { 'text.year': 'off', 'sum.row': 'warning' } }, problems: [] });
  });
  test('unknown keys, codes and levels are problems; the valid entries stay', () => {
    const read = parseConfigFile('{"rulez": 1, "rules": {"text.yaer": "off", "sum.row": "loud", "sum.group": 2, "value": "hint"}}');
    assert.deepEqual(read.config, { rules: { value: 'hint' } });
    assert.deepEqual(read.problems, [
      { kind: 'unknown-key', key: 'rulez' },
      { kind: 'unknown-rule', key: 'text.yaer' },
      { kind: 'bad-level', key: 'sum.row', value: 'loud' },
      { kind: 'bad-level', key: 'sum.group', value: '2' },
    ]);
    assert.deepEqual(parseConfigFile('[1]').problems, [{ kind: 'not-object' }]);
    assert.deepEqual(parseConfigFile('{"rules": []}').problems, [{ kind: 'rules-not-object' }]);
    assert.deepEqual(readRules(null), { config: { rules: {} }, problems: [] });
  });
  test('every problem has a message in both languages', () => {
    const read = parseConfigFile('{"rulez": 1, "rules": {"x": "off", "sum.row": "loud"}}');
    assert.deepEqual(
      read.problems.map((problem) => zhCN.configProblem({ problem })),
      ['未知的设置项「rulez」（可用：rules）', '「x」既不是诊断代码也不是类别', '「sum.row」的值「loud」不是 off、error、warning、information、hint 之一'],
    );
  });
});

describe('the registry, the schema and the setting', () => {
  test('CODES: every code of every rule, plus text.carry-over and structure.not-a-report; four families', () => {
    const fromRules = RULES.flatMap((r) => r.codes);
    assert.deepEqual(CODES.map((c) => c.code), [...fromRules, 'text.carry-over', 'structure.not-a-report']);
    assert.deepEqual(FAMILIES, ['sum', 'value', 'structure', 'text']);
  });
  test('schemas/govreportrc.schema.json is up to date (else: npm run schema)', () => {
    const written = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'schemas', 'govreportrc.schema.json'), 'utf8')) as unknown;
    assert.deepEqual(written, JSON.parse(JSON.stringify(configSchema())));
    const rules = (written as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
    assert.deepEqual(Object.keys(rules).sort(), [...FAMILIES, ...CODES.map((c) => c.code)].sort());
  });
  test('package.json: govreport.rules lists every code and family (else: npm run schema); the schema is contributed for .govreportrc.json', () => {
    assert.deepEqual(manifest.contributes.configuration.properties['govreport.rules']!.properties, settingsRulesProperties());
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.govreportrc.json', url: './schemas/govreportrc.schema.json' }]);
  });
});

describe('manifest strings', () => {
  const nls = (name: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, name), 'utf8')) as Record<string, string>;
  test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json, and nothing else', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8');
    const keys = [...new Set([...text.matchAll(/"%([^%"]+)%"/gu)].map((m) => m[1]!))].sort();
    assert.ok(keys.includes('config.rules') && keys.includes('displayName'), keys.join());
    assert.deepEqual(Object.keys(nls('package.nls.json')).sort(), keys);
    assert.deepEqual(Object.keys(nls('package.nls.zh-cn.json')).sort(), keys);
    for (const key of keys) assert.notEqual(nls('package.nls.json')[key], nls('package.nls.zh-cn.json')[key], key);
  });
  test('every setting and command has a translated description or title', () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8');
    const m = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> }; commands?: { title: string }[] } };
    for (const [name, p] of Object.entries(m.contributes.configuration.properties)) {
      const description = (p['markdownDescription'] ?? p['description']) as string;
      assert.match(description, /^%[^%]+%$/u, name);
    }
    for (const c of m.contributes.commands ?? []) assert.match(c.title, /^%[^%]+%$/u, c.title);
  });
  test('every vscode.l10n.t string of the client has a zh-cn translation', () => {
    const bundle = nls(path.join('l10n', 'bundle.l10n.zh-cn.json'));
    const dir = path.join(PROJECT_ROOT, 'client', 'src');
    const strings = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/gu)].map((m) => m[1]!));
    assert.ok(strings.length >= 1);
    for (const s of strings) assert.ok(bundle[s], `no zh-cn translation of "${s}"`);
  });
});

describe('the problem matcher', () => {
  const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'govreport')!;
  test('parses the lines govreport check writes (samples 001 and 004)', () => {
    const cli = path.join(PROJECT_ROOT, 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'check', '001_318a82d3163b8b1e.txt', '004_bf2c1b340b487aac.txt'], { cwd: SAMPLES, encoding: 'utf8', env: { ...process.env, LC_ALL: undefined, LANG: 'en_US.UTF-8' } });
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 8);
    const re = new RegExp(matcher.pattern.regexp, 'u');
    const parsed = lines.map((line) => {
      const m = re.exec(line);
      assert.ok(m, line);
      const p = matcher.pattern;
      return [m[p.file], Number(m[p.line]), Number(m[p.column]), m[p.severity], m[p.code], m[p.message]!.slice(0, 20)];
    });
    assert.deepEqual(parsed, [
      ['001_318a82d3163b8b1e.txt', 8, 1, 'warning', 'structure.subsection-numbering', 'The subsection marke'],
      ['001_318a82d3163b8b1e.txt', 10, 1, 'warning', 'structure.subsection-numbering', 'The subsection marke'],
      ['001_318a82d3163b8b1e.txt', 22, 1, 'warning', 'structure.section-numbering', 'The numeral 「2、」 of '],
      ['004_bf2c1b340b487aac.txt', 9, 32, 'warning', 'text.table-mismatch', 'The text says 「本单位共收'],
      ['004_bf2c1b340b487aac.txt', 63, 1, 'warning', 'structure.section-numbering', 'The numeral 「2、」 of '],
      ['004_bf2c1b340b487aac.txt', 91, 2, 'error', 'sum.row', 'The row total does n'],
      ['004_bf2c1b340b487aac.txt', 131, 2, 'error', 'sum.row', 'The row total does n'],
      ['004_bf2c1b340b487aac.txt', 342, 2, 'error', 'sum.row', 'The row total does n'],
    ]);
  });
  test('information becomes info (what VS Code reads as a severity), hint stays; a Windows path keeps its drive', () => {
    const re = new RegExp(matcher.pattern.regexp, 'u');
    const m = re.exec('C:\\reports\\a.txt:2:1 information structure.preamble 报告开头没有说明')!;
    assert.deepEqual([m[1], m[2], m[3], m[4], m[5], m[6]], ['C:\\reports\\a.txt', '2', '1', 'info', 'structure.preamble', '报告开头没有说明']);
    assert.equal(re.exec('a.txt:1:1 hint x.y z')![4], 'hint');
  });
});
