/** textDocument/selectionRange: cell → row → group → table → section, from the core. */
import type { Position, SelectionRange } from 'vscode-languageserver/node';
import { selectionChain } from '../../core/features/selectionRanges';
import type { Feature } from '../context';
import { guard } from '../guard';

export const selectionRanges: Feature = {
  name: 'selectionRanges',
  register({ connection, analyses }) {
    connection.onSelectionRanges(
      guard(connection.console, 'selectionRange', [], (params) => {
        const analysis = analyses.get(params.textDocument.uri);
        // One answer per position; a position outside any structure gets its own empty range.
        const empty = (p: Position): SelectionRange => ({ range: { start: p, end: p } });
        if (!analysis) return params.positions.map(empty);
        const lines = analysis.model.lines;
        return params.positions.map((p) => {
          const chain = selectionChain(analysis, lines.offsetAt(p));
          let result: SelectionRange | undefined;
          for (let i = chain.length - 1; i >= 0; i--) result = result ? { range: lines.rangeOf(chain[i]!), parent: result } : { range: lines.rangeOf(chain[i]!) };
          return result ?? empty(p);
        });
      }),
    );
    return { selectionRangeProvider: true };
  },
};
