/**
 * structure.subsection-numbering — within a section, one numbering style (`（一）（二）（三）`, not
 * `（1）（2）（三）`) and numbers in sequence. A list that starts again at 1 is a nested list and is left alone.
 */
import { CHINESE_NUMERALS } from '../format/schema';
import type { Finding, Fix, TextEdit } from '../findings';
import type { MessageCatalog } from '../messages/catalog';
import type { ReportModel, Section, Subsection } from '../model';
import { insideTable } from '../render/place';
import type { Rule, RuleContext } from './rule';
import { primarySections } from './sections';

type Style = Subsection['style'];

/** 1 → 一, 12 → 十二, 20 → 二十. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CHINESE_NUMERALS[tens - 1]!) + '十' + (ones === 0 ? '' : CHINESE_NUMERALS[ones - 1]!);
}

/** A marker in a style, with the punctuation the section's markers of that style use. */
export function markerFor(style: Style, n: number, model: Subsection | undefined): string {
  const half = model !== undefined && /^\(/u.test(model.marker);
  switch (style) {
    case 'chinese-paren':
      return half ? `(${chineseNumber(n)})` : `（${chineseNumber(n)}）`;
    case 'arabic-paren':
      return half ? `(${n})` : `（${n}）`;
    case 'chinese-dot':
      return `${chineseNumber(n)}${model ? model.marker.slice(-1) : '、'}`;
    case 'arabic-dot':
      return `${n}${model ? model.marker.slice(-1) : '.'}`;
  }
}

interface Wrong {
  readonly subsection: Subsection;
  readonly expected: string;
  readonly kind: 'style' | 'sequence';
  readonly majority: string;
}

function majorityStyle(items: readonly Subsection[]): Style {
  const counts = new Map<Style, number>();
  for (const s of items) counts.set(s.style, (counts.get(s.style) ?? 0) + 1);
  let best: Style = items[0]!.style;
  for (const [style, n] of counts) {
    const current = counts.get(best)!;
    if (n > current || (n === current && style === 'chinese-paren')) best = style;
  }
  return best;
}

function wrongMarkers(items: readonly Subsection[]): Wrong[] {
  if (items.length < 2) return [];
  const styles = new Set(items.map((s) => s.style));
  const majority = majorityStyle(items);
  const sample = items.find((s) => s.style === majority);
  // The style named by its first marker (`（一）`), whatever the section's first marker is now.
  const majorityMarker = markerFor(majority, 1, sample);
  const oneSequence = items.every((s, i) => s.number === i + 1);
  if (styles.size > 1 && oneSequence) {
    // One list written in two styles.
    return items
      .filter((s) => s.style !== majority)
      .map((s) => ({ subsection: s, expected: markerFor(majority, s.number, sample), kind: 'style' as const, majority: majorityMarker }));
  }
  // Nested lists or one style: the majority style's list must run 1, 2, 3 …
  const list = items.filter((s) => s.style === majority);
  if (list.some((s, i) => i > 0 && s.number === 1)) return []; // starts again: more than one list
  const wrong: Wrong[] = [];
  list.forEach((s, i) => {
    if (s.number !== i + 1) wrong.push({ subsection: s, expected: markerFor(majority, i + 1, sample), kind: 'sequence', majority: majorityMarker });
  });
  return wrong;
}

function checkSection(model: ReportModel, section: Section, messages: MessageCatalog): Finding[] {
  const items = section.subsections.filter((s) => !insideTable(model, s.markerSpan.start));
  const wrong = wrongMarkers(items);
  if (wrong.length === 0) return [];
  const edit = (w: Wrong): TextEdit => ({ span: w.subsection.markerSpan, newText: w.expected });
  const all: Fix = { title: messages.fixSubsections({ count: wrong.length }), edits: wrong.map(edit), safe: true, preferred: true };
  return wrong.map((w) => {
    const single: Fix = { title: messages.fixSubsection({ marker: w.subsection.marker, expected: w.expected }), edits: [edit(w)], safe: true };
    return {
      code: 'structure.subsection-numbering',
      severity: 'warning',
      span: w.subsection.markerSpan,
      message:
        w.kind === 'style'
          ? messages.subsectionStyle({ marker: w.subsection.marker, expected: w.expected, majority: w.majority })
          : messages.subsectionSequence({ marker: w.subsection.marker, expected: w.expected }),
      related: [],
      fixes: wrong.length > 1 ? [all, single] : [{ ...single, preferred: true }],
    };
  });
}

export const subsectionRule: Rule = {
  id: 'subsections',
  codes: ['structure.subsection-numbering'],
  description: '同一部分内的小节序号写法一致（如“（一）（二）（三）”）且依次排列',
  check({ model, messages }: RuleContext): Finding[] {
    if (!model.isReport) return [];
    const { primary } = primarySections(model);
    return [...primary.values()].flatMap((s) => checkSection(model, s, messages));
  },
};
