/**
 * Run-together digit runs: split by the whole table's identities; a split that is certain (as many digits
 * as cells, or the spaces fix it) is read whatever the sums say; the split breaking the fewest identities
 * wins; unseparable only when several are equally plausible.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { TABLES } from '../../server/src/core/format/schema';
import { splitRuns } from '../../server/src/core/parse/digits';
import { analyze } from '../../server/src/core/analyze';
import { PROJECT_ROOT } from '../support/paths';

const B_COLUMNS = TABLES.B.columns.map((c) => c.id);
const row = (id: string, digits: string) => ({ digits, cells: B_COLUMNS.map((column) => ({ row: id, column })) });

describe('splitRuns', () => {
  it('splits FORMAT.md\'s example 352001038 as 35 2 0 0 1 0 38, the only split whose first six add up to the seventh', () => {
    const result = splitRuns([row('new', '352001038')], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [['35', '2', '0', '0', '1', '0', '38']]);
    assert.deepEqual(result.solutions, [1]);
  });
  it('reads seven digits as seven cells when they add up', () => {
    const result = splitRuns([row('carried', '0000000')], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [['0', '0', '0', '0', '0', '0', '0']]);
  });
  it('refuses a run that splits several ways (1 10 0 0 0 0 11 and 11 0 0 0 0 0 11 …)', () => {
    // 11000011: 1+10=11 → 1,10,0,0,0,0,11 ; 11+0=11 → 11,0,0,0,0,0,11 — both satisfy the row sum.
    const result = splitRuns([row('new', '110000011')], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [null]);
    assert.ok(result.solutions[0]! >= 2, `solutions ${result.solutions[0]}`);
  });
  it('reads a run with as many digits as cells one digit a cell, whatever the sums say (9999999: 9 ≠ 54)', () => {
    const result = splitRuns([row('new', '9999999')], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [['9', '9', '9', '9', '9', '9', '9']]);
    assert.deepEqual(result.solutions, [1]);
  });
  it('refuses a run whose digits cannot fill the cells at all, and says there is no split', () => {
    const result = splitRuns([row('new', '999999')], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [null]);
    assert.deepEqual(result.solutions, [0]);
  });
  it('keeps the spaces that are there as separators: 「0 0 0 0 0 00」 is six cells and a run of two', () => {
    const result = splitRuns([{ digits: '0000000', pieces: ['0', '0', '0', '0', '0', '00'], cells: row('new', '').cells }], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [['0', '0', '0', '0', '0', '0', '0']]);
  });
  it('「500000 5」 is 5 0 0 0 0 0 | 5, not 50 0 0 0 0 … (no cell across a space)', () => {
    const result = splitRuns([{ digits: '5000005', pieces: ['500000', '5'], cells: row('new', '').cells }], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [['5', '0', '0', '0', '0', '0', '5']]);
  });
  it('spaces decide where the sums cannot: 「10 1 0 00011」 (101000011 alone splits two ways)', () => {
    assert.deepEqual(splitRuns([row('carried', '101000011')], new Map(), TABLES.B.identities).parts, [null]);
    const result = splitRuns([{ digits: '101000011', pieces: ['10', '1', '0', '00011'], cells: row('carried', '').cells }], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [['10', '1', '0', '0', '0', '0', '11']]);
  });
  it('takes the split that breaks the fewest identities when none satisfies them all (213111028: 21 3 1 1 1 0 28)', () => {
    // No split of 213111028 into 7 parts has its first six adding up to the seventh; of those that
    // break only the row sum, 21 3 1 1 1 0 28 has the fewest digits per cell (2 1 3 1 1 10 28 has as many, and
    // 21 3 1 1 10 2 8 … too: the outcome sum of the 总计 column, with the other rows known, tells them apart).
    const known = new Map<string, number>();
    const others: Record<string, number[]> = {
      partial: [5, 1, 0, 0, 0, 0, 6], 'denied.3': [1, 0, 0, 0, 0, 0, 1], 'denied.4': [2, 0, 0, 0, 1, 0, 3], 'denied.5': [1, 0, 0, 0, 0, 0, 1],
      'denied.6': [2, 0, 0, 0, 0, 0, 2], 'denied.7': [1, 0, 0, 0, 0, 0, 1], 'unavailable.1': [6, 1, 0, 0, 0, 1, 8], 'unavailable.2': [1, 0, 0, 0, 0, 0, 1],
      'notHandled.1': [2, 0, 0, 0, 0, 0, 2], 'notHandled.2': [1, 0, 0, 0, 0, 0, 1], 'other.1': [1, 0, 0, 0, 0, 0, 1], total: [45, 5, 1, 1, 2, 1, 55],
    };
    for (const id of TABLES.B.rows.filter((r) => !r.children && r.id !== 'granted' && r.id !== 'new' && r.id !== 'carried' && r.id !== 'carryForward').map((r) => r.id)) {
      (others[id] ?? [0, 0, 0, 0, 0, 0, 0]).forEach((v, i) => known.set(`${id}\u0000${B_COLUMNS[i]}`, v));
    }
    const result = splitRuns([row('granted', '213111028')], known, TABLES.B.identities);
    assert.deepEqual(result.parts, [['21', '3', '1', '1', '1', '0', '28']]);
  });
  it('searches the whole table at once, rows and columns together, within a bounded budget', () => {
    // 25 rows of 15 digits each, none consistent: thousands of splits per row. It must end, fast.
    const runs = TABLES.B.rows.filter((r) => !r.children).map((r) => row(r.id, '123456789123456'));
    const t0 = process.cpuUsage();
    const result = splitRuns(runs, new Map(), TABLES.B.identities);
    const ms = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    assert.equal(result.parts.length, 25);
    assert.ok(ms < 5000, `${ms} ms`);
  });
  it('lets the column identities choose between a row\'s splits', () => {
    // new: 1100002 → 1,1,0,0,0,0,2 or 11,0,0,0,0,0,... no: enumerate with the outcome/balance of other rows known.
    const known = new Map<string, number>();
    for (const column of B_COLUMNS) {
      known.set(`carried\u0000${column}`, 0);
      known.set(`carryForward\u0000${column}`, 0);
    }
    // total = 1 10 0 0 0 0 11 is fixed by the balance: new + carried = total + carryForward.
    const totals = ['1', '10', '0', '0', '0', '0', '11'];
    totals.forEach((v, i) => known.set(`total\u0000${B_COLUMNS[i]}`, Number(v)));
    const result = splitRuns([row('new', '110000011')], known, TABLES.B.identities);
    assert.deepEqual(result.parts, [totals]);
  });
  it('splits table C by its three group sums', () => {
    const cells = TABLES.C.columns.map((c) => ({ row: 'counts', column: c.id }));
    const result = splitRuns([{ digits: '100120000011002', cells }], new Map(), TABLES.C.identities);
    assert.deepEqual(result.parts, [['1', '0', '0', '1', '2', '0', '0', '0', '0', '0', '1', '1', '0', '0', '2']]);
  });
});

describe('run-together digits in a report', () => {
  const unique = (): string => fs.readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/layouts/run-together-unique.txt'), 'utf8');
  it('table 一 has no sums to split by: an unreadable run there is a warning about the text, not an error', () => {
    const text = unique().replace('行政规范性文件219', '行政规范性文件2191');
    const { findings } = analyze(text);
    const found = findings.filter((f) => f.code === 'value.unseparable').map((f) => ({ severity: f.severity, message: f.message }));
    assert.deepEqual(found, [{ severity: 'warning', message: '数字串「2191」（行政规范性文件）连在一起，本表没有合计可据以拆分，无法分辨各单元格的值（这是文本的问题，请核对原件）' }]);
  });
  it('a wrong 总计 in a run of as many digits as cells is read and reported with its split (3100000: 总计 0, the terms add up to 4)', () => {
    const { findings } = analyze(unique().replace('上年结转政府信息公开申请数量3100004', '上年结转政府信息公开申请数量3100000'));
    const row = findings.filter((f) => f.code === 'sum.row');
    assert.equal(row.length, 1);
    assert.equal(row[0]!.severity, 'error');
    assert.ok(row[0]!.message.includes('其中数字串「3100000」按「3 1 0 0 0 0 0」拆分'), row[0]!.message);
    assert.deepEqual(findings.filter((f) => f.code === 'value.unseparable'), []);
  });
});

describe('real flattened pages (../shared/originals/00[4-8]-pingtan-*.txt): table 二 and 三 read, only 表一\'s run is unreadable, a warning', () => {
  const dir = path.join(PROJECT_ROOT, '..', 'shared', 'originals');
  for (const file of ['004-pingtan-2021.txt', '005-pingtan-2022.txt', '006-pingtan-2023.txt', '007-pingtan-2024.txt', '008-pingtan-2025.txt']) {
    it(file, () => {
      const { findings, model } = analyze(fs.readFileSync(path.join(dir, file), 'utf8'));
      const unseparable = findings.filter((f) => f.code === 'value.unseparable').map((f) => `${f.severity} ${f.message.includes('（行政规范性文件）') ? 'A' : '?'}`);
      assert.deepEqual(unseparable, ['warning A']);
      assert.deepEqual(model.tables.B?.unseparable ?? [], []);
      assert.deepEqual(model.tables.C?.unseparable ?? [], []);
    });
  }
});
