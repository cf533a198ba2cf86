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
  fixSetColumn(p: { column: string; count: number; values: readonly number[] }): string;

  // --- structure: sections, subsections, title and preamble, table shape, old format (issue 3) ---
  sectionMissing(p: { heading: string; expects: string }): string;
  sectionHeadingMissing(p: { heading: string }): string;
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
  labelDiffers(p: { written: string; expected: string }): string;
  oldFormat(p: { written: string; kind: 'columns' | 'normativeDocs' | 'procurement' | 'previousYear' | 'otherHandling' }): string;
  rowValuesPartial(p: { row: string; have: number; expected: number; columns: readonly string[] }): string;
  fixInsertSection(p: { heading: string; content: 'table' | 'fees' | 'placeholder' }): string;
  fixInsertHeading(p: { heading: string }): string;
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
  /** `govreport fix`: what was (or would be) fixed; `written` null without --write. */
  cliFixSummary(p: { files: number; changed: number; fixes: number; written: number | null }): string;
  cliWriteFailed(p: { path: string; detail: string }): string;

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

