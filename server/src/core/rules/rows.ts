/**
 * structure.row-missing, structure.label, structure.old-format — the shape of tables A and B: every
 * row the format has, each with the format's wording, and none of the 2019 trial layout.
 *
 * A label broken over lines (as PDF extraction breaks it) is not a wording difference: its
 * continuation is looked for in the lines that follow, before the next row.
 */
import { withFixesOnDemand, type Finding, type Fix, type TextEdit } from '../findings';
import { TABLES, TABLE_IDS, type RowSpec } from '../format/schema';
import { normalizeLabel, readCellText } from '../format/normalize';
import type { MessageCatalog } from '../messages/catalog';
import { findRow, type ReportModel, type Row, type Table } from '../model';
import type { MatchQuality } from '../parse/tables';
import { insertRow, insertRows, tableStartLine } from '../render/place';
import { displayWidth, documentConventions, tableStyle, type TextConventions } from '../render/style';
import type { Span } from '../text';
import { isSingleGroupRow, missingRows, type MissingRow } from './fill';
import type { Rule, RuleContext } from './rule';
import { primarySections } from './sections';

// ---------------------------------------------------------------------------------------------
// Labels

/** A row label's numbering as written: `2.`, `2、`, `(六)`, `（六）`, `一、`. */
const WRITTEN_NUMBERING = /^\s*(?:\d{1,2}\s*[.、．,，]|[（(]\s*[一二三四五六七八九十]\s*[）)]|[一二三四五六七八九十]\s*、)/u;
const NORMALIZED_NUMBERING = /^(\d{1,2}\.|\([一二三四五六七八九十]\)|[一二三四五六七八九十]、)/u;

function normalizedCore(text: string): string {
  const norm = normalizeLabel(text);
  const m = NORMALIZED_NUMBERING.exec(norm);
  return m ? norm.slice(m[1]!.length) : norm;
}

/** The format's wording for a row, with the numbering the author wrote (`(六)` stays half-width). */
export function formatLabel(written: string, spec: RowSpec): string {
  const core = spec.label.slice(spec.numbering.length);
  const m = WRITTEN_NUMBERING.exec(written);
  return (m ? m[0].trim() : spec.numbering) + core;
}

/** Label texts on the lines after a label, up to the next row's label: where a broken label goes on. */
function continuation(model: ReportModel, row: Row, until: number): string[] {
  const limitLine = model.lines.lineAt(row.labelSpan.end) + 6;
  const end = Math.min(until, model.lines.lineEnd(Math.min(limitLine, model.lines.lineCount - 1)));
  const text = model.text.slice(row.labelSpan.end, Math.max(row.labelSpan.end, end));
  const pieces: string[] = [];
  for (const piece of text.split(/\t|[ \u3000]{2,}|[|｜]|\r\n|\n|\r/u)) {
    const trimmed = piece.trim();
    if (trimmed === '' || readCellText(trimmed).kind !== 'text') continue;
    pieces.push(normalizeLabel(trimmed));
  }
  return pieces;
}

/** Whether the pieces after a label complete it: `（二）部分公开（区分处理的，只计这一情 形，不` + `计其他情形）`. */
function completes(remainder: string, pieces: readonly string[]): { complete: boolean; consumed: boolean } {
  let rest = remainder;
  let consumed = false;
  for (const piece of pieces) {
    if (rest === '') break;
    if (rest.startsWith(piece)) {
      rest = rest.slice(piece.length);
      consumed = true;
    } else if (piece.length > 4) {
      break; // not a group label's residue between the pieces: the label does not go on
    }
  }
  return { complete: rest === '', consumed };
}

/** Replace a label, keeping an aligned row's values where they were. */
function labelEdit(model: ReportModel, table: Table, row: Row, newLabel: string): TextEdit {
  const span = row.labelSpan;
  if (tableStyle(model, table) !== 'aligned') return { span, newText: newLabel };
  const lineEnd = model.lines.lineEnd(model.lines.lineAt(span.end));
  const after = /^ +(?=\S)/u.exec(model.text.slice(span.end, lineEnd))?.[0].length ?? 0;
  if (after === 0) return { span, newText: newLabel };
  const delta = displayWidth(newLabel) - displayWidth(model.text.slice(span.start, span.end));
  if (delta > 0) {
    const absorb = Math.min(delta, after - 2);
    return absorb > 0 ? { span: { start: span.start, end: span.end + absorb }, newText: newLabel } : { span, newText: newLabel };
  }
  return { span, newText: newLabel + ' '.repeat(-delta) };
}

/** Where the next row's label starts, of any table, after an offset (the end of the text when none does). */
function nextLabelStart(model: ReportModel, after: number): number {
  let next = model.text.length;
  for (const id of TABLE_IDS) {
    for (const row of model.tables[id]?.rows ?? []) if (row.labelSpan.start > after && row.labelSpan.start < next) next = row.labelSpan.start;
  }
  return next;
}

function labelFindings(model: ReportModel, labelQuality: ReadonlyMap<Row, MatchQuality>, messages: MessageCatalog): Finding[] {
  const findings: Finding[] = [];
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    for (const row of table.rows) {
      const quality = labelQuality.get(row);
      if (quality !== 'prefix' && quality !== 'similar') continue;
      const written = row.label;
      const expected = formatLabel(written, row.spec);
      const core = normalizedCore(written);
      const main = normalizeLabel(row.spec.label.slice(row.spec.numbering.length));
      const pieces = continuation(model, row, nextLabelStart(model, row.labelSpan.start));
      let offerFix = true;
      if (quality === 'prefix' && main.startsWith(core)) {
        const { complete, consumed } = completes(main.slice(core.length), pieces);
        if (complete) continue; // broken over lines, worded as the format says
        offerFix = !consumed;
      }
      const fixes: Fix[] = offerFix ? [{ title: messages.fixLabel({ expected }), edits: [labelEdit(model, table, row, expected)], safe: true, preferred: true }] : [];
      findings.push({
        code: 'structure.label',
        severity: 'warning',
        span: row.labelSpan,
        message: messages.labelDiffers({ written: written.replace(/\s*[\r\n]+\s*/gu, ''), expected }),
        related: [],
        fixes,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Missing rows

/** Missing rows in runs: rows that follow one another in the format, with nothing of the text between them. */
function runsOf(missing: readonly MissingRow[]): MissingRow[][] {
  const runs: MissingRow[][] = [];
  for (const m of missing) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const values = m.table.spec.rows.filter((r) => !r.children);
    const follows = last !== undefined && last.table === m.table && values.indexOf(m.spec) === values.indexOf(last.spec) + 1;
    if (follows) run!.push(m);
    else runs.push([m]);
  }
  return runs;
}

/**
 * Missing rows in a run this long are one finding: more rows than the largest group has lost in the
 * middle of a table (a page, a block of a web copy). A table cut off at its end is one from two rows.
 */
const COLLAPSE_RUN = 9;

function rowFindings(model: ReportModel, context: RuleContext): Finding[] {
  const { messages } = context;
  let conventions: TextConventions | undefined;
  const conventionsOf = (): TextConventions => (conventions ??= documentConventions(model));
  const findings: Finding[] = [];
  // A table whose reading order is scrambled says so once (value.scrambled): which of its rows are
  // there cannot be told, so none is called missing.
  for (const run of runsOf(missingRows(model).filter((m) => !m.table.scrambled))) {
    const table = run[0]!.table;
    const id = table.spec.id;
    // Rows that follow one another are inserted by one fix, their cells （待填）: a quick fix the user
    // picks, never fix-all's (what the rows hold is the author's to say). Worked out when a fix is first read.
    let runFix: Fix | null | undefined;
    const runFixOf = (): Fix | null => {
      if (runFix !== undefined) return runFix;
      const edits = run.length > 1 ? insertRows(model, table, run.map((m) => m.spec), conventionsOf()) : null;
      return (runFix = edits ? { title: messages.fixInsertRows({ first: run[0]!.spec.label, last: run[run.length - 1]!.spec.label, count: run.length }), edits, safe: false, preferred: true } : null);
    };
    const values = table.spec.rows.filter((r) => !r.children);
    // The nearest value row the text has before or after a place in the format's order.
    const presentBefore = (index: number): Row | undefined => {
      for (let i = index - 1; i >= 0; i--) {
        const row = findRow(table, values[i]!.id);
        if (row) return row;
      }
      return undefined;
    };
    const presentAfter = (index: number): Row | undefined => {
      for (let i = index + 1; i < values.length; i++) {
        const row = findRow(table, values[i]!.id);
        if (row) return row;
      }
      return undefined;
    };
    const firstIndex = values.indexOf(run[0]!.spec);
    const lastIndex = values.indexOf(run[run.length - 1]!.spec);
    const before = presentBefore(firstIndex);
    const after = presentAfter(lastIndex);
    const truncated = run.length >= 2 && lastIndex === values.length - 1 && before !== undefined;
    if (truncated || run.length >= COLLAPSE_RUN) {
      // Rows missing in a run — a table cut off, or a block of it lost — are one finding.
      const tableName = messages.tableName({ table: id });
      const first = run[0]!.spec.label;
      const last = run[run.length - 1]!.spec.label;
      const message = truncated
        ? messages.tableTruncated({ table: tableName, after: before.spec.label, count: run.length, first, last })
        : messages.rowsMissing({ table: tableName, first, last, count: run.length });
      findings.push(withFixesOnDemand({ code: 'structure.row-missing', severity: 'warning', span: (after ?? before)?.labelSpan ?? table.span, message, related: [] }, () => {
        const fix = runFixOf();
        return fix ? [fix] : [];
      }));
      continue;
    }
    for (const { spec } of run) {
      const index = values.findIndex((r) => r.id === spec.id);
      const anchor: Span = (presentAfter(index) ?? presentBefore(index))?.labelSpan ?? table.span;
      const parent = spec.parent ? table.spec.rows.find((r) => r.id === spec.parent) : undefined;
      const group = parent && parent.id !== 'outcomes' ? parent.label : id === 'A' ? spec.groupLabel ?? null : null;
      findings.push(withFixesOnDemand({ code: 'structure.row-missing', severity: 'warning', span: anchor, message: messages.rowMissing({ row: spec.label, group }), related: [] }, () => {
        const fix = runFixOf();
        const fixes: Fix[] = fix ? [fix] : [];
        const edits = insertRow(model, table, spec, conventionsOf());
        if (edits) fixes.push({ title: messages.fixInsertRow({ row: spec.label }), edits, safe: false, ...(fix ? {} : { preferred: true }) });
        return fixes;
      }));
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// The 2019 trial layout

const OLD_COLUMNS = /本年新制作数量|本年新公开数量|对外公开总数量/u;
const OLD_PROCUREMENT = /第二十条\s*第\s*[（(]\s*九\s*[）)]\s*项|政府集中采购/u;
const OLD_PREVIOUS_YEAR = /上一年项目数量/u;

function oldFormatFindings(model: ReportModel, messages: MessageCatalog): Finding[] {
  const findings: Finding[] = [];
  const a = model.tables.A;
  const section = primarySections(model).primary.get('proactive');
  // Table A's text: its section, else the table itself.
  let region: Span | null = null;
  if (section) region = section.span;
  else if (a && a.rows.length > 0) region = { start: model.lines.lineStart(tableStartLine(model, 'A')), end: a.span.end };
  if (region) {
    const text = model.text.slice(region.start, region.end);
    for (const [pattern, kind] of [[OLD_COLUMNS, 'columns'], [OLD_PROCUREMENT, 'procurement'], [OLD_PREVIOUS_YEAR, 'previousYear']] as const) {
      const m = pattern.exec(text);
      if (!m) continue;
      const span = { start: region.start + m.index, end: region.start + m.index + m[0].length };
      findings.push({ code: 'structure.old-format', severity: 'warning', span, message: messages.oldFormat({ written: m[0], kind }), related: [], fixes: [] });
    }
  }
  const normativeDocs = findRow(a, 'normativeDocs');
  if (normativeDocs && normalizedCore(normativeDocs.label) === '规范性文件') {
    const expected = TABLES.A.rows.find((r) => r.id === 'normativeDocs')!.label;
    findings.push({
      code: 'structure.old-format',
      severity: 'warning',
      span: normativeDocs.labelSpan,
      message: messages.oldFormat({ written: normativeDocs.label, kind: 'normativeDocs' }),
      related: [],
      fixes: [{ title: messages.fixLabel({ expected }), edits: [labelEdit(model, a!, normativeDocs, expected)], safe: true, preferred: true }],
    });
  }
  const b = model.tables.B;
  if (b && isSingleGroupRow(b, 'other')) {
    const row = findRow(b, 'other')!;
    findings.push({
      code: 'structure.old-format',
      severity: 'warning',
      span: row.labelSpan,
      message: messages.oldFormat({ written: row.label, kind: 'otherHandling' }),
      related: [],
      fixes: [],
    });
  }
  return findings;
}

export const rowRule: Rule = {
  id: 'rows',
  codes: ['structure.row-missing', 'structure.label', 'structure.old-format'],
  description: '表一、表二包含格式规定的每一行，行标题与格式措辞一致；不使用 2019 年试行格式的行列',
  check(context: RuleContext): Finding[] {
    const { model, messages } = context;
    if (!model.isReport) return [];
    return [...rowFindings(model, context), ...labelFindings(model, context.labelQuality, messages), ...oldFormatFindings(model, messages)];
  },
};
