/**
 * Findings of a report read from an original, placed in the original: for a page (a reader with
 * source text), spans of the page's HTML, and quick fixes editing it only where the edited span is
 * one verbatim piece of the page; for a document with no source text (DOCX, PDF), the extracted
 * text's spans with the place (page, table, row, column) each finding stands at.
 */
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import type { Finding, Fix } from '../findings';
import type { MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import { UNPACKED_LIMIT } from './docx/zip';
import { LineIndex, type Span } from '../text';
import type { Place } from './origin';
import type { ReadProblem, ReadResult } from './reader';

export interface PlacedFinding extends Finding {
  /** Where in the original the finding stands, when the original has places (tables, pages). */
  readonly place?: Place;
}

export interface ReadAnalysis {
  /** What the reader gave. */
  readonly read: ReadResult;
  /** The analysis of the report text (spans of `read.text`). */
  readonly analysis: Analysis;
  /** The findings, spans in the original's source when it has one (else in `read.text`). */
  readonly findings: readonly PlacedFinding[];
  /** Lines of what the spans of `findings` are offsets into (the source, or the report text). */
  readonly lines: LineIndex;
}

/** One finding placed in the original; its fixes kept only when every edit maps onto the source faithfully. */
export function placeFinding(finding: Finding, read: ReadResult): PlacedFinding {
  const origin = read.origin;
  if (!origin) return finding;
  const place = origin.placeOf(finding.span.start);
  if (read.source === null) return place ? { ...finding, place } : finding;
  const toSource = (span: Span): Span => origin.sourceSpan(span) ?? { start: 0, end: 0 };
  const fixes: Fix[] = [];
  for (const fix of finding.fixes) {
    const edits = fix.edits.map((edit) => ({ span: origin.editableSpan(edit.span), newText: edit.newText }));
    if (edits.every((e) => e.span !== null)) fixes.push({ ...fix, edits: edits.map((e) => ({ span: e.span!, newText: e.newText })) });
  }
  const placed: PlacedFinding = {
    ...finding,
    span: toSource(finding.span),
    related: finding.related.map((r) => (r.elsewhere ? r : { ...r, span: toSource(r.span) })),
    fixes,
  };
  return place ? { ...placed, place } : placed;
}

/** Analyses a report read from any form; findings placed by `placeFinding`. */
export function analyzeRead(read: ReadResult, options: AnalyzeOptions = {}): ReadAnalysis {
  const analysis = analyze(read.text, options);
  if (!read.origin) return { read, analysis, findings: analysis.findings, lines: analysis.model.lines };
  const findings = analysis.findings.map((f) => placeFinding(f, read));
  const lines = read.source !== null ? new LineIndex(read.source) : analysis.model.lines;
  return { read, analysis, findings, lines };
}

/** The place in the original of a span of the read text (its start), or null for plain text. */
export function placeOfSpan(read: ReadResult, span: Span): Place | null {
  return read.origin ? read.origin.placeOf(span.start) : null;
}

/** Each finding, its span in the read text, with its place in the original. */
export function placedFindings(result: ReadAnalysis): { finding: Finding; place: Place | null }[] {
  return result.analysis.findings.map((finding) => ({ finding, place: placeOfSpan(result.read, finding.span) }));
}

/** The one message for a Word file's problem (other readers' kinds read as 'damaged'). */
export function readProblemMessage(problem: ReadProblem, messages: MessageCatalog = zhCN): string {
  const kind = problem.kind === 'old-format' || problem.kind === 'encrypted' || problem.kind === 'too-large' ? problem.kind : 'damaged';
  return messages.readDocxProblem({ kind, limit: `${UNPACKED_LIMIT / (1024 * 1024)} MB` });
}
