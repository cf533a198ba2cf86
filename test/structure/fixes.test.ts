/**
 * Every kind of fix, applied to real text and checked character by character: the exact edits
 * (where, what they replace, what they write), and a result that is the text with exactly those edits.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text';
import { pdfText, sample } from '../support/paths';
import { applyChecked, fixTitled, line, structureFixture } from './helpers';

interface ExpectedEdit {
  /** 1-based line, 0-based UTF-16 character, of the start and end. */
  readonly from: readonly [number, number];
  readonly to?: readonly [number, number];
  readonly old: string;
  readonly text: string;
}

/** Applies the fix titled `title` and checks its edits exactly; returns the fixed text. */
function applyExpecting(text: string, title: string, expected: readonly ExpectedEdit[], options: { safe: boolean; code?: string } = { safe: true }): string {
  const { finding, fix } = fixTitled(text, title, options.code);
  if (options.code) assert.equal(finding.code, options.code);
  assert.equal(fix.safe, options.safe, `${title}: safe is ${options.safe}`);
  const lines = new LineIndex(text);
  const actual = fix.edits.map((e) => {
    const s = lines.positionAt(e.span.start);
    const t = lines.positionAt(e.span.end);
    return { from: [s.line + 1, s.character], to: [t.line + 1, t.character], old: text.slice(e.span.start, e.span.end), text: e.newText };
  });
  assert.deepEqual(actual, expected.map((e) => ({ from: e.from, to: e.to ?? e.from, old: e.old, text: e.text })));
  return applyChecked(text, fix);
}

/** An insertion or a fill: a quick fix the user picks, never fix-all's (issue 15). */
function insertExpecting(text: string, title: string, expected: readonly ExpectedEdit[]): string {
  return applyExpecting(text, title, expected, { safe: false });
}

const tabs = (cells: readonly string[]): string => cells.map((c) => `\t${c}`).join('\n');
/** What an inserted cell holds. */
const PENDING = '（待填）';
/** …in a document that writes half-width brackets. */
const PENDING_HALF_WIDTH = '(待填)';
const pending = (n: number): string[] => Array<string>(n).fill(PENDING);

describe('renumber a section heading', () => {
  it('000 line 32: adds 二、', () => {
    const fixed = applyExpecting(sample('000').text, '添加序号「二、」', [{ from: [32, 0], old: '', text: '二、' }]);
    assert.equal(line(fixed, 32), '二、主动公开政府信息情况');
  });
  it('001 line 22: 2、 → 二、 (the space after it stays)', () => {
    const fixed = applyExpecting(sample('001').text, '将序号「2、」改为「二、」', [{ from: [22, 0], to: [22, 2], old: '2、', text: '二、' }]);
    assert.equal(line(fixed, 22), '二、 主动公开政府信息情况');
  });
  it('004 line 63: 2、 → 三、', () => {
    applyExpecting(sample('004').text, '将序号「2、」改为「三、」', [{ from: [63, 0], to: [63, 2], old: '2、', text: '三、' }]);
  });
  it('markdown: （二） → 二、', () => {
    const fixed = applyExpecting(structureFixture('markdown-report.txt'), '将序号「（二）」改为「二、」', [{ from: [21, 0], to: [21, 3], old: '（二）', text: '二、' }]);
    assert.equal(line(fixed, 21), '二、主动公开政府信息情况');
  });
  it('run-together: 2、 inside the one line → 二、', () => {
    const text = structureFixture('run-together.txt');
    const at = line(text, 2).search(/2、\s*主动公开政府信息情况/u);
    assert.ok(at > 0);
    applyExpecting(text, '将序号「2、」改为「二、」', [{ from: [2, at], to: [2, at + 2], old: '2、', text: '二、' }]);
  });
});

describe("make a section's subsection numbering consistent", () => {
  it('001: （1）（2） become （一）（二）, in one fix or one at a time', () => {
    const text = sample('001').text;
    const fixed = applyExpecting(text, '统一本部分的小节序号（改 2 处）', [
      { from: [8, 0], to: [8, 3], old: '（1）', text: '（一）' },
      { from: [10, 0], to: [10, 3], old: '（2）', text: '（二）' },
    ]);
    assert.deepEqual([line(fixed, 8), line(fixed, 10), line(fixed, 12)], ['（一） 加强组织领导', '（二） 主动公开情况', '（三）依申请公开情况']);
    applyExpecting(text, '将「（2）」改为「（二）」', [{ from: [10, 0], to: [10, 3], old: '（2）', text: '（二）' }]);
  });
  it('（一）（二）（四）（五）: renumbered in sequence', () => {
    applyExpecting(structureFixture('tabs-rows-cells.txt'), '统一本部分的小节序号（改 2 处）', [
      { from: [25, 0], to: [25, 3], old: '（四）', text: '（三）' },
      { from: [29, 0], to: [29, 3], old: '（五）', text: '（四）' },
    ]);
  });
});

describe('insert a missing section at its place, in the layout the document uses', () => {
  // A prompt for the author, in brackets: nothing about fees is stated for them.
  const fee = (year: number): string => `（请在此说明${year}年度收取信息处理费的情况：发出收费通知的件数和总金额，以及实际收取的总金额。）`;

  it('002 (web copy): 六 with the fee sentence after 五, before the page residue 扫一扫…', () => {
    const text = sample('002').text;
    const fixed = insertExpecting(text, '插入「六、其他需要报告的事项」部分及待填写的收费情况说明', [
      { from: [165, 213], old: '', text: `\n六、其他需要报告的事项\n${fee(2023)}` },
    ]);
    assert.deepEqual(fixed.split('\n').slice(165), ['六、其他需要报告的事项', fee(2023), '扫一扫在手机打开当前页面']);
  });

  it('cell-per-line: 二 with table A, every cell a tab and （待填）, a blank line between rows', () => {
    const text = structureFixture('tabs-missing-section.txt');
    const table = [
      tabs(['第二十条第（一）项']),
      tabs(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
      tabs(['规章', ...pending(3)]),
      tabs(['行政规范性文件', ...pending(3)]),
      tabs(['第二十条第（五）项']),
      tabs(['信息内容', '本年处理决定数量']),
      tabs(['行政许可', PENDING]),
      tabs(['第二十条第（六）项']),
      tabs(['信息内容', '本年处理决定数量']),
      tabs(['行政处罚', PENDING]),
      tabs(['行政强制', PENDING]),
      tabs(['第二十条第（八）项']),
      tabs(['信息内容', '本年收费金额（单位：万元）']),
      tabs(['行政事业性收费', PENDING]),
    ].join('\n\n');
    assert.equal(line(text, 21), '三、收到和处理政府信息公开申请情况');
    const fixed = insertExpecting(text, '插入「二、主动公开政府信息情况」部分及表格（各项待填）', [{ from: [21, 0], old: '', text: `二、主动公开政府信息情况\n${table}\n\n` }]);
    // The inserted table reads back: six rows, every cell to be filled in, reported as unfinished.
    const a = analyze(fixed);
    assert.deepEqual(a.model.tables.A!.rows.map((r) => r.cells.map((c) => [c.raw, c.state])), [3, 3, 1, 1, 1, 1].map((n) => Array.from({ length: n }, () => [PENDING, 'missing'])));
    assert.deepEqual(a.findings.filter((f) => f.code === 'structure.placeholder').map((f) => [f.severity, f.message]), [
      ['error', '「规章」有 3 格仍为「（待填）」，报告尚未完成：发布前请填写实际数字'],
      ['error', '「行政规范性文件」有 3 格仍为「（待填）」，报告尚未完成：发布前请填写实际数字'],
      ['error', '「行政许可」有 1 格仍为「（待填）」，报告尚未完成：发布前请填写实际数字'],
      ['error', '「行政处罚」有 1 格仍为「（待填）」，报告尚未完成：发布前请填写实际数字'],
      ['error', '「行政强制」有 1 格仍为「（待填）」，报告尚未完成：发布前请填写实际数字'],
      ['error', '「行政事业性收费」有 1 格仍为「（待填）」，报告尚未完成：发布前请填写实际数字'],
    ]);
  });

  it('web copy: 四 with table C, a cell per line followed by ` |`, empty header cells as pipes', () => {
    const text = structureFixture('pipe-missing.txt');
    const outcomes = ['结果维持 |', '结果纠正 |', '其他结果 |', '尚未审结 |', '总计 |'];
    const expected = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 |', '行政诉讼 |', '|||||||||||||',
      ...outcomes, '未经复议直接起诉 |', '复议后起诉 |', '||||||||',
      ...outcomes, ...outcomes, '|||||',
      ...Array<string>(15).fill(`${PENDING_HALF_WIDTH} |`),
    ];
    assert.equal(line(text, 137), '5、存在的主要问题及改进情况');
    const fixed = insertExpecting(text, '插入「四、政府信息公开行政复议、行政诉讼情况」部分及表格（各项待填）', [{ from: [137, 0], old: '', text: `${expected.join('\n')}\n` }]);
    assert.deepEqual(analyze(fixed).model.tables.C!.rows[0]!.cells.map((c) => c.raw), Array<string>(15).fill(PENDING_HALF_WIDTH));
  });

  it('markdown: 四 with table C between blank lines', () => {
    const text = structureFixture('markdown-report.txt');
    const md = (cells: readonly string[]): string => '|' + cells.map((c) => (c ? ` ${c} |` : ' |')).join('');
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const table = [
      md(['行政复议', '', '', '', '', '行政诉讼', ...Array<string>(9).fill('')]),
      '|' + '---|'.repeat(15),
      md([...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']),
      md(['', '', '', '', '', ...outcomes, ...outcomes]),
      md(pending(15)),
    ].join('\n');
    assert.equal(line(text, 70), '五、存在的主要问题及改进情况');
    insertExpecting(text, '插入「四、政府信息公开行政复议、行政诉讼情况」部分及表格（各项待填）', [{ from: [70, 0], old: '', text: `四、政府信息公开行政复议、行政诉讼情况\n\n${table}\n\n` }]);
  });

  it('PDF text: 六 indented like the other headings, before the page number', () => {
    const text = structureFixture('aligned-report.txt');
    const end = line(text, 162).length;
    const fixed = insertExpecting(text, '插入「六、其他需要报告的事项」部分及待填写的收费情况说明', [
      { from: [162, end], old: '', text: `\n\n     六、其他需要报告的事项\n${fee(2024)}` },
    ]);
    assert.equal(line(fixed, 166).trim(), '-5-');
  });

  it('run-together: 六 at the end of the one line, without line breaks', () => {
    const text = structureFixture('run-together.txt');
    const end = line(text, 2).length;
    insertExpecting(text, '插入「六、其他需要报告的事项」部分及待填写的收费情况说明', [{ from: [2, end], old: '', text: `六、其他需要报告的事项${fee(2023)}` }]);
  });

  it('a heading missing before its table: the heading alone goes before the table', () => {
    const text = structureFixture('headings.txt');
    assert.equal(line(text, 21), '\t\u00a0第二十条第（一）项'); // a no-break space, as the sample has it
    const fixed = applyExpecting(text, '在表格前插入标题「二、主动公开政府信息情况」', [{ from: [21, 0], old: '', text: '二、主动公开政府信息情况\n' }], { safe: false, code: 'structure.section-heading-missing' });
    assert.deepEqual(analyze(fixed).model.sections.map((s) => s.spec.numeral), ['一', '二', '三', '四', '六', '五']);
  });
});

describe('insert a missing table (section present, table absent)', () => {
  it('where the text states a figure (共受理政府信息公开申请9件): the table offered states nothing to contradict it, every cell （待填）', () => {
    const text = structureFixture('headings.txt').replace('2024年，未收到政府信息公开申请。', '2024年，共受理政府信息公开申请9件，所有申请均依法依规予以答复。');
    const a = analyze(text);
    const missing = a.findings.find((f) => f.code === 'structure.table-missing')!;
    assert.equal(missing.message, '「三、收到和处理政府信息公开申请情况」部分没有表格：格式要求此处为「收到和处理政府信息公开申请情况」统计表');
    assert.deepEqual(missing.fixes.map((f) => [f.title, f.safe]), [['插入「收到和处理政府信息公开申请情况」统计表（各项待填）', false]]);
    const inserted = missing.fixes[0]!.edits.map((e) => e.newText).join('');
    assert.equal(/\d/u.test(inserted.replace(/[（(]\s*[一二三四五六七八]\s*[）)]|\d+\./gu, '')), false, 'no figure in the inserted table');
  });
  it('section 六 with a fee prompt, never a statement of zero fees, even when table B has applicants dropped for not paying a fee', () => {
    // Sample 000 without section 六, and one applicant of （六）2. in its table B.
    const original = sample('000').text;
    const label = '\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n';
    const text = original
      .slice(0, original.indexOf('六、其他需要报告的事项'))
      .replace(label + '\t0\n'.repeat(7), label + '\t1\n' + '\t0\n'.repeat(5) + '\t1\n');
    const a = analyze(text);
    assert.equal(a.model.tables.B!.rows.find((r) => r.spec.id === 'other.2')!.cells[6]!.value, 1);
    const missing = a.findings.find((f) => f.code === 'structure.section-missing')!;
    assert.match(missing.message, /^缺少「六、其他需要报告的事项」部分/u);
    assert.deepEqual(missing.fixes.map((f) => [f.title, f.safe]), [['插入「六、其他需要报告的事项」部分及待填写的收费情况说明', false]]);
    const inserted = missing.fixes[0]!.edits.map((e) => e.newText).join('');
    assert.match(inserted, /^\n+六、其他需要报告的事项\n（请在此说明2023年度收取信息处理费的情况：发出收费通知的件数和总金额，以及实际收取的总金额。）$/u);
    // Applied, the prompt is an error until it is replaced.
    const fixed = analyze(applyChecked(text, missing.fixes[0]!));
    assert.deepEqual(fixed.findings.filter((f) => f.code === 'structure.placeholder').map((f) => f.severity), ['error']);
  });
  it('三 without table B: the whole table after the heading, every cell （待填）, in cell-per-line', () => {
    const text = structureFixture('headings.txt');
    const rows: string[][] = [
      ['一、本年新收政府信息公开申请数量'],
      ['二、上年结转政府信息公开申请数量'],
      ['三、本年度办理结果', '（一）予以公开'],
      ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
      ['', '（三）不予公开', '1.属于国家秘密'],
      ...['2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l) => ['', '', l]),
      ['', '（四）无法提供', '1.本机关不掌握相关政府信息'],
      ...['2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'].map((l) => ['', '', l]),
      ['', '（五）不予处理', '1.信访举报投诉类申请'],
      ...['2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((l) => ['', '', l]),
      ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
      ...['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'].map((l) => ['', '', l]),
      ['', '（七）总计'],
      ['四、结转下年度继续办理'],
    ];
    const table = [
      tabs(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况']),
      tabs(['', '自然人', '法人或其他组织', '总计']),
      tabs(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']),
      ...rows.map((r) => tabs([...r, ...pending(7)])),
    ].join('\n\n');
    assert.equal(line(text, 66), '三、收到和处理政府信息公开申请情况');
    const fixed = applyExpecting(text, '插入「收到和处理政府信息公开申请情况」统计表（各项待填）', [{ from: [66, 17], old: '', text: `\n${table}\n` }], { safe: false, code: 'structure.table-missing' });
    const b = analyze(fixed).model.tables.B!;
    assert.equal(b.rows.filter((r) => !r.spec.children).length, 25);
    assert.ok(b.rows.every((r) => r.cells.every((c) => c.raw === PENDING && c.state === 'missing')));
    assert.equal(line(fixed, 66 + 1 + table.split('\n').length + 1), '本年度未收到政府信息公开申请。');
  });
});

describe('insert a missing row at its place, cells （待填）', () => {
  it('cell-per-line: （五）2.重复申请 between 1. and 3., with its empty group cells', () => {
    const text = structureFixture('tabs-rows-cells.txt');
    assert.deepEqual([line(text, 269), line(text, 270), line(text, 271)], ['\t', '\t', '\t3.要求提供公开出版物']);
    insertExpecting(text, '插入「2.重复申请」行（各项待填）', [{ from: [269, 0], old: '', text: `${tabs(['', '', '2.重复申请', ...pending(7)])}\n\n` }]);
  });
  it('cell-per-line: the first row under （六）其他处理 takes the group label; the old first row gets empty cells', () => {
    const text = structureFixture('tabs-rows-cells.txt');
    assert.deepEqual([line(text, 302), line(text, 303), line(text, 304)], ['\t', '\t（六）其他处理', '\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']);
    const fixed = insertExpecting(text, '插入「1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」行（各项待填）', [
      { from: [304, 0], old: '', text: `${tabs(['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...pending(7)])}\n\n\t\n\t\n` },
    ]);
    const b = analyze(fixed).model.tables.B!;
    assert.deepEqual(b.rows.filter((r) => r.spec.parent === 'other').map((r) => r.spec.id), ['other.1', 'other.2', 'other.3']);
  });
  it('rows that follow one another: one fix inserts them all, each with its group cells', () => {
    // Sample 000 without （四）2., （四）3. and （五）1.: the group label （五）不予处理 goes with the rows removed.
    const { text: original } = sample('000');
    const removed = [
      '\t\n\t\n\t2.没有现成信息需要另行制作\n' + '\t0\n'.repeat(7) + '\n',
      '\t\n\t\n\t3.补正后申请内容仍不明确\n' + '\t0\n'.repeat(7) + '\n',
      '\t\n\t（五）不予处理\n\t1.信访举报投诉类申请\n' + '\t0\n'.repeat(7) + '\n',
    ];
    const at = original.indexOf(removed.join(''));
    assert.ok(at > 0);
    const text = original.replace(removed.join(''), '');
    const a = analyze(text);
    assert.deepEqual(
      a.findings.filter((f) => f.code === 'structure.row-missing').map((f) => f.fixes.map((x) => x.title)),
      [
        ['插入缺少的 3 行（「2.没有现成信息需要另行制作」至「1.信访举报投诉类申请」，各项待填）', '插入「2.没有现成信息需要另行制作」行（各项待填）'],
        ['插入缺少的 3 行（「2.没有现成信息需要另行制作」至「1.信访举报投诉类申请」，各项待填）', '插入「3.补正后申请内容仍不明确」行（各项待填）'],
        ['插入缺少的 3 行（「2.没有现成信息需要另行制作」至「1.信访举报投诉类申请」，各项待填）', '插入「1.信访举报投诉类申请」行（各项待填）'],
      ],
    );
    const line = new LineIndex(text).positionAt(at).line + 1;
    // The group label is written again, with the first of its rows: the text is the sample again.
    const inserted = removed.join('').replace(/\t0\n/gu, `\t${PENDING}\n`);
    const fixed = insertExpecting(text, '插入缺少的 3 行（「2.没有现成信息需要另行制作」至「1.信访举报投诉类申请」，各项待填）', [{ from: [line, 0], old: '', text: inserted }]);
    assert.equal(fixed, original.replace(removed.join(''), inserted));
  });
  it('002 (web copy): （六）3.其他 before （七）总计, a cell per line', () => {
    insertExpecting(sample('002').text, '插入「3.其他」行（各项待填）', [{ from: [132, 0], old: '', text: `3.其他 |\n${Array<string>(7).fill(`${PENDING_HALF_WIDTH} |`).join('\n')}\n` }]);
  });
  it('markdown: （三）5. between 4. and 6., led by the empty cells of its groups', () => {
    insertExpecting(structureFixture('markdown-report.txt'), '插入「5.属于三类内部事务信息」行（各项待填）', [
      { from: [53, 0], old: '', text: `| | | 5.属于三类内部事务信息 |${pending(7).map((c) => ` ${c} |`).join('')}\n` },
    ]);
  });
  it('PDF text: （五）3. after 2., its values under its neighbours\' values', () => {
    const text = structureFixture('aligned-report.txt');
    assert.equal(line(text, 121), '                 2.重复申请                0    0   0   0    0    0   0');
    const fixed = insertExpecting(text, '插入「3.要求提供公开出版物」行（各项待填）', [
      { from: [122, 0], old: '', text: `                 3.要求提供公开出版物    ${pending(7).join('  ')}\n` },
    ]);
    assert.equal(line(fixed, 123), '     （五）不予处理');
  });
});

describe('fill missing cells with 0 where their column is known', () => {
  it('cell-per-line: an empty cell (a lone tab) and a placeholder `/`', () => {
    const text = structureFixture('tabs-rows-cells.txt');
    assert.equal(line(text, 121), '\t');
    const a = analyze(text);
    const on = (n: number) => a.findings.filter((f) => f.code === 'value.missing' && a.model.lines.positionAt(f.span.start).line + 1 === n);
    const [empty] = on(121);
    assert.deepEqual(empty!.fixes.map((f) => [f.title, f.safe, f.edits.map((e) => [e.span.start, e.span.end, e.newText])]), [['填写 0', false, [[a.model.lines.lineStart(120) + 1, a.model.lines.lineStart(120) + 1, '0']]]]);
    assert.equal(line(applyChecked(text, empty!.fixes[0]!), 121), '\t0');
    const [slash] = on(68);
    assert.equal(line(applyChecked(text, slash!.fixes[0]!), 68), '\t0');
  });
  it('no 0 where it would contradict a total: row 一 states 10 in 总计, its empty 自然人 gets no fix', () => {
    const a = analyze(structureFixture('tabs-rows-cells.txt'));
    const f = a.findings.find((x) => x.code === 'value.missing' && a.model.lines.positionAt(x.span.start).line + 1 === 100);
    assert.equal(f?.message, '「一、本年新收政府信息公开申请数量」的「自然人」为空，视为缺失，相关合计不予核对');
    assert.deepEqual(f?.fixes, []);
  });
  it('002: 规章\'s collapsed empty cells `|||` become a `0 |` line each', () => {
    const fixed = applyExpecting(sample('002').text, '为「规章」填写 3 个 0', [{ from: [17, 0], to: [17, 3], old: '|||', text: '0 |\n0 |\n0 |' }], { safe: false, code: 'value.missing' });
    assert.deepEqual(analyze(fixed).model.tables.A!.rows.find((r) => r.spec.id === 'rules')!.cells.map((c) => c.value), [0, 0, 0]);
  });
  it('markdown: `| |` becomes `| 0 |`', () => {
    const text = structureFixture('markdown-report.txt');
    const fixed = applyExpecting(text, '填写 0', [{ from: [55, 23], old: '', text: '0 ' }], { safe: false, code: 'value.missing' });
    assert.equal(line(fixed, 55), '| | | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  });
});

describe("replace a label with the format's wording", () => {
  it('002: 2.申请人逾期未按收费通知缴纳费用… gets its missing 要求', () => {
    applyExpecting(sample('002').text, '改为「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」', [
      { from: [130, 0], to: [130, 35], old: '2.申请人逾期未按收费通知缴纳费用、行政机关不再处理其政府信息公开申请', text: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
    ]);
  });
  it('PDF text: 2.其他法律行政止公开, the longer label taking spaces so the values barely move', () => {
    const text = pdfText('001').text;
    assert.equal(line(text, 108), '                            2.其他法律行政止公开      0     0      0     0   0   0     0');
    const fixed = applyExpecting(text, '改为「2.其他法律行政法规禁止公开」', [
      { from: [108, 28], to: [108, 43], old: '2.其他法律行政止公开    ', text: '2.其他法律行政法规禁止公开' },
    ]);
    assert.equal(line(fixed, 108), '                            2.其他法律行政法规禁止公开  0     0      0     0   0   0     0');
  });
  it('markdown: 4.保护第三方合法权利 → 权益', () => {
    applyExpecting(structureFixture('markdown-report.txt'), '改为「4.保护第三方合法权益」', [{ from: [52, 6], to: [52, 17], old: '4.保护第三方合法权利', text: '4.保护第三方合法权益' }]);
  });
  it('2019 layout: 规范性文件 → 行政规范性文件, the values staying in their columns', () => {
    const text = structureFixture('aligned-report.txt');
    const fixed = applyExpecting(text, '改为「行政规范性文件」', [{ from: [50, 0], to: [50, 9], old: '规范性文件    ', text: '行政规范性文件' }], { safe: true, code: 'structure.old-format' });
    assert.equal(line(fixed, 50), '行政规范性文件          3          0       8');
  });
});

describe('replace a stated total with the computed one (never part of fix-all)', () => {
  it('004: one action writes 1 into the three 总计 cells of the wrong column', () => {
    const fixed = applyExpecting(
      sample('004').text,
      '将「总计」列的 3 个合计全部改为计算值：1、1、1',
      [
        { from: [91, 1], to: [91, 2], old: '0', text: '1' },
        { from: [131, 1], to: [131, 2], old: '0', text: '1' },
        { from: [342, 1], to: [342, 2], old: '0', text: '1' },
      ],
      { safe: false, code: 'sum.row' },
    );
    assert.deepEqual(analyze(fixed).findings.filter((f) => f.code.startsWith('sum.')), []);
  });
  it('洪泽区 2023: 将「行政复议·总计」改为 11', () => {
    const text = pdfText('001').text;
    const fixed = applyExpecting(text, '将「行政复议·总计」改为 11', [{ from: [149, 22], to: [149, 23], old: '0', text: '11' }], { safe: false, code: 'sum.group' });
    assert.equal(line(fixed, 149), '10    1      0   0    11   0    0   0   0    0   5   0     0   0   0');
  });
  it('003: no fix that trades one failure for another (the 自然人 total alone would break its row sum)', () => {
    const a = analyze(sample('003').text);
    for (const f of a.findings.filter((x) => x.code === 'sum.outcome')) assert.deepEqual(f.fixes, []);
  });
});

describe('insert the preamble sentence (offered, never part of fix-all)', () => {
  it('after the title, when nothing stands between the title and section 一', () => {
    const text = structureFixture('tabs-missing-section.txt');
    const end = line(text, 3).length;
    applyExpecting(
      text,
      '插入「依据《中华人民共和国政府信息公开条例》…第五十条规定，编制本报告。」',
      [{ from: [3, end], old: '', text: '\n依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定，编制本报告。' }],
      { safe: false, code: 'structure.preamble' },
    );
  });
});
