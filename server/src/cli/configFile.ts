/**
 * Finding and reading `.govreportrc.json` (I/O; the reading itself is the core's `parseConfigFile`),
 * for the CLI and the language server alike: the nearest file in the report's folder or a folder
 * above it wins. Lookups and files are cached until `clear()` (the CLI keeps one cache per run, the
 * server clears it when a config file changes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TableLayoutOption } from '../core/features/formatting';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, parseConfigFile, type ConfigProblem, type RuleConfig } from '../core/config';

export interface LoadedConfig {
  /** The config file's path. */
  readonly path: string;
  /** Its text ('' when it could not be read). */
  readonly text: string;
  readonly config: RuleConfig;
  readonly problems: readonly ConfigProblem[];
  readonly tableLayout?: TableLayoutOption;
}

export class ConfigFiles {
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** The path of the config file that governs a report in `folder`, or null when there is none. */
  find(folder: string): string | null {
    const start = path.resolve(folder);
    const visited: string[] = [];
    let found: string | null = null;
    for (let dir = start; ; ) {
      const known = this.nearest.get(dir);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(dir);
      const candidate = path.join(dir, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const dir of visited) this.nearest.set(dir, found);
    return found;
  }

  /** Reads (once) a config file. A file that cannot be read is a problem, never an exception. */
  load(file: string): LoadedConfig {
    const key = path.resolve(file);
    const cached = this.loaded.get(key);
    if (cached) return cached;
    let result: LoadedConfig;
    try {
      const text = readConfigText(key);
      result = typeof text === 'string' ? { path: key, text, ...parseConfigFile(text) } : { path: key, text: '', config: EMPTY_CONFIG, problems: [{ kind: 'unreadable', detail: text.detail }] };
    } catch (error) {
      // The error's code (ENOENT, EACCES…): the catalogs say it in the user's language.
      const code = typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : '';
      const detail = code || (error instanceof Error ? error.message : String(error));
      result = { path: key, text: '', config: EMPTY_CONFIG, problems: [{ kind: 'unreadable', detail }] };
    }
    this.loaded.set(key, result);
    return result;
  }

  /** The config file for a report file (its folder's nearest), or null. */
  forReport(reportPath: string): LoadedConfig | null {
    const file = this.find(path.dirname(path.resolve(reportPath)));
    return file === null ? null : this.load(file);
  }

  clear(): void {
    this.nearest.clear();
    this.loaded.clear();
  }
}

/** A config file is small: more than this is not one (and `/dev/zero` never ends). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A config file's text, opened without blocking (a FIFO never waits for a writer) and read only when
 * it is a regular file of a sane size; otherwise why not.
 */
function readConfigText(file: string): string | { readonly detail: string } {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- O_NONBLOCK is undefined on Windows, whatever the types say
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    // Codes, not words: the catalogs say them in the user's language (ioCause).
    if (!stat.isFile()) return { detail: 'ENOTREG' };
    if (stat.size > MAX_CONFIG_BYTES) return { detail: 'EFBIG' };
    const bytes = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n; length < bytes.length && (n = fs.readSync(fd, bytes, length, bytes.length - length, length)) > 0; ) length += n;
    if (length > MAX_CONFIG_BYTES) return { detail: 'EFBIG' };
    return bytes.subarray(0, length).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
