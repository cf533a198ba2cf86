/**
 * The core's entry point: text → model → identity evaluations → findings. Pure: no I/O, no LSP.
 */
import type { Analysis } from './analysis';
import { compareFindings, type Finding } from './findings';
import type { MessageCatalog } from './messages/catalog';
import { zhCN } from './messages/zh-cn';
import { parseReport } from './parse/parser';
import { evaluateIdentities } from './rules/evaluate';
import { RULES } from './rules';
import type { Rule } from './rules/rule';

export type { Analysis } from './analysis';

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
