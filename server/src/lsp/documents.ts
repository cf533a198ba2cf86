/**
 * One analysis per document version, shared by every feature: the first feature that asks for a
 * version's analysis runs `analyze()`; every later request for the same version gets the same object.
 *
 * A web page (a URI ending in .html, .htm, .shtml, .xhtml) that reads like a report is checked in
 * place: parsed once per version by the HTML reader, its report text analysed, the findings placed
 * in the page's source (`original`). Its analysis is not `get`'s — those positions are the report
 * text's, not the page's — so features that show positions without mapping them leave pages alone.
 * A page that does not read like a report has no analysis at all.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import { placeFinding, type ReadAnalysis } from '../core/read/analyzeRead';
import { readHtml } from '../core/read/html';
import { formatOfName } from '../core/read/index';
import { looksLikeReportPage } from '../core/read/pageSniff';
import { LineIndex } from '../core/text';
import { REPORT_TEXT_SCHEME } from './protocol';
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
  /** For a web page: the page read and its findings placed in its source (undefined when not a report). */
  readonly original?: ReadAnalysis | undefined;
}

/** Whether a document is a web page, checked in place (by its URI's ending). */
export function isPageUri(uri: string): boolean {
  return !uri.startsWith(`${REPORT_TEXT_SCHEME}:`) && formatOfName(uri) === 'html';
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
    return isPageUri(uri) ? undefined : this.entry(uri)?.analysis;
  }

  /**
   * For a web page that reads like a report: the page read (once per version), the analysis of its
   * report text and the findings placed in the page's source. Undefined for any other document.
   */
  original(uri: string): ReadAnalysis | undefined {
    return isPageUri(uri) ? this.entry(uri)?.original : undefined;
  }

  /** The analysis of the report a document holds, its own text or a page's (for what needs no positions). */
  report(uri: string): Analysis | undefined {
    return this.entry(uri)?.analysis;
  }

  private entry(uri: string): Entry | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.entries.get(uri);
    if (cached && cached.version === document.version) return cached;
    const text = document.getText();
    // An HTML document whose name does not say it is a page (a template, say): not ours.
    if (document.languageId === 'html' && !isPageUri(uri)) {
      const entry: Entry = { version: document.version, analysis: undefined };
      this.entries.set(uri, entry);
      return entry;
    }
    if (this.tooLarge(uri, text)) {
      const entry: Entry = { version: document.version, analysis: undefined };
      this.entries.set(uri, entry);
      return entry;
    }
    const start = this.now();
    let analysis: Analysis | undefined;
    let original: ReadAnalysis | undefined;
    try {
      if (isPageUri(uri)) {
        original = this.readPage(text);
        analysis = original?.analysis;
      } else analysis = this.run(text);
    } catch (error) {
      this.log.error(`govreport: analysis of ${uri} (version ${document.version}) failed: ${describeError(error)}`);
      analysis = undefined;
      original = undefined;
    }
    this.durations.set(uri, this.now() - start);
    const entry: Entry = { version: document.version, analysis, original };
    this.entries.set(uri, entry);
    return entry;
  }

  /** A page read and analysed, its findings placed in its source; undefined when it is not a report. */
  private readPage(source: string): ReadAnalysis | undefined {
    if (!looksLikeReportPage(source)) return undefined;
    const read = readHtml(source);
    if (read.problem || read.source === null) return undefined;
    const analysis = this.run(read.text);
    if (!analysis.model.isReport) return undefined;
    return { read, analysis, findings: analysis.findings.map((f) => placeFinding(f, read)), lines: new LineIndex(read.source) };
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
