/**
 * Globs, for path arguments the shell did not expand (`govreport check 'reports/**\/*.txt'`, and
 * every path on Windows) and for ignore patterns (--ignore, .govreportignore). Node 20 has no
 * `fs.globSync`; this is the small part of it the CLI needs:
 *
 * - `*` any characters but `/`; `?` one character but `/`; `**` as a whole segment: any number of
 *   folders (none too); `[abc]`, `[a-z]`, `[!a]` / `[^a]` one character of (not of) the set;
 *   `{a,b}` either alternative (nested, and with globs inside); `\` makes the next character literal.
 * - Paths are `/`-separated (a `\` in an argument is an escape, not a separator).
 * - Like the shell, `*`, `?` and `[...]` never match the leading `.` of a name, and `**` does not go
 *   into folders whose name starts with `.` (nor into node_modules, which a folder walk skips too),
 *   unless the pattern spells the dot. Ignore patterns match dot names (`dot`), as gitignore does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** More alternatives than this from one pattern's braces is a mistake, not a glob (`{a,b}` nested 20 deep). */
const MAX_ALTERNATIVES = 1024;

/** Whether a path argument holds a glob character (not escaped by `\`). */
export function isGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{') return true;
  }
  return false;
}

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`; a brace without a comma at its level stays literal. */
export function expandBraces(pattern: string): string[] {
  const out: string[] = [];
  const pending = [pattern];
  while (pending.length > 0) {
    const p = pending.pop()!;
    const group = firstBraceGroup(p);
    if (!group) {
      out.push(p);
    } else {
      for (const alternative of group.alternatives.reverse()) pending.push(p.slice(0, group.start) + alternative + p.slice(group.end));
    }
    if (out.length + pending.length > MAX_ALTERNATIVES) throw new RangeError(`more than ${MAX_ALTERNATIVES} alternatives`);
  }
  return out;
}

/** The first `{...}` holding a top-level comma: where it starts and ends (after `}`) and its alternatives. */
function firstBraceGroup(p: string): { start: number; end: number; alternatives: string[] } | null {
  for (let start = 0; start < p.length; start++) {
    const c = p[start]!;
    if (c === '\\') {
      start++;
      continue;
    }
    if (c === '[') {
      start = classEnd(p, start) ?? start;
      continue;
    }
    if (c !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < p.length; i++) {
      const d = p[i]!;
      if (d === '\\') i++;
      else if (d === '[') i = classEnd(p, i) ?? i;
      else if (d === '{') depth++;
      else if (d === ',' && depth === 1) commas.push(i);
      else if (d === '}' && --depth === 0) {
        if (commas.length === 0) break; // `{a}` is literal
        const cuts = [start, ...commas, i];
        return { start, end: i + 1, alternatives: cuts.slice(1).map((cut, k) => p.slice(cuts[k]! + 1, cut)) };
      }
    }
  }
  return null;
}

/** The index of the `]` closing the class that opens at `open`, or null when it is not closed (then `[` is literal). */
function classEnd(p: string, open: number): number | null {
  let i = open + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++; // a `]` first in the set is a member
  for (; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');

export interface GlobOptions {
  /** Wildcards match a name's leading `.` (gitignore's way); otherwise only a spelled dot does. */
  readonly dot?: boolean;
}

/** One segment (no `/`, no `**`, no braces) as a regular expression source. */
function segmentSource(segment: string, dot: boolean): string {
  // The shell's rule: a wildcard at the start of a name does not match its dot.
  let out = !dot && /^[*?[]/u.test(segment) ? '(?!\\.)' : '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) out += escapeRegExp(segment[++i]!);
    else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = classEnd(segment, i);
      if (end === null) {
        out += '\\[';
        continue;
      }
      let k = i + 1;
      const negate = segment[k] === '!' || segment[k] === '^';
      if (negate) k++;
      let set = '';
      for (; k < end; k++) {
        const b = segment[k]!;
        if (b === '\\' && k + 1 < end) set += escapeClass(segment[++k]!);
        else if (b === '-' && set !== '' && k + 1 < end) set += '-';
        else set += escapeClass(b);
      }
      out += negate ? `[^/${set}]` : `[${set}]`;
      i = end;
    } else out += escapeRegExp(c);
  }
  return out;
}

const escapeClass = (c: string): string => (/[\]\\^-]/u.test(c) ? `\\${c}` : c);

/**
 * A brace-free pattern as a regular expression over a `/`-separated path. A `**` segment matches
 * any number of whole segments (`a/**\/b` matches `a/b`); a last `**` everything below (`a/**`).
 */
function patternSource(pattern: string, dot: boolean): string {
  const any = dot ? '[^/]*' : '(?!\\.)[^/]*';
  const segments = pattern.split('/');
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (segment === '**') out += last ? `${any}(?:/${any})*` : `(?:${any}/)*`;
    else out += segmentSource(segment, dot) + (last ? '' : '/');
  }
  return out;
}

/** A glob as a matcher of `/`-separated relative paths (braces expanded). */
export function globMatcher(pattern: string, options: GlobOptions = {}): (relative: string) => boolean {
  const dot = options.dot === true;
  const sources = expandBraces(pattern).map((p) => patternSource(p, dot));
  const re = new RegExp(`^(?:${sources.join('|')})$`, 'u');
  return (relative) => re.test(relative);
}

export interface Expansion {
  /** The paths matched, sorted (the pattern's own prefix kept: `reports/**\/*.txt` → `reports/2023/a.txt`). */
  readonly paths: readonly string[];
  /** How many paths it matched that `isSkipped` left out (an ignored file, an ignored folder itself). */
  readonly skipped: number;
}

/** The leading segments without a glob character: where the walk starts. */
function literalPrefix(segments: readonly string[]): number {
  let n = 0;
  while (n < segments.length - 1 && !isGlob(segments[n]!)) n++;
  return n;
}

const unescape = (s: string): string => s.replace(/\\(.)/gu, '$1');

/**
 * The files and folders a glob names, relative to `cwd` when it is relative. Folder links are
 * followed, each real folder once. Unreadable folders are passed over (as the shell does).
 */
export function expandGlob(pattern: string, cwd: string = process.cwd(), isSkipped: (relative: string, isDirectory: boolean) => boolean = () => false): Expansion {
  const found = new Set<string>();
  let skipped = 0;
  for (const alternative of expandBraces(pattern)) {
    const absolute = alternative.startsWith('/');
    const segments = (absolute ? alternative.slice(1) : alternative).split('/').filter((s, i, all) => s !== '' || i === all.length - 1);
    const prefixLength = literalPrefix(segments);
    const prefix = segments.slice(0, prefixLength).map(unescape);
    const rest = segments.slice(prefixLength);
    const base = (absolute ? '/' : '') + prefix.join('/');
    const match = globMatcher(rest.join('/'));
    const deep = rest.includes('**');
    const visited = new Set<string>();
    const walk = (dir: string, relative: string, depth: number): void => {
      const physical = path.resolve(cwd, dir === '' ? '.' : dir);
      let entries: fs.Dirent[];
      try {
        const real = fs.realpathSync(physical);
        if (visited.has(real)) return;
        visited.add(real);
        entries = fs.readdirSync(physical, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
        const shown = dir === '' ? entry.name : dir.endsWith('/') ? dir + entry.name : `${dir}/${entry.name}`;
        let isDirectory = entry.isDirectory();
        if (entry.isSymbolicLink()) {
          try {
            isDirectory = fs.statSync(path.resolve(cwd, shown)).isDirectory();
          } catch {
            continue;
          }
        }
        const matched = match(rel);
        if (isSkipped(shown, isDirectory)) {
          if (matched) skipped++;
          continue;
        }
        if (matched) found.add(shown);
        // Deeper only where the pattern can still match: as deep as its segments, or anywhere under `**`.
        if (isDirectory && (deep ? !(entry.name.startsWith('.') || entry.name === 'node_modules') || rest.some((s) => s.startsWith('.')) : depth + 1 < rest.length)) {
          walk(shown, rel, depth + 1);
        }
      }
    };
    walk(base, '', 0);
  }
  return { paths: [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), skipped };
}
