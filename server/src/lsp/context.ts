/**
 * What every feature of the language server gets, and what it gives back. A feature is one file in
 * `features/` exporting a `Feature`; `server.ts` lists them. Features never analyse a document
 * themselves: they ask the shared `AnalysisCache`, which analyses each document version once.
 */
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './documents';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: AnalysisCache;
  /** The client's capabilities, known once `initialize` has arrived (empty before). */
  clientCapabilities(): ClientCapabilities;
}

export interface Feature {
  /** For log messages. */
  readonly name: string;
  /**
   * Registers the feature's handlers (before the connection listens) and returns the server
   * capabilities it adds to the `initialize` result (`{}` for push-only features).
   */
  register(context: ServerContext): ServerCapabilities;
}
