/**
 * The web-page reader on the five published pages of 平潭综合实验区 (the 2025 report exists only as
 * text: four pages) and on small fixtures: every cell of tables 一–三 equals the page's <td>, no
 * `value.unseparable`, the headings of the text twin; rowspan/colspan, GBK, entities, chrome.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { analyzeRead } from '../../server/src/core/read/analyzeRead';
import { decodePage, htmlReader, readHtml } from '../../server/src/core/read/html';
import { formatOfName, readerFor } from '../../server/src/core/read';
import { looksLikeReportPage } from '../../server/src/core/read/pageSniff';
import { SHARED } from '../support/paths';

const ORIGINALS = path.join(SHARED, 'originals');

/**
 * The numeric <td> values of each page's tables 一–三, in document order, as the pages hold them
 * (read from the HTML with a separate parser, Python's html.parser, whitespace removed).
 */
const TD_VALUES: Record<string, string> = {
  '004-pingtan-2021': '0 0 0 69 3 665 2293 1282 42 24252.311082 64 0 0 2 0 4 70 0 0 0 0 0 0 0 27 0 0 2 0 1 30 5 0 0 0 0 0 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 6 0 0 0 0 0 6 1 0 0 0 0 0 1 22 0 0 0 0 3 25 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 63 0 0 2 0 4 69 1 0 0 0 0 0 1 1 0 2 0 3 12 0 0 0 12 0 0 0 0 0',
  '005-pingtan-2022': '0 0 0 88 55 698 10690 2113 0 9116.36 71 3 0 0 0 0 74 1 0 0 0 0 0 1 21 0 0 0 0 0 21 8 1 0 0 0 0 9 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 2 0 0 0 0 0 2 1 0 0 0 0 0 1 0 0 0 0 0 0 0 37 0 0 0 0 0 37 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2 0 0 0 0 0 2 0 0 0 0 0 0 0 0 2 0 0 0 0 2 72 3 0 0 0 0 75 0 0 0 0 0 0 0 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0',
  '006-pingtan-2023': '0 0 0 77 132 470 2629 1330 54 5949.088667 80 1 0 0 0 0 81 0 0 0 0 0 0 0 22 0 0 0 0 0 22 19 1 0 0 0 0 20 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 0 1 1 0 0 0 0 0 1 2 0 0 0 0 0 2 31 0 0 0 0 0 31 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 1 0 0 0 0 0 1 80 1 0 0 0 0 81 0 0 0 0 0 0 0 1 1 0 0 2 4 0 0 1 5 1 0 1 0 2',
  '007-pingtan-2024': '0 0 0 62 33 440 4529 1100 65 18651.06 217 1 0 0 0 0 218 0 0 0 0 0 0 0 71 0 0 0 0 0 71 29 0 0 0 0 0 29 4 0 0 0 0 0 4 0 0 0 0 0 0 0 0 0 0 0 0 0 0 3 0 0 0 0 0 3 32 0 0 0 0 0 32 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 75 0 0 0 0 0 75 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 1 1 0 0 0 0 2 217 1 0 0 0 0 218 0 0 0 0 0 0 0 2 1 3 1 7 0 0 0 0 0 13 2 4 0 19',
};

const PAGES = ['004-pingtan-2021', '005-pingtan-2022', '006-pingtan-2023', '007-pingtan-2024'];

describe('published pages', () => {
  for (const page of PAGES) {
    test(page, () => {
      const html = fs.readFileSync(path.join(ORIGINALS, `${page}.html`), 'utf8');
      const read = readHtml(html);
      assert.equal(read.problem, null);
      assert.equal(read.source, html);
      const analysis = analyze(read.text);
      const cells = (['A', 'B', 'C'] as const).flatMap((id) => analysis.model.tables[id]!.rows.flatMap((row) => row.cells));
      assert.deepEqual(cells.map((c) => c.raw).join(' '), TD_VALUES[page]);
      // Every cell maps onto its own text in the page.
      for (const cell of cells) {
        const span = read.origin!.sourceSpan(cell.span)!;
        assert.equal(html.slice(span.start, span.end), cell.raw);
        assert.ok(/<td[^>]*>(?:(?!<\/td>)[\s\S])*$/u.test(html.slice(Math.max(0, span.start - 3000), span.start)), `${cell.raw} inside a <td>`);
      }
      assert.equal(analysis.findings.filter((f) => f.code === 'value.unseparable').length, 0);
      const twin = analyze(fs.readFileSync(path.join(ORIGINALS, `${page}.txt`), 'utf8'));
      assert.deepEqual(analysis.model.sections.map((s) => s.title), twin.model.sections.map((s) => s.title));
      assert.ok(looksLikeReportPage(html));
    });
  }

  test('findings point at the cell text in the page', () => {
    const html = fs.readFileSync(path.join(ORIGINALS, '006-pingtan-2023.html'), 'utf8');
    const placed = analyzeRead(readHtml(html));
    const mismatch = placed.findings.find((f) => f.code === 'text.table-mismatch')!;
    assert.equal(html.slice(mismatch.span.start, mismatch.span.end), '393件');
    const fee = placed.findings.find((f) => f.code === 'text.fee-statement')!;
    assert.equal(html.slice(fee.span.start, fee.span.end).includes('无收取信息处理费情况'), true);
  });
});

describe('fixtures', () => {
  const page = (body: string, head = '<meta charset="utf-8"><title>x</title>'): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

  test('rowspan and colspan: every cell once, in its grid column', () => {
    const html = page('<table><tr><td rowspan="2">甲</td><td colspan="2">乙</td><td>丙</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>');
    const read = readHtml(html);
    assert.equal(read.text, '| 甲 | 乙 | 丙 |\n| 1 | 2 | 3 |\n');
    const at = (s: string) => read.origin!.placeOf(read.text.indexOf(s));
    assert.deepEqual(at('丙'), { table: 1, row: 1, column: 4 });
    assert.deepEqual(at('1'), { table: 1, row: 2, column: 2 });
    assert.deepEqual(at('3'), { table: 1, row: 2, column: 4 });
  });

  test('a layout table around a data table; a table split in two', () => {
    const html = page('<table><tr><td><p>一、总体情况</p><table><tr><td>a</td><td>1</td></tr></table></td></tr></table><table><tr><td>b</td><td>2</td></tr></table>');
    assert.equal(readHtml(html).text, '一、总体情况\n| a | 1 |\n| b | 2 |\n');
  });

  test('entities decoded; a cell with an entity maps but cannot be edited', () => {
    const html = page('<p>A&amp;B&nbsp;C &#20013;</p><table><tr><td>&#49;2</td></tr></table>');
    const read = readHtml(html);
    assert.equal(read.text, 'A&B C中\n| 12 |\n');
    const twelve = read.text.indexOf('12');
    assert.deepEqual(read.origin!.sourceSpan({ start: twelve, end: twelve + 2 }), { start: html.indexOf('&#49;2'), end: html.indexOf('&#49;2') + 6 });
    assert.equal(read.origin!.editableSpan({ start: twelve, end: twelve + 2 }), null);
    assert.deepEqual(read.origin!.editableSpan({ start: twelve + 1, end: twelve + 2 }), { start: html.indexOf('&#49;2') + 5, end: html.indexOf('&#49;2') + 6 });
  });

  test('chrome left out: scripts, styles, nav, header, footer, breadcrumbs, share bars', () => {
    const html = page(
      '<header>站点</header><nav>菜单</nav><div class="breadcrumb">首页 &gt; 政务公开 &gt; 年报</div><script>var a="一、";</script><style>p{}</style>' +
        '<div class="share_box">微信 微博</div><div class="content"><h1>某区2024年政府信息公开工作年度报告</h1><p>一、总体情况</p></div><footer>版权所有</footer>',
      '<meta charset="utf-8"><title>t</title><style>x</style>',
    );
    assert.equal(readHtml(html).text, '某区2024年政府信息公开工作年度报告\n一、总体情况\n');
  });

  test('GBK and GB2312 pages by their <meta>; a BOM decides', () => {
    const gbk = Buffer.from('3c6d65746120636861727365743d22676232333132223e3c703ed6d0cec43c2f703e', 'hex'); // <meta charset="gb2312"><p>中文</p>
    assert.equal(readerFor('html').read({ name: 'a.html', bytes: gbk }) instanceof Promise, false);
    assert.equal((htmlReader.read({ name: 'a.html', bytes: gbk }) as { text: string }).text, '中文\n');
    const httpEquiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>'), Buffer.from('d6d0', 'hex'), Buffer.from('</p>')]);
    assert.equal(decodePage(httpEquiv), '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>中</p>');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="gbk"><p>中</p>')]);
    assert.equal(decodePage(bom), '<meta charset="gbk"><p>中</p>');
  });

  test('file names', () => {
    for (const name of ['a.html', 'b.HTM', 'c.shtml', 'd.xhtml']) assert.equal(formatOfName(name), 'html');
    assert.equal(formatOfName('a.txt'), 'text');
  });

  test('a page that is not a report does not sniff as one', () => {
    assert.equal(looksLikeReportPage(page('<p>新闻：天气晴</p>', '<title>新闻</title>')), false);
  });
});
