/**
 * Formatting: `textDocument/formatting` rewrites every table, `textDocument/rangeFormatting` the
 * tables whose lines touch the range, in the default layout (`auto`: the document's own); and the
 * code actions (kind `refactor.rewrite`) that rewrite the table under the cursor, or every table, in
 * a chosen layout. The rewrites are the core's (`core/features/formatting.ts`), refused where they
 * would not read back the same; this module only converts offsets.
 */
import { CodeActionKind, type CodeAction, type DocumentFormattingParams, type DocumentRangeFormattingParams, type Range, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { Analysis } from '../../core/analyze';
import type { TextEdit } from '../../core/findings';
import { formatTables, layoutFor, TABLE_LAYOUTS, tableRewrite, tablesTouching, type TableLayoutOption } from '../../core/features/formatting';
import type { MessageCatalog } from '../../core/messages/catalog';
import type { LineIndex } from '../../core/text';
import type { Feature } from '../context';
import { guard } from '../guard';

export const CONVERT_KIND = CodeActionKind.RefactorRewrite;

function lspEdits(edits: readonly TextEdit[], lines: LineIndex): LspTextEdit[] {
  return edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText }));
}

/** The formatting edits of a document (of the tables touching `range`, when given). */
export function formattingEdits(analysis: Analysis, option: TableLayoutOption = 'auto', range?: Range): LspTextEdit[] {
  const { model } = analysis;
  if (!model.isReport) return [];
  const span = range ? { start: model.lines.offsetAt(range.start), end: model.lines.offsetAt(range.end) } : undefined;
  const ids = tablesTouching(model, span);
  if (ids.length === 0) return [];
  return lspEdits(formatTables(analysis, layoutFor(model, option), ids), model.lines);
}

/** The conversion actions for a range: the table(s) under it in each layout, and every table in each layout. */
export function conversionActions(analysis: Analysis, uri: string, version: number, range: Range, messages: MessageCatalog): CodeAction[] {
  const { model } = analysis;
  if (!model.isReport) return [];
  const span = { start: model.lines.offsetAt(range.start), end: model.lines.offsetAt(range.end) };
  const under = tablesTouching(model, span);
  if (under.length === 0) return [];
  const textDocument = { uri, version };
  const actions: CodeAction[] = [];
  const action = (title: string, edits: readonly TextEdit[]): CodeAction => ({
    title,
    kind: CONVERT_KIND,
    edit: { documentChanges: [{ textDocument, edits: lspEdits(edits, model.lines) }] },
  });
  for (const layout of TABLE_LAYOUTS) {
    const edits = under.flatMap((id) => {
      const r = tableRewrite(analysis, id, layout);
      return 'edit' in r ? [r.edit] : [];
    });
    if (edits.length > 0) actions.push(action(messages.convertTableTitle({ layout, all: false }), edits));
  }
  for (const layout of TABLE_LAYOUTS) {
    const edits = formatTables(analysis, layout);
    if (edits.length > 0) actions.push(action(messages.convertTableTitle({ layout, all: true }), edits));
  }
  return actions;
}

export const formatting: Feature = {
  name: 'formatting',
  register({ connection, documents, analyses, settings }) {
    const log = connection.console;
    const run = async (uri: string, range?: Range): Promise<LspTextEdit[]> => {
      const { tableLayout } = await settings.get(uri);
      if (!documents.get(uri) || analyses.original(uri)) return [];
      const analysis = analyses.get(uri);
      return analysis ? formattingEdits(analysis, tableLayout, range) : [];
    };
    connection.onDocumentFormatting(guard(log, 'formatting', [], (params: DocumentFormattingParams) => run(params.textDocument.uri)));
    connection.onDocumentRangeFormatting(guard(log, 'rangeFormatting', [], (params: DocumentRangeFormattingParams) => run(params.textDocument.uri, params.range)));
    return { documentFormattingProvider: true, documentRangeFormattingProvider: true };
  },
};
