/**
 * What every feature of the language server gets, and what it gives back. A feature is one file in
 * `features/` exporting a `Feature`; `server.ts` lists them. Features never analyse a document
 * themselves: they ask the shared `AnalysisCache`, which analyses each document version once.
 */
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MessageCatalog } from '../core/messages/catalog';
import type { AnalysisCache } from './documents';
import type { SettingsService } from './settings';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: AnalysisCache;
  /** The client's capabilities, known once `initialize` has arrived (empty before). */
  readonly clientCapabilities: () => ClientCapabilities;
  /**
   * The catalog of the client's display language (`initializationOptions.locale`, e.g. VS Code's
   * `vscode.env.language`), for every message, title, hover and label; Chinese before `initialize`.
   */
  readonly messages: () => MessageCatalog;
  /**
   * The editor settings and config file per document; the one place that listens to
   * workspace/didChangeConfiguration and workspace/didChangeWatchedFiles (subscribe with `onDidChange`).
   */
  readonly settings: SettingsService;
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
