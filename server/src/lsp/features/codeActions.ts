/**
 * Code actions: each finding's fixes as quick fixes (kind `quickfix`, with the diagnostic they fix),
 * and `source.fixAll.govreport`, which applies every safe fix at once — what
 * `editor.codeActionsOnSave` runs. Fixes that change a number the author typed are quick fixes only,
 * never part of fix-all; a fix that would move a value is not offered. The edits are the core's; this
 * module only converts them. A web page
 * checked in place gets the quick fixes that edit its source (those analyzeRead kept), no fix-all.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { Analysis } from '../../core/analyze';
import { lspDiagnostic } from './diagnostics';
import type { Finding, Fix, TextEdit } from '../../core/findings';
import { fixAll, fixKeepsValues, minimalEdit } from '../../core/fix';
import { applyRuleConfig, EMPTY_CONFIG, type RuleConfig } from '../../core/config';
import type { MessageCatalog } from '../../core/messages/catalog';
import { zhCN } from '../../core/messages/zh-cn';
import type { LineIndex } from '../../core/text';
import type { Feature } from '../context';
import { guard } from '../guard';
import { CONVERT_KIND, conversionActions } from './formatting';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govreport`;

/** Whether a requested kind (`only`) covers a kind: equal, or a parent of it (`source` ⊃ `source.fixAll`). */
function covers(requested: string, kind: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.length === 0 || only.some((k) => covers(k, kind));
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function lspEdits(edits: readonly TextEdit[], lines: LineIndex): LspTextEdit[] {
  return edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText }));
}

/**
 * The code actions for a range of a document. `version` goes into the edits, so that an editor
 * refuses them once the document has changed.
 */
export function codeActionsFor(
  analysis: Analysis,
  uri: string,
  version: number,
  range: Range,
  only: readonly string[] | undefined,
  messages: MessageCatalog = zhCN,
  config: RuleConfig = EMPTY_CONFIG,
): CodeAction[] {
  if (!analysis.model.isReport) return [];
  const lines = analysis.model.lines;
  const textDocument = { uri, version };
  const actions: CodeAction[] = wanted(only, CodeActionKind.QuickFix) ? quickFixesFor(analysis.findings, lines, uri, version, range, config, (fix) => fixKeepsValues(analysis, fix)) : [];
  // Fix-all analyses the text again, round after round: only when asked for by kind (the Source
  // Action menu, codeActionsOnSave), not on every cursor move that asks for the light bulb's actions.
  const askedForFixAll = only !== undefined && only.some((k) => covers(k, FIX_ALL_KIND));
  if (askedForFixAll && applyRuleConfig(analysis.findings, config).some((f) => f.fixes.some((x) => x.safe))) {
    const text = analysis.model.text;
    const edit = minimalEdit(text, fixAll(text, { messages, config }));
    if (edit) {
      actions.push({ title: messages.fixAllTitle(), kind: FIX_ALL_KIND, edit: { documentChanges: [{ textDocument, edits: lspEdits([edit], lines) }] } });
    }
  }
  if (wanted(only, CONVERT_KIND)) actions.push(...conversionActions(analysis, uri, version, range, messages));
  return actions;
}

/**
 * The quick fixes of findings whose diagnostics touch a range: each fix of each finding (as the
 * diagnostics show them: none of a rule switched off, each at its configured severity). `lines` are
 * those of the text the findings' spans are offsets into (a web page's source for a page). A fix
 * `offered` refuses (one that would move a value the author typed: core/keepsValues.ts) is left out;
 * the check reads the fixed text again, so it runs only for the findings under the cursor.
 */
export function quickFixesFor(
  findings: readonly Finding[],
  lines: LineIndex,
  uri: string,
  version: number,
  range: Range,
  config: RuleConfig = EMPTY_CONFIG,
  offered: (fix: Fix) => boolean = () => true,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const textDocument = { uri, version };
  for (const finding of applyRuleConfig(findings, config)) {
    if (finding.fixes.length === 0) continue;
    const diagnostic = lspDiagnostic(finding, lines, uri) as Diagnostic;
    if (!touches(diagnostic.range, range)) continue;
    for (const fix of finding.fixes) {
      if (!offered(fix)) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: { documentChanges: [{ textDocument, edits: lspEdits(fix.edits, lines) }] },
      });
    }
  }
  return actions;
}

export const codeActions: Feature = {
  name: 'codeActions',
  register({ connection, documents, analyses, messages, settings }) {
    const log = connection.console;
    connection.onCodeAction(
      guard(log, 'codeActions', [], async (params: CodeActionParams): Promise<CodeAction[]> => {
        const { rules } = await settings.get(params.textDocument.uri);
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        // A web page: the fixes analyzeRead kept (edits of one verbatim piece of the page); no fix-all,
        // which rewrites the report text and has no faithful place in the page.
        const page = analyses.original(document.uri);
        if (page) return wanted(params.context.only, CodeActionKind.QuickFix) ? quickFixesFor(page.findings, page.lines, document.uri, document.version, params.range, rules) : [];
        const analysis = analyses.get(params.textDocument.uri);
        if (!analysis) return [];
        return codeActionsFor(analysis, document.uri, document.version, params.range, params.context.only, messages(), rules);
      }),
    );
    return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CONVERT_KIND] } };
  },
};
