/**
 * Findings as LSP-shaped diagnostics (plain objects, no LSP import): the one conversion both the
 * language server and the CLI's JSON output use.
 */
import type { Finding, Severity } from './findings';
import type { LineIndex, Range } from './text';

export const SOURCE = 'govreport';

export interface DiagnosticShape {
  range: Range;
  severity: 1 | 2 | 3 | 4;
  code: string;
  source: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}

export const SEVERITY_NUMBER: Readonly<Record<Severity, 1 | 2 | 3 | 4>> = { error: 1, warning: 2, information: 3, hint: 4 };

/** `lines`: the text's LineIndex, or any locator of the finding's spans (the CLI's, for originals and digests). */
export function toDiagnostic(finding: Finding, lines: Pick<LineIndex, 'rangeOf'>, uri: string): DiagnosticShape {
  const diagnostic: DiagnosticShape = {
    range: lines.rangeOf(finding.span),
    severity: SEVERITY_NUMBER[finding.severity],
    code: finding.code,
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: r.elsewhere ? { uri: r.elsewhere.document, range: r.elsewhere.range } : { uri, range: lines.rangeOf(r.span) },
      message: r.message,
    }));
  }
  return diagnostic;
}
