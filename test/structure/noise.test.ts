/**
 * Noise that drowns the real findings (issue 18): a table cut off or with no value at all is one or two
 * findings, not one per row; a saved web page's breadcrumb is not the title; structure.preamble is a hint.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text';
import { findTitle, navigationEnd } from '../../server/src/core/parse/sections';
import { PROJECT_ROOT, sample, pdfText } from '../support/paths';

const NOISE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'noise');
const LAYOUTS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'layouts');
const read = (dir: string, name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');
const lines = (text: string): string[] => text.split('\n');

function seen(analysis: Analysis): string[] {
  return analysis.findings.map((f) => `${analysis.model.lines.positionAt(f.span.start).line + 1} ${f.severity} ${f.code} ${f.message}`);
}

describe('a table cut off: at most two findings', () => {
  for (const name of fs.readdirSync(NOISE).filter((f) => f.startsWith('truncated-') && f.endsWith('.txt')).sort()) {
    it(name, () => {
      const analysis = analyze(read(NOISE, name));
      const b = analysis.model.tables.B!;
      const inTable = analysis.findings.filter((f) => f.span.start >= b.span.start && f.span.start <= b.span.end);
      assert.ok(inTable.length >= 1 && inTable.length <= 2, seen(analysis).join('\n'));
      assert.deepEqual(analysis.findings.length, inTable.length, 'nothing else is reported');
      assert.equal(analysis.findings.filter((f) => f.code === 'structure.row-missing').length, 1);
    });
  }

  const md = lines(read(LAYOUTS, 'markdown.txt'));
  const without = (from: number, to: number): string => [...md.slice(0, from - 1), ...md.slice(to)].join('\n');
  it('cut off before its last row only: that row is named, as any missing row', () => {
    assert.deepEqual(seen(analyze(without(78, 78))), ['77 warning structure.row-missing 表格缺少「四、结转下年度继续办理」行']);
  });
  it('cut off two rows before its end: one finding', () => {
    assert.deepEqual(seen(analyze(without(77, 78))), [
      '76 warning structure.row-missing 表二在「3.其他」之后被截断，缺少 2 行（「（七）总计」至「四、结转下年度继续办理」）',
    ]);
  });
  it('a group lost in the middle (8 rows of （三）) is a finding per row; 9 rows in the middle are one', () => {
    const group = seen(analyze(without(58, 65)));
    assert.equal(group.length, 8);
    assert.equal(group[0], '58 warning structure.row-missing 表格缺少「（三）不予公开」下的「1.属于国家秘密」行');
    assert.deepEqual(seen(analyze(without(58, 66))), ['58 warning structure.row-missing 表二缺少「1.属于国家秘密」至「1.本机关不掌握相关政府信息」共 9 行']);
  });
});

describe('a table with no value at all: one finding', () => {
  it('表三 as one cell per line, every value a lone tab', () => {
    const text = read(LAYOUTS, 'cell-per-line.txt');
    const all = lines(text);
    const heading = all.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const next = all.findIndex((l) => l.startsWith('五、存在的主要问题'));
    const blanked = all.map((l, i) => (i > heading && i < next && /^\t *\d+ *$/u.test(l) ? '\t' : l)).join('\n');
    // Lone tabs on the lines of table 三's one row: a row with no cells, one finding (as before issue 18).
    assert.deepEqual(seen(analyze(blanked)), [
      `350 warning value.missing 「政府信息公开行政复议、行政诉讼情况」缺少 15 个数值：复议结果维持、复议结果纠正、复议其他结果、复议尚未审结、复议总计、直接起诉结果维持、直接起诉结果纠正、直接起诉其他结果、直接起诉尚未审结、直接起诉总计、复议后起诉结果维持、复议后起诉结果纠正、复议后起诉其他结果、复议后起诉尚未审结、复议后起诉总计`,
    ]);
  });
  it('the English message', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside the test, as the catalog module is in the CLI
    const { en } = require('../../server/src/core/messages') as typeof import('../../server/src/core/messages');
    const analysis = analyze(read(NOISE, 'empty-pipe.txt'), { messages: en });
    assert.deepEqual(analysis.findings.map((f) => f.message), ['Table 表二 has no values at all: 25 rows, 175 cells empty or without a number; its totals are not checked']);
    assert.deepEqual(analysis.findings[0]!.fixes, []);
  });
});

describe('a saved web page’s breadcrumb is not the title', () => {
  const title = (text: string): string | null => {
    const index = new LineIndex(text);
    return findTitle(index, text.length)?.text ?? null;
  };
  const TITLE = '某某市某某区司法局2024年政府信息公开工作年度报告';
  for (const crumb of [
    '首页 > 政务公开 > 政府信息公开年报',
    '首页>政务公开>政府信息公开>年度报告',
    '网站首页 » 信息公开 » 政府信息公开年报',
    '当前位置：首页 > 政务公开 > 政府信息公开年报',
    '您的位置: 首页 > 政府信息公开 > 年度报告',
    '政务公开 > 政府信息公开 > 政府信息公开年报',
    '政务公开 › 政府信息公开 › 年报',
  ]) {
    it(crumb, () => {
      assert.equal(navigationEnd(crumb), crumb.length);
      assert.equal(title(`${crumb}\n${TITLE}\n依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。\n一、总体情况\n`), TITLE);
    });
  }
  it('on one line with the title: the breadcrumb is cut off', () => {
    const crumb = '当前位置：首页 > 政务公开 > 政府信息公开年报 ';
    assert.equal(navigationEnd(crumb + TITLE), crumb.length);
    assert.equal(title(`${crumb}${TITLE}依据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止，全年主动公开政府信息386条。一、总体情况`), TITLE);
  });
  it('titles are no breadcrumbs: markup in a title, 》, a slash', () => {
    for (const t of ['北京市"大兴区"<b>退役军人事务局</b>2023年政府信息公开工作年度报告', '《某某局》2024年政府信息公开工作年度报告', '某某市某某区司法局2024年政府信息公开工作年度报告', '2024年度 > 某某局政府信息公开工作年度报告']) {
      assert.equal(navigationEnd(t), 0, t);
      assert.equal(title(`${t}\n一、总体情况\n`), t);
    }
  });
});

describe('structure.preamble is a hint', () => {
  it('on the samples and PDF texts that lack 第五十条, and nowhere another severity', () => {
    const severities = new Set<string>();
    for (const text of [sample('002').text, pdfText('001').text, pdfText('002').text, pdfText('003').text]) {
      const found = analyze(text).findings.filter((f) => f.code === 'structure.preamble');
      assert.equal(found.length, 1);
      for (const f of found) severities.add(f.severity);
    }
    assert.deepEqual([...severities], ['hint']);
  });
});
