/** The table preview's HTML (core `renderPreviewHtml`), on the samples. */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { escapeHtml, renderPreviewBody, renderPreviewHtml } from '../../server/src/core/features/preview';
import { sample } from '../support/paths';
import { tableSection, valueCells, type HtmlCell } from './html';

const OPTIONS = { nonce: 'bm9uY2UxMjM0NTY3ODkw', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

function page(text: string): string {
  return renderPreviewHtml(analyze(text), OPTIONS);
}

function marked(cells: readonly HtmlCell[], mark: string): HtmlCell[] {
  return cells.filter((c) => c.classes.includes(mark));
}

describe('preview: failures marked with their identity', () => {
  it('sample 004: the three sum.row cells of the 总计 column, each titled with its formula', () => {
    const analysis = analyze(sample('004').text);
    const html = renderPreviewHtml(analysis, OPTIONS);
    const cells = valueCells(tableSection(html, 'B'));
    const failing = marked(cells, 'fail');
    // 0-based lines 90, 130, 341 = lines 91 (一), 131 (（三）1.), 342 (（七）总计); the 总计 column.
    assert.deepEqual(failing.map((c) => c.range), ['90,1,90,2', '130,1,130,2', '341,1,341,2']);
    assert.deepEqual(failing.map((c) => c.text), ['0', '0', '0']);
    const messages = analysis.findings.filter((f) => f.code === 'sum.row').map((f) => f.message);
    assert.equal(messages.length, 3);
    failing.forEach((cell, i) => {
      assert.ok(cell.title.includes(messages[i]!), cell.title);
      assert.match(cell.title, /（0 ≠ 自然人 1 = 1；其余 5 项为 0）/u);
    });
    assert.match(failing[0]!.title, /^「一、本年新收政府信息公开申请数量」的「总计」\n行合计不成立/u);
    // Nothing else fails; the terms of the three sums (the applicant columns of those rows) are marked as involved.
    assert.equal(marked(valueCells(html), 'fail').length, 3);
    assert.equal(marked(cells, 'involved').length, 18);
    assert.match(html, /<p class="summary" id="summary">3 项合计不成立<\/p>/u);
  });

  it('sample 003: the two sum.outcome cells of （七）总计, with the shared cause', () => {
    const analysis = analyze(sample('003').text);
    const cells = valueCells(tableSection(renderPreviewHtml(analysis, OPTIONS), 'B'));
    const failing = marked(cells, 'fail');
    assert.deepEqual(failing.map((c) => c.range), ['335,1,335,2', '336,1,336,2']);
    assert.deepEqual(failing.map((c) => c.text), ['7', '1']);
    const messages = analysis.findings.filter((f) => f.code === 'sum.outcome').map((f) => f.message);
    assert.equal(messages.length, 2);
    failing.forEach((cell, i) => { assert.ok(cell.title.includes(messages[i]!)); });
    assert.match(failing[0]!.title, /办理结果合计不成立：「（七）总计」的「自然人」填报 7，按各项计算应为 8/u);
    assert.match(failing[1]!.title, /很可能有 1 件商业企业的申请被填入了自然人列/u);
  });

  it('sample 002: missing and invalid cells marked with the value.* message, absent cells titled', () => {
    const analysis = analyze(sample('002').text);
    const html = renderPreviewHtml(analysis, OPTIONS);
    const a = valueCells(tableSection(html, 'A'));
    const invalid = marked(a, 'invalid');
    assert.equal(invalid.length, 1);
    assert.equal(invalid[0]!.text, '8件(撤销1件、警告7件)');
    assert.ok(invalid[0]!.title.includes(analysis.findings.find((f) => f.code === 'value.invalid')!.message));
    assert.equal(marked(a, 'missing').length, 3); // 规章: no values
    const b = valueCells(tableSection(html, 'B'));
    assert.equal(b.length, 175);
    // Row （六）3.其他 is not in the text: its 7 cells are absent, without a range.
    const absent = marked(b, 'absent');
    assert.ok(absent.length >= 7);
    assert.ok(absent.every((c) => c.range === null));
    assert.ok(absent.some((c) => c.title === '文中没有「（六）其他处理 3.其他」的「自然人」'), absent.map((c) => c.title).join('\n'));
  });
});

describe('preview: tables with their headers', () => {
  const html = page(sample('004').text);

  it('table B has 25 rows of 7 values: 175 cells, each with its range in the text', () => {
    const cells = valueCells(tableSection(html, 'B'));
    assert.equal(cells.length, 175);
    assert.ok(cells.every((c) => c.range !== null && /^\d+,\d+,\d+,\d+$/u.test(c.range)));
    assert.equal(valueCells(tableSection(html, 'A')).length, 10);
    assert.equal(valueCells(tableSection(html, 'C')).length, 15);
  });

  it('column groups are spanning headers, single columns span the header rows', () => {
    const b = tableSection(html, 'B');
    assert.ok(b.includes('<th scope="col" colspan="7">申请人情况</th>'));
    assert.ok(b.includes('<th scope="col" colspan="5">法人或其他组织</th>'));
    assert.ok(b.includes('<th scope="col" rowspan="2">自然人</th>'));
    assert.ok(b.includes('<th scope="col" rowspan="2">总计</th>'));
    const c = tableSection(html, 'C');
    assert.ok(c.includes('<th scope="col" colspan="5">行政复议</th><th scope="col" colspan="10">行政诉讼</th>'));
    assert.ok(c.includes('<th scope="col" colspan="5">未经复议直接起诉</th><th scope="col" colspan="5">复议后起诉</th>'));
    assert.ok(c.includes('<th scope="col" rowspan="2">结果维持</th>'));
    // Table B's group rows carry only their label.
    assert.ok(b.includes('<tr class="group"><th scope="row" class="label depth-1"'));
    assert.ok(b.includes('>（三）不予公开</th><td class="fill" colspan="7"></td></tr>'));
  });

  it('a strict content security policy; one style and one script, both with the nonce; no inline handlers', () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${OPTIONS.cspSource} 'nonce-${OPTIONS.nonce}'; script-src 'nonce-${OPTIONS.nonce}';">`;
    assert.ok(html.includes(csp));
    assert.deepEqual([...html.matchAll(/<script[^>]*>/gu)].map((m) => m[0]), [`<script nonce="${OPTIONS.nonce}">`]);
    assert.deepEqual([...html.matchAll(/<style[^>]*>/gu)].map((m) => m[0]), [`<style nonce="${OPTIONS.nonce}">`]);
    assert.doesNotMatch(html, /\son[a-z]+=/u);
    assert.doesNotMatch(html, /\sstyle=/u); // inline style attributes would be blocked by the policy
    assert.ok(html.includes('var(--vscode-errorForeground)'));
    assert.doesNotMatch(html, /#[0-9a-f]{6}\b(?!\))/u); // theme colours only (fallbacks inside var() aside)
  });

  it('the body alone (for live updates) has no script and the same tables', () => {
    const analysis = analyze(sample('004').text);
    const body = renderPreviewBody(analysis);
    assert.doesNotMatch(body, /<script/u);
    assert.ok(renderPreviewHtml(analysis, OPTIONS).includes(`<main id="content">${body}</main>`));
  });
});

describe('preview: every text escaped', () => {
  it('a cell containing <script> is shown as text, not markup', () => {
    const lines = sample('004').text.split('\n');
    // Line 94 is the 自然人 value of row 二 (上年结转).
    lines[93] = '\t1件<script>alert("x")</script>';
    const analysis = analyze(lines.join('\n'));
    const html = renderPreviewHtml(analysis, OPTIONS);
    assert.equal([...html.matchAll(/<script/gu)].length, 1);
    assert.ok(html.includes('>1件&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>'));
    const cell = valueCells(tableSection(html, 'B')).find((c) => c.text.includes('alert'));
    assert.equal(cell?.text, '1件<script>alert("x")</script>');
    assert.deepEqual(cell.classes, ['invalid']);
    assert.equal(cell.range, '93,1,93,30');
    // The value.invalid message quotes it too, in the title attribute.
    assert.ok(html.includes('title="「二、上年结转政府信息公开申请数量」的「自然人」\n「二、上年结转政府信息公开申请数量」的「自然人」填写为「1件&lt;script&gt;'), html.slice(html.indexOf('1件&lt;') - 400, html.indexOf('1件&lt;')));
  });

  it('the title, the document name and the options are escaped too', () => {
    const text = sample('004').text.replace('北京市大兴区退役军人事务局', '北京市"大兴区"<b>退役军人事务局</b>');
    const html = renderPreviewHtml(analyze(text), { nonce: 'a"b', cspSource: "x'y", documentName: '<i>.txt' });
    assert.ok(html.includes('<h1>北京市&quot;大兴区&quot;&lt;b&gt;退役军人事务局&lt;/b&gt;2023年政府信息公开工作年度报告</h1>'));
    assert.ok(html.includes('<title>预览：&lt;i&gt;.txt</title>'));
    assert.ok(html.includes(`<script nonce="a&quot;b">`));
    assert.doesNotMatch(html, /<b>|<i>/u);
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });

  it('a text that is not a report gets one note and no tables', () => {
    const body = renderPreviewBody(analyze('会议纪要\n今天开会。'));
    assert.equal(body, '<p class="note">此文档看起来不是政府信息公开工作年度报告，没有可以预览的表格</p>');
  });
});
