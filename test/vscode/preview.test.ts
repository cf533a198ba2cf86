/**
 * The table preview in a real editor: the command opens a webview panel beside the report whose page
 * marks sample 004's three failing row sums.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { catalogFor } from '../../server/src/core/messages';
import { openSample, waitForDiagnostics } from './helpers';

const S004 = '004_bf2c1b340b487aac.txt';

suite('govreport table preview', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('govreport.showPreview opens a panel with the tables, sample 004’s sum.row cells marked', async () => {
    const doc = await openSample(S004, 'preview-004.txt');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'govreport diagnostics');
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('govreport.showPreview', doc.uri);
    assert.ok(panel, 'the command returns its panel');
    assert.equal(panel.viewType, 'govreport.preview');
    // In the editor's display language (code-server here runs in English).
    assert.equal(panel.title, catalogFor(vscode.env.language).previewTitle({ document: 'preview-004.txt' }));
    assert.equal(panel.visible, true);
    const html = panel.webview.html;
    // The policy, as the browser reads the attribute (the webview's cspSource may hold quotes, escaped).
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/u.exec(html)?.[1]?.replace(/&#39;/gu, "'");
    const nonce = /<script nonce="([^"]+)">/u.exec(html)?.[1];
    assert.ok(nonce);
    assert.equal(csp, `default-src 'none'; style-src ${panel.webview.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`);
    const failing = [...html.matchAll(/<td class="v fail"[^>]*data-range="(\d+),/gu)].map((m) => Number(m[1]));
    assert.deepEqual(failing, [90, 130, 341]);
    // Run again: the same panel comes forward.
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('govreport.showPreview', doc.uri);
    assert.equal(again, panel);
  });
});
