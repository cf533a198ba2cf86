/**
 * What every table renderer does: write the schema's grid in one style. Each style lives in a module
 * of its own; `rendererFor` picks one.
 */
import type { GridLine, RowLine } from './grid';
import type { TableStyle } from './style';

export interface RenderContext {
  readonly eol: string;
  readonly halfWidth: boolean;
}

/**
 * Where an aligned table puts things, in display columns: how far its labels are indented and where
 * each value ends (values are right-aligned).
 */
export interface AlignedColumns {
  readonly indent: string;
  readonly valueEnds: readonly number[];
}

export interface TableRenderer {
  readonly style: TableStyle;
  /** The whole table, header included; no line ending after the last line. */
  table(grid: readonly GridLine[], context: RenderContext): string;
  /**
   * One value row as it stands in a table of this style, for inserting into an existing table; no
   * line ending after it. `columns` places an aligned row like its neighbours.
   */
  row(line: RowLine, context: RenderContext, columns?: AlignedColumns): string;
}
