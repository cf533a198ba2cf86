/** Run-together digit runs are split only where the identities leave exactly one way. */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { TABLES } from '../../server/src/core/format/schema';
import { splitRuns } from '../../server/src/core/parse/digits';

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
  it('refuses a run that no split makes consistent, and says there is none', () => {
    const result = splitRuns([row('new', '9999999')], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [null]);
    assert.deepEqual(result.solutions, [0]);
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
