/**
 * Automatic paragraph numbering (numbering.xml): a heading whose `一、` or `（一）` Word writes by
 * itself, not as text. Each list level has a start, a number format and a level text (`%1、`,
 * `（%2）`); a paragraph numbered at a level counts one on, restarts the levels below it, and is
 * written with its level text, each `%n` replaced by level n's counter in level n's format.
 */
import { attr, childElements, firstChild, type XmlElement } from './xml';

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  readonly suffix: string;
  readonly legal: boolean;
}

interface NumberingInstance {
  readonly abstractId: string;
  /** Level → start override. */
  readonly starts: ReadonlyMap<number, number>;
  /** Level → a level definition overriding the abstract one. */
  readonly levels: ReadonlyMap<number, Level>;
}

function readLevel(lvl: XmlElement): Level {
  const start = Number.parseInt(attr(firstChild(lvl, 'w:start'), 'val') ?? '1', 10);
  return {
    start: Number.isFinite(start) ? start : 1,
    format: attr(firstChild(lvl, 'w:numFmt'), 'val') ?? 'decimal',
    text: attr(firstChild(lvl, 'w:lvlText'), 'val') ?? '',
    suffix: attr(firstChild(lvl, 'w:suff'), 'val') ?? 'tab',
    legal: firstChild(lvl, 'w:isLgl') !== undefined && attr(firstChild(lvl, 'w:isLgl'), 'val') !== '0',
  };
}

function levelIndex(lvl: XmlElement): number {
  const n = Number.parseInt(attr(lvl, 'ilvl') ?? '0', 10);
  return Number.isFinite(n) && n >= 0 && n <= 8 ? n : 0;
}

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const EARTHLY_BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number, digits: readonly string[] = CHINESE_DIGITS, units: readonly string[] = ['十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  if (n < 10) return digits[n]!;
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const names = [units[2]!, units[1]!, units[0]!, ''];
  let out = '';
  let zero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = parts[i]!;
    if (d === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) out += digits[0] === '〇' ? '零' : digits[0]!;
    zero = false;
    // 十一, not 一十一, when the number starts at the tens.
    if (!(i === 2 && !started && d === 1 && digits === CHINESE_DIGITS)) out += digits[d]!;
    out += names[i]!;
    started = true;
  }
  return out;
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of table) while (n >= value) {
    out += numeral;
    n -= value;
  }
  return upper ? out.toUpperCase() : out;
}

/** A counter in a `w:numFmt`; an unknown format is written in arabic digits. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'koreanCounting':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseCounting(n, LEGAL_DIGITS, ['拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/[0-9]/gu, (d) => CHINESE_DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? EARTHLY_BRANCHES[n - 1]! : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerRoman':
      return roman(n, false);
    case 'upperRoman':
      return roman(n, true);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** A paragraph's numbering reference: `w:numPr` of its own properties or of its style. */
export interface NumberingRef {
  readonly numId: string;
  readonly level: number;
}

export function readNumPr(numPr: XmlElement | undefined): Partial<NumberingRef> | null {
  if (!numPr) return null;
  const numId = attr(firstChild(numPr, 'w:numId'), 'val');
  const ilvl = attr(firstChild(numPr, 'w:ilvl'), 'val');
  const level = ilvl === undefined ? undefined : Number.parseInt(ilvl, 10);
  const out: { numId?: string; level?: number } = {};
  if (numId !== undefined) out.numId = numId;
  if (level !== undefined && Number.isFinite(level) && level >= 0 && level <= 8) out.level = level;
  return out;
}

/** The counters of a document's lists, advanced paragraph by paragraph in document order. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, NumberingInstance>();
  /** Abstract list → the counters of its levels (Word counts a list across all its instances). */
  private readonly counters = new Map<string, (number | null)[]>();
  /** Instances whose start overrides have been applied. */
  private readonly started = new Set<string>();

  constructor(root: XmlElement | null) {
    const numbering = root ? firstChild(root, 'w:numbering') : undefined;
    if (!numbering) return;
    for (const abstract of childElements(numbering, 'w:abstractNum')) {
      const id = attr(abstract, 'abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of childElements(abstract, 'w:lvl')) levels.set(levelIndex(lvl), readLevel(lvl));
      this.abstracts.set(id, levels);
    }
    for (const num of childElements(numbering, 'w:num')) {
      const id = attr(num, 'numId');
      const abstractId = attr(firstChild(num, 'w:abstractNumId'), 'val');
      if (id === undefined || abstractId === undefined) continue;
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const level = levelIndex(override);
        const start = attr(firstChild(override, 'w:startOverride'), 'val');
        if (start !== undefined && Number.isFinite(Number.parseInt(start, 10))) starts.set(level, Number.parseInt(start, 10));
        const lvl = firstChild(override, 'w:lvl');
        if (lvl) levels.set(level, readLevel(lvl));
      }
      this.instances.set(id, { abstractId, starts, levels });
    }
  }

  private level(instance: NumberingInstance, level: number): Level | undefined {
    return instance.levels.get(level) ?? this.abstracts.get(instance.abstractId)?.get(level);
  }

  /**
   * The numbering text of the next paragraph of a list at a level (`一、`, `（二）`, with the
   * suffix Word puts after it), or '' when the reference names no list (numId 0 turns numbering off).
   */
  next(ref: NumberingRef): string {
    const instance = this.instances.get(ref.numId);
    if (!instance) return '';
    const definition = this.level(instance, ref.level);
    if (!definition) return '';
    let counters = this.counters.get(instance.abstractId);
    if (!counters) {
      counters = new Array<number | null>(9).fill(null);
      this.counters.set(instance.abstractId, counters);
    }
    if (!this.started.has(ref.numId)) {
      this.started.add(ref.numId);
      for (const [level, start] of instance.starts) counters[level] = start - 1;
    }
    const previous = counters[ref.level];
    const current = previous === null || previous === undefined ? definition.start : previous + 1;
    counters[ref.level] = current;
    for (let below = ref.level + 1; below < 9; below++) counters[below] = null;
    if (definition.format === 'bullet') return '';
    const text = definition.text.replace(/%([1-9])/gu, (_, d: string) => {
      const level = Number(d) - 1;
      const levelDefinition = this.level(instance, level);
      const value = level === ref.level ? current : (counters[level] ?? levelDefinition?.start ?? 1);
      return formatNumber(value, definition.legal && level !== ref.level ? 'decimal' : (levelDefinition?.format ?? 'decimal'));
    });
    if (text === '') return '';
    // What follows the number: a tab or a space. After closing punctuation (、 ） .) nothing is
    // written, so that `一、总体情况` reads as the heading it is; after a bare numeral, one space.
    if (definition.suffix === 'nothing') return text;
    return /[、，,.．)）:：\]】」]$/u.test(text) ? text : `${text} `;
  }
}
