/**
 * The reviewer's verdict on a folder of reports, as one self-contained HTML page: a row per report
 * (file, body, year, errors, warnings, the first failing identity) that sorts by any column and
 * filters by text or by outcome; each row opens to its findings and its tables drawn as in the
 * editor's preview (the same renderer). Works offline: no external resource, one style and one
 * script, both under a nonce in a strict content security policy. Printing opens every report.
 *
 * Pure: the caller gives the diagnostics it reports (after the rule configuration) and, when it has
 * it, the analysis whose tables are drawn. Every text is HTML-escaped.
 */
import type { Analysis } from '../analysis';
import type { DiagnosticShape } from '../diagnostic';
import type { MessageCatalog, VerdictWord } from '../messages/catalog';
import { escapeHtml, pageHead, PREVIEW_STYLE, renderPreviewBody } from './preview';

export interface VerdictReport {
  /** As the command line shows it. */
  readonly path: string;
  /** The report's analysis, for its body, year and tables; absent when only diagnostics are known. */
  readonly analysis?: Analysis;
  readonly diagnostics: readonly DiagnosticShape[];
}

/** A file that was not checked: the sentence naming it and why, in the user's language. */
export interface VerdictNotChecked {
  readonly text: string;
}

export interface VerdictPageOptions {
  readonly messages: MessageCatalog;
  /** The nonce of the page's style and script (fresh for every page). */
  readonly nonce: string;
}

/** The first diagnostic of a failing identity (a `sum.*` code), in text order. */
function firstFailingIdentity(diagnostics: readonly DiagnosticShape[]): DiagnosticShape | undefined {
  return diagnostics.find((d) => d.code.startsWith('sum.'));
}

const count = (diagnostics: readonly DiagnosticShape[], severity: DiagnosticShape['severity']): number => diagnostics.filter((d) => d.severity === severity).length;

function findingItem(d: DiagnosticShape, messages: MessageCatalog): string {
  const where = messages.verdictWhere({ line: d.range.start.line + 1, column: d.range.start.character + 1 });
  return (
    `<li class="sev-${d.severity}"><span class="where">${escapeHtml(where)}</span> ` +
    `<span class="sev">${escapeHtml(messages.verdictSeverity(d.severity))}</span> ` +
    `<code>${escapeHtml(d.code)}</code> <span class="message">${escapeHtml(d.message)}</span></li>`
  );
}

function reportRows(report: VerdictReport, index: number, messages: MessageCatalog): string {
  const errors = count(report.diagnostics, 1);
  const warnings = count(report.diagnostics, 2);
  const model = report.analysis?.model;
  const body = model?.title?.body ?? '';
  const year = model?.year ?? null;
  const first = firstFailingIdentity(report.diagnostics);
  const id = `r${index}`;
  const outcome = errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'clean';
  const cells = [
    `<td class="path">${escapeHtml(report.path)}</td>`,
    `<td>${escapeHtml(body)}</td>`,
    `<td class="n">${year === null ? '' : String(year)}</td>`,
    `<td class="n errors">${errors}</td>`,
    `<td class="n warnings">${warnings}</td>`,
    `<td class="first">${first ? `<code>${escapeHtml(first.code)}</code> ${escapeHtml(first.message)}` : ''}</td>`,
  ];
  const row =
    `<tr class="report ${outcome}" id="${id}" tabindex="0" aria-expanded="false" aria-controls="${id}-detail"` +
    ` data-path="${escapeHtml(report.path)}" data-body="${escapeHtml(body)}" data-year="${year ?? ''}"` +
    ` data-errors="${errors}" data-warnings="${warnings}" data-first="${escapeHtml(first?.code ?? '')}" data-outcome="${outcome}">` +
    cells.join('') +
    '</tr>';
  const findings = report.diagnostics.length > 0 ? `<ol class="findings">${report.diagnostics.map((d) => findingItem(d, messages)).join('')}</ol>` : `<p class="none">${escapeHtml(messages.verdictWord('noFindings'))}</p>`;
  const tables = report.analysis ? `<div class="tables">${renderPreviewBody(report.analysis, messages)}</div>` : '';
  const detail = `<tr class="detail" id="${id}-detail" hidden><td colspan="6">${findings}${tables}</td></tr>`;
  return row + detail;
}

const PAGE_STYLE = `
:root { --vscode-font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; --vscode-font-size: 14px; --vscode-foreground: #1f1f1f; --vscode-editor-background: #ffffff; --vscode-descriptionForeground: #616161; --vscode-panel-border: #c8c8c8; --vscode-editorWidget-background: #f3f3f3; --vscode-errorForeground: #b3261e; --vscode-editorError-foreground: #d32f2f; --vscode-inputValidation-errorBackground: #fde7e9; --vscode-editorWarning-foreground: #b26a00; --vscode-inputValidation-warningBackground: #fff4ce; --vscode-list-hoverBackground: #eef3fb; --vscode-focusBorder: #005fb8; }
header { position: sticky; top: 0; background: var(--vscode-editor-background); padding: 8px 0; border-bottom: 1px solid var(--vscode-panel-border); }
.controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.controls input[type=search] { min-width: 20em; padding: 3px 6px; }
#reports { width: 100%; margin-top: 8px; }
#reports > thead th { cursor: pointer; user-select: none; white-space: nowrap; }
#reports > thead th[aria-sort=ascending]::after { content: " ▲"; }
#reports > thead th[aria-sort=descending]::after { content: " ▼"; }
tr.report { cursor: pointer; }
tr.report:hover { background: var(--vscode-list-hoverBackground); }
tr.report:focus { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; }
tr.report.errors td.errors { color: var(--vscode-errorForeground); font-weight: 600; }
tr.report.warnings td.warnings, tr.report.errors td.warnings:not(:empty) { color: var(--vscode-editorWarning-foreground); }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.path { font-family: ui-monospace, monospace; word-break: break-all; }
td.first { max-width: 40em; }
tr.detail > td { background: #fafafa; padding: 8px 12px 16px; }
ol.findings { margin: 0 0 8px; padding-left: 1.5em; }
ol.findings li { margin: 2px 0; }
li.sev-1 .sev { color: var(--vscode-errorForeground); font-weight: 600; }
li.sev-2 .sev { color: var(--vscode-editorWarning-foreground); }
.where { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
#not-checked li { font-family: ui-monospace, monospace; }
.tables h1 { display: none; }
@media print { header { position: static; } .controls { display: none; } tr.detail[hidden] { display: table-row; } tr.report { break-inside: avoid; } }
`;

const PAGE_SCRIPT = `
(function () {
  const table = document.getElementById('reports');
  const body = table.tBodies[0];
  const filter = document.getElementById('filter');
  const show = document.getElementById('show');
  const shown = document.getElementById('shown');
  const pairs = () => Array.from(body.querySelectorAll('tr.report')).map((row) => [row, document.getElementById(row.id + '-detail')]);
  function toggle(row, open) {
    const detail = document.getElementById(row.id + '-detail');
    const next = open === undefined ? detail.hidden : open;
    detail.hidden = !next;
    row.setAttribute('aria-expanded', String(next));
  }
  body.addEventListener('click', (event) => {
    const row = event.target.closest('tr.report');
    if (row) toggle(row);
  });
  body.addEventListener('keydown', (event) => {
    const row = event.target.closest('tr.report');
    if (row && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); toggle(row); }
  });
  function apply() {
    const words = filter.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    const outcome = show.value;
    let count = 0;
    for (const [row, detail] of pairs()) {
      const text = (row.textContent + ' ' + detail.textContent).toLowerCase();
      const keep = words.every((w) => text.includes(w)) && (outcome === 'all' || (outcome === 'problems' ? row.dataset.outcome !== 'clean' : row.dataset.outcome === outcome));
      row.hidden = !keep;
      if (!keep) toggle(row, false);
      if (keep) count++;
    }
    shown.textContent = shown.dataset.template.replace('{shown}', String(count));
  }
  filter.addEventListener('input', apply);
  show.addEventListener('change', apply);
  document.getElementById('expand').addEventListener('click', () => {
    const rows = pairs().filter(([row]) => !row.hidden);
    const open = rows.some(([row]) => row.getAttribute('aria-expanded') !== 'true');
    for (const [row] of rows) toggle(row, open);
  });
  for (const th of table.tHead.rows[0].cells) {
    th.tabIndex = 0;
    const sort = () => {
      const key = th.dataset.key;
      const numeric = th.dataset.type === 'number';
      const descending = th.getAttribute('aria-sort') === 'ascending';
      for (const other of table.tHead.rows[0].cells) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const value = (row) => (numeric ? Number(row.dataset[key] || -1) : row.dataset[key] || '');
      const sorted = pairs().sort(([a], [b]) => {
        const x = value(a), y = value(b);
        const order = numeric ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return (descending ? -order : order) || a.dataset.path.localeCompare(b.dataset.path);
      });
      for (const [row, detail] of sorted) body.append(row, detail);
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); } });
  }
  window.addEventListener('beforeprint', () => { for (const [row] of pairs()) if (!row.hidden) toggle(row, true); });
})();
`;

/** The whole page. */
export function renderVerdictPage(reports: readonly VerdictReport[], notChecked: readonly VerdictNotChecked[], options: VerdictPageOptions): string {
  const { messages } = options;
  const nonce = escapeHtml(options.nonce);
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; form-action 'none'; base-uri 'none'`;
  const totals = {
    reports: reports.length,
    withErrors: reports.filter((r) => count(r.diagnostics, 1) > 0).length,
    errors: reports.reduce((n, r) => n + count(r.diagnostics, 1), 0),
    warnings: reports.reduce((n, r) => n + count(r.diagnostics, 2), 0),
    notChecked: notChecked.length,
  };
  const w = (word: VerdictWord): string => escapeHtml(messages.verdictWord(word));
  const headers = (
    [
      ['path', 'text', 'columnFile'],
      ['body', 'text', 'columnBody'],
      ['year', 'number', 'columnYear'],
      ['errors', 'number', 'columnErrors'],
      ['warnings', 'number', 'columnWarnings'],
      ['first', 'text', 'columnFirstFailure'],
    ] as const
  ).map(([key, type, word]) => `<th scope="col" data-key="${key}" data-type="${type}">${w(word)}</th>`);
  const options_ = (['all', 'problems', 'errors', 'warnings', 'clean'] as const).map((value) => `<option value="${value}">${w(`show-${value}`)}</option>`).join('');
  const out = [
    ...pageHead(messages, { csp, nonce, title: messages.verdictWord('title'), style: `${PREVIEW_STYLE}${PAGE_STYLE}` }),
    '<header>',
    `<h1>${w('title')}</h1>`,
    `<p class="summary" id="verdict-summary">${escapeHtml(messages.verdictSummary(totals))}</p>`,
    '<div class="controls">',
    `<input id="filter" type="search" placeholder="${w('filterPlaceholder')}" aria-label="${w('filterPlaceholder')}">`,
    `<select id="show" aria-label="${w('showLabel')}">${options_}</select>`,
    `<button id="expand" type="button">${w('expandAll')}</button>`,
    `<span id="shown" data-template="${escapeHtml(messages.verdictShown({ shown: '{shown}', total: reports.length }))}">${escapeHtml(messages.verdictShown({ shown: String(reports.length), total: reports.length }))}</span>`,
    '</div>',
    '</header>',
    '<main>',
    `<table id="reports"><thead><tr>${headers.join('')}</tr></thead><tbody>`,
    ...reports.map((r, i) => reportRows(r, i, messages)),
    '</tbody></table>',
  ];
  if (notChecked.length > 0) {
    out.push(`<section id="not-checked"><h2>${w('notCheckedHeading')}</h2><ul>`);
    for (const n of notChecked) out.push(`<li>${escapeHtml(n.text)}</li>`);
    out.push('</ul></section>');
  }
  out.push('</main>', `<script nonce="${nonce}">${PAGE_SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}
