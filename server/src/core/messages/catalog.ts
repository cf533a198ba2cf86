/**
 * Every user-facing sentence the core produces, in one place. Rules call these functions and never
 * build a sentence themselves, so that a translation is a second catalog and no rule changes.
 * Domain terms (row and column names) stay in Chinese in every language.
 */
import type { ConfigProblem } from '../configProblem';
import type { CellState, Layout } from '../model';
import type { ReadProblemKind } from '../read/reader';

/** Why the table grid did not write what was typed into a cell (`core/features/cellEdit.ts`). */
export type CellEditRefusal =
  | 'not-report'
  | 'no-cell'
  | 'no-table'
  | 'empty'
  | 'not-number'
  | 'negative'
  | 'fraction'
  | 'too-large'
  | 'scrambled'
  | 'unseparable'
  | 'row-partial'
  | 'layout'
  | 'stale';

export interface TermValue {
  readonly label: string;
  readonly value: number;
}

export interface MessageCatalog {
  readonly locale: string;
  /**
   * A failing identity, its terms named by their short labels with their values, the terms that are 0
   * left out and counted: `行合计不成立：…填报 5，按各项计算应为 4（5 ≠ 自然人 3 + 商业企业 1 = 4；其余 4 项为 0）`.
   */
  identityFailed(p: {
    kind: string;
    cell: string;
    stated: number;
    computed: number;
    plus: readonly TermValue[];
    minus: readonly TermValue[];
  }): string;
  /** The cause several failures share. */
  causeTotalColumn(p: { rows: number }): string;
  causeSwappedColumns(p: { from: string; to: string; amount: number }): string;
  causeSameRow(p: { count: number }): string;
  relatedStated(p: { cell: string; value: number }): string;
  relatedTerm(p: { cell: string; value: number; sign: '+' | '−' }): string;
  relatedSameCause(p: { cell: string }): string;
  cellName(p: { row: string; column: string }): string;
  columnName(p: { column: string }): string;
  valueMissing(p: { cell: string; raw: string }): string;
  rowValuesMissing(p: { row: string; columns: readonly string[] }): string;
  valueInvalid(p: { cell: string; raw: string; reason: 'words' | 'negative' | 'fraction' | 'number' }): string;
  valueExtra(p: { row: string; count: number }): string;
  unseparable(p: { rows: readonly string[]; digits: string; solutions: number }): string;
  /** Run-together digits of a table with no identities (table 一): nothing tells how they split; a problem of the text. */
  unseparableNoIdentities(p: { rows: readonly string[]; digits: string }): string;
  /** Appended to a failing identity one of whose cells was read from a split of run-together digits. */
  splitStated(p: { digits: string; parts: readonly string[] }): string;
  /** The tables' reading order looks scrambled (PDF text extracted without `-layout`): no sum is checked. */
  tableScrambled(p: { table: string }): string;
  fixSetValue(p: { cell: string; value: number }): string;
  fixSetColumn(p: { column: string; count: number; values: readonly number[] }): string;

  // --- structure: sections, subsections, title and preamble, table shape, old format (issue 3) ---
  sectionMissing(p: { heading: string; expects: string }): string;
  sectionHeadingMissing(p: { heading: string }): string;
  /** Content of a section (its subsections, its sentences) with no heading before it (issue 18). */
  sectionHeadingLost(p: { heading: string; content: string }): string;
  /** A heading recognised with other words than the format's (a slip, other connectors, a shortened form). */
  sectionWording(p: { written: string; expected: string }): string;
  /** A line that looks like a missing section's heading in other words (not recognised for sure). */
  sectionLookalike(p: { written: string; expected: string }): string;
  /** Every heading from `first` numbered the same number of places off (the overview's items counted as sections). */
  sectionNumberingShift(p: { first: string; written: string; expected: string; count: number }): string;
  /** Related information of a shift: one more heading of it. */
  sectionNumeralShifted(p: { title: string; written: string; expected: string }): string;
  sectionOrder(p: { heading: string; after: string | null }): string;
  sectionDuplicate(p: { heading: string }): string;
  sectionNumeralMissing(p: { title: string; expected: string }): string;
  sectionNumeralWrong(p: { written: string; expected: string; title: string }): string;
  sectionEmpty(p: { heading: string; content: string; expects: string }): string;
  tableMissing(p: { heading: string; table: string }): string;
  subsectionStyle(p: { marker: string; expected: string; majority: string }): string;
  subsectionSequence(p: { marker: string; expected: string }): string;
  titleMissing(): string;
  titleIncomplete(p: { title: string; missing: 'body' | 'year' | 'both' }): string;
  preambleMissing(): string;
  rowMissing(p: { row: string; group: string | null }): string;
  /** Rows missing from `first` to the table's last row, the rows before them present. */
  tableTruncated(p: { table: string; after: string; count: number; first: string; last: string }): string;
  rowsMissing(p: { table: string; first: string; last: string; count: number }): string;
  tableNoValues(p: { table: string; rows: number; cells: number }): string;
  labelDiffers(p: { written: string; expected: string }): string;
  oldFormat(p: { written: string; kind: 'columns' | 'normativeDocs' | 'procurement' | 'previousYear' | 'otherHandling' }): string;
  rowValuesPartial(p: { row: string; have: number; expected: number; columns: readonly string[] }): string;
  fixInsertSection(p: { heading: string; content: 'table' | 'fees' | 'placeholder' }): string;
  fixInsertHeading(p: { heading: string }): string;
  fixInsertHeadingBefore(p: { heading: string }): string;
  fixRewordHeading(p: { expected: string }): string;
  fixRenumberSections(p: { count: number }): string;
  fixInsertTable(p: { table: string }): string;
  fixSetNumeral(p: { written: string | null; expected: string }): string;
  fixSubsection(p: { marker: string; expected: string }): string;
  fixSubsections(p: { count: number }): string;
  fixInsertPreamble(): string;
  fixInsertRow(p: { row: string }): string;
  fixInsertRows(p: { first: string; last: string; count: number }): string;
  fixLabel(p: { expected: string }): string;
  fixFillCell(): string;
  fixFillRow(p: { row: string; count: number }): string;
  /** The `source.fixAll.govreport` action. */
  fixAllTitle(): string;
  /** A code action rewriting one table (`all`: every table) in a layout. */
  convertTableTitle(args: { layout: 'cell-per-line' | 'pipe' | 'markdown'; all: boolean }): string;
  /**
   * `govreport fix`: what was (or would be) fixed; `places` the places changed as the diff shows them
   * (each run of adjacent changed lines); `written` null without --write.
   */
  cliFixSummary(p: { files: number; changed: number; places: number; written: number | null }): string;
  /** `fix` without --write: a UTF-16 file's changes cannot be given as a patch (use --write). */
  cliDiffUtf16(p: { path: string; encoding: string }): string;
  /** `fix` without --write: the diff's paths are relative to `folder`, not the current folder (some file lies outside it). */
  cliDiffBase(p: { folder: string }): string;
  /** `fix --backup` without --write. */
  cliBackupWithoutWrite(): string;
  /** `fix --write --backup`: FILE.orig could not be written (or another one is there), so the report was not written either. */
  cliBackupFailed(p: { path: string; backup: string; reason: 'exists' | 'changed' | 'read-only' | 'not-regular' | 'failed'; code: string }): string;
  /**
   * A file not written back (`fix --write`): it changed on disk since it was read, is read-only, is
   * not a regular file, or the system refused (`code`, e.g. ENOSPC); the original is untouched.
   */
  cliWriteFailed(p: { path: string; reason: 'changed' | 'read-only' | 'not-regular' | 'failed'; code: string }): string;
  /** The cause an operating-system error code names (ENOSPC, EACCES…), in words; an unknown code as is. */
  ioCause(p: { code: string }): string;

  // ---- text.control-char — invisible characters left by copy-paste and PDF extraction (issue 17)
  /** `count` control characters in a run; `codes` their code points as U+XXXX. */
  controlCharacters(p: { count: number; codes: readonly string[] }): string;
  /** structure.placeholder: text left to be replaced. */
  placeholder(p: { text: string }): string;
  /** structure.placeholder: a row's cells left （待填）. */
  placeholderCells(p: { row: string; count: number; text: string }): string;
  fixRemoveControlCharacters(p: { count: number }): string;

  // ---- text.* — numbers in the narrative (issue 5)
  /** A table in messages: 表一, 表二, 表三. */
  tableName(p: { table: 'A' | 'B' | 'C' }): string;
  /** `表二「一、本年新收…」的「总计」` or the sum of several cells. */
  claimPlace(p: { table: string; cells: readonly string[] }): string;
  /** `「（四）无法提供」各项的「总计」`. */
  groupCells(p: { group: string; column: string }): string;
  tableMismatch(p: { quote: string; stated: number; place: string; tableValue: number; unit: string }): string;
  tableMismatchImplied(p: { quote: string; implied: number; place: string; tableValue: number }): string;
  claimNoteIdentity(p: { kind: string; computed: number }): string;
  claimNoteAlternative(p: { reading: 'includesCarried'; value: number }): string;
  claimNoteStatedReading(p: { reading: 'includesCarried'; value: number }): string;
  claimNotePartSubject(p: { subject: string }): string;
  relatedTableCell(p: { cell: string; value: number | null }): string;
  relatedClaim(p: { quote: string }): string;
  partsSum(p: { quote: string; whole: number; parts: readonly number[]; sum: number; exhaustive: boolean; unit: string }): string;
  shareMismatch(p: { percent: string; part: number; whole: number; computed: string }): string;
  relatedWhole(p: { quote: string; value: number }): string;
  relatedPart(p: { quote: string; value: number }): string;
  yearMismatch(p: { where: 'period' | 'statement' | 'fee'; stated: number; year: number }): string;
  relatedTitleYear(p: { year: number }): string;
  fixYear(p: { stated: number; year: number }): string;
  feeFact(p: { fact: 'notices' | 'amount' | 'collected' }): string;
  feeMissing(p: { missing: readonly string[] }): string;
  feeNoteFromTable(p: { value: number }): string;
  feeAmountWithoutNotice(p: { fact: string; amount: number }): string;
  feeCollectedExceeds(p: { collected: number; notified: number }): string;
  feeNoticesContradictTable(p: { notices: number; value: number }): string;
  relatedFeeStatement(p: { quote: string }): string;
  carryOverMismatch(p: { column: string; current: number; previous: number; previousYear: number }): string;
  inForceMismatch(p: { row: string; stated: number; previous: number; issued: number; repealed: number; computed: number; previousYear: number }): string;
  relatedPreviousCell(p: { year: number; cell: string; value: number | null }): string;
  copiedReport(p: { identical: number; total: number; percent: number; previousYear: number }): string;
  relatedCopiedSentence(p: { year: number }): string;
  // ---- CLI (server/src/cli) ----
  /** The help text of `govreport`, with the program's version. */
  cliUsage(p: { version: string; formats: readonly string[]; defaultMaxSize: string }): string;
  /** The usage lines alone, shown after a usage error. */
  cliSynopsis(): string;
  /** Words put before a message on stderr, with their separator: `错误：`, `error: `. */
  cliLevel(level: 'error' | 'note'): string;
  cliSummary(p: { files: number; filesWithErrors: number; errors: number; warnings: number; others: number; unreadable: number }): string;
  cliNoReports(): string;
  /** The head of the list of files not checked (after the summary); `all`: whether to leave out the --all hint (given, or no file skipped as not a report). */
  cliNotChecked(p: { count: number; all: boolean }): string;
  /** One file not checked and why (the list's line, and SARIF's notification). */
  cliNotCheckedItem(p: { path: string; reason: 'not-report' | 'binary' | 'encoding' | 'too-large' | 'unreadable' | 'not-found' | 'not-regular' | 'failed' }): string;
  cliNotFound(p: { path: string }): string;
  cliNotRegularFile(p: { path: string }): string;
  cliReadFailed(p: { path: string; detail: string }): string;
  cliBinary(p: { path: string; explicit: boolean }): string;
  cliTooLarge(p: { path: string; size: string; limit: string }): string;
  cliEncoding(p: { path: string; explicit: boolean; encoding: string | null }): string;
  cliNotReport(p: { path: string }): string;
  /** An original (page, Word file, PDF) that could not be read, by the reader's kind of problem. */
  cliReadProblem(p: { path: string; kind: ReadProblemKind }): string;
  /** Where a finding stands in an original with no text positions of its own: `[第2页 表1 第5行 第3列]`. */
  placeLabel(p: { page?: number; table?: number; row?: number; column?: number; paragraph?: number }): string;
  /** A reader that answers only asynchronously, in a command that reads synchronously. */
  cliReaderUnavailable(p: { path: string; format: string }): string;
  /** `commands`: every command there is (args.ts COMMANDS). */
  cliMissingCommand(p: { commands: readonly string[] }): string;
  cliUnknownCommand(p: { command: string; commands: readonly string[] }): string;
  /** A glob argument that matched no file (`ignored`: it matched only files the ignore rules leave out). */
  cliGlobNoMatch(p: { pattern: string; ignored: boolean }): string;
  /** A diagnostic's severity in `--format text` (and the summary table). */
  cliSeverity(severity: 1 | 2 | 3 | 4): string;
  /** The progress line on a terminal's stderr: files read so far, of how many. */
  cliProgress(p: { done: number; total: number }): string;
  /** `--format summary`: the totals line's first cell. */
  cliSummaryTotal(p: { reports: number }): string;
  /** `--format summary`: the last column's heading (the first failing identity, else the first error or warning). */
  cliSummaryFirst(): string;
  /** `fix -`: standard input is fixed alone (its fixed text is the output). */
  cliStdinAlone(): string;
  /** `fix - --write`: standard input has no file to write back to. */
  cliStdinWrite(): string;
  /** `fix -`: after the fixed text (on stdout), what was fixed. */
  cliStdinFixSummary(p: { fixes: number }): string;
  /** `--stdin-filepath` without `-` among the paths. */
  cliStdinFilepathUnused(): string;
  cliUnknownOption(p: { option: string }): string;
  cliMissingValue(p: { option: string }): string;
  cliUnexpectedValue(p: { option: string }): string;
  cliBadFormat(p: { value: string; formats: readonly string[] }): string;
  cliBadLayout(p: { value: string; layouts: readonly string[] }): string;
  /** `extract` takes exactly one file. */
  cliExtractOneFile(): string;
  /** An extract option that goes only with some formats (`--wide` with csv). */
  cliExtractOptionFormat(p: { option: string; formats: readonly string[] }): string;
  /** `--format xlsx` without `-o FILE` (a binary file is not written to a terminal or a pipe). */
  cliExtractXlsxOutput(): string;
  /** What `extract --format csv|json|xlsx` took out, on stderr; `output` null: standard output. */
  cliExtractSummary(p: { reports: number; cells: number; missing: number; invalid: number; unreadable: number; output: string | null }): string;
  /** `--sum`: the identities checked on the region's totals. */
  cliExtractSumChecked(p: { reports: number; holds: number; fails: number; notEvaluated: number }): string;
  /** `--sum`: one failing identity of the totals (its code and message), and the reports in which it fails itself. */
  cliExtractSumFinding(p: { code: string; message: string; reports: readonly string[] }): string;
  cliBadSize(p: { value: string }): string;
  /** An option of another command (`fix --format`): which command has no such option. */
  cliOptionNotForCommand(p: { option: string; command: string }): string;
  cliBadSeverity(p: { value: string; levels: readonly string[] }): string;
  /** An option that takes a whole number of zero or more (`--max-warnings`). */
  cliBadCount(p: { option: string; value: string }): string;
  /** `--jobs` given something else than a whole number of 1 or more. */
  cliBadJobs(p: { value: string }): string;
  /** `--max-warnings N` exceeded (exit 1). */
  cliTooManyWarnings(p: { warnings: number; max: number }): string;
  /** `--output FILE` could not be written; `code` an operating-system error code. */
  cliOutputFailed(p: { path: string; code: string }): string;
  cliMissingPaths(): string;
  cliSeeHelp(): string;
  /** A bug of ours while checking a file; `detail` (the error) only with --debug, else null. */
  cliAnalysisFailed(p: { path: string; detail: string | null }): string;
  /** A bug of govreport's: the error in one line and where to report it; `debug` when the details follow. */
  cliInternalError(p: { detail: string; debug: boolean }): string;

  // --- language server (lsp) ---
  /** The one hint a document gets when it does not read like a report (nothing else is checked). */
  notAReport(): string;

  /** `node dist/server.js` started without a connection to a client (or with --help). */
  serverUsage(p: { version: string }): string;

  // --- navigation (issue 4): outline, hover, inlay hints, code lens, workspace symbols ---
  /** A table in messages and the outline: 表一, 表二, 表三 (the same signature as text.*'s, issue 5). */
  /** How a table is laid out in the text, as the outline's detail. */
  layoutName(p: { layout: Layout }): string;
  /** A workspace symbol: the report's body and the symbol, `西城区民政局 › 三、收到和处理…`. */
  reportSymbolName(p: { report: string; name: string }): string;
  /** Hover on a cell, first line: its row and column (markdown). */
  hoverCellTitle(p: { row: string; column: string }): string;
  /** Hover on a cell: the table (and column group) it belongs to. */
  hoverCellContext(p: { table: string; tableName: string; group: string | null }): string;
  /** Hover on a cell: its value, or what was written instead. */
  hoverCellValue(p: { state: CellState; value: number | null; raw: string }): string;
  /** Hover on a cell: one identity it takes part in, with the values filled in and whether it holds. */
  hoverIdentity(p: {
    kind: string;
    status: 'holds' | 'fails' | 'not-evaluated';
    stated: NamedValue;
    plus: readonly NamedValue[];
    minus: readonly NamedValue[];
    computed: number | null;
  }): string;
  /** Hover on a cell of a table without identities (table A). */
  hoverNoIdentity(): string;
  /** Hover on a row label: the format's label, as written if different, and the row's values. */
  hoverRow(p: { label: string; written: string | null; table: string; values: readonly { column: string; value: string }[] }): string;
  /**
   * Hover on a section heading: the format's heading (numeral and title), the numeral as written when
   * it differs (`2、`; null when the heading has none), and what the format expects there.
   */
  hoverSection(p: { numeral: string; title: string; written: string | null; differs: boolean; expects: string }): string;
  /** Code lens above a table: `勾稽关系：39 项全部成立`. */
  codeLensIdentities(p: { holds: number; fails: number; notEvaluated: number }): string;

  // ---- settings, config file, SARIF (issue 8) ----
  /** One problem of a config file or of the govreport.rules setting. */
  configProblem(p: { problem: ConfigProblem }): string;
  /** The one message for an invalid config file (its problems, from `configProblem`). */
  configInvalid(p: { file: string; problems: readonly string[] }): string;
  /** The one hint on a document larger than govreport.maxFileSize. */
  documentTooLarge(p: { size: string; limit: string }): string;
  cliBadLang(p: { value: string }): string;
  /** Sentences of one message joined: `甲。乙`, `A. B`. */
  sentences(parts: readonly string[]): string;

  // --- identity causes (lead) ---
  causeSingleCell(p: { cell: string; stated: number; value: number; count: number }): string;
  relatedSuspect(p: { cell: string; value: number }): string;

  // --- the verdict page (issue 16: `check --format html`) ---
  /** A fixed word of the page: its title, column headers, the outcome filter's choices. */
  verdictWord(word: VerdictWord): string;
  /** The line above the table: how many reports, how many with errors, the counts. */
  verdictSummary(p: { reports: number; withErrors: number; errors: number; warnings: number; notChecked: number }): string;
  /** How many rows the filter shows (`shown` may be a placeholder the page's script fills in). */
  verdictShown(p: { shown: string; total: number }): string;
  /** Where a finding is, 1-based. */
  verdictWhere(p: { line: number; column: number }): string;
  /** A severity as a word (1 error … 4 hint). */
  verdictSeverity(severity: 1 | 2 | 3 | 4): string;

  // --- ui --- (issue 8: preview, new report, check workspace, status bar)
  /** The preview panel's title: `预览：某某.txt`. */
  previewTitle(p: { document: string }): string;
  /** The preview's summary line above the tables. */
  previewSummary(p: { fails: number; missing: number; invalid: number; absent: number }): string;
  /** The legend's words for each kind of marked cell. */
  previewLegend(kind: 'fail' | 'involved' | 'missing' | 'invalid' | 'absent'): string;
  /** In place of a table the text does not have. */
  previewTableMissing(p: { table: string; tableName: string }): string;
  /** The preview of a document that does not read like a report. */
  previewNotReport(): string;
  /** Tooltip of a cell the text does not have (its row is missing, or the row has fewer values). */
  previewCellAbsent(p: { cell: string }): string;
  /** Tooltip of a cell that is a term of a failing identity: the identity's message. */
  previewInvolved(p: { message: string }): string;
  /** The preview command run with no report in the active editor. */
  previewNoDocument(): string;
  /** The preview could not be produced (the server did not answer). */
  previewFailed(p: { detail: string }): string;
  /** Shown in a grid cell whose typed text is not written: why (nothing is written). */
  cellEditRefused(p: { reason: CellEditRefusal; cell: string; text: string }): string;
  /** A total 「自动合计」 left alone: the author's figure disagrees with its terms after the edit. */
  cellEditConflict(p: { cell: string; stated: string; computed: number }): string;
  /** The grid's toggle that keeps totals. */
  previewAutoTotals(): string;
  /** The toggle's tooltip. */
  previewAutoTotalsHint(): string;
  /** The one-click fix offered on a total that does not hold: write what its terms add up to. */
  previewFixTo(p: { value: number }): string;
  /** How the grid is used, under the legend. */
  previewEditHint(): string;
  newReportBodyPrompt(): string;
  newReportBodyPlaceholder(): string;
  newReportBodyProblem(p: { problem: 'empty' | 'line-break' | 'too-long' | 'has-year' | 'has-title'; max: number }): string;
  newReportYearPrompt(): string;
  newReportYearProblem(p: { problem: 'not-a-year' | 'out-of-range'; first: number; last: number }): string;
  /** Title of the workspace check's progress notification. */
  checkWorkspaceTitle(): string;
  checkWorkspaceProgress(p: { done: number; total: number; file: string }): string;
  /** `186 份报告：23 份有错误`. */
  checkWorkspaceSummary(p: { files: number; filesWithErrors: number; warnings: number; unreadable: number; cancelled: boolean }): string;
  checkWorkspaceNoFolders(): string;
  /** The button beside the summary. */
  checkWorkspaceOpenProblems(): string;
  /** The status bar item: `年报：2 错误 · 1 警告`. */
  statusBarText(p: { errors: number; warnings: number }): string;
  statusBarTooltip(): string;
  /** The button beside the workspace check's summary, and the command's prompt: export the results. */
  checkWorkspaceExport(): string;
  /** The save dialog's title and its filter's name. */
  checkWorkspaceExportTitle(): string;
  checkWorkspaceExportFilter(): string;
  /** After the export was written. */
  checkWorkspaceExported(p: { file: string; reports: number }): string;
  /** `govreport.exportWorkspaceData`: the choice of layout (long: a row per cell; wide: a row per report), its prompt. */
  exportDataLong(): string;
  exportDataLongDetail(): string;
  exportDataWide(): string;
  exportDataWideDetail(): string;
  exportDataPlaceholder(): string;
  /** The save dialog's title and its filter's name. */
  exportDataTitle(): string;
  exportDataFilter(): string;
  /** After the data was written. */
  exportDataExported(p: { file: string; reports: number }): string;
  /** The workspace item of the status bar after a workspace check: `工作区 186 份年报：23 份有错误`. */
  statusBarWorkspaceText(p: { files: number; filesWithErrors: number }): string;
  statusBarWorkspaceTooltip(p: { errors: number; warnings: number; unreadable: number }): string;

  // --- robustness: encodings (robust) ---
  /** A file read in an encoding other than UTF-8: which one was assumed. */
  cliEncodingAssumed(p: { path: string; encoding: string }): string;

  // --- readers of originals: problems that stop a file being read (read/docx) ---
  /**
   * Why an original could not be read, one message per kind (see ReadProblemKind): an old binary
   * .doc/.wps (save it as .docx), an encrypted, damaged or oversized (zip bomb) Word file.
   * `limit` is the unpacking limit, for 'too-large'.
   */
  readDocxProblem(p: { kind: 'old-format' | 'encrypted' | 'damaged' | 'too-large'; limit: string }): string;

  // --- the editor: an original opened as report text (govreport/readOriginal) ---
  /** A file that no reader takes (neither text, a web page, a Word file nor a PDF). */
  readOriginalUnsupported(p: { path: string }): string;
  /** The file dialog of 「作为年报文本打开」: its button and the kind of files it shows. */
  openAsReportTextPick(): string;
  /** The language server could not answer (its log says why). */
  openAsReportTextFailed(): string;
}

/** A term of an identity in a hover: its short name, its value (null when missing), whether it is the hovered cell. */
/** The fixed words of the verdict page. */
export type VerdictWord =
  | 'title'
  | 'columnFile'
  | 'columnBody'
  | 'columnYear'
  | 'columnErrors'
  | 'columnWarnings'
  | 'columnFirstFailure'
  | 'filterPlaceholder'
  | 'showLabel'
  | 'show-all'
  | 'show-problems'
  | 'show-errors'
  | 'show-warnings'
  | 'show-clean'
  | 'expandAll'
  | 'noFindings'
  | 'notCheckedHeading';

export interface NamedValue {
  readonly label: string;
  readonly value: number | null;
  readonly current: boolean;
}
