import type { Finding } from '../findings';
import type { MessageCatalog } from '../messages/catalog';
import type { ReportModel, Row } from '../model';
import type { MatchQuality } from '../parse/tables';
import type { IdentityEvaluation } from './evaluate';

/** What every rule gets: the parsed report, the identity evaluations, the message catalog. */
export interface RuleContext {
  readonly model: ReportModel;
  readonly evaluations: readonly IdentityEvaluation[];
  readonly messages: MessageCatalog;
  /** Rows whose label the parser recognised only approximately (for structure.label). */
  readonly labelQuality: ReadonlyMap<Row, MatchQuality>;
}

/** A rule: a small object with its codes, a description and a function returning findings. */
export interface Rule {
  /** A name for the rule (the family it checks). */
  readonly id: string;
  /** Every diagnostic code this rule can produce. */
  readonly codes: readonly string[];
  readonly description: string;
  check(context: RuleContext): Finding[];
}
