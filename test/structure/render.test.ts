/**
 * The table renderers, one per layout, driven by the schema: exact text for table A in each style,
 * and every style read back by the parser with every value in its column.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { TABLES, TABLE_IDS, type ColumnSpec, type RowSpec } from '../../server/src/core/format/schema';
import { feeStatement, renderSkeleton, renderTable, type TableStyle } from '../../server/src/core/render';
import { displayWidth } from '../../server/src/core/render/style';

const plain = { eol: '\n', halfWidth: false };

describe('table A in every style, character by character', () => {
  it('markdown: a rule after the first line; every line as wide as the widest group', () => {
    assert.equal(
      renderTable('A', 'markdown', plain),
      [
        '| 第二十条第（一）项 | | | |',
        '|---|---|---|---|',
        '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
        '| 规章 | 0 | 0 | 0 |',
        '| 行政规范性文件 | 0 | 0 | 0 |',
        '| 第二十条第（五）项 | | | |',
        '| 信息内容 | 本年处理决定数量 | | |',
        '| 行政许可 | 0 | | |',
        '| 第二十条第（六）项 | | | |',
        '| 信息内容 | 本年处理决定数量 | | |',
        '| 行政处罚 | 0 | | |',
        '| 行政强制 | 0 | | |',
        '| 第二十条第（八）项 | | | |',
        '| 信息内容 | 本年收费金额（单位：万元） | | |',
        '| 行政事业性收费 | 0 | | |',
      ].join('\n'),
    );
  });
  it('web copy, half-width punctuation: a cell per line followed by ` |`', () => {
    assert.equal(
      renderTable('A', 'pipe', { eol: '\n', halfWidth: true }),
      [
        '第二十条第(一)项 |', '|||', '信息内容 |', '本年制发件数 |', '本年废止件数 |', '现行有效件数 |',
        '规章 |', '0 |', '0 |', '0 |', '行政规范性文件 |', '0 |', '0 |', '0 |',
        '第二十条第(五)项 |', '|||', '信息内容 |', '本年处理决定数量 |', '行政许可 |', '0 |',
        '第二十条第(六)项 |', '|||', '信息内容 |', '本年处理决定数量 |', '行政处罚 |', '0 |', '行政强制 |', '0 |',
        '第二十条第(八)项 |', '|||', '信息内容 |', '本年收费金额(单位:万元) |', '行政事业性收费 |', '0 |',
      ].join('\n'),
    );
  });
  it('aligned: values right-aligned under their headers, at least two spaces apart', () => {
    assert.equal(
      renderTable('A', 'aligned', plain),
      [
        '    第二十条第（一）项',
        '信息内容        本年制发件数  本年废止件数  现行有效件数',
        '规章                       0             0             0',
        '行政规范性文件             0             0             0',
        '    第二十条第（五）项',
        '信息内容        本年处理决定数量',
        '行政许可                       0',
        '    第二十条第（六）项',
        '信息内容        本年处理决定数量',
        '行政处罚                       0',
        '行政强制                       0',
        '    第二十条第（八）项',
        '信息内容        本年收费金额（单位：万元）',
        '行政事业性收费                           0',
      ].join('\n'),
    );
  });
  it('run-together: one run of text, no separators', () => {
    assert.equal(
      renderTable('A', 'run-together', plain),
      '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件000第二十条第（五）项信息内容本年处理决定数量行政许可0第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0',
    );
  });
  it('CRLF: the document\'s line ending, and no other', () => {
    const text = renderTable('B', 'cell-per-line', { eol: '\r\n', halfWidth: false });
    assert.equal(text.replace(/\r\n/gu, '').includes('\n'), false);
    assert.equal(text.split('\r\n').length, renderTable('B', 'cell-per-line', plain).split('\n').length);
  });
  it('display widths: CJK characters count two columns', () => {
    assert.equal(displayWidth('规章 0'), 6);
    assert.equal(displayWidth('（一）'), 6);
  });
});

/** A distinct value for every cell: row index × 10 + column index, the fee amount with a decimal. */
function distinct(row: RowSpec, column: ColumnSpec): string {
  const table = TABLE_IDS.find((t) => TABLES[t].rows.includes(row))!;
  const r = TABLES[table].rows.indexOf(row);
  const c = row.columns.indexOf(column.id);
  return column.kind === 'amount' ? `${r}${c}.5` : String(r * 10 + c + 1);
}

function report(style: TableStyle, value?: (row: RowSpec, column: ColumnSpec) => string): string {
  const eol = style === 'run-together' ? '' : '\n';
  const sections = renderSkeleton(style, plain, 2024);
  let text = `某某市某某局2024年政府信息公开工作年度报告${eol}${eol}`;
  for (const s of sections) {
    const body = value && s.heading.startsWith('二') ? renderTable('A', style, plain, value) : value && s.heading.startsWith('三') ? renderTable('B', style, plain, value) : value && s.heading.startsWith('四') ? renderTable('C', style, plain, value) : s.body;
    text += `${s.heading}${eol}${style === 'markdown' && /^[二三四]/u.test(s.heading) ? eol : ''}${body}${eol}${eol}`;
  }
  return text;
}

describe('every style reads back: every cell in its column', () => {
  for (const style of ['cell-per-line', 'pipe', 'markdown', 'aligned'] as const) {
    it(`${style}: distinct values, each read where it was written`, () => {
      const a = analyze(report(style, distinct));
      assert.equal(a.model.sections.length, 6);
      for (const id of TABLE_IDS) {
        const table = a.model.tables[id]!;
        assert.equal(table.layout, style === 'markdown' ? 'pipe' : style);
        for (const spec of TABLES[id].rows.filter((r) => !r.children)) {
          const row = table.rows.find((r) => r.spec.id === spec.id);
          assert.ok(row, `${style} ${id} ${spec.id} read`);
          assert.deepEqual(
            row.cells.map((c) => c.raw),
            spec.columns.map((c) => distinct(spec, TABLES[id].columns.find((x) => x.id === c)!)),
            `${style} ${id} ${spec.id}`,
          );
        }
      }
    });
  }
  it('run-together: zeros split one way only, every cell read', () => {
    const a = analyze(report('run-together', () => '0'));
    for (const id of TABLE_IDS) {
      const cells = a.model.tables[id]!.rows.flatMap((r) => r.cells);
      assert.equal(cells.length, TABLES[id].rows.filter((r) => !r.children).reduce((n, r) => n + r.columns.length, 0));
      assert.ok(cells.every((c) => c.value === 0));
    }
  });
  for (const style of ['cell-per-line', 'pipe', 'markdown', 'aligned', 'run-together'] as const) {
    it(`${style}: a whole skeleton has no structure or value finding but its placeholders`, () => {
      const a = analyze(report(style));
      // Every cell is （待填）, read in its place: one finding per row; the three prompts left for the
      // author (sections 一, 五 and 六's fees) are unfinished too. Nothing else.
      const rows = TABLE_IDS.flatMap((id) => a.model.tables[id]!.rows.filter((r) => r.cells.length > 0));
      assert.equal(rows.length, 6 + 25 + 1);
      assert.ok(rows.every((r) => r.cells.length === r.spec.columns.length && r.cells.every((c) => c.raw === '（待填）' && c.state === 'missing')));
      assert.deepEqual(
        a.findings.map((f) => f.code),
        ['structure.preamble', ...Array<string>(2 + rows.length + 1).fill('structure.placeholder')],
      );
      const prompts = a.findings.filter((f) => f.code === 'structure.placeholder' && !rows.some((r) => r.span.start <= f.span.start && f.span.end <= r.span.end));
      assert.deepEqual(
        prompts.map((f) => a.model.text.slice(f.span.start, f.span.end)),
        ['（请在此概述本年度政府信息公开工作总体情况。）', '（请在此说明本年度政府信息公开工作存在的主要问题及改进情况。）', '（请在此说明2024年度收取信息处理费的情况：发出收费通知的件数和总金额，以及实际收取的总金额。）'],
      );
    });
  }
  it('the fee statement names the year, or 本年度 without one', () => {
    assert.equal(feeStatement(2023), '根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2023年度本机关发出收费通知的件数为0件，总金额为0元，实际收取的总金额为0元。');
    assert.match(feeStatement(null), /，本年度本机关发出收费通知的件数为0件/u);
  });
});
