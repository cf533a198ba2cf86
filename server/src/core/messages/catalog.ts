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
}
