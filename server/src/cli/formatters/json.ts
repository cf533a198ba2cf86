/**
 * `--format json`, a public contract:
 * `{"files":[{"path": "...", "encoding": "utf-8", "diagnostics": [LSP Diagnostic, ...]}]}` — the
 * encoding the file was read in (utf-8, utf-8-bom, utf-16le, utf-16be, gb18030); 0-based lines, UTF-16
 * characters, severity 1–4, code a string, source "govreport"; every checked file is listed, with
 * an empty array when it has no diagnostic; `notChecked`: `[{"file": "...", "reason": "not-report"}]`
 * for every file found or named and not checked. The diagnostics are the core's `toDiagnostic()` output.
 */
import type { CheckResult } from '../check';
import type { FormatOptions } from './options';

export function formatJson(result: CheckResult, _options: FormatOptions): string {
  const files = result.files.map((file) => ({ path: file.path, encoding: file.encoding, diagnostics: file.diagnostics }));
  // Every file found or named and not checked, with why (not-report, binary, encoding, too-large, unreadable, not-found, not-regular, failed: an internal error).
  const notChecked = (result.notChecked ?? []).map((n) => ({ file: n.path, reason: n.reason }));
  return `${JSON.stringify({ files, notChecked })}\n`;
}
