/** textDocument/definition: from a narrative number to the table cells it states (see the core's hook). */
import type { Definition, DefinitionLink } from 'vscode-languageserver/node';
import { definitionAt } from '../../core/features/definition';
import type { Feature } from '../context';
import { guard } from '../guard';

export const definition: Feature = {
  name: 'definition',
  register({ connection, analyses, clientCapabilities }) {
    connection.onDefinition(
      guard(connection.console, 'definition', null, (params): Definition | DefinitionLink[] | null => {
        const uri = params.textDocument.uri;
        const analysis = analyses.get(uri);
        if (!analysis) return null;
        const lines = analysis.model.lines;
        const links = definitionAt(analysis, lines.offsetAt(params.position));
        if (links.length === 0) return null;
        if (clientCapabilities().textDocument?.definition?.linkSupport) {
          return links.map((link) => {
            const target = lines.rangeOf(link.target);
            return { originSelectionRange: lines.rangeOf(link.origin), targetUri: uri, targetRange: target, targetSelectionRange: target };
          });
        }
        return links.map((link) => ({ uri, range: lines.rangeOf(link.target) }));
      }),
    );
    return { definitionProvider: true };
  },
};
