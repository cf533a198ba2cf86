/**
 * Web pages checked in place by the language server (in memory): a published page of 平潭综合实验区
 * (test/fixtures/html/007-pingtan-2024.html) and a copy with one <td> changed so that a row total
 * fails. Diagnostics stand on the cell's text in the HTML source; the quick fix edits the HTML;
 * the outline is mapped into the page; a page that is not a report gets nothing.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DocumentSymbolRequest, type CodeAction, type DocumentSymbol, type Range, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixture } from '../support/paths';
import { MemoryServer } from './memoryServer';

const PAGE = fixture('html', '007-pingtan-2024.html');
/** The 总计 cell of 「一、本年新收政府信息公开申请数量」 (table 二's first row): `<p …>218</p></td></tr>`. */
const TOTAL_CELL = '<p style="text-indent: 0em;">218</p></td></tr><tr';
const TOTAL_AT = PAGE.indexOf(TOTAL_CELL) + '<p style="text-indent: 0em;">'.length;
/** The same page with that total one too high: 219 where the row sums to 218. */
const BROKEN = PAGE.slice(0, TOTAL_AT) + '219' + PAGE.slice(TOTAL_AT + 3);

const range = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
const textAt = (text: string, r: Range): string => {
  const document = TextDocument.create('file:///x', 'html', 1, text);
  return text.slice(document.offsetAt(r.start), document.offsetAt(r.end));
};

describe('web pages checked in place (language server in memory)', () => {
  let server: MemoryServer;
  before(async () => {
    server = await MemoryServer.start();
  });
  after(() => { server.stop(); });

  it('the broken cell is the first row\'s total of table 二 (the fixture is what the test thinks)', () => {
    assert.ok(PAGE.lastIndexOf('本年新收政府信息公开申请数量', TOTAL_AT) > PAGE.lastIndexOf('<table', TOTAL_AT));
    assert.ok(PAGE.indexOf('上年结转政府信息公开申请数量', TOTAL_AT) > TOTAL_AT);
    assert.equal(PAGE.slice(PAGE.lastIndexOf('本年新收政府信息公开申请数量', TOTAL_AT), TOTAL_AT).split('<td').length - 1, 7);
    assert.equal(BROKEN.slice(TOTAL_AT, TOTAL_AT + 3), '219');
  });

  it('the published page: its two findings, on the text of the page', async () => {
    const uri = 'file:///reports/007-pingtan-2024.html';
    await server.open(uri, 'html', PAGE);
    const published = await server.publishedFor(uri);
    assert.deepEqual(
      published.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range })),
      [
        { code: 'structure.preamble', severity: 4, range: range(348, 115, 341) },
        { code: 'text.fee-statement', severity: 2, range: range(356, 13803, 13820) },
      ],
    );
    assert.equal(textAt(PAGE, published.diagnostics[1]!.range), '2024年，无收取信息处理费情况。');
  });

  it('a wrong total: sum.row on the <td> text 219 (0-based line 352, characters 1818–1821), sum.balance where it shows', async () => {
    const uri = 'file:///reports/broken.html';
    await server.open(uri, 'html', BROKEN);
    const published = await server.publishedFor(uri);
    const sums = published.diagnostics.filter((d) => String(d.code).startsWith('sum.'));
    assert.deepEqual(
      sums.map((d) => ({ code: d.code, severity: d.severity, range: d.range })),
      [
        { code: 'sum.row', severity: 1, range: range(352, 1818, 1821) },
        { code: 'sum.balance', severity: 1, range: range(356, 5971, 5972) },
      ],
    );
    assert.equal(textAt(BROKEN, sums[0]!.range), '219');
    assert.equal(published.version, 1);
  });

  it('the quick fix edits the HTML: applied, the cell reads 218 again and the page is the published one', async () => {
    const uri = 'file:///reports/broken.html';
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: range(352, 1819, 1819),
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'sum.row');
    assert.ok(fix, `a quick fix for sum.row among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.title, '将「一、本年新收政府信息公开申请数量」的「总计」改为 218');
    const change = fix.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.deepEqual(change.edits, [{ range: range(352, 1818, 1821), newText: '218' }]);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'html', 1, BROKEN), change.edits);
    assert.equal(fixed.slice(TOTAL_AT - 29, TOTAL_AT + 12), '<p style="text-indent: 0em;">218</p></td>');
    assert.equal(fixed, PAGE);
    // No fix-all on a page: it would rewrite the report text, which has no faithful place in the HTML.
    const fixAll = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: range(0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(fixAll, []);
  });

  it('the outline: the six sections, each heading selected in the page source', async () => {
    const uri = 'file:///reports/007-pingtan-2024.html';
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const sections = symbols.flatMap((s) => (s.kind === 2 ? [s] : s.children ?? [])).filter((s) => s.kind === 2);
    assert.deepEqual(
      sections.map((s) => textAt(PAGE, s.selectionRange).replace(/<[^>]*>/gu, '').replace(/\s+/gu, '')),
      sections.map((s) => s.name.replace(/\s+/gu, '')),
    );
    assert.equal(sections.length, 6);
    // A table's row symbol selects its label in the page.
    const table = sections[2]!.children!.find((c) => c.kind === 23)!;
    const firstRow = table.children!.flatMap((c) => (c.kind === 8 ? [c] : c.children ?? []))[0]!;
    assert.match(textAt(PAGE, firstRow.selectionRange), /本年新收政府信息公开申请数量/u);
  });

  it('a page that is not a report: no diagnostics at all, no outline', async () => {
    const uri = 'file:///site/news.html';
    await server.open(uri, 'html', '<!doctype html><html><head><title>新闻动态</title></head><body><nav>首页</nav><p>今天召开了工作会议。</p></body></html>');
    assert.deepEqual((await server.publishedFor(uri)).diagnostics, []);
    assert.deepEqual(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
  });

  it('an HTML document whose name is not a page\'s (a template): left alone, even when it holds a report', async () => {
    const uri = 'file:///site/report.tmpl';
    await server.open(uri, 'html', BROKEN);
    assert.deepEqual((await server.publishedFor(uri)).diagnostics, []);
  });
});
