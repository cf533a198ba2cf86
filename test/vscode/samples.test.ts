/**
 * The extension in a real editor, on the shared samples (expected findings: shared/samples/EXPECTED.md).
 * Line numbers here are 0-based (EXPECTED.md's are 1-based).
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codesWithPrefix,
  describeDiagnostics,
  govreportDiagnostics,
  linesWithCode,
  openSample,
  serverBarrier,
  waitForDiagnostics,
} from './helpers';

const S000 = '000_d92da6674a0d90b8.txt';
const S003 = '003_ce958aee357eda0c.txt';
const S004 = '004_bf2c1b340b487aac.txt';

/** Wait for the server's first non-empty answer for a document. */
function firstFindings(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'govreport diagnostics');
}

suite('govreport in a real editor', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .txt report is detected and switched to the govreport language', async () => {
    const doc = await openSample(S004);
    assert.ok(doc.uri.fsPath.endsWith('.txt'), 'the sample stays a .txt file');
    assert.equal(doc.languageId, 'govreport');
  });

  test('sample 004: sum.row at lines 90, 130, 341 and no other sum.* finding', async () => {
    const doc = await openSample(S004);
    const ds = await firstFindings(doc);
    const all = describeDiagnostics(ds);
    assert.deepEqual(linesWithCode(ds, 'sum.row'), [90, 130, 341], `sum.row lines; diagnostics:\n${all}`);
    assert.deepEqual(codesWithPrefix(ds, 'sum.'), ['sum.row'], `only sum.row among sum.*; diagnostics:\n${all}`);
  });

  test('sample 003: sum.outcome at lines 335 and 336', async () => {
    const doc = await openSample(S003);
    const ds = await firstFindings(doc);
    const all = describeDiagnostics(ds);
    assert.deepEqual(linesWithCode(ds, 'sum.outcome'), [335, 336], `sum.outcome lines; diagnostics:\n${all}`);
  });

  test('sample 000: no sum.* finding', async () => {
    const doc = await openSample(S000);
    // Every identity of 000 holds, so its answer may well be empty, and an empty answer cannot be told
    // from no answer yet. Open a document with known findings after it and wait for those: by then the
    // server has answered for 000 too.
    await serverBarrier(S004);
    const ds = govreportDiagnostics(doc.uri);
    assert.deepEqual(codesWithPrefix(ds, 'sum.'), [], `no sum.* expected; diagnostics:\n${describeDiagnostics(ds)}`);
  });
});
