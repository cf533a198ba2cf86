/**
 * The core's entry point: text → model → identity evaluations → findings. Pure: no I/O, no LSP.
 */
import { compareFindings, type Finding } from './findings';
import type { MessageCatalog } from './messages/catalog';
import { zhCN } from './messages/zh-cn';
import type { ReportModel, Row } from './model';
import { parseReport } from './parse/parser';
import type { MatchQuality } from './parse/tables';
import { evaluateIdentities, type IdentityEvaluation } from './rules/evaluate';
import { RULES } from './rules';
import type { Rule } from './rules/rule';

export interface Analysis {
  readonly model: ReportModel;
  readonly evaluations: readonly IdentityEvaluation[];
  readonly findings: readonly Finding[];
  /** Rows whose label was recognised only approximately (prefix of a broken label, a misspelling). */
  readonly labelQuality: ReadonlyMap<Row, MatchQuality>;
}

export interface AnalyzeOptions {
  readonly messages?: MessageCatalog;
  readonly rules?: readonly Rule[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const messages = options.messages ?? zhCN;
  const { model, labelQuality } = parseReport(text);
  const evaluations = evaluateIdentities(model);
  const context = { model, evaluations, messages, labelQuality };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) findings.push(...rule.check(context));
  findings.sort(compareFindings);
  return { model, evaluations, findings, labelQuality };
}
