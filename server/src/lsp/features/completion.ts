/**
 * textDocument/completion: the core's items (core/features/completion.ts) as LSP completion items,
 * each replacing what is typed on the line, in the core's order (sortText), snippets as snippets.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import type { Analysis } from '../../core/analyze';
import { completionsAt, type CompletionKind } from '../../core/features/completion';
import type { Position } from '../../core/text';
import type { Feature } from '../context';
import { guard } from '../guard';

const KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  section: CompletionItemKind.Module,
  subsection: CompletionItemKind.Field,
  row: CompletionItemKind.EnumMember,
  table: CompletionItemKind.Snippet,
  fee: CompletionItemKind.Snippet,
};

export function completionItems(analysis: Analysis, position: Position): CompletionItem[] {
  if (!analysis.model.isReport && analysis.model.sections.length === 0 && analysis.model.title === null) return [];
  const lines = analysis.model.lines;
  return completionsAt(analysis, lines.offsetAt(position)).map((entry, i) => ({
    label: entry.label,
    kind: KINDS[entry.kind],
    sortText: String(i).padStart(4, '0'),
    filterText: entry.label,
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: lines.rangeOf(entry.replace), newText: entry.insertText },
  }));
}

export const completion: Feature = {
  name: 'completion',
  register({ connection, documents, analyses }) {
    connection.onCompletion(
      guard(connection.console, 'completion', [], (params: CompletionParams): CompletionItem[] => {
        if (!documents.get(params.textDocument.uri) || analyses.original(params.textDocument.uri)) return [];
        const analysis = analyses.get(params.textDocument.uri);
        return analysis ? completionItems(analysis, params.position) : [];
      }),
    );
    return { completionProvider: { resolveProvider: false } };
  },
};

