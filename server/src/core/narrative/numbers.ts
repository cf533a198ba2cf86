/**
 * Numbers in prose: Arabic (half- or full-width, with thousands separators and decimals) and Chinese
 * numerals (`九件`, `二十一件`, `一千一百三十件`), each with the unit that follows it and what kind of
 * quantity it is. Numbers that are not quantities — years of cited documents, document numbers,
 * phone numbers, postcodes, ordinals, dates — are classified so that no rule reads them as a count.
 *
 * The scanner works on a sentence's compact text (white space removed, digits ASCII; see flow.ts),
 * so `21 件`, `2023 年` and `1 130` as PDF text spaces them read like `21件`, `2023年`.
 */

export type NumberKind =
  | 'count' // 件, 条, 篇, 个, 次 …
  | 'money' // 元, 万元 (value in 元)
  | 'percent'
  | 'year' // 2023年, 2023年度
  | 'date' // 1月, 6日, 1—12月
  | 'duration' // 3天, 2个月
  | 'identifier' // 〔2021〕30号, 第711号, 0517-87222589, 12345 hotline, URLs
  | 'ordinal' // 第三, 第 711
  | 'plain'; // a bare number

export interface ScannedNumber {
  /** Index range of the digits (or numeral) in the compact text. */
  readonly start: number;
  readonly end: number;
  /** Index just past the unit (or `end` when there is none). */
  readonly unitEnd: number;
  readonly raw: string;
  /** The value in the unit's base (元 for money, % for percentages). */
  readonly value: number;
  /** The unit as written (`件`, `万元`, `%`), or '' when there is none. */
  readonly unit: string;
  readonly kind: NumberKind;
  /** `约`, `近`, `余`, `多`, `以上`, `左右`: not an exact figure. */
  readonly approximate: boolean;
  /** Digits after the decimal point as written. */
  readonly decimals: number;
  /** `2023年度` rather than `2023年`. */
  readonly yearDu?: boolean;
  readonly chinese: boolean;
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * `九` → 9, `二十一` → 21, `一千一百三十` → 1130, `十五` → 15, `两万三千` → 23000, `二〇二三` → 2023.
 * Null when the characters do not form a numeral.
 */
export function chineseNumeralValue(text: string): number | null {
  if (text === '') return null;
  for (const ch of text) if (!CHINESE_NUMERAL_CHARS.includes(ch)) return null;
  // Digit by digit (二〇二三): no unit characters at all.
  if (!/[十百千万亿]/u.test(text)) {
    if (text.length === 1) return CN_DIGIT[text] ?? null;
    // 二〇二三 reads digit by digit; 三四 is "three or four", no figure.
    if (!/[〇零]/u.test(text)) return null;
    let v = 0;
    for (const ch of text) {
      if (ch === '两') return null;
      v = v * 10 + CN_DIGIT[ch]!;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmall = 10_000;
  let lastBig = Infinity;
  for (const ch of text) {
    if (ch in CN_DIGIT) {
      // 零 marks a skipped place (一百零五); two digits in a row (三四) are no numeral.
      if (CN_DIGIT[ch] === 0) continue;
      if (digit !== null) return null;
      digit = CN_DIGIT[ch]!;
      continue;
    }
    if (ch in CN_SMALL_UNIT) {
      const unit = CN_SMALL_UNIT[ch]!;
      if (unit >= lastSmall) return null;
      lastSmall = unit;
      section += (digit ?? 1) * unit;
      digit = null;
      continue;
    }
    const big = CN_BIG_UNIT[ch]!;
    if (big >= lastBig) return null;
    lastBig = big;
    section += digit ?? 0;
    if (section === 0) return null;
    total += section * big;
    section = 0;
    digit = null;
    lastSmall = 10_000;
  }
  return total + section + (digit ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Units

interface UnitSpec {
  readonly text: string;
  readonly kind: NumberKind;
  /** Factor to the kind's base unit (万元 → 10000 元). */
  readonly factor?: number;
}

/** Longest first. */
const UNITS: readonly UnitSpec[] = [
  { text: '万元', kind: 'money', factor: 10_000 },
  { text: '亿元', kind: 'money', factor: 100_000_000 },
  { text: '个工作日', kind: 'duration' },
  { text: '个月', kind: 'duration' },
  { text: '工作日', kind: 'duration' },
  { text: '小时', kind: 'duration' },
  { text: '人次', kind: 'count' },
  { text: '件次', kind: 'count' },
  { text: '万件', kind: 'count', factor: 10_000 },
  { text: '万条', kind: 'count', factor: 10_000 },
  { text: '万次', kind: 'count', factor: 10_000 },
  { text: '元', kind: 'money' },
  { text: '%', kind: 'percent' },
  { text: '％', kind: 'percent' },
  { text: '‰', kind: 'percent', factor: 0.1 },
  { text: '天', kind: 'duration' },
  { text: '周', kind: 'duration' },
  { text: '号', kind: 'identifier' },
  ...['件', '条', '篇', '个', '次', '项', '期', '场', '份', '名', '家', '人', '宗', '例', '起', '部', '批', '张', '类', '户', '所', '处', '套', '台', '本', '封', '册', '位', '支', '种', '起'].map(
    (text): UnitSpec => ({ text, kind: 'count' }),
  ),
];

/** Characters before a number that make it approximate. */
const APPROX_BEFORE = /(?:约|近|大约|将近|超过|超|逾|不足|不到)$/u;
/** After the number (before or after its unit). */
const APPROX_AFTER = /^(?:余|多|来)/u;
const APPROX_AFTER_UNIT = /^(?:以上|左右|上下|有余|余)/u;

function matchUnit(text: string, at: number): UnitSpec | null {
  for (const u of UNITS) if (text.startsWith(u.text, at)) return u;
  return null;
}

const ARABIC = /\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/gy;
const CHINESE = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'gy');
const RANGE_DASH = /^[-－—–~～至到]$/u;

/** `0517-87222589`, `2023-2025`: digit groups joined by a hyphen where one group has 3 or more digits. */
function isHyphenated(text: string, start: number, end: number): boolean {
  const after = /^-(\d+)/u.exec(text.slice(end, end + 12));
  const before = /(\d+)-$/u.exec(text.slice(Math.max(0, start - 12), start));
  const own = end - start;
  if (after && (own >= 3 || after[1]!.length >= 3)) return true;
  if (before && (own >= 3 || before[1]!.length >= 3)) return true;
  return false;
}

function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z_@/#]/u.test(ch);
}

/**
 * Every number in a compact text (no white space, ASCII digits), in order.
 */
export function scanNumbers(text: string): ScannedNumber[] {
  const found: ScannedNumber[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') {
      ARABIC.lastIndex = i;
      const m = ARABIC.exec(text)!;
      found.push(classifyArabic(text, i, m[0]));
      i += m[0].length;
      continue;
    }
    if (CHINESE_NUMERAL_CHARS.includes(ch)) {
      CHINESE.lastIndex = i;
      const m = CHINESE.exec(text)!;
      const n = readChinese(text, i, m[0]);
      if (n) found.push(n);
      i += m[0].length;
      continue;
    }
    i++;
  }
  markRanges(text, found);
  return found;
}

function readUnit(text: string, end: number): { unit: UnitSpec | null; unitEnd: number; approximate: boolean; bigFactor: number } {
  let at = end;
  let approximate = false;
  let bigFactor = 1;
  // 1.2万件 / 3万余条: 万 as a multiplier before a unit.
  if ((text[at] === '万' || text[at] === '亿') && !text.startsWith('万元', at) && !text.startsWith('亿元', at)) {
    const after = at + 1;
    const approxAfter = APPROX_AFTER.exec(text.slice(after, after + 1));
    const next = matchUnit(text, after + (approxAfter ? 1 : 0));
    if (next && next.kind === 'count') {
      bigFactor = text[at] === '万' ? 10_000 : 100_000_000;
      at = after;
    }
  }
  const approx = APPROX_AFTER.exec(text.slice(at, at + 1));
  if (approx) {
    approximate = true;
    at += approx[0].length;
  }
  const unit = matchUnit(text, at);
  const unitEnd = unit ? at + unit.text.length : end;
  if (unit && APPROX_AFTER_UNIT.test(text.slice(unitEnd, unitEnd + 2))) approximate = true;
  return { unit, unitEnd, approximate, bigFactor };
}

function classifyArabic(text: string, start: number, raw: string): ScannedNumber {
  const end = start + raw.length;
  const digits = raw.replace(/[,，]/gu, '');
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  let value = Number(digits);
  const before = text.slice(Math.max(0, start - 4), start);
  const prev = text[start - 1];
  const next = text[end];
  const base = { start, end, raw, decimals, chinese: false };

  // Inside 〔2021〕 or [2021]: the year of a document number.
  if (prev === '〔' || prev === '[' || prev === '【') {
    return { ...base, unitEnd: end, value, unit: '', kind: 'identifier', approximate: false };
  }
  // Phone numbers, URLs, e-mail addresses, codes: digits joined by hyphens or letters.
  if (isAsciiWordChar(prev) || isAsciiWordChar(next) || isHyphenated(text, start, end)) {
    return { ...base, unitEnd: end, value, unit: '', kind: 'identifier', approximate: false };
  }
  if (prev === '第') {
    const after = readUnit(text, end);
    return { ...base, unitEnd: after.unit?.text === '号' ? after.unitEnd : end, value, unit: after.unit?.text === '号' ? '号' : '', kind: after.unit?.text === '号' ? 'identifier' : 'ordinal', approximate: false };
  }
  // Years and dates.
  if (next === '年' && /^\d{4}$/u.test(digits) && value >= 1900 && value <= 2100) {
    const du = text[end + 1] === '度';
    return { ...base, unitEnd: end + (du ? 2 : 1), value, unit: du ? '年度' : '年', kind: 'year', approximate: false, yearDu: du };
  }
  if ((next === '月' || next === '日') && /^\d{1,2}$/u.test(digits)) {
    return { ...base, unitEnd: end + 1, value, unit: next, kind: 'date', approximate: false };
  }
  if (next === '年' && /^\d{1,2}$/u.test(digits)) {
    return { ...base, unitEnd: end + 1, value, unit: '年', kind: 'duration', approximate: false };
  }
  const { unit, unitEnd, approximate, bigFactor } = readUnit(text, end);
  const approxBefore = APPROX_BEFORE.test(before);
  if (!unit) {
    // Long digit runs with no unit are codes: postcodes, hotlines.
    const kind: NumberKind = digits.length >= 5 && decimals === 0 ? 'identifier' : 'plain';
    return { ...base, unitEnd: end, value, unit: '', kind, approximate: approxBefore };
  }
  value = value * (unit.factor ?? 1) * bigFactor;
  const unitText = text.slice(end, unitEnd).replace(/^[余多来]/u, '');
  return { ...base, unitEnd, value: round(value), unit: unitText === '' ? unit.text : unitText, kind: unit.kind, approximate: approximate || approxBefore };
}

function readChinese(text: string, start: number, raw: string): ScannedNumber | null {
  // A numeral inside a longer run may carry a trailing 万/亿 used as a unit multiplier; keep it simple:
  // the numeral must be followed by a unit, and not be an ordinal (第三) or a fixed phrase (一是).
  const prev = text[start - 1];
  if (prev === '第' || prev === '星' || prev === '周') return null;
  let numeral = raw;
  let end = start + raw.length;
  // 一万元: 万 belongs to the unit.
  if (/[万亿]$/u.test(numeral) && text[end] === '元') {
    numeral = numeral.slice(0, -1);
    end--;
  }
  const value = chineseNumeralValue(numeral);
  if (value === null) return null;
  const { unit, unitEnd, approximate, bigFactor } = readUnit(text, end);
  if (!unit || unit.kind === 'identifier') return null;
  if (unit.kind !== 'count' && unit.kind !== 'money' && unit.kind !== 'percent') return null;
  // 一个/一次/一项 … read as 1, but 一批/一类/一部/一处/一本 are idioms, never figures.
  if (numeral === '一' && /^(?:批|类|部|处|本|种|支|位|家|张|所|台|套)/u.test(unit.text)) return null;
  const unitText = text.slice(end, unitEnd).replace(/^[余多来]/u, '');
  return {
    start, end, unitEnd, raw: numeral, value: round(value * (unit.factor ?? 1) * bigFactor), unit: unitText === '' ? unit.text : unitText,
    kind: unit.kind, approximate: approximate || APPROX_BEFORE.test(text.slice(Math.max(0, start - 4), start)), decimals: 0, chinese: true,
  };
}

/** `1—12月`, `1-12月份`: the first number of a range takes the unit of the second. */
function markRanges(text: string, found: ScannedNumber[]): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const a = found[k]!;
    const b = found[k + 1]!;
    if (a.unit !== '' || b.start !== a.end + 1 || !RANGE_DASH.test(text[a.end]!)) continue;
    if (b.kind === 'date' || b.kind === 'year' || b.kind === 'duration') {
      found[k] = { ...a, kind: b.kind };
    } else if (b.kind === 'count' || b.kind === 'money' || b.kind === 'percent') {
      // 3-5件: a range is no exact figure.
      found[k] = { ...a, kind: b.kind, approximate: true };
      found[k + 1] = { ...b, approximate: true };
    }
  }
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Full-width digits → ASCII digits; same length. */
export function asciiDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  return c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 48) : ch;
}
