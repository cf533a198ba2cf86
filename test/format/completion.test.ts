/**
 * Completion (core/features/completion.ts, lsp/features/completion.ts): on sample 004 cut after each
 * section, the first item is the next section's heading; inside table 二 after a row, the first item
 * is the row after it; the table and fee-statement snippets have a tab stop on each value.
 */
import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, InsertTextFormat } from 'vscode-languageserver/node';
import { analyze } from '../../server/src/core/analyze';
import { completionsAt } from '../../server/src/core/features/completion';
import { SECTIONS, TABLES } from '../../server/src/core/format/schema';
import { sectionHeading } from '../../server/src/core/render';
import { MemoryServer } from '../lsp/memoryServer';
import { sample } from '../support/paths';

const text = sample('004').text;
const full = analyze(text);

describe('completion: the next section heading', () => {
  it('a document cut after each section: the first item is the next section\'s heading', () => {
    const sections = full.model.sections;
    for (let i = 0; i < sections.length - 1; i++) {
      const cut = text.slice(0, sections[i + 1]!.headingSpan.start);
      const at = cut.endsWith('\n') ? cut : `${cut}\n`;
      const items = completionsAt(analyze(at), at.length);
      assert.equal(items[0]?.label, sectionHeading(SECTIONS[i + 1]!), `cut after ${sections[i]!.spec.numeral}`);
      assert.equal(items[0]?.kind, 'section');
    }
  });
  it('before any section: 一、总体情况 first', () => {
    const title = '某局2024年政府信息公开工作年度报告\n';
    assert.equal(completionsAt(analyze(title), title.length)[0]?.label, '一、总体情况');
  });
  it('not in the middle of a sentence', () => {
    const t = '某局2024年政府信息公开工作年度报告\n本年度，我局';
    assert.deepEqual(completionsAt(analyze(t), t.length), []);
  });
});

describe('completion: the next row inside table 二', () => {
  const rows = TABLES.B.rows;
  for (const id of ['new', 'carried', 'partial', 'denied.8', 'total']) {
    it(`after ${id}`, () => {
      const row = full.model.tables.B!.rows.find((r) => r.spec.id === id)!;
      // The line after the row's last cell.
      const end = full.model.lines.lineEnd(full.model.lines.lineAt(row.cells.at(-1)!.span.end));
      const cut = `${text.slice(0, end)}\n`;
      const items = completionsAt(analyze(cut), cut.length);
      assert.equal(items[0]?.label, rows[rows.findIndex((r) => r.id === id) + 1]!.label);
      assert.equal(items[0]?.kind, 'row');
    });
  }
});

describe('completion: snippets', () => {
  it('a section 三 without its table: the table\'s skeleton first, a cell per line (no table in the text), 175 tab stops', () => {
    const t = '某局2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n';
    const first = completionsAt(analyze(t), t.length)[0]!;
    assert.equal(first.kind, 'table');
    assert.equal(first.snippet, true);
    assert.equal(first.insertText.match(/\$\{\d+:0\}/gu)?.length, 175);
    assert.match(first.insertText, /\t一、本年新收政府信息公开申请数量\n\t\$\{1:0\}\n\t\$\{2:0\}/u);
    assert.match(first.insertText, /\$\{175:0\}$/u);
  });
  it('section 六 without the fee statement: the statement with a tab stop on each of its three numbers', () => {
    const t = '某局2024年政府信息公开工作年度报告\n六、其他需要报告的事项\n';
    const first = completionsAt(analyze(t), t.length)[0]!;
    assert.equal(first.kind, 'fee');
    assert.equal(
      first.insertText,
      '根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2024年度本机关发出收费通知的件数为${1:0}件，总金额为${2:0}元，实际收取的总金额为${3:0}元。',
    );
  });
});

describe('language server: textDocument/completion', () => {
  let server: MemoryServer;
  const uri = 'file:///memory/cut.txt';
  const cut = text.slice(0, full.model.sections[2]!.headingSpan.start);
  before(async () => {
    server = await MemoryServer.start();
    await server.open(uri, 'govreport', cut);
  });
  after(() => { server.stop(); });
  it('at the end of a document cut after section 二: 三、收到和处理政府信息公开申请情况 first, as plain text replacing nothing', async () => {
    const lines = cut.split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    assert.equal(items[0]?.label, '三、收到和处理政府信息公开申请情况');
    assert.equal(items[0]?.insertTextFormat, InsertTextFormat.PlainText);
    assert.deepEqual(items[0]?.textEdit, { range: { start: position, end: position }, newText: '三、收到和处理政府信息公开申请情况' });
    assert.equal(items[0]?.sortText, '0000');
  });
});
