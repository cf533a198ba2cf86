/**
 * A check in two passes, so that memory does not grow with the folder.
 *
 * Pass 1 reads and analyses each report once, in path order (or in worker threads: ./parallel.ts), and
 * keeps of it only its *outcome* — its own diagnostics, final — and, when its title names a body and a
 * year, its `CrossYearDigest` (what the cross-year check reads). Both are JSON strings in an
 * `OutcomeStore`: in memory up to a budget, then in a temporary file, each found again by its offset.
 * The analysis, the text and the model are dropped at once.
 *
 * Pass 2 pairs the reports by key (`pairByTitle`: body and year, no comparison of pairs) and yields
 * each checked file in path order: its outcome, with the cross-year findings against its previous
 * year's report merged in where the two were paired. A formatter writes each file as it comes.
 *
 * Both passes are the only way a check is made: `check()`, the CLI's streaming output, `--jobs` and the
 * language server's workspace check (`diagnoseReports`) all go through `reportOutcome` and
 * `diagnosedFiles`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analysis } from '../core/analyze';
import { applyRuleConfig, EMPTY_CONFIG, type RuleConfig } from '../core/config';
import { toDiagnostic, type DiagnosticShape } from '../core/diagnostic';
import type { Finding } from '../core/findings';
import type { MessageCatalog } from '../core/messages/catalog';
import { notAReportFinding, shownFindings } from '../core/notReport';
import { compareWithPrevious, crossYearDigest, digestLocator, pairByTitle, titleOf, type CrossYearDigest, type ReportTitle, type SpanLocator } from '../core/previous';
import type { Place } from '../core/read/origin';
import type { ReadResult, SourceFormat } from '../core/read/reader';
import { LineIndex } from '../core/text';
import type { FileSnapshot } from './atomicWrite';
import type { Candidate, Encoding } from './files';

/** A report file read and analysed: what `check` (and a later `fix`) work on. */
export interface LoadedReport {
  readonly candidate: Candidate;
  readonly text: string;
  readonly encoding: Encoding;
  readonly uri: string;
  readonly analysis: Analysis;
  /** The form it was read from, and what the reader gave (absent for plain text). */
  readonly format?: SourceFormat;
  readonly read?: ReadResult;
  /** The rule configuration that applies to it (from --config or its nearest config file); none when absent. */
  readonly config?: RuleConfig;
  /** What the file was when read (with the `snapshot` option, text reports only). */
  readonly snapshot?: FileSnapshot;
}

/** A diagnostic, with the place in the original when the original has places (tables, pages). */
export type PlacedDiagnostic = DiagnosticShape & { place?: Place };

/** A file that was checked. */
export interface CheckedFile {
  /** As given, or as found below a folder that was given. */
  readonly path: string;
  /** The file's `file://` URI (the uri of relatedInformation). */
  readonly uri: string;
  readonly encoding: Encoding;
  readonly diagnostics: readonly PlacedDiagnostic[];
  /** The report's analysis, with the `keepAnalyses` option. */
  readonly analysis?: Analysis;
}

/** What pass 1 keeps of a report: its own diagnostics, final, and what pass 2 needs to add the cross-year ones. */
export interface ReportOutcome {
  readonly path: string;
  readonly uri: string;
  readonly encoding: Encoding;
  /** Its own findings as diagnostics (configured, placed), in the findings' order (`compareFindings`). */
  readonly diagnostics: readonly PlacedDiagnostic[];
  /** Each diagnostic's finding's start in the report text: with its code, the order cross-year findings merge in by. */
  readonly starts: readonly number[];
  /** Whether it reads as a report: only then are cross-year findings added (a non-report is still a previous year's). */
  readonly isReport: boolean;
  readonly config: RuleConfig;
}

/** How many of a report's diagnostics are errors, warnings, and of a lower severity. */
export interface SeverityCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly others: number;
}

/** Counts a report's diagnostics by severity: 1 errors, 2 warnings, any other (or none) the rest. */
export function severityCounts(diagnostics: readonly { readonly severity?: number }[]): SeverityCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 1) errors++;
    else if (d.severity === 2) warnings++;
  }
  return { errors, warnings, others: diagnostics.length - errors - warnings };
}

/** A report's outcome as the store keeps it: its diagnostics apart, as the JSON pass 1 wrote, and counted. */
export type OutcomeSummary = Omit<ReportOutcome, 'diagnostics'> & { readonly counts: SeverityCounts };

/** A report's outcome, with its digest (null: its title names no body or no year, so it pairs with none). */
export interface OutcomeParts {
  readonly outcome: ReportOutcome;
  readonly digest: CrossYearDigest | null;
}

/**
 * Where a report's findings are shown: its text's lines, or for an original the source's lines and
 * each finding's place (a web page's findings stand in its HTML; a Word file's or PDF's in the read
 * text, with the table cell or page they came from).
 */
export function reportLocator(report: LoadedReport): SpanLocator {
  const model = report.analysis.model;
  const origin = report.read?.origin;
  if (!origin) return model.lines;
  const placeOf = (span: { start: number }): Place | undefined => origin.placeOf(span.start) ?? undefined;
  const source = report.read.source;
  if (source === null) return { rangeOf: (span) => model.lines.rangeOf(span), placeOf };
  const lines = new LineIndex(source);
  return { rangeOf: (span) => lines.rangeOf(origin.sourceSpan(span) ?? { start: 0, end: 0 }), placeOf };
}

/** A finding as a diagnostic where the locator shows it, with its place in an original. */
export function placedDiagnostic(finding: Finding, locator: SpanLocator, uri: string): PlacedDiagnostic {
  const place = locator.placeOf?.(finding.span);
  const diagnostic = toDiagnostic(finding, locator, uri);
  return place ? { ...diagnostic, place } : diagnostic;
}

/** Pass 1 for one report: its own diagnostics and its digest. */
export function reportOutcome(report: LoadedReport, messages: MessageCatalog): OutcomeParts {
  const { analysis, uri } = report;
  const config = report.config ?? EMPTY_CONFIG;
  const locator = reportLocator(report);
  const isReport = analysis.model.isReport;
  const own = isReport ? analysis.findings : report.read?.origin ? [notAReportFinding(analysis.model, messages)] : shownFindings(analysis, messages);
  const shown = applyRuleConfig(own, config);
  const { body, year } = titleOf(analysis.model);
  return {
    outcome: {
      path: report.candidate.path,
      uri,
      encoding: report.encoding,
      diagnostics: shown.map((f) => placedDiagnostic(f, locator, uri)),
      starts: shown.map((f) => f.span.start),
      isReport,
      config,
    },
    digest: body !== null && year !== null ? crossYearDigest(analysis.model, { messages, locator }) : null,
  };
}

/**
 * The outcomes of pass 1, as JSON strings: in memory while they fit the budget, then appended to a
 * temporary file (deleted when closed) and read back by offset. Holds nothing else per report than
 * the handles and its title.
 */
export class OutcomeStore {
  /** Each report's outcome and its diagnostics, one text: the two JSON texts on either side of a line break (JSON holds none). */
  private readonly outcomes: Handle[] = [];
  private readonly digests: (Handle | null)[] = [];
  private readonly titles: (ReportTitle | null)[] = [];
  private readonly analyses: (Analysis | undefined)[] = [];
  private held = 0;
  private file: { fd: number; path: string; size: number } | null = null;
  /** No temporary file could be made: everything is kept in memory. */
  private unspillable = false;

  /** `budget`: bytes of outcomes kept in memory before the rest go to a temporary file. */
  constructor(private readonly budget = DEFAULT_MEMORY_BUDGET) {}

  get size(): number {
    return this.outcomes.length;
  }

  /** Adds a report's parts as pass 1 wrote them (`serializeParts`); `analysis` kept only when given (--format html). */
  add(parts: SerializedParts, analysis?: Analysis): void {
    this.outcomes.push(this.keep(`${parts.outcome}\n${parts.diagnostics}`));
    this.digests.push(parts.digest === null ? null : this.keep(parts.digest));
    this.titles.push(parts.title);
    this.analyses.push(analysis);
  }

  title(index: number): ReportTitle | null {
    return this.titles[index] ?? null;
  }

  /** A report's outcome, and its own diagnostics as pass 1 wrote them (`JSON.stringify` of the outcome's `diagnostics`). */
  outcome(index: number): { readonly summary: OutcomeSummary; readonly diagnosticsJson: string } {
    const text = this.text(this.outcomes[index]!);
    const cut = text.indexOf('\n');
    return { summary: JSON.parse(text.slice(0, cut)) as OutcomeSummary, diagnosticsJson: text.slice(cut + 1) };
  }

  /** A report's digest, with its URI (what a related location in it names when it is last year's). */
  digest(index: number): DigestOf | null {
    const handle = this.digests[index];
    return handle ? (JSON.parse(this.text(handle)) as DigestOf) : null;
  }

  analysis(index: number): Analysis | undefined {
    return this.analyses[index];
  }

  /** Removes the temporary file, if one was made. */
  close(): void {
    if (!this.file) return;
    try {
      fs.closeSync(this.file.fd);
    } catch {
      // already closed
    }
    fs.rmSync(path.dirname(this.file.path), { recursive: true, force: true });
    this.file = null;
  }

  private keep(json: string): Handle {
    // A Chinese text is a two-byte string: two bytes a character, as memory goes.
    if (this.held + 2 * json.length <= this.budget || this.unspillable) {
      this.held += 2 * json.length;
      return json;
    }
    const file = this.file ?? this.open();
    if (!file) return json;
    const bytes = Buffer.from(json, 'utf8');
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(file.fd, bytes, written, bytes.length - written, file.size + written);
    const handle = { offset: file.size, length: bytes.length };
    file.size += bytes.length;
    return handle;
  }

  private text(handle: Handle): string {
    if (typeof handle === 'string') return handle;
    const bytes = Buffer.allocUnsafe(handle.length);
    let read = 0;
    while (read < handle.length) {
      const n = fs.readSync(this.file!.fd, bytes, read, handle.length - read, handle.offset + read);
      if (n === 0) throw new Error('the check’s temporary file ended early');
      read += n;
    }
    return bytes.toString('utf8');
  }

  /**
   * The temporary file, made on first need; null when none can be made (no writable temporary
   * folder): the outcomes then stay in memory, as a check with no budget would keep them.
   */
  private open(): { fd: number; path: string; size: number } | null {
    let folder: string | null = null;
    try {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-check-'));
      const file = path.join(folder, 'outcomes.jsonl');
      this.file = { fd: fs.openSync(file, 'w+', 0o600), path: file, size: 0 };
    } catch {
      if (folder !== null) fs.rmSync(folder, { recursive: true, force: true });
      this.unspillable = true;
      return null;
    }
    try {
      // Gone from the folder at once where the system allows (the open file stays readable): a run
      // that is killed leaves nothing behind. Elsewhere (Windows) `close` removes it.
      fs.unlinkSync(this.file.path);
      fs.rmdirSync(folder);
    } catch {
      // removed by close()
    }
    return this.file;
  }
}

type Handle = string | { readonly offset: number; readonly length: number };

/** Outcomes kept in memory before they go to a temporary file: about 700 typical reports (12 K characters each). */
export const DEFAULT_MEMORY_BUDGET = 16 * 1024 * 1024;

/** A report's digest as the store keeps it: with the report's URI, so its outcome need not be read for it. */
export interface DigestOf {
  readonly uri: string;
  readonly digest: CrossYearDigest;
}

/** A report's parts as pass 1 hands them on (from a worker thread too): strings and its title. */
export interface SerializedParts {
  /** The outcome without its diagnostics, with their counts (an OutcomeSummary). */
  readonly outcome: string;
  /** Its diagnostics. */
  readonly diagnostics: string;
  readonly digest: string | null;
  readonly title: ReportTitle | null;
}

export function serializeParts(parts: OutcomeParts): SerializedParts {
  const { diagnostics, ...rest } = parts.outcome;
  const summary: OutcomeSummary = { ...rest, counts: severityCounts(diagnostics) };
  return {
    outcome: JSON.stringify(summary),
    diagnostics: JSON.stringify(diagnostics),
    digest: parts.digest ? JSON.stringify({ uri: parts.outcome.uri, digest: parts.digest } satisfies DigestOf) : null,
    // Parsed anew: the body as the model has it is a slice of the report's text, and would keep all of it.
    title: parts.digest ? (JSON.parse(JSON.stringify({ body: parts.digest.body, year: parts.digest.year })) as ReportTitle) : null,
  };
}

/**
 * Pass 2: each report of the store, in the order added (path order), with its cross-year findings
 * against its previous year's report, if the store holds it.
 */
export function* diagnosedFiles(store: OutcomeStore, messages: MessageCatalog): Generator<CheckedFile> {
  const indexes = Array.from({ length: store.size }, (_, i) => i);
  const previousOf = new Map<number, number>();
  for (const { current, previous } of pairByTitle(indexes, (i) => store.title(i) ?? { body: null, year: null })) previousOf.set(current, previous);
  for (const index of indexes) {
    const { summary: outcome, diagnosticsJson: json } = store.outcome(index);
    const analysis = store.analysis(index);
    const previous = previousOf.get(index);
    if (previous !== undefined && outcome.isReport) {
      const { digest } = store.digest(index)!;
      const before = store.digest(previous)!;
      const added = applyRuleConfig(compareWithPrevious(digest, before.digest, { messages, previousDocument: before.uri }), outcome.config);
      if (added.length > 0) {
        const locator = digestLocator(digest);
        const diagnostics = mergeInOrder(outcome.starts, JSON.parse(json) as PlacedDiagnostic[], added, added.map((f) => placedDiagnostic(f, locator, outcome.uri)));
        yield { path: outcome.path, uri: outcome.uri, encoding: outcome.encoding, diagnostics, ...(analysis ? { analysis } : {}) };
        continue;
      }
    }
    yield asWrittenFile(outcome, json, analysis);
  }
}

/**
 * Files of pass 2 whose diagnostics are still the JSON pass 1 wrote, with that JSON and their
 * counts: `--format json` writes that text as it is and the tally counts without reading it. A file
 * made anew from one of them (`{ ...file, diagnostics: … }`) is not here, and is written from its own.
 */
const asWritten = new WeakMap<CheckedFile, { readonly json: string; readonly counts: SeverityCounts }>();

/** The JSON of the file's diagnostics and their counts, when they are as pass 1 wrote them. */
export function diagnosticsAsWritten(file: CheckedFile): { readonly json: string; readonly counts: SeverityCounts } | undefined {
  return asWritten.get(file);
}

/** A checked file whose diagnostics are parsed from their JSON only when read. */
function asWrittenFile(outcome: OutcomeSummary, json: string, analysis: Analysis | undefined): CheckedFile {
  let parsed: readonly PlacedDiagnostic[] | undefined;
  const file = Object.defineProperty({ path: outcome.path, uri: outcome.uri, encoding: outcome.encoding }, 'diagnostics', {
    enumerable: true,
    get: () => (parsed ??= JSON.parse(json) as PlacedDiagnostic[]),
  }) as Omit<CheckedFile, 'analysis'> & { analysis?: Analysis };
  if (analysis) file.analysis = analysis;
  asWritten.set(file, { json, counts: outcome.counts });
  return file;
}

/**
 * The outcome's diagnostics and the added ones, in the order of their findings (`compareFindings`:
 * start, then code); on a tie the outcome's first — as sorting the findings together would give.
 */
function mergeInOrder(starts: readonly number[], own: readonly PlacedDiagnostic[], added: readonly Finding[], addedDiagnostics: readonly PlacedDiagnostic[]): PlacedDiagnostic[] {
  const merged: PlacedDiagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < added.length) {
    const takeAdded = i >= own.length || (j < added.length && (added[j]!.span.start - starts[i]! || added[j]!.code.localeCompare(own[i]!.code)) < 0);
    merged.push(takeAdded ? addedDiagnostics[j++]! : own[i++]!);
  }
  return merged;
}
