/**
 * Outline and folding on the five samples and the three PDF-extracted reports: sections in order
 * with their numerals as written, exact ranges worked out from the text, tables under their
 * sections, table B's rows nested as the format nests them, no table row posing as a section.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { foldingRegions } from '../../server/src/core/features/folding';
import { outline, type OutlineSymbol } from '../../server/src/core/features/outline';
import { TABLES } from '../../server/src/core/format/schema';
import { pdfText, sample } from '../support/paths';
import { expectedSections, HEADINGS, TABLE_OF_SECTION } from './expected';
import { blockRange, contentEnd, lastContentLine, lastContentLineBefore, lineOf, lineRange, linesOf, type Rng } from './textLines';

interface Flat {
  kind: string;
  name: string;
  range: Rng;
  selection: Rng;
  children: Flat[];
}

function outlineOf(text: string): Flat[] {
  const analysis = analyze(text);
  const lines = analysis.model.lines;
  const flat = (s: OutlineSymbol): Flat => ({
    kind: s.kind,
    name: s.name,
    range: lines.rangeOf(s.span),
    selection: lines.rangeOf(s.selectionSpan),
    children: s.children.map(flat),
  });
  return outline(analysis).map(flat);
}

const ALL_ROW_LABELS = new Set(Object.values(TABLES).flatMap((t) => t.rows.map((r) => r.label)));

function checkOutline(text: string, headings: readonly string[]): Flat[] {
  const symbols = outlineOf(text);
  const sections = symbols.filter((s) => s.kind === 'section');
  assert.deepEqual(
    sections.map((s) => ({ name: s.name, range: s.range, selection: s.selection })),
    expectedSections(text, headings),
  );
  // Nothing else at the top but the title, first.
  assert.deepEqual(symbols.map((s) => s.kind), ['title', ...headings.map(() => 'section')]);
  // No table row poses as a section.
  for (const s of sections) assert.ok(!ALL_ROW_LABELS.has(s.name.replace(/\s+/gu, '')), `${s.name} is a table row`);
  // Each table sits under its own section, and only there.
  for (const s of sections) {
    const title = Object.keys(TABLE_OF_SECTION).find((t) => s.name.endsWith(t));
    const tables = s.children.filter((c) => c.kind === 'table').map((c) => c.name);
    assert.deepEqual(tables, title ? [TABLE_OF_SECTION[title]] : [], s.name);
  }
  return symbols;
}

const B_TOP = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理'];
const B_OUTCOMES = ['（一）予以公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理', '（七）总计'];

function tableB(symbols: readonly Flat[]): Flat {
  const b = symbols.flatMap((s) => s.children).find((c) => c.name === '表二');
  assert.ok(b, 'table B in the outline');
  return b;
}

describe('outline: sections in order with their numerals as written, exact ranges', () => {
  it('000: section 二 without its numeral; the title broken over lines', () => {
    const { text } = sample('000');
    const symbols = checkOutline(text, HEADINGS['000']!);
    const title = symbols[0]!;
    assert.equal(title.name, '北京市通州区委社会工委区民政局2023年政府信息公开工作年度报告');
    // Lines 1–5 of the sample.
    assert.deepEqual(title.range, { start: { line: 0, character: 0 }, end: contentEnd(text, 4) });
  });

  it('001: section 二 numbered `2、`; section 一 subsections in two numbering styles', () => {
    const { text } = sample('001');
    const symbols = checkOutline(text, HEADINGS['001']!);
    const overview = symbols[1]!;
    assert.deepEqual(overview.children.map((c) => c.name.slice(0, 3)), ['（1）', '（2）', '（三）', '（四）', '（五）', '（六）', '（七）']);
    // （1） on line 8 runs to line 9, the line before （2）.
    const first = overview.children[0]!;
    assert.equal(first.kind, 'subsection');
    assert.deepEqual(first.range, blockRange(text, 7, lastContentLineBefore(text, 9)));
    assert.deepEqual(first.selection, { start: { line: 7, character: 0 }, end: { line: 7, character: 3 } });
  });

  it('002: section 六 missing — the other five and the three tables stay in place', () => {
    const { text } = sample('002');
    checkOutline(text, HEADINGS['002']!);
  });

  it('003: section 二 without its numeral', () => {
    const { text } = sample('003');
    checkOutline(text, HEADINGS['003']!);
  });

  it('004: section 三 numbered `2、` at line 63; table B nested 一 / 二 / 三 →（一）…（七）/ 四', () => {
    const { text } = sample('004');
    const symbols = checkOutline(text, HEADINGS['004']!);
    assert.equal(lineOf(text, '2、 收到和处理政府信息公开申请情况'), 62);
    const b = tableB(symbols);
    assert.deepEqual(b.children.map((c) => c.name), B_TOP);
    assert.deepEqual(b.children.map((c) => c.kind), ['row', 'row', 'rowGroup', 'row']);
    const outcomes = b.children[2]!;
    assert.deepEqual(outcomes.children.map((c) => c.name), B_OUTCOMES);
    assert.deepEqual(outcomes.children[2]!.children.map((c) => c.name.slice(0, 2)), ['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
    // Table B runs from row 一's label (after its tab) to row 四's last value, the last line before section 四.
    const first = lineOf(text, '一、本年新收政府信息公开申请数量');
    const last = lastContentLineBefore(text, lineOf(text, '四、政府信息公开行政复议、行政诉讼情况'));
    assert.deepEqual(b.range, blockRange(text, first, last));
    assert.deepEqual(b.selection, lineRange(text, first));
    // 三、本年度办理结果 covers its label to （七）总计's last value (the 7 lines after its label).
    const outcomesLine = lineOf(text, '三、本年度办理结果');
    const totalLine = lineOf(text, '（七）总计');
    assert.deepEqual(outcomes.range, blockRange(text, outcomesLine, totalLine + 7));
    // Row 一: its label and the 7 values below it (line 91 is its 总计).
    assert.deepEqual(b.children[0]!.range, blockRange(text, first, 90));
  });

  it('004: the subsection after a `[bookmark: _GoBack]` residue ends its predecessor on the line before', () => {
    const { text } = sample('004');
    const overview = outlineOf(text)[1]!;
    const [sixth, seventh] = overview.children.slice(5);
    assert.equal(sixth!.name, '（六）教育培训');
    assert.deepEqual(sixth!.range, lineRange(text, 11));
    assert.equal(seventh!.name, '（七）监督保障');
    const start = '[bookmark: _GoBack]'.length;
    assert.deepEqual(seventh!.selection, { start: { line: 12, character: start }, end: { line: 12, character: start + 3 } });
  });

  for (const [prefix, row4Line] of [['001', 131], ['002', 129], ['003', 196]] as const) {
    it(`pdf-text ${prefix}: headings indented, table rows at column 0 (四、结转下年度继续办理, line ${row4Line + 1}) are no sections`, () => {
      const { text } = pdfText(prefix);
      assert.match(linesOf(text)[row4Line]!, /^四、结转下年度继续办理\s+\d/u);
      const symbols = checkOutline(text, HEADINGS[`pdf-${prefix}`]!);
      const b = tableB(symbols);
      assert.equal(b.children.at(-1)!.name, '四、结转下年度继续办理');
      assert.deepEqual(b.children.at(-1)!.selection.start, { line: row4Line, character: 0 });
    });
  }

  it('pdf-text 001: rows read before their group label (printed down the margin) still nest under it', () => {
    const symbols = outlineOf(pdfText('001').text);
    const b = tableB(symbols);
    assert.deepEqual(b.children.map((c) => c.name), B_TOP);
    assert.deepEqual(b.children[2]!.children.map((c) => c.name), B_OUTCOMES);
  });

  it('a report without section 三\'s heading: table B goes under the section that contains it, the tree holds', () => {
    const { text } = sample('004');
    const without = text.replace('2、 收到和处理政府信息公开申请情况', '');
    const symbols = outlineOf(without);
    assert.deepEqual(symbols.filter((s) => s.kind === 'section').map((s) => s.name), ['一、总体情况', '二、主动公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    const proactive = symbols[2]!;
    assert.deepEqual(proactive.children.map((c) => c.name), ['表一', '表二']);
    for (const child of proactive.children) {
      assert.ok(child.range.start.line >= proactive.range.start.line && child.range.end.line <= proactive.range.end.line, `${child.name} inside its section`);
    }
  });

  it('text without headings: tables at the top; empty text: nothing', () => {
    const { text } = sample('004');
    const lines = linesOf(text);
    // The title (lines 2–3) and table B's rows (lines 84–351), no section heading.
    const tableOnly = [...lines.slice(0, 4), ...lines.slice(83, 351)].join('\n');
    const symbols = outlineOf(tableOnly);
    assert.deepEqual(symbols.map((s) => `${s.kind} ${s.name}`), ['title 北京市大兴区退役军人事务局2023年政府信息公开工作年度报告', 'table 表二']);
    assert.deepEqual(symbols[1]!.range, blockRange(tableOnly, 4, 4 + 350 - 83));
    assert.deepEqual(outlineOf(''), []);
  });
});

describe('folding: sections, subsections, tables and row groups, one region per start line', () => {
  it('004: exact line ranges', () => {
    const { text } = sample('004');
    const regions = foldingRegions(analyze(text)).map((r) => [r.kind, r.startLine, r.endLine]);
    const h = (s: string): number => lineOf(text, s);
    const sectionEnd = (next: string): number => lastContentLineBefore(text, h(next));
    assert.deepEqual(regions, [
      ['section', h('一、总体情况'), sectionEnd('二、主动公开政府信息情况')],
      // Subsections of section 一 are one line each here: nothing to fold.
      ['section', h('二、主动公开政府信息情况'), sectionEnd('2、 收到和处理政府信息公开申请情况')],
      ['table', h('规章'), sectionEnd('2、 收到和处理政府信息公开申请情况')],
      ['section', h('2、 收到和处理政府信息公开申请情况'), sectionEnd('四、政府信息公开行政复议、行政诉讼情况')],
      ['table', h('一、本年新收政府信息公开申请数量'), sectionEnd('四、政府信息公开行政复议、行政诉讼情况')],
      ['rowGroup', h('三、本年度办理结果'), h('（七）总计') + 7],
      ['rowGroup', h('（三）不予公开'), h('8.属于行政查询事项') + 7],
      ['rowGroup', h('（四）无法提供'), h('3.补正后申请内容仍不明确') + 7],
      // 5.要求行政机关确认… has a stray line break before one value: 8 lines.
      ['rowGroup', h('（五）不予处理'), h('5.要求行政机关确认或重新出具已获取信息') + 8],
      ['rowGroup', h('（六）其他处理'), h('3.其他') + 8],
      // Table C starts on section 四's heading line (its first cell follows the heading): the section's fold only.
      ['section', h('四、政府信息公开行政复议、行政诉讼情况'), sectionEnd('五、存在的主要问题及改进情况')],
      ['section', h('五、存在的主要问题及改进情况'), sectionEnd('六、其他需要报告的事项')],
      ['section', h('六、其他需要报告的事项'), lastContentLine(text)],
    ]);
  });

  it('001: subsections of two lines fold', () => {
    const { text } = sample('001');
    const subs = foldingRegions(analyze(text)).filter((r) => r.kind === 'subsection').map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(subs, [[7, 8], [9, 10], [11, 12], [13, 14], [15, 16], [17, 18], [19, 20]]);
  });
});
