/**
 * Inlay hints: after each value of a table whose layout hides the columns (one cell per line, digits
 * run together), the column's short name — `自然人`, `商业企业`, … `总计`. A blank cell gets its hint
 * too, so that a lone tab reads as the column it leaves empty.
 */
import type { Analysis } from '../analyze';
import { cellLabel } from '../rules/identities';
import type { MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import type { Layout } from '../model';
import type { Span } from '../text';
import { firstStartingAtOrAfter, navIndex } from './navIndex';

export interface InlayHint {
  /** Where the hint goes: just after the value. */
  readonly offset: number;
  readonly label: string;
  /** The cell's full name (row and column). */
  readonly tooltip: string;
}

/** Layouts in which a value's column cannot be seen from where the value is. */
export const HINTED_LAYOUTS: ReadonlySet<Layout> = new Set<Layout>(['cell-per-line', 'run-together']);

/** The hints whose position lies in `range` (the whole document when absent), in text order. */
export function inlayHints(analysis: Analysis, range?: Span, messages: MessageCatalog = zhCN): InlayHint[] {
  const index = navIndex(analysis);
  const hinted = new Set(index.tables.filter((t) => HINTED_LAYOUTS.has(t.table.layout)).map((t) => t.id));
  if (hinted.size === 0) return [];
  const cells = index.cells;
  const from = range ? firstStartingAtOrAfter(cells, range.start, (c) => c.span.end) : 0;
  const hints: InlayHint[] = [];
  for (let i = from; i < cells.length; i++) {
    const cell = cells[i]!;
    if (range && cell.span.end > range.end) break;
    if (!hinted.has(cell.table)) continue;
    hints.push({ offset: cell.span.end, label: cell.column.shortName, tooltip: cellLabel(cell, messages) });
  }
  return hints;
}
