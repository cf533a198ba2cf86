/**
 * `govreport check`: find the reports, read each, run the core, turn findings into diagnostics.
 * Returns results; printing them is the formatters' job (./formatters).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis } from '../core/analyze';
import { EMPTY_CONFIG, type RuleConfig } from '../core/config';
import type { MessageCatalog } from '../core/messages/catalog';
import { looksLikeReport } from '../core/sniff';
import { looksLikeReportPage } from '../core/read/pageSniff';
import * as fs from 'node:fs';
import { formatOfName, readerFor } from '../core/read';
import { decodePage } from '../core/read/html';
import type { ReadResult, SourceFormat } from '../core/read/reader';
import { ENCODING_NAME } from './encoding';
import { ConfigFiles, type LoadedConfig } from './configFile';
import { decodeText, describeError, discover, errorLine, formatSize, readReportFile, type Candidate, type DiscoverOptions, type DiscoveryProblem, type ReadResult as FileReadResult } from './files';
import { IgnoreRules } from './ignore';
import { diagnosedFiles, diagnosticsAsWritten, OutcomeStore, severityCounts, reportOutcome, serializeParts, type CheckedFile, type LoadedReport, type SerializedParts } from './outcomes';

export type { CheckedFile, LoadedReport, PlacedDiagnostic } from './outcomes';

export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

export interface CheckOptions {
  readonly messages: MessageCatalog;
  /** Files larger than this many bytes are not checked. */
  readonly maxSize: number;
  /**
   * A config file for every report (`--config`); otherwise each report's nearest .govreportrc.json
   * (its folder or a folder above) applies, if any.
   */
  readonly config?: string | null;
  /** Originals an asynchronous reader (PDF) has already read, by path (`readAsyncOriginals`). */
  readonly originals?: ReadonlyMap<string, ReadResult>;
  /** `--debug`: the details of an internal error in its message. */
  readonly debug?: boolean;
  /** `--all`: every file found in a folder is checked as if named, whatever its beginning looks like. */
  readonly all?: boolean;
  /** Keep each text report's snapshot (what it was when read), for writing it back safely (`fix --write`). */
  readonly snapshot?: boolean;
  /** Keep each report's analysis on its checked file (the verdict page draws the tables; costs memory). */
  readonly keepAnalyses?: boolean;
  /** `--ignore GLOB` values (with every `.govreportignore`: ./ignore.ts). */
  readonly ignore?: readonly string[];
  /**
   * The report read from standard input, checked where `-` is among the paths, under its name; null:
   * standard input was to be read and could not be (`-` is then a path that could not be read).
   * Absent: `-` is a path like any other (a file of that name).
   */
  readonly stdin?: StdinReport | null;
  /** Bytes of pass-1 outcomes held in memory before the rest go to a temporary file (./outcomes.ts). */
  readonly memoryBudget?: number;
  /** Called after each file found has been read (for a progress bar): how many so far, of how many. */
  readonly progress?: (done: number, total: number) => void;
}

/** `-`: the bytes read from standard input, and the name they go by (`--stdin-filepath`, else `<stdin>`). */
export interface StdinReport {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The path that stands for standard input. */
export const STDIN_PATH = '-';

/** What `-` is called without --stdin-filepath (a relative name: the current folder's config applies). */
export const STDIN_NAME = '<stdin>';

/** How the CLI finds files: globs expanded, ignore files and --ignore applied. */
export function discoverOptions(options: Pick<CheckOptions, 'ignore'>): DiscoverOptions {
  return { globs: true, ignore: new IgnoreRules(options.ignore ?? []) };
}

/**
 * A message about a path, for stderr. `error`: the path was to be checked and could not be (exit
 * status 2); `note`: worth knowing, changes nothing.
 */
export interface Notice {
  readonly path: string;
  readonly level: 'error' | 'note';
  readonly message: string;
}

/**
 * Why a file was not checked: it does not read like a report (a folder's file, without --all), is
 * binary, in an encoding not read, over the size limit, could not be read, is not a regular file, or
 * its check failed (a bug of ours, `failed`).
 */
export type NotCheckedReason = 'not-report' | 'binary' | 'encoding' | 'too-large' | 'unreadable' | 'not-found' | 'not-regular' | 'failed';

/** A file not checked: never skipped without a word (the text summary, JSON `notChecked`, SARIF notifications). */
export interface NotChecked {
  readonly path: string;
  readonly reason: NotCheckedReason;
}

export interface CheckResult {
  /** Sorted by path. */
  readonly files: readonly CheckedFile[];
  readonly notices: readonly Notice[];
  /** Every path found or named and not checked, in path order (absent: none). */
  readonly notChecked?: readonly NotChecked[];
  /**
   * The rule configuration every checked report shares (--config, or one .govreportrc.json over them
   * all); absent when the reports have different ones (each diagnostic's severity is still its own's).
   */
  readonly config?: RuleConfig;
}

/**
 * Finds, reads and analyses every report the paths name, calling `visit` for each in path order;
 * everything that stops a file from being checked becomes a notice.
 */
export function forEachReport(paths: readonly string[], options: CheckOptions, visit: (report: LoadedReport) => void, notChecked: NotChecked[] = []): Notice[] {
  const walk = new ReportWalk(paths, options, notChecked);
  for (const candidate of walk.candidates) {
    const loaded = loadReport(candidate, options);
    walk.settle(candidate, loaded, (config) => {
      if (loaded.report) visit({ ...loaded.report, config });
    });
  }
  return walk.finish();
}

/**
 * The walk over the paths a command names, apart from the reading of each file: the candidates in path
 * order (globs expanded, ignore rules applied, `-` read), and what is said about each path, in that
 * order — the same whether the files are read here (`forEachReport`) or by worker threads (`--jobs`).
 */
export class ReportWalk {
  readonly candidates: readonly Candidate[];
  private readonly notices: Notice[] = [];
  private readonly configFiles = new ConfigFiles();
  private readonly reported = new Set<string>();
  private readonly given: RuleConfig | null;
  private done = 0;

  constructor(paths: readonly string[], private readonly options: CheckOptions, private readonly notChecked: NotChecked[]) {
    this.given = options.config ? this.configOf(this.configFiles.load(options.config)) : null;
    const fromStdin = options.stdin !== undefined && paths.includes(STDIN_PATH);
    const found = discover(fromStdin ? paths.filter((p) => p !== STDIN_PATH) : paths, discoverOptions(options));
    const candidates: Candidate[] = [...found.candidates];
    const problems = [...found.problems];
    if (fromStdin) {
      if (options.stdin) candidates.unshift({ path: options.stdin.name, explicit: true, bytes: options.stdin.bytes });
      else problems.push({ path: STDIN_PATH, kind: 'read-failed', detail: 'EBADF' });
    }
    for (const problem of problems) {
      this.notices.push(problemNotice(problem, options.messages));
      notChecked.push({ path: problem.path, reason: problem.kind === 'read-failed' ? 'unreadable' : problem.kind });
    }
    this.candidates = options.all === true ? candidates.map((c) => (c.explicit ? c : { ...c, explicit: true })) : candidates;
  }

  /** The rule configuration of a candidate's report (says nothing: its problems are said by `settle`). */
  configFor(candidate: Candidate): RuleConfig {
    return this.given ?? (this.configFiles.forReport(candidate.path)?.config ?? EMPTY_CONFIG);
  }

  /**
   * What was found reading a candidate, in path order: its notices, why it was not checked, the
   * progress; and for a report, its configuration's problems (once per file) before `checked` is
   * given the configuration.
   */
  settle(candidate: Candidate, loaded: { readonly notices: readonly Notice[]; readonly skipped?: NotCheckedReason; readonly report: unknown }, checked: (config: RuleConfig) => void): void {
    this.options.progress?.(++this.done, this.candidates.length);
    this.notices.push(...loaded.notices);
    if (loaded.skipped) this.notChecked.push({ path: candidate.path, reason: loaded.skipped });
    if (loaded.report) checked(this.given ?? this.configOf(this.configFiles.forReport(candidate.path)));
  }

  /** The notices, every path said; the paths not checked sorted. */
  finish(): Notice[] {
    this.notChecked.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.notices;
  }

  /** A config file's rules; its problems, once per file, as an error notice (its valid entries still apply). */
  private configOf(loaded: LoadedConfig | null): RuleConfig {
    if (!loaded) return EMPTY_CONFIG;
    if (loaded.problems.length > 0 && !this.reported.has(loaded.path)) {
      this.reported.add(loaded.path);
      const problems = loaded.problems.map((problem) => this.options.messages.configProblem({ problem }));
      this.notices.push({ path: loaded.path, level: 'error', message: this.options.messages.configInvalid({ file: loaded.path, problems }) });
    }
    return loaded.config;
  }
}

/**
 * Reads, before a command runs, the originals among the paths that only an asynchronous reader can
 * read (PDF): the command itself then runs synchronously on what was read. A file that cannot be
 * read here is left out; the command says why when it reads it.
 */
export async function readAsyncOriginals(paths: readonly string[], maxSize: number, options: Pick<CheckOptions, 'ignore' | 'stdin'> = {}): Promise<ReadonlyMap<string, ReadResult>> {
  const originals = new Map<string, ReadResult>();
  const stdin: Candidate[] = paths.includes(STDIN_PATH) && options.stdin ? [{ path: options.stdin.name, explicit: true, bytes: options.stdin.bytes }] : [];
  for (const candidate of [...stdin, ...discover(options.stdin !== undefined ? paths.filter((p) => p !== STDIN_PATH) : paths, discoverOptions(options)).candidates]) {
    const format = formatOfName(candidate.path);
    if (format !== 'pdf') continue;
    try {
      if ((candidate.bytes?.length ?? fs.statSync(candidate.path).size) > maxSize) continue;
      const bytes = candidate.bytes ?? fs.readFileSync(candidate.path);
      originals.set(candidate.path, await readerFor(format).read({ name: candidate.path, bytes }));
    } catch {
      // Said when the command reads the file itself.
    }
  }
  return originals;
}

/** The details of an internal error, said only with --debug (one line: the error's name and message). */
export function internalDetail(error: unknown, debug: boolean | undefined): string | null {
  return debug === true ? errorLine(error) : null;
}

/** What is said about a path that could not be looked at. */
export function problemNotice(problem: DiscoveryProblem, messages: MessageCatalog): Notice {
  const message =
    problem.kind === 'not-found'
      ? problem.detail === 'glob' || problem.detail === 'glob-ignored'
        ? messages.cliGlobNoMatch({ pattern: problem.path, ignored: problem.detail === 'glob-ignored' })
        : messages.cliNotFound({ path: problem.path })
      : problem.kind === 'not-regular'
        ? messages.cliNotRegularFile({ path: problem.path })
        : messages.cliReadFailed({ path: problem.path, detail: problem.detail });
  return { path: problem.path, level: 'error', message };
}

/** A candidate read: the report, or null and why it was not checked (`skipped`). */
export interface Loaded {
  readonly report: LoadedReport | null;
  readonly notices: Notice[];
  readonly skipped?: NotCheckedReason;
}

/** Bytes already read (standard input) as a report file's text, as `readReportFile` reads a file. */
function readBytes(bytes: Uint8Array, maxSize: number): FileReadResult {
  if (bytes.length > maxSize) return { ok: false, reason: 'too-large', size: bytes.length };
  const decoded = decodeText(bytes);
  return decoded.ok ? { ...decoded, complete: true } : decoded;
}

/**
 * Reads and analyses one candidate: the report (null when it was skipped or could not be read) and
 * what is worth saying about it.
 */
export function loadReport(candidate: Candidate, options: CheckOptions): Loaded {
  const { messages } = options;
  const notices: Notice[] = [];
  const file = candidate.path;
  const explicit = candidate.explicit;
  const format = formatOfName(file);
  if (format !== null && format !== 'text') return loadOriginal(candidate, options, format);
  const snapshot = options.snapshot === true;
  const read = (headOnly: boolean): FileReadResult => (candidate.bytes ? readBytes(candidate.bytes, options.maxSize) : readReportFile(file, { maxSize: options.maxSize, headOnly, snapshot }));
  let result = read(!explicit);
  // A folder's file is checked only when its beginning reads like a report.
  if (!explicit && result.ok && !looksLikeReport(result.text)) return { report: null, notices, skipped: 'not-report' };
  if (result.ok && !result.complete) {
    // Only the head was read: now read it all.
    result = read(false);
  }
  if (!result.ok) {
    switch (result.reason) {
      case 'too-large':
        notices.push({ path: file, level: 'error', message: messages.cliTooLarge({ path: file, size: formatSize(result.size), limit: formatSize(options.maxSize) }) });
        break;
      case 'binary':
        notices.push({ path: file, level: explicit ? 'error' : 'note', message: messages.cliBinary({ path: file, explicit }) });
        break;
      case 'encoding':
        notices.push({ path: file, level: explicit ? 'error' : 'note', message: messages.cliEncoding({ path: file, explicit, encoding: result.encoding }) });
        break;
      case 'read-failed':
        notices.push({ path: file, level: 'error', message: messages.cliReadFailed({ path: file, detail: result.detail }) });
        break;
    }
    return { report: null, notices, skipped: result.reason === 'read-failed' ? 'unreadable' : result.reason };
  }
  // Say which encoding was assumed, when it is not UTF-8.
  if (result.encoding !== 'utf-8' && result.encoding !== 'utf-8-bom') {
    notices.push({ path: file, level: 'note', message: messages.cliEncodingAssumed({ path: file, encoding: ENCODING_NAME[result.encoding] }) });
  }
  if (explicit && !looksLikeReport(result.text)) notices.push({ path: file, level: 'note', message: messages.cliNotReport({ path: file }) });
  const uri = pathToFileURL(path.resolve(file)).href;
  let analysis: Analysis;
  try {
    analysis = analyze(result.text, { messages });
  } catch (error) {
    // A bug in the core must not cost the other files their check.
    notices.push({ path: file, level: 'error', message: messages.cliAnalysisFailed({ path: file, detail: internalDetail(error, options.debug) }) });
    return { report: null, notices, skipped: 'failed' };
  }
  return { report: { candidate, text: result.text, encoding: result.encoding, uri, analysis, ...(result.snapshot ? { snapshot: result.snapshot } : {}) }, notices };
}

/** Reads an original (web page, Word file, PDF) with its reader and analyses the report text read. */
function loadOriginal(candidate: Candidate, options: CheckOptions, format: SourceFormat): Loaded {
  const { messages } = options;
  const notices: Notice[] = [];
  const file = candidate.path;
  const explicit = candidate.explicit;
  let bytes: Uint8Array;
  try {
    const size = candidate.bytes?.length ?? fs.statSync(file).size;
    if (size > options.maxSize) {
      notices.push({ path: file, level: 'error', message: messages.cliTooLarge({ path: file, size: formatSize(size), limit: formatSize(options.maxSize) }) });
      return { report: null, notices, skipped: 'too-large' };
    }
    bytes = candidate.bytes ?? fs.readFileSync(file);
  } catch (error) {
    notices.push({ path: file, level: 'error', message: messages.cliReadFailed({ path: file, detail: describeError(error) }) });
    return { report: null, notices, skipped: 'unreadable' };
  }
  if (bytes.length > options.maxSize) {
    notices.push({ path: file, level: 'error', message: messages.cliTooLarge({ path: file, size: formatSize(bytes.length), limit: formatSize(options.maxSize) }) });
    return { report: null, notices, skipped: 'too-large' };
  }
  let input: { name: string; bytes: Uint8Array; text?: string } = { name: file, bytes };
  if (format === 'html') {
    const page = decodePage(bytes);
    // A folder's page is read only when its beginning reads like a report (cheap: no tree built).
    if (!explicit && !looksLikeReportPage(page)) return { report: null, notices, skipped: 'not-report' };
    input = { ...input, text: page };
  }
  let read: ReadResult;
  try {
    const answer = options.originals?.get(file) ?? readerFor(format).read(input);
    if (answer instanceof Promise) {
      // This command reads synchronously; an asynchronous reader (PDF) is not waited for here.
      answer.catch(() => undefined);
      notices.push({ path: file, level: explicit ? 'error' : 'note', message: messages.cliReaderUnavailable({ path: file, format }) });
      return { report: null, notices, skipped: 'unreadable' };
    }
    read = answer;
  } catch (error) {
    notices.push({ path: file, level: 'error', message: messages.cliReadFailed({ path: file, detail: describeError(error) }) });
    return { report: null, notices, skipped: 'unreadable' };
  }
  if (read.problem) {
    if (read.problem.kind === 'no-report' && !explicit) return { report: null, notices, skipped: 'not-report' };
    notices.push({ path: file, level: 'error', message: messages.cliReadProblem({ path: file, kind: read.problem.kind }) });
    return { report: null, notices, skipped: 'unreadable' };
  }
  if (!explicit && format !== 'html' && !looksLikeReport(read.text)) return { report: null, notices, skipped: 'not-report' };
  if (explicit && !looksLikeReport(read.text)) notices.push({ path: file, level: 'note', message: messages.cliNotReport({ path: file }) });
  const uri = pathToFileURL(path.resolve(file)).href;
  let analysis: Analysis;
  try {
    analysis = analyze(read.text, { messages });
  } catch (error) {
    notices.push({ path: file, level: 'error', message: messages.cliAnalysisFailed({ path: file, detail: internalDetail(error, options.debug) }) });
    return { report: null, notices, skipped: 'failed' };
  }
  return { report: { candidate, text: read.source ?? read.text, encoding: 'utf-8', uri, analysis, format, read }, notices };
}

/**
 * Pass 1 of a check (./outcomes.ts): every report the paths name read, analysed and reduced to its
 * outcome, in path order, in one thread (`--jobs`: ./parallel.ts). The caller closes the store.
 */
export interface Collected {
  readonly store: OutcomeStore;
  readonly notices: readonly Notice[];
  readonly notChecked: readonly NotChecked[];
  /** The rule configuration every checked report shares (absent: they have different ones). */
  readonly config?: RuleConfig;
  /** The threads that read and analysed the files (1: this one). */
  readonly threads: number;
}

export function collectOutcomes(paths: readonly string[], options: CheckOptions): Collected {
  return collectInThisThread(new OutcomeCollector(paths, options));
}

/** Pass 1 over a collector's candidates, every one read in this thread. */
export function collectInThisThread(collector: OutcomeCollector): Collected {
  const { walk, options } = collector;
  try {
    for (const candidate of walk.candidates) collector.settle(candidate, readOutcome(candidate, walk.configFor(candidate), options));
    return collector.finish();
  } catch (error) {
    collector.store.close();
    throw error;
  }
}

/** What pass 1 makes of one candidate: what `loadReport` says of it, and its report's outcome (./outcomes.ts). */
export interface CandidateOutcome {
  readonly notices: readonly Notice[];
  readonly skipped?: NotCheckedReason;
  readonly report: SerializedParts | null;
  /** The analysis, with the `keepAnalyses` option (never from a worker thread). */
  readonly analysis?: Analysis;
}

/** Pass 1 for one candidate, with the configuration of its report: in this thread or a worker's. */
export function readOutcome(candidate: Candidate, config: RuleConfig, options: CheckOptions): CandidateOutcome {
  const loaded = loadReport(candidate, options);
  if (!loaded.report) return { notices: loaded.notices, ...(loaded.skipped ? { skipped: loaded.skipped } : {}), report: null };
  const report = { ...loaded.report, config };
  return { notices: loaded.notices, report: serializeParts(reportOutcome(report, options.messages)), ...(options.keepAnalyses ? { analysis: report.analysis } : {}) };
}

/** Pass 1's bookkeeping: the walk, and each candidate's outcome settled in path order into the store. */
export class OutcomeCollector {
  readonly walk: ReportWalk;
  readonly store: OutcomeStore;
  private readonly notChecked: NotChecked[] = [];
  private readonly configs = new SharedConfig();

  constructor(paths: readonly string[], readonly options: CheckOptions) {
    this.walk = new ReportWalk(paths, options, this.notChecked);
    this.store = new OutcomeStore(options.memoryBudget);
  }

  settle(candidate: Candidate, outcome: CandidateOutcome): void {
    this.walk.settle(candidate, outcome, (config) => {
      this.configs.add(config);
      this.store.add(outcome.report!, outcome.analysis);
    });
  }

  finish(threads = 1): Collected {
    return { store: this.store, notices: this.walk.finish(), notChecked: this.notChecked, threads, ...this.configs.shared() };
  }
}

/** The rule configuration shared by every report checked, if they share one. */
export class SharedConfig {
  private readonly seen = new Set<RuleConfig>();
  add(config: RuleConfig): void {
    this.seen.add(config);
  }
  shared(): { config?: RuleConfig } {
    return this.seen.size === 1 ? { config: [...this.seen][0]! } : {};
  }
}

/** Both passes, every file's diagnostics in memory: for callers that want them all (tests, the editor's workspace check). */
export function check(paths: readonly string[], options: CheckOptions): CheckResult {
  const { store, notices, notChecked, config } = collectOutcomes(paths, options);
  try {
    return { files: [...diagnosedFiles(store, options.messages)], notices, notChecked, ...(config ? { config } : {}) };
  } finally {
    store.close();
  }
}

/** The diagnostics of reports read together (in path order): their own, and each against its previous year's. */
export function diagnoseReports(reports: readonly LoadedReport[], options: Pick<CheckOptions, 'messages' | 'keepAnalyses' | 'memoryBudget'>): CheckedFile[] {
  const store = new OutcomeStore(options.memoryBudget);
  try {
    for (const report of reports) store.add(serializeParts(reportOutcome(report, options.messages)), options.keepAnalyses ? report.analysis : undefined);
    return [...diagnosedFiles(store, options.messages)];
  } finally {
    store.close();
  }
}

export interface Tally {
  readonly files: number;
  readonly filesWithErrors: number;
  readonly errors: number;
  readonly warnings: number;
  /** Information and hints. */
  readonly others: number;
  /** Paths that were to be checked and could not be. */
  readonly unreadable: number;
}

export function tally(result: CheckResult): Tally {
  const counter = new TallyCounter(result.notices);
  for (const file of result.files) counter.add(file);
  return counter.tally();
}

/** A `Tally` counted a file at a time (the CLI streams its files). */
export class TallyCounter {
  private files = 0;
  private filesWithErrors = 0;
  private errors = 0;
  private warnings = 0;
  private others = 0;

  constructor(private readonly notices: readonly Notice[]) {}

  add(file: CheckedFile): void {
    const counts = diagnosticsAsWritten(file)?.counts ?? severityCounts(file.diagnostics);
    this.files++;
    this.errors += counts.errors;
    this.warnings += counts.warnings;
    this.others += counts.others;
    if (counts.errors > 0) this.filesWithErrors++;
  }

  tally(): Tally {
    const unreadable = this.notices.filter((n) => n.level === 'error').length;
    return { files: this.files, filesWithErrors: this.filesWithErrors, errors: this.errors, warnings: this.warnings, others: this.others, unreadable };
  }
}

/** 2 when a path could not be checked, else 1 when any diagnostic is an error, else 0. */
export function exitStatus(result: CheckResult): 0 | 1 | 2 {
  return exitStatusOf(tally(result));
}

export function exitStatusOf(t: Tally): 0 | 1 | 2 {
  return t.unreadable > 0 ? 2 : t.errors > 0 ? 1 : 0;
}
