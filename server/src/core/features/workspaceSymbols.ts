/**
 * Workspace symbols: the sections and tables of a report, named with the body from the report's title
 * (`北京市西城区民政局 › 三、收到和处理政府信息公开申请情况`), so that a folder of reports can be searched
 * by body and section at once. Taken from the outline; the adapter feeds every report in the open
 * folders through here.
 */
import type { Analysis } from '../analyze';
import { TABLES } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import type { Span } from '../text';
import { outline, type OutlineKind, type OutlineSymbol } from './outline';

export interface ReportSymbol {
  readonly name: string;
  readonly kind: OutlineKind;
  /** The symbol's selection span (heading, first row label). */
  readonly span: Span;
  /** The report the symbol belongs to. */
  readonly report: string;
}

/**
 * The report's sections and tables. `fallbackName` names the report when its title gives no body
 * (the file name, say).
 */
export function reportSymbols(analysis: Analysis, fallbackName: string, messages: MessageCatalog = zhCN): ReportSymbol[] {
  const report = analysis.model.title?.body ?? fallbackName;
  const result: ReportSymbol[] = [];
  const add = (s: OutlineSymbol): void => {
    result.push({ name: messages.reportSymbolName({ report, name: s.table ? `${s.name} ${TABLES[s.table].name}` : s.name }), kind: s.kind, span: s.selectionSpan, report });
  };
  for (const symbol of outline(analysis, messages)) {
    if (symbol.kind === 'table') add(symbol);
    if (symbol.kind !== 'section') continue;
    add(symbol);
    for (const child of symbol.children) if (child.kind === 'table') add(child);
  }
  return result;
}

/**
 * Does a symbol name match a workspace-symbol query? The query's characters, ignoring white space
 * and case, must appear in the name in order (the editor filters and ranks further).
 */
export function matchesQuery(name: string, query: string): boolean {
  const q = query.replace(/\s+/gu, '').toLowerCase();
  if (q === '') return true;
  const n = name.toLowerCase();
  let at = 0;
  for (const ch of q) {
    const found = n.indexOf(ch, at);
    if (found < 0) return false;
    at = found + ch.length;
  }
  return true;
}
