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
  /** `186 份报告：23 份有错误`. */
  readonly summary: string;
}
