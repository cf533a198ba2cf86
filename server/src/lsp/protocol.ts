/**
 * govreport's own requests between the VS Code client and the language server (beyond LSP): their
 * method names and shapes. No imports, so that the client can share them.
 */

/** `govreport/preview`: the table preview of an open document as HTML. */
export const PREVIEW_REQUEST = 'govreport/preview';

export interface PreviewParams {
  readonly uri: string;
  /** The nonce of the page's style and script (required unless `bodyOnly`). */
  readonly nonce?: string;
  /** The webview's `cspSource`. */
  readonly cspSource?: string;
  /** The document's name for the page title. */
  readonly documentName?: string;
  /** Only the content inside `<main>`, for updating a page already shown. */
  readonly bodyOnly?: boolean;
}

/** Null when the document is not open on the server (or could not be analysed). */
export type PreviewResult = { readonly html: string; readonly version: number } | null;

/**
 * The scheme of the read-only report text of an original that the client opens (command
 * `govreport.openAsReportText`): the server analyses its documents as plain reports, never as pages.
 */
export const REPORT_TEXT_SCHEME = 'govreport-text';

/**
 * `govreport/readOriginal`: an original on disk (a Word file, a PDF, a web page) read by the reader
 * its name's ending calls for, as the report text the checker reads (what the client's
 * `govreport-text:` documents show).
 */
export const READ_ORIGINAL_REQUEST = 'govreport/readOriginal';

export interface ReadOriginalParams {
  /** The original's `file:` URI. */
  readonly uri: string;
}

export interface ReadOriginalResult {
  /** The report as text (empty when there is a problem). */
  readonly text: string;
  /** Which reader read it: 'text', 'html', 'docx', 'pdf' (null when none takes the file). */
  readonly format: string | null;
  /** Why the file could not be read: one message for the user, in the display language. */
  readonly problem?: string;
}
// The request answers null only when the server itself failed (logged).

/** `govreport/checkWorkspace`: checks every report in the workspace folders from disk. */
export const CHECK_WORKSPACE_REQUEST = 'govreport/checkWorkspace';

export interface CheckWorkspaceParams {
  /** A work-done progress token the client created (LSP `WorkDoneProgressParams`). */
  readonly workDoneToken?: string | number;
}

export interface CheckWorkspaceResult {
  readonly files: number;
  readonly filesWithErrors: number;
  readonly errors: number;
  readonly warnings: number;
  /** Files that were to be checked and could not be read. */
  readonly unreadable: number;
  readonly cancelled: boolean;
  /** Files over the size limit (govreport.maxFileSize), by URI: not read, not checked (counted in `unreadable`). */
  readonly tooLarge: readonly string[];
  /** `186 份报告：23 份有错误`. */
  readonly summary: string;
}

/**
 * `govreport/exportWorkspaceCheck`: the workspace check's results as a file for a reviewer — the
 * verdict page (`html`, as `govreport check --format html` writes it), or the tables' data (`csv`,
 * `csv-wide`: the CSV `govreport extract --format csv [--wide]` writes, a file's path relative to the
 * first workspace folder that holds it). The client writes it where the user chose; the server reads
 * the workspace again (it keeps no analyses between runs).
 */
export const EXPORT_WORKSPACE_CHECK_REQUEST = 'govreport/exportWorkspaceCheck';

export type WorkspaceExportFormat = 'html' | 'csv' | 'csv-wide';
export const WORKSPACE_EXPORT_FORMATS: readonly WorkspaceExportFormat[] = ['html', 'csv', 'csv-wide'];

export interface ExportWorkspaceCheckParams {
  readonly format: WorkspaceExportFormat;
  readonly workDoneToken?: string | number;
}

export interface ExportWorkspaceCheckResult {
  /** The file's text. */
  readonly content: string;
  /** How many reports it holds. */
  readonly reports: number;
  readonly cancelled: boolean;
}

/**
 * `govreport/editCell`: what typing a value into a cell of the table grid writes into the text — a
 * workspace edit for the client to apply (`workspace.applyEdit`: undo, dirty state and save stay the
 * editor's), or the reason it is refused. Computed for the document version the grid shows: an edit
 * asked for an older version is refused (`stale`).
 */
export const EDIT_CELL_REQUEST = 'govreport/editCell';

export interface GridCell {
  readonly table: 'A' | 'B' | 'C';
  readonly row: string;
  readonly column: string;
}

export interface EditCellParams extends GridCell {
  readonly uri: string;
  /** The document version the grid was rendered from. */
  readonly version: number;
  readonly text: string;
  /** 「自动合计」. */
  readonly autoTotals: boolean;
  /** Cells the user typed into the grid before (totals among them are never rewritten). */
  readonly keep?: readonly GridCell[];
}

export interface LspTextEdit {
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
  readonly newText: string;
}

export type EditCellResult =
  | {
      readonly ok: true;
      /** The version the edit is for: apply it only to that version. */
      readonly version: number;
      /** A WorkspaceEdit (`changes` by URI); no edit when the cell already reads so. */
      readonly edit: { readonly changes: Readonly<Record<string, readonly LspTextEdit[]>> };
      readonly writes: readonly { readonly cell: GridCell; readonly text: string; readonly total: boolean }[];
      /** Totals left as they are (their messages), marked in the grid. */
      readonly conflicts: readonly { readonly cell: GridCell; readonly computed: number; readonly message: string }[];
    }
  | { readonly ok: false; readonly reason: string; readonly message: string }
  | null;
