/** textDocument/foldingRange: sections, subsections, tables and row groups, as the core finds them. */
import type { FoldingRange } from 'vscode-languageserver/node';
import { foldingRegions } from '../../core/features/folding';
import type { Feature } from '../context';
import { guard } from '../guard';

export const folding: Feature = {
  name: 'folding',
  register({ connection, analyses }) {
    connection.onFoldingRanges(
      guard(connection.console, 'foldingRange', [], (params) => {
        const analysis = analyses.get(params.textDocument.uri);
        if (!analysis) return [];
        return foldingRegions(analysis).map((r): FoldingRange => ({ startLine: r.startLine, endLine: r.endLine, kind: 'region' }));
      }),
    );
    return { foldingRangeProvider: true };
  },
};
