/**
 * `govreport`: arguments → command → output and exit status. Everything here is a function of its
 * arguments and an `Io`, testable without spawning; cli.ts binds it to the process.
 */
import { catalogFor, localeFromEnv } from '../core/messages';
import { zhCN } from '../core/messages/zh-cn';
import type { MessageCatalog } from '../core/messages/catalog';
import { debugOption, langOption, LANG_PATTERN, parseArgs, type CheckCommand, type ExtractCommand, type FixCommand } from './args';
import { extractText } from '../core/render/extract';
import { collectData, countEvaluations, failingIn, renderCsv, renderJson, renderXlsx, writeOutput, type CollectedData, type ExtractDataCommand } from './extractData';
import { collectOutcomes, loadReport, readAsyncOriginals, DEFAULT_MAX_SIZE, exitStatusOf, TallyCounter, type CheckedFile, type CheckOptions, type CheckResult, type Collected, type NotChecked, type Tally } from './check';
import { diagnosedFiles } from './outcomes';
import { collectInParallel } from './parallel';
import { errorLine, formatSize } from './files';
import { fixExitStatus, fixReports, formatDiff } from './fix';
import { FORMAT_NAMES, FORMATTERS, STREAMING_FORMATTERS, isStreamingFormat } from './formatters';
import { VERSION } from './version';
import { writeFileAtomic } from './atomicWrite';
import type { ReadResult } from '../core/read/reader';
import * as path from 'node:path';
import { progressBar } from './progress';
import { fixStdin, readStdinOnce, stdinReport } from './stdin';

export interface Io {
  readonly stdout: (text: string) => void;
  /**
   * Bytes to standard output as they are (`fix`'s diff holds each file's lines in its own encoding,
   * GB18030 too; `fix -` writes the text in its own encoding). Without it, `stdout` gets the same
   * output as text (tests that record strings).
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder SARIF locations are relative to (the process's current folder unless given). */
  readonly cwd?: string;
  /** Originals already read by an asynchronous reader (PDF), by path: see `runReadingOriginals`. */
  readonly originals?: ReadonlyMap<string, ReadResult>;
  /** Whether stderr is a terminal (a progress bar is drawn there only then). */
  readonly stderrIsTTY?: boolean;
  /** Reads all of standard input (`-`); absent: there is none to read. */
  readonly readStdin?: () => Uint8Array;
}

/**
 * The catalog a command line asks for: `--lang`, else the environment (LC_ALL, LC_MESSAGES, LANG),
 * else Chinese. An unsupported --lang is ignored here (it is a usage error, reported in that catalog).
 */
export function chooseMessages(args: readonly string[], env: Io['env']): MessageCatalog {
  const lang = langOption(args);
  return catalogFor(lang !== undefined && LANG_PATTERN.test(lang) ? lang : localeFromEnv(env));
}

export type ExitStatus = 0 | 1 | 2;

export const PROGRAM = 'govreport';

/** Runs the command line; never throws, returns 0, 1 or 2. */
export function run(args: readonly string[], givenIo: Io, messages: MessageCatalog = chooseMessages(args, givenIo.env)): ExitStatus {
  const io = onceStdin(givenIo);
  try {
    const invocation = parseArgs(args, messages);
    switch (invocation.kind) {
      case 'help':
        io.stdout(messages.cliUsage({ version: VERSION, formats: FORMAT_NAMES, defaultMaxSize: formatSize(DEFAULT_MAX_SIZE) }));
        return 0;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'usage-error':
        io.stderr(`${PROGRAM}: ${messages.cliLevel('error')}${invocation.message}\n${messages.cliSynopsis()}${messages.cliSeeHelp()}\n`);
        return 2;
      case 'check':
        return runCheck(invocation, io, messages, debugOption(args));
      case 'fix':
        return runFix(invocation, io, messages, debugOption(args));
      case 'extract':
        return runExtract(invocation, io, messages);
      case 'extract-data':
        // An xlsx is written asynchronously: runReadingOriginals (what the executable runs) writes it.
        if (invocation.format === 'xlsx') throw new Error('extract --format xlsx runs through runReadingOriginals');
        return runExtractData(invocation, io, messages, debugOption(args));
    }
  } catch (error) {
    return internalError(error, io, messages, debugOption(args));
  }
}

/**
 * Runs the command line after reading the PDFs it names (pdfjs reads asynchronously; everything
 * else runs as `run` does). What cli.ts runs.
 */
export async function runReadingOriginals(args: readonly string[], givenIo: Io, messages: MessageCatalog = chooseMessages(args, givenIo.env)): Promise<ExitStatus> {
  let originals: ReadonlyMap<string, ReadResult> | undefined;
  const io = onceStdin(givenIo);
  try {
    const invocation = parseArgs(args, messages);
    const paths = invocation.kind === 'check' || invocation.kind === 'fix' || invocation.kind === 'extract-data' ? invocation.paths : invocation.kind === 'extract' ? [invocation.path] : [];
    const found = invocation.kind === 'check' || invocation.kind === 'fix' ? { ignore: invocation.ignore, ...stdinOf(invocation, io) } : {};
    if (paths.length > 0) originals = await readAsyncOriginals(paths, 'maxSize' in invocation ? invocation.maxSize : DEFAULT_MAX_SIZE, found);
    if (invocation.kind === 'extract-data' && invocation.format === 'xlsx') {
      const read = originals ? { ...io, originals } : io;
      const collected = collectData(invocation, { messages, debug: debugOption(args), ...originalsOf(read) });
      return finishExtractData(invocation, collected, await renderXlsx(collected, messages), read, messages);
    }
    // --jobs N: pass 1 in this thread and worker threads, which only an asynchronous run can wait for (`run` reads in one thread: the same output).
    if (invocation.kind === 'check' && invocation.jobs > 1) return await runCheckInParallel(invocation, originals ? { ...io, originals } : io, messages, debugOption(args));
  } catch (error) {
    return internalError(error, io, messages, debugOption(args));
  }
  return run(args, originals ? { ...io, originals } : io, messages);
}

/** The io with standard input read at most once (runReadingOriginals reads it before run does). */
function onceStdin(io: Io): Io {
  if (!io.readStdin) return io;
  const read = readStdinOnce(io.readStdin);
  return {
    ...io,
    readStdin: () => {
      const bytes = read();
      if (!bytes) throw new Error('standard input could not be read');
      return bytes;
    },
  };
}

/** `-` among a command's paths: the report read from standard input, under its name. */
function stdinOf(command: CheckCommand | FixCommand, io: Io): ReturnType<typeof stdinReport> {
  return stdinReport(command.paths, command.stdinFilepath, () => {
    try {
      return io.readStdin ? io.readStdin() : null;
    } catch {
      return null;
    }
  });
}

/** The options of a check the command line asks for, ticking the progress bar if there is one. */
function checkOptions(command: CheckCommand, io: Io, messages: MessageCatalog, debug: boolean, progress: ReturnType<typeof progressBar>): CheckOptions {
  return {
    messages,
    maxSize: command.maxSize,
    config: command.config,
    all: command.all,
    debug,
    // The verdict page draws the tables and the summary names bodies and years: they keep the analyses.
    keepAnalyses: !isStreamingFormat(command.format),
    ignore: command.ignore,
    ...stdinOf(command, io),
    ...originalsOf(io),
    ...(progress ? { progress: progress.tick } : {}),
  };
}

function runCheck(command: CheckCommand, io: Io, messages: MessageCatalog, debug: boolean): ExitStatus {
  const progress = progressBar(io, messages);
  const collected = collectOutcomes(command.paths, checkOptions(command, io, messages, debug, progress));
  progress?.end();
  return writeCheck(command, collected, io, messages);
}

/** Runs a generator to its end (what it yields is not wanted: what it counts on the way is). */
function drain(items: Iterator<unknown>): void {
  while (items.next().done !== true) {
    // nothing to do with the item
  }
}

/** `check --jobs N` (N > 1): pass 1 in this thread and N − 1 workers (./parallel.ts), the output the same as one thread's. */
async function runCheckInParallel(command: CheckCommand, io: Io, messages: MessageCatalog, debug: boolean): Promise<ExitStatus> {
  const progress = progressBar(io, messages);
  const collected = await collectInParallel(command.paths, checkOptions(command, io, messages, debug, progress), command.jobs, command.minFilesPerThread);
  progress?.end();
  return writeCheck(command, collected, io, messages);
}

/**
 * Pass 2 of a check and what is said of it: the notices, the files in path order — each written as
 * it comes, in the streaming formats, so memory holds one file at a time — then the summary on stderr.
 */
function writeCheck(command: CheckCommand, collected: Collected, io: Io, messages: MessageCatalog): ExitStatus {
  const { store, notices, notChecked, config } = collected;
  const run = { notices, notChecked, ...(config ? { config } : {}) };
  const counter = new TallyCounter(run.notices);
  let failed: string | null = null;
  try {
    const color = command.output === null && io.stdoutIsTTY && io.env['NO_COLOR'] === undefined;
    writeNotices(run, io, messages);
    const formatOptions = { color, cwd: io.cwd ?? process.cwd(), messages };
    // --severity / --quiet choose what is shown; the summary, the exit status and --max-warnings count everything found.
    const shown = function* (): Generator<CheckedFile> {
      for (const file of diagnosedFiles(store, messages)) {
        counter.add(file);
        yield command.minSeverity === 4 ? file : { ...file, diagnostics: file.diagnostics.filter((d) => d.severity <= command.minSeverity) };
      }
    };
    const chunks = function* (): Generator<string> {
      if (isStreamingFormat(command.format)) {
        const stream = STREAMING_FORMATTERS[command.format](run, formatOptions);
        yield stream.head;
        for (const file of shown()) yield stream.file(file);
        yield stream.tail();
      } else yield FORMATTERS[command.format]({ ...run, files: [...shown()] }, formatOptions);
    };
    const output = chunks();
    if (command.output !== null) {
      const written = writeFileAtomic(command.output, (function* () {
        for (const chunk of output) if (chunk !== '') yield Buffer.from(chunk, 'utf8');
      })());
      if (!written.ok) failed = written.code;
    } else for (const chunk of output) if (chunk !== '') io.stdout(chunk);
    // Whatever was not written (the output file could not be) is still counted.
    drain(output);
  } finally {
    store.close();
  }
  const t = counter.tally();
  let status = exitStatusOf(t);
  if (failed !== null && command.output !== null) {
    io.stderr(`${PROGRAM}: ${messages.cliLevel('error')}${messages.cliOutputFailed({ path: command.output, code: failed })}\n`);
    status = 2;
  }
  const noReports = t.files === 0 && t.unreadable === 0;
  io.stderr(`${summary(t, messages)}\n`);
  writeNotChecked(run.notChecked, command.all, io, messages);
  // Nothing checked at all (an empty folder, only files that are no report): exit 2, as eslint does.
  if (noReports) return 2;
  if (command.maxWarnings !== null && t.warnings > command.maxWarnings) {
    io.stderr(`${PROGRAM}: ${messages.cliLevel('error')}${messages.cliTooManyWarnings({ warnings: t.warnings, max: command.maxWarnings })}\n`);
    if (status === 0) status = 1;
  }
  return status;
}

function runFix(command: FixCommand, io: Io, messages: MessageCatalog, debug: boolean): ExitStatus {
  if (command.paths.includes('-')) return runFixStdin(command, io, messages, debug);
  const result = fixReports(command.paths, { messages, maxSize: command.maxSize, write: command.write, backup: command.backup, config: command.config, all: command.all, debug, ignore: command.ignore, ...originalsOf(io) });
  writeNotices(result, io, messages);
  if (!command.write) {
    const cwd = io.cwd ?? process.cwd();
    const diff = formatDiff(result, cwd);
    if (io.stdoutBytes) io.stdoutBytes(diff.bytes);
    else io.stdout(diff.text);
    if (diff.base !== path.resolve(cwd)) io.stderr(`${PROGRAM}: ${messages.cliLevel('note')}${messages.cliDiffBase({ folder: shellWord(diff.base) })}\n`);
  }
  const changed = result.files.filter((f) => f.after !== f.before);
  io.stderr(
    `${messages.cliFixSummary({
      files: result.files.length,
      changed: changed.length,
      // Places as the diff shows them; with --write, those written (a file that could not be written has none).
      places: (command.write ? changed.filter((f) => f.written) : changed).reduce((n, f) => n + f.places, 0),
      written: command.write ? result.files.filter((f) => f.written).length : null,
    })}\n`,
  );
  writeNotChecked(result.notChecked, command.all, io, messages);
  return fixExitStatus(result, command.write);
}

/** `fix -` (alone, without --write): the fixed text on stdout, the summary on stderr; 2 when it could not be read. */
function runFixStdin(command: FixCommand, io: Io, messages: MessageCatalog, debug: boolean): ExitStatus {
  const result = fixStdin({ messages, maxSize: command.maxSize, config: command.config, debug, ...stdinOf(command, io), ...originalsOf(io) });
  writeNotices(result, io, messages);
  if (result.output) {
    if (io.stdoutBytes) io.stdoutBytes(result.output);
    else io.stdout(Buffer.from(result.output).toString('utf8'));
  }
  if (result.output) io.stderr(`${messages.cliStdinFixSummary({ fixes: result.changed ? result.fixes : 0 })}\n`);
  return result.notices.some((n) => n.level === 'error') ? 2 : 0;
}

/** `extract`: the report read from one file, as a text draft in a layout. */
function runExtract(command: ExtractCommand, io: Io, messages: MessageCatalog): ExitStatus {
  const { report, notices } = loadReport({ path: command.path, explicit: true }, { messages, maxSize: command.maxSize, ...originalsOf(io) });
  writeNotices({ notices }, io, messages);
  if (!report) return 2;
  const failed = writeOutput(command.output, extractText(report.analysis, command.layout), io.stdout, messages);
  if (failed) writeNotices({ notices: [failed] }, io, messages);
  return failed ? 2 : 0;
}

/** `extract --format csv|json`: the tables' data of every report the paths name. */
function runExtractData(command: ExtractDataCommand, io: Io, messages: MessageCatalog, debug: boolean): ExitStatus {
  const collected = collectData(command, { messages, debug, ...originalsOf(io) });
  return finishExtractData(command, collected, command.format === 'json' ? renderJson(collected) : renderCsv(collected, command.wide), io, messages);
}

/**
 * Writes the data (nothing when no report was found), then on stderr: what could not be read, the
 * totals' check, a summary. 2 when a path could not be read or written or no report was found, else 0.
 */
function finishExtractData(command: ExtractDataCommand, collected: CollectedData, data: string | Uint8Array, io: Io, messages: MessageCatalog): ExitStatus {
  writeNotices(collected, io, messages);
  if (collected.reports.length === 0) {
    io.stderr(`${PROGRAM}: ${messages.cliLevel('error')}${messages.cliNoReports()}\n`);
    writeNotChecked(collected.notChecked, command.all, io, messages);
    return 2;
  }
  const failed = writeOutput(command.output, data, io.stdout, messages);
  if (failed) writeNotices({ notices: [failed] }, io, messages);
  if (collected.sum) {
    const { check } = collected.sum;
    io.stderr(`${check.findings.map((f) => `${messages.cliExtractSumFinding({ code: f.code, message: f.message, reports: failingIn(collected, f.identity) })}\n`).join('')}${messages.cliExtractSumChecked({ reports: collected.reports.length, ...countEvaluations(check) })}\n`);
  }
  const cells = collected.reports.flatMap((r) => r.data.cells);
  const count = (state: string): number => cells.filter((c) => c.state === state).length;
  io.stderr(`${messages.cliExtractSummary({ reports: collected.reports.length, cells: cells.length, missing: count('missing'), invalid: count('invalid'), unreadable: count('unreadable'), output: failed ? null : command.output })}\n`);
  writeNotChecked(collected.notChecked, command.all, io, messages);
  return failed || collected.notices.some((n) => n.level === 'error') ? 2 : 0;
}

/** A folder as a shell word (`cd` in a message): as it is when plain, else in single quotes. */
function shellWord(folder: string): string {
  return /^[\w./@%+=:,-]+$/u.test(folder) ? folder : `'${folder.replace(/'/gu, `'\\''`)}'`;
}

const originalsOf = (io: Io): { originals?: ReadonlyMap<string, ReadResult> } => (io.originals ? { originals: io.originals } : {});

function writeNotices(result: { readonly notices: CheckResult['notices'] }, io: Io, messages: MessageCatalog): void {
  const text = result.notices.map((n) => `${PROGRAM}: ${messages.cliLevel(n.level)}${n.message}\n`).join('');
  if (text) io.stderr(text);
}

/** After the summary: every file not checked, one line each, so that no report is skipped without a word. */
function writeNotChecked(notChecked: readonly NotChecked[], all: boolean, io: Io, messages: MessageCatalog): void {
  if (notChecked.length === 0) return;
  // The --all hint only where it would check something: a file skipped as not a report.
  const hint = !all && notChecked.some((n) => n.reason === 'not-report');
  io.stderr(`${PROGRAM}: ${messages.cliLevel('note')}${messages.cliNotChecked({ count: notChecked.length, all: !hint })}\n${notChecked.map((n) => `  ${messages.cliNotCheckedItem(n)}\n`).join('')}`);
}

function summary(t: Tally, messages: MessageCatalog): string {
  if (t.files === 0 && t.unreadable === 0) return `${PROGRAM}: ${messages.cliLevel('error')}${messages.cliNoReports()}`;
  return messages.cliSummary(t);
}

/**
 * A bug of ours, never a stack trace at a user: one line (what failed, and where to report it); the
 * details only with --debug.
 */
export function internalError(error: unknown, io: { stderr: (text: string) => void }, messages: MessageCatalog = zhCN, debug = false): 2 {
  const first = errorLine(error);
  const detail = first.length > 200 ? `${first.slice(0, 200)}…` : first;
  try {
    io.stderr(`${PROGRAM}: ${messages.cliInternalError({ detail, debug })}\n`);
    if (debug) io.stderr(`${error instanceof Error ? (error.stack ?? detail) : String(error)}\n`);
  } catch {
    // Nothing left to tell it with.
  }
  return 2;
}
