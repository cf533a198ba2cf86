/**
 * Completion at a line start, from the format schema: the next expected section heading (after the
 * last section before the cursor; the other missing ones after it), inside a table the next row
 * label, in a narrative section the next subsection marker, and snippets of a whole table (in the
 * document's layout, a tab stop on each value) and of section 六's fee statement. Pure: plain items.
 */
import type { Analysis } from '../analyze';
import { SECTIONS, TABLES, type TableId } from '../format/schema';
import { feeStatement, renderTable, sectionHeading } from '../render';
import { documentConventions } from '../render/style';
import { markerFor } from '../rules/subsections';
import type { Span } from '../text';

export type CompletionKind = 'section' | 'row' | 'subsection' | 'table' | 'fee';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** The text to insert: a snippet (`${1:0}` tab stops) when `snippet`. */
  readonly insertText: string;
  readonly snippet: boolean;
  /** What the item replaces: the line's text from its first non-blank character to the cursor. */
  readonly replace: Span;
}

const SENTINEL = '\uE000';
const escapeSnippet = (text: string): string => text.replace(/[$}\\]/gu, (c) => `\\${c}`);

/** A text with a sentinel at each value, as a snippet with numbered tab stops. */
function snippetOf(text: string): string {
  let n = 0;
  return escapeSnippet(text).split(SENTINEL).reduce((out, part, i) => (i === 0 ? part : `${out}\${${++n}:0}${part}`), '');
}

function tableSnippet(analysis: Analysis, id: TableId): string {
  const { model } = analysis;
  const hasTables = Object.values(model.tables).some((t) => t.rows.length > 0);
  const conventions = documentConventions(model);
  const style = hasTables ? conventions.style : 'cell-per-line';
  return snippetOf(renderTable(id, style, { eol: conventions.eol, halfWidth: conventions.halfWidth }, () => SENTINEL));
}

/** The completion items at an offset, best first. */
export function completionsAt(analysis: Analysis, offset: number): CompletionEntry[] {
  const { model } = analysis;
  const { lines } = model;
  const line = lines.lineAt(offset);
  const lineStart = lines.lineStart(line);
  const prefix = model.text.slice(lineStart, offset);
  if (prefix.trim().length > 16 || /[。，,；;：:]/u.test(prefix)) return [];
  const replace: Span = { start: lineStart + (prefix.length - prefix.trimStart().length), end: offset };
  const sections = model.sections.filter((s) => lines.lineAt(s.headingSpan.start) !== line);
  const before = sections.filter((s) => s.headingSpan.start < lineStart);
  const last = before.at(-1);
  const present = new Set(sections.map((s) => s.spec.id));
  const missing = SECTIONS.filter((s) => !present.has(s.id));
  const next = missing.find((s) => s.order > (last?.spec.order ?? 0));
  const items: CompletionEntry[] = [];
  const plain = (label: string, kind: CompletionKind): CompletionEntry => ({ label, kind, insertText: label, snippet: false, replace });

  // Inside a table: the row after the last row before the cursor.
  const tableId = last?.spec.table;
  const table = tableId ? model.tables[tableId] : undefined;
  if (tableId && tableId !== 'C' && table && table.rows.length > 0) {
    const rowsBefore = table.rows.filter((r) => r.labelSpan.end <= lineStart);
    const lastRow = rowsBefore.reduce<(typeof rowsBefore)[number] | undefined>((a, r) => (!a || r.labelSpan.start > a.labelSpan.start ? r : a), undefined);
    if (lastRow) {
      const specs = TABLES[tableId].rows;
      const nextRow = specs[specs.findIndex((s) => s.id === lastRow.spec.id) + 1];
      if (nextRow) items.push(plain(nextRow.label, 'row'));
    }
  }
  // A section that expects a table it does not have, or section 六 without its fee statement.
  if (tableId && (!table || table.rows.length === 0)) {
    items.push({ label: `表格：${TABLES[tableId].name}`, kind: 'table', insertText: tableSnippet(analysis, tableId), snippet: true, replace });
  }
  const fee = (): CompletionEntry => {
    const text = feeStatement(model.year).replace(/为0(?=[件元])/gu, `为${SENTINEL}`);
    return { label: '信息处理费说明', kind: 'fee', insertText: snippetOf(text), snippet: true, replace };
  };
  if (last?.spec.id === 'other' && !/收费通知/u.test(model.text.slice(last.span.start, last.span.end))) items.push(fee());
  if (next) items.push(plain(sectionHeading(next), 'section'));
  // The next subsection marker of a narrative section.
  if (last && !last.spec.table) {
    const subs = last.subsections.filter((s) => s.markerSpan.start < lineStart);
    const lastSub = subs.at(-1);
    items.push(plain(markerFor(lastSub?.style ?? 'chinese-paren', (lastSub?.number ?? 0) + 1, lastSub), 'subsection'));
  }
  for (const s of missing) if (s !== next) items.push(plain(sectionHeading(s), 'section'));
  // Every table's skeleton and the fee statement, last.
  for (const id of ['A', 'B', 'C'] as const) {
    if (!items.some((i) => i.kind === 'table' && i.label.endsWith(TABLES[id].name))) {
      items.push({ label: `表格：${TABLES[id].name}`, kind: 'table', insertText: tableSnippet(analysis, id), snippet: true, replace });
    }
  }
  if (!items.some((i) => i.kind === 'fee')) items.push(fee());
  return items;
}
