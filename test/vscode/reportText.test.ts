/**
 * 「作为年报文本打开」 (govreport.openAsReportText) in a real editor: the Word fixture made from
 * sample 001 with a wrong total (table 二 row 一's 总计 38 → 39) opens as a govreport document of
 * its report text (a content provider's document: read-only), checked and outlined like any report.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, PROJECT_ROOT, waitForDiagnostics } from './helpers';

const FIXTURE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'docx', 'sample-001-wrong-total.docx');

suite('govreport.openAsReportText', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .docx opens as govreport-text: report text, govreport language, sum.row on the wrong total, the outline', async () => {
    const ws = vscode.workspace.workspaceFolders?.[0];
    const base = ws && ws.uri.scheme === 'file' ? ws.uri.fsPath : os.tmpdir();
    const dir = fs.mkdtempSync(path.join(base, 'govreport-e2e-docx-'));
    const file = path.join(dir, '年报-001.docx');
    fs.copyFileSync(FIXTURE, file);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('govreport.openAsReportText', vscode.Uri.file(file));
    assert.ok(editor, 'the command opened an editor');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'govreport-text');
    assert.equal(doc.languageId, 'govreport');
    assert.match(doc.getText(), /本年新收政府信息公开申请数量/u);
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'sum.row'), 'sum.row');
    const sumRows = ds.filter((d) => codeOf(d) === 'sum.row');
    assert.equal(sumRows.length, 1, describeDiagnostics(ds));
    assert.equal(doc.getText(sumRows[0]!.range), '39');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
    const sections = (symbols ?? []).flatMap((s) => (s.kind === vscode.SymbolKind.Module ? [s] : s.children.filter((c) => c.kind === vscode.SymbolKind.Module)));
    assert.equal(sections.length, 6, JSON.stringify((symbols ?? []).map((s) => s.name)));
  });
});
