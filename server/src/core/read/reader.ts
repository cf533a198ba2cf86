/**
 * The readers' seam. Every form a report arrives in — plain text, a web page, a Word file, a PDF —
 * has one reader, and every reader gives the same thing: the report as text the parser reads (the
 * text itself for plain text; for an original, its paragraphs and its tables' rows written one to a
 * line, cells between pipes) and an `OriginMap` back into the original. The parser, the rules, the
 * fixes and every feature then work unchanged and never know which form the report came in.
 */
import type { OriginMap } from './origin';

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf';

export interface ReadInput {
  /** The file's name or URI, for its extension and messages. */
  readonly name: string;
  /** The file's bytes (DOCX, PDF; HTML when its charset is still to be found). */
  readonly bytes?: Uint8Array;
  /** The document's text when it is already decoded (plain text; an HTML document open in the editor). */
  readonly text?: string;
}

/** Why an original could not be read (one clear message each, never a guess). */
export type ReadProblemKind =
  | 'scanned' // a PDF with no text layer
  | 'encrypted' // a password-protected PDF or DOCX
  | 'damaged' // not a valid PDF / zip / document
  | 'too-large' // a zip whose contents would unpack beyond the limit (zip bomb), a PDF with too many pages
  | 'old-format' // a binary .doc or .wps: save it as .docx
  | 'no-report'; // read fine, but nothing in it reads like a report

export interface ReadProblem {
  readonly kind: ReadProblemKind;
  /** Details for --debug and logs (the library's error text); never the message itself. */
  readonly detail: string;
}

export interface ReadResult {
  readonly format: SourceFormat;
  /** The report as text, for the parser. */
  readonly text: string;
  /** Offsets of `text` → the original; null when `text` is the original (plain text). */
  readonly origin: OriginMap | null;
  /** The original's source text when positions can point into it (HTML); null otherwise. */
  readonly source: string | null;
  /** A problem that stopped the reading; `text` is then empty. */
  readonly problem: ReadProblem | null;
}

export interface Reader {
  readonly format: SourceFormat;
  /** File name endings this reader takes, lower case with the dot (`.html`). */
  readonly extensions: readonly string[];
  /** Reads an original. Synchronous readers return the result; PDF (pdfjs) returns a promise. */
  read(input: ReadInput): ReadResult | Promise<ReadResult>;
}
