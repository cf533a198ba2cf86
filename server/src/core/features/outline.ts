/**
 * The outline of a report (document symbols): the title, the sections with their numerals as
 * written, their subsections, each table under the section it sits in, and the rows of a table as
 * the format nests them (table B: 一, 二, 三 → （一）…（七）, （三） → 1.…8., 四). Built from the model
 * only — a heading the parser did not take for a section (a table row at column 0 in PDF text) never
 * appears as one, and a missing section leaves its neighbours and tables in place.
 */
import type { Analysis } from '../analyze';
import { TABLES, type TableId } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import type { Section } from '../model';
import type { Span } from '../text';
import { blockSpan, navIndex, sectionName, type RowNode, type TableEntry } from './navIndex';

export type OutlineKind = 'title' | 'section' | 'subsection' | 'table' | 'rowGroup' | 'row';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string | null;
  readonly kind: OutlineKind;
  /** Everything the symbol covers (contains the spans of its children). */
  readonly span: Span;
  /** What to reveal and highlight: the heading, the row label. Inside `span`. */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
  /** For a table symbol: which table. */
  readonly table?: TableId;
}

const cache = new WeakMap<Analysis, Map<MessageCatalog, readonly OutlineSymbol[]>>();

/** The outline of an analysed report, computed once per analysis (and message catalog). */
export function outline(analysis: Analysis, messages: MessageCatalog = zhCN): readonly OutlineSymbol[] {
  let byCatalog = cache.get(analysis);
  if (!byCatalog) {
    byCatalog = new Map();
    cache.set(analysis, byCatalog);
  }
  let result = byCatalog.get(messages);
  if (!result) {
    result = buildOutline(analysis, messages);
    byCatalog.set(messages, result);
  }
  return result;
}

function buildOutline(analysis: Analysis, messages: MessageCatalog): OutlineSymbol[] {
  const { model } = analysis;
  const index = navIndex(analysis);
  const result: OutlineSymbol[] = [];
  if (model.title) {
    result.push({ name: model.title.text, detail: null, kind: 'title', span: model.title.span, selectionSpan: model.title.span, children: [] });
  }

  // Tables go under the section whose span contains their start; a table before any section heading
  // (or in a report with no headings at all) stays at the top level, in text order.
  const tablesBySection = new Map<Section, TableEntry[]>();
  const loose: TableEntry[] = [];
  for (const entry of index.tables) {
    if (entry.section) {
      const list = tablesBySection.get(entry.section);
      if (list) list.push(entry);
      else tablesBySection.set(entry.section, [entry]);
    } else {
      loose.push(entry);
    }
  }

  const top: OutlineSymbol[] = [];
  for (const section of model.sections) {
    const children: OutlineSymbol[] = [];
    const tables = tablesBySection.get(section) ?? [];
    for (const sub of section.subsections) {
      // A subsection ends where a table begins (a table in a narrative section whose own heading is missing).
      let end = sub.span.end;
      for (const t of tables) if (t.table.span.start > sub.headingSpan.end && t.table.span.start < end) end = t.table.span.start;
      children.push({
        name: `${sub.marker}${sub.title}`,
        detail: null,
        kind: 'subsection',
        span: blockSpan(model, { start: sub.span.start, end }, sub.headingSpan.end),
        selectionSpan: sub.markerSpan,
        children: [],
      });
    }
    for (const entry of tables) children.push(tableSymbol(entry, messages));
    children.sort((a, b) => a.span.start - b.span.start);
    const own = blockSpan(model, section.span, section.headingSpan.end);
    top.push({
      name: sectionName(model, section),
      detail: null,
      kind: 'section',
      span: cover(own, children),
      selectionSpan: section.headingSpan,
      children,
    });
  }
  for (const entry of loose) top.push(tableSymbol(entry, messages));
  top.sort((a, b) => a.span.start - b.span.start);
  result.push(...top);
  return result;
}

function tableSymbol(entry: TableEntry, messages: MessageCatalog): OutlineSymbol {
  const { table } = entry;
  // A table of one row (table C) lists no rows: the row is the table.
  const rows = TABLES[entry.id].rows.length > 1 ? entry.tree.map(rowSymbol) : [];
  const first = table.rows[0];
  return {
    name: messages.tableName({ table: entry.id }),
    detail: `${table.spec.name} · ${messages.layoutName({ layout: table.layout })}`,
    kind: 'table',
    span: cover(table.span, rows),
    selectionSpan: first ? first.labelSpan : table.span,
    children: rows,
    table: entry.id,
  };
}

function rowSymbol(node: RowNode): OutlineSymbol {
  const children = node.children.map(rowSymbol);
  return {
    name: node.row.spec.label,
    detail: null,
    kind: node.row.spec.children ? 'rowGroup' : 'row',
    span: node.span,
    selectionSpan: node.row.labelSpan,
    children,
  };
}

/** A span grown to contain its children's. */
function cover(own: Span, children: readonly OutlineSymbol[]): Span {
  let start = own.start;
  let end = own.end;
  for (const c of children) {
    start = Math.min(start, c.span.start);
    end = Math.max(end, c.span.end);
  }
  return { start, end };
}
