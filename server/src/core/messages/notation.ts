/**
 * The arithmetic notation messages share in every language: a sum written out as `1 + 0 − 2`, and
 * an identity with its names and its values. Only the words around them are translated.
 */
import type { NamedValue } from './catalog';

/** `a + b + c − d − e`, each term shown by `show`; empty when there are no terms. */
export function sumExpression<T>(plus: readonly T[], minus: readonly T[], show: (term: T) => string): string {
  const parts = plus.map((t, i) => (i === 0 ? show(t) : `+ ${show(t)}`));
  for (const t of minus) parts.push(`− ${show(t)}`);
  return parts.join(' ');
}

/** The values of a formula in a diagnostic: `1 + 0 − 2`, or `0` when it has no terms. */
export function formulaOfValues(plus: readonly number[], minus: readonly number[]): string {
  return plus.length + minus.length === 0 ? '0' : sumExpression(plus, minus, String);
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
