/**
 * The code-action adapter: each fix a quick fix with its diagnostic; `source.fixAll.govreport`
 * applying every safe fix; both over the protocol, from the built server.
 */
import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'url';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/core/analyze';
import { lspDiagnostic } from '../../server/src/lsp/features/diagnostics';
import { fixAll } from '../../server/src/core/fix';
import { codeActionsFor, FIX_ALL_KIND } from '../../server/src/lsp/features/codeActions';
import { TestClient } from '../lsp/client';
import { sample } from '../support/paths';

const range = (line: number, from = 0, to = from) => ({ start: { line, character: from }, end: { line, character: to } });

/** Applies a code action's edits to a text, as an editor would. */
function applyAction(text: string, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'govreport', 1, text), change.edits.filter((e): e is typeof e & { newText: string } => 'newText' in e));
}

describe('codeActionsFor', () => {
  const { text } = sample('001');
  const uri = 'file:///001.txt';
  const analysis = analyze(text);

  it('a quick fix for the heading on line 22, with its diagnostic and the document version', () => {
    const actions = codeActionsFor(analysis, uri, 7, range(21, 0), undefined);
    const fix = actions.find((a) => a.kind === 'quickfix')!;
    assert.equal(fix.title, '将序号「2、」改为「二、」');
    assert.equal(fix.isPreferred, true);
    const finding = analysis.findings.find((f) => f.code === 'structure.section-numbering')!;
    assert.deepEqual(fix.diagnostics, [lspDiagnostic(finding, analysis.model.lines, uri) as Diagnostic]);
    assert.deepEqual(fix.edit, { documentChanges: [{ textDocument: { uri, version: 7 }, edits: [{ range: { start: { line: 21, character: 0 }, end: { line: 21, character: 2 } }, newText: '二、' }] }] });
    assert.equal(applyAction(text, fix).split('\n')[21], '二、 主动公开政府信息情况');
  });

  it('only the findings in the range: line 8 offers the section-wide fix and the single one', () => {
    const actions = codeActionsFor(analysis, uri, 1, range(7, 1), ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), ['统一本部分的小节序号（改 2 处）', '将「（1）」改为「（一）」']);
    assert.deepEqual(codeActionsFor(analysis, uri, 1, range(40, 0), ['quickfix']), []);
  });

  it('source.fixAll.govreport: one edit giving what fix-all gives; asked for by its parent kinds too', () => {
    for (const only of [['source.fixAll'], ['source'], [FIX_ALL_KIND]]) {
      const actions = codeActionsFor(analysis, uri, 1, range(0), only);
      assert.deepEqual(actions.map((a) => a.kind), [FIX_ALL_KIND], String(only));
      assert.equal(applyAction(text, actions[0]!), fixAll(text));
    }
    assert.deepEqual(codeActionsFor(analysis, uri, 1, range(0), ['refactor']), []);
    // Not computed for a request that names no kind (the light bulb's, on every cursor move).
    assert.deepEqual(codeActionsFor(analysis, uri, 1, range(0), undefined).map((a) => a.kind), []);
  });

  it('004: the total-column fix is a quick fix, never in fix-all', () => {
    const a = analyze(sample('004').text);
    const quick = codeActionsFor(a, uri, 1, range(90, 1), ['quickfix']);
    assert.deepEqual(quick.map((x) => x.title), ['将「总计」列的 3 个合计全部改为计算值：1、1、1']);
    const all = codeActionsFor(a, uri, 1, range(0), ['source.fixAll']);
    assert.equal(applyAction(sample('004').text, all[0]!).split('\n')[90], '\t0');
  });

  it('a text that is not a report: no action', () => {
    assert.deepEqual(codeActionsFor(analyze('会议纪要：下周一讨论办公用品采购。\n'), uri, 1, range(0), undefined), []);
  });
});

describe('code actions over the protocol', () => {
  let client: TestClient;
  const s001 = sample('001');
  const uri001 = pathToFileURL(s001.file).href;

  let capabilities: Record<string, unknown> = {};

  before(async () => {
    const started = await TestClient.start();
    client = started.client;
    capabilities = started.initialized.capabilities as Record<string, unknown>;
    const from = client.published.length;
    await client.open(uri001, s001.text, 3);
    await client.waitForPublish((p) => p.uri === uri001, from);
  });
  after(async () => {
    await client.stop();
  });

  it('initialize: the code action kinds, fix-all and the table conversions among them', () => {
    assert.deepEqual(capabilities['codeActionProvider'], { codeActionKinds: ['quickfix', 'source.fixAll.govreport', 'refactor.rewrite'] });
  });

  it('textDocument/codeAction on line 22: the quick fix, with the version it was computed for', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri001 },
      range: range(21, 0, 2),
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['将序号「2、」改为「二、」', 'quickfix']]);
    assert.deepEqual((actions[0]!.edit!.documentChanges![0] as TextDocumentEdit).textDocument, { uri: uri001, version: 3 });
  });

  it('source.fixAll on save: the fixed text', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri001 },
      range: range(0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(applyAction(s001.text, actions[0]!), fixAll(s001.text));
  });
});
