/**
 * `govreport fix [--write] PATH...`: every safe fix of every report the paths name (the same fixes
 * as the editor's `source.fixAll.govreport`). Without --write, the changes as a unified diff; with
 * it, written back in the file's own encoding. Fixes that change a number the author typed are never
 * applied here.
 */
import { fixAllDetailed, unifiedDiff } from '../core/fix';
import type { MessageCatalog } from '../core/messages/catalog';
import { forEachReport, internalDetail, type NotChecked, type Notice } from './check';
import type { ReadResult } from '../core/read/reader';
import { encodeLike } from './encoding';
import type { Encoding } from './files';
import { writeFileAtomic, type WriteOptions } from './atomicWrite';

export interface FixOptions {
  readonly messages: MessageCatalog;
  readonly maxSize: number;
  /** Write the fixed text back; otherwise only report it. */
  readonly write: boolean;
  /** `--config FILE` (see CheckOptions). */
  readonly config?: string | null;
  /** Originals already read by an asynchronous reader (see CheckOptions). */
  readonly originals?: ReadonlyMap<string, ReadResult>;
  /** `--debug` (see CheckOptions). */
  readonly debug?: boolean;
  /** `--all` (see CheckOptions). */
  readonly all?: boolean;
  /** `--ignore` (see CheckOptions). */
  readonly ignore?: readonly string[];
  /** For tests: called just before a file is written (to change it on disk meanwhile), and the write's seam. */
  readonly beforeWrite?: (path: string) => void;
  readonly writeSync?: WriteOptions['writeSync'];
}

export interface FixedFile {
  readonly path: string;
  readonly encoding: Encoding;
  readonly before: string;
  readonly after: string;
  /** How many fixes were applied (over every round). */
  readonly fixes: number;
  /** Whether the fixed text was written back. */
  readonly written: boolean;
}

export interface FixResult {
  /** Every report looked at, sorted by path; `before === after` when nothing could be fixed. */
  readonly files: readonly FixedFile[];
  readonly notices: readonly Notice[];
  /** Every path found or named and not looked at, in path order. */
  readonly notChecked: readonly NotChecked[];
}

export function fixReports(paths: readonly string[], options: FixOptions): FixResult {
  const files: FixedFile[] = [];
  // What the visits say (the walk's own notices are only returned once it has ended).
  const said: Notice[] = [];
  const notChecked: NotChecked[] = [];
  const walked = forEachReport(paths, { ...options, snapshot: options.write }, ({ candidate, text, encoding, analysis, config, format, snapshot }) => {
    // Originals are not rewritten here (their fixes are the editor's, in the page itself).
    if (!analysis.model.isReport || (format !== undefined && format !== 'text')) {
      files.push({ path: candidate.path, encoding, before: text, after: text, fixes: 0, written: false });
      return;
    }
    let result: ReturnType<typeof fixAllDetailed>;
    try {
      result = fixAllDetailed(text, { messages: options.messages, ...(config ? { config } : {}) });
    } catch (error) {
      said.push({ path: candidate.path, level: 'error', message: options.messages.cliAnalysisFailed({ path: candidate.path, detail: internalDetail(error, options.debug) }) });
      return;
    }
    const fixes = result.rounds.reduce((n, r) => n + r.length, 0);
    let written = false;
    if (options.write && result.text !== text) {
      // Never in another encoding than the file was read in (GB18030, UTF-16 and a BOM kept); through
      // a temporary file and a rename (a full disk or a kill never leaves a part of it), and only
      // when the file is still what was read.
      let bytes: Uint8Array | null = null;
      try {
        bytes = encodeLike(result.text, encoding);
      } catch (error) {
        said.push({ path: candidate.path, level: 'error', message: options.messages.cliAnalysisFailed({ path: candidate.path, detail: internalDetail(error, options.debug) }) });
      }
      if (bytes) {
        options.beforeWrite?.(candidate.path);
        const outcome = writeFileAtomic(candidate.path, bytes, { ...(snapshot ? { expect: snapshot } : {}), ...(options.writeSync ? { writeSync: options.writeSync } : {}) });
        if (outcome.ok) written = true;
        else said.push({ path: candidate.path, level: 'error', message: options.messages.cliWriteFailed({ path: candidate.path, reason: outcome.reason, code: outcome.code }) });
      }
    }
    files.push({ path: candidate.path, encoding, before: text, after: result.text, fixes, written });
  }, notChecked);
  return { files, notices: [...walked, ...said], notChecked };
}

/** The unified diff of every file that would change, `a/`/`b/` prefixed as `git diff` writes them. */
export function formatDiff(result: FixResult): string {
  return result.files
    .filter((f) => f.after !== f.before)
    .map((f) => unifiedDiff(f.before, f.after, `a/${f.path.replace(/^\/+/u, '')}`, `b/${f.path.replace(/^\/+/u, '')}`))
    .join('');
}

/**
 * 2 when a path could not be read or written; without --write, 1 when some file would change (as
 * `diff` does, so that a CI step can ask "is everything fixed?"); else 0.
 */
export function fixExitStatus(result: FixResult, write: boolean): 0 | 1 | 2 {
  if (result.notices.some((n) => n.level === 'error')) return 2;
  if (!write && result.files.some((f) => f.after !== f.before)) return 1;
  return 0;
}
