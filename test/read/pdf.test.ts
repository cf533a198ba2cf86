/**
 * The PDF reader on the three published PDFs of 淮安 and on small made-up pages: every cell of tables
 * 一–三 as each PDF prints it (test/fixtures/pdf/*.expected.json, stated by reading the rendered pages
 * — `pdftoppm -r 80` — and by pdftotext -layout's reading), the same findings as the pdftotext text
 * of the same PDF, places on the right page; the layout of lines and columns; one problem for each
 * document that cannot be read.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { analyzeRead } from '../../server/src/core/read/analyzeRead';
import { formatOfName, readerFor } from '../../server/src/core/read';
import { readPdf } from '../../server/src/core/read/pdf';
import { layoutPages, type PdfPage, type TextItem } from '../../server/src/core/read/pdf/layout';
import { AffineMatrix } from '../../server/src/core/read/pdf/domMatrix';
import { runReadingOriginals, type Io } from '../../server/src/cli/main';
import { PROJECT_ROOT, SHARED } from '../support/paths';

const ORIGINALS = path.join(SHARED, 'originals');
const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'pdf');
const PDFS = ['001-huaian-hongzequ-2023', '002-huaian-hongzequ-2024', '003-huaian-shi-2024'];

type Cells = Record<string, Record<string, string>>;

function cellsOf(text: string): Cells {
  const model = analyze(text).model;
  const cells: Cells = {};
  for (const id of ['A', 'B', 'C'] as const) {
    cells[id] = {};
    for (const row of model.tables[id]?.rows ?? []) if (row.cells.length > 0) cells[id][row.spec.id] = row.cells.map((c) => c.raw).join(' ');
  }
  return cells;
}

const findingKeys = (text: string): string[] => analyze(text).findings.map((f) => `${f.code} ${f.message}`);

describe('published PDFs', () => {
  for (const name of PDFS) {
    test(name, async () => {
      const read = await readPdf({ name: `${name}.pdf`, bytes: fs.readFileSync(path.join(ORIGINALS, `${name}.pdf`)) });
      assert.equal(read.problem, null);
      assert.equal(read.format, 'pdf');
      assert.equal(read.source, null);
      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as { cells: Cells };
      assert.deepEqual(cellsOf(read.text), expected.cells);
      // The same findings as pdftotext -layout's text of the same PDF, which reads every cell here too.
      const twin = fs.readFileSync(path.join(SHARED, 'pdf-text', `${name}.txt`), 'utf8');
      assert.deepEqual(findingKeys(read.text), findingKeys(twin));
      assert.equal(analyze(read.text).findings.filter((f) => f.code === 'value.unseparable').length, 0);
      // Page numbers (「- 2 -」) are not in the text.
      assert.equal(/^\s*-\s*\d+\s*-\s*$/mu.test(read.text), false);
    });
  }

  test('a finding is placed on the page of its cell', async () => {
    const name = '001-huaian-hongzequ-2023';
    const read = await readPdf({ name: `${name}.pdf`, bytes: fs.readFileSync(path.join(ORIGINALS, `${name}.pdf`)) });
    const placed = analyzeRead(read).findings.filter((f) => f.code === 'sum.group');
    // 行政复议 总计 0 ≠ 10 + 1 + 0 + 0, and 复议后起诉 总计 0 ≠ 5: table 四 is on page 4.
    assert.deepEqual(placed.map((f) => [f.place, read.text.slice(f.span.start, f.span.end)]), [[{ page: 4 }, '0'], [{ page: 4 }, '0']]);
  });

  test('the CLI reads a PDF it is given, and a folder of them', async () => {
    let out = '';
    let err = '';
    const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), stdoutIsTTY: false, env: { LANG: 'zh_CN.UTF-8' } };
    const status = await runReadingOriginals(['check', '--format', 'json', path.join(ORIGINALS, '001-huaian-hongzequ-2023.pdf')], io);
    assert.equal(status, 1, err);
    const files = (JSON.parse(out) as { files: { diagnostics: { code: string; place?: unknown }[] }[] }).files;
    assert.deepEqual(files[0]!.diagnostics.filter((d) => d.code === 'sum.group').map((d) => d.place), [{ page: 4 }, { page: 4 }]);
  });
});

describe('layout', () => {
  const item = (text: string, x: number, y: number, size = 10): TextItem => ({ text, x, y, width: text.length * size * (/^[\x20-\x7e]+$/u.test(text) ? 0.5 : 1), size });
  const page = (number: number, items: TextItem[]): PdfPage => ({ number, width: 600, height: 800, items });

  test('lines by baseline, columns by gaps, words by small gaps', () => {
    const { text } = layoutPages([
      page(1, [item('规章', 50, 500), item('0', 200, 500.5), item('5', 300, 499.6), item('2023', 50, 480), item('年', 72, 480)]),
    ]);
    // One layout column is half the font size (5 pt): 0 stands at x 200 → column 30, after 「规章」
    // (4 columns) 26 spaces; 5 at x 300 → column 50, 19 spaces after 0. 「年」 2 pt after 「2023」: one space.
    assert.equal(text, `规章${' '.repeat(26)}0${' '.repeat(19)}5\n2023 年\n`);
  });

  test('page numbers and running headers dropped; pages joined', () => {
    const header = () => item('某某区人民政府信息公开年报', 50, 780);
    const pages = [1, 2, 3].map((n) => page(n, [header(), item(`正文${n}`, 50, 400), item(`- ${n} -`, 280, 30)]));
    const { text, origin } = layoutPages(pages);
    assert.equal(text, '正文1\n正文2\n正文3\n');
    assert.deepEqual(origin.placeOf(text.indexOf('正文2')), { page: 2 });
  });

  test('a page with more items than a call takes arguments (300,000) is laid out', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => item('字', 50 + (i % 30) * 12, 700 - Math.floor(i / 30) * 0.05));
    assert.equal(layoutPages([page(1, items)]).characters, 300_000);
  });

  test('a page number in the body is kept (only the margins are dropped)', () => {
    assert.equal(layoutPages([page(1, [item('3', 100, 400), item('第 3 页', 280, 20)])]).text, '3\n');
  });
});

describe('documents that cannot be read', () => {
  const read = (bytes: Uint8Array) => readPdf({ name: 'x.pdf', bytes });

  /** A valid one-page PDF with nothing on the page: what a scan with no text layer gives the reader. */
  function blankPdf(): Uint8Array {
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
    let out = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(out);
  }

  test('no text layer: scanned', async () => {
    assert.equal((await read(blankPdf())).problem?.kind, 'scanned');
  });

  test('encrypted (made with qpdf --encrypt from the blank page)', async () => {
    assert.equal((await read(fs.readFileSync(path.join(FIXTURES, 'encrypted-blank.pdf')))).problem?.kind, 'encrypted');
  });

  test('not a PDF, and a PDF header with garbage after it: damaged', async () => {
    assert.equal((await read(new TextEncoder().encode('hello'))).problem?.kind, 'damaged');
    const damaged = await read(new TextEncoder().encode('%PDF-1.4\n1 0 obj garbage'));
    assert.equal(damaged.problem?.kind, 'damaged');
    assert.equal(damaged.text, '');
  });

  test('a truncated published PDF: one problem, no throw', async () => {
    const bytes = fs.readFileSync(path.join(ORIGINALS, '002-huaian-hongzequ-2024.pdf'));
    const result = await read(bytes.subarray(0, 5000));
    assert.ok(result.problem !== null, 'a problem');
    assert.equal(result.problem.kind, 'damaged');
  });

  test('the reader is registered for .pdf', () => {
    assert.equal(formatOfName('报告.PDF'), 'pdf');
    assert.equal(readerFor('pdf').extensions.includes('.pdf'), true);
  });
});

describe('the DOMMatrix pdfjs is given in Node', () => {
  test('affine products, inverse and points as the browser computes them', () => {
    const m = new AffineMatrix([2, 0, 0, 3, 10, 20]);
    assert.deepEqual(m.transformPoint({ x: 1, y: 1 }), { x: 12, y: 23, z: 0, w: 1 });
    const back = new AffineMatrix([2, 0, 0, 4, 10, 20]).inverse().multiply(new AffineMatrix([2, 0, 0, 4, 10, 20]));
    assert.equal(back.isIdentity, true);
    // scale then translate, applied to a point: (x·2 + 5·2, y·3 + 0)
    assert.deepEqual(new AffineMatrix().scaleSelf(2, 3).translateSelf(5, 0).transformPoint({ x: 1, y: 1 }), { x: 12, y: 3, z: 0, w: 1 });
    // preMultiply: other × this
    const p = new AffineMatrix([1, 0, 0, 1, 5, 0]).preMultiplySelf(new AffineMatrix([2, 0, 0, 2, 0, 0]));
    assert.deepEqual([p.a, p.d, p.e, p.f], [2, 2, 10, 0]);
    assert.deepEqual([new AffineMatrix(Array.from({ length: 16 }, (_, i) => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 7, 8, 0, 1][i]!)).e, new AffineMatrix().m22], [7, 1]);
  });
});
