/**
 * The fee statement of section 六 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号): the number
 * of fee notices sent, their total amount, and the amount actually collected. Read from the
 * sentences of section 六: `发出收费通知的件数为0件，总金额为0元，实际收取的总金额为0元`,
 * `发出收费通知的件数和总金额以及实际收取的总金额均为0`, `全年收取政府信息公开信息处理费 0 元`.
 */
import type { ReportModel, Section } from '../model';
import type { Span } from '../text';
import { narrativeOf, spanIn, type Sentence } from './flow';
import type { ScannedNumber } from './numbers';

export type FeeFact = 'notices' | 'amount' | 'collected';
export const FEE_FACTS: readonly FeeFact[] = ['notices', 'amount', 'collected'];

export interface StatedFee {
  /** The count of notices, or the amount in 元. */
  readonly value: number;
  /** The figure (or the words that state it, for `未发出收费通知`). */
  readonly span: Span;
  readonly sentence: Sentence;
}

export interface FeeStatement {
  /** Section 六; null when the report has none (structure.section-missing reports that). */
  readonly section: Section | null;
  readonly facts: Partial<Record<FeeFact, StatedFee>>;
  /** The sentences of section 六 that speak of fees. */
  readonly sentences: readonly Sentence[];
}

const NUMERAL_START = /^[\d零〇一二两三四五六七八九十]/u;

/** Phrases, each followed (after at most a 为/是/共) by the fact's figure. */
const FACT_PHRASES: Readonly<Record<FeeFact, readonly RegExp[]>> = {
  notices: [
    /收费通知书?的?(?:件数|数量|份数)(?:为|是|共|共计|合计|：|:)?/gu,
    /(?:发出|发送|送达|制发|出具|寄送)了?收费通知书?(?:共|共计|合计|为)?/gu,
  ],
  amount: [
    /(?<!实际收取的?|收取的?)总金额(?:为|是|共|共计|合计|：|:)?/gu,
    /(?:通知|应收|应缴)的?(?:收费)?总?金额(?:为|是|共|共计|合计|：|:)?/gu,
  ],
  collected: [
    /实际收取的?(?:总金额|金额|费用|总额|信息处理费)?(?:为|是|共|共计|合计|：|:)?/gu,
    /(?<![未不没])收取了?(?:政府信息公开)?(?:信息处理费|费用)(?:共|共计|合计|为|总额为|金额为)?/gu,
  ],
};

/** Words in a sentence ending `均为0` that name each fact. */
const FACT_NAMES: Readonly<Record<FeeFact, RegExp>> = {
  notices: /收费通知书?的?(?:件数|数量|份数)|发出收费通知书?的?(?:件数|数量)?/u,
  amount: /(?<!实际收取的?)总金额|收费金额/u,
  collected: /实际收取/u,
};
const ALL_EQUAL = /(?:均为|都为|皆为|均是|都是|全部为|均)(?=[\d零〇])/gu;
const NO_NOTICE = /(?:未|没有|无)(?:发出|发送|出具|送达)(?:过)?(?:任何)?收费通知/u;
const ABOUT_FEES = /收费|信息处理费|收取/u;

function numberAt(s: Sentence, index: number): ScannedNumber | undefined {
  return s.numbers.find((n) => n.start >= index && n.start <= index + 1 && (n.kind === 'count' || n.kind === 'money' || n.kind === 'plain'));
}

function readSentence(s: Sentence, facts: Partial<Record<FeeFact, StatedFee>>): void {
  const text = s.text;
  for (const fact of FEE_FACTS) {
    if (facts[fact]) continue;
    for (const phrase of FACT_PHRASES[fact]) {
      phrase.lastIndex = 0;
      for (let m = phrase.exec(text); m; m = phrase.exec(text)) {
        const end = m.index + m[0].length;
        if (!NUMERAL_START.test(text.slice(end, end + 2).replace(/^[为是]/u, ''))) continue;
        const n = numberAt(s, end);
        if (!n || (fact !== 'notices' && n.kind === 'count') || (fact === 'notices' && n.kind === 'money')) continue;
        facts[fact] = { value: n.value, span: spanIn(s, n.start, n.unitEnd), sentence: s };
        break;
      }
      if (facts[fact]) break;
    }
  }
  // 发出收费通知的件数和总金额以及实际收取的总金额均为0.
  ALL_EQUAL.lastIndex = 0;
  for (let m = ALL_EQUAL.exec(text); m; m = ALL_EQUAL.exec(text)) {
    const n = numberAt(s, m.index + m[0].length);
    if (!n) continue;
    const named = text.slice(0, m.index);
    for (const fact of FEE_FACTS) {
      if (!facts[fact] && FACT_NAMES[fact].test(named)) facts[fact] = { value: n.value, span: spanIn(s, n.start, n.unitEnd), sentence: s };
    }
  }
  const none = NO_NOTICE.exec(text);
  if (none && !facts.notices) facts.notices = { value: 0, span: spanIn(s, none.index, none.index + none[0].length), sentence: s };
}

const cache = new WeakMap<ReportModel, FeeStatement>();

export function feeStatement(model: ReportModel): FeeStatement {
  const cached = cache.get(model);
  if (cached) return cached;
  const section = model.sections.find((s) => s.spec.id === 'other') ?? null;
  const facts: Partial<Record<FeeFact, StatedFee>> = {};
  const sentences = section ? narrativeOf(model).sentences.filter((s) => s.section === 'other' && ABOUT_FEES.test(s.text)) : [];
  for (const s of sentences) readSentence(s, facts);
  const result: FeeStatement = { section, facts, sentences };
  cache.set(model, result);
  return result;
}
