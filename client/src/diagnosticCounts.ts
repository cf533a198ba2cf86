/** What the status bar counts: govreport's own errors and warnings among a document's diagnostics. */

/** The severities of VS Code's `DiagnosticSeverity`: Error 0, Warning 1, Information 2, Hint 3. */
export interface CountedDiagnostic {
  readonly severity: number;
  readonly source?: string | undefined;
}

export const ERROR_SEVERITY = 0;
export const WARNING_SEVERITY = 1;

export function countDiagnostics(diagnostics: readonly CountedDiagnostic[], source = 'govreport'): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.source !== source) continue;
    if (d.severity === ERROR_SEVERITY) errors++;
    else if (d.severity === WARNING_SEVERITY) warnings++;
  }
  return { errors, warnings };
}
