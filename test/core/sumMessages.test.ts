/**
 * A failing sum names its non-zero terms by their short labels (from the schema: a row's numbering
 * and short name, a column's own name), leaves the zero terms out and says how many, in both
 * languages — on the error fixtures, real reports with one deliberate mistake each.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { rowShortLabel, TABLES, valueRows } from '../../server/src/core/format/schema';
import { en, zhCN } from '../../server/src/core/messages';
import type { MessageCatalog } from '../../server/src/core/messages/catalog';
import { PROJECT_ROOT } from '../support/paths';

const errors = (name: string): string => fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'errors', name), 'utf8');
const EXAMPLES = path.join(PROJECT_ROOT, 'examples');

/** The formula part of each sum.* message (between the stated value's parenthesis and its close), in text order. */
function sums(text: string, messages: MessageCatalog): string[] {
  return analyze(text, { messages })
    .findings.filter((f) => f.code.startsWith('sum.'))
    .map((f) => `${f.code} ${f.message.split(/[。.] (?:Same cause|同一原因)|。同一原因/u)[0]!}`);
}

describe('sum messages name their terms', () => {
  test('sum.row and sum.outcome (fixture sum-row): the non-zero terms by column, by row; the zeros counted', () => {
    assert.deepEqual(sums(errors('sum-row.txt'), zhCN), [
      'sum.row 行合计不成立：「1.本机关不掌握相关政府信息」的「总计」填报 3，按各项计算应为 2（3 ≠ 自然人 2 = 2；其余 5 项为 0）',
      'sum.outcome 办理结果合计不成立：「（七）总计」的「总计」填报 8，按各项计算应为 9（8 ≠ （一）予以公开 4 + （二）部分公开 1 + （四）1 本机关不掌握 3 + （五）2 重复申请 1 = 9；其余 17 项为 0）',
    ]);
    assert.deepEqual(sums(errors('sum-row.txt'), en), [
      'sum.row The row total does not hold: 「1.本机关不掌握相关政府信息」/「总计」 is 3, but its terms add up to 2 (3 ≠ 自然人 2 = 2; the other 5 terms are 0)',
      'sum.outcome The outcome total does not hold: 「（七）总计」/「总计」 is 8, but its terms add up to 9 (8 ≠ （一）予以公开 4 + （二）部分公开 1 + （四）1 本机关不掌握 3 + （五）2 重复申请 1 = 9; the other 17 terms are 0)',
    ]);
  });

  test('sum.balance (fixture balance): rows named, the subtracted term after −; no zero, nothing said of zeros', () => {
    assert.deepEqual(sums(errors('balance.txt'), zhCN), [
      'sum.balance 勾稽关系不成立：「四、结转下年度继续办理」的「自然人」填报 2，按各项计算应为 1（2 ≠ 一、本年新收 21 + 二、上年结转 2 − （七）总计 22 = 1）',
      'sum.balance 勾稽关系不成立：「四、结转下年度继续办理」的「总计」填报 2，按各项计算应为 1（2 ≠ 一、本年新收 24 + 二、上年结转 2 − （七）总计 25 = 1）',
    ]);
    assert.deepEqual(sums(errors('balance.txt'), en)[0], 'sum.balance The balance does not hold: 「四、结转下年度继续办理」/「自然人」 is 2, but its terms add up to 1 (2 ≠ 一、本年新收 21 + 二、上年结转 2 − （七）总计 22 = 1)');
  });

  test('sum.group (example transport-2023): table 三\'s terms by their outcome within the group; one zero term in English', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'transport-2023.txt'), 'utf8');
    assert.deepEqual(sums(text, zhCN), ['sum.group 分组合计不成立：「行政复议·总计」填报 2，按各项计算应为 3（2 ≠ 结果维持 1 + 结果纠正 1 + 尚未审结 1 = 3；其余 1 项为 0）']);
    assert.deepEqual(sums(text, en), ['sum.group The group total does not hold: 「行政复议·总计」 is 2, but its terms add up to 3 (2 ≠ 结果维持 1 + 结果纠正 1 + 尚未审结 1 = 3; the other term is 0)']);
  });

  test('every term 0, or only a subtracted term not 0', () => {
    const zero = [{ label: '自然人', value: 0 }, { label: '商业企业', value: 0 }];
    assert.equal(zhCN.identityFailed({ kind: '行合计', cell: '「（一）予以公开」的「总计」', stated: 2, computed: 0, plus: zero, minus: [] }), '行合计不成立：「（一）予以公开」的「总计」填报 2，按各项计算应为 0（2 ≠ 0：各项均为 0）');
    assert.equal(en.identityFailed({ kind: '行合计', cell: 'x', stated: 2, computed: 0, plus: zero, minus: [] }), 'The row total does not hold: x is 2, but its terms add up to 0 (2 ≠ 0: every term is 0)');
    const balance = { kind: '勾稽关系', cell: '「四、结转下年度继续办理」的「总计」', stated: 1, computed: -3, plus: [{ label: '一、本年新收', value: 0 }, { label: '二、上年结转', value: 0 }], minus: [{ label: '（七）总计', value: 3 }] };
    assert.equal(zhCN.identityFailed(balance), '勾稽关系不成立：「四、结转下年度继续办理」的「总计」填报 1，按各项计算应为 -3（1 ≠ − （七）总计 3 = -3；其余 2 项为 0）');
  });

  test('short row labels come from the schema: numbering (a sub-row after its group\'s) and a short name, one per row', () => {
    const labels = valueRows('B').map((r) => rowShortLabel('B', r));
    assert.equal(new Set(labels).size, labels.length, 'no two rows share a short label');
    assert.deepEqual(labels.slice(0, 4), ['一、本年新收', '二、上年结转', '（一）予以公开', '（二）部分公开']);
    assert.deepEqual([labels[5], labels[labels.length - 2], labels[labels.length - 1]], ['（三）2 法律法规禁止', '（七）总计', '四、结转下年度']);
    for (const row of valueRows('B')) {
      const label = rowShortLabel('B', row);
      const parent = row.parent && /^\d/u.test(row.numbering) ? TABLES.B.rows.find((r) => r.id === row.parent)! : null;
      assert.ok(label.startsWith(parent ? `${parent.numbering}${row.numbering.replace('.', '')} ` : row.numbering), label);
      assert.ok(label.length <= 16, `${label}: short`);
    }
  });
});
