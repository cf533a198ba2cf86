/**
 * Lists of parts stop at their clause (issue 18): a figure after 「。」, after the 「；」 that ends a list
 * whose parts are separated otherwise, with another measure word, or naming a new subject (行政复议 and
 * 行政诉讼 after a list of request outcomes, a figure of another table) is no part of the whole before.
 * Each line of clauses.txt has one boundary; without it the parts would exceed the whole.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { partsAndWholes } from '../../server/src/core/narrative/parts';
import * as fs from 'fs';
import * as path from 'path';
import { SHARED } from '../support/paths';
import { analyze } from '../../server/src/core/analyze';
import { lineOf, textFindings, textFixture } from './support';

const { analysis } = textFixture('clauses.txt');
const lists = partsAndWholes(analysis.model).enumerations.map((e) => ({
  line: lineOf(analysis, e.whole.span.start),
  whole: e.whole.number.value,
  parts: e.parts.map((p) => p.number.value),
  exhaustive: e.exhaustive,
  status: e.status,
}));
const onLine = (line: number) => lists.filter((l) => l.line === line);

describe('clauses.txt: a list of parts ends at its clause', () => {
  it('「。」: 投诉25条 in the next sentence is no part of 留言120条', () => {
    assert.deepEqual(onLine(11), [{ line: 11, whole: 120, parts: [80, 30], exhaustive: false, status: 'holds' }]);
  });
  it('「；」 after parts separated by 「、」: 予以公开27件、部分公开6件 is a new list, not parts of 收到申请53件 (法人或其他组织 is no verb 组织)', () => {
    assert.deepEqual(onLine(15), [{ line: 15, whole: 53, parts: [43, 10], exhaustive: true, status: 'holds' }]);
  });
  it('parts separated by 「；」 go on over every semicolon', () => {
    assert.deepEqual(onLine(17), [{ line: 17, whole: 55, parts: [27, 6, 9, 9, 3, 1], exhaustive: true, status: 'holds' }]);
  });
  it('a new subject: 行政复议案件11件、行政诉讼案件6件 after the outcomes (the real case of issue 18), shares skipped', () => {
    assert.deepEqual(onLine(19), [{ line: 19, whole: 55, parts: [27, 6, 9, 9, 3, 1], exhaustive: true, status: 'holds' }]);
  });
  it('a new subject named by its word only: 被申请复议1件 (no claim pattern reads it)', () => {
    assert.deepEqual(onLine(21), [{ line: 21, whole: 55, parts: [27, 6, 9, 9, 3, 1], exhaustive: true, status: 'holds' }]);
  });
  it('a new subject named by its table: 作出行政处罚决定7件 is a figure of table A after parts of table B', () => {
    assert.deepEqual(onLine(23), [{ line: 23, whole: 55, parts: [27, 6, 9, 9, 3, 1], exhaustive: true, status: 'holds' }]);
  });
  it('a new measure word: 政策解读稿260篇 is no part of 政府信息386条', () => {
    assert.deepEqual(onLine(9), [{ line: 9, whole: 386, parts: [142], exhaustive: false, status: 'holds' }]);
  });
  it('so no text.parts-sum at all, and every list is read', () => {
    assert.deepEqual(textFindings(analysis, ['text.parts-sum']), []);
    assert.deepEqual(lists.map((l) => l.line), [9, 11, 15, 17, 19, 21, 23]);
  });
});

describe('the real report of issue 18 (平潭 2023, web text on one line)', () => {
  it('办结依申请公开81件, its outcomes 42 + 5 + 31 + 1 + 2 = 81, without 行政复议2件、行政诉讼7件', () => {
    const text = fs.readFileSync(path.join(SHARED, 'originals', '006-pingtan-2023.txt'), 'utf8');
    const real = analyze(text);
    const found = partsAndWholes(real.model).enumerations.map((e) => [e.whole.number.value, e.parts.map((p) => p.number.value), e.exhaustive, e.status]);
    assert.deepEqual(found, [
      [81, [80, 1], false, 'holds'],
      [81, [42, 5, 31, 1, 2], true, 'holds'],
    ]);
    assert.deepEqual(textFindings(real, ['text.parts-sum']), []);
  });
});
