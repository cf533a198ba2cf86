/**
 * Hover, inlay hints, code lens, workspace symbols, go to definition and selection ranges on the
 * samples, with positions worked out from the text.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { tableLenses } from '../../server/src/core/features/codeLens';
import { definitionAt, narrativeClaims } from '../../server/src/core/features/definition';
import { hoverAt } from '../../server/src/core/features/hover';
import { inlayHints } from '../../server/src/core/features/inlayHints';
import { selectionChain } from '../../server/src/core/features/selectionRanges';
import { matchesQuery, reportSymbols } from '../../server/src/core/features/workspaceSymbols';
import { pdfText, sample } from '../support/paths';
import { blockRange, contentEnd, lastContentLineBefore, lineContaining, lineOf, lineRange, offsetOf, rangeIn, type Pos, type Rng } from './textLines';

function at(text: string, analysis: Analysis, pos: Pos): number {
  const offset = offsetOf(text, pos);
  assert.equal(analysis.model.lines.offsetAt(pos), offset);
  return offset;
}

function hover(text: string, pos: Pos): { range: Rng; markdown: string } | null {
  const analysis = analyze(text);
  const h = hoverAt(analysis, at(text, analysis, pos));
  return h && { range: analysis.model.lines.rangeOf(h.span), markdown: h.markdown };
}

describe('hover on a table cell: row, column, value, every identity with its values', () => {
  const { text } = sample('004');

  it('004 line 91 (row 一, 总计): names the row and column and shows the failing row sum', () => {
    const h = hover(text, { line: 90, character: 1 });
    assert.ok(h);
    assert.deepEqual(h.range, rangeIn(text, 90, '0'));
    const paragraphs = h.markdown.split('\n\n');
    assert.equal(paragraphs[0], '**一、本年新收政府信息公开申请数量** · **总计**');
    assert.equal(paragraphs[1], '表二（收到和处理政府信息公开申请情况）');
    assert.equal(paragraphs[2], '填报值：**0**');
    // The row sum (stated here) fails: 0 ≠ 1 + 0 + 0 + 0 + 0 + 0 = 1 — the values of lines 85–90.
    assert.equal(
      paragraphs[3],
      '❌ 行合计不成立：填报 0，按各项计算应为 1  \n' +
        '**总计** = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他  \n' +
        '**0** ≠ 1 + 0 + 0 + 0 + 0 + 0 = 1',
    );
    // The 总计 column's balance (a term here) holds: 四 0 = 一 0 + 二 0 − （七） 0.
    assert.equal(paragraphs[4], '✅ 勾稽关系成立  \n四 = **一** + 二 − （七）总计  \n0 = **0** + 0 − 0');
    assert.equal(paragraphs.length, 5);
  });

  it('004 line 85 (row 一, 自然人): a term of the failing row sum and of its column\'s balance', () => {
    const h = hover(text, { line: 84, character: 1 });
    assert.ok(h);
    assert.match(h.markdown, /^\*\*一、本年新收政府信息公开申请数量\*\* · \*\*自然人\*\*/u);
    assert.match(h.markdown, /填报值：\*\*1\*\*/u);
    assert.match(h.markdown, /❌ 行合计不成立：填报 0，按各项计算应为 1 {2}\n总计 = \*\*自然人\*\* \+ 商业企业/u);
    assert.match(h.markdown, /\n0 ≠ \*\*1\*\* \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 1/u);
    assert.match(h.markdown, /✅ 勾稽关系成立 {2}\n四 = \*\*一\*\* \+ 二 − （七）总计 {2}\n0 = \*\*1\*\* \+ 0 − 1/u);
    // …and of the outcome sum? No: row 一 is not an outcome.
    assert.doesNotMatch(h.markdown, /办理结果合计/u);
  });

  it('004 line 131 (（三）1.属于国家秘密, 总计): named with its group; row sum fails, outcome sum holds', () => {
    const h = hover(text, { line: 130, character: 1 });
    assert.ok(h);
    assert.match(h.markdown, /^\*\*（三）不予公开 1\.属于国家秘密\*\* · \*\*总计\*\*/u);
    assert.match(h.markdown, /❌ 行合计不成立：填报 0，按各项计算应为 1/u);
    assert.match(h.markdown, /✅ 办理结果合计成立 {2}\n（七）总计 = （一） \+ （二） \+ \*\*（三）1\*\* \+ （三）2/u);
  });

  it('003 line 336 (（七）总计, 自然人): the failing outcome sum with all 21 terms', () => {
    const { text: t3 } = sample('003');
    const h = hover(t3, { line: 335, character: 1 });
    assert.ok(h);
    assert.match(h.markdown, /^\*\*（七）总计\*\* · \*\*自然人\*\*/u);
    assert.match(
      h.markdown,
      /❌ 办理结果合计不成立：填报 7，按各项计算应为 8 {2}\n\*\*（七）总计\*\* = （一） \+ （二） \+ （三）1 .* \+ （六）3 {2}\n\*\*7\*\* ≠ 1 \+ 1 \+ 0 \+ 0 \+ 0 \+ 0 \+ 2 \+ 0 \+ 0 \+ 1 \+ 2 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 1 \+ 0 \+ 0 \+ 0 = 8/u,
    );
    assert.match(h.markdown, /✅ 行合计成立/u);
    assert.match(h.markdown, /✅ 勾稽关系成立 {2}\n四 = 一 \+ 二 − \*\*（七）总计\*\* {2}\n0 = 7 \+ 0 − \*\*7\*\*/u);
  });

  it('table C: the group and the outcome, the group sum within the group', () => {
    // 004: the 15 values of table C are the last 15 lines of `\t0` before section 五.
    const last = lastContentLineBefore(text, lineOf(text, '五、存在的主要问题及改进情况'));
    const h = hover(text, { line: last - 14, character: 1 });
    assert.ok(h);
    assert.match(h.markdown, /^\*\*行政复议\*\* · \*\*结果维持\*\*/u);
    assert.match(h.markdown, /✅ 分组合计成立 {2}\n总计 = \*\*结果维持\*\* \+ 结果纠正 \+ 其他结果 \+ 尚未审结 {2}\n0 = \*\*0\*\* \+ 0 \+ 0 \+ 0/u);
  });

  it('table A: the value only — the table has no identities', () => {
    const h = hover(text, { line: lineOf(text, '规章') + 1, character: 1 });
    assert.ok(h);
    assert.equal(h.markdown, '**规章** · **制发**\n\n表一（主动公开政府信息情况）\n\n填报值：**0**\n\n本表没有合计关系，此值只需为非负数');
  });

  it('002: a value with words is shown as written, an identity with a missing term as not checked', () => {
    const { text: t2 } = sample('002');
    const line = lineContaining(t2, '8件(撤销1件、警告7件)');
    const pos = rangeIn(t2, line, '8件(撤销1件、警告7件)').start;
    const h = hover(t2, pos);
    assert.ok(h);
    assert.match(h.markdown, /^\*\*行政处罚\*\* · \*\*处理决定\*\*/u);
    assert.match(h.markdown, /填写为「8件\(撤销1件、警告7件\)」，不是有效的数值/u);
    const newLine = lineContaining(t2, '一、本年新收政府信息公开申请数量');
    const valuePos = { line: newLine + 1, character: 0 };
    const v = hover(t2, valuePos);
    assert.ok(v);
    assert.match(v.markdown, /◻️ 行合计未核对：有单元格缺失或无法读取 {2}\n总计 = \*\*自然人\*\* \+ 商业企业 .* {2}\n\? \? \*\*\d+\*\* \+ \? \+ \? \+ \? \+ \? \+ \?/u);
  });

  it('no hover on white space or narrative text', () => {
    assert.equal(hover(text, { line: 91, character: 0 }), null); // the blank line after row 一
    assert.equal(hover(text, { line: 8, character: 10 }), null);
  });
});

describe('hover on a row label and on a section heading', () => {
  const { text } = sample('004');
  it('row label: the row\'s values by column', () => {
    const h = hover(text, { line: 83, character: 3 });
    assert.ok(h);
    assert.deepEqual(h.range, rangeIn(text, 83, '一、本年新收政府信息公开申请数量'));
    assert.equal(h.markdown, '**一、本年新收政府信息公开申请数量**（表二）\n\n自然人 1 · 商业企业 0 · 科研机构 0 · 社会公益组织 0 · 法律服务机构 0 · 其他 0 · 总计 0');
  });
  it('004 line 63 `2、 收到和处理…`: the format\'s heading, the numeral it should have, what it expects', () => {
    const h = hover(text, { line: 62, character: 0 });
    assert.ok(h);
    assert.deepEqual(h.range, lineRange(text, 62));
    assert.equal(
      h.markdown,
      '**三、收到和处理政府信息公开申请情况**\n\n此标题编号为「2、」，格式规定为「三、」\n\n表二：按申请人类别统计的收到和处理申请情况（7 列 × 25 行），须满足行合计、办理结果合计与勾稽关系。',
    );
  });
  it('a heading without numeral, and a correct one', () => {
    const { text: t3 } = sample('003');
    const missing = hover(t3, { line: 20, character: 2 });
    assert.ok(missing);
    assert.match(missing.markdown, /^\*\*二、主动公开政府信息情况\*\*\n\n此标题缺少编号，格式规定为「二、」\n\n表一：/u);
    const six = hover(text, { line: lineOf(text, '六、其他需要报告的事项'), character: 1 });
    assert.ok(six);
    assert.equal(six.markdown, '**六、其他需要报告的事项**\n\n须说明依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）发出收费通知的件数和总金额以及实际收取的总金额。');
  });
});

describe('inlay hints: the column after each value where the layout hides it', () => {
  it('004 (one cell per line): every cell of A, B and C; row 一 reads 自然人 … 总计', () => {
    const { text } = sample('004');
    const analysis = analyze(text);
    const hints = inlayHints(analysis);
    assert.equal(hints.length, 10 + 25 * 7 + 15);
    const first = lineOf(text, '一、本年新收政府信息公开申请数量');
    const range = { start: at(text, analysis, { line: first, character: 0 }), end: at(text, analysis, contentEnd(text, first + 7)) };
    const row = inlayHints(analysis, range);
    assert.deepEqual(
      row.map((h) => ({ pos: analysis.model.lines.positionAt(h.offset), label: h.label })),
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((label, i) => ({ pos: { line: first + 1 + i, character: 2 }, label })),
    );
    assert.equal(row[1]!.tooltip, '「一、本年新收政府信息公开申请数量」的「商业企业」');
    // Table A: 规章's three values.
    const rules = lineOf(text, '规章');
    assert.deepEqual(
      hints.slice(0, 3).map((h) => [analysis.model.lines.positionAt(h.offset).line, h.label]),
      [[rules + 1, '制发'], [rules + 2, '废止'], [rules + 3, '现行有效']],
    );
  });

  it('a blank cell (a lone tab) gets the hint of the column it leaves empty', () => {
    const { text } = sample('004');
    const analysis = analyze(text);
    // Lines 295–296: a tab, then the value `0` of column 其他 on the next line (a stray line break).
    const line = lineOf(text, '5.要求行政机关确认或重新出具已获取信息');
    const hints = inlayHints(analysis, { start: at(text, analysis, { line, character: 0 }), end: at(text, analysis, contentEnd(text, line + 8)) });
    assert.deepEqual(hints.map((h) => h.label), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    // 其他 sits after the value on line 296 (zero-based 295), not after the tab of line 295.
    assert.deepEqual(analysis.model.lines.positionAt(hints[5]!.offset), { line: 295, character: 1 });
  });

  it('pipe-flattened (002) and PDF text: columns are visible, no hints', () => {
    assert.deepEqual(inlayHints(analyze(sample('002').text)), []);
    assert.deepEqual(inlayHints(analyze(pdfText('003').text)), []);
  });

  it('digits run together: a hint between the digits of each value', () => {
    const head = '北京市某区民政局2023年政府信息公开工作年度报告一、总体情况本年共收到申请10件。二、主动公开政府信息情况三、收到和处理政府信息公开申请情况';
    const rows: [string, string][] = [
      ['一、本年新收政府信息公开申请数量', '100000010'],
      ['二、上年结转政府信息公开申请数量', '0000000'],
      ['三、本年度办理结果（一）予以公开', '8000008'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1000001'],
      ['（三）不予公开1.属于国家秘密', '0000000'],
      ['2.其他法律行政法规禁止公开', '0000000'],
      ['3.危及“三安全一稳定”', '0000000'],
      ['4.保护第三方合法权益', '0000000'],
      ['5.属于三类内部事务信息', '0000000'],
      ['6.属于四类过程性信息', '0000000'],
      ['7.属于行政执法案卷', '0000000'],
      ['8.属于行政查询事项', '0000000'],
      ['（四）无法提供1.本机关不掌握相关政府信息', '1000001'],
      ['2.没有现成信息需要另行制作', '0000000'],
      ['3.补正后申请内容仍不明确', '0000000'],
      ['（五）不予处理1.信访举报投诉类申请', '0000000'],
      ['2.重复申请', '0000000'],
      ['3.要求提供公开出版物', '0000000'],
      ['4.无正当理由大量反复申请', '0000000'],
      ['5.要求行政机关确认或重新出具已获取信息', '0000000'],
      ['（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0000000'],
      ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0000000'],
      ['3.其他', '0000000'],
      ['（七）总计', '100000010'],
      ['四、结转下年度继续办理', '0000000'],
    ];
    const text = head + rows.map(([l, d]) => l + d).join('') + '五、存在的主要问题及改进情况无。六、其他需要报告的事项无。';
    const analysis = analyze(text);
    assert.equal(analysis.model.tables.B?.layout, 'run-together');
    const hints = inlayHints(analysis);
    // Row 一: `10` `0` `0` `0` `0` `0` `10` — the identities split the run.
    const runStart = text.indexOf('一、本年新收政府信息公开申请数量') + '一、本年新收政府信息公开申请数量'.length;
    assert.deepEqual(
      hints.slice(0, 7).map((h) => [h.offset - runStart, h.label]),
      [[2, '自然人'], [3, '商业企业'], [4, '科研机构'], [5, '社会公益组织'], [6, '法律服务机构'], [7, '其他'], [9, '总计']],
    );
    assert.equal(hints.length, 25 * 7);
  });
});

describe('code lens above each table with identities', () => {
  it('004: table B — 3 fail, the first on line 91; table C — all 3 hold', () => {
    const { text } = sample('004');
    const analysis = analyze(text);
    const lenses = tableLenses(analysis).map((l) => ({
      table: l.table, range: analysis.model.lines.rangeOf(l.span), title: l.title, target: l.target && analysis.model.lines.rangeOf(l.target),
    }));
    assert.deepEqual(lenses, [
      { table: 'B', range: lineRange(text, 62), title: '勾稽关系：3 项不成立，36 项成立', target: rangeIn(text, 90, '0') },
      { table: 'C', range: lineRange(text, lineOf(text, '四、政府信息公开行政复议、行政诉讼情况')), title: '勾稽关系：3 项全部成立', target: null },
    ]);
  });
  it('000: 39 and 3 identities all hold', () => {
    assert.deepEqual(tableLenses(analyze(sample('000').text)).map((l) => l.title), ['勾稽关系：39 项全部成立', '勾稽关系：3 项全部成立']);
  });
  it('003: two failures, the first on line 336', () => {
    const { text } = sample('003');
    const analysis = analyze(text);
    const [b] = tableLenses(analysis);
    assert.equal(b!.title, '勾稽关系：2 项不成立，37 项成立');
    assert.deepEqual(analysis.model.lines.rangeOf(b!.target!), rangeIn(text, 335, '7'));
  });
  it('002: rows with one value of seven leave the identities unchecked', () => {
    const lenses = tableLenses(analyze(sample('002').text));
    assert.deepEqual(lenses.map((l) => [l.table, l.holds, l.fails, l.notEvaluated]), [['B', 1, 0, 38], ['C', 0, 0, 3]]);
    assert.deepEqual(lenses.map((l) => l.title), ['勾稽关系：1 项成立，38 项无法核对', '勾稽关系：3 项无法核对']);
  });
});

describe('workspace symbols: sections and tables named with the body', () => {
  it('003: 北京市西城区民政局 › …', () => {
    const { text } = sample('003');
    const analysis = analyze(text);
    const symbols = reportSymbols(analysis, '003.txt').map((s) => ({ name: s.name, range: analysis.model.lines.rangeOf(s.span) }));
    const body = '北京市西城区民政局';
    const h = (s: string): Rng => lineRange(text, lineOf(text, s));
    assert.deepEqual(symbols, [
      { name: `${body} › 一、总体情况`, range: h('一、总体情况') },
      { name: `${body} › 主动公开政府信息情况`, range: h('主动公开政府信息情况') },
      { name: `${body} › 表一 主动公开政府信息情况`, range: h('规章') },
      { name: `${body} › 三、收到和处理政府信息公开申请情况`, range: h('三、收到和处理政府信息公开申请情况') },
      { name: `${body} › 表二 收到和处理政府信息公开申请情况`, range: h('一、本年新收政府信息公开申请数量') },
      { name: `${body} › 四、政府信息公开行政复议、行政诉讼情况`, range: h('四、政府信息公开行政复议、行政诉讼情况') },
      { name: `${body} › 表三 政府信息公开行政复议、行政诉讼情况`, range: h('四、政府信息公开行政复议、行政诉讼情况') },
      { name: `${body} › 五、存在的主要问题及改进情况`, range: h('五、存在的主要问题及改进情况') },
      { name: `${body} › 六、其他需要报告的事项`, range: h('六、其他需要报告的事项') },
    ]);
  });
  it('a report whose title names no body is named by the fallback', () => {
    const { text } = sample('004');
    const symbols = reportSymbols(analyze(text.replace('北京市大兴区退役军人事务局', '')), 'daxing.txt');
    assert.equal(symbols[0]!.name, 'daxing.txt › 一、总体情况');
  });
  it('query matching: characters in order, white space ignored', () => {
    assert.equal(matchesQuery('北京市西城区民政局 › 三、收到和处理政府信息公开申请情况', '西城 收到'), true);
    assert.equal(matchesQuery('北京市西城区民政局 › 三、收到和处理政府信息公开申请情况', '收到 西城'), false);
    assert.equal(matchesQuery('北京市西城区民政局 › 表二 收到和处理政府信息公开申请情况', ''), true);
    assert.equal(matchesQuery('daxing.txt › 一、总体情况', 'DAX'), true);
  });
});

describe('go to definition: from a narrative claim to its cells', () => {
  const { text } = sample('004');
  const analysis = analyze(text);
  // Line 9: `共收到各类政府信息公开申请1件` — the number is table B row 一, 总计 (line 91).
  const claimRange = rangeIn(text, 8, '1件');
  const span = { start: offsetOf(text, claimRange.start), end: offsetOf(text, claimRange.end) };
  const claim = { span, table: 'B' as const, cells: [{ row: 'new', column: 'total' }] };

  it('the narrative checks\' claim: 1件 leads to table B 一、本年新收 总计 (line 91)', () => {
    assert.deepEqual(narrativeClaims(analysis), [claim]);
    assert.deepEqual(definitionAt(analysis, span.start).map((l) => analysis.model.lines.rangeOf(l.target)), [rangeIn(text, 90, '0')]);
    assert.deepEqual(definitionAt(analysis, span.start - 1), []);
  });
  it('a claim leads to its cell, from on or just after the number', () => {
    for (const offset of [span.start, span.start + 1, span.end]) {
      const links = definitionAt(analysis, offset, [claim]);
      assert.deepEqual(links.map((l) => analysis.model.lines.rangeOf(l.target)), [rangeIn(text, 90, '0')]);
      assert.deepEqual(links[0]!.origin, span);
    }
    assert.deepEqual(definitionAt(analysis, span.start - 1, [claim]), []);
  });
  it('a figure that sums cells leads to each; a cell the report lacks to none', () => {
    // 一 + 二 of the 总计 column: lines 91 and 100.
    const sum = { ...claim, cells: [{ row: 'new', column: 'total' }, { row: 'carried', column: 'total' }, { row: 'nonexistent', column: 'total' }] };
    const links = definitionAt(analysis, span.start, [sum]);
    assert.deepEqual(links.map((l) => analysis.model.lines.rangeOf(l.target)), [rangeIn(text, 90, '0'), rangeIn(text, 99, '0')]);
  });
});

describe('selection ranges: cell → row → group → table → section', () => {
  const { text } = sample('004');
  const analysis = analyze(text);
  const chain = (pos: Pos): Rng[] => selectionChain(analysis, offsetOf(text, pos)).map((s) => analysis.model.lines.rangeOf(s));
  const sectionLine = 62;
  const sectionEnd = lastContentLineBefore(text, lineOf(text, '四、政府信息公开行政复议、行政诉讼情况'));
  const tableStart = lineOf(text, '一、本年新收政府信息公开申请数量');

  it('004 line 91: cell, row 一, table B, section 三', () => {
    assert.deepEqual(chain({ line: 90, character: 1 }), [
      rangeIn(text, 90, '0'),
      blockRange(text, tableStart, 90),
      blockRange(text, tableStart, sectionEnd),
      blockRange(text, sectionLine, sectionEnd),
    ]);
  });
  it('004 line 131: cell, row 1.属于国家秘密, （三）不予公开, 三、本年度办理结果, table B, section 三', () => {
    const row = lineOf(text, '1.属于国家秘密');
    assert.deepEqual(chain({ line: 130, character: 1 }), [
      rangeIn(text, 130, '0'),
      blockRange(text, row, 130),
      blockRange(text, lineOf(text, '（三）不予公开'), lineOf(text, '8.属于行政查询事项') + 7),
      blockRange(text, lineOf(text, '三、本年度办理结果'), lineOf(text, '（七）总计') + 7),
      blockRange(text, tableStart, sectionEnd),
      blockRange(text, sectionLine, sectionEnd),
    ]);
  });
  it('narrative: subsection, section', () => {
    assert.deepEqual(chain({ line: 8, character: 10 }), [lineRange(text, 8), blockRange(text, 5, lastContentLineBefore(text, 13))]);
  });
  it('before the first section: nothing', () => {
    assert.deepEqual(chain({ line: 4, character: 3 }), []);
  });
});
