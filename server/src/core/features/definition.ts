/**
 * Go to definition from a number in the narrative to the table cell it states (`共接到申请10件` →
 * table B, row 一, column 总计). The narrative checks find those claims; this feature only follows
 * them. Until they provide any, `narrativeClaims` has none and there is nothing to go to.
 */
import type { Analysis } from '../analyze';
import type { TableId } from '../format/schema';
import { findCell, type Cell } from '../model';
import type { Span } from '../text';

/** A number in the narrative that states the value of a table cell. */
export interface CellClaim {
  /** The number (or phrase) in the narrative. */
  readonly span: Span;
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
}

/**
 * The claims of a report's narrative that point at table cells. The hook for the narrative checks
 * (issue 5): they compute their claims once per analysis and return them here; none for now.
 */
export function narrativeClaims(_analysis: Analysis): readonly CellClaim[] {
  return [];
}

export interface DefinitionLink {
  /** The narrative text the link starts from. */
  readonly origin: Span;
  readonly cell: Cell;
  /** The cell's text. */
  readonly target: Span;
}

/** Where the number at `offset` is defined in the tables, if it is a claim about a cell that exists. */
export function definitionAt(analysis: Analysis, offset: number, claims: readonly CellClaim[] = narrativeClaims(analysis)): DefinitionLink | null {
  for (const claim of claims) {
    // A cursor just after the number still means the number.
    if (offset < claim.span.start || offset > claim.span.end) continue;
    const cell = findCell(analysis.model.tables[claim.table], claim.row, claim.column);
    if (cell) return { origin: claim.span, cell, target: cell.span };
  }
  return null;
}
