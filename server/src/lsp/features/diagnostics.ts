/**
 * Push diagnostics: published on open and on every change, with the document's version.
 *
 * A typical report analyses in a few milliseconds, so its diagnostics go out at once. Only a document
 * whose last analysis was slow is debounced. Nothing is ever published for a version that is no longer
 * the document's current one: a change that arrives before the publish replaces it.
 *
 * A report whose body's report of the year before is open too is compared with it (text.carry-over);
 * when a report is published, the open report of the year after is published again.
 *
 * What is published follows the configuration (`govreport.rules` and the config file, applied by the
 * core's `applyRuleConfig`); when it changes, every open document is published again. A document
 * larger than `govreport.maxFileSize` gets one hint instead.
 *
 * A web page that reads like a report is published with its findings in the page's source (no
 * comparison with the year before); any other page gets no diagnostics at all.
 *
 * Every diagnostic of a finding code links to the code's page (`codeDescription.href`, docs/rules/).
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Analysis } from '../../core/analyze';
import { formatSize } from '../../cli/files';
import { applyRuleConfig } from '../../core/config';
import { toDiagnostic, type DiagnosticShape } from '../../core/diagnostic';
import type { MessageCatalog } from '../../core/messages/catalog';
import { RULE_DOCS, ruleDocUrl } from '../../core/messages/ruleDocs';
import { zhCN } from '../../core/messages/zh-cn';
import { compareFindings, type Finding } from '../../core/findings';
import { checkAgainstPrevious, pairWithPrevious } from '../../core/previous';
import { shownFindings } from '../../core/notReport';
import type { LineIndex } from '../../core/text';
import type { Feature } from '../context';
import { isPageUri, type AnalysisCache, type DocumentSource } from '../documents';
import { looksLikeReportPage } from '../../core/read/pageSniff';
import { guard, type Logger } from '../guard';
import { DEFAULT_SETTINGS, type DocumentSettings } from '../settings';

/** A finding as an LSP diagnostic: the core's conversion, and the link to its code's page (editors show the code as a link). */
export function lspDiagnostic(finding: Finding, lines: LineIndex, uri: string): DiagnosticShape & { codeDescription?: { href: string } } {
  const diagnostic = toDiagnostic(finding, lines, uri);
  return Object.prototype.hasOwnProperty.call(RULE_DOCS, finding.code) ? { ...diagnostic, codeDescription: { href: ruleDocUrl(finding.code) } } : diagnostic;
}

/** Where the publisher gets a document's settings: known at once, or after asking the editor. */
export interface SettingsSource {
  cached(uri: string): DocumentSettings | undefined;
  get(uri: string): Promise<DocumentSettings>;
}

const DEFAULT_SOURCE: SettingsSource = { cached: () => DEFAULT_SETTINGS, get: () => Promise.resolve(DEFAULT_SETTINGS) };

/** The code of the one hint on a document too large to check. */
export const TOO_LARGE = 'too-large';

export interface DiagnosticsTiming {
  /** A document whose last analysis took longer than this (ms) is debounced. */
  readonly slowMs: number;
  /** How long a slow document waits for typing to pause (ms). */
  readonly debounceMs: number;
}

export const DEFAULT_TIMING: DiagnosticsTiming = { slowMs: 50, debounceMs: 250 };

interface OpenReport {
  readonly uri: string;
  readonly analysis: Analysis;
}

interface Pending {
  cancel(): void;
}

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, Pending>();
  /** Per document, the latest publish started: one waiting for settings publishes only if still the latest. */
  private readonly latest = new Map<string, number>();
  private publishes = 0;

  constructor(
    private readonly documents: DocumentSource,
    private readonly analyses: AnalysisCache,
    private readonly send: (params: PublishDiagnosticsParams) => void,
    private readonly log: Logger,
    private readonly timing: DiagnosticsTiming = DEFAULT_TIMING,
    private readonly settings: SettingsSource = DEFAULT_SOURCE,
    private readonly messages: () => MessageCatalog = () => zhCN,
  ) {}

  /** The document was opened or changed: publish for its new version. */
  changed(uri: string, cascade = true): void {
    this.cancel(uri);
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const publish = guard(this.log, 'diagnostics', undefined, () => { this.publish(uri, version, cascade); });
    let cancelled = false;
    const run = (): void => {
      if (!cancelled) publish();
    };
    if (this.analyses.lastDuration(uri) > this.timing.slowMs) {
      const timer = setTimeout(run, this.timing.debounceMs);
      this.pending.set(uri, { cancel: () => { clearTimeout(timer); } });
    } else {
      // "At once", but after the messages that have already arrived: vscode-jsonrpc dispatches one
      // queued message per setImmediate turn, so two turns from now a didChange that arrived with this
      // one has been applied, has cancelled this publish, and publishes its own version instead.
      setImmediate(() => setImmediate(run));
      this.pending.set(uri, { cancel: () => (cancelled = true) });
    }
  }

  /** The document was closed: nothing pending, nothing kept, its diagnostics cleared. */
  closed(uri: string): void {
    this.cancel(uri);
    this.latest.delete(uri);
    this.analyses.forget(uri);
    this.send({ uri, diagnostics: [] });
    // A report of the year after may have been compared with it.
    for (const other of this.documents.all?.() ?? []) if (other.uri !== uri) this.changed(other.uri, false);
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
  }

  private publish(uri: string, version: number, cascade: boolean): void {
    this.pending.delete(uri);
    const document = this.documents.get(uri);
    // Closed, or a newer version arrived (whose own publish is scheduled): this one is outdated.
    if (!document || document.version !== version) return;
    const token = ++this.publishes;
    this.latest.set(uri, token);
    const known = this.settings.cached(uri);
    if (known) {
      this.publishWith(uri, version, cascade, known);
      return;
    }
    void this.settings.get(uri).then(
      guard(this.log, 'diagnostics', undefined, (settings: DocumentSettings) => {
        // Superseded (a newer publish started, or the document changed or closed while waiting).
        if (this.latest.get(uri) !== token) return;
        const current = this.documents.get(uri);
        if (!current || current.version !== version) return;
        this.publishWith(uri, version, cascade, settings);
      }),
    );
  }

  private publishWith(uri: string, version: number, cascade: boolean, settings: DocumentSettings): void {
    const document = this.documents.get(uri);
    if (!document) return;
    const text = document.getText();
    if (this.analyses.tooLarge(uri, text)) {
      // A web page that is not a report is none of govreport's business, however large.
      if (isPageUri(uri) && !looksLikeReportPage(text)) {
        this.send({ uri, version, diagnostics: [] });
        return;
      }
      const message = this.messages().documentTooLarge({ size: formatSize(Buffer.byteLength(text, 'utf8')), limit: formatSize(settings.maxFileSize) });
      const tooLarge: DiagnosticShape = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: TOO_LARGE, source: 'govreport', message };
      this.send({ uri, version, diagnostics: [tooLarge] });
      return;
    }
    const page = this.analyses.original(uri);
    if (page) {
      // A web page checked in place: its findings already stand in the page's source.
      this.send({ uri, version, diagnostics: applyRuleConfig(page.findings, settings.rules).map((finding) => lspDiagnostic(finding, page.lines, uri)) });
      return;
    }
    const analysis = this.analyses.get(uri);
    let findings: readonly Finding[] = analysis ? shownFindings(analysis, this.messages()) : [];
    const pairs = analysis?.model.isReport ? this.pairs(uri, analysis) : [];
    const previous = pairs.find((p) => p.current.uri === uri)?.previous;
    if (analysis && previous) {
      findings = [...findings, ...checkAgainstPrevious(analysis, previous.analysis, { messages: this.messages(), previousDocument: previous.uri })].sort(compareFindings);
    }
    const diagnostics = analysis ? applyRuleConfig(findings, settings.rules).map((finding) => lspDiagnostic(finding, analysis.model.lines, uri)) : [];
    this.send({ uri, version, diagnostics });
    if (cascade) for (const p of pairs) if (p.previous.uri === uri) this.changed(p.current.uri, false);
  }

  /** The configuration changed: every open document is published again. */
  republishAll(uris: readonly string[]): void {
    for (const uri of uris) this.changed(uri, false);
  }

  /** The pairs (report, its previous year's) among the open reports that involve this one. */
  private pairs(uri: string, analysis: Analysis): { current: OpenReport; previous: OpenReport }[] {
    const open: OpenReport[] = [{ uri, analysis }];
    for (const other of this.documents.all?.() ?? []) {
      if (other.uri === uri) continue;
      const a = this.analyses.get(other.uri);
      if (a?.model.isReport) open.push({ uri: other.uri, analysis: a });
    }
    if (open.length < 2) return [];
    return pairWithPrevious(open, (r) => r.analysis).filter((p) => p.current.uri === uri || p.previous.uri === uri);
  }
}

export const diagnostics: Feature = {
  name: 'diagnostics',
  register({ connection, documents, analyses, settings, messages }) {
    const log = connection.console;
    const publisher = new DiagnosticsPublisher(documents, analyses, (params) => void connection.sendDiagnostics(params), log, DEFAULT_TIMING, settings, messages);
    settings.onDidChange(guard(log, 'diagnostics (configuration)', undefined, () => { publisher.republishAll(documents.keys()); }));
    documents.onDidChangeContent(guard(log, 'diagnostics (change)', undefined, (event) => { publisher.changed(event.document.uri); }));
    documents.onDidClose(guard(log, 'diagnostics (close)', undefined, (event) => { publisher.closed(event.document.uri); }));
    return {};
  },
};
