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
  /** The document version the page shows: the grid's edits are asked for it. */
  readonly version?: number;
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
  /** A total that does not hold: what its terms add up to (the one-click fix writes it). */
  readonly fix?: number;
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
  const views = new Map<Cell, { marks: Set<Mark>; notes: string[]; fix?: number }>();
  const view = (cell: Cell): { marks: Set<Mark>; notes: string[]; fix?: number } => {
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
    if (e.computed !== null && e.computed >= 0 && stated.fix === undefined) stated.fix = e.computed;
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
  // The grid's address of the cell (ids of the schema: letters, digits, dots).
  const address = ` data-cell="${escapeHtml(`${table.spec.id}/${row.id}/${column.id}`)}"`;
  const cell = findCell(table, row.id, column.id);
  if (!cell) {
    counts.absent++;
    return `<td class="v absent"${colspan} title="${escapeHtml(messages.previewCellAbsent({ cell: name }))}"${address} tabindex="0"></td>`;
  }
  const view = views.get(cell);
  const marks = view ? [...view.marks] : [];
  if (view?.marks.has('fail')) counts.fails++;
  if (cell.state === 'missing') counts.missing++;
  if (cell.state === 'invalid') counts.invalid++;
  const title = [name, ...(view?.notes ?? [])].join('\n');
  const text = cell.state === 'ok' && cell.value !== null ? String(cell.value) : cell.raw;
  const classes = ['v', ...marks].join(' ');
  const fix = view?.fix !== undefined ? ` data-fix="${view.fix}" data-fix-label="${escapeHtml(messages.previewFixTo({ value: view.fix }))}"` : '';
  return `<td class="${classes}"${colspan} title="${escapeHtml(title)}"${rangeAttribute(analysis, cell.span)}${address}${fix}>${escapeHtml(text)}</td>`;
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
.toolbar { margin: 8px 0 4px; }
.toolbar .hint, .status { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.status { white-space: pre-line; min-height: 1em; margin: 2px 0; }
.editor { position: absolute; box-sizing: border-box; margin: 0; padding: 2px 6px; text-align: right; font: inherit; font-variant-numeric: tabular-nums; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 2px solid var(--vscode-focusBorder); outline: none; }
.reason { position: absolute; max-width: 24em; padding: 4px 8px; color: var(--vscode-inputValidation-errorForeground, var(--vscode-errorForeground)); background: var(--vscode-inputValidation-errorBackground, var(--vscode-editorWidget-background)); border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); z-index: 2; }
.fix { position: absolute; font: inherit; font-size: 0.85em; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 2px 8px; cursor: pointer; z-index: 1; }
.v.refused { outline: 2px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); outline-offset: -2px; }
[hidden] { display: none !important; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
const saved = vscode.getState() || {};
const stateElement = document.getElementById('state');
let version = Number(stateElement.getAttribute('data-version'));
let selectedKey = saved.selected || null;
const typed = Array.isArray(saved.typed) ? saved.typed : [];
const auto = document.getElementById('auto-totals');
auto.checked = saved.autoTotals === true;
const editor = document.getElementById('editor');
const reason = document.getElementById('reason');
const fixButton = document.getElementById('fix');
const status = document.getElementById('status');
let editing = null;
function save() { vscode.setState({ selected: selectedKey, typed: typed, autoTotals: auto.checked }); }
auto.addEventListener('change', save);
function cellElement(key) {
  if (!key) return null;
  for (const td of document.querySelectorAll('td[data-cell]')) if (td.getAttribute('data-cell') === key) return td;
  return null;
}
function allCells() { return Array.from(document.querySelectorAll('td[data-cell]')); }
function place(node, el, beside) {
  const r = el.getBoundingClientRect();
  node.style.left = (beside ? r.right + 4 : r.left) + window.scrollX + 'px';
  node.style.top = (beside === 'below' ? r.bottom : r.top) + window.scrollY + 'px';
  if (!beside) { node.style.width = r.width + 'px'; node.style.height = r.height + 'px'; }
}
function showFix(el) {
  if (!el || !el.hasAttribute('data-fix')) { fixButton.hidden = true; return; }
  fixButton.textContent = el.getAttribute('data-fix-label');
  fixButton.hidden = false;
  place(fixButton, el, true);
}
function hideReason() {
  reason.hidden = true;
  for (const r of document.querySelectorAll('.refused')) r.classList.remove('refused');
}
function revealOf(el, keepFocus) {
  const range = el.getAttribute('data-range').split(',').map(Number);
  vscode.postMessage({ type: 'reveal', range, keepFocus });
}
function select(el, reveal) {
  if (!el) return;
  for (const s of document.querySelectorAll('.selected')) s.classList.remove('selected');
  el.classList.add('selected');
  selectedKey = el.getAttribute('data-cell');
  save();
  el.focus();
  showFix(el);
  if (reveal && el.hasAttribute('data-range')) revealOf(el, true);
}
function neighbour(el, dx, dy) {
  if (dy === 0) {
    const cells = allCells();
    return cells[cells.indexOf(el) + dx] || el;
  }
  const r = el.getBoundingClientRect();
  const centre = r.left + r.width / 2;
  let tr = el.parentElement;
  while (tr) {
    tr = dy > 0 ? tr.nextElementSibling : tr.previousElementSibling;
    if (!tr) break;
    const candidates = Array.from(tr.querySelectorAll('td[data-cell]'));
    if (candidates.length === 0) continue;
    let best = candidates[0];
    let distance = Infinity;
    for (const c of candidates) {
      const b = c.getBoundingClientRect();
      const d = Math.abs(b.left + b.width / 2 - centre);
      if (d < distance) { distance = d; best = c; }
    }
    return best;
  }
  return el;
}
function startEdit(el, initial) {
  editing = el.getAttribute('data-cell');
  place(editor, el, false);
  editor.hidden = false;
  editor.value = initial;
  editor.focus();
  editor.setSelectionRange(editor.value.length, editor.value.length);
}
function stopEdit() { editing = null; editor.hidden = true; }
function address(key) { const p = key.split('/'); return { table: p[0], row: p[1], column: p[2] }; }
function commit(key, text) {
  hideReason();
  if (!typed.includes(key)) typed.push(key);
  save();
  vscode.postMessage({ type: 'edit', version, cell: address(key), text, autoTotals: auto.checked, keep: typed.filter((k) => k !== key).map(address) });
}
fixButton.addEventListener('click', () => {
  const el = cellElement(selectedKey);
  if (el && el.hasAttribute('data-fix')) commit(selectedKey, el.getAttribute('data-fix'));
});
document.addEventListener('click', (event) => {
  const target = event.target;
  if (target === editor || target === fixButton || target === auto) return;
  const cell = target && target.closest ? target.closest('td[data-cell]') : null;
  if (cell) { if (editing) stopEdit(); select(cell, true); return; }
  const el = target && target.closest ? target.closest('[data-range]') : null;
  if (el) revealOf(el, false);
});
document.addEventListener('dblclick', (event) => {
  const cell = event.target && event.target.closest ? event.target.closest('td[data-cell]') : null;
  if (cell) startEdit(cell, cell.textContent);
});
const MOVES = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
document.addEventListener('keydown', (event) => {
  const target = event.target;
  if (target === editor) {
    const el = cellElement(editing);
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const key = editing;
      const text = editor.value;
      stopEdit();
      if (el) {
        commit(key, text);
        select(event.key === 'Enter' ? neighbour(el, 0, event.shiftKey ? -1 : 1) : neighbour(el, event.shiftKey ? -1 : 1, 0), false);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      stopEdit();
      hideReason();
      select(el, false);
    }
    return;
  }
  const cell = target && target.closest ? target.closest('td[data-cell]') : null;
  if (!cell) {
    if ((event.key === 'Enter' || event.key === ' ') && target && target.closest && target.closest('[data-range]')) revealOf(target.closest('[data-range]'), false);
    return;
  }
  const move = MOVES[event.key];
  if (move) { event.preventDefault(); select(neighbour(cell, move[0], move[1]), false); return; }
  if (event.key === 'Tab') { event.preventDefault(); select(neighbour(cell, event.shiftKey ? -1 : 1, 0), false); return; }
  if (event.key === 'Enter') { event.preventDefault(); select(neighbour(cell, 0, event.shiftKey ? -1 : 1), false); return; }
  if (event.key === 'F2') { event.preventDefault(); startEdit(cell, cell.textContent); return; }
  if (event.key === 'Escape') { event.preventDefault(); vscode.postMessage({ type: 'leave' }); return; }
  if (event.key === 'Backspace' || event.key === 'Delete') { event.preventDefault(); startEdit(cell, ''); return; }
  if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) { event.preventDefault(); startEdit(cell, event.key); }
});
window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || typeof message.type !== 'string') return;
  if (message.type === 'update' && typeof message.body === 'string') {
    document.getElementById('content').innerHTML = message.body;
    if (typeof message.version === 'number') version = message.version;
    const el = cellElement(selectedKey);
    if (el) {
      el.classList.add('selected');
      if (editing) { const e = cellElement(editing); if (e) place(editor, e, false); }
      else if (document.hasFocus()) el.focus();
      showFix(el);
    } else fixButton.hidden = true;
  } else if (message.type === 'refused' && typeof message.cell === 'string' && typeof message.message === 'string') {
    const el = cellElement(message.cell);
    const i = typed.indexOf(message.cell);
    if (i >= 0) typed.splice(i, 1);
    save();
    if (!el) return;
    select(el, false);
    startEdit(el, typeof message.text === 'string' ? message.text : '');
    el.classList.add('refused');
    reason.textContent = message.message;
    reason.hidden = false;
    place(reason, el, 'below');
  } else if (message.type === 'edited' && Array.isArray(message.conflicts)) {
    status.textContent = message.conflicts.map((c) => String(c.message)).join('\\n');
  }
});
if (selectedKey) { const el = cellElement(selectedKey); if (el) { el.classList.add('selected'); showFix(el); } }
`;

/**
 * A page's opening up to `<body>`: the language from the catalog's locale, the content security
 * policy, the title and the one style sheet under the nonce (the preview and the verdict page).
 * `csp`, `nonce` and `style` are written as given; the title is escaped.
 */
export function pageHead(messages: MessageCatalog, page: { readonly csp: string; readonly nonce: string; readonly title: string; readonly style: string }): string[] {
  const lang = messages.locale.replace(/-(\w+)$/u, (_, r: string) => `-${r.toUpperCase()}`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${page.csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style nonce="${page.nonce}">${page.style}</style>`,
    '</head>',
    '<body>',
  ];
}

/** The whole page: a strict content security policy, the theme-coloured style, the click script, the body. */
export function renderPreviewHtml(analysis: Analysis, options: PreviewPageOptions): string {
  const messages = options.messages ?? zhCN;
  const nonce = escapeHtml(options.nonce);
  const csp = `default-src 'none'; style-src ${escapeHtml(options.cspSource)} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const title = messages.previewTitle({ document: options.documentName ?? analysis.model.title?.text ?? '' });
  return [
    ...pageHead(messages, { csp, nonce, title, style: STYLE }),
    `<div id="state" data-version="${options.version ?? 0}" hidden></div>`,
    `<p class="toolbar"><label title="${escapeHtml(messages.previewAutoTotalsHint())}"><input type="checkbox" id="auto-totals"> ${escapeHtml(messages.previewAutoTotals())}</label> <span class="hint">${escapeHtml(messages.previewEditHint())}</span></p>`,
    '<p class="status" id="status" role="status"></p>',
    `<main id="content">${renderPreviewBody(analysis, messages)}</main>`,
    '<input id="editor" class="editor" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" hidden>',
    '<div id="reason" class="reason" role="alert" hidden></div>',
    '<button id="fix" class="fix" type="button" hidden></button>',
    `<script nonce="${nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}
/** The preview's style sheet, for pages that draw the tables the same way (the verdict page). */
export { STYLE as PREVIEW_STYLE };
