/**
 * The similarity matcher (server/src/core/format/match.ts) and the heading findings it leads to
 * (issue 18): which wordings are which section, which are not, and when a close match is taken.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { acceptsClose, editDistance, HEADING_MATCHER } from '../../server/src/core/format/match';
import * as fs from 'fs';
import * as path from 'path';
import { sample, SHARED } from '../support/paths';

const matchOf = (text: string): [string, string] | null => {
  const m = HEADING_MATCHER.match(text);
  return m ? [m.target.id, m.kind] : null;
};

describe('similarity matcher', () => {
  it('edit distance over code points, bounded', () => {
    assert.equal(editDistance('行政复议', '行政法复议'), 1);
    assert.equal(editDistance('行政复议', '复议'), 2);
    assert.equal(editDistance('总体情况', '总体情况'), 0);
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
  });
  it('the format, variants, connectors, slips and own second halves', () => {
    assert.deepEqual(matchOf('政府信息公开行政复议、行政诉讼情况'), ['review', 'exact']);
    assert.deepEqual(matchOf('政府信息公开行政复议、行政诉讼情况：'), ['review', 'exact']);
    assert.deepEqual(matchOf('因政府信息公开工作被申请行政复议、提起行政诉讼情况'), ['review', 'variant']);
    assert.deepEqual(matchOf('政府信息公开行政复议与行政诉讼情况'), ['review', 'connector']);
    assert.deepEqual(matchOf('政府信息公开行政复议和行政诉讼情况'), ['review', 'connector']);
    assert.deepEqual(matchOf('政府信息公开行政法复议、行政诉讼情况'), ['review', 'slip']);
    assert.deepEqual(matchOf('存在问题及改进情况'), ['problems', 'variant']);
    assert.deepEqual(matchOf('其他需报告的事项'), ['other', 'variant']);
    assert.deepEqual(matchOf('其他事项'), ['other', 'variant']);
    assert.deepEqual(matchOf('存在的主要问题及明年工作计划'), ['problems', 'reworded']);
    assert.deepEqual(matchOf('存在的主要问题及下一步工作打算'), ['problems', 'reworded']);
  });
  it('not the overview\'s items, row labels or sentences', () => {
    for (const text of ['主动公开情况', '依申请公开情况', '政府信息管理', '本年新收政府信息公开申请数量', '行政复议', '结转下年度继续办理', '主动公开政府信息情况良好，全年共发布信息20条']) {
      assert.equal(HEADING_MATCHER.match(text), null, text);
    }
  });
  it('a close match is taken by its numeral or its position; a short form needs both', () => {
    const slip = HEADING_MATCHER.match('政府信息公开行政法复议、行政诉讼情况')!;
    assert.equal(acceptsClose(slip, 4, 0, 7), true);
    assert.equal(acceptsClose(slip, null, 3, 5), true);
    assert.equal(acceptsClose(slip, null, 5, 6), false);
    const short = HEADING_MATCHER.match('总体情兄')!;
    assert.equal(short.kind, 'slip');
    assert.equal(acceptsClose(short, 1, 0, 2), true);
    assert.equal(acceptsClose(short, null, 0, 2), false);
    assert.equal(acceptsClose(short, 1, 3, 4), false);
  });
});

describe('heading findings', () => {
  it('a slip: section read, a wording warning whose safe fix rewrites the title (never an insertion)', () => {
    const text = sample('000').text.replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政诉讼情况况');
    const a = analyze(text);
    assert.deepEqual(a.findings.filter((f) => f.code.startsWith('structure.section-')).map((f) => f.code), ['structure.section-numbering', 'structure.section-wording']);
    const wording = a.findings.find((f) => f.code === 'structure.section-wording')!;
    assert.equal(a.model.lines.positionAt(wording.span.start).line + 1, 366);
    assert.equal(wording.message, '标题「政府信息公开行政复议、行政诉讼情况况」与格式的措辞不同，应为「政府信息公开行政复议、行政诉讼情况」');
    assert.deepEqual(wording.fixes.map((f) => [f.title, f.safe, f.edits.length, text.slice(f.edits[0]!.span.start, f.edits[0]!.span.end), f.edits[0]!.newText]), [
      ['将标题改为「政府信息公开行政复议、行政诉讼情况」', true, 1, '政府信息公开行政复议、行政诉讼情况况', '政府信息公开行政复议、行政诉讼情况'],
    ]);
  });
  it('an overview item worded like a later section is not that section when the real one follows in order', () => {
    const text = sample('000').text.replace('（四）政府信息管理及监督保障方面', '四、政府信息公开行政复议、行政诉讼情况');
    const a = analyze(text);
    const review = a.findings.filter((f) => f.code === 'structure.section-duplicate');
    assert.equal(review.length, 1);
    // The duplicate is the overview's item (line 29); the section is the one after table B (line 366).
    assert.equal(a.model.lines.positionAt(review[0]!.span.start).line + 1, 29);
    assert.equal(a.findings.filter((f) => f.code === 'structure.section-order').length, 0);
  });
  it('a shift by one from 三 on, with 二 unnumbered (sample 000): one finding for the shift, one for the missing numeral', () => {
    let text = sample('000').text;
    for (const [from, to] of [['三、收到', '二、收到'], ['四、政府', '三、政府'], ['五、存在', '四、存在'], ['六、其他', '五、其他']] as const) text = text.replace(from, to);
    const a = analyze(text);
    const numbering = a.findings.filter((f) => f.code === 'structure.section-numbering');
    assert.deepEqual(numbering.map((f) => [a.model.lines.positionAt(f.span.start).line + 1, f.message]), [
      [32, '标题「主动公开政府信息情况」缺少序号，应为「二、主动公开政府信息情况」'],
      [79, '从「收到和处理政府信息公开申请情况」起，4 个部分标题的序号整体错位（「二、」应为「三、」）：格式要求六个部分依次编号为“一、”至“六、”，总体情况中各项的编号不计入'],
    ]);
    const shift = numbering[1]!;
    assert.deepEqual(shift.fixes[0]!.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]), [['二、', '三、'], ['三、', '四、'], ['四、', '五、'], ['五、', '六、']]);
    assert.equal(shift.related.length, 3);
    assert.equal(a.findings.filter((f) => f.code === 'structure.section-missing').length, 0);
  });
  it('the real one-line report with 「行政法复议」 (originals/005-pingtan-2022.txt): section 四 read, the range is the title', () => {
    const text = fs.readFileSync(path.join(SHARED, 'originals', '005-pingtan-2022.txt'), 'utf8');
    const a = analyze(text);
    assert.deepEqual(a.model.sections.map((s) => s.spec.id), ['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    const structure = a.findings.filter((f) => f.code.startsWith('structure.section-'));
    assert.deepEqual(structure.map((f) => [f.code, text.slice(f.span.start, f.span.end)]), [['structure.section-wording', '政府信息公开行政法复议、行政诉讼情况']]);
  });
});
