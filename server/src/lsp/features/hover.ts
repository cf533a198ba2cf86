/** textDocument/hover: the core's hover on a cell, a row label or a section heading, as markdown. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../../core/features/hover';
import type { Feature } from '../context';
import { guard } from '../guard';

export const hover: Feature = {
  name: 'hover',
  register({ connection, analyses, messages }) {
    connection.onHover(
      guard(connection.console, 'hover', null, (params): Hover | null => {
        const analysis = analyses.get(params.textDocument.uri);
        if (!analysis) return null;
        const lines = analysis.model.lines;
        const info = hoverAt(analysis, lines.offsetAt(params.position), messages());
        return info && { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: lines.rangeOf(info.span) };
      }),
    );
    return { hoverProvider: true };
  },
};
