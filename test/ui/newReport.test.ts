/** The New report command's text (core `renderNewReport`) and its input validation. */
import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { SECTIONS, TABLES, TABLE_IDS } from '../../server/src/core/format/schema';
import { bodyNameProblem, defaultReportYear, parseReportYear, renderNewReport } from '../../server/src/core/render/newReport';
import { PROJECT_ROOT } from '../support/paths';

const CASES = [
  { body: '北京市西城区民政局', year: 2024 },
  { body: '忻州市民政局', year: 2023 },
  { body: '北京市通州区潞城镇人民政府', year: 2021 },
  { body: '国家税务总局北京市税务局', year: 2025 },
  { body: '  某县退役军人事务局  ', year: 2008 },
];

/**
 * What a new report is told: everything in it is still to be written — its prompts for the narrative
 * (sections 一 and 五) and for the fees (六), and every table cell （待填） (one finding per row) — and
 * nothing else. It states no figure in the body's name.
 */
const promptsFor = (year: number): string[] => [
  '（请在此概述本年度政府信息公开工作总体情况。）',
  '（请在此说明本年度政府信息公开工作存在的主要问题及改进情况。）',
  `（请在此说明${year}年度收取信息处理费的情况：发出收费通知的件数和总金额，以及实际收取的总金额。）`,
];
/** Rows with values: table 一 has 6, table 二 25, table 三 one. */
const VALUE_ROWS = TABLE_IDS.reduce((n, id) => n + TABLES[id].rows.filter((r) => !r.children).length, 0);
const promptsOf = (text: string, findings: readonly { code: string; severity: string; span: { start: number; end: number } }[]): string[] =>
  findings.filter((f) => !/^（待填）/u.test(text.slice(f.span.start, f.span.end))).map((f) => `${f.severity} ${f.code} ${text.slice(f.span.start, f.span.end)}`);
const pendingRowsOf = (text: string, findings: readonly { code: string; severity: string; span: { start: number; end: number } }[]): number =>
  findings.filter((f) => f.code === 'structure.placeholder' && f.severity === 'error' && /^（待填）(?:\s+（待填）)*$/u.test(text.slice(f.span.start, f.span.end))).length;
const expectedFindings = (year: number): string[] => promptsFor(year).map((p) => `error structure.placeholder ${p}`);

describe('new report: a complete report whose only findings are what is left to write', () => {
  for (const { body, year } of CASES) {
    it(`${body.trim()} ${year}: only the prompts; title, six sections, three tables of （待填） one cell per line`, () => {
      const text = renderNewReport({ body, year });
      const analysis = analyze(text);
      assert.deepEqual(promptsOf(text, analysis.findings), expectedFindings(year));
      assert.equal(pendingRowsOf(text, analysis.findings), VALUE_ROWS);
      assert.equal(analysis.findings.length, 3 + VALUE_ROWS);
      const model = analysis.model;
      assert.equal(model.isReport, true);
      assert.equal(model.title?.text, `${body.trim()}${year}年政府信息公开工作年度报告`);
      assert.equal(model.title?.body, body.trim());
      assert.equal(model.year, year);
      assert.deepEqual(model.sections.map((s) => `${s.numeral}${s.title}`), SECTIONS.map((s) => `${s.numeral}、${s.title}`));
      for (const id of TABLE_IDS) {
        const table = model.tables[id];
        assert.equal(table?.layout, 'cell-per-line', id);
        const cells = table.rows.flatMap((r) => r.cells);
        const expected = TABLES[id].rows.filter((r) => !r.children).reduce((n, r) => n + r.columns.length, 0);
        assert.equal(cells.length, expected, id);
        assert.ok(cells.every((c) => c.state === 'missing' && c.value === null && c.raw === '（待填）'), id);
      }
      assert.ok(text.endsWith('\n') && !text.includes('\r'));
    });
  }

  it('with CRLF line endings: every line ends in CRLF, nothing else changes', () => {
    const lf = renderNewReport({ body: '某市民政局', year: 2024 });
    const crlf = renderNewReport({ body: '某市民政局', year: 2024, eol: '\r\n' });
    assert.equal(crlf, lf.replace(/\n/gu, '\r\n'));
    assert.deepEqual(promptsOf(crlf, analyze(crlf).findings), expectedFindings(2024));
    assert.equal(pendingRowsOf(crlf, analyze(crlf).findings), VALUE_ROWS);
  });

  it('`govreport check` says it is unfinished (exit 1, the prompts and the rows to fill in) as a .govreport and as a .txt file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-new-'));
    try {
      fs.writeFileSync(path.join(dir, '西城区民政局2024.govreport'), renderNewReport({ body: '北京市西城区民政局', year: 2024 }));
      fs.writeFileSync(path.join(dir, '忻州市民政局2023.txt'), renderNewReport({ body: '忻州市民政局', year: 2023 }));
      const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 1, r.stderr);
      const output = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[] };
      assert.deepEqual(
        output.files.map((f) => [path.basename(f.path), f.diagnostics.map((d) => d.code)]),
        [
          ['忻州市民政局2023.txt', Array<string>(3 + VALUE_ROWS).fill('structure.placeholder')],
          ['西城区民政局2024.govreport', Array<string>(3 + VALUE_ROWS).fill('structure.placeholder')],
        ],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('new report: what the input boxes accept', () => {
  it('body names', () => {
    assert.equal(bodyNameProblem('北京市西城区民政局'), null);
    assert.equal(bodyNameProblem(' 某局 '), null);
    assert.equal(bodyNameProblem(''), 'empty');
    assert.equal(bodyNameProblem('   '), 'empty');
    assert.equal(bodyNameProblem('某局\n某处'), 'line-break');
    assert.equal(bodyNameProblem('局'.repeat(61)), 'too-long');
    assert.equal(bodyNameProblem('局'.repeat(60)), null);
    assert.equal(bodyNameProblem('某局2024年'), 'has-year');
    assert.equal(bodyNameProblem('某局政府信息公开工作年度报告'), 'has-title');
  });

  it('years: four digits (full-width too, 年 allowed), from 2008 to next year', () => {
    const now = new Date(2025, 2, 1);
    assert.equal(defaultReportYear(now), 2024);
    assert.deepEqual(parseReportYear('2024', now), { year: 2024 });
    assert.deepEqual(parseReportYear(' ２０２３ ', now), { year: 2023 });
    assert.deepEqual(parseReportYear('2022年', now), { year: 2022 });
    assert.deepEqual(parseReportYear('2026', now), { year: 2026 });
    assert.deepEqual(parseReportYear('2027', now), { problem: 'out-of-range' });
    assert.deepEqual(parseReportYear('2007', now), { problem: 'out-of-range' });
    assert.deepEqual(parseReportYear('24', now), { problem: 'not-a-year' });
    assert.deepEqual(parseReportYear('二〇二四', now), { problem: 'not-a-year' });
    assert.deepEqual(parseReportYear('', now), { problem: 'not-a-year' });
  });
});
