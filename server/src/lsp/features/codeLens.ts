/**
 * textDocument/codeLens: above each table, how many of its identities hold and fail. Clicking a lens
 * with failures runs the client's `govreport.revealRange` command on the first failing cell; a lens
 * with nothing to show has an empty command and is a plain label. `govreport.codeLens.enabled` turns
 * the lenses off; a change of configuration asks the editor to request them again.
 */
import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver/node';
import { tableLenses } from '../../core/features/codeLens';
import type { Feature } from '../context';
import { guard } from '../guard';

/** The client command that reveals and selects a range: arguments (uri: string, range: Range). */
export const REVEAL_RANGE_COMMAND = 'govreport.revealRange';

export const codeLens: Feature = {
  name: 'codeLens',
  register({ connection, analyses, settings, messages, clientCapabilities }) {
    const log = connection.console;
    connection.onCodeLens(
      guard(log, 'codeLens', [], async (params) => {
        const uri = params.textDocument.uri;
        if (!(await settings.get(uri)).codeLens) return [];
        const analysis = analyses.get(uri);
        if (!analysis) return [];
        const lines = analysis.model.lines;
        return tableLenses(analysis, messages()).map((lens): CodeLens => ({
          range: lines.rangeOf(lens.span),
          command: lens.target
            ? { title: lens.title, command: REVEAL_RANGE_COMMAND, arguments: [uri, lines.rangeOf(lens.target)] }
            : { title: lens.title, command: '' },
        }));
      }),
    );
    settings.onDidChange(
      guard(log, 'codeLens (configuration)', undefined, () => {
        if (clientCapabilities().workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      }),
    );
    return { codeLensProvider: { resolveProvider: false } };
  },
};
