/**
 * Selection ranges that grow with the structure: cell → row → row group → table → section, and in the
 * narrative subsection → section. Each range strictly contains the one before it.
 */
import type { Analysis } from '../analyze';
import type { Span } from '../text';
import { cellAt, navIndex, rowPathAt, sectionAt, subsectionAt, tableAt, blockSpan } from './navIndex';

/** The ranges around an offset, innermost first (empty when the offset is in no structure). */
export function selectionChain(analysis: Analysis, offset: number): Span[] {
  const index = navIndex(analysis);
  const candidates: Span[] = [];
  const cell = cellAt(index, offset);
  if (cell) candidates.push(cell.span);
  const table = tableAt(index, offset);
  if (table) {
    const path = rowPathAt(table, offset);
    for (let i = path.length - 1; i >= 0; i--) {
      const node = path[i]!;
      candidates.push(node.row.span, node.span);
    }
    candidates.push(table.table.span);
  }
  const section = sectionAt(index.model.sections, offset);
  if (section) {
    const sub = subsectionAt(section, offset);
    if (sub) candidates.push(blockSpan(index.model, sub.span, sub.headingSpan.end));
    candidates.push(blockSpan(index.model, section.span, section.headingSpan.end));
  }
  const chain: Span[] = [];
  for (const s of candidates) {
    if (s.end <= s.start) continue;
    const last = chain[chain.length - 1];
    if (!last) {
      if (s.start <= offset && offset <= s.end) chain.push(s);
      continue;
    }
    const contains = s.start <= last.start && last.end <= s.end;
    const same = s.start === last.start && s.end === last.end;
    if (contains && !same) chain.push(s);
  }
  return chain;
}
