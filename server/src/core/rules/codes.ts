/**
 * Every diagnostic code the core can report, with the family it belongs to and a description: the
 * registry's rules (`RULES`), plus the two codes reported outside it (text.carry-over, which needs
 * last year's report, and structure.not-a-report). What settings, the config file, its JSON schema and
 * SARIF output enumerate.
 */
import { NOT_A_REPORT } from '../notReport';
import { CARRY_OVER } from '../previous';
import { RULES } from './index';

export interface CodeInfo {
  readonly code: string;
  /** The part before the first dot: sum, value, structure, text. */
  readonly family: string;
  /** What the code checks (the description of the rule that reports it). */
  readonly description: string;
}

const familyOf = (code: string): string => code.split('.')[0]!;

function allCodes(): CodeInfo[] {
  const result: CodeInfo[] = [];
  for (const rule of RULES) for (const code of rule.codes) result.push({ code, family: familyOf(code), description: rule.description });
  result.push({ code: CARRY_OVER, family: familyOf(CARRY_OVER), description: '本年「上年结转」与上年报告「结转下年度继续办理」相等，现行有效件数前后衔接，正文不照抄上年报告（同时检查两个年度的报告时）' });
  result.push({ code: NOT_A_REPORT, family: familyOf(NOT_A_REPORT), description: '不像政府信息公开工作年度报告的文档只给出这一条提示，不做其他检查' });
  const seen = new Set<string>();
  return result.filter((c) => !seen.has(c.code) && (seen.add(c.code), true));
}

/** Every code, in registry order. */
export const CODES: readonly CodeInfo[] = allCodes();

/** Every family, in order of first appearance. */
export const FAMILIES: readonly string[] = [...new Set(CODES.map((c) => c.family))];
