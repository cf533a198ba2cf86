/**
 * Go to definition from a number in the narrative to the table cells it states (`共接到申请10件` →
 * table B, row 一, column 总计; a figure that sums several cells leads to each of them). The narrative
 * checks (issue 5, narrative/claims.ts) find those claims; this feature only follows them.
 */
import type { Analysis } from '../analyze';
import type { CellRef, TableId } from '../format/schema';
import { findCell, type Cell } from '../model';
import { extractClaims } from '../narrative/claims';
import type { Span } from '../text';

/** A number in the narrative that states the value of a table cell, or the sum of several. */
export interface CellClaim {
  /** The number (with its unit) in the narrative. */
  readonly span: Span;
  readonly table: TableId;
  /** The cells it states: one, or the cells summed. */
  readonly cells: readonly CellRef[];
}

/**
 * The claims of a report's narrative that point at table cells: the narrative checks' claims
 * (computed once per analysis), each with the figure's span and the cells its reading sums.
 */
export function narrativeClaims(analysis: Analysis): readonly CellClaim[] {
  return extractClaims(analysis).map((c) => ({ span: c.numberSpan, table: c.reading.table, cells: c.reading.refs }));
}

export interface DefinitionLink {
  /** The narrative text the link starts from. */
  readonly origin: Span;
  readonly cell: Cell;
  /** The cell's text. */
  readonly target: Span;
}

/**
 * Where the number at `offset` is defined in the tables: one link per cell of the claim that the
 * report has (none when the offset is on no claim).
 */
export function definitionAt(analysis: Analysis, offset: number, claims: readonly CellClaim[] = narrativeClaims(analysis)): DefinitionLink[] {
  for (const claim of claims) {
    // A cursor just after the number still means the number.
    if (offset < claim.span.start || offset > claim.span.end) continue;
    const table = analysis.model.tables[claim.table];
    const links: DefinitionLink[] = [];
    for (const ref of claim.cells) {
      const cell = findCell(table, ref.row, ref.column);
      if (cell) links.push({ origin: claim.span, cell, target: cell.span });
    }
    return links;
  }
  return [];
}
