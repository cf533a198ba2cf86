/**
 * textDocument/inlayHint: the column's short name after each value where the layout hides the
 * columns. The setting `govreport.inlayHints.enabled` (read per document by the settings service)
 * turns them off; a change of configuration asks the editor to request them again.
 */
import type { InlayHint } from 'vscode-languageserver/node';
import { inlayHints as coreInlayHints } from '../../core/features/inlayHints';
import type { Feature } from '../context';
import { guard } from '../guard';
import { SETTINGS } from '../settings';

export const INLAY_HINTS_SETTING = SETTINGS.inlayHints;

export const inlayHints: Feature = {
  name: 'inlayHints',
  register({ connection, analyses, clientCapabilities, settings, messages }) {
    const log = connection.console;
    connection.languages.inlayHint.on(
      guard(log, 'inlayHint', [], async (params): Promise<InlayHint[]> => {
        const uri = params.textDocument.uri;
        if (!(await settings.get(uri)).inlayHints) return [];
        const analysis = analyses.get(uri);
        if (!analysis) return [];
        const lines = analysis.model.lines;
        const range = { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) };
        return coreInlayHints(analysis, range, messages()).map((h) => ({ position: lines.positionAt(h.offset), label: h.label, tooltip: h.tooltip, paddingLeft: true }));
      }),
    );
    settings.onDidChange(
      guard(log, 'inlayHint (configuration)', undefined, () => {
        if (clientCapabilities().workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
      }),
    );
    return { inlayHintProvider: true };
  },
};
