/**
 * One analysis per document version, shared by every feature: the first feature that asks for a
 * version's analysis runs `analyze()`; every later request for the same version gets the same object.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
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

  constructor(
    private readonly documents: DocumentSource,
    private readonly log: Logger,
    options: AnalysisCacheOptions = {},
  ) {
    this.run = options.analyze ?? ((text) => analyze(text));
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
