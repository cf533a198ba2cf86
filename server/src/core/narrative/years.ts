/**
 * Years the narrative states as the report's own: the statistics period (`统计期限自2023年1月1日起至
 * 2023年12月31日止`), a year that opens a statement in the preamble, section 一 or section 六
 * (`2023年，我局…`, `2023年度本单位共收到…`), and the year of the fee statement. Years that are
 * legitimately other years — a cited document's (`〔2020〕109号`, `《…2023年工作要点》`), a plan
 * (`下一步…2025年`), a comparison (`较2022年`), a date (`2023年6月6日上线`) — are not statements.
 */
import type { SectionId } from '../format/schema';
import type { ReportModel } from '../model';
import type { Span } from '../text';
import { clauseEnd, clauseStart } from './claims';
import { narrativeOf, spanIn, type Sentence } from './flow';
import type { ScannedNumber } from './numbers';

export type YearPlace = 'period' | 'statement' | 'fee';

export interface YearStatement {
  readonly sentence: Sentence;
  readonly number: ScannedNumber;
  /** The year with its 年 / 年度. */
  readonly span: Span;
  readonly value: number;
  readonly where: YearPlace;
}

const PERIOD_WORDS = ['统计期限', '统计时限', '统计区间', '统计时间', '统计周期', '统计期间'];
const FEE_WORDS = ['信息处理费', '收费通知'];
const STATEMENT_SECTIONS: readonly (SectionId | null)[] = [null, 'overview', 'other'];
/** What may precede a year that opens a clause: a subsection marker, 在/于. */
const OPENING = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)])?(?:在|于)?$/u;
/** After the year: a range or a starting point, not a statement about that year. */
const NOT_STATEMENT_AFTER = /^(?:以来|起|开始|之前|以前|前|后|底|末|初|上半年|下半年|[-－—–~～至到]|\d{1,2}月)/u;
/** A year followed by these names a document or an assessment of that year. */
const DOCUMENT_AFTER = /^.{0,6}?(?:报告|要点|计划|方案|考核|评估|测评|评议|通报|清单|目录|规划|预算|决算)/u;
const CITING = ['根据', '按照', '依据', '对照', '参照', '结合'];
const FUTURE = ['下一步', '将', '计划', '拟', '明年', '今后', '下一年', '下年度', '未来'];
/** Right before an earlier year: a comparison (较2023年, 比2023年, 与2023年相比). */
const COMPARED_BEFORE = /(?:较|比|与|同|和|相比|相较|对比|较之)$/u;
const COMPARED_AFTER = /^(?:相比|同比|相较|比较|以来|同期)/u;
const BRACKETS: readonly [string, string][] = [['《', '》'], ['〔', '〕'], ['[', ']'], ['【', '】'], ['“', '”'], ['<', '>'], ['〈', '〉']];

/** Is position `pos` inside one of the brackets (a title, a document number, a quotation)? */
function insideBrackets(text: string, pos: number): boolean {
  const from = Math.max(0, pos - 300);
  const before = text.slice(from, pos);
  for (const [open, close] of BRACKETS) {
    const o = before.lastIndexOf(open);
    if (o >= 0 && before.lastIndexOf(close) < o) return true;
  }
  return false;
}

function classify(s: Sentence, n: ScannedNumber, reportYear: number): YearPlace | null {
  const text = s.text;
  if (insideBrackets(text, n.start)) return null;
  const after = text.slice(n.unitEnd);
  if (PERIOD_WORDS.some((w) => text.includes(w))) return 'period';
  if (/^\d{1,2}月/u.test(after)) return null; // a date
  if (NOT_STATEMENT_AFTER.test(after)) return null;
  // A plan names a later year (下一步，2025年我局将…); a comparison an earlier one (较2023年增长).
  const upToClauseEnd = text.slice(0, clauseEnd(text, n.unitEnd));
  if (n.value > reportYear && FUTURE.some((w) => upToClauseEnd.includes(w))) return null;
  if (n.value < reportYear && (COMPARED_BEFORE.test(text.slice(Math.max(0, n.start - 4), n.start)) || COMPARED_AFTER.test(after))) return null;
  if (s.section === 'other' && FEE_WORDS.some((w) => text.includes(w))) return 'fee';
  if (!STATEMENT_SECTIONS.includes(s.section)) return null;
  const from = clauseStart(text, n.start);
  const before = text.slice(from, n.start);
  if (OPENING.test(before)) return DOCUMENT_AFTER.test(after) ? null : 'statement';
  // `YYYY年度` inside a clause: 本单位2023年度共收到… — unless it names a document or is cited.
  if (n.yearDu && !DOCUMENT_AFTER.test(after) && !CITING.some((w) => text.slice(from, n.start).includes(w))) return 'statement';
  return null;
}

/** The years the narrative states as the report's year, for a report of `reportYear`. */
export function yearStatements(model: ReportModel, reportYear: number): YearStatement[] {
  const result: YearStatement[] = [];
  for (const s of narrativeOf(model).sentences) {
    for (const n of s.numbers) {
      if (n.kind !== 'year') continue;
      const where = classify(s, n, reportYear);
      if (where) result.push({ sentence: s, number: n, span: spanIn(s, n.start, n.unitEnd), value: n.value, where });
    }
  }
  return result;
}
