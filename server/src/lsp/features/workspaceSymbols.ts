/**
 * workspace/symbol: the sections and tables of every report in the open folders, named with the body
 * from the report's title (`北京市西城区民政局 › 三、收到和处理…`). The folders are walked and the files
 * read as the CLI does (`discover`, `readReportFile`: .txt and .govreport files, a .txt only when it
 * reads like a report); each file's symbols are kept until its modification time or size changes.
 * A report open in the editor is taken as it stands in the editor, wherever it lives.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { SymbolInformation } from 'vscode-languageserver/node';
import { DEFAULT_MAX_SIZE } from '../../cli/check';
import { discover, readReportFile } from '../../cli/files';
import { analyze, type Analysis } from '../../core/analyze';
import { matchesQuery, reportSymbols } from '../../core/features/workspaceSymbols';
import type { MessageCatalog } from '../../core/messages/catalog';
import { zhCN } from '../../core/messages/zh-cn';
import { looksLikeReport } from '../../core/sniff';
import type { Feature } from '../context';
import { guard } from '../guard';
import { SYMBOL_KIND } from './symbols';

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly symbols: readonly SymbolInformation[];
}

function symbolsOf(analysis: Analysis, uri: string, fallbackName: string, messages: MessageCatalog): SymbolInformation[] {
  const lines = analysis.model.lines;
  return reportSymbols(analysis, fallbackName, messages).map((s) => ({
    name: s.name,
    kind: SYMBOL_KIND[s.kind],
    location: { uri, range: lines.rangeOf(s.span) },
    containerName: s.report,
  }));
}

export class WorkspaceReports {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly maxSize = DEFAULT_MAX_SIZE,
    private readonly messages: () => MessageCatalog = () => zhCN,
  ) {}

  /** The symbols of one report file on disk, from the cache while the file is unchanged. */
  fileSymbols(file: string, explicit: boolean): readonly SymbolInformation[] {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return [];
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.symbols;
    let symbols: readonly SymbolInformation[] = [];
    let result = readReportFile(file, { maxSize: this.maxSize, headOnly: !explicit });
    if (result.ok && (explicit || looksLikeReport(result.text))) {
      if (!result.complete) result = readReportFile(file, { maxSize: this.maxSize });
      if (result.ok) symbols = symbolsOf(analyze(result.text, { messages: this.messages() }), pathToFileURL(path.resolve(file)).href, path.basename(file), this.messages());
    }
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, symbols });
    return symbols;
  }

  /** Every report's symbols: the open documents' as they stand (`open`: uri → analysis), the others' from disk. */
  symbols(folders: readonly string[], open: ReadonlyMap<string, Analysis>): SymbolInformation[] {
    const openPaths = new Set<string>();
    for (const uri of open.keys()) if (uri.startsWith('file:')) openPaths.add(path.resolve(fileURLToPath(uri)));
    const result: SymbolInformation[] = [];
    for (const candidate of discover(folders, { confined: true }).candidates) {
      if (openPaths.has(path.resolve(candidate.path))) continue;
      result.push(...this.fileSymbols(candidate.path, candidate.explicit));
    }
    for (const [uri, analysis] of open) {
      const name = uri.startsWith('file:') ? path.basename(fileURLToPath(uri)) : uri;
      result.push(...symbolsOf(analysis, uri, name, this.messages()));
    }
    return result;
  }
}

export const workspaceSymbols: Feature = {
  name: 'workspaceSymbols',
  register({ connection, documents, analyses, clientCapabilities, messages }) {
    const reports = new WorkspaceReports(DEFAULT_MAX_SIZE, messages);
    connection.onWorkspaceSymbol(
      guard(connection.console, 'workspaceSymbol', [], async (params) => {
        const folders = clientCapabilities().workspace?.workspaceFolders ? ((await connection.workspace.getWorkspaceFolders()) ?? []) : [];
        const paths = folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
        const open = new Map<string, Analysis>();
        for (const document of documents.all()) {
          const analysis = analyses.get(document.uri);
          if (analysis?.model.isReport) open.set(document.uri, analysis);
        }
        return reports.symbols(paths, open).filter((s) => matchesQuery(s.name, params.query));
      }),
    );
    return { workspaceSymbolProvider: true };
  },
};
