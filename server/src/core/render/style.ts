/**
 * How a document writes its tables and lines, so that text we insert looks like the text around it:
 * the table style (one of the layouts the parser reads), the line ending, full- or half-width
 * punctuation in labels, and display widths for aligned columns.
 */
import type { ReportModel, Table } from '../model';

/**
 * The table styles we can write. The model's `pipe` layout covers two styles: a cell per line
 * followed by ` |` (web copy) and markdown-like rows `| a | b |`.
 */
export type TableStyle = 'cell-per-line' | 'pipe' | 'markdown' | 'aligned' | 'run-together';

export interface TextConventions {
  readonly style: TableStyle;
  /** The line ending: `\n` or `\r\n` (`''` in a document written on one line). */
  readonly eol: string;
  /** Labels written with half-width punctuation: `(一)`, `(单位:万元)`. */
  readonly halfWidth: boolean;
}

/** The document's line ending: the first one it uses, `\n` when it has none. */
export function detectEol(text: string): string {
  const i = text.search(/\r\n|\n|\r/u);
  if (i < 0) return '\n';
  if (text[i] === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** The style of one table as the text has it. */
export function tableStyle(model: ReportModel, table: Table): TableStyle {
  let known = stylesOf.get(table);
  if (!known) stylesOf.set(table, (known = findTableStyle(model, table)));
  return known;
}

/** Each table's style, worked out once: a pipe table's is read off every row's line, and each label or fill edit asks. */
const stylesOf = new WeakMap<Table, TableStyle>();

function findTableStyle(model: ReportModel, table: Table): TableStyle {
  switch (table.layout) {
    case 'cell-per-line':
    case 'aligned':
    case 'run-together':
      return table.layout;
    case 'pipe': {
      // Markdown rows start with a pipe; web copy has one cell per line, each followed by ` |`.
      let leading = 0;
      let other = 0;
      for (const row of table.rows) {
        const line = model.lines.lineText(model.lines.lineAt(row.labelSpan.start)).trimStart();
        if (line.startsWith('|') || line.startsWith('｜')) leading++;
        else other++;
      }
      return leading > other ? 'markdown' : 'pipe';
    }
  }
}

/**
 * The style the document's tables use (the one most of its rows use); a document without tables
 * gets markdown rows, or run-together text when it is written on one line.
 */
export function documentConventions(model: ReportModel): TextConventions {
  let known = conventionsOf.get(model);
  if (!known) conventionsOf.set(model, (known = findConventions(model)));
  return known;
}

/** Each model's conventions, worked out once: every rule that writes text asks (a model is never changed). */
const conventionsOf = new WeakMap<ReportModel, TextConventions>();

function findConventions(model: ReportModel): TextConventions {
  const counts = new Map<TableStyle, number>();
  for (const table of Object.values(model.tables)) {
    if (table.rows.length === 0) continue;
    const s = tableStyle(model, table);
    counts.set(s, (counts.get(s) ?? 0) + table.rows.length);
  }
  let style: TableStyle | null = null;
  let most = 0;
  for (const [s, n] of counts) {
    if (n > most) {
      most = n;
      style = s;
    }
  }
  if (style === null) style = model.lines.lineCount <= 2 && model.text.length > 400 ? 'run-together' : 'markdown';
  return { style, eol: detectEol(model.text), halfWidth: usesHalfWidth(model) };
}

/** Whether the tables' labels use half-width parentheses (`(一)予以公开`), as web copies do. */
export function usesHalfWidth(model: ReportModel): boolean {
  let half = 0;
  let full = 0;
  for (const table of Object.values(model.tables)) {
    for (const row of table.rows) {
      const label = row.label;
      for (let i = 0; i < label.length; i++) {
        const c = label.charCodeAt(i);
        if (c === 0x28 /* ( */ || c === 0x29 /* ) */) half++;
        else if (c === 0xff08 /* （ */ || c === 0xff09 /* ） */) full++;
      }
    }
  }
  return half > full;
}

const HALF: Readonly<Record<string, string>> = { '（': '(', '）': ')', '：': ':', '，': ',' };

/** A label or header text in the document's punctuation. */
export function punctuate(text: string, halfWidth: boolean): string {
  return halfWidth ? text.replace(/[（）：，]/gu, (c) => HALF[c] ?? c) : text;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a text takes in a monospace font: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === '\t') width += 8 - (width % 8);
    else if (ch.length > 1 || WIDE.test(ch)) width += 2;
    else width += 1;
  }
  return width;
}
