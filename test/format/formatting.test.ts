/**
 * Formatting tables (core/features/formatting.ts, lsp/features/formatting.ts): every sample, layout
 * fixture and PDF-extracted report (shared/pdf-text) rewritten in each layout and back keeps every
 * cell, row label and heading and gives the same findings; formatting twice changes nothing; the text
 * outside the tables is untouched; the LSP answers formatting and the conversion code actions.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DocumentFormattingRequest, DocumentRangeFormattingRequest } from 'vscode-languageserver/node';
import { analyze } from '../../server/src/core/analyze';
import { parseConfigFile } from '../../server/src/core/config';
import { formatTables, formattedText, layoutFor, readingDifferences, TABLE_LAYOUTS, tableRegion, tableRewrite } from '../../server/src/core/features/formatting';
import { TABLE_IDS } from '../../server/src/core/format/schema';
import { valuesChanged } from '../../server/src/core/keepsValues';
import { MemoryServer } from '../lsp/memoryServer';
import type { Analysis } from '../../server/src/core/analysis';
import { PDF_TEXT, PROJECT_ROOT, readTexts, SAMPLES, sample } from '../support/paths';

const pdfTexts = readTexts(PDF_TEXT, 'pdf-text');
const texts = [...readTexts(SAMPLES, 'samples'), ...readTexts(path.join(PROJECT_ROOT, 'test', 'fixtures', 'layouts'), 'layouts'), ...pdfTexts];

/**
 * Finding codes that may legitimately differ between layouts of the same values: none today. Every
 * `structure.*` finding (the sections, the tables' rows and labels, the preamble) is about the words
 * of the report, which formatting never changes, so all of them must survive a round trip. A code is
 * added here only with the reason it depends on the layout rather than on the report.
 */
const LAYOUT_SPECIFIC_CODES: readonly string[] = [];

/**
 * How many cells one `value.missing` finding names. The finding is worded after the layout: a row of
 * a pipe or Markdown table lists its empty cells in one finding (「X」缺少 6 个数值：…, or 只有 1 个数值，
 * 应有 7 个 when the values cannot be placed), a table of one cell per line has one finding per empty
 * cell (「X」的「a」为空). The cells themselves are the model's (compared by readingDifferences), so
 * these findings are compared by how many cells they name in all; every other finding word for word.
 */
function missingCells(message: string): number {
  const some = /缺少 (\d+) 个数值/u.exec(message);
  if (some) return Number(some[1]);
  const few = /只有 (\d+) 个数值，应有 (\d+) 个/u.exec(message);
  if (few) return Number(few[2]) - Number(few[1]);
  if (/为空/u.test(message)) return 1;
  throw new Error(`a value.missing finding this test cannot count: ${message}`);
}

/** The findings as a sorted list of code, severity and message (positions move with the layout), value.missing as its cell count. */
function findingsOf(analysis: Analysis): { findings: string[]; missingCells: number } {
  let missing = 0;
  const findings: string[] = [];
  for (const f of analysis.findings) {
    if (LAYOUT_SPECIFIC_CODES.includes(f.code)) continue;
    // Empty cells are worded after the layout, counted; a row whose values cannot be placed in their
    // columns says so in every layout, word for word (its table is never rewritten: that would place them).
    if (f.code === 'value.missing' && !/无法确定/u.test(f.message)) missing += missingCells(f.message);
    else findings.push(`${f.code} ${f.severity} ${f.message}`);
  }
  return { findings: findings.sort(), missingCells: missing };
}

/** Every table's lines and the text between them. */
function outside(text: string): string[] {
  const { model } = analyze(text);
  const regions = TABLE_IDS.flatMap((id) => tableRegion(model, id) ?? []).sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const r of regions) {
    parts.push(text.slice(at, r.start));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts;
}

describe('formatting: each layout and back keeps every value', () => {
  for (const { name, text } of texts) {
    it(name, () => {
      const original = analyze(text);
      for (const layout of TABLE_LAYOUTS) {
        const there = formattedText(original, layout);
        const thereAnalysis = analyze(there);
        assert.deepEqual(readingDifferences(original.model, thereAnalysis.model), [], `${name} → ${layout}`);
        assert.deepEqual(valuesChanged(original.model, thereAnalysis.model, []), [], `${name} → ${layout}`);
        assert.deepEqual(findingsOf(thereAnalysis), findingsOf(original), `${name} → ${layout}: findings`);
        // Formatting twice changes nothing.
        assert.equal(formattedText(thereAnalysis, layout), there, `${name} → ${layout} twice`);
        // Nothing outside the tables changes (as many pieces, each the same).
        if (there !== text) assert.deepEqual(outside(there), outside(text), `${name} → ${layout}: text outside the tables`);
        for (const back of TABLE_LAYOUTS) {
          const backAnalysis = analyze(formattedText(thereAnalysis, back));
          assert.deepEqual(readingDifferences(original.model, backAnalysis.model), [], `${name} → ${layout} → ${back}`);
          assert.deepEqual(findingsOf(backAnalysis), findingsOf(original), `${name} → ${layout} → ${back}: findings`);
        }
      }
    });
  }
});

describe('formatting: the PDF-extracted reports', () => {
  it('all three are in the round trip, each with findings to keep', () => {
    assert.deepEqual(pdfTexts.map((t) => t.name), ['pdf-text/001-huaian-hongzequ-2023.txt', 'pdf-text/002-huaian-hongzequ-2024.txt', 'pdf-text/003-huaian-shi-2024.txt']);
    for (const { name, text } of pdfTexts) assert.ok(analyze(text).findings.length > 0, name);
  });
  it('a value.missing finding is counted by the cells it names, whichever way it is worded', () => {
    assert.equal(missingCells('「规章」缺少 3 个数值：制发、废止、现行有效'), 3);
    assert.equal(missingCells('「四、结转下年度继续办理」只有 1 个数值，应有 7 个（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），无法确定已填的数值属于哪一列'), 6);
    assert.equal(missingCells('「规章」的「制发」为空，视为缺失，相关合计不予核对'), 1);
  });
});

describe('formatting: which tables are rewritten', () => {
  it('sample 002: table 二 has a row with 1 of its 7 values (which column is whose cannot be told): never rewritten, in no layout', () => {
    const a = analyze(sample('002').text);
    const partial = a.model.tables.B!.rows.filter((r) => r.cells.length > 0 && r.cells.length < r.spec.columns.length);
    assert.ok(partial.length > 0);
    assert.ok(a.findings.some((f) => f.code === 'value.missing' && /无法确定已填的数值属于哪一列/u.test(f.message)));
    for (const layout of TABLE_LAYOUTS) assert.deepEqual(tableRewrite(a, 'B', layout), { refused: 'not-rewritable' }, layout);
  });

  it('sample 004 (one cell per line): all three tables to Markdown; table 一 is already as the renderer writes it', () => {
    const a = analyze(sample('004').text);
    assert.equal(layoutFor(a.model, 'auto'), 'cell-per-line');
    assert.deepEqual(formatTables(a, 'markdown').length, 3);
    assert.deepEqual(tableRewrite(a, 'A', 'cell-per-line'), { refused: 'as-is' });
    // Alone, a Markdown table among cell-per-line text would not be read (one layout family per document): refused.
    const alone = tableRewrite(a, 'A', 'markdown');
    assert.equal('refused' in alone && alone.refused, 'reads-differently');
  });
  it('an in-memory report: the exact rewrite of table 三 in Markdown, the text around it kept', () => {
    const text = [
      '某局2024年政府信息公开工作年度报告',
      '四、政府信息公开行政复议、行政诉讼情况',
      '\t行政复议', '\t行政诉讼', '\t结果维持', '\t结果纠正', '\t其他结果', '\t尚未审结', '\t总计', '\t未经复议直接起诉', '\t复议后起诉',
      '\t结果维持', '\t结果纠正', '\t其他结果', '\t尚未审结', '\t总计', '\t结果维持', '\t结果纠正', '\t其他结果', '\t尚未审结', '\t总计',
      ...['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '2', '2'].map((v) => `\t${v}`),
      '',
      '五、存在的主要问题及改进情况',
      '无。',
    ].join('\n');
    const a = analyze(text);
    const edits = formatTables(a, 'markdown');
    assert.equal(edits.length, 1);
    const edit = edits[0]!;
    assert.equal(text.slice(0, edit.span.start), '某局2024年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n');
    assert.equal(text.slice(edit.span.end), '\n\n五、存在的主要问题及改进情况\n无。');
    assert.equal(
      edit.newText,
      [
        '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
        '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |',
        '| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
        '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 | 2 |',
      ].join('\n'),
    );
  });
});

describe('.govreportrc.json tableLayout', () => {
  it('a valid layout is read; an absent one leaves the default', () => {
    assert.deepEqual(parseConfigFile('{"tableLayout": "markdown"}'), { config: { rules: {} }, problems: [], tableLayout: 'markdown' });
    assert.deepEqual(parseConfigFile('{"rules": {}}'), { config: { rules: {} }, problems: [] });
  });
});

describe('language server: formatting and the conversion code actions', () => {
  let server: MemoryServer;
  const uri = 'file:///memory/004.txt';
  const text = sample('004').text;
  before(async () => {
    server = await MemoryServer.start();
    await server.open(uri, 'govreport', text);
  });
  after(() => { server.stop(); });

  it('textDocument/formatting: the document already as the default layout writes it gives the rewrites of tables 二 and 三 only', async () => {
    const edits = await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    const expected = formatTables(analyze(text), 'cell-per-line').map((e) => e.newText);
    assert.deepEqual(edits?.map((e) => e.newText), expected);
    assert.equal(expected.length, 2);
  });
  it('textDocument/rangeFormatting on table 二\'s first row: that table only', async () => {
    const a = analyze(text);
    const line = a.model.lines.lineAt(a.model.tables.B!.rows[0]!.labelSpan.start);
    const edits = await server.connection.sendRequest(DocumentRangeFormattingRequest.type, {
      textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 1 } }, options: { tabSize: 4, insertSpaces: true },
    });
    assert.equal(edits?.length, 1);
    assert.equal(edits[0]!.range.start.line, a.model.lines.lineAt(tableRegion(a.model, 'B')!.start));
  });
  it('code actions (refactor.rewrite) on table 二: the table alone in each layout it reads back in, and all tables in each', async () => {
    const a = analyze(text);
    const line = a.model.lines.lineAt(a.model.tables.B!.rows[0]!.labelSpan.start);
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [], only: ['refactor'] },
    });
    assert.deepEqual(
      (actions ?? []).map((x) => ('kind' in x ? `${x.kind} ${x.title}` : x.title)),
      ['refactor.rewrite 转换为每格一行', 'refactor.rewrite 转换为竖线表格', 'refactor.rewrite 全部表格转换为每格一行', 'refactor.rewrite 全部表格转换为竖线表格', 'refactor.rewrite 全部表格转换为 Markdown 表格'],
    );
  });
});
