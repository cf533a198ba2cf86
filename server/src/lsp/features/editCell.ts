/**
 * `govreport/editCell`: a value typed into the table grid, as a WorkspaceEdit computed by the core's
 * `editCell` from the document's cached analysis — only for the version the grid was rendered from.
 */
import { editCell as computeEdit } from '../../core/features/cellEdit';
import type { Feature } from '../context';
import { guard } from '../guard';
import { EDIT_CELL_REQUEST, type EditCellParams, type EditCellResult } from '../protocol';

export const editCell: Feature = {
  name: 'editCell',
  register({ connection, documents, analyses, messages }) {
    connection.onRequest(
      EDIT_CELL_REQUEST,
      guard<[EditCellParams], EditCellResult>(connection.console, 'editCell', null, (params: EditCellParams): EditCellResult => {
        const document = documents.get(params.uri);
        const analysis = analyses.get(params.uri);
        if (!document || !analysis) return null;
        if (params.version !== document.version) return { ok: false, reason: 'stale', message: messages().cellEditRefused({ reason: 'stale', cell: '', text: params.text }) };
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a client's params are unchecked JSON
        const result = computeEdit(analysis, { table: params.table, row: params.row, column: params.column, text: String(params.text), autoTotals: params.autoTotals, keep: params.keep ?? [] }, messages());
        if (!result.ok) return result;
        const lines = analysis.model.lines;
        return {
          ok: true,
          version: document.version,
          edit: { changes: { [params.uri]: result.edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText })) } },
          writes: result.writes,
          conflicts: result.conflicts.map((c) => ({ cell: c.cell, computed: c.computed, message: c.message })),
        };
      }) as (params: EditCellParams) => object | null, // one shape to the connection: it cannot tell the union's members apart
    );
    return {};
  },
};
