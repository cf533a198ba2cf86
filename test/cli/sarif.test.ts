/**
 * `check --format sarif` as GitHub code scanning reads it: one reportingDescriptor per finding code
 * (its own short and full description, help, helpUri to docs/rules/<code>.md, default level) in the
 * chosen language, results that point to their rule by ruleId and ruleIndex, the config's levels
 * when every report shares one config, and the files not checked as tool execution notifications.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { run, type Io } from '../../server/src/cli/main';
import { RULE_DOCS } from '../../server/src/core/messages/ruleDocs';
import { CODES } from '../../server/src/core/rules/codes';
import { sample } from '../support/paths';

interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string; enabled?: boolean };
  properties: { tags: string[] };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
}
interface Log {
  version: string;
  $schema: string;
  runs: { tool: { driver: { name: string; version: string; rules: Rule[] } }; language: string; invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[]; columnKind: string; results: Result[] }[];
}

let dir = '';
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-sarif-'));
  for (const folder of ['plain', 'configured', 'other']) fs.mkdirSync(path.join(dir, folder));
  fs.writeFileSync(path.join(dir, 'plain', '004.txt'), sample('004').text);
  fs.writeFileSync(path.join(dir, 'plain', 'notes.txt'), '会议纪要\n一、会议议题\n');
  fs.writeFileSync(path.join(dir, 'configured', '004.txt'), sample('004').text);
  fs.writeFileSync(path.join(dir, 'configured', '.govreportrc.json'), JSON.stringify({ rules: { sum: 'warning', 'text.year': 'off', 'text.table-mismatch': 'hint' } }));
  fs.writeFileSync(path.join(dir, 'other', '001.txt'), sample('001').text);
});
after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

function sarif(folders: readonly string[], options: readonly string[] = []): Log {
  const out: string[] = [];
  const io: Io = { stdout: (t) => void out.push(t), stderr: () => undefined, stdoutIsTTY: false, env: {}, cwd: dir };
  run(['check', '--format', 'sarif', ...options, ...folders.map((f) => path.join(dir, f))], io);
  return JSON.parse(out.join('')) as Log;
}

/** What GitHub code scanning requires of an upload (docs.github.com, "SARIF support for code scanning"). */
function assertCodeScanningShape(log: Log): void {
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.runs.length, 1);
  const { rules } = log.runs[0]!.tool.driver;
  assert.equal(log.runs[0]!.tool.driver.name, 'govreport');
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids unique');
  for (const r of rules) {
    assert.ok(r.shortDescription.text.length > 0 && r.shortDescription.text.length <= 1024, `${r.id} shortDescription`);
    assert.ok(r.fullDescription.text.length > 0 && r.fullDescription.text.length <= 1024, `${r.id} fullDescription`);
    assert.ok(['error', 'warning', 'note', 'none'].includes(r.defaultConfiguration.level), `${r.id} level`);
    assert.ok(URL.canParse(r.helpUri), `${r.id} helpUri absolute`);
  }
  for (const x of log.runs[0]!.results) {
    assert.equal(rules[x.ruleIndex]!.id, x.ruleId, 'ruleIndex points to the rule of ruleId');
    assert.ok(['error', 'warning', 'note', 'none'].includes(x.level));
    assert.ok(x.message.text.length > 0);
    const { uri } = x.locations[0]!.physicalLocation.artifactLocation;
    assert.ok(!uri.startsWith('/') && !uri.includes(':'), `${uri}: relative to the checkout`);
    assert.ok(x.locations[0]!.physicalLocation.region.startLine >= 1);
  }
}

describe('--format sarif: rules', () => {
  test('--lang en: one rule per code, its own English texts, its page, its default level; results by ruleIndex', () => {
    const log = sarif(['plain'], ['--lang', 'en']);
    assertCodeScanningShape(log);
    const runLog = log.runs[0]!;
    assert.equal(runLog.language, 'en');
    assert.deepEqual(runLog.tool.driver.rules.map((r) => r.id), CODES.map((c) => c.code));
    // The four sum.* codes no longer share one description.
    assert.deepEqual(runLog.tool.driver.rules.slice(0, 4), [
      {
        id: 'sum.row',
        shortDescription: { text: 'A row sum of table 二 does not hold: 总计 is not the sum of the applicant columns' },
        fullDescription: { text: 'In every row of table 二, 总计 must equal the sum of the applicant columns (自然人 and the five 法人或其他组织 columns).' },
        help: { text: `${RULE_DOCS['sum.row']!.en.why} ${RULE_DOCS['sum.row']!.en.fix}` },
        helpUri: 'https://govreport.invalid/docs/rules/sum.row.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['sum'] },
      },
      {
        id: 'sum.outcome',
        shortDescription: { text: 'An outcome sum of table 二 does not hold: （七）总计 is not the sum of outcomes （一）–（六）' },
        fullDescription: { text: RULE_DOCS['sum.outcome']!.en.full },
        help: { text: `${RULE_DOCS['sum.outcome']!.en.why} ${RULE_DOCS['sum.outcome']!.en.fix}` },
        helpUri: 'https://govreport.invalid/docs/rules/sum.outcome.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['sum'] },
      },
      {
        id: 'sum.balance',
        shortDescription: { text: 'The balance of table 二 does not hold: new + carried over ≠ handled + carried forward' },
        fullDescription: { text: RULE_DOCS['sum.balance']!.en.full },
        help: { text: `${RULE_DOCS['sum.balance']!.en.why} ${RULE_DOCS['sum.balance']!.en.fix}` },
        helpUri: 'https://govreport.invalid/docs/rules/sum.balance.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['sum'] },
      },
      {
        id: 'sum.group',
        shortDescription: { text: 'A group sum of table 三 does not hold: 总计 is not the sum of the four outcomes' },
        fullDescription: { text: RULE_DOCS['sum.group']!.en.full },
        help: { text: `${RULE_DOCS['sum.group']!.en.why} ${RULE_DOCS['sum.group']!.en.fix}` },
        helpUri: 'https://govreport.invalid/docs/rules/sum.group.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['sum'] },
      },
    ]);
    const level = (code: string): string => runLog.tool.driver.rules.find((r) => r.id === code)!.defaultConfiguration.level;
    assert.deepEqual(['value.missing', 'structure.title', 'structure.preamble', 'structure.placeholder'].map(level), ['warning', 'note', 'note', 'error']);
    const index = (code: string): number => CODES.findIndex((c) => c.code === code);
    assert.deepEqual(
      runLog.results.map((x) => [x.ruleId, x.ruleIndex, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri, x.locations[0]!.physicalLocation.region]),
      [
        ['text.table-mismatch', index('text.table-mismatch'), 'warning', 'plain/004.txt', { startLine: 9, startColumn: 32, endLine: 9, endColumn: 34 }],
        ['structure.section-numbering', index('structure.section-numbering'), 'warning', 'plain/004.txt', { startLine: 63, startColumn: 1, endLine: 63, endColumn: 3 }],
        ['sum.row', 0, 'error', 'plain/004.txt', { startLine: 91, startColumn: 2, endLine: 91, endColumn: 3 }],
        ['sum.row', 0, 'error', 'plain/004.txt', { startLine: 131, startColumn: 2, endLine: 131, endColumn: 3 }],
        ['sum.row', 0, 'error', 'plain/004.txt', { startLine: 342, startColumn: 2, endLine: 342, endColumn: 3 }],
      ],
    );
    assert.match(runLog.results[2]!.message.text, /^The row total does not hold: /u);
    // The file not checked: a notification, in English too.
    assert.deepEqual(runLog.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'note', descriptor: { id: 'not-checked/not-report' }, message: { text: `${path.join(dir, 'plain', 'notes.txt')}: its beginning does not read like an annual report` }, locations: [{ physicalLocation: { artifactLocation: { uri: 'plain/notes.txt' } } }] },
        ],
      },
    ]);
  });

  test('Chinese by default: the rules\' texts in Chinese, language zh-CN', () => {
    const log = sarif(['plain']);
    assertCodeScanningShape(log);
    const rule = log.runs[0]!.tool.driver.rules.find((r) => r.id === 'sum.group')!;
    assert.equal(log.runs[0]!.language, 'zh-CN');
    assert.deepEqual([rule.shortDescription.text, rule.fullDescription.text, rule.help.text], [
      '表三的分组合计不成立：「总计」不等于四种结果之和',
      '表三的行政复议、未经复议直接起诉、复议后起诉三组，各组「总计」应等于结果维持、结果纠正、其他结果、尚未审结之和。',
      `${RULE_DOCS['sum.group']!.zh.why}${RULE_DOCS['sum.group']!.zh.fix}`,
    ]);
  });

  test('one config over every report: its levels are the rules\' default levels, a code turned off is disabled', () => {
    const log = sarif(['configured']);
    assertCodeScanningShape(log);
    const config = (code: string): Rule['defaultConfiguration'] => log.runs[0]!.tool.driver.rules.find((r) => r.id === code)!.defaultConfiguration;
    assert.deepEqual(['sum.row', 'sum.group', 'text.year', 'text.table-mismatch', 'value.invalid'].map(config), [
      { level: 'warning' },
      { level: 'warning' },
      { level: 'warning', enabled: false },
      { level: 'note' },
      { level: 'error' },
    ]);
    assert.deepEqual(log.runs[0]!.results.map((x) => [x.ruleId, x.level]), [
      ['text.table-mismatch', 'note'],
      ['structure.section-numbering', 'warning'],
      ['sum.row', 'warning'],
      ['sum.row', 'warning'],
      ['sum.row', 'warning'],
    ]);
  });

  test('reports under different configs: the defaults (each result keeps its own level)', () => {
    const log = sarif(['configured', 'other']);
    const config = (code: string): Rule['defaultConfiguration'] => log.runs[0]!.tool.driver.rules.find((r) => r.id === code)!.defaultConfiguration;
    assert.deepEqual(['sum.row', 'text.year'].map(config), [{ level: 'error' }, { level: 'warning' }]);
    const sumLevels = new Set(log.runs[0]!.results.filter((x) => x.ruleId.startsWith('sum.')).map((x) => `${x.locations[0]!.physicalLocation.artifactLocation.uri} ${x.level}`));
    assert.ok(sumLevels.has('configured/004.txt warning'));
    assert.ok([...sumLevels].filter((l) => l.startsWith('other/')).every((l) => l.endsWith(' error')));
  });
});
