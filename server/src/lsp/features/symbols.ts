/**
 * textDocument/documentSymbol: the core's outline as hierarchical document symbols (outline view,
 * breadcrumbs, Go to Symbol).
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { outline, type OutlineKind, type OutlineSymbol } from '../../core/features/outline';
import type { LineIndex } from '../../core/text';
import type { Feature } from '../context';
import { guard } from '../guard';

/** How each kind of outline entry shows in the editor (also used by workspace symbols). */
export const SYMBOL_KIND: Readonly<Record<OutlineKind, SymbolKind>> = {
  title: SymbolKind.File,
  section: SymbolKind.Module,
  subsection: SymbolKind.Namespace,
  table: SymbolKind.Struct,
  rowGroup: SymbolKind.Array,
  row: SymbolKind.Field,
};

function toDocumentSymbol(symbol: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  const result: DocumentSymbol = {
    // An editor rejects a symbol with an empty name.
    name: symbol.name.trim() || ' ',
    kind: SYMBOL_KIND[symbol.kind],
    range: lines.rangeOf(symbol.span),
    selectionRange: lines.rangeOf(symbol.selectionSpan),
    children: symbol.children.map((c) => toDocumentSymbol(c, lines)),
  };
  if (symbol.detail) result.detail = symbol.detail;
  return result;
}

export const documentSymbols: Feature = {
  name: 'documentSymbols',
  register({ connection, analyses, messages }) {
    connection.onDocumentSymbol(
      guard(connection.console, 'documentSymbol', [], (params) => {
        const analysis = analyses.get(params.textDocument.uri);
        return analysis ? outline(analysis, messages()).map((s) => toDocumentSymbol(s, analysis.model.lines)) : [];
      }),
    );
    return { documentSymbolProvider: { label: '年报结构' } };
  },
};
