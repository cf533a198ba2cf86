/**
 * The arithmetic notation messages share in every language: a sum written out as `1 + 0 − 2`, and
 * an identity with its names and its values. Only the words around them are translated.
 */
import type { NamedValue, TermValue } from './catalog';

/** `a + b + c − d − e`, each term shown by `show`; empty when there are no terms. */
export function sumExpression<T>(plus: readonly T[], minus: readonly T[], show: (term: T) => string): string {
  const parts = plus.map((t, i) => (i === 0 ? show(t) : `+ ${show(t)}`));
  for (const t of minus) parts.push(`− ${show(t)}`);
  return parts.join(' ');
}

/**
 * The terms of a failing identity named, those that are 0 left out: `自然人 3 + 商业企业 1 − （七）总计 2`
 * (a first term subtracted opens with `−`), `0` when every term is 0; `omitted` counts the terms left out.
 */
export function namedNonZeroTerms(plus: readonly TermValue[], minus: readonly TermValue[]): { expression: string; omitted: number } {
  const kept = (terms: readonly TermValue[]): TermValue[] => terms.filter((t) => t.value !== 0);
  const p = kept(plus);
  const m = kept(minus);
  const omitted = plus.length + minus.length - p.length - m.length;
  if (p.length + m.length === 0) return { expression: '0', omitted };
  const show = (t: TermValue): string => `${t.label} ${t.value}`;
  const expression = p.length > 0 ? sumExpression(p, m, show) : m.map((t) => `− ${show(t)}`).join(' ');
  return { expression, omitted };
}

/**
 * An identity for a hover, as two lines: its names (`总计 = 自然人 + …`) and its values
 * (`0 ≠ 1 + 0 + … = 1`), the cell hovered in bold.
 */
export function identityFormulas(
  stated: NamedValue,
  plus: readonly NamedValue[],
  minus: readonly NamedValue[],
  status: 'holds' | 'fails' | 'not-evaluated',
  computed: number | null,
): { names: string; values: string } {
  const name = (t: NamedValue): string => (t.current ? `**${t.label}**` : t.label);
  const value = (t: NamedValue): string => {
    const v = t.value === null ? '?' : String(t.value);
    return t.current ? `**${v}**` : v;
  };
  const names = `${name(stated)} = ${sumExpression(plus, minus, name)}`;
  const values =
    status === 'fails'
      ? `${value(stated)} ≠ ${sumExpression(plus, minus, value)} = ${computed}`
      : status === 'holds'
        ? `${value(stated)} = ${sumExpression(plus, minus, value)}`
        : `${value(stated)} ? ${sumExpression(plus, minus, value)}`;
  return { names, values };
}
