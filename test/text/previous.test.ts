/**
 * text.carry-over: a report against its body's report of the year before — the real 洪泽区 pair, and
 * fixtures side by side; and the CLI pairing reports passed together.
 */
import { strict as assert } from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { checkAgainstPrevious, identicalSentences, pairWithPrevious, sameBody } from '../../server/src/core/previous';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { check, DEFAULT_MAX_SIZE } from '../../server/src/cli/check';
import { PROJECT_ROOT, pdfText, sample } from '../support/paths';
import { lineOf, textFixture } from './support';

const PREVIOUS_URI = 'file:///reports/2023.txt';

describe('pairing reports by body and year', () => {
  it('sameBody: the same name, or one with its region in front', () => {
    assert.equal(sameBody('洪泽区人民政府', '淮安市洪泽区人民政府'), true);
    assert.equal(sameBody('北京市西城区民政局', '北京市西城区民政局'), true);
    assert.equal(sameBody('中共某某区委 某某局', '某某区委某某局'), true);
    assert.equal(sameBody('北京市民政局', '忻州市民政局'), false);
    assert.equal(sameBody('民政局', '北京市西城区民政局'), false);
    assert.equal(sameBody('淮安市人民政府', '淮安市洪泽区人民政府'), false);
  });
  it('the real pair: 洪泽区 2024 is paired with 洪泽区 2023, and nothing else is paired', () => {
    const reports = [pdfText('001'), pdfText('002'), pdfText('003'), sample('000'), sample('003')].map((r) => ({ name: r.name, analysis: analyze(r.text) }));
    const pairs = pairWithPrevious(reports, (r) => r.analysis);
    assert.deepEqual(pairs.map((p) => [p.current.name, p.previous.name]), [['002-huaian-hongzequ-2024.txt', '001-huaian-hongzequ-2023.txt']]);
    // Also over bare analyses.
    assert.equal(pairWithPrevious(reports.map((r) => r.analysis)).length, 1);
  });
  it('the real pair agrees: carry-over 0 = 0 in every column, 规范性文件 5 + 3 − 0 = 8; 5 of 22 sentences identical (not copied)', () => {
    const current = analyze(pdfText('002').text);
    const previous = analyze(pdfText('001').text);
    assert.deepEqual(checkAgainstPrevious(current, previous), []);
    const copied = identicalSentences(current.model, previous.model);
    assert.deepEqual([copied.identical, copied.total], [5, 22]);
  });
});

describe('a report and its previous year\'s report side by side', () => {
  const previous = textFixture('previous-2023.txt').analysis;
  it('previous-2024 against previous-2023: 上年结转 ≠ last year\'s 结转下年度 in 商业企业 and 总计; 现行有效 9 ≠ 7 + 2 − 1', () => {
    const { analysis } = textFixture('previous-2024.txt');
    const found = checkAgainstPrevious(analysis, previous, { messages: zhCN, previousDocument: PREVIOUS_URI });
    assert.deepEqual(found.map((f) => [f.code, lineOf(analysis, f.span.start), f.severity, analysis.model.text.slice(f.span.start, f.span.end)]), [
      ['text.carry-over', 27, 'information', '9'],
      ['text.carry-over', 47, 'warning', '1'],
      ['text.carry-over', 47, 'warning', '4'],
    ]);
    assert.deepEqual(found.map((f) => f.message), [
      '「行政规范性文件」现行有效件数为 9，而 2023 年报告的现行有效 7 + 本年制发 2 − 本年废止 1 = 8（修改、失效等也可能造成差异，请核实）',
      '本年「二、上年结转政府信息公开申请数量」的「商业企业」为 1，而 2023 年报告「四、结转下年度继续办理」为 0，二者应相等',
      '本年「二、上年结转政府信息公开申请数量」的「总计」为 4，而 2023 年报告「四、结转下年度继续办理」为 3，二者应相等',
    ]);
    // Related locations in last year's report carry its URI and the range there.
    const carried = found[1]!.related[0]!;
    assert.equal(carried.elsewhere?.document, PREVIOUS_URI);
    assert.equal(carried.elsewhere?.range.start.line, 73);
    assert.equal(previous.model.text.slice(carried.span.start, carried.span.end), '0');
  });
  it('without the previous document\'s URI, no related location points into it', () => {
    const { analysis } = textFixture('previous-2024.txt');
    const found = checkAgainstPrevious(analysis, previous);
    assert.deepEqual(found[1]!.related, []);
  });
  it('copied-2024: last year\'s text with the year changed — 10 of 12 sentences identical is flagged on the title', () => {
    const { analysis } = textFixture('copied-2024.txt');
    const found = checkAgainstPrevious(analysis, previous).filter((f) => f.span.start === analysis.model.title!.span.start);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.equal(found[0]!.message, '本报告正文 12 个句子中有 10 个（83%）与 2023 年报告逐字相同——可能照抄了上年报告，请核对年份和数字是否已更新');
    assert.equal(found[0]!.related.length, 5);
    // The same report, on its own, shows last year's figures against this year's tables and the 2023 fee year.
    assert.deepEqual(
      analysis.findings.filter((f) => f.code.startsWith('text.')).map((f) => [f.code, lineOf(analysis, f.span.start)]),
      [['text.table-mismatch', 11], ['text.table-mismatch', 11], ['text.table-mismatch', 15], ['text.table-mismatch', 15], ['text.year', 92]],
    );
  });
});

describe('CLI: reports of one body passed together are compared', () => {
  it('govreport check previous-2023.txt previous-2024.txt: the 2024 file gets text.carry-over, related into the 2023 file', () => {
    const dir = path.join(PROJECT_ROOT, 'test', 'fixtures', 'text');
    const files = [path.join(dir, 'previous-2023.txt'), path.join(dir, 'previous-2024.txt')];
    const result = check(files, { messages: zhCN, maxSize: DEFAULT_MAX_SIZE });
    const [y2023, y2024] = result.files;
    assert.ok(y2023 && y2024);
    assert.deepEqual(y2023.diagnostics.filter((d) => d.code === 'text.carry-over'), []);
    const carry = y2024.diagnostics.filter((d) => d.code === 'text.carry-over');
    assert.deepEqual(carry.map((d) => [d.range.start.line, d.severity]), [[26, 3], [46, 2], [46, 2]]);
    assert.equal(carry[1]!.relatedInformation![0]!.location.uri, pathToFileURL(files[0]!).href);
    assert.equal(carry[1]!.relatedInformation![0]!.location.range.start.line, 73);
  });
  it('one file alone is not compared with anything', () => {
    const file = path.join(PROJECT_ROOT, 'test', 'fixtures', 'text', 'previous-2024.txt');
    const result = check([file], { messages: zhCN, maxSize: DEFAULT_MAX_SIZE });
    assert.deepEqual(result.files[0]!.diagnostics.filter((d) => d.code === 'text.carry-over'), []);
  });
});
