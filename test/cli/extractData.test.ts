/**
 * `govreport extract --format csv|json|xlsx` (issue 16, data out), run as users run it
 * (`node dist/cli.js`), its files read back — the CSV by an RFC 4180 reader of its own, the xlsx with
 * exceljs — and compared cell by cell with the analysis model of each report, read in this process
 * the way `check` reads it (PDFs and web pages included).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { forEachReport, readAsyncOriginals } from '../../server/src/cli/check';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { findCell, findRow, type ReportModel } from '../../server/src/core/model';
import { TABLES, TABLE_IDS, valueRows, type TableId } from '../../server/src/core/format/schema';
import { evaluateIdentities } from '../../server/src/core/rules/evaluate';
import { formatSlots, slotHeader } from '../../server/src/core/render/tableData';
import { PDF_TEXT, PROJECT_ROOT as ROOT, SAMPLES, SHARED } from '../support/paths';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const ORIGINALS = path.join(SHARED, 'originals');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The reports: the samples and pdf-text folders, a PDF and a web page, and fixtures with every state. */
const INPUTS = [
  SAMPLES,
  PDF_TEXT,
  path.join(ORIGINALS, '001-huaian-hongzequ-2023.pdf'),
  path.join(ORIGINALS, '004-pingtan-2021.html'),
  path.join(FIXTURES, 'scrambled', '001-huaian-hongzequ-2023.txt'),
  path.join(FIXTURES, 'layouts', 'run-together-ambiguous.txt'),
  path.join(FIXTURES, 'layouts', 'pdf-aligned.txt'),
];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], lang = 'zh_CN.UTF-8'): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: lang };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** RFC 4180: fields separated by commas, records by CRLF, a quoted field may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'an unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r') {
      assert.equal(text[i + 1], '\n', 'a record ends with CRLF');
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i += 2;
    } else {
      assert.notEqual(ch, '\n', 'a bare LF outside quotes');
      field += ch;
      i++;
    }
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  assert.equal(record.length, 0, 'the last record ends with CRLF');
  return records;
}

/** UTF-8 with a BOM, and nothing that does not decode (no mojibake in the making). */
function readCsvFile(bytes: Buffer): string[][] {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
  return parseCsv(text);
}

type State = 'ok' | 'missing' | 'invalid' | 'unreadable';

/**
 * What the model says of a cell, read by the model's own lookups (findRow/findCell): its state and
 * value as the data must give them.
 */
function modelCell(model: ReportModel, table: TableId, row: string, column: string): { state: State; value: number | null } {
  const t = model.tables[table];
  if (!t) return { state: 'missing', value: null };
  if (t.scrambled) return { state: 'unreadable', value: null };
  const r = findRow(t, row);
  if (!r) return { state: 'missing', value: null };
  if (t.unseparable.some((u) => u.rows.includes(row))) return { state: 'unreadable', value: null };
  if (t.layout === 'aligned' && r.cells.length > 0 && r.cells.length < r.spec.columns.length) return { state: 'unreadable', value: null };
  const cell = findCell(t, row, column);
  if (!cell) return { state: 'missing', value: null };
  return { state: cell.state, value: cell.state === 'ok' ? cell.value : null };
}

/** The cells a report's data must have: every value row's, and a group row's the report fills in. */
function expectedKeys(model: ReportModel): string[] {
  const keys: string[] = [];
  for (const table of TABLE_IDS) {
    for (const spec of TABLES[table].rows) {
      const filled = spec.children && (findRow(model.tables[table], spec.id)?.cells.length ?? 0) > 0;
      if (spec.children && !filled) continue;
      for (const column of spec.columns) keys.push(`${table}:${spec.id}:${column}`);
    }
  }
  return keys;
}

interface Loaded {
  file: string;
  model: ReportModel;
}

let reports: Loaded[] = [];
let tmp = '';

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-extract-'));
  const originals = await readAsyncOriginals(INPUTS, 20 * 1024 * 1024);
  const found: Loaded[] = [];
  forEachReport(INPUTS, { messages: zhCN, maxSize: 20 * 1024 * 1024, originals }, (r) => found.push({ file: r.candidate.path, model: r.analysis.model }));
  reports = found;
});

after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

const LONG_HEADER = ['file', 'body', 'year', 'table', 'row', 'rowLabel', 'column', 'columnLabel', 'value', 'state', 'raw'];

/** Compares one report's rows of the long table with its model, every cell. */
function assertLongRows(rows: readonly (readonly unknown[])[], loaded: Loaded, read: (v: unknown) => number | null): void {
  const { model } = loaded;
  assert.deepEqual(
    rows.map((r) => `${String(r[3])}:${String(r[4])}:${String(r[6])}`),
    expectedKeys(model),
    `${loaded.file}: every cell, in the format's order`,
  );
  for (const r of rows) {
    const [, body, year, table, row, rowLabel, column, columnLabel, value, state] = r;
    const want = modelCell(model, table as TableId, String(row), String(column));
    const where = `${loaded.file} ${String(table)}:${String(row)}:${String(column)}`;
    assert.equal(state, want.state, `${where}: state`);
    assert.equal(read(value), want.value, `${where}: value`);
    assert.equal(String(body ?? ''), model.title?.body ?? '', `${where}: body`);
    assert.equal(read(year), model.year, `${where}: year`);
    assert.equal(rowLabel, TABLES[table as TableId].rows.find((s) => s.id === row)!.label);
    assert.equal(columnLabel, TABLES[table as TableId].columns.find((c) => c.id === column)!.name);
  }
}

const csvNumber = (v: unknown): number | null => (v === '' ? null : Number(v));

describe('govreport extract --format csv|json|xlsx', () => {
  test('the reports read: the samples and pdf-text reports, a PDF, a web page, and every state among them', () => {
    assert.equal(reports.length, 5 + 3 + 5);
    const states = new Set<string>();
    for (const { model } of reports) for (const key of expectedKeys(model)) states.add(modelCell(model, ...(key.split(':') as [TableId, string, string])).state);
    assert.deepEqual([...states].sort(), ['invalid', 'missing', 'ok', 'unreadable']);
  });

  test('csv: a cell\'s raw text that a spreadsheet would run as a formula is kept text with a \'; a negative number stays a number', () => {
    // Table 一's 行政许可 written +12件 (a formula to a spreadsheet, were it not guarded) and 行政处罚 -3 (a negative count).
    const text = fs.readFileSync(path.join(FIXTURES, 'errors', 'sum-row.txt'), 'utf8').replace('\t行政许可\n\t12\n', '\t行政许可\n\t+12件\n').replace('\t行政处罚\n\t35\n', '\t行政处罚\n\t-3\n');
    const file = path.join(tmp, 'formula.txt');
    fs.writeFileSync(file, text);
    const run = cli(['extract', '--format', 'csv', file]);
    assert.equal(run.status, 0, run.stderr);
    const rows = readCsvFile(Buffer.from(run.stdout, 'utf8'));
    const cell = (row: string): string[] => rows.find((r) => r[3] === 'A' && r[4] === row)!.slice(8);
    assert.deepEqual(cell('licensing'), ['', 'invalid', "'+12件"]);
    assert.deepEqual(cell('penalty'), ['', 'invalid', '-3']);
    assert.deepEqual(cell('enforcement'), ['2', 'ok', '2']);
  });

  test('csv: one row per report and cell, UTF-8 with BOM, every value and state as the model has it', () => {
    const out = path.join(tmp, 'cells.csv');
    const run = cli(['extract', '--format', 'csv', '-o', out, ...INPUTS]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '', 'with -o, nothing on stdout');
    const [header, ...rows] = readCsvFile(fs.readFileSync(out));
    assert.deepEqual(header, LONG_HEADER);
    const cells = reports.reduce((n, r) => n + expectedKeys(r.model).length, 0);
    assert.equal(rows.length, cells);
    for (const loaded of reports) assertLongRows(rows.filter((r) => r[0] === loaded.file), loaded, csvNumber);
    assert.match(run.stderr, new RegExp(`^提取了 13 份报告的 ${cells} 个单元格（其中缺失 \\d+ 个、无效 \\d+ 个、无法辨认 \\d+ 个），已写入 ${out.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\n$`, 'u'));
    // Without -o: the same bytes on stdout.
    const piped = spawnSync(process.execPath, [CLI, 'extract', '--format', 'csv', ...INPUTS], { cwd: ROOT, env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: undefined } });
    assert.equal(piped.status, 0);
    assert.ok(Buffer.from(piped.stdout).equals(fs.readFileSync(out)), 'stdout holds the same CSV');
  });

  test('json: the same cells, nested by report, values as numbers', () => {
    const run = cli(['extract', '--format', 'json', ...INPUTS]);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { reports: { file: string; format: string; body: string | null; year: number | null; cells: Record<string, unknown>[] }[]; sum: unknown; notChecked: unknown[] };
    assert.deepEqual(json.reports.map((r) => r.file), reports.map((r) => r.file));
    assert.deepEqual(json.reports.map((r) => r.format).filter((f) => f !== 'text'), ['pdf', 'html']);
    assert.equal(json.sum, null);
    for (const [i, r] of json.reports.entries()) {
      const rows = r.cells.map((c) => [r.file, r.body, r.year, c['table'], c['row'], c['rowLabel'], c['column'], c['columnLabel'], c['value'], c['state'], c['raw']]);
      assertLongRows(rows, reports[i]!, (v) => v as number | null);
    }
  });

  test('xlsx: read back with exceljs, sheet 单元格 equals the model cell by cell, 宽表 one row per report', async () => {
    const out = path.join(tmp, 'cells.xlsx');
    const run = cli(['extract', '--format', 'xlsx', '-o', out, ...INPUTS]);
    assert.equal(run.status, 0, run.stderr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['单元格', '宽表']);
    const values = (sheet: ExcelJS.Worksheet): unknown[][] => {
      const rows: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const width = sheet.columnCount;
        rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
      });
      return rows;
    };
    const [header, ...rows] = values(workbook.getWorksheet('单元格')!);
    assert.deepEqual(header, LONG_HEADER);
    for (const loaded of reports) {
      // Empty text is an empty cell in a sheet: raw and body read back as null.
      assertLongRows(rows.filter((r) => r[0] === loaded.file), loaded, (v) => (v === null ? null : (assert.equal(typeof v, 'number'), v as number)));
    }
    const [wideHeader, ...wide] = values(workbook.getWorksheet('宽表')!);
    assert.equal(wide.length, reports.length);
    assertWide(wideHeader!.map(String), wide.map((r) => r.map((v) => (v === null ? '' : String(v)))));
  });

  /** The wide table: headers from the schema, and per report each slot's value as the model has it (empty unless ok). */
  function assertWide(header: string[], rows: string[][]): void {
    const slots = formatSlots();
    assert.deepEqual(header.slice(0, 3), ['文件', '机关', '年度']);
    // The format's slots, and the 2019 layout's （六）其他处理 group row that the PDF fills in, after its place.
    const otherGroup = TABLES.B.columns.map((c) => `表二·（六）其他处理·${c.name}`);
    assert.deepEqual(header.slice(3).filter((h) => !otherGroup.includes(h)), slots.map(slotHeader));
    assert.deepEqual(header.filter((h) => otherGroup.includes(h)), otherGroup);
    assert.equal(header[3], '表一·规章·本年制发件数');
    assert.ok(header.includes('表二·（三）不予公开·1.属于国家秘密·法人或其他组织·商业企业'), 'a sub-row with its group');
    assert.ok(header.includes('表二·（七）总计·总计'));
    assert.equal(new Set(header).size, header.length, 'every header once');
    assert.ok(header.includes('表三·行政复议·结果维持'), 'table 三 names its columns only');
    assert.equal(rows.length, reports.length);
    const slotOf = new Map<string, [TableId, string, string]>();
    for (const s of slots) slotOf.set(slotHeader(s), [s.table, s.row.id, s.column.id]);
    for (const [i, c] of TABLES.B.columns.entries()) slotOf.set(otherGroup[i]!, ['B', 'other', c.id]);
    for (const [i, row] of rows.entries()) {
      const { file, model } = reports[i]!;
      assert.equal(row[0], file);
      assert.equal(row[1], model.title?.body ?? '');
      assert.equal(row[2], model.year === null ? '' : String(model.year));
      for (let j = 3; j < header.length; j++) {
        const [table, r, column] = slotOf.get(header[j]!)!;
        const want = modelCell(model, table, r, column);
        assert.equal(row[j], want.value === null ? '' : String(want.value), `${file} ${header[j]!}`);
      }
    }
  }

  test('--wide: one row per report, Chinese headers from the schema; LibreOffice reads it back without mojibake', () => {
    const out = path.join(tmp, 'wide.csv');
    const run = cli(['extract', '--format', 'csv', '--wide', '-o', out, ...INPUTS]);
    assert.equal(run.status, 0, run.stderr);
    const bytes = fs.readFileSync(out);
    const [header, ...rows] = readCsvFile(bytes);
    assertWide(header!, rows);
    const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0);
    if (!soffice) {
      console.error('extractData.test: NOTE — soffice (LibreOffice) is not installed on this machine: the wide CSV was NOT converted by LibreOffice; only its BOM, UTF-8 and RFC 4180 form were checked here (apt-get install libreoffice-calc to run the conversion).');
      return;
    }
    const converted = path.join(tmp, 'converted');
    fs.mkdirSync(converted);
    // LibreOffice (7.4) reads the CSV comma-separated as UTF-8 (76), the character set its import
    // dialog offers in a UTF-8 locale; under the C locale here, so the charset is the filter's, not the
    // locale's. Headless, it does not honour the BOM: with the system's character set (0) under C it
    // reads mojibake (docs/e2e.md). It saves it as CSV in UTF-8 (76).
    const conversion = spawnSync(
      soffice,
      ['--headless', `-env:UserInstallation=file://${path.join(tmp, 'lo-profile')}`, '--infilter=Text - txt - csv (StarCalc):44,34,76,1', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', converted, out],
      { encoding: 'utf8', timeout: 180_000, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
    );
    assert.equal(conversion.status, 0, conversion.stderr);
    const back = fs.readFileSync(path.join(converted, 'wide.csv'), 'utf8').replace(/^\uFEFF/u, '');
    const lines = back.split(/\r?\n/u).filter((l) => l !== '');
    const parsed = lines.map((l) => parseCsv(`${l}\r\n`)[0]!);
    assert.deepEqual(parsed[0], header, 'the headers read by LibreOffice as written (no mojibake)');
    assert.equal(parsed.length, rows.length + 1);
    for (const [i, row] of rows.entries()) assert.deepEqual(parsed[i + 1]!.map((v) => v.trim()), row, `row ${i + 1} as LibreOffice reads it`);
  });

  test('--sum: a row 合计 with every cell summed where every report has a number, checked by the same identities', () => {
    // 000 and 001 hold every identity, 004 fails three sum.row (EXPECTED.md): identities are linear, so the sum fails those three.
    const files = ['000', '001', '004'].map((p) => path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.startsWith(p))!));
    const run = cli(['extract', '--format', 'json', '--sum', ...files]);
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      reports: { cells: { table: string; row: string; column: string; value: number | null; state: string }[] }[];
      sum: { reports: number; year: number | null; cells: { table: string; row: string; column: string; value: number | null; state: string }[]; identities: { holds: number; fails: number; notEvaluated: number }; findings: { code: string; identity: string; message: string; reports: string[] }[] };
    };
    const mine = reports.filter((r) => files.includes(r.file));
    assert.equal(json.sum.reports, 3);
    const identities = TABLE_IDS.reduce((n, t) => n + TABLES[t].identities.length, 0);
    for (const cell of json.sum.cells) {
      const each = mine.map((r) => modelCell(r.model, cell.table as TableId, cell.row, cell.column));
      const all = each.every((c) => c.state === 'ok');
      assert.equal(cell.value, all ? each.reduce((n, c) => n + c.value!, 0) : null, `${cell.table}:${cell.row}:${cell.column}`);
      assert.equal(cell.state === 'ok', all);
    }
    const failing004 = evaluateIdentities(mine[2]!.model).filter((e) => e.status === 'fails').map((e) => e.spec.id);
    assert.equal(failing004.length, 3);
    assert.deepEqual(json.sum.findings.map((f) => f.code), ['sum.row', 'sum.row', 'sum.row']);
    assert.deepEqual(json.sum.findings.map((f) => f.identity), failing004);
    assert.deepEqual(json.sum.findings.map((f) => f.reports), [[files[2]], [files[2]], [files[2]]], 'the report in which each fails itself');
    assert.equal(json.sum.identities.fails, 3);
    assert.equal(json.sum.identities.holds + json.sum.identities.fails + json.sum.identities.notEvaluated, identities);
    // The findings on stderr too, each line `合计 code message`, and the count.
    const sumLines = run.stderr.split('\n').filter((l) => l.startsWith('合计 '));
    assert.deepEqual(sumLines.map((l) => l.split(' ')[1]), ['sum.row', 'sum.row', 'sum.row']);
    assert.deepEqual(sumLines, json.sum.findings.map((f) => `合计 sum.row ${f.message}（本身不成立的报告：${files[2]!}）`));
    assert.match(run.stderr, new RegExp(`合计（3 份报告之和）：${json.sum.identities.holds} 个等式成立，3 个不成立`, 'u'));

    // The CSV's last rows are the totals', file 合计; the wide CSV's last row.
    const csv = cli(['extract', '--format', 'csv', '--sum', ...files]);
    const [, ...rows] = readCsvFile(Buffer.from(csv.stdout));
    const total = rows.filter((r) => r[0] === '合计');
    assert.equal(total.length, json.sum.cells.length);
    assert.deepEqual(rows.slice(-total.length), total);
    assert.deepEqual(total.map((r) => csvNumber(r[8])), json.sum.cells.map((c) => c.value));
    const wide = readCsvFile(Buffer.from(cli(['extract', '--format', 'csv', '--wide', '--sum', ...files]).stdout));
    assert.equal(wide.length, 1 + 3 + 1);
    assert.equal(wide[4]![0], '合计');
    assert.equal(wide[4]![3], String(json.sum.cells[0]!.value ?? ''));
  });

  test('--sum in xlsx: the totals row and a sheet 合计核对 with the failing identities', async () => {
    const files = ['000', '004'].map((p) => path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.startsWith(p))!));
    const out = path.join(tmp, 'sum.xlsx');
    const run = cli(['extract', '--format', 'xlsx', '--sum', '-o', out, ...files]);
    assert.equal(run.status, 0, run.stderr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['单元格', '宽表', '合计核对']);
    const check = workbook.getWorksheet('合计核对')!;
    assert.equal(check.rowCount, 1 + 1 + 3);
    assert.deepEqual([2, 3, 4].map((i) => check.getRow(i + 1).getCell(1).value), ['sum.row', 'sum.row', 'sum.row']);
    assert.deepEqual([2, 3, 4].map((i) => check.getRow(i + 1).getCell(3).value), [files[1], files[1], files[1]]);
    assert.equal(workbook.getWorksheet('宽表')!.getRow(4).getCell(1).value, '合计');
  });

  test('usage: xlsx needs -o, --wide goes with csv, --layout with text, --sum with data; text takes one file', () => {
    const errors: [string[], RegExp][] = [
      [['extract', '--format', 'xlsx', SAMPLES], /--format xlsx 需要用 -o 文件 指定输出文件/u],
      [['extract', '--format', 'json', '--wide', SAMPLES], /--wide 只能与 --format csv 一起使用/u],
      [['extract', '--format', 'csv', '--layout', 'pipe', SAMPLES], /--layout 只能与 --format text 一起使用/u],
      [['extract', '--sum', path.join(SAMPLES, fs.readdirSync(SAMPLES)[0]!)], /--sum 只能与 --format csv\|json\|xlsx 一起使用/u],
      [['extract', '--format', 'xml', SAMPLES], /xml/u],
      [['extract', '--format', 'csv'], /./u],
      [['extract', SAMPLES, PDF_TEXT], /extract 需要且只需要一个文件/u],
    ];
    for (const [args, message] of errors) {
      const run = cli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message, args.join(' '));
    }
    assert.match(cli(['extract', '--format', 'xlsx', SAMPLES], 'en_US.UTF-8').stderr, /--format xlsx needs -o FILE/u);
  });

  test('no report found: nothing written, exit 2 with the reason', () => {
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const out = path.join(tmp, 'none.csv');
    const run = cli(['extract', '--format', 'csv', '-o', out, empty]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /没有找到报告文件/u);
    assert.equal(fs.existsSync(out), false);
  });

  test('a path that cannot be read: the others are written, exit 2', () => {
    const out = path.join(tmp, 'partial.csv');
    const run = cli(['extract', '--format', 'csv', '-o', out, path.join(tmp, 'no-such.txt'), PDF_TEXT]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no-such\.txt/u);
    const [, ...rows] = readCsvFile(fs.readFileSync(out));
    assert.deepEqual([...new Set(rows.map((r) => path.basename(r[0]!)))], fs.readdirSync(PDF_TEXT).filter((f) => /^\d{3}-.*\.txt$/u.test(f)).sort());
  });

  test('-o is written atomically: a read-only target is left as it was, exit 2', () => {
    const out = path.join(tmp, 'readonly.csv');
    fs.writeFileSync(out, 'before');
    fs.chmodSync(out, 0o444);
    const run = cli(['extract', '--format', 'csv', '-o', out, PDF_TEXT]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /readonly\.csv/u);
    assert.equal(fs.readFileSync(out, 'utf8'), 'before');
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  test('the text draft is unchanged, and -o writes it to a file', () => {
    const file = path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.startsWith('004'))!);
    const piped = cli(['extract', '--layout', 'markdown', file]);
    assert.equal(piped.status, 0, piped.stderr);
    assert.match(piped.stdout, /^\| 信息内容 \|/mu);
    const out = path.join(tmp, 'draft.txt');
    const written = cli(['extract', '--layout', 'markdown', '-o', out, file]);
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout, '');
    assert.equal(fs.readFileSync(out, 'utf8'), piped.stdout);
  });

  test('exceljs is loaded only for xlsx: the bundle holds none of it, csv runs without dist/vendor/exceljs.min.js', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'govreport.js'), 'utf8');
    assert.ok(fs.statSync(path.join(ROOT, 'dist', 'vendor', 'exceljs.min.js')).size > 500_000, 'exceljs bundled on its own');
    assert.equal(bundle.includes('xl/worksheets'), false, 'no xlsx writer in the main bundle');
    // A copy of the package without the xlsx writer: csv works, xlsx says it cannot (an internal error, exit 2).
    const copy = path.join(tmp, 'package-without-exceljs');
    fs.mkdirSync(path.join(copy, 'dist'), { recursive: true });
    for (const f of ['cli.js', 'govreport.js']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(copy, 'dist', f));
    const run = (args: string[]): Run => {
      const r = spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.js'), ...args], { cwd: copy, env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: undefined }, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const csv = run(['extract', '--format', 'csv', PDF_TEXT]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.ok(csv.stdout.startsWith('\uFEFFfile,body,year,'));
    const xlsx = run(['extract', '--format', 'xlsx', '-o', path.join(copy, 'out.xlsx'), PDF_TEXT]);
    assert.equal(xlsx.status, 2);
    assert.match(xlsx.stderr, /exceljs/u);
    assert.equal(fs.existsSync(path.join(copy, 'out.xlsx')), false);
  });

  test('the value rows: every table\'s rows that carry values, group rows left out', () => {
    assert.equal(formatSlots().length, TABLE_IDS.reduce((n, t) => n + valueRows(t).reduce((m, r) => m + r.columns.length, 0), 0));
    assert.equal(formatSlots().length, 10 + 25 * 7 + 15);
  });
});
