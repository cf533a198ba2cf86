/**
 * The navigation features through the language server protocol: `dist/server.js --stdio` in a child
 * process, a workspace folder holding copies of the samples, requests as an editor sends them.
 * Expected ranges are worked out from the sample texts (0-based lines, UTF-16 characters).
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'url';
import {
  SymbolKind,
  type CodeLens,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type LocationLink,
  type SelectionRange,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { pdfText, sample } from '../support/paths';
import { expectedSections, HEADINGS, TABLE_OF_SECTION } from './expected';
import { NavClient } from './lspClient';
import { blockRange, contentEnd, lastContentLine, lastContentLineBefore, lineOf, lineRange, rangeIn, type Rng } from './textLines';

const SAMPLES = ['000', '001', '002', '003', '004'] as const;
const PDF = ['001', '002', '003'] as const;

describe('navigation over the language server protocol', () => {
  let client: NavClient;
  let capabilities: Record<string, unknown>;
  let folder: string;
  const files = new Map<string, { uri: string; text: string }>();

  before(async () => {
    // A workspace folder: the five samples, one in a subfolder, and a text file that is no report.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-nav-'));
    fs.mkdirSync(path.join(folder, 'sub'));
    fs.mkdirSync(path.join(folder, 'node_modules'));
    for (const prefix of SAMPLES) {
      const s = sample(prefix);
      const file = path.join(folder, prefix === '002' ? 'sub' : '', s.name);
      fs.writeFileSync(file, s.text);
      files.set(prefix, { uri: pathToFileURL(file).href, text: s.text });
    }
    fs.writeFileSync(path.join(folder, 'notes.txt'), '会议纪要\n今天讨论了工作安排。\n');
    // Not scanned: a report inside node_modules.
    fs.writeFileSync(path.join(folder, 'node_modules', 'copy.txt'), sample('003').text);
    for (const prefix of PDF) {
      const p = pdfText(prefix);
      files.set(`pdf-${prefix}`, { uri: pathToFileURL(p.file).href, text: p.text });
    }
    const started = await NavClient.start([{ uri: pathToFileURL(folder).href, name: 'reports' }]);
    client = started.client;
    capabilities = started.initialized.capabilities as Record<string, unknown>;
  });

  after(async () => {
    const { exitCode } = await client.stop();
    assert.equal(exitCode, 0);
    assert.deepEqual(client.logs.filter((l) => l.type === 1), [], 'no error logged');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const file = (key: string): { uri: string; text: string } => files.get(key)!;
  const request = <R>(method: string, params: object): Promise<R> => client.connection.sendRequest<R>(method, params);
  const opened = new Set<string>();
  const open = async (key: string): Promise<{ uri: string; text: string }> => {
    const f = file(key);
    if (!opened.has(key)) {
      await client.open(f.uri, f.text);
      opened.add(key);
    }
    return f;
  };

  it('initialize: the navigation providers are announced', () => {
    const keys = ['documentSymbolProvider', 'foldingRangeProvider', 'hoverProvider', 'inlayHintProvider', 'codeLensProvider', 'workspaceSymbolProvider', 'definitionProvider', 'selectionRangeProvider'];
    const navigation = Object.fromEntries(keys.filter((k) => k in capabilities).map((k) => [k, capabilities[k]]));
    assert.deepEqual(navigation, {
      documentSymbolProvider: { label: '年报结构' },
      foldingRangeProvider: true,
      hoverProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      definitionProvider: true,
      selectionRangeProvider: true,
    });
  });

  describe('documentSymbol: sections in order with exact ranges, tables under their sections, no row as a section', () => {
    for (const key of [...SAMPLES, ...PDF.map((p) => `pdf-${p}`)]) {
      it(key, async () => {
        const { uri, text } = await open(key);
        const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(symbols[0]!.kind, SymbolKind.File, 'the title first');
        const sections = symbols.slice(1);
        assert.deepEqual(
          sections.map((s) => ({ name: s.name, range: s.range, selection: s.selectionRange })),
          expectedSections(text, HEADINGS[key]!),
        );
        assert.ok(sections.every((s) => s.kind === SymbolKind.Module), 'only sections after the title');
        for (const s of sections) {
          const title = Object.keys(TABLE_OF_SECTION).find((t) => s.name.endsWith(t));
          const tables = (s.children ?? []).filter((c) => c.kind === SymbolKind.Struct);
          assert.deepEqual(tables.map((t) => t.name), title ? [TABLE_OF_SECTION[title]] : [], s.name);
          for (const t of tables) {
            assert.ok(t.range.start.line >= s.range.start.line && t.range.end.line <= s.range.end.line, `${t.name} inside ${s.name}`);
          }
        }
      });
    }

    it('004: table B\'s rows 一, 二, 三 (with （一）…（七）), 四 and their ranges', async () => {
      const { uri, text } = await open('004');
      const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const section = symbols.find((s) => s.name === '2、 收到和处理政府信息公开申请情况')!;
      assert.equal(section.range.start.line, 62);
      const b = section.children!.find((c) => c.name === '表二')!;
      assert.equal(b.detail, '收到和处理政府信息公开申请情况 · 每格一行');
      assert.deepEqual(b.children!.map((c) => [c.name, c.kind]), [
        ['一、本年新收政府信息公开申请数量', SymbolKind.Field],
        ['二、上年结转政府信息公开申请数量', SymbolKind.Field],
        ['三、本年度办理结果', SymbolKind.Array],
        ['四、结转下年度继续办理', SymbolKind.Field],
      ]);
      const outcomes = b.children![2]!;
      assert.deepEqual(outcomes.children!.map((c) => c.name.slice(0, 3)), ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）']);
      assert.deepEqual(outcomes.range, blockRange(text, lineOf(text, '三、本年度办理结果'), lineOf(text, '（七）总计') + 7));
      assert.deepEqual(b.children![0]!.range, blockRange(text, lineOf(text, '一、本年新收政府信息公开申请数量'), 90));
    });
  });

  it('foldingRange 004: sections, tables and row groups, exact lines', async () => {
    const { uri, text } = await open('004');
    const ranges = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const h = (s: string): number => lineOf(text, s);
    const end = (next: string): number => lastContentLineBefore(text, h(next));
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine]),
      [
        [h('一、总体情况'), end('二、主动公开政府信息情况')],
        [h('二、主动公开政府信息情况'), end('2、 收到和处理政府信息公开申请情况')],
        [h('规章'), end('2、 收到和处理政府信息公开申请情况')],
        [h('2、 收到和处理政府信息公开申请情况'), end('四、政府信息公开行政复议、行政诉讼情况')],
        [h('一、本年新收政府信息公开申请数量'), end('四、政府信息公开行政复议、行政诉讼情况')],
        [h('三、本年度办理结果'), h('（七）总计') + 7],
        [h('（三）不予公开'), h('8.属于行政查询事项') + 7],
        [h('（四）无法提供'), h('3.补正后申请内容仍不明确') + 7],
        [h('（五）不予处理'), h('5.要求行政机关确认或重新出具已获取信息') + 8],
        [h('（六）其他处理'), h('3.其他') + 8],
        [h('四、政府信息公开行政复议、行政诉讼情况'), end('五、存在的主要问题及改进情况')],
        [h('五、存在的主要问题及改进情况'), end('六、其他需要报告的事项')],
        [h('六、其他需要报告的事项'), lastContentLine(text)],
      ],
    );
    assert.ok(ranges.every((r) => r.kind === 'region'));
  });

  describe('hover', () => {
    it('004 line 91: names 一、本年新收政府信息公开申请数量 and 总计 and shows the failing row sum', async () => {
      const { uri, text } = await open('004');
      const hover = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 90, character: 1 } });
      assert.deepEqual(hover.range, rangeIn(text, 90, '0'));
      const contents = hover.contents as { kind: string; value: string };
      assert.equal(contents.kind, 'markdown');
      assert.ok(contents.value.startsWith('**一、本年新收政府信息公开申请数量** · **总计**\n\n'), contents.value);
      assert.ok(
        contents.value.includes(
          '❌ 行合计不成立：填报 0，按各项计算应为 1  \n**总计** = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他  \n**0** ≠ 1 + 0 + 0 + 0 + 0 + 0 = 1',
        ),
        contents.value,
      );
      assert.ok(contents.value.includes('✅ 勾稽关系成立'), contents.value);
    });
    it('004 line 63: the heading `2、 收到和处理…` — the format\'s heading and what it expects', async () => {
      const { uri, text } = await open('004');
      const hover = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 62, character: 5 } });
      assert.deepEqual(hover.range, lineRange(text, 62));
      const value = (hover.contents as { value: string }).value;
      assert.ok(value.startsWith('**三、收到和处理政府信息公开申请情况**\n\n此标题编号为「2、」，格式规定为「三、」\n\n表二：'), value);
    });
    it('nothing on a blank line', async () => {
      const { uri } = await open('004');
      assert.equal(await request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 91, character: 0 } }), null);
    });
  });

  describe('inlayHint and the setting govreport.inlayHints.enabled', () => {
    it('004 row 一: 自然人 … 总计 after the seven values; asks the setting per document', async () => {
      const { uri, text } = await open('004');
      const first = lineOf(text, '一、本年新收政府信息公开申请数量');
      const hints = await request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: first, character: 0 }, end: contentEnd(text, first + 7) } });
      assert.deepEqual(
        hints.map((h) => [h.position, h.label, h.paddingLeft]),
        ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((label, i) => [{ line: first + 1 + i, character: 2 }, label, true]),
      );
      assert.equal(hints[6]!.tooltip, '「一、本年新收政府信息公开申请数量」的「总计」');
      // One workspace/configuration request per document (the settings service asks every govreport.* setting at once).
      assert.deepEqual(
        client.configurationRequests.filter((r) => r.scopeUri === uri && r.section === 'govreport.inlayHints.enabled'),
        [{ scopeUri: uri, section: 'govreport.inlayHints.enabled' }],
      );
    });
    it('002 (pipes): none', async () => {
      const { uri } = await open('002');
      const hints = await request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
      assert.deepEqual(hints, []);
    });
    it('turned off: the editor is asked to refresh, and no hints come', async () => {
      const { uri, text } = await open('004');
      client.settings.set('govreport.inlayHints.enabled', false);
      const refreshes = client.inlayHintRefreshes;
      await client.changeConfiguration();
      await client.until(() => client.inlayHintRefreshes > refreshes, 'workspace/inlayHint/refresh');
      const all = { start: { line: 0, character: 0 }, end: contentEnd(text, lastContentLine(text)) };
      assert.deepEqual(await request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: all }), []);
      client.settings.set('govreport.inlayHints.enabled', true);
      await client.changeConfiguration();
      const again = await request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: all });
      assert.equal(again.length, 10 + 25 * 7 + 15);
    });
  });

  describe('codeLens', () => {
    it('004: table B — 3 fail, a command to the first (line 91); table C — all hold, a plain label', async () => {
      const { uri, text } = await open('004');
      const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses, [
        { range: lineRange(text, 62), command: { title: '勾稽关系：3 项不成立，36 项成立', command: 'govreport.revealRange', arguments: [uri, rangeIn(text, 90, '0')] } },
        { range: lineRange(text, lineOf(text, '四、政府信息公开行政复议、行政诉讼情况')), command: { title: '勾稽关系：3 项全部成立', command: '' } },
      ]);
    });
    it('000: 39 and 3 all hold', async () => {
      const { uri } = await open('000');
      const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.deepEqual(lenses.map((l) => l.command?.title), ['勾稽关系：39 项全部成立', '勾稽关系：3 项全部成立']);
    });
  });

  describe('workspace/symbol: every report in the open folders', () => {
    it('`西城 收到` finds section 三 of 003, on disk, named with the body', async () => {
      const symbols = await request<SymbolInformation[]>('workspace/symbol', { query: '西城 收到' });
      const { uri, text } = file('003');
      assert.deepEqual(symbols.map((s) => ({ name: s.name, kind: s.kind, location: s.location })), [
        { name: '北京市西城区民政局 › 三、收到和处理政府信息公开申请情况', kind: SymbolKind.Module, location: { uri, range: lineRange(text, lineOf(text, '三、收到和处理政府信息公开申请情况')) } },
        { name: '北京市西城区民政局 › 表二 收到和处理政府信息公开申请情况', kind: SymbolKind.Struct, location: { uri, range: lineRange(text, lineOf(text, '一、本年新收政府信息公开申请数量')) } },
      ]);
    });
    it('an empty query: the five reports (one in a subfolder) and the reports open from elsewhere; nothing from notes.txt or node_modules', async () => {
      const symbols = await request<SymbolInformation[]>('workspace/symbol', { query: '' });
      const byUri = new Map<string, number>();
      for (const s of symbols) byUri.set(s.location.uri, (byUri.get(s.location.uri) ?? 0) + 1);
      // The PDF texts were opened by the documentSymbol tests above; they live outside the folder.
      const expected = [...SAMPLES.map((p) => file(p).uri), ...PDF.map((p) => file(`pdf-${p}`).uri)];
      assert.deepEqual([...byUri.keys()].sort(), expected.sort());
      // Six sections and three tables each; 002 lacks section 六.
      assert.deepEqual(SAMPLES.map((p) => byUri.get(file(p).uri)), [9, 9, 8, 9, 9]);
    });
    it('a new file is found, a changed file is read again', async () => {
      const extra = path.join(folder, 'sub', 'extra.txt');
      const uri = pathToFileURL(extra).href;
      const { text } = file('003');
      fs.writeFileSync(extra, text.replace('北京市西城区民政局', '北京市东城区民政局'));
      const found = await request<SymbolInformation[]>('workspace/symbol', { query: '东城' });
      assert.equal(found.length, 9);
      assert.ok(found.every((s) => s.location.uri === uri && s.name.startsWith('北京市东城区民政局 › ')));
      fs.writeFileSync(extra, text.replace('北京市西城区民政局', '北京市南城区民政局'));
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(extra, later, later);
      assert.deepEqual(await request<SymbolInformation[]>('workspace/symbol', { query: '东城' }), []);
      assert.equal((await request<SymbolInformation[]>('workspace/symbol', { query: '南城' })).length, 9);
    });
    it('an open document is taken as it stands in the editor, not as on disk', async () => {
      const { uri, text } = await open('003');
      await client.changeAll(uri, 2, text.replace('北京市西城区民政局', '北京市朝阳区民政局'));
      const editing = await request<SymbolInformation[]>('workspace/symbol', { query: '民政局 ›' });
      const names = editing.filter((s) => s.location.uri === uri).map((s) => s.name.split(' › ')[0]);
      assert.deepEqual([...new Set(names)], ['北京市朝阳区民政局']);
      await client.changeAll(uri, 3, text);
    });
  });

  it('definition: the narrative claim 1件 (line 9) leads to table B 一、本年新收 总计 (line 91); elsewhere nothing', async () => {
    const { uri } = await open('004');
    const text = file('004').text;
    // Line 9: `共收到各类政府信息公开申请1件`.
    const at = rangeIn(text, 8, '1件').start;
    const result = await request<(LocationLink | { uri: string; range: Rng })[] | null>('textDocument/definition', { textDocument: { uri }, position: at });
    assert.ok(result && result.length === 1);
    const target = 'targetRange' in result[0]! ? result[0].targetRange : result[0]!.range;
    assert.deepEqual(target, rangeIn(text, 90, '0'));
    assert.equal(await request<LocationLink[] | null>('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 2 } }), null);
  });

  it('selectionRange 004: cell → row → table → section at line 91; an empty range outside any structure', async () => {
    const { uri, text } = await open('004');
    const [cell, outside] = await request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line: 90, character: 1 }, { line: 4, character: 2 }],
    });
    const chain: Rng[] = [];
    for (let r: SelectionRange | undefined = cell; r; r = r.parent) chain.push(r.range);
    const tableStart = lineOf(text, '一、本年新收政府信息公开申请数量');
    const sectionEnd = lastContentLineBefore(text, lineOf(text, '四、政府信息公开行政复议、行政诉讼情况'));
    assert.deepEqual(chain, [rangeIn(text, 90, '0'), blockRange(text, tableStart, 90), blockRange(text, tableStart, sectionEnd), blockRange(text, 62, sectionEnd)]);
    assert.deepEqual(outside, { range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } } });
  });
});
