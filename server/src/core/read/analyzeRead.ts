/**
 * Analysis of a read original: the reader's text analysed as any text is, and every finding's place
 * in the original (a DOCX cell's table/row/column, a paragraph). A file the reader could not read has
 * no analysis, only its one problem message.
 */
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import type { Finding } from '../findings';
import type { MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import type { Span } from '../text';
import type { Place } from './origin';
import type { ReadProblem, ReadResult } from './reader';
import { UNPACKED_LIMIT } from './docx/zip';

export interface ReadAnalysis {
  readonly read: ReadResult;
  /** Null when the reader met a problem. */
  readonly analysis: Analysis | null;
}

export function analyzeRead(read: ReadResult, options: AnalyzeOptions = {}): ReadAnalysis {
  if (read.problem) return { read, analysis: null };
  return { read, analysis: analyze(read.text, options) };
}

/** The place in the original of a span of the read text (its start), or null for plain text. */
export function placeOfSpan(read: ReadResult, span: Span): Place | null {
  return read.origin ? read.origin.placeOf(span.start) : null;
}

/** Each finding with its place in the original. */
export function placedFindings(result: ReadAnalysis): { finding: Finding; place: Place | null }[] {
  if (!result.analysis) return [];
  return result.analysis.findings.map((finding) => ({ finding, place: placeOfSpan(result.read, finding.span) }));
}

/** The one message for a reader's problem (Word files; other readers' kinds fall back to 'damaged'). */
export function readProblemMessage(problem: ReadProblem, messages: MessageCatalog = zhCN): string {
  const kind = problem.kind === 'old-format' || problem.kind === 'encrypted' || problem.kind === 'too-large' ? problem.kind : 'damaged';
  return messages.readDocxProblem({ kind, limit: `${UNPACKED_LIMIT / (1024 * 1024)} MB` });
}
