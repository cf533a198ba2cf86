/**
 * textDocument/documentSymbol: the core's outline as hierarchical document symbols (outline view,
 * breadcrumbs, Go to Symbol). A web page checked in place has its outline mapped into the page's source.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { outline, type OutlineKind, type OutlineSymbol } from '../../core/features/outline';
import type { LineIndex, Span } from '../../core/text';
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

/**
 * An outline symbol of a web page's report text with its spans in the page's source (`toSource`
 * maps a span; an unmappable one becomes the parent's). The selection stays inside the range, as
 * editors require.
 */
export function mapSymbol(symbol: OutlineSymbol, toSource: (span: Span) => Span | null, fallback: Span = { start: 0, end: 0 }): OutlineSymbol {
  const span = toSource(symbol.span) ?? fallback;
  const selection = toSource(symbol.selectionSpan);
  const selectionSpan = selection && selection.start >= span.start && selection.end <= span.end ? selection : { start: span.start, end: span.start };
  const children = symbol.children
    .map((c) => mapSymbol(c, toSource, span))
    .map((c) => (c.span.start >= span.start && c.span.end <= span.end ? c : { ...c, span: clampSpan(c.span, span), selectionSpan: clampSpan(c.selectionSpan, span) }));
  return { ...symbol, span, selectionSpan, children };
}

function clampSpan(inner: Span, outer: Span): Span {
  const start = Math.min(Math.max(inner.start, outer.start), outer.end);
  return { start, end: Math.max(start, Math.min(inner.end, outer.end)) };
}

export const documentSymbols: Feature = {
  name: 'documentSymbols',
  register({ connection, analyses, messages }) {
    connection.onDocumentSymbol(
      guard(connection.console, 'documentSymbol', [], (params) => {
        const page = analyses.original(params.textDocument.uri);
        if (page) {
          const origin = page.read.origin;
          if (!origin) return [];
          return outline(page.analysis, messages()).map((s) => toDocumentSymbol(mapSymbol(s, (span) => origin.sourceSpan(span)), page.lines));
        }
        const analysis = analyses.get(params.textDocument.uri);
        return analysis ? outline(analysis, messages()).map((s) => toDocumentSymbol(s, analysis.model.lines)) : [];
      }),
    );
    return { documentSymbolProvider: { label: '年报结构' } };
  },
};
