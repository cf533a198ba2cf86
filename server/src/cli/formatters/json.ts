/**
 * `--format json`, a public contract:
 * `{"files":[{"path": "...", "diagnostics": [LSP Diagnostic, ...]}]}` — 0-based lines, UTF-16
 * characters, severity 1–4, code a string, source "govreport"; every checked file is listed, with
 * an empty array when it has no diagnostic. The diagnostics are the core's `toDiagnostic()` output.
 */
import type { CheckResult } from '../check';
import type { FormatOptions } from './index';

export function formatJson(result: CheckResult, _options: FormatOptions): string {
  const files = result.files.map((file) => ({ path: file.path, diagnostics: file.diagnostics }));
  return `${JSON.stringify({ files })}\n`;
}
