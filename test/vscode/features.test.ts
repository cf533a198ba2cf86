/**
 * The language features as the editor's own commands see them (the same calls the Outline, the hover,
 * the code lens, the light bulb and save make), on the shared samples. Lines are 0-based.
 *
 * Where a test checks text that a translation would change (code-action titles, lens titles), it finds
 * things by what they do instead — the edit, the numbers — so the suite holds in either display language.
 */
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, linesWithCode, openSample, samplePath, waitForDiagnostics } from './helpers';

const S001 = '001_318a82d3163b8b1e.txt';
const S004 = '004_bf2c1b340b487aac.txt';

/** Resolve once `doc` is saved (workspace.onDidSaveTextDocument), or reject after `timeoutMs`. */
function savedOnce(doc: vscode.TextDocument, timeoutMs = 30_000): Promise<void> {
  const key = doc.uri.toString();
  return new Promise((resolve, reject) => {
    const sub = vscode.workspace.onDidSaveTextDocument((d) => {
      if (d.uri.toString() !== key) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${doc.fileName} to be saved`));
    }, timeoutMs);
  });
}

/** Replace the start of a line (`from`, which must be there) by `to`. */
function replaceAtLineStart(lines: string[], line: number, from: string, to: string): void {
  const text = lines[line] ?? '';
  assert.ok(text?.startsWith(from), `line ${line} of the sample starts with '${from}' (it is '${text}')`);
  lines[line] = to + text.slice(from.length);
}

suite('govreport language features in a real editor', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('document symbols of sample 004: the six sections in order, numerals as written, tables under their sections', async () => {
    const doc = await openSample(S004, 'symbols-004.txt');
    // The first request of the suite may come before the language client has registered its
    // providers (the editor then answers undefined): ask until it answers, for at most 30 s.
    let symbols: vscode.DocumentSymbol[] | undefined;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      if (Array.isArray(symbols) && symbols.length > 0) break;
    }
    assert.ok(Array.isArray(symbols), 'the document symbol provider answered');
    const sections = symbols.filter((s) => s.kind === vscode.SymbolKind.Module);
    assert.deepEqual(
      sections.map((s) => [s.name, s.selectionRange.start.line]),
      [
        ['一、总体情况', 5],
        ['二、主动公开政府信息情况', 13],
        ['2、 收到和处理政府信息公开申请情况', 62],
        ['四、政府信息公开行政复议、行政诉讼情况', 355],
        ['五、存在的主要问题及改进情况', 413],
        ['六、其他需要报告的事项', 415],
      ],
    );
    const tablesOf = (s: vscode.DocumentSymbol): string[] =>
      s.children.filter((c) => c.kind === vscode.SymbolKind.Struct).map((c) => c.name);
    assert.deepEqual(sections.map(tablesOf), [[], ['表一'], ['表二'], ['表三'], [], []]);
    // The title is the one other top-level symbol; section 一's seven subsections sit under it.
    assert.deepEqual(
      symbols.filter((s) => s.kind !== vscode.SymbolKind.Module).map((s) => [s.kind, s.name]),
      [[vscode.SymbolKind.File, '北京市大兴区退役军人事务局2023年政府信息公开工作年度报告']],
    );
    assert.equal(sections[0]?.children.filter((c) => c.kind === vscode.SymbolKind.Namespace).length, 7);
  });

  test('a quick fix applies: sample 004 heading 2、 at line 62 becomes 三、 and its finding goes', async () => {
    const doc = await openSample(S004, 'quickfix-004.txt');
    const before = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'structure.section-numbering'),
      'structure.section-numbering',
    );
    assert.deepEqual(linesWithCode(before, 'structure.section-numbering'), [62], describeDiagnostics(before));
    const finding = before.find((d) => codeOf(d) === 'structure.section-numbering')!;

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      finding.range,
    );
    const quickFixes = (actions ?? []).filter(
      (a): a is vscode.CodeAction => 'kind' in a && a.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(a.kind),
    );
    // Found by what it does (the title is translated): replace the numeral 2、 at 62:0-2 with 三、.
    const renumber = quickFixes.find((a) =>
      a.edit?.get(doc.uri).some((e) => e.newText === '三、' && e.range.isEqual(new vscode.Range(62, 0, 62, 2))),
    );
    assert.ok(renumber?.edit, `a quick fix renumbering line 62; got: ${quickFixes.map((a) => a.title).join(' | ') || '(none)'}`);
    // (vscode.executeCodeActionProvider's results do not carry the actions' diagnostics back, so which
    // finding the fix names is checked by the protocol tests, not here.)
    const textBefore = doc.getText();

    assert.equal(await vscode.workspace.applyEdit(renumber.edit), true, 'workspace.applyEdit applied the fix');
    assert.equal(doc.lineAt(62).text, '三、 收到和处理政府信息公开申请情况');
    // Exactly that change: everything else is as it was.
    assert.equal(doc.getText(), textBefore.replace('\n2、 收到和处理', '\n三、 收到和处理'));

    // The new version's diagnostics: the numbering finding is gone, the table findings remain.
    const after = await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((d) => codeOf(d) === 'structure.section-numbering') && ds.some((d) => codeOf(d) === 'sum.row'),
      'the diagnostics of the fixed text',
    );
    assert.deepEqual(linesWithCode(after, 'sum.row'), [90, 130, 341], describeDiagnostics(after));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('fix-all on save (source.fixAll.govreport): sample 001 headings renumbered, no number changed', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'govreport' });
    await editorConfig.update(
      'codeActionsOnSave',
      { 'source.fixAll.govreport': 'explicit' },
      vscode.ConfigurationTarget.Workspace,
      true,
    );
    try {
      const doc = await openSample(S001, 'fixall-001.txt');
      const ds = await waitForDiagnostics(
        doc.uri,
        (d) => d.some((x) => codeOf(x) === 'structure.section-numbering'),
        'structure.section-numbering',
      );
      assert.deepEqual(linesWithCode(ds, 'structure.subsection-numbering'), [7, 9], describeDiagnostics(ds));
      assert.deepEqual(linesWithCode(ds, 'structure.section-numbering'), [21], describeDiagnostics(ds));

      // An explicit save of a changed document (as Ctrl+S): make it dirty without changing its text.
      const original = fs.readFileSync(samplePath(S001), 'utf8');
      const end = doc.positionAt(doc.getText().length);
      const dirty = new vscode.WorkspaceEdit();
      dirty.insert(doc.uri, end, 'x');
      assert.ok(await vscode.workspace.applyEdit(dirty));
      const clean = new vscode.WorkspaceEdit();
      clean.delete(doc.uri, new vscode.Range(end, end.translate(0, 1)));
      assert.ok(await vscode.workspace.applyEdit(clean));
      assert.equal(doc.getText(), original);
      assert.ok(doc.isDirty, 'the document is dirty before the save');

      const saved = savedOnce(doc);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await saved;

      // Exactly the numerals: （1）→（一） line 7, （2）→（二） line 9, 2、→二、 line 21; nothing else.
      const expected = original.split('\n');
      replaceAtLineStart(expected, 7, '（1）', '（一）');
      replaceAtLineStart(expected, 9, '（2）', '（二）');
      replaceAtLineStart(expected, 21, '2、', '二、');
      assert.equal(doc.getText(), expected.join('\n'), 'the document after fix-all on save');
      assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), expected.join('\n'), 'the file on disk');
      // The numbers of the text, in order, are those of the sample less the three heading digits.
      const numbers = (t: string): string[] => t.match(/\d+(?:\.\d+)?/g) ?? [];
      const heads = new Set([7, 9, 21]);
      const body = (t: string): string => t.split('\n').filter((_, i) => !heads.has(i)).join('\n');
      assert.deepEqual(numbers(body(doc.getText())), numbers(body(original)));
      assert.deepEqual(numbers(expected[21]!), []);
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  test('hover on sample 004 line 90 (the stated 总计 of table 二 row 一) names the column and the failing sum', async () => {
    const doc = await openSample(S004, 'hover-004.txt');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'govreport diagnostics');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(90, 1),
    );
    const text = (hovers ?? [])
      .flatMap((h) => h.contents)
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- a hover's contents may come in the older MarkedString form
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /总计/, `hover text:\n${text}`);
    // Stated 0, computed 1 (as EXPECTED.md has it for sample 004).
    assert.match(text, /0\*\* ≠ 1 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 1/, `hover text:\n${text}`);
    const range = hovers?.find((h) => h.range)?.range;
    assert.equal(range?.start.line, 90, 'the hover covers the cell on line 90');
  });

  test('code lens of sample 004 table 二: 3 identities fail, 36 hold; it jumps to line 90', async () => {
    const doc = await openSample(S004, 'lens-004.txt');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'govreport diagnostics');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[] | undefined>(
      'vscode.executeCodeLensProvider',
      doc.uri,
    );
    const described = (lenses ?? []).map((l) => `${l.range.start.line}: ${l.command?.title ?? '(unresolved)'}`);
    // Table 二's lens sits on its section's heading (line 62); table 三's on line 355.
    assert.deepEqual(
      (lenses ?? []).map((l) => l.range.start.line).sort((a, b) => a - b),
      [62, 355],
      described.join('\n'),
    );
    const lens = lenses!.find((l) => l.range.start.line === 62)!;
    // The counts, whatever the language of the sentence around them: 3 fail, 36 hold.
    assert.deepEqual(lens.command?.title.match(/\d+/g), ['3', '36'], described.join('\n'));
    assert.equal(lens.command?.command, 'govreport.revealRange');
    const [uri, range] = (lens.command?.arguments ?? []) as [string, vscode.Range];
    assert.equal(uri, doc.uri.toString());
    assert.equal(range.start.line, 90, 'the lens jumps to the first failing cell');
  });
});
