/**
 * Every user-facing sentence the core produces, in one place. Rules call these functions and never
 * build a sentence themselves, so that a translation is a second catalog and no rule changes.
 * Domain terms (row and column names) stay in Chinese in every language.
 */

export interface TermValue {
  readonly label: string;
  readonly value: number;
}

export interface MessageCatalog {
  readonly locale: string;
  /** `总计 0 ≠ 1 + 0 + 0 = 1`. */
  identityFailed(p: {
    kind: string;
    cell: string;
    stated: number;
    computed: number;
    formula: string;
  }): string;
  /** The formula with values: `1 + 0 + 0 − 2`. */
  formula(plus: readonly number[], minus: readonly number[]): string;
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
  fixSetValue(p: { cell: string; value: number }): string;
  fixSetColumn(p: { column: string; count: number }): string;

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
  /** Words put before a message on stderr. */
  cliLevel(level: 'error' | 'note'): string;
  cliSummary(p: { files: number; filesWithErrors: number; errors: number; warnings: number; others: number; unreadable: number }): string;
  cliNoReports(): string;
  cliNotFound(p: { path: string }): string;
  cliNotRegularFile(p: { path: string }): string;
  cliReadFailed(p: { path: string; detail: string }): string;
  cliBinary(p: { path: string; explicit: boolean }): string;
  cliTooLarge(p: { path: string; size: string; limit: string }): string;
  cliEncoding(p: { path: string; explicit: boolean; encoding: string | null }): string;
  cliNotReport(p: { path: string }): string;
  cliMissingCommand(): string;
  cliUnknownCommand(p: { command: string }): string;
  cliUnknownOption(p: { option: string }): string;
  cliMissingValue(p: { option: string }): string;
  cliUnexpectedValue(p: { option: string }): string;
  cliBadFormat(p: { value: string; formats: readonly string[] }): string;
  cliBadSize(p: { value: string }): string;
  cliMissingPaths(): string;
  cliSeeHelp(): string;
  cliAnalysisFailed(p: { path: string; detail: string }): string;
  cliInternalError(p: { detail: string }): string;
  // --- language server (lsp) ---
  /** The one hint a document gets when it does not read like a report (nothing else is checked). */
  notAReport(): string;
}

