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
 * CHINESE_NUMERAL_CHARS by code, as a switch (compiled to a few comparisons): the scanner tests every
 * character of every sentence, and a 64 KB table by code, which the CJK prose reads all over, missed
 * the cache inside a whole analysis far more often than in the scanner alone.
 */
export function isNumeralChar(c: number): boolean {
  switch (c) {
    case 0x96f6: // 零
    case 0x3007: // 〇
    case 0x4e00: // 一
    case 0x4e8c: // 二
    case 0x4e24: // 两
    case 0x4e09: // 三
    case 0x56db: // 四
    case 0x4e94: // 五
    case 0x516d: // 六
    case 0x4e03: // 七
    case 0x516b: // 八
    case 0x4e5d: // 九
    case 0x5341: // 十
    case 0x767e: // 百
    case 0x5343: // 千
    case 0x4e07: // 万
    case 0x4ebf: // 亿
      return true;
    default:
      return false;
  }
}

/**
 * `九` → 9, `二十一` → 21, `一千一百三十` → 1130, `十五` → 15, `两万三千` → 23000, `二〇二三` → 2023.
 * Null when the characters do not form a numeral.
 */
export function chineseNumeralValue(text: string): number | null {
  if (text === '') return null;
  // One character (一 of 统一, 进一步: the commonest case by far): a digit or 十百千; 万 and 亿 alone are none.
  if (text.length === 1) return CN_DIGIT[text] ?? CN_SMALL_UNIT[text] ?? null;
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

/** UNITS by the code of their first character, each list in UNITS' order (longest first). */
const UNITS_BY_FIRST: ReadonlyMap<number, readonly UnitSpec[]> = (() => {
  const map = new Map<number, UnitSpec[]>();
  for (const u of UNITS) {
    const c = u.text.charCodeAt(0);
    const list = map.get(c);
    if (list) list.push(u);
    else map.set(c, [u]);
  }
  return map;
})();

function matchUnit(text: string, at: number): UnitSpec | null {
  const candidates = UNITS_BY_FIRST.get(text.charCodeAt(at));
  if (!candidates) return null;
  for (const u of candidates) if (u.text.length === 1 || text.startsWith(u.text, at)) return u;
  return null;
}

/** After the number (before or after its unit), 余, 多, 来 make it approximate; by code. */
function isApproxAfter(c: number): boolean {
  return c === 0x4f59 || c === 0x591a || c === 0x6765;
}

/** Words right before a number that make it approximate (约 近 大约 将近 超过 超 逾 不足 不到), tested at `start` by code. */
function approxBefore(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (c === 0x7ea6 || c === 0x8fd1 || c === 0x8d85 || c === 0x903e) return true;
  const b = text.charCodeAt(start - 2);
  return (c === 0x8fc7 && b === 0x8d85) || ((c === 0x8db3 || c === 0x5230) && b === 0x4e0d);
}

/** After the unit: 以上, 左右, 上下, 有余, 余. */
function approxAfterUnit(text: string, at: number): boolean {
  return text.startsWith('以上', at) || text.startsWith('左右', at) || text.startsWith('上下', at) || text.startsWith('有余', at) || text.charCodeAt(at) === 0x4f59;
}

/** Every scanned number is made here, so that all have one shape (an object spread per number made each its own). */
function scanned(
  start: number, end: number, raw: string, decimals: number, chinese: boolean,
  unitEnd: number, value: number, unit: string, kind: NumberKind, approximate: boolean, yearDu = false,
): ScannedNumber {
  return { start, end, raw, decimals, chinese, unitEnd, value, unit, kind, approximate, yearDu };
}

/** An ASCII digit by code (NaN, past either end of the text, is none). */
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** , or ，: a thousands separator. */
function isThousandsSeparator(c: number): boolean {
  return c === 0x2c || c === 0xff0c;
}

/**
 * Where the Arabic number that starts at `start` (a digit) ends: what the sticky
 * `/\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y` matches, read by code (no match
 * array per number). `1,234,567` and `12,345` keep their separators; `1,2345` and `1234,567` stop at
 * the separator; decimals follow either form.
 */
export function arabicEnd(text: string, start: number): number {
  let end = start;
  while (isDigit(text.charCodeAt(end))) end++;
  // The first alternative: 1–3 digits, then groups of a separator and three digits. Its groups are
  // taken greedily, and a fourth digit after the last one gives that group back (the match then ends
  // at the next separator, where no digit follows).
  if (end - start <= 3) {
    let groups = 0;
    let at = end;
    while (isThousandsSeparator(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3))) {
      groups++;
      at += 4;
    }
    if (groups > 0 && isDigit(text.charCodeAt(at))) {
      groups--;
      at -= 4;
    }
    if (groups > 0) end = at;
  }
  if (text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1))) {
    end += 2;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}
const RANGE_DASH = /^[-－—–~～至到]$/u;

/** `0517-87222589`, `2023-2025`: digit groups joined by a hyphen where one group has 3 or more digits. */
function isHyphenated(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) !== 0x2d && text.charCodeAt(start - 1) !== 0x2d) return false;
  const after = /^-(\d+)/u.exec(text.slice(end, end + 12));
  const before = /(\d+)-$/u.exec(text.slice(Math.max(0, start - 12), start));
  const own = end - start;
  if (after && (own >= 3 || after[1]!.length >= 3)) return true;
  if (before && (own >= 3 || before[1]!.length >= 3)) return true;
  return false;
}

/** A-Z a-z _ @ / # by code (NaN, past either end of the text, is none). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x40 || c === 0x2f || c === 0x23;
}

/**
 * Every number in a compact text (no white space, ASCII digits), in order.
 */
export function scanNumbers(text: string): ScannedNumber[] {
  const found: ScannedNumber[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      const end = arabicEnd(text, i);
      found.push(classifyArabic(text, i, text.slice(i, end)));
      i = end;
      continue;
    }
    if (isNumeralChar(c)) {
      let j = i + 1;
      while (j < text.length && isNumeralChar(text.charCodeAt(j))) j++;
      const n = readChinese(text, i, j);
      if (n) found.push(n);
      i = j;
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
  const big = text.charCodeAt(at);
  // 万 0x4e07, 亿 0x4ebf; 元 0x5143.
  if ((big === 0x4e07 || big === 0x4ebf) && text.charCodeAt(at + 1) !== 0x5143) {
    const after = at + 1;
    const next = matchUnit(text, after + (isApproxAfter(text.charCodeAt(after)) ? 1 : 0));
    if (next && next.kind === 'count') {
      bigFactor = big === 0x4e07 ? 10_000 : 100_000_000;
      at = after;
    }
  }
  if (isApproxAfter(text.charCodeAt(at))) {
    approximate = true;
    at += 1;
  }
  const unit = matchUnit(text, at);
  const unitEnd = unit ? at + unit.text.length : end;
  if (unit && approxAfterUnit(text, unitEnd)) approximate = true;
  return { unit, unitEnd, approximate, bigFactor };
}

function classifyArabic(text: string, start: number, raw: string): ScannedNumber {
  const end = start + raw.length;
  const digits = raw.length > 3 && (raw.includes(',') || raw.includes('，')) ? raw.replace(/[,，]/gu, '') : raw;
  const dot = digits.indexOf('.');
  const decimals = dot >= 0 ? digits.length - dot - 1 : 0;
  let value = Number(digits);
  const prev = text.charCodeAt(start - 1);
  const next = text.charCodeAt(end);

  // Inside 〔2021〕 or [2021]: the year of a document number. (〔 0x3014, [ 0x5b, 【 0x3010)
  if (prev === 0x3014 || prev === 0x5b || prev === 0x3010) {
    return scanned(start, end, raw, decimals, false, end, value, '', 'identifier', false);
  }
  // Phone numbers, URLs, e-mail addresses, codes: digits joined by hyphens or letters.
  if (isAsciiWordChar(prev) || isAsciiWordChar(next) || isHyphenated(text, start, end)) {
    return scanned(start, end, raw, decimals, false, end, value, '', 'identifier', false);
  }
  // 第 0x7b2c
  if (prev === 0x7b2c) {
    const after = readUnit(text, end);
    const numbered = after.unit?.text === '号';
    return scanned(start, end, raw, decimals, false, numbered ? after.unitEnd : end, value, numbered ? '号' : '', numbered ? 'identifier' : 'ordinal', false);
  }
  // Years and dates (年 0x5e74, 度 0x5ea6, 月 0x6708, 日 0x65e5). No decimal point in 4 digits is /^\d{4}$/;
  // one or two characters are always digits (a decimal needs three).
  if (next === 0x5e74 && digits.length === 4 && dot < 0 && value >= 1900 && value <= 2100) {
    const du = text.charCodeAt(end + 1) === 0x5ea6;
    return scanned(start, end, raw, decimals, false, end + (du ? 2 : 1), value, du ? '年度' : '年', 'year', false, du);
  }
  if ((next === 0x6708 || next === 0x65e5) && digits.length <= 2) {
    return scanned(start, end, raw, decimals, false, end + 1, value, next === 0x6708 ? '月' : '日', 'date', false);
  }
  if (next === 0x5e74 && digits.length <= 2) {
    return scanned(start, end, raw, decimals, false, end + 1, value, '年', 'duration', false);
  }
  const { unit, unitEnd, approximate, bigFactor } = readUnit(text, end);
  const approxBeforeIt = approxBefore(text, start);
  if (!unit) {
    // Long digit runs with no unit are codes: postcodes, hotlines.
    const kind: NumberKind = digits.length >= 5 && decimals === 0 ? 'identifier' : 'plain';
    return scanned(start, end, raw, decimals, false, end, value, '', kind, approxBeforeIt);
  }
  value = value * (unit.factor ?? 1) * bigFactor;
  return scanned(start, end, raw, decimals, false, unitEnd, round(value), unitTextOf(text, end, unitEnd, unit), unit.kind, approximate || approxBeforeIt);
}

/** The unit as written between `end` and `unitEnd` (万余条 keeps its 万), without a leading 余/多/来. */
function unitTextOf(text: string, end: number, unitEnd: number, unit: UnitSpec): string {
  // Nothing but the unit itself: its own string, no slice.
  if (unitEnd - end === unit.text.length) return unit.text;
  const unitText = text.slice(end, unitEnd).replace(/^[余多来]/u, '');
  return unitText === '' ? unit.text : unitText;
}

/** The run of numeral characters text[start, runEnd), as a number with its unit, or null. */
function readChinese(text: string, start: number, runEnd: number): ScannedNumber | null {
  // A numeral inside a longer run may carry a trailing 万/亿 used as a unit multiplier; keep it simple:
  // the numeral must be followed by a unit, and not be an ordinal (第三) or a fixed phrase (一是).
  const prev = text.charCodeAt(start - 1);
  // 第 星 周
  if (prev === 0x7b2c || prev === 0x661f || prev === 0x5468) return null;
  let end = runEnd;
  // 一万元: 万 belongs to the unit.
  const last = text.charCodeAt(runEnd - 1);
  if ((last === 0x4e07 || last === 0x4ebf) && text.charCodeAt(end) === 0x5143) end--;
  // The unit first: most numeral characters (统一, 进一步, 一是) have none, and reading it is cheaper —
  // and the numeral's string is cut out only then.
  const { unit, unitEnd, approximate, bigFactor } = readUnit(text, end);
  if (!unit || unit.kind === 'identifier') return null;
  const numeral = text.slice(start, end);
  const value = chineseNumeralValue(numeral);
  if (value === null) return null;
  if (unit.kind !== 'count' && unit.kind !== 'money' && unit.kind !== 'percent') return null;
  // 一个/一次/一项 … read as 1, but 一批/一类/一部/一处/一本 are idioms, never figures.
  if (numeral === '一' && /^(?:批|类|部|处|本|种|支|位|家|张|所|台|套)/u.test(unit.text)) return null;
  return scanned(
    start, end, numeral, 0, true, unitEnd, round(value * (unit.factor ?? 1) * bigFactor), unitTextOf(text, end, unitEnd, unit),
    unit.kind, approximate || approxBefore(text, start),
  );
}

/** `1—12月`, `1-12月份`: the first number of a range takes the unit of the second. */
function markRanges(text: string, found: ScannedNumber[]): void {
  for (let k = 0; k + 1 < found.length; k++) {
    const a = found[k]!;
    const b = found[k + 1]!;
    if (a.unit !== '' || b.start !== a.end + 1 || !RANGE_DASH.test(text[a.end]!)) continue;
    if (b.kind === 'date' || b.kind === 'year' || b.kind === 'duration') {
      found[k] = withKind(a, b.kind, a.approximate);
    } else if (b.kind === 'count' || b.kind === 'money' || b.kind === 'percent') {
      // 3-5件: a range is no exact figure.
      found[k] = withKind(a, b.kind, true);
      found[k + 1] = withKind(b, b.kind, true);
    }
  }
}

/** A copy of `n` with another kind and approximation, of the one shape. */
function withKind(n: ScannedNumber, kind: NumberKind, approximate: boolean): ScannedNumber {
  return scanned(n.start, n.end, n.raw, n.decimals, n.chinese, n.unitEnd, n.value, n.unit, kind, approximate, n.yearDu);
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
