/**
 * The table preview: tables 一, 二 and 三 of a report as HTML tables with the format's headers (column
 * groups as spanning headers), every cell that breaks an identity or is missing marked, with the
 * failing identity as its tooltip, and every cell carrying the LSP range it came from so that a click
 * can reveal it in the text. Pure: the language server serves it, the client only hosts the webview.
 *
 * What is marked comes from the analysis (its evaluations and its findings' messages): nothing is
 * checked here. Every text is HTML-escaped.
 */
import type { Analysis } from '../analyze';
import { TABLES, TABLE_IDS, type ColumnSpec, type RowSpec, type TableId } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import { findCell, findRow, type Cell, type Table } from '../model';
import { tableGrid, type GridLine, type HeaderCell } from '../render/grid';
import type { Span } from '../text';

export interface PreviewPageOptions {
  /** The nonce of the page's one style and one script element (a fresh one for every page). */
  readonly nonce: string;
  /** The webview's `cspSource`, allowed for style sheets. */
  readonly cspSource: string;
  /** The document's name, for the page title. */
  readonly documentName?: string;
  readonly messages?: MessageCatalog;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Mark = 'fail' | 'involved' | 'missing' | 'invalid' | 'absent';

interface CellView {
  readonly marks: ReadonlySet<Mark>;
  /** Tooltip lines. */
  readonly notes: readonly string[];
}

const spanKey = (s: Span): string => `${s.start}:${s.end}`;

/** What each cell of the report shows: its marks and the messages explaining them. */
function cellViews(analysis: Analysis, messages: MessageCatalog): Map<Cell, CellView> {
  const bySpan = new Map<string, { code: string; message: string }[]>();
  for (const f of analysis.findings) {
    if (!f.code.startsWith('sum.') && !f.code.startsWith('value.')) continue;
    const key = spanKey(f.span);
    const list = bySpan.get(key) ?? [];
    list.push({ code: f.code, message: f.message });
    bySpan.set(key, list);
  }
  const views = new Map<Cell, { marks: Set<Mark>; notes: string[] }>();
  const view = (cell: Cell): { marks: Set<Mark>; notes: string[] } => {
    let v = views.get(cell);
    if (!v) views.set(cell, (v = { marks: new Set(), notes: [] }));
    return v;
  };
  for (const e of analysis.evaluations) {
    if (e.status !== 'fails' || !e.stated) continue;
    const message = bySpan.get(spanKey(e.stated.span))?.find((f) => f.code === e.spec.code)?.message;
    const text = message ?? e.spec.kind;
    const stated = view(e.stated);
    stated.marks.add('fail');
    if (!stated.notes.includes(text)) stated.notes.push(text);
    for (const term of e.terms) {
      if (!term.cell || term.cell === e.stated) continue;
      const v = view(term.cell);
      v.marks.add('involved');
      const note = messages.previewInvolved({ message: text });
      if (!v.notes.includes(note)) v.notes.push(note);
    }
  }
  for (const id of TABLE_IDS) {
    for (const row of analysis.model.tables[id]?.rows ?? []) {
      for (const cell of row.cells) {
        if (cell.state === 'ok') continue;
        const v = view(cell);
        v.marks.add(cell.state);
        for (const f of bySpan.get(spanKey(cell.span)) ?? []) if (f.code.startsWith('value.') && !v.notes.includes(f.message)) v.notes.push(f.message);
      }
    }
  }
  return views;
}

/** The body of the preview (everything inside `<main>`): the summary, the legend and the three tables. */
export function renderPreviewBody(analysis: Analysis, messages: MessageCatalog = zhCN): string {
  if (!analysis.model.isReport) return `<p class="note">${escapeHtml(messages.previewNotReport())}</p>`;
  const views = cellViews(analysis, messages);
  const counts = { fails: 0, missing: 0, invalid: 0, absent: 0 };
  const tables = TABLE_IDS.map((id) => renderTable(analysis, id, views, messages, counts));
  const out: string[] = [];
  if (analysis.model.title) out.push(`<h1>${escapeHtml(analysis.model.title.text)}</h1>`);
  out.push(`<p class="summary" id="summary">${escapeHtml(messages.previewSummary(counts))}</p>`);
  const legend = (['fail', 'involved', 'missing', 'invalid', 'absent'] as const)
    .map((m) => `<span class="v ${m}">${escapeHtml(messages.previewLegend(m))}</span>`)
    .join(' ');
  out.push(`<p class="legend">${legend}</p>`);
  out.push(...tables);
  return out.join('\n');
}

function rangeAttribute(analysis: Analysis, span: Span): string {
  const r = analysis.model.lines.rangeOf(span);
  return ` data-range="${r.start.line},${r.start.character},${r.end.line},${r.end.character}" tabindex="0"`;
}

/** A table's grid width in cells: label columns (none for table C) and value columns. */
function gridWidth(grid: readonly GridLine[]): number {
  let width = 0;
  for (const line of grid) {
    const w = line.kind === 'row' ? (line.label ? 1 : 0) + line.values.length : line.kind === 'group' ? 0 : line.cells.reduce((n, c) => n + c.span, 0);
    width = Math.max(width, w);
  }
  return width;
}

/**
 * Header lines as HTML rows: a header cell with nothing below it (an empty cell under it in the next
 * line) spans those lines vertically, as in the printed format (自然人, 总计).
 */
function headerRows(lines: readonly { cells: readonly HeaderCell[]; caption: boolean }[], width: number): string[] {
  // Place every cell at its starting column.
  const placed = lines.map((line) => {
    const cells: { text: string; col: number; span: number; rowspan: number; hidden: boolean }[] = [];
    let col = 0;
    for (const c of line.cells) {
      cells.push({ text: c.text, col, span: c.span, rowspan: 1, hidden: false });
      col += c.span;
    }
    const last = cells[cells.length - 1];
    if (last && col < width) last.span += width - col;
    return cells;
  });
  for (let i = 1; i < placed.length; i++) {
    if (lines[i]!.caption || lines[i - 1]!.caption) continue;
    for (const cell of placed[i]!) {
      if (cell.text !== '' || cell.span !== 1) continue;
      // The nearest visible cell above at the same column, with the same width.
      for (let k = i - 1; k >= 0; k--) {
        const above = placed[k]!.find((c) => c.col === cell.col);
        if (!above) break;
        if (above.hidden) continue;
        if (above.span === 1 && above.text !== '' && k + above.rowspan === i) {
          above.rowspan++;
          cell.hidden = true;
        }
        break;
      }
    }
  }
  return placed.map((cells, i) => {
    const tag = lines[i]!.caption ? 'caption-row' : 'header';
    const html = cells
      .filter((c) => !c.hidden)
      .map((c) => `<th scope="col"${c.span > 1 ? ` colspan="${c.span}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${escapeHtml(c.text)}</th>`)
      .join('');
    return `<tr class="${tag}">${html}</tr>`;
  });
}

function renderTable(
  analysis: Analysis,
  id: TableId,
  views: ReadonlyMap<Cell, CellView>,
  messages: MessageCatalog,
  counts: { fails: number; missing: number; invalid: number; absent: number },
): string {
  const spec = TABLES[id];
  const table = analysis.model.tables[id];
  const heading = `${escapeHtml(messages.tableName({ table: id }))}　${escapeHtml(spec.name)}`;
  const headingRange = table ? rangeAttribute(analysis, { start: table.span.start, end: table.span.start }) : '';
  if (!table) {
    return `<section class="table" id="table-${id}"><h2>${heading}</h2><p class="note">${escapeHtml(messages.previewTableMissing({ table: messages.tableName({ table: id }), tableName: spec.name }))}</p></section>`;
  }
  const grid = tableGrid(id);
  const width = gridWidth(grid);
  const head: { cells: readonly HeaderCell[]; caption: boolean }[] = [];
  const body: string[] = [];
  const flushHead = (): void => {
    if (head.length === 0) return;
    body.push(...headerRows(head, width));
    head.length = 0;
  };
  for (const line of grid) {
    if (line.kind !== 'row' && line.kind !== 'group') {
      head.push({ cells: line.cells, caption: line.kind === 'caption' && id === 'A' });
      continue;
    }
    flushHead();
    if (line.kind === 'group') {
      body.push(`<tr class="group"><th scope="row" class="label depth-${line.depth}"${labelRange(analysis, table, line.row)}>${escapeHtml(line.row.label)}</th><td class="fill" colspan="${width - 1}"></td></tr>`);
      continue;
    }
    const row = findRow(table, line.row.id);
    const cells: string[] = [];
    if (line.label) {
      const absent = row ? '' : ' absent';
      cells.push(`<th scope="row" class="label depth-${line.depth}${absent}"${labelRange(analysis, table, line.row)}>${escapeHtml(line.label)}</th>`);
    }
    line.row.columns.forEach((columnId, i) => {
      const column = spec.columns.find((c) => c.id === columnId)!;
      const last = i === line.row.columns.length - 1;
      const used = (line.label ? 1 : 0) + line.row.columns.length;
      const colspan = last && used < width ? ` colspan="${width - used + 1}"` : '';
      cells.push(valueCell(analysis, table, line.row, column, views, messages, counts, colspan));
    });
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  flushHead();
  const layout = `<span class="layout">${escapeHtml(messages.layoutName({ layout: table.layout }))}</span>`;
  return `<section class="table" id="table-${id}"><h2${headingRange}>${heading} ${layout}</h2><table>\n${body.join('\n')}\n</table></section>`;
}

function labelRange(analysis: Analysis, table: Table, spec: RowSpec): string {
  const row = findRow(table, spec.id);
  return row ? rangeAttribute(analysis, row.labelSpan) : '';
}

function rowName(spec: RowSpec): string {
  return spec.groupLabel && /^\d/u.test(spec.numbering) ? `${spec.groupLabel} ${spec.label}` : spec.label;
}

function valueCell(
  analysis: Analysis,
  table: Table,
  row: RowSpec,
  column: ColumnSpec,
  views: ReadonlyMap<Cell, CellView>,
  messages: MessageCatalog,
  counts: { fails: number; missing: number; invalid: number; absent: number },
  colspan: string,
): string {
  const name = messages.cellName({ row: table.spec.rows.length === 1 ? table.spec.name : rowName(row), column: column.name.replace(/·/gu, ' · ') });
  const cell = findCell(table, row.id, column.id);
  if (!cell) {
    counts.absent++;
    return `<td class="v absent"${colspan} title="${escapeHtml(messages.previewCellAbsent({ cell: name }))}"></td>`;
  }
  const view = views.get(cell);
  const marks = view ? [...view.marks] : [];
  if (view?.marks.has('fail')) counts.fails++;
  if (cell.state === 'missing') counts.missing++;
  if (cell.state === 'invalid') counts.invalid++;
  const title = [name, ...(view?.notes ?? [])].join('\n');
  const text = cell.state === 'ok' && cell.value !== null ? String(cell.value) : cell.raw;
  const classes = ['v', ...marks].join(' ');
  return `<td class="${classes}"${colspan} title="${escapeHtml(title)}"${rangeAttribute(analysis, cell.span)}>${escapeHtml(text)}</td>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px 24px; }
h1 { font-size: 1.25em; font-weight: 600; margin: 12px 0 4px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 20px 0 6px; cursor: pointer; }
.layout { font-weight: normal; font-size: 0.85em; color: var(--vscode-descriptionForeground); margin-left: 8px; }
.summary { margin: 4px 0; }
.note { color: var(--vscode-descriptionForeground); font-style: italic; }
.legend .v { display: inline-block; padding: 1px 6px; margin-right: 6px; border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); font-size: 0.9em; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); padding: 2px 6px; }
th { font-weight: 600; background: var(--vscode-editorWidget-background, transparent); text-align: center; }
th.label { text-align: left; font-weight: normal; background: transparent; cursor: pointer; max-width: 28em; }
th.label.depth-1 { padding-left: 1.5em; }
th.label.depth-2 { padding-left: 3em; }
tr.group th.label { font-weight: 600; }
td.v { text-align: right; min-width: 2.5em; cursor: pointer; }
td.fill { border-left: none; }
.v.fail { color: var(--vscode-errorForeground); background: var(--vscode-inputValidation-errorBackground, transparent); outline: 2px solid var(--vscode-editorError-foreground, var(--vscode-errorForeground)); outline-offset: -2px; font-weight: 600; }
.v.involved { text-decoration: underline dotted var(--vscode-editorError-foreground, var(--vscode-errorForeground)); text-underline-offset: 3px; }
.v.missing, .v.invalid { background: var(--vscode-inputValidation-warningBackground, transparent); outline: 2px dashed var(--vscode-editorWarning-foreground); outline-offset: -2px; }
.v.invalid { color: var(--vscode-errorForeground); }
.v.absent, th.label.absent { background: repeating-linear-gradient(135deg, transparent 0 4px, var(--vscode-editorWarning-foreground) 4px 5px); opacity: 0.8; cursor: default; }
[data-range]:hover { background-color: var(--vscode-list-hoverBackground); }
[data-range]:focus { outline: 1px solid var(--vscode-focusBorder); }
.selected { box-shadow: inset 0 0 0 2px var(--vscode-focusBorder); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
function reveal(target) {
  const el = target && target.closest ? target.closest('[data-range]') : null;
  if (!el) return;
  const range = el.getAttribute('data-range').split(',').map(Number);
  for (const s of document.querySelectorAll('.selected')) s.classList.remove('selected');
  el.classList.add('selected');
  vscode.postMessage({ type: 'reveal', range });
}
document.addEventListener('click', (event) => reveal(event.target));
document.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') reveal(event.target); });
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message && message.type === 'update' && typeof message.body === 'string') {
    document.getElementById('content').innerHTML = message.body;
  }
});
`;

/** The whole page: a strict content security policy, the theme-coloured style, the click script, the body. */
export function renderPreviewHtml(analysis: Analysis, options: PreviewPageOptions): string {
  const messages = options.messages ?? zhCN;
  const nonce = escapeHtml(options.nonce);
  const csp = `default-src 'none'; style-src ${escapeHtml(options.cspSource)} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const title = messages.previewTitle({ document: options.documentName ?? analysis.model.title?.text ?? '' });
  const lang = messages.locale.replace(/-(\w+)$/u, (_, r: string) => `-${r.toUpperCase()}`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(title)}</title>`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head>',
    '<body>',
    `<main id="content">${renderPreviewBody(analysis, messages)}</main>`,
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
/** The preview's style sheet, for pages that draw the tables the same way (the verdict page). */
export { STYLE as PREVIEW_STYLE };
