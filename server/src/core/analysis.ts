/**
 * What an analysis of one report gives every feature: the model, the identities evaluated, the
 * findings. A type at the bottom of the core (beside the model), so that the modules analyze.ts runs
 * (rules, narrative readers, the cross-year check) can name it without importing analyze.ts.
 */
import type { Finding } from './findings';
import type { ReportModel, Row } from './model';
import type { MatchQuality } from './parse/tables';
import type { IdentityEvaluation } from './rules/evaluate';

export interface Analysis {
  readonly model: ReportModel;
  readonly evaluations: readonly IdentityEvaluation[];
  readonly findings: readonly Finding[];
  /** Rows whose label was recognised only approximately (prefix of a broken label, a misspelling). */
  readonly labelQuality: ReadonlyMap<Row, MatchQuality>;
}
