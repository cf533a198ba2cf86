/** textDocument/definition: from a narrative number to the table cell it states (see the core's hook). */
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
        const link = definitionAt(analysis, lines.offsetAt(params.position));
        if (!link) return null;
        const target = lines.rangeOf(link.target);
        if (clientCapabilities().textDocument?.definition?.linkSupport) {
          return [{ originSelectionRange: lines.rangeOf(link.origin), targetUri: uri, targetRange: target, targetSelectionRange: target }];
        }
        return { uri, range: target };
      }),
    );
    return { definitionProvider: true };
  },
};
