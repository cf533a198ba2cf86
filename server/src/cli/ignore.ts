/**
 * Files the CLI leaves out: `--ignore GLOB` (repeatable) and `.govreportignore` files, in gitignore's
 * syntax — one pattern a line, `#` a comment, `!` re-includes, a trailing `/` matches folders only, a
 * pattern with a `/` (other than a trailing one) is anchored to the file's folder, one without matches
 * a name at any depth; `*`, `**`, `?`, `[...]`, `{a,b}` as in ./glob.ts (matching dot names too).
 *
 * Which files count (as gitignore, with the current folder as the top): `.govreportignore` in the
 * current folder and in every folder between it and a file found, the deeper file's patterns after
 * the higher one's; a folder walked outside the current folder reads the files from that folder down.
 * `--ignore` patterns are relative to the current folder and come last (so `--ignore '!a.txt'` can
 * re-include). The last pattern that matches decides; a folder ignored is not walked (nothing in it
 * can be re-included, as in git). What a command line names literally is never ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globMatcher } from './glob';

export const IGNORE_FILE_NAME = '.govreportignore';

interface Rule {
  readonly negate: boolean;
  readonly folderOnly: boolean;
  readonly match: (relative: string) => boolean;
}

interface RuleSet {
  /** The folder the patterns are relative to (absolute). */
  readonly base: string;
  readonly rules: readonly Rule[];
}

/** One line of an ignore file (or one --ignore value) as a rule; null for a blank line or a comment. */
export function parseIgnoreLine(line: string): Rule | null {
  let text = line.replace(/\r$/u, '');
  // Trailing spaces are dropped unless escaped with a backslash.
  text = text.replace(/(?<!\\)\s+$/u, '').replace(/\\(\s)$/u, '$1');
  if (text === '' || text.startsWith('#')) return null;
  let negate = false;
  if (text.startsWith('!')) {
    negate = true;
    text = text.slice(1);
  } else if (text.startsWith('\\!') || text.startsWith('\\#')) text = text.slice(1);
  const folderOnly = text.endsWith('/');
  if (folderOnly) text = text.replace(/\/+$/u, '');
  if (text === '') return null;
  // A slash at the start or in the middle anchors the pattern to its folder; otherwise any depth.
  const anchored = text.includes('/');
  if (text.startsWith('/')) text = text.slice(1);
  try {
    return { negate, folderOnly, match: globMatcher(anchored || text.startsWith('**') ? text : `**/${text}`, { dot: true }) };
  } catch {
    return null; // too many alternatives: matches nothing rather than failing the run
  }
}

export function parseIgnoreText(text: string): Rule[] {
  return text.split('\n').map(parseIgnoreLine).filter((r): r is Rule => r !== null);
}

const toPosix = (relative: string): string => relative.split(path.sep).join('/');

/** The ignore rules of one run: the files read once each, folders' answers cached. */
export class IgnoreRules {
  private readonly cwd: string;
  private readonly given: RuleSet;
  private readonly files = new Map<string, RuleSet | null>();
  private readonly folders = new Map<string, boolean>();

  /** `patterns`: the --ignore values (relative to `cwd`). */
  constructor(patterns: readonly string[], cwd: string = process.cwd()) {
    this.cwd = path.resolve(cwd);
    this.given = { base: this.cwd, rules: patterns.map(parseIgnoreLine).filter((r): r is Rule => r !== null) };
  }

  /** The `.govreportignore` of a folder (absolute), or null when it has none. */
  private fileOf(folder: string): RuleSet | null {
    const known = this.files.get(folder);
    if (known !== undefined) return known;
    let set: RuleSet | null = null;
    try {
      const file = path.join(folder, IGNORE_FILE_NAME);
      if (fs.statSync(file).isFile()) set = { base: folder, rules: parseIgnoreText(fs.readFileSync(file, 'utf8')) };
    } catch {
      // No ignore file here (or none readable: nothing ignored by it).
    }
    this.files.set(folder, set);
    return set;
  }

  /** The rule sets that apply in a folder (absolute), highest first, the command line's last. */
  private setsFor(folder: string, top: string): RuleSet[] {
    const chain: string[] = [];
    for (let dir = folder; ; dir = path.dirname(dir)) {
      chain.push(dir);
      if (dir === top || path.dirname(dir) === dir) break;
    }
    const sets = chain
      .reverse()
      .map((dir) => this.fileOf(dir))
      .filter((s): s is RuleSet => s !== null);
    return [...sets, this.given];
  }

  /** Whether one path (absolute) is ignored by the rules, its folders not considered. */
  private decide(absolute: string, isFolder: boolean, top: string): boolean {
    let ignored = false;
    for (const set of this.setsFor(path.dirname(absolute), top)) {
      const relative = path.relative(set.base, absolute);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const posix = toPosix(relative);
      for (const rule of set.rules) {
        if (rule.folderOnly && !isFolder) continue;
        if (rule.match(posix)) ignored = !rule.negate;
      }
    }
    return ignored;
  }

  /**
   * Whether a path found (by a folder walk or a glob) is ignored: itself, or a folder it is in.
   * `root`: the folder the walk started from, the top when it lies outside the current folder.
   */
  ignores(file: string, isFolder: boolean, root: string = this.cwd): boolean {
    const absolute = path.resolve(file);
    const underCwd = absolute === this.cwd || absolute.startsWith(this.cwd.endsWith(path.sep) ? this.cwd : this.cwd + path.sep);
    const top = underCwd ? this.cwd : path.resolve(root);
    // The folders between the top and the file, each decided once.
    for (let dir = path.dirname(absolute); dir !== top && dir.startsWith(top) && path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      if (this.folderIgnored(dir, top)) return true;
    }
    return isFolder ? this.folderIgnored(absolute, top) : this.decide(absolute, false, top);
  }

  private folderIgnored(folder: string, top: string): boolean {
    const known = this.folders.get(folder);
    if (known !== undefined) return known;
    const ignored = folder !== top && this.decide(folder, true, top);
    this.folders.set(folder, ignored);
    return ignored;
  }
}
