/**
 * The tables' data (core/render/tableData.ts): CSV form, the totals across reports, and their check
 * by the same identities as a report's.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { checkData, csvSafeText, csvText, formatSlots, reportData, slotKey, sumReports, type DataCell, type DataState, type ReportData } from '../../server/src/core/render/tableData';
import { sample } from '../support/paths';

/** Data with every format cell ok and 1, but for the cells given (a value, or a state without one). */
function data(year: number | null, cells: Record<string, number | DataState> = {}): ReportData {
  return {
    body: null,
    year,
    cells: formatSlots().map((s): DataCell => {
      const given = cells[slotKey(s.table, s.row.id, s.column.id)];
      const value = typeof given === 'number' ? given : given === undefined ? 1 : null;
      const state: DataState = typeof given === 'string' ? given : 'ok';
      return { table: s.table, row: s.row.id, rowLabel: s.row.label, column: s.column.id, columnLabel: s.column.name, value, raw: value === null ? '' : String(value), state };
    }),
  };
}

const cellOf = (d: ReportData, key: string): DataCell => d.cells.find((c) => slotKey(c.table, c.row, c.column) === key)!;

describe('tables data', () => {
  test('CSV: BOM, CRLF, RFC 4180 quoting of commas, quotes and line breaks; null is empty', () => {
    assert.equal(
      csvText(['a', 'b'], [['x,y', 'he said "hi"'], ['line\nbreak', null], [1.5, 0]]),
      '\uFEFFa,b\r\n"x,y","he said ""hi"""\r\n"line\nbreak",\r\n1.5,0\r\n',
    );
  });

  test('CSV formula injection (OWASP): a text opening with = + - @ tab or CR gets a \' before it; numbers, plain-number texts and a lone - stay', () => {
    const texts = ['=HYPERLINK("http://x","点此")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-3', '+2', '-0.5', '-', '某某县人民政府', '１２', '=', ' =1'];
    assert.deepEqual(
      texts.map(csvSafeText),
      ['\'=HYPERLINK("http://x","点此")', '\'+1+1', '\'-2+3', '\'@SUM(A1)', '\'\t=1', '\'\r=1', '-3', '+2', '-0.5', '-', '某某县人民政府', '１２', '\'=', ' =1'],
    );
    // In the file: the guard first, then RFC 4180 quoting (the quote, the comma, the CR); a number is never prefixed, a negative one included.
    assert.equal(
      csvText(['file', 'raw', 'value'], [['=cmd|\'/C calc\'!A0', '-3', -3], ['@a,b', '=1+"2"', 0], ['\r\n', null, 1.5]]),
      '\uFEFFfile,raw,value\r\n\'=cmd|\'/C calc\'!A0,-3,-3\r\n"\'@a,b","\'=1+""2""",0\r\n"\'\r\n",,1.5\r\n',
    );
  });

  test('sum: every cell over the reports; an amount rounded; a cell some report lacks is empty, in the worst state', () => {
    const fee = slotKey('A', 'fees', 'feeAmount');
    const granted = slotKey('B', 'granted', 'natural');
    const partial = slotKey('B', 'partial', 'natural');
    const sum = sumReports([data(2024, { [fee]: 0.1, [granted]: 'missing', [partial]: 'unreadable' }), data(2024, { [fee]: 0.2, [partial]: 'invalid' }), data(2024, { [fee]: 0 })]);
    assert.equal(sum.year, 2024);
    assert.equal(0.1 + 0.2 + 0, 0.30000000000000004);
    assert.equal(cellOf(sum, fee).value, 0.3);
    assert.deepEqual([cellOf(sum, granted).state, cellOf(sum, granted).value], ['missing', null]);
    assert.deepEqual([cellOf(sum, partial).state, cellOf(sum, partial).value], ['invalid', null]);
    assert.deepEqual([cellOf(sum, slotKey('C', 'counts', 'review.total')).state, cellOf(sum, slotKey('C', 'counts', 'review.total')).value], ['ok', 3]);
    assert.equal(sumReports([data(2023), data(2024)]).year, null, 'no one year');
  });

  test('the data of a report is checked as the report is: sample 004\'s three sum.row, the same messages', () => {
    const analysis = analyze(sample('004').text);
    const own = analysis.findings.filter((f) => f.code.startsWith('sum.')).map((f) => [f.code, f.message]);
    assert.equal(own.length, 3);
    const checked = checkData(reportData(analysis.model), zhCN);
    assert.deepEqual(checked.findings.map((f) => f.code), own.map(([code]) => code));
    // The same sentence (a report's finding may add its guess at the wrong cell after it).
    for (const [i, f] of checked.findings.entries()) assert.ok(own[i]![1]!.startsWith(f.message), `${f.message} / ${own[i]![1]!}`);
    assert.match(checked.findings[0]!.message, /^行合计不成立/u);
    assert.deepEqual(checked.findings.map((f) => f.identity), analysis.evaluations.filter((e) => e.status === 'fails').map((e) => e.spec.id));
  });

  test('a sum whose terms a report lacks is not evaluated: no finding, never a false one', () => {
    const whole = reportData(analyze(sample('000').text).model);
    assert.ok(whole.cells.every((c) => c.state === 'ok'));
    const lacking: ReportData = { ...whole, cells: whole.cells.map((c) => (c.table === 'B' && c.row === 'new' && c.column === 'natural' ? { ...c, value: null, raw: '', state: 'missing' } : c)) };
    const both = checkData(sumReports([whole, whole]), zhCN);
    assert.deepEqual(both.findings, []);
    assert.ok(both.evaluations.every((e) => e.status === 'holds'));
    const checked = checkData(sumReports([whole, lacking]), zhCN);
    assert.deepEqual(checked.findings, []);
    assert.deepEqual(checked.evaluations.filter((e) => e.status !== 'holds').map((e) => e.spec.id), ['B.row.new', 'B.balance.natural']);
    // Every value 1: a row sum fails (1 ≠ 6 × 1) in every value row of table 二.
    assert.equal(checkData(data(null), zhCN).findings.filter((f) => f.code === 'sum.row').length, 25);
  });
});
