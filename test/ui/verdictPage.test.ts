/** The reviewer's verdict page (core `renderVerdictPage`): one row per report, findings and tables behind it, no markup from the text. */
import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { toDiagnostic, type DiagnosticShape } from '../../server/src/core/diagnostic';
import { renderVerdictPage, type VerdictReport } from '../../server/src/core/features/verdictPage';
import { en } from '../../server/src/core/messages/en';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { PROJECT_ROOT, SAMPLES, sample } from '../support/paths';
import { unescapeHtml } from './html';

const NONCE = 'dmVyZGljdG5vbmNlMTIz';

function report(path: string, text: string): VerdictReport {
  const analysis = analyze(text);
  const diagnostics: DiagnosticShape[] = analysis.findings.map((f) => toDiagnostic(f, analysis.model.lines, `file:///${path}`));
  return { path, analysis, diagnostics };
}

/** The report rows' data attributes, in page order. */
function rows(html: string): Record<string, string>[] {
  return [...html.matchAll(/<tr class="report [^"]*"([^>]*)>/gu)].map((m) => Object.fromEntries([...m[1]!.matchAll(/ data-(\w+)="([^"]*)"/gu)].map((a) => [a[1]!, unescapeHtml(a[2]!)])));
}

/** The text of each finding item in the detail row of report `id`. */
function findings(html: string, id: string): string[] {
  const detail = html.slice(html.indexOf(`<tr class="detail" id="${id}-detail"`));
  const list = detail.slice(0, detail.indexOf('</ol>'));
  return [...list.matchAll(/<li class="sev-\d">(.*?)<\/li>/gu)].map((m) => unescapeHtml(m[1]!.replace(/<[^>]+>/gu, '')));
}

describe('verdict page', () => {
  const reports = ['000', '004'].map((p) => report(sample(p).name, sample(p).text));

  it('one row per report with its body, year and counts, the first failing identity named', () => {
    const html = renderVerdictPage(reports, [], { messages: zhCN, nonce: NONCE });
    const r = rows(html);
    assert.equal(r.length, 2);
    const r004 = r[1]!;
    const a004 = reports[1]!;
    assert.equal(r004['path'], sample('004').name);
    assert.equal(r004['body'], a004.analysis!.model.title!.body);
    assert.equal(r004['year'], String(a004.analysis!.model.year));
    assert.equal(r004['errors'], String(a004.diagnostics.filter((d) => d.severity === 1).length));
    assert.equal(r004['warnings'], String(a004.diagnostics.filter((d) => d.severity === 2).length));
    assert.equal(r004['first'], a004.diagnostics.find((d) => d.code.startsWith('sum.'))!.code);
    assert.equal(r004['outcome'], 'errors');
  });

  it("sample 004's detail lists its findings, the three sum.row among them, and draws its tables", () => {
    const html = renderVerdictPage(reports, [], { messages: zhCN, nonce: NONCE });
    const items = findings(html, 'r1');
    assert.equal(items.length, reports[1]!.diagnostics.length);
    const sums = items.filter((t) => t.includes(' sum.row '));
    assert.equal(sums.length, 3);
    const first = reports[1]!.diagnostics.find((d) => d.code === 'sum.row')!;
    assert.equal(sums[0], `第 ${first.range.start.line + 1} 行第 ${first.range.start.character + 1} 列 错误 sum.row ${first.message}`);
    const detail = html.slice(html.indexOf('id="r1-detail"'));
    assert.match(detail.slice(0, detail.indexOf('</div></td></tr>')), /<section class="table" id="table-B">/u);
  });

  it('a strict content security policy: one nonce for the one style and the one script, nothing remote', () => {
    const html = renderVerdictPage(reports, [], { messages: zhCN, nonce: NONCE });
    assert.match(html, new RegExp(`content="default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`, 'u'));
    assert.equal([...html.matchAll(/<script\b/gu)].length, 1);
    assert.equal([...html.matchAll(/<style\b/gu)].length, 1);
    assert.equal([...html.matchAll(/<script nonce="dmVyZGljdG5vbmNlMTIz">/gu)].length, 1);
    assert.doesNotMatch(html, /\b(?:src|href)="(?:https?:)?\/\//u);
  });

  it('hostile paths, bodies and messages stay text', () => {
    const hostile = '<script>alert(1)</script>"\'</style>javascript:x';
    const d: DiagnosticShape = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 1, code: 'sum.row', source: 'govreport', message: hostile };
    const html = renderVerdictPage([{ path: hostile, diagnostics: [d] }], [{ text: hostile }], { messages: en, nonce: NONCE });
    assert.equal([...html.matchAll(/<script\b/gu)].length, 1);
    assert.equal([...html.matchAll(/<\/style>/gu)].length, 1);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&lt;/style&gt;javascript:x'));
    assert.match(html, /<h2>Files not checked<\/h2>/u);
  });

  it('English words under --lang en', () => {
    const html = renderVerdictPage(reports, [{ text: 'x.txt: binary' }], { messages: en, nonce: NONCE });
    assert.match(html, /<html lang="en">/u);
    const errors = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 1).length, 0);
    assert.match(html, new RegExp(`<p class="summary" id="verdict-summary">2 reports, 1 with errors; ${errors} errors?, \\d+ warnings?; 1 file not checked\\.</p>`, 'u'));
  });
});

describe('govreport check --format html', () => {
  const cli = (format: string): { status: number | null; stdout: string } =>
    spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), 'check', '--format', format, '--lang', 'zh', SAMPLES], { encoding: 'utf8', maxBuffer: 64 << 20 });

  it('a row per report with the counts of --format json, exit status as for text', () => {
    const html = cli('html');
    const json = JSON.parse(cli('json').stdout) as { files: { path: string; diagnostics: { severity: number }[] }[] };
    assert.equal(html.status, 1);
    const r = rows(html.stdout).map((row) => [row['path'], Number(row['errors']), Number(row['warnings'])]);
    assert.deepEqual(
      r,
      json.files.map((f) => [f.path, f.diagnostics.filter((d) => d.severity === 1).length, f.diagnostics.filter((d) => d.severity === 2).length]),
    );
    assert.equal(r.length, 5);
    // Every report's tables drawn (the analyses were kept for the page).
    assert.equal([...html.stdout.matchAll(/<section class="table" id="table-B">/gu)].length, 5);
  });
});
