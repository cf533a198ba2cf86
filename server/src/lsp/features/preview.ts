/**
 * `govreport/preview`: the table preview of an open document, from its cached analysis (the HTML is
 * the core's `renderPreviewHtml`; the client only hosts it in a webview).
 */
import { randomBytes } from 'crypto';
import { renderPreviewBody, renderPreviewHtml } from '../../core/features/preview';
import type { Feature } from '../context';
import { guard } from '../guard';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from '../protocol';

export const preview: Feature = {
  name: 'preview',
  register({ connection, documents, analyses, messages }) {
    connection.onRequest(
      PREVIEW_REQUEST,
      guard(connection.console, 'preview', null, (params: PreviewParams): PreviewResult => {
        const document = documents.get(params.uri);
        const analysis = analyses.get(params.uri);
        if (!document || !analysis) return null;
        const html = params.bodyOnly
          ? renderPreviewBody(analysis, messages())
          : renderPreviewHtml(analysis, {
              nonce: params.nonce ?? randomBytes(16).toString('base64'),
              cspSource: params.cspSource ?? '',
              messages: messages(),
              version: document.version,
              ...(params.documentName !== undefined ? { documentName: params.documentName } : {}),
            });
        return { html, version: document.version };
      }),
    );
    return {};
  },
};
