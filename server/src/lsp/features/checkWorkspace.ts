/**
 * `govreport/checkWorkspace`: checks every report file in the workspace folders as `govreport check`
 * does (the CLI's `discover`, `loadReport` and `diagnoseReports`), read from disk without opening
 * them, and publishes their diagnostics. A document open in the editor keeps the diagnostics of its
 * own publisher; when it is closed, its file is checked again from disk. Progress goes to the
 * client's work-done token; the request's cancellation stops the walk (what was checked so far is
 * published). Each folder's `.govreportignore` files are honoured as the CLI honours them.
 *
 * The size limit is the folder's `govreport.maxFileSize` (the CLI's --max-size): a file over it is not
 * read — only its head, to tell whether it is a report at all, as the CLI does — and is listed as not
 * checked: counted in the summary, named in the result's `tooLarge`, and given one information
 * diagnostic in the Problems panel, the same one an open document over the limit gets.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { CancellationToken, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { DEFAULT_MAX_SIZE, diagnoseReports, loadReport, problemNotice, tally, type CheckOptions, type LoadedReport, type Notice } from '../../cli/check';
import { discover, formatSize, type Candidate, type DiscoveryProblem } from '../../cli/files';
import { IgnoreRules } from '../../cli/ignore';
import type { RuleConfig } from '../../core/config';
import { renderVerdictPage } from '../../core/features/verdictPage';
import { dataCsv, reportData } from '../../core/render/tableData';
import type { MessageCatalog } from '../../core/messages/catalog';
import { zhCN } from '../../core/messages/zh-cn';
import type { Feature } from '../context';
import { TOO_LARGE } from './diagnostics';
import { guard } from '../guard';
import {
  CHECK_WORKSPACE_REQUEST,
  EXPORT_WORKSPACE_CHECK_REQUEST,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type ExportWorkspaceCheckParams,
  type ExportWorkspaceCheckResult,
  type WorkspaceExportFormat,
  WORKSPACE_EXPORT_FORMATS,
} from '../protocol';

export interface WorkspaceCheckHost {
  /** Whether a document is open in the editor (its diagnostics are then its publisher's). */
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** The rule configuration for a file (govreport.rules and its config file); none when absent. */
  rules?(uri: string): Promise<RuleConfig>;
  /** The largest file checked in a folder, in bytes (its govreport.maxFileSize); DEFAULT_MAX_SIZE when absent. */
  maxSize?(folder: string): Promise<number>;
}

/** A file over the size limit: not read, listed as not checked. */
interface TooLarge {
  readonly uri: string;
  readonly size: number;
  readonly limit: number;
}

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceCheck {
  /** The files whose diagnostics the last run published, by URI. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly host: WorkspaceCheckHost,
    private readonly catalog: MessageCatalog | (() => MessageCatalog) = zhCN,
    private readonly maxSize = DEFAULT_MAX_SIZE,
  ) {}

  /** The catalog of the client's language (known once `initialize` has arrived). */
  private get messages(): MessageCatalog {
    return typeof this.catalog === 'function' ? this.catalog() : this.catalog;
  }

  private get options(): CheckOptions {
    return { messages: this.messages, maxSize: this.maxSize };
  }

  /** The size limit for the files of a folder (the host's setting, else the constructor's). */
  private async limitFor(folder: string | undefined): Promise<number> {
    if (folder === undefined || !this.host.maxSize) return this.maxSize;
    const limit = await this.host.maxSize(folder);
    return Number.isFinite(limit) && limit > 0 ? limit : this.maxSize;
  }

  /** Reads and analyses one file with its folder's size limit; a file over it is returned as too large, unread. */
  private async load(candidate: Candidate, folder: string | undefined): Promise<{ loaded: ReturnType<typeof loadReport>; tooLarge: TooLarge | null }> {
    const limit = await this.limitFor(folder);
    const loaded = loadReport(candidate, { ...this.options, maxSize: limit });
    if (loaded.skipped !== 'too-large') return { loaded, tooLarge: null };
    let size = limit + 1;
    try {
      size = fs.statSync(candidate.path).size;
    } catch {
      /* gone since: the limit's notice stands */
    }
    return { loaded, tooLarge: { uri: pathToFileURL(path.resolve(candidate.path)).href, size, limit } };
  }

  /** The one diagnostic of a file over the limit (as diagnostics.ts gives an open document over it). */
  private tooLargeDiagnostic(file: TooLarge): Diagnostic {
    const message = this.messages.documentTooLarge({ size: formatSize(file.size), limit: formatSize(file.limit) });
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: TOO_LARGE, source: 'govreport', message };
  }

  /** A report with the rule configuration that applies to its file. */
  private async configured(report: LoadedReport): Promise<LoadedReport> {
    return this.host.rules ? { ...report, config: await this.host.rules(report.uri) } : report;
  }

  /** Reads and analyses every report of the folders, as `govreport check` does; stops early when cancelled. */
  private async collect(folders: readonly string[], token: CancellationToken, progress: WorkDoneProgressReporter): Promise<{ reports: LoadedReport[]; notices: Notice[]; tooLarge: TooLarge[]; cancelled: boolean }> {
    const messages = this.messages;
    progress.begin(messages.checkWorkspaceTitle(), 0, undefined, true);
    const { candidates, problems } = discoverInFolders(folders);
    const notices: Notice[] = problems.map((p) => problemNotice(p, messages));
    const reports: LoadedReport[] = [];
    const tooLarge: TooLarge[] = [];
    let cancelled = false;
    for (let i = 0; i < candidates.length; i++) {
      await yieldTurn(); // lets a cancellation arrive
      if (token.isCancellationRequested) {
        cancelled = true;
        break;
      }
      const candidate = candidates[i]!;
      progress.report(Math.floor((100 * i) / candidates.length), messages.checkWorkspaceProgress({ done: i, total: candidates.length, file: path.basename(candidate.path) }));
      const { loaded, tooLarge: over } = await this.load(candidate, folderOf(folders, candidate.path));
      notices.push(...loaded.notices);
      if (over) tooLarge.push(over);
      if (loaded.report) reports.push(await this.configured(loaded.report));
    }
    return { reports, notices, tooLarge, cancelled };
  }

  /**
   * The verdict page of the folders' reports (`html`), or their tables' data as `govreport extract
   * --format csv [--wide]` writes it (`csv`, `csv-wide`); paths relative to the first folder that
   * holds them.
   */
  async export(folders: readonly string[], token: CancellationToken, progress: WorkDoneProgressReporter, format: WorkspaceExportFormat = 'html'): Promise<ExportWorkspaceCheckResult> {
    const messages = this.messages;
    const { reports, notices, cancelled } = await this.collect(folders, token, progress);
    const shown = (file: string): string => {
      const folder = folders.find((f) => !path.relative(f, file).startsWith('..'));
      return folder ? path.relative(folder, file) || path.basename(file) : file;
    };
    if (format !== 'html') {
      const rows = reports.map((report) => ({ file: shown(report.candidate.path), data: reportData(report.analysis.model) }));
      progress.done();
      return { content: dataCsv(rows, format === 'csv-wide'), reports: rows.length, cancelled };
    }
    const files = diagnoseReports(reports, this.options);
    const verdicts = files.map((file, i) => ({ path: shown(file.path), analysis: reports[i]!.analysis, diagnostics: file.diagnostics }));
    const notChecked = notices.filter((n) => n.level === 'error').map((n) => ({ text: n.message }));
    progress.done();
    const content = renderVerdictPage(verdicts, notChecked, { messages, nonce: randomBytes(16).toString('base64') });
    return { content, reports: verdicts.length, cancelled };
  }

  async run(folders: readonly string[], token: CancellationToken, progress: WorkDoneProgressReporter): Promise<CheckWorkspaceResult> {
    const messages = this.messages;
    const { reports, notices, tooLarge, cancelled } = await this.collect(folders, token, progress);
    const files = diagnoseReports(reports, this.options);
    const before = new Set(this.published.keys());
    this.published.clear();
    for (const file of files) {
      this.published.set(file.uri, file.path);
      before.delete(file.uri);
      if (!this.host.isOpen(file.uri)) this.host.publish(file.uri, file.diagnostics as Diagnostic[]);
    }
    for (const file of tooLarge) {
      this.published.set(file.uri, fileURLToPath(file.uri));
      before.delete(file.uri);
      if (!this.host.isOpen(file.uri)) this.host.publish(file.uri, [this.tooLargeDiagnostic(file)]);
    }
    // Files of an earlier run that are gone (deleted, or no longer read like a report).
    for (const uri of before) {
      if (cancelled) this.published.set(uri, ''); // not looked at this time: still covered
      else if (!this.host.isOpen(uri)) this.host.publish(uri, []);
    }
    progress.done();
    const t = tally({ files, notices });
    return {
      files: t.files,
      filesWithErrors: t.filesWithErrors,
      errors: t.errors,
      warnings: t.warnings,
      unreadable: t.unreadable,
      cancelled,
      tooLarge: tooLarge.map((f) => f.uri),
      summary: messages.checkWorkspaceSummary({ files: t.files, filesWithErrors: t.filesWithErrors, warnings: t.warnings, unreadable: t.unreadable, cancelled }),
    };
  }

  /** A document was closed: a file the workspace check covers gets its diagnostics from disk again. */
  async closed(uri: string, folders: () => Promise<readonly string[]> = () => Promise.resolve([])): Promise<void> {
    if (!this.published.has(uri) || !uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    const { loaded, tooLarge } = await this.load({ path: file, explicit: true }, folderOf(await folders(), file));
    if (tooLarge) {
      this.host.publish(uri, [this.tooLargeDiagnostic(tooLarge)]);
      return;
    }
    const files = loaded.report ? diagnoseReports([await this.configured(loaded.report)], this.options) : [];
    this.host.publish(uri, (files[0]?.diagnostics ?? []) as Diagnostic[]);
  }
}

export const checkWorkspace: Feature = {
  name: 'checkWorkspace',
  register({ connection, documents, clientCapabilities, messages, settings }) {
    const log = connection.console;
    const check = new WorkspaceCheck(
      {
        isOpen: (uri) => documents.get(uri) !== undefined || openPaths(documents.keys()).has(pathOf(uri)),
        publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
        rules: async (uri) => (await settings.get(uri)).rules,
        maxSize: async (folder) => (await settings.get(pathToFileURL(folder).href)).maxFileSize,
      },
      messages,
    );
    const folderPaths = async (): Promise<string[]> => {
      const folders = clientCapabilities().workspace?.workspaceFolders ? ((await connection.workspace.getWorkspaceFolders()) ?? []) : [];
      return folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    };
    connection.onRequest(
      CHECK_WORKSPACE_REQUEST,
      guard(log, 'checkWorkspace', null, async (params: CheckWorkspaceParams, token: CancellationToken): Promise<CheckWorkspaceResult | null> => {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a client's params are unchecked JSON
        const progress = connection.window.attachWorkDoneProgress(params?.workDoneToken);
        return check.run(await folderPaths(), token, progress);
      }),
    );
    connection.onRequest(
      EXPORT_WORKSPACE_CHECK_REQUEST,
      guard(log, 'exportWorkspaceCheck', null, async (params: ExportWorkspaceCheckParams, token: CancellationToken): Promise<ExportWorkspaceCheckResult | null> => {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a client's params are unchecked JSON
        if (!WORKSPACE_EXPORT_FORMATS.includes(params?.format)) return null;
        const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
        return check.export(await folderPaths(), token, progress, params.format);
      }),
    );
    // After the diagnostics feature has cleared a closed document's diagnostics (it registered first).
    documents.onDidClose(guard(log, 'checkWorkspace (close)', undefined, (event) => void check.closed(event.document.uri, folderPaths).catch((error: unknown) => { log.error(`govreport: checkWorkspace (close) failed: ${String(error)}`); })));
    return {};
  },
};

/** The workspace folder a file was found in (the first that holds it). */
/**
 * The report files of the workspace folders, each folder walked with its own ignore rules — the
 * `.govreportignore` files from that folder down, as `govreport check` run in the folder reads them
 * (none above the folder: the folder is the top, as a repository's root is for git). Sorted by path,
 * each file once (a folder inside another is walked by both).
 */
function discoverInFolders(folders: readonly string[]): { candidates: Candidate[]; problems: DiscoveryProblem[] } {
  const byPath = new Map<string, Candidate>();
  const problems: DiscoveryProblem[] = [];
  for (const folder of folders) {
    const found = discover([folder], { confined: true, ignore: new IgnoreRules([], folder) });
    for (const c of found.candidates) if (!byPath.has(path.resolve(c.path))) byPath.set(path.resolve(c.path), c);
    problems.push(...found.problems);
  }
  const candidates = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { candidates, problems };
}

function folderOf(folders: readonly string[], file: string): string | undefined {
  return folders.find((f) => {
    const relative = path.relative(f, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  });
}

function pathOf(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return uri;
  }
}

function openPaths(uris: readonly string[]): Set<string> {
  return new Set(uris.map(pathOf));
}
