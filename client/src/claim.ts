/**
 * Which plain-text documents the extension claims as reports. Decisions only — no `vscode` import —
 * so they are unit-tested; `extension.ts` feeds it the editor's open and close events.
 */
import { looksLikeReport, SNIFF_BYTES } from '../../server/src/core/sniff';

export const LANGUAGE_ID = 'govreport';

/** What the claimer needs to know about an opened document. */
export interface OpenedDocument {
  /** The document's URI as a string. */
  readonly key: string;
  readonly languageId: string;
  readonly scheme: string;
  readonly path: string;
  /** The document's first `chars` characters. */
  head(chars: number): string;
}

export class ReportClaimer {
  /** Documents the user turned back from govreport to plain text: left alone for the session. */
  private readonly declined = new Set<string>();
  private justClosed: { key: string; languageId: string } | undefined;

  /**
   * A document was closed. The editor reports a change of language as a close immediately followed
   * by an open of the same document; `settle()` (called once the current event has been handled)
   * forgets the close when no open followed.
   */
  closed(key: string, languageId: string): void {
    this.justClosed = { key, languageId };
  }

  settle(): void {
    this.justClosed = undefined;
  }

  /** A document was opened (or is open at activation): should it become a govreport document? */
  shouldClaim(document: OpenedDocument, detectReports: boolean): boolean {
    const closed = this.justClosed;
    this.justClosed = undefined;
    if (document.languageId !== 'plaintext') return false;
    if (closed && closed.key === document.key && closed.languageId === LANGUAGE_ID) {
      // The user switched this report back to plain text: respect that.
      this.declined.add(document.key);
      return false;
    }
    if (!detectReports || this.declined.has(document.key)) return false;
    if (document.scheme !== 'file' && document.scheme !== 'untitled') return false;
    if (!document.path.toLowerCase().endsWith('.txt')) return false;
    return looksLikeReport(document.head(SNIFF_BYTES));
  }
}
