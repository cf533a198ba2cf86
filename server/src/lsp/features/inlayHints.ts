/**
 * textDocument/inlayHint: the column's short name after each value where the layout hides the
 * columns. The setting `govreport.inlayHints.enabled` (read per document through
 * workspace/configuration, remembered until the configuration changes) turns them off; a change of
 * configuration asks the editor to request them again.
 */
import type { InlayHint } from 'vscode-languageserver/node';
import { inlayHints as coreInlayHints } from '../../core/features/inlayHints';
import type { Feature } from '../context';
import { guard } from '../guard';

export const INLAY_HINTS_SETTING = 'govreport.inlayHints.enabled';

export const inlayHints: Feature = {
  name: 'inlayHints',
  register({ connection, documents, analyses, clientCapabilities }) {
    const log = connection.console;
    const enabled = new Map<string, Promise<boolean>>();
    const isEnabled = (uri: string): Promise<boolean> => {
      if (!clientCapabilities().workspace?.configuration) return Promise.resolve(true);
      let known = enabled.get(uri);
      if (!known) {
        known = connection.workspace.getConfiguration({ scopeUri: uri, section: INLAY_HINTS_SETTING }).then(
          (value: unknown) => value !== false,
          () => true,
        );
        enabled.set(uri, known);
      }
      return known;
    };

    connection.languages.inlayHint.on(
      guard(log, 'inlayHint', [], async (params): Promise<InlayHint[]> => {
        const uri = params.textDocument.uri;
        if (!(await isEnabled(uri))) return [];
        const analysis = analyses.get(uri);
        if (!analysis) return [];
        const lines = analysis.model.lines;
        const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
        return coreInlayHints(analysis, range).map((h) => ({ position: lines.positionAt(h.offset), label: h.label, tooltip: h.tooltip, paddingLeft: true }));
      }),
    );
    connection.onDidChangeConfiguration(
      guard(log, 'inlayHint (configuration)', undefined, () => {
        enabled.clear();
        if (clientCapabilities().workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
      }),
    );
    documents.onDidClose((event) => enabled.delete(event.document.uri));
    return { inlayHintProvider: true };
  },
};
