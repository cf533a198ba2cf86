/**
 * `--format json`, a public contract:
 * `{"files":[{"path": "...", "encoding": "utf-8", "diagnostics": [LSP Diagnostic, ...]}]}` — the
 * encoding the file was read in (utf-8, utf-8-bom, utf-16le, utf-16be, gb18030); 0-based lines, UTF-16
 * characters, severity 1–4, code a string, source "govreport"; every checked file is listed, with
 * an empty array when it has no diagnostic; `notChecked`: `[{"file": "...", "reason": "not-report"}]`
 * for every file found or named and not checked. The diagnostics are the core's `toDiagnostic()` output.
 */
import { diagnosticsAsWritten } from '../outcomes';
import { wholeOutput, type StreamingFormatter } from './options';

/** Written a file at a time; the same bytes as `JSON.stringify({ files, notChecked })` and a line break. */
export const streamJson: StreamingFormatter = (run) => {
  let written = 0;
  return {
    head: '{"files":[',
    // `JSON.stringify({ path, encoding, diagnostics })`, with the diagnostics' JSON as pass 1 wrote it where it still is.
    file: (file) => `${written++ > 0 ? ',' : ''}{"path":${JSON.stringify(file.path)},"encoding":${JSON.stringify(file.encoding)},"diagnostics":${diagnosticsAsWritten(file)?.json ?? JSON.stringify(file.diagnostics)}}`,
    // Every file found or named and not checked, with why (not-report, binary, encoding, too-large, unreadable, not-found, not-regular, failed: an internal error).
    tail: () => `],"notChecked":${JSON.stringify((run.notChecked ?? []).map((n) => ({ file: n.path, reason: n.reason })))}}\n`,
  };
};

/** The whole output at once. */
export const formatJson = wholeOutput(streamJson);
