/**
 * What the preview's page may ask of the extension, checked field by field. The page's script is the
 * extension's own, but what arrives from a webview is data: a message that names another document,
 * a range outside this document, or anything malformed is ignored. Pure (no `vscode`), so that the
 * checks are tested outside the editor (test/ui/previewMessages.test.ts).
 */
import type { GridCell } from '../../server/src/lsp/protocol';

/** A range as the page sends it: start line, start character, end line, end character (0-based, UTF-16). */
export type LspRange = readonly [number, number, number, number];

/** What the checks need of the preview's own document. */
export interface PreviewDocument {
  /** The document's URI as a string (`vscode.Uri.toString()`). */
  readonly uri: string;
  readonly lineCount: number;
  /** The length of a line in UTF-16 code units, without its line break. */
  lineLength(line: number): number;
}

export interface EditMessage {
  readonly type: 'edit';
  readonly version: number;
  readonly cell: GridCell;
  readonly text: string;
  readonly autoTotals: boolean;
  readonly keep: readonly GridCell[];
}

export type PreviewRequest =
  | { readonly kind: 'reveal'; readonly range: LspRange; readonly keepFocus: boolean }
  | { readonly kind: 'edit'; readonly message: EditMessage }
  | { readonly kind: 'leave' };

/** The longest value a cell takes from the page, and the most cells it may ask to keep. */
export const MAX_CELL_TEXT = 100;
export const MAX_KEPT_CELLS = 1000;

const ID = /^[A-Za-z0-9.]{1,40}$/u;

export function isGridCell(value: unknown): value is GridCell {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as { table?: unknown; row?: unknown; column?: unknown };
  return (c.table === 'A' || c.table === 'B' || c.table === 'C') && typeof c.row === 'string' && ID.test(c.row) && typeof c.column === 'string' && ID.test(c.column);
}

const isPosition = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * The range, when it lies in the document as it stands: lines below `lineCount`, characters at most
 * the line's length, the start not after the end. Anything else is undefined.
 */
export function rangeInDocument(range: unknown, document: PreviewDocument): LspRange | undefined {
  if (!Array.isArray(range) || range.length !== 4) return undefined;
  const [startLine, startCharacter, endLine, endCharacter] = range as unknown[];
  if (!isPosition(startLine) || !isPosition(startCharacter) || !isPosition(endLine) || !isPosition(endCharacter)) return undefined;
  if (startLine >= document.lineCount || endLine >= document.lineCount) return undefined;
  if (startCharacter > document.lineLength(startLine) || endCharacter > document.lineLength(endLine)) return undefined;
  if (startLine > endLine || (startLine === endLine && startCharacter > endCharacter)) return undefined;
  return [startLine, startCharacter, endLine, endCharacter];
}

/**
 * The page's message as a request for this document, or undefined when it is to be ignored. The
 * page never names a document (each panel shows one); a message that carries a `uri` naming
 * another document than the panel's is not this panel's to act on.
 */
export function previewRequest(message: unknown, document: PreviewDocument): PreviewRequest | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const m = message as Record<string, unknown>;
  if ('uri' in m && m['uri'] !== document.uri) return undefined;
  switch (m['type']) {
    case 'reveal': {
      const keepFocus = m['keepFocus'];
      if (keepFocus !== undefined && typeof keepFocus !== 'boolean') return undefined;
      const range = rangeInDocument(m['range'], document);
      return range ? { kind: 'reveal', range, keepFocus: keepFocus === true } : undefined;
    }
    case 'edit':
      return isEditMessage(m) ? { kind: 'edit', message: m } : undefined;
    case 'leave':
      return { kind: 'leave' };
    default:
      return undefined;
  }
}

/** A cell edit from the page, checked field by field (the page shows the document's text). */
export function isEditMessage(message: unknown): message is EditMessage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<Record<keyof EditMessage, unknown>>;
  return (
    m.type === 'edit' && typeof m.version === 'number' && Number.isSafeInteger(m.version) && m.version >= 0 && isGridCell(m.cell) &&
    typeof m.text === 'string' && m.text.length <= MAX_CELL_TEXT && typeof m.autoTotals === 'boolean' &&
    Array.isArray(m.keep) && m.keep.length <= MAX_KEPT_CELLS && m.keep.every(isGridCell)
  );
}
