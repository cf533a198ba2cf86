/**
 * Command-line arguments → what to do. Built on node's `util.parseArgs` (non-strict, with tokens)
 * so that every mistake gets our own message. Commands and options are data: a later command
 * (`fix`) or option (`--config`) is an entry in COMMANDS / OPTIONS and a case in `parseArgs`.
 */
import * as os from 'node:os';
import { parseArgs as nodeParseArgs } from 'node:util';
import type { MessageCatalog } from '../core/messages/catalog';
import { DEFAULT_MAX_SIZE } from './check';
import { EXTRACT_LAYOUTS, type ExtractLayout } from '../core/render/extract';
import { FORMAT_NAMES, isFormatName, type FormatName } from './formatters';
import { DATA_FORMATS, type DataFormat, type ExtractDataCommand } from './extractData';
import { MIN_FILES_PER_THREAD, MIN_FILES_PER_THREAD_BY_DEFAULT } from './parallel';

export const COMMANDS = ['check', 'fix', 'extract'] as const;
export type CommandName = (typeof COMMANDS)[number];

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The commands the option belongs to; absent: every command and none. */
  readonly commands?: readonly CommandName[];
}

export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  format: { type: 'string', commands: ['check', 'extract'] },
  layout: { type: 'string', commands: ['extract'] },
  'max-size': { type: 'string', commands: ['check', 'fix', 'extract'] },
  write: { type: 'boolean', commands: ['fix'] },
  /** fix --write: the original kept as FILE.orig. */
  backup: { type: 'boolean', commands: ['fix'] },
  config: { type: 'string', commands: ['check', 'fix'] },
  all: { type: 'boolean', commands: ['check', 'fix', 'extract'] },
  /** extract: one row per report (csv), the region's totals. */
  wide: { type: 'boolean', commands: ['extract'] },
  sum: { type: 'boolean', commands: ['extract'] },
  lang: { type: 'string' },
  // ---- check's output habits (eslint, ruff, markdownlint-cli2) ----
  /** Errors only (the same as `--severity error`). */
  quiet: { type: 'boolean', commands: ['check'] },
  /** The least severity shown: error, warning, information or hint. */
  severity: { type: 'string', commands: ['check'] },
  /** Exit 1 when more warnings than this are found (and no error made it 1 already). */
  'max-warnings': { type: 'string', commands: ['check'] },
  /** Threads that read and analyse the files (this one and N − 1 workers; default: the number of cores); the output is the same for every N. */
  jobs: { type: 'string', short: 'j', commands: ['check'] },
  /** Write the output to this file (atomically) instead of standard output. */
  output: { type: 'string', short: 'o', commands: ['check', 'extract'] },
  /** The details (a stack trace) of an internal error; nothing else changes. */
  debug: { type: 'boolean' },
  /** Leave out what this glob matches (repeatable; gitignore's syntax, as a .govreportignore line). */
  ignore: { type: 'string', commands: ['check', 'fix'] },
  /** The name of the report read from standard input (`-`): shown, and where its config is looked for. */
  'stdin-filepath': { type: 'string', commands: ['check', 'fix'] },
};

/** Options that may be given more than once, every value kept (the others: the last one counts). */
const REPEATABLE: ReadonlySet<string> = new Set(['ignore']);

/** `--lang` values: a language (`zh`, `en`) or a locale of one (`zh-CN`, `en_US`). */
export const LANG_PATTERN = /^(zh|en)(?:[-_][a-z0-9]+)*$/iu;

/**
 * The value of `--lang` on a command line (the last one, as for every option), read before the
 * arguments are parsed so that every message, the help too, is in that language; undefined when
 * absent. An unsupported value is returned as is (parseArgs reports it).
 */
export function langOption(args: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else if (arg === '--lang' && i + 1 < args.length) value = args[++i];
  }
  return value;
}

/** Whether `--debug` is on a command line (read before parsing: an error while parsing shows its details too). */
export function debugOption(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--debug') return true;
  }
  return false;
}

export interface CheckCommand {
  readonly kind: 'check';
  readonly paths: readonly string[];
  readonly format: FormatName;
  readonly maxSize: number;
  /** `--config FILE`: this config file for every report instead of looking for .govreportrc.json. */
  readonly config: string | null;
  /** `--all`: every .txt (and other report file) found in a folder is checked, whatever its beginning. */
  readonly all: boolean;
  /** The least severity shown (`--severity`, `--quiet`: error); every diagnostic still counts for the exit status. */
  readonly minSeverity: 1 | 2 | 3 | 4;
  /** `--max-warnings N`: more warnings than N exit 1; null: no limit. */
  readonly maxWarnings: number | null;
  /** `--jobs N`: threads reading and analysing the files (1: this thread only). */
  readonly jobs: number;
  /** Fewer files per thread than this are read in this thread: lower when `--jobs` is given than by default. */
  readonly minFilesPerThread: number;
  /** `--output FILE`: the formatted output written there (atomically); null: standard output. */
  readonly output: string | null;
  /** `--ignore GLOB` values, in order. */
  readonly ignore: readonly string[];
  /** `--stdin-filepath NAME`: the name of the report read from `-`; null: `<stdin>`. */
  readonly stdinFilepath: string | null;
}

/** `--severity` values, most severe first (the LSP numbers 1–4). */
export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint'] as const;

/** `govreport fix [--write [--backup]] PATH...`: apply every safe fix; without --write, print the diff. */
export interface FixCommand {
  readonly kind: 'fix';
  readonly paths: readonly string[];
  readonly write: boolean;
  /** `--backup` (with --write only): each file's original kept as FILE.orig. */
  readonly backup: boolean;
  readonly maxSize: number;
  readonly config: string | null;
  readonly all: boolean;
  readonly ignore: readonly string[];
  /** With `-` (alone): the name of standard input's report; its fixed text is written to stdout. */
  readonly stdinFilepath: string | null;
}

/** `govreport extract FILE [--layout L] [--format text]`: the report read from a file, as a text draft (the data: ExtractDataCommand). */
export interface ExtractCommand {
  readonly kind: 'extract';
  readonly path: string;
  readonly layout: ExtractLayout;
  readonly format: 'text';
  /** `-o FILE`: written atomically; null: standard output. */
  readonly output: string | null;
  readonly maxSize: number;
}

export type { ExtractDataCommand } from './extractData';

/** `extract --format`: the text draft, or the tables' data. */
export const EXTRACT_FORMATS: readonly ('text' | DataFormat)[] = ['text', ...DATA_FORMATS];

export type Invocation =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | CheckCommand
  | FixCommand
  | ExtractCommand
  | ExtractDataCommand
  | { readonly kind: 'usage-error'; readonly message: string };

export function parseArgs(args: readonly string[], messages: MessageCatalog): Invocation {
  const nodeOptions: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(OPTIONS)) nodeOptions[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  const { tokens } = nodeParseArgs({ args: [...args], options: nodeOptions, strict: false, allowPositionals: true, tokens: true });

  const positionals: string[] = [];
  const values = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  let error: string | null = null;
  const fail = (message: string): void => {
    error ??= message;
  };
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
    } else if (token.kind === 'option') {
      const spec = Object.prototype.hasOwnProperty.call(OPTIONS, token.name) ? OPTIONS[token.name] : undefined;
      if (!spec) {
        fail(messages.cliUnknownOption({ option: token.rawName }));
        continue;
      }
      if (spec.type === 'boolean') {
        if (token.value !== undefined) fail(messages.cliUnexpectedValue({ option: token.rawName }));
        else values.set(token.name, true);
      } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
        fail(messages.cliMissingValue({ option: token.rawName }));
      } else {
        values.set(token.name, token.value);
        if (REPEATABLE.has(token.name)) repeated.set(token.name, [...(repeated.get(token.name) ?? []), token.value]);
      }
    }
  }

  // --help wins over everything, even a mistake elsewhere on the line.
  if (values.has('help')) return { kind: 'help' };
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the option loop's callback, which TypeScript's narrowing does not follow
  if (error !== null) return { kind: 'usage-error', message: error };
  const lang = stringValue(values, 'lang');
  if (lang !== undefined && !LANG_PATTERN.test(lang)) return { kind: 'usage-error', message: messages.cliBadLang({ value: lang }) };
  if (values.has('version')) return { kind: 'version' };

  const [command, ...rest] = positionals;
  if (command === undefined) return { kind: 'usage-error', message: messages.cliMissingCommand({ commands: COMMANDS }) };
  if (!(COMMANDS as readonly string[]).includes(command)) return { kind: 'usage-error', message: messages.cliUnknownCommand({ command, commands: COMMANDS }) };
  const name = command as CommandName;
  for (const option of values.keys()) {
    const commands = OPTIONS[option]?.commands;
    if (commands && !commands.includes(name)) return { kind: 'usage-error', message: messages.cliOptionNotForCommand({ option: `--${option}`, command: name }) };
  }

  const sizeText = stringValue(values, 'max-size');
  const maxSize = sizeText === undefined ? DEFAULT_MAX_SIZE : parseSize(sizeText);
  if (maxSize === null) return { kind: 'usage-error', message: messages.cliBadSize({ value: sizeText ?? '' }) };
  const config = stringValue(values, 'config') ?? null;
  const all = values.get('all') === true;
  const ignore = repeated.get('ignore') ?? [];
  const stdinFilepath = stringValue(values, 'stdin-filepath') ?? null;
  if (stdinFilepath !== null && !rest.includes('-')) return { kind: 'usage-error', message: messages.cliStdinFilepathUnused() };
  if (name === 'fix') {
    if (rest.length === 0) return { kind: 'usage-error', message: messages.cliMissingPaths() };
    const write = values.get('write') === true;
    const backup = values.get('backup') === true;
    if (backup && !write) return { kind: 'usage-error', message: messages.cliBackupWithoutWrite() };
    if (rest.includes('-') && rest.length > 1) return { kind: 'usage-error', message: messages.cliStdinAlone() };
    if (rest.includes('-') && write) return { kind: 'usage-error', message: messages.cliStdinWrite() };
    return { kind: 'fix', paths: rest, write, backup, maxSize, config, all, ignore, stdinFilepath };
  }
  if (name === 'extract') {
    const extractFormat = stringValue(values, 'format') ?? 'text';
    if (!(EXTRACT_FORMATS as readonly string[]).includes(extractFormat)) return { kind: 'usage-error', message: messages.cliBadFormat({ value: extractFormat, formats: EXTRACT_FORMATS }) };
    const output = stringValue(values, 'output') ?? null;
    const onlyWith = (option: string, formats: readonly string[]): Invocation | null =>
      values.has(option) && !formats.includes(extractFormat) ? { kind: 'usage-error', message: messages.cliExtractOptionFormat({ option: `--${option}`, formats }) } : null;
    const misplaced = onlyWith('layout', ['text']) ?? onlyWith('wide', ['csv']) ?? onlyWith('sum', DATA_FORMATS);
    if (misplaced) return misplaced;
    if (extractFormat !== 'text') {
      if (extractFormat === 'xlsx' && output === null) return { kind: 'usage-error', message: messages.cliExtractXlsxOutput() };
      if (rest.length === 0) return { kind: 'usage-error', message: messages.cliMissingPaths() };
      return { kind: 'extract-data', paths: rest, format: extractFormat as DataFormat, wide: values.get('wide') === true, sum: values.get('sum') === true, output, maxSize, all };
    }
    const layout = stringValue(values, 'layout') ?? 'pipe';
    if (!(EXTRACT_LAYOUTS as readonly string[]).includes(layout)) return { kind: 'usage-error', message: messages.cliBadLayout({ value: layout, layouts: EXTRACT_LAYOUTS }) };
    if (rest.length !== 1) return { kind: 'usage-error', message: messages.cliExtractOneFile() };
    return { kind: 'extract', path: rest[0]!, layout: layout as ExtractLayout, format: 'text', output, maxSize };
  }
  // name === 'check'
  const format = stringValue(values, 'format') ?? 'text';
  if (!isFormatName(format)) return { kind: 'usage-error', message: messages.cliBadFormat({ value: format, formats: FORMAT_NAMES }) };
  if (rest.length === 0) return { kind: 'usage-error', message: messages.cliMissingPaths() };
  const severityText = stringValue(values, 'severity') ?? (values.get('quiet') === true ? 'error' : 'hint');
  const level = (SEVERITY_LEVELS as readonly string[]).indexOf(severityText);
  if (level < 0) return { kind: 'usage-error', message: messages.cliBadSeverity({ value: severityText, levels: SEVERITY_LEVELS }) };
  const warningsText = stringValue(values, 'max-warnings');
  const maxWarnings = warningsText === undefined ? null : /^\d+$/u.test(warningsText) ? Number(warningsText) : -1;
  if (maxWarnings !== null && (maxWarnings < 0 || !Number.isSafeInteger(maxWarnings))) return { kind: 'usage-error', message: messages.cliBadCount({ option: '--max-warnings', value: warningsText ?? '' }) };
  const minSeverity = Math.min(level + 1, values.get('quiet') === true ? 1 : 4) as 1 | 2 | 3 | 4;
  const jobsText = stringValue(values, 'jobs');
  const jobs = jobsText === undefined ? defaultJobs() : /^\d+$/u.test(jobsText) ? Number(jobsText) : 0;
  if (jobs < 1 || !Number.isSafeInteger(jobs)) return { kind: 'usage-error', message: messages.cliBadJobs({ value: jobsText ?? '' }) };
  const minFilesPerThread = jobsText === undefined ? MIN_FILES_PER_THREAD_BY_DEFAULT : MIN_FILES_PER_THREAD;
  return { kind: 'check', paths: rest, format, maxSize, config, all, minSeverity, maxWarnings, jobs, minFilesPerThread, output: stringValue(values, 'output') ?? null, ignore, stdinFilepath };
}

function stringValue(values: ReadonlyMap<string, string | true>, name: string): string | undefined {
  const value = values.get(name);
  return typeof value === 'string' ? value : undefined;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `20MB`, `500kb`, `1.5M`, `1048576` → bytes (1 KB = 1024 bytes); null when unreadable or not positive. */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/iu.exec(text);
  if (!match) return null;
  const unit = UNITS[match[2]!.toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/** `--jobs` when not given: the cores node may use. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}
