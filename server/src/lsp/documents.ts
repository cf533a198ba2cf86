/**
 * One analysis per document version, shared by every feature: the first feature that asks for a
 * version's analysis runs `analyze()`; every later request for the same version gets the same object.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import type { MessageCatalog } from '../core/messages/catalog';
import { zhCN } from '../core/messages/zh-cn';
import { describeError, type Logger } from './guard';

/** Where the cache finds the current text and version of a document (the server's `TextDocuments`). */
export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
  /** Every open document (the server's `TextDocuments` has it; a source without it pairs nothing). */
  all?(): TextDocument[];
}

export interface AnalysisCacheOptions {
  /** The analysis to run (the core's `analyze` unless a test says otherwise). */
  readonly analyze?: (text: string) => Analysis;
  /** A clock in milliseconds, for `lastDuration`. */
  readonly now?: () => number;
  /** The catalog analyses write their messages with (Chinese unless given). */
  readonly messages?: () => MessageCatalog;
  /**
   * The largest document analysed, in bytes of UTF-8, per document (govreport.maxFileSize); a larger
   * one has no analysis. No limit unless given.
   */
  readonly maxSize?: (uri: string) => number;
}

interface Entry {
  readonly version: number;
  /** Undefined when the analysis threw (logged once for that version). */
  readonly analysis: Analysis | undefined;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly durations = new Map<string, number>();
  private readonly run: (text: string) => Analysis;
  private readonly now: () => number;
  private readonly maxSize: ((uri: string) => number) | undefined;

  constructor(
    private readonly documents: DocumentSource,
    private readonly log: Logger,
    options: AnalysisCacheOptions = {},
  ) {
    const messages = options.messages ?? (() => zhCN);
    this.run = options.analyze ?? ((text) => analyze(text, { messages: messages() }));
    this.maxSize = options.maxSize;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * The analysis of the document's current version, computed on first request. Undefined when the
   * document is not open or its analysis failed (the failure is logged).
   */
  get(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.entries.get(uri);
    if (cached && cached.version === document.version) return cached.analysis;
    if (this.tooLarge(uri, document.getText())) {
      this.entries.set(uri, { version: document.version, analysis: undefined });
      return undefined;
    }
    const start = this.now();
    let analysis: Analysis | undefined;
    try {
      analysis = this.run(document.getText());
    } catch (error) {
      this.log.error(`govreport: analysis of ${uri} (version ${document.version}) failed: ${describeError(error)}`);
      analysis = undefined;
    }
    this.durations.set(uri, this.now() - start);
    this.entries.set(uri, { version: document.version, analysis });
    return analysis;
  }

  /** Whether a text is larger than the document's limit (then it has no analysis). */
  tooLarge(uri: string, text: string): boolean {
    if (!this.maxSize) return false;
    const limit = this.maxSize(uri);
    // A UTF-16 code unit is 1 to 3 bytes of UTF-8: count only when it could matter.
    if (text.length * 3 <= limit) return false;
    return Buffer.byteLength(text, 'utf8') > limit;
  }

  /** Drops every kept analysis (the catalog or a limit changed): the next request analyses again. */
  clear(): void {
    this.entries.clear();
  }

  /** How long the document's most recent analysis took, in milliseconds (0 before the first). */
  lastDuration(uri: string): number {
    return this.durations.get(uri) ?? 0;
  }

  /** Drops what is kept for a closed document. */
  forget(uri: string): void {
    this.entries.delete(uri);
    this.durations.delete(uri);
  }
}
