/**
 * The language server as an editor sees it: `dist/server.js --stdio` in a child process, spoken to
 * over JSON-RPC. Expected ranges are computed from the sample texts (0-based lines, UTF-16 characters).
 */
import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'url';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { analyze } from '../../server/src/core/analyze';
import { toDiagnostic } from '../../server/src/core/diagnostic';
import { RULE_DOCS_BASE_URL } from '../../server/src/core/messages/ruleDocs';
import { NOT_A_REPORT } from '../../server/src/core/notReport';
import { LineIndex } from '../../server/src/core/text';
import { pdfText, sample } from '../support/paths';
import { TestClient } from './client';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The range of the (trimmed) text on a 0-based line, e.g. the `0` after the tab: characters 1–2. */
function cellRange(text: string, line: number): Range {
  const lineText = new LineIndex(text).lineText(line);
  const start = lineText.search(/\S/u);
  assert.ok(start >= 0, `line ${line} has a value`);
  return { start: { line, character: start }, end: { line, character: lineText.trimEnd().length } };
}

function errorsOf(code: string, text: string, lines: readonly number[]) {
  return lines.map((line) => ({ code, range: cellRange(text, line), severity: 1, source: 'govreport' }));
}

function sumDiagnostics(params: PublishDiagnosticsParams) {
  return params.diagnostics
    .filter((d) => String(d.code).startsWith('sum.'))
    .map((d) => ({ code: d.code, range: d.range, severity: d.severity, source: d.source }));
}

/** The diagnostics of the core's own analysis of a text, converted by the shared conversion, each with its code's page. */
function coreDiagnostics(text: string, uri: string): Diagnostic[] {
  const analysis = analyze(text);
  return analysis.findings.map((f) => ({ ...toDiagnostic(f, analysis.model.lines, uri), codeDescription: { href: `${RULE_DOCS_BASE_URL}${f.code}.md` } }));
}

const s004 = sample('004');
const s003 = sample('003');
const uri004 = pathToFileURL(s004.file).href;
const uri003 = pathToFileURL(s003.file).href;

describe('language server over stdio', () => {
  let client: TestClient;
  let capabilities: unknown;

  before(async () => {
    const started = await TestClient.start();
    client = started.client;
    capabilities = started.initialized.capabilities;
  });

  after(async () => {
    const { result, exitCode } = await client.stop();
    assert.equal(result, null, 'shutdown answers null');
    assert.equal(exitCode, 0, 'exit after shutdown ends the process with status 0');
    assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'no error logged');
  });

  it('initialize: incremental sync and UTF-16 positions', () => {
    // Other features add their providers (test/nav checks the navigation ones).
    const { positionEncoding, textDocumentSync } = capabilities as Record<string, unknown>;
    assert.deepEqual({ positionEncoding, textDocumentSync }, { positionEncoding: 'utf-16', textDocumentSync: { openClose: true, change: 2 } });
  });

  it('004 on open: sum.row on the 总计 cells of lines 90, 130 and 341, with the version', async () => {
    const from = client.published.length;
    const sent = performance.now();
    await client.open(uri004, s004.text, 41);
    const published = await client.waitForPublish((p) => p.uri === uri004, from);
    console.log(`# 004 didOpen → publishDiagnostics: ${(performance.now() - sent).toFixed(1)} ms`);
    assert.equal(published.version, 41);
    assert.deepEqual(sumDiagnostics(published), errorsOf('sum.row', s004.text, [90, 130, 341]));
    assert.deepEqual(cellRange(s004.text, 90), { start: { line: 90, character: 1 }, end: { line: 90, character: 2 } });
    // Row 一's six applicant cells (lines 84–89) are the terms of the first one.
    const first = published.diagnostics.find((d) => d.code === 'sum.row');
    const related = (first?.relatedInformation ?? []).map((r) => r.location);
    for (let line = 84; line <= 89; line++) {
      assert.ok(related.some((l) => l.uri === uri004 && l.range.start.line === line && l.range.start.character === 1), `related term on line ${line}`);
    }
    // Everything published is the core's analysis, converted by the shared conversion, and nothing else.
    assert.deepEqual(published.diagnostics, coreDiagnostics(s004.text, uri004));
  });

  it('003 on open: sum.outcome at lines 335 and 336 (自然人 one over, 商业企业 one under)', async () => {
    const from = client.published.length;
    await client.open(uri003, s003.text, 1);
    const published = await client.waitForPublish((p) => p.uri === uri003, from);
    assert.equal(published.version, 1);
    assert.deepEqual(sumDiagnostics(published), errorsOf('sum.outcome', s003.text, [335, 336]));
    await client.close(uri003);
  });

  it('ranges count UTF-16 code units: a character outside the BMP before the cell counts 2', async () => {
    // PDF text, one row per line: row 一's 总计 changed from 21 to 20, and 𠀀 (U+20000) after the label.
    const { text: original } = pdfText('001');
    const lines = original.split('\n');
    const row = lines[95]!;
    assert.ok(row.startsWith('一、本年新收政府信息公开申请数量') && row.endsWith(' 21'));
    lines[95] = row.replace('申请数量', '申请数量𠀀').replace(/21$/u, '20');
    const text = lines.join('\n');
    const uri = 'untitled:astral.txt';
    const from = client.published.length;
    await client.open(uri, text, 1);
    const published = await client.waitForPublish((p) => p.uri === uri, from);
    const character = lines[95].lastIndexOf('20');
    assert.equal(Array.from(lines[95]).length, lines[95].length - 1, 'one surrogate pair on the line');
    const rowSum = published.diagnostics.filter((d) => d.code === 'sum.row');
    assert.deepEqual(rowSum.map((d) => d.range), [{ start: { line: 95, character }, end: { line: 95, character: character + 2 } }]);
    await client.close(uri);
  });

  it('a didChange that fixes a number: its diagnostic disappears, the others stay', async () => {
    const from = client.published.length;
    const sent = performance.now();
    // Line 90 (row 一, 总计) from 0 to 1.
    await client.change(uri004, 42, [{ range: { start: { line: 90, character: 1 }, end: { line: 90, character: 2 } }, text: '1' }]);
    // A publish of the previous version may still be on its way (a loaded machine): wait for this one.
    const published = await client.waitForPublish((p) => p.uri === uri004 && p.version === 42, from);
    console.log(`# 004 didChange → publishDiagnostics: ${(performance.now() - sent).toFixed(1)} ms`);
    assert.equal(published.version, 42);
    assert.deepEqual(published.diagnostics.filter((d) => d.range.start.line === 90), [], 'nothing left on line 90');
    assert.deepEqual(
      sumDiagnostics(published).filter((d) => d.code === 'sum.row'),
      errorsOf('sum.row', s004.text, [130, 341]),
    );
  });

  it('two changes arriving together: nothing is published for the first, outdated version', async () => {
    const from = client.published.length;
    const cell = (line: number, text: string) => ({ range: { start: { line, character: 1 }, end: { line, character: 2 } }, text });
    const change = (version: number, contentChanges: object[]) => ({
      method: 'textDocument/didChange',
      params: { textDocument: { uri: uri004, version }, contentChanges },
    });
    // Version 43 sets line 130 (（三）1.属于国家秘密, 总计) to 5; version 44 sets it and line 341
    // ((七)总计, 总计) to 1: with line 90 fixed before, the 总计 column is right throughout.
    client.writeTogether([change(43, [cell(130, '5')]), change(44, [cell(130, '1'), cell(341, '1')])]);
    const published = await client.waitForPublish((p) => p.uri === uri004 && p.version === 44, from);
    assert.deepEqual(
      // Version 42's publish may still arrive late; what must never come is one for 43.
      client.published.slice(from).filter((p) => p.uri === uri004 && (p.version ?? 0) > 42).map((p) => p.version),
      [44],
      'only version 44 published',
    );
    assert.deepEqual(sumDiagnostics(published), [], 'every identity holds');
  });

  it('close clears the document\'s diagnostics', async () => {
    const from = client.published.length;
    await client.close(uri004);
    const published = await client.waitForPublish((p) => p.uri === uri004, from);
    assert.deepEqual(published.diagnostics, []);
  });

  it('a plain text that is not a report gets one information diagnostic and nothing else', async () => {
    const uri = 'untitled:notes.txt';
    const text = '\n  会议纪要\n今天讨论了三件事：一、预算；二、人员；三、总计 5 项工作。\n';
    const from = client.published.length;
    await client.open(uri, text, 1);
    const published = await client.waitForPublish((p) => p.uri === uri, from);
    assert.deepEqual(
      published.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range })),
      [{ code: NOT_A_REPORT, severity: 3, range: { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } } }],
    );
    await client.close(uri);
  });
});

/** A deterministic pseudo-random generator, so that a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('language server never crashes on any text', () => {
  let client: TestClient;
  before(async () => {
    client = (await TestClient.start()).client;
  });
  after(() => { client.kill(); });

  const next = random(20240601);
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  let units = '';
  for (let i = 0; i < 64 * 1024; i++) units += String.fromCharCode(Math.floor(next() * 0x10000)); // lone surrogates included
  const flat = s004.text.replace(/\s+/gu, '');
  const inputs: [string, string][] = [
    ['random bytes read as UTF-8', bytes.toString('utf8')],
    ['random UTF-16 code units', units],
    ['one line of 200 KB (sample 004 run together, repeated)', flat.repeat(Math.ceil(200_000 / flat.length))],
    ['one line of 200 KB of digits', '1234567890'.repeat(20_000)],
    ['empty text', ''],
    ['only line breaks of every kind', '\r\n\r\r\n\n\u2028\u000c'.repeat(1000)],
  ];

  for (const [name, text] of inputs) {
    it(`${name}: diagnostics are published and the server carries on`, async () => {
      const uri = `untitled:garbage-${inputs.findIndex(([n]) => n === name)}.txt`;
      const from = client.published.length;
      const sent = performance.now();
      await client.open(uri, text, 1);
      const published = await client.waitForPublish((p) => p.uri === uri, from);
      console.log(`# ${name}: ${text.length} UTF-16 units, didOpen → publish ${(performance.now() - sent).toFixed(1)} ms, ${published.diagnostics.length} diagnostics`);
      assert.equal(published.version, 1);
      for (const d of published.diagnostics) {
        assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, 'a range inside the document');
      }
      const analysis = analyze(text);
      if (!analysis.model.isReport) assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [[NOT_A_REPORT, 3]]);
      await client.close(uri);
    });
  }

  it('afterwards: still reads a report right, logged no error, and answers shutdown', async () => {
    const from = client.published.length;
    await client.open(uri004, s004.text, 1);
    const published = await client.waitForPublish((p) => p.uri === uri004, from);
    assert.deepEqual(sumDiagnostics(published), errorsOf('sum.row', s004.text, [90, 130, 341]));
    assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'no error logged');
    const { result, exitCode } = await client.stop();
    assert.equal(result, null);
    assert.equal(exitCode, 0);
  });
});
