/**
 * The core fixes the fuzzer led to, each pinned by an exact, hand-made case (the shrunk fuzz inputs
 * themselves are in test/fixtures/robust/ and run through every invariant in fuzz.test.ts).
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { TABLES } from '../../server/src/core/format/schema';
import { findCell } from '../../server/src/core/model';
import { splitRuns } from '../../server/src/core/parse/digits';

const B_COLUMNS = TABLES.B.columns.map((c) => c.id);
const row = (id: string, digits: string) => ({ digits, cells: B_COLUMNS.map((column) => ({ row: id, column })) });

describe('digit runs: lengths no split can use up are refused at once', () => {
  it('a 264-digit run for seven cells of at most nine digits has no split (it took seconds before)', () => {
    const t0 = process.cpuUsage();
    const result = splitRuns([row('new', '9'.repeat(264))], new Map(), TABLES.B.identities);
    const ms = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    assert.deepEqual(result.parts, [null]);
    // No split at all, not "too many to tell".
    assert.deepEqual(result.solutions, [0]);
    assert.ok(ms < 50, `${ms} ms`);
  });
  it('a run of exactly 7 × 9 digits has the one split of nine digits each, if it adds up', () => {
    // 100000000 × 6 = 600000000: six nine-digit parts and their nine-digit total.
    const result = splitRuns([row('new', '100000000'.repeat(6) + '600000000')], new Map(), TABLES.B.identities);
    assert.deepEqual(result.parts, [[...Array<string>(6).fill('100000000'), '600000000']]);
  });
  it('the split of FORMAT.md\'s example is unchanged', () => {
    assert.deepEqual(splitRuns([row('new', '352001038')], new Map(), TABLES.B.identities).parts, [['35', '2', '0', '0', '1', '0', '38']]);
  });
});

describe('numbers beyond 2^53 are invalid cells, not Infinity or rounded values', () => {
  const report = (value: string): string => `第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t${value}\n`;
  it('a 300-digit fee amount: invalid, "不是有效的数字"', () => {
    const text = report('9'.repeat(300));
    const { model, findings } = analyze(text);
    const cell = findCell(model.tables.A, 'fees', 'feeAmount');
    assert.ok(cell);
    assert.equal(cell.state, 'invalid');
    assert.equal(cell.value, null);
    const finding = findings.find((f) => f.code === 'value.invalid');
    assert.ok(finding);
    assert.deepEqual(finding.span, cell.span);
    assert.match(finding.message, /不是有效的数字/u);
  });
  it('20 digits (10^19, beyond exact integers) is invalid too; 2^53 − 1 is still a number', () => {
    const big = findCell(analyze(report('10000000000000000000')).model.tables.A, 'fees', 'feeAmount');
    assert.equal(big?.state, 'invalid');
    const max = findCell(analyze(report(String(Number.MAX_SAFE_INTEGER))).model.tables.A, 'fees', 'feeAmount');
    assert.equal(max?.state, 'ok');
    assert.equal(max?.value, Number.MAX_SAFE_INTEGER);
  });
});

describe('a cell never covers a heading', () => {
  it('a cell read before a heading inside a long line stops before the heading', () => {
    // A long run-together line with section 四's heading in it (as when line breaks are lost).
    // Word-processor cells (a tab before each), all on one line of more than 400 characters.
    const filler = '\t说明'.repeat(150);
    const text = `本年新收政府信息公开申请数量\n\t四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0|||四、政府信息公开行政复议、行政诉讼情况|\t行政复议${filler}\n`;
    const { model } = analyze(text);
    const heading = model.sections.find((s) => s.spec.id === 'review');
    for (const t of Object.values(model.tables)) {
      for (const r of t?.rows ?? []) {
        for (const c of r.cells) {
          assert.equal(c.raw, text.slice(c.span.start, c.span.end).replace(/\s+/gu, ''), `${r.spec.id}/${c.column.id}`);
          assert.ok(heading, 'the heading is found');
          assert.ok(c.span.end <= heading.headingSpan.start || c.span.start >= heading.headingSpan.end, `${r.spec.id}/${c.column.id} covers the heading`);
        }
      }
    }
  });
});

describe('a percentage with more decimals than toFixed takes', () => {
  it('5件，其中7件占9.999…% (101 decimals): the analysis returns (it threw a RangeError)', () => {
    const text = `5件，其中7件占9.${'9'.repeat(101)}%`;
    assert.doesNotThrow(() => analyze(text));
  });
});
