/**
 * Folding regions: sections, subsections, tables and the row groups of table B — the outline's
 * symbols, as lines. A region that fits on one line folds nothing and is left out; of regions
 * starting on the same line (a table whose first row is its section's heading line) the outer one is
 * kept, since an editor folds at most one region per line.
 */
import type { Analysis } from '../analyze';
import type { Span } from '../text';
import { outline, type OutlineKind, type OutlineSymbol } from './outline';

export interface FoldingRegion {
  readonly kind: Exclude<OutlineKind, 'title' | 'row'>;
  readonly span: Span;
  /** Zero-based first and last line of the region. */
  readonly startLine: number;
  readonly endLine: number;
}

const FOLDED: ReadonlySet<OutlineKind> = new Set<OutlineKind>(['section', 'subsection', 'table', 'rowGroup']);

export function foldingRegions(analysis: Analysis): FoldingRegion[] {
  const lines = analysis.model.lines;
  const regions: FoldingRegion[] = [];
  const startLines = new Set<number>();
  const visit = (symbols: readonly OutlineSymbol[]): void => {
    for (const s of symbols) {
      if (FOLDED.has(s.kind)) {
        const startLine = lines.lineAt(s.span.start);
        const endLine = lines.lineAt(Math.max(s.span.start, s.span.end - 1));
        if (endLine > startLine && !startLines.has(startLine)) {
          startLines.add(startLine);
          regions.push({ kind: s.kind as FoldingRegion['kind'], span: s.span, startLine, endLine });
        }
      }
      visit(s.children);
    }
  };
  visit(outline(analysis));
  return regions;
}
