import { analyze, type Analysis } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/findings';
import { fixture } from '../support/paths';

export interface Seen {
  code: string;
  /** 1-based. */
  line: number;
  severity: Finding['severity'];
  /** The text the finding sits on. */
  text: string;
}

/** The text.* findings of an analysis, as (code, 1-based line, severity, covered text). */
export function textFindings(analysis: Analysis, codes: readonly string[] = []): Seen[] {
  const { model } = analysis;
  return analysis.findings
    .filter((f) => f.code.startsWith('text.') && (codes.length === 0 || codes.includes(f.code)))
    .map((f) => ({ code: f.code, line: model.lines.positionAt(f.span.start).line + 1, severity: f.severity, text: model.text.slice(f.span.start, f.span.end) }));
}

export function textFixture(name: string): { text: string; analysis: Analysis } {
  const text = fixture('text', name);
  return { text, analysis: analyze(text) };
}

/** 1-based line of an offset. */
export function lineOf(analysis: Analysis, offset: number): number {
  return analysis.model.lines.positionAt(offset).line + 1;
}
