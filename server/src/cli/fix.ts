/**
 * `govreport fix [--write [--backup]] PATH...`: every safe fix of every report the paths name (the
 * same fixes as the editor's `source.fixAll.govreport`). Without --write, the changes as a unified
 * diff that `patch -p1` and `git apply` apply byte for byte: each file's hunks in the file's own
 * encoding (GB18030 bytes for a GB18030 file, a UTF-8 file's byte-order mark in its first line),
 * the `---`/`+++` names in UTF-8 as file names are; a UTF-16 file's changes cannot be a patch (both
 * tools split lines at the byte 0x0A) and are refused with a word. With --write, written back in the
 * file's own encoding, with --backup the original kept as FILE.orig first. Fixes that change a
 * number the author typed are never applied here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedPlaces, diffHunks, fixAllDetailed } from '../core/fix';
import type { MessageCatalog } from '../core/messages/catalog';
import { forEachReport, internalDetail, type LoadedReport, type NotChecked, type Notice } from './check';
import type { ReadResult } from '../core/read/reader';
import { encodeLike, ENCODING_NAME, type Encoding } from './encoding';
import { writeFileAtomic, type WriteFailure, type WriteOptions } from './atomicWrite';

export interface FixOptions {
  readonly messages: MessageCatalog;
  readonly maxSize: number;
  /** Write the fixed text back; otherwise only report it. */
  readonly write: boolean;
  /** With `write`: keep the original bytes as `FILE.orig` (written before the report; no report written without it). */
  readonly backup?: boolean;
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
  /** How many places change, as the diff shows them (`changedPlaces`): what the summary counts. */
  readonly places: number;
  /**
   * Without --write, when the file changes: its diff's hunks (no header), as text and as the bytes
   * of the file's encoding; null when it changes but cannot be shown as a patch (said in a notice).
   */
  readonly hunks: { readonly text: string; readonly bytes: Uint8Array } | null;
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

/** What fix-all makes of one report read: nothing to do here, its fixed text, or the failure said. */
export type FixOutcome = { readonly kind: 'not-fixable' } | { readonly kind: 'fixed'; readonly text: string; readonly fixes: number } | { readonly kind: 'failed'; readonly notice: Notice };

/**
 * Fix-all on one report read (`fix PATH` and `fix -` alike): originals are not rewritten here (their
 * fixes are the editor's, in the page itself), nor a text that is no report.
 */
export function fixLoaded(report: Pick<LoadedReport, 'candidate' | 'text' | 'analysis' | 'config' | 'format'>, options: { readonly messages: MessageCatalog; readonly debug?: boolean }): FixOutcome {
  const { candidate, text, analysis, config, format } = report;
  if (!analysis.model.isReport || (format !== undefined && format !== 'text')) return { kind: 'not-fixable' };
  try {
    const result = fixAllDetailed(text, { messages: options.messages, ...(config ? { config } : {}) });
    return { kind: 'fixed', text: result.text, fixes: result.rounds.reduce((n, r) => n + r.length, 0) };
  } catch (error) {
    return { kind: 'failed', notice: analysisFailed(candidate.path, error, options) };
  }
}

/** An analysis (or an encoding) that threw: one line naming the file, the details only with --debug. */
export function analysisFailed(file: string, error: unknown, options: { readonly messages: MessageCatalog; readonly debug?: boolean }): Notice {
  return { path: file, level: 'error', message: options.messages.cliAnalysisFailed({ path: file, detail: internalDetail(error, options.debug) }) };
}

export function fixReports(paths: readonly string[], options: FixOptions): FixResult {
  const files: FixedFile[] = [];
  // What the visits say (the walk's own notices are only returned once it has ended).
  const said: Notice[] = [];
  const notChecked: NotChecked[] = [];
  const walked = forEachReport(paths, { ...options, snapshot: options.write }, (report) => {
    const { candidate, text, encoding, snapshot } = report;
    const unchanged: FixedFile = { path: candidate.path, encoding, before: text, after: text, fixes: 0, places: 0, written: false, hunks: null };
    const failed = (error: unknown): void => {
      said.push(analysisFailed(candidate.path, error, options));
    };
    const outcome = fixLoaded(report, options);
    if (outcome.kind === 'failed') {
      said.push(outcome.notice);
      return;
    }
    if (outcome.kind === 'not-fixable' || outcome.text === text) {
      files.push(unchanged);
      return;
    }
    const result = outcome;
    const changed = { ...unchanged, after: result.text, fixes: result.fixes, places: changedPlaces(text, result.text) };
    if (!options.write) {
      files.push({ ...changed, hunks: patchHunks(candidate.path, text, result.text, encoding, said, failed, options.messages) });
      return;
    }
    // Never in another encoding than the file was read in (GB18030, UTF-16 and a BOM kept); through
    // a temporary file and a rename (a full disk or a kill never leaves a part of it), and only
    // when the file is still what was read.
    let bytes: Uint8Array;
    try {
      bytes = encodeLike(result.text, encoding);
    } catch (error) {
      failed(error);
      files.push(changed);
      return;
    }
    options.beforeWrite?.(candidate.path);
    const seam = options.writeSync ? { writeSync: options.writeSync } : {};
    let backup: BackupOutcome | null = null;
    if (options.backup) {
      // The bytes read (encodeLike gives back exactly those), kept before anything is replaced.
      backup = writeBackup(candidate.path, snapshot?.bytes ?? encodeLike(text, encoding), seam);
      if (!backup.ok) {
        said.push({ path: candidate.path, level: 'error', message: options.messages.cliBackupFailed({ path: candidate.path, backup: backupPath(candidate.path), reason: backup.reason, code: backup.code }) });
        files.push(changed);
        return;
      }
    }
    const written = writeFileAtomic(candidate.path, bytes, { ...(snapshot ? { expect: snapshot } : {}), ...seam });
    if (!written.ok) {
      said.push({ path: candidate.path, level: 'error', message: options.messages.cliWriteFailed({ path: candidate.path, reason: written.reason, code: written.code }) });
      // The report is as it was: a backup made just now for it would only be a second copy of it.
      if (backup?.created) removeQuietly(backupPath(candidate.path));
    }
    files.push({ ...changed, written: written.ok });
  }, notChecked);
  return { files, notices: [...walked, ...said], notChecked };
}

/**
 * A file's hunks as a patch can hold them: the text diffed with the byte-order mark it has on disk
 * (so that the first line matches byte for byte), encoded as the file is. null, with an error notice,
 * for UTF-16 (patch and git apply split lines at the byte 0x0A) or a character the encoding cannot hold.
 */
function patchHunks(file: string, before: string, after: string, encoding: Encoding, said: Notice[], failed: (error: unknown) => void, messages: MessageCatalog): FixedFile['hunks'] {
  if (encoding !== 'utf-8' && encoding !== 'utf-8-bom' && encoding !== 'gb18030') {
    said.push({ path: file, level: 'error', message: messages.cliDiffUtf16({ path: file, encoding: ENCODING_NAME[encoding] }) });
    return null;
  }
  const bom = encoding === 'utf-8-bom' ? '\ufeff' : '';
  const text = diffHunks(bom + before, bom + after);
  try {
    // The mark is in the text itself: encoded as plain UTF-8, it is the file's three bytes.
    return { text, bytes: encodeLike(text, encoding === 'gb18030' ? 'gb18030' : 'utf-8') };
  } catch (error) {
    failed(error);
    return null;
  }
}

/** `FILE.orig`. */
export const backupPath = (file: string): string => `${file}.orig`;

type BackupOutcome = { readonly ok: true; readonly created: boolean } | { readonly ok: false; readonly reason: 'exists' | WriteFailure; readonly code: string };

/**
 * Keeps the original bytes as FILE.orig, atomically (writeFileAtomic), with the report's mode and
 * owner. A FILE.orig already there is never replaced: holding the same bytes it serves (`created`
 * false), else the backup fails with 'exists' (it may be the only copy of an older original).
 */
function writeBackup(file: string, bytes: Uint8Array, seam: Pick<WriteOptions, 'writeSync'>): BackupOutcome {
  const backup = backupPath(file);
  const failure = (error: unknown): BackupOutcome => ({ ok: false, reason: 'failed', code: errorCode(error) });
  let existing: fs.Stats | null = null;
  try {
    existing = fs.lstatSync(backup);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return failure(error);
  }
  if (existing) {
    if (!existing.isFile()) return { ok: false, reason: 'exists', code: 'EEXIST' };
    try {
      return Buffer.from(fs.readFileSync(backup)).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)) ? { ok: true, created: false } : { ok: false, reason: 'exists', code: 'EEXIST' };
    } catch (error) {
      return failure(error);
    }
  }
  let like: fs.Stats;
  try {
    like = fs.statSync(file);
  } catch (error) {
    return failure(error);
  }
  const outcome = writeFileAtomic(backup, bytes, { ...seam, like });
  return outcome.ok ? { ok: true, created: true } : { ok: false, reason: outcome.reason, code: outcome.code };
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // left as a copy of the unchanged report
  }
}

/**
 * The folder a diff's paths are relative to, and each file's name in it (`/` separated). The current
 * folder when every file is in it or below it, as `git diff` names them (`patch -p1` and `git apply`
 * run there); otherwise — a `../` or absolute path elsewhere, which neither tool would patch (both
 * refuse `..` and absolute names) — the deepest folder holding every file, where the patch is then
 * to be applied (the CLI says so).
 */
export function diffPaths(files: readonly string[], cwd: string): { readonly base: string; readonly names: readonly string[] } {
  const here = path.resolve(cwd);
  const absolute = files.map((f) => path.resolve(here, f));
  const base = absolute.every((f) => within(f, here) && f !== here) ? here : commonFolder(absolute.map((f) => path.dirname(f)));
  const names = absolute.map((f) => {
    const relative = path.relative(base, f);
    // Another drive (Windows): no common folder; the path without its root.
    const name = path.isAbsolute(relative) ? relative.slice(path.parse(relative).root.length) : relative;
    return name.split(path.sep).join('/');
  });
  return { base, names };
}

function within(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0] ?? path.sep;
  for (const folder of folders) {
    while (!within(folder, common)) {
      const up = path.dirname(common);
      if (up === common) return common;
      common = up;
    }
  }
  return common;
}

const C_ESCAPES: Readonly<Record<string, string>> = { '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/**
 * A name on a `---`/`+++` line as git writes it, so that git apply and GNU patch read it back: in
 * C-style quotes when it holds a control character, `"` or a backslash; followed by a tab when it holds a
 * space (both tools end a name at a tab). Other characters (Chinese too) as they are, in UTF-8.
 */
export function diffHeaderName(name: string): string {
  let quote = false;
  let escaped = '';
  for (const c of name) {
    const code = c.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || c === '"' || c === '\\') {
      quote = true;
      escaped += C_ESCAPES[c] ?? `\\${code.toString(8).padStart(3, '0')}`;
    } else escaped += c;
  }
  return `${quote ? `"${escaped}"` : name}${name.includes(' ') ? '\t' : ''}`;
}

export interface Diff {
  /** The whole diff as text (each file's hunks as text: what an `Io` without a byte stream gets). */
  readonly text: string;
  /** The whole diff as bytes: the headers in UTF-8, each file's hunks in its own encoding. */
  readonly bytes: Uint8Array;
  /** The folder its paths are relative to (`diffPaths`). */
  readonly base: string;
}

/** The unified diff of every file that would change (and can be a patch), `a/`/`b/` prefixed as `git diff` writes them. */
export function formatDiff(result: FixResult, cwd: string = process.cwd()): Diff {
  const shown = result.files.filter((f): f is FixedFile & { hunks: NonNullable<FixedFile['hunks']> } => f.hunks !== null);
  const { base, names } = diffPaths(shown.map((f) => f.path), cwd);
  const headers = names.map((name) => `--- ${diffHeaderName(`a/${name}`)}\n+++ ${diffHeaderName(`b/${name}`)}\n`);
  return {
    text: shown.map((f, i) => headers[i]! + f.hunks.text).join(''),
    bytes: Buffer.concat(shown.flatMap((f, i) => [Buffer.from(headers[i]!, 'utf8'), f.hunks.bytes])),
    base: shown.length === 0 ? path.resolve(cwd) : base,
  };
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
