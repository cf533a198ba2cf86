/**
 * Finding report files on disk and reading them as text. Synchronous on purpose: the CLI reads
 * thousands of small files one after another, and sync reads have the least per-file overhead.
 */
import { formatOfName } from '../core/read';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIFF_BYTES } from '../core/sniff';
import { decodeBytes, type Decoded, type Encoding } from './encoding';
import type { FileSnapshot } from './atomicWrite';
import { expandGlob, isGlob } from './glob';
import type { IgnoreRules } from './ignore';

/**
 * File name endings that may hold a report, when found in a folder (compared case-insensitively).
 * Markdown is left out: a folder's .md files are documentation about reports far more often than
 * reports; a .md report named on the command line is still checked.
 */
export const REPORT_EXTENSIONS: readonly string[] = ['.txt', '.govreport'];
/** Folders never walked into (besides every folder whose name starts with a dot). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules']);

/** A file to look at: named on the command line, or found in a folder that was. */
export interface Candidate {
  /** As given on the command line, or the folder as given joined with the path found below it. */
  readonly path: string;
  /**
   * Always checked, whatever its beginning looks like: named on the command line, or named
   * `*.govreport` (the language's own extension, which the editor also claims by name). Otherwise
   * a file found in a folder is checked only when `looksLikeReport()`.
   */
  readonly explicit: boolean;
  /** The report's bytes when they come from standard input (`-`); `path` is then only its name. */
  readonly bytes?: Uint8Array;
}

/** The extension that declares a file a report by its name. */
export const DECLARED_EXTENSION = '.govreport';

/** Something that stopped a path from being looked at. */
export interface DiscoveryProblem {
  readonly path: string;
  readonly kind: 'not-found' | 'not-regular' | 'read-failed';
  /** For a glob that matched nothing: `glob`, or `glob-ignored` when all it matched is ignored. */
  readonly detail: string;
}

export interface DiscoverOptions {
  /** The editor's workspace check: links are followed only to places inside the folder they are in. */
  readonly confined?: boolean;
  /** Expand a path that does not exist and holds a glob character (./glob.ts), relative to `cwd`. */
  readonly globs?: boolean;
  /** Paths found in folders and by globs that these rules ignore are left out without a word. */
  readonly ignore?: IgnoreRules;
}

export interface Discovery {
  /** Sorted by path (plain code-unit order, the same on every machine), without duplicates. */
  readonly candidates: readonly Candidate[];
  readonly problems: readonly DiscoveryProblem[];
}

export function hasReportExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext)) || (formatOfName(lower) ?? 'text') !== 'text';
}

/**
 * The files the paths name: each file path itself, and for each folder every file below it with a
 * report extension. Folder symlinks are followed, each real folder at most once (no loops). With
 * `confined` (the editor's workspace check), a link is followed only to a place inside the folder
 * it was found in, so a workspace never reads what lies outside it.
 */
export function discover(paths: readonly string[], options: DiscoverOptions = {}): Discovery {
  const byKey = new Map<string, Candidate>();
  const problems: DiscoveryProblem[] = [];
  const visited = new Set<string>();
  const add = (candidate: Candidate): void => {
    const key = path.resolve(candidate.path);
    const known = byKey.get(key);
    if (!known || (candidate.explicit && !known.explicit)) byKey.set(key, candidate);
  };
  const { ignore } = options;
  const at = (p: string): string => path.resolve(p);

  const take = (given: string, fromGlob: boolean): boolean => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(at(given));
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return false;
      problems.push({ path: given, kind: 'read-failed', detail: describeError(error) });
      return true;
    }
    if (stat.isFile()) add({ path: given, explicit: true });
    else if (stat.isDirectory()) walk(given, visited, add, problems, options.confined === true ? realOrNull(given) : null, ignore);
    else if (!fromGlob) problems.push({ path: given, kind: 'not-regular', detail: '' });
    return true;
  };

  for (const given of paths) {
    if (take(given, false)) continue;
    if (options.globs === true && isGlob(given)) {
      // A glob the shell did not expand (quoted, or no shell that does): expanded here.
      const expansion = expandGlob(given.split(path.sep).join('/'), process.cwd(), (found, isDirectory) => ignore?.ignores(at(found), isDirectory) === true);
      for (const found of expansion.paths) take(found, true);
      if (expansion.paths.length === 0) problems.push({ path: given, kind: 'not-found', detail: expansion.skipped > 0 ? 'glob-ignored' : 'glob' });
      continue;
    }
    problems.push({ path: given, kind: 'not-found', detail: 'ENOENT' });
  }

  const candidates = [...byKey.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { candidates, problems };
}

function realOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

/** Whether a real path lies in (or is) a real folder. */
function inside(real: string, folder: string): boolean {
  return real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/** `confinedTo`: the real path of the folder links must stay in, or null to follow every link. */
function walk(root: string, visited: Set<string>, add: (c: Candidate) => void, problems: DiscoveryProblem[], confinedTo: string | null = null, ignore?: IgnoreRules): void {
  const top = path.resolve(root);
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(dir);
      if (visited.has(real)) continue;
      visited.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, kind: 'read-failed', detail: describeError(error) });
      continue;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          if (confinedTo !== null) {
            const real = realOrNull(full);
            if (real === null || !inside(real, confinedTo)) continue; // a link out of the workspace
          }
          const target = fs.statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link names nothing to check
        }
      }
      if (isDirectory) {
        if (!SKIPPED_FOLDERS.has(name) && ignore?.ignores(full, true, top) !== true) stack.push(full);
      } else if (isFile && hasReportExtension(name) && ignore?.ignores(full, false, top) !== true) {
        add({ path: full, explicit: name.toLowerCase().endsWith(DECLARED_EXTENSION) });
      }
    }
  }
}

// ---- reading ----

/** How a file's bytes were decoded (./encoding.ts). */
export type { Encoding } from './encoding';

export type ReadResult =
  /** `complete` is false when only the head was read (`headOnly`). */
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding; readonly complete: boolean; readonly snapshot?: FileSnapshot }
  | { readonly ok: false; readonly reason: 'too-large'; readonly size: number }
  | { readonly ok: false; readonly reason: 'binary' }
  /** Text in an encoding not read yet; `encoding` names it when a byte-order mark does. */
  | { readonly ok: false; readonly reason: 'encoding'; readonly encoding: string | null }
  | { readonly ok: false; readonly reason: 'read-failed'; readonly detail: string };

export interface ReadOptions {
  /** Files larger than this many bytes are not read. */
  readonly maxSize: number;
  /**
   * Read only the first bytes of a larger file — enough for `looksLikeReport()`. The text is then a
   * head (`complete: false`), fit for sniffing only; the size limit is not applied to a head.
   */
  readonly headOnly?: boolean;
  /** Keep what the file was when read (size, time, bytes), to tell before writing it that nobody changed it. */
  readonly snapshot?: boolean;
}

/** Bytes enough to hold SNIFF_BYTES UTF-16 code units of UTF-8 text (3 bytes at most per unit; GB18030 and UTF-16 take fewer). */
export const HEAD_BYTES = SNIFF_BYTES * 3;

/** Reads a report file as text: the one place that turns bytes into a report's text. */
export function readReportFile(file: string, options: ReadOptions): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    return { ok: false, reason: 'read-failed', detail: describeError(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    const size = stat.size;
    if (options.headOnly === true && (size > HEAD_BYTES || size > options.maxSize)) {
      const head = Buffer.allocUnsafe(HEAD_BYTES);
      const length = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
      const decoded = decodeText(head.subarray(0, length), true);
      return decoded.ok ? { ...decoded, complete: false } : decoded;
    }
    if (size > options.maxSize) return { ok: false, reason: 'too-large', size };
    // Read to the end, whatever fstat said (a file may grow; a special file says 0).
    const bytes = fs.readFileSync(fd);
    if (bytes.length > options.maxSize) return { ok: false, reason: 'too-large', size: bytes.length };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    // The time after the read: a write landing during it shows in the bytes compared before writing.
    return options.snapshot === true ? { ...decoded, complete: true, snapshot: { size: bytes.length, mtimeMs: fs.fstatSync(fd).mtimeMs, bytes } } : { ...decoded, complete: true };
  } catch (error) {
    return { ok: false, reason: 'read-failed', detail: describeError(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Bytes to text. `truncated` says the bytes are a head cut anywhere, possibly inside a character.
 * Never loses a character: bytes that are not valid in the encoding found are not "repaired" but
 * reported. The encodings read and how they are told apart: ./encoding.ts.
 */
export function decodeText(bytes: Uint8Array, truncated = false): Decoded {
  return decodeBytes(bytes, truncated);
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

/** An error in one line: its name and message (the first line of it), for an internal error's details. */
export function errorLine(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : describeError(error)).split(/\r?\n/u)[0]!;
}

/** `20 MB`, `512 KB`, `37 B`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
