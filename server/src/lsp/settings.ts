/**
 * The server's one view of the configuration: the editor's `govreport.*` settings (asked per
 * document through workspace/configuration) and the `.govreportrc.json` that governs a file: URI
 * (config file over editor settings, key by key). Features ask `get(uri)` (or `cached(uri)`) and
 * subscribe with `onDidChange`; this service alone handles workspace/didChangeConfiguration and
 * workspace/didChangeWatchedFiles (vscode-languageserver keeps one handler for each).
 *
 * An invalid config file is one diagnostic on that file (published here, cleared once it is fixed or
 * gone); its valid entries still apply.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import { DEFAULT_MAX_SIZE } from '../cli/check';
import { ConfigFiles, type LoadedConfig } from '../cli/configFile';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, mergeRuleConfigs, readRules, type ConfigProblem, type RuleConfig } from '../core/config';
import { isTableLayoutOption, type TableLayoutOption } from '../core/features/formatting';
import type { MessageCatalog } from '../core/messages/catalog';
import { LineIndex } from '../core/text';
import { describeError, type Logger } from './guard';

/** The settings the server reads, by their full names (each asked as one item of workspace/configuration). */
export const SETTINGS = {
  rules: 'govreport.rules',
  maxFileSize: 'govreport.maxFileSize',
  inlayHints: 'govreport.inlayHints.enabled',
  codeLens: 'govreport.codeLens.enabled',
  tableLayout: 'govreport.tableLayout',
} as const;

/** The default of govreport.maxFileSize, in megabytes (the CLI's --max-size default). */
export const DEFAULT_MAX_FILE_SIZE_MB = DEFAULT_MAX_SIZE / (1024 * 1024);

export interface DocumentSettings {
  /** The editor's rules overlaid with the config file's. */
  readonly rules: RuleConfig;
  readonly inlayHints: boolean;
  readonly codeLens: boolean;
  /** In bytes. */
  readonly maxFileSize: number;
  /** The layout formatting writes tables in (config file over the editor setting). */
  readonly tableLayout: TableLayoutOption;
  /** The config file that applies, if any. */
  readonly configFile: string | null;
}

export const DEFAULT_SETTINGS: DocumentSettings = { rules: EMPTY_CONFIG, inlayHints: true, codeLens: true, maxFileSize: DEFAULT_MAX_SIZE, tableLayout: 'auto', configFile: null };

/** What the service needs of the connection (a test can give less than a Connection). */
export interface SettingsConnection {
  readonly console: Logger;
  readonly workspace: Pick<Connection['workspace'], 'getConfiguration'>;
  sendDiagnostics: Connection['sendDiagnostics'];
  onDidChangeConfiguration: Connection['onDidChangeConfiguration'];
  onDidChangeWatchedFiles: Connection['onDidChangeWatchedFiles'];
}

export class SettingsService {
  private readonly known = new Map<string, DocumentSettings>();
  private readonly asked = new Map<string, Promise<DocumentSettings>>();
  private readonly listeners: (() => void)[] = [];
  private readonly files = new ConfigFiles();
  /** Config files whose problems are published (URI → the problems' text, to publish each once). */
  private readonly published = new Map<string, string>();
  private generation = 0;

  constructor(
    private readonly connection: SettingsConnection,
    private readonly capabilities: () => ClientCapabilities,
    private readonly messages: () => MessageCatalog,
  ) {
    connection.onDidChangeConfiguration(() => { this.changed(false); });
    connection.onDidChangeWatchedFiles((params) => {
      if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) this.changed(true);
    });
  }

  /** Called when settings or config files change (after the caches are dropped). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The settings as last read for a document, if they have been. */
  cached(uri: string): DocumentSettings | undefined {
    return this.known.get(uri);
  }

  /** The settings for a document, read once until the configuration changes. Never rejects. */
  get(uri: string): Promise<DocumentSettings> {
    let pending = this.asked.get(uri);
    if (!pending) {
      const generation = this.generation;
      pending = this.read(uri).then(
        (settings) => {
          if (generation === this.generation) this.known.set(uri, settings);
          return settings;
        },
        (error: unknown) => {
          this.connection.console.error(`govreport: reading the settings for ${uri} failed: ${describeError(error)}`);
          return DEFAULT_SETTINGS;
        },
      );
      this.asked.set(uri, pending);
    }
    return pending;
  }

  /** Drops what is kept for a closed document. */
  forget(uri: string): void {
    this.known.delete(uri);
    this.asked.delete(uri);
  }

  private changed(files: boolean): void {
    this.generation++;
    this.known.clear();
    this.asked.clear();
    if (files) this.files.clear();
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.connection.console.error(`govreport: a configuration listener failed: ${describeError(error)}`);
      }
    }
    if (files) this.refreshPublished();
  }

  private async read(uri: string): Promise<DocumentSettings> {
    const editor = await this.editorSettings(uri);
    const file = this.configFileFor(uri);
    const rules = file ? mergeRuleConfigs(editor.rules, file.config) : editor.rules;
    return { ...editor, rules, tableLayout: file?.tableLayout ?? editor.tableLayout, configFile: file?.path ?? null };
  }

  private async editorSettings(uri: string): Promise<DocumentSettings> {
    if (!this.capabilities().workspace?.configuration) return DEFAULT_SETTINGS;
    const names = [SETTINGS.rules, SETTINGS.maxFileSize, SETTINGS.inlayHints, SETTINGS.codeLens, SETTINGS.tableLayout];
    let values: unknown[];
    try {
      values = (await this.connection.workspace.getConfiguration(names.map((section) => ({ scopeUri: uri, section })))) as unknown[];
    } catch {
      return DEFAULT_SETTINGS;
    }
    const [rules, maxFileSize, inlayHints, codeLens, tableLayout] = Array.isArray(values) ? values : [];
    const read = readRules(rules);
    if (read.problems.length > 0) {
      const messages = this.messages();
      this.connection.console.warn(`govreport: ${SETTINGS.rules}: ${read.problems.map((problem) => messages.configProblem({ problem })).join('; ')}`);
    }
    const megabytes = typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_FILE_SIZE_MB;
    return {
      rules: read.config,
      inlayHints: inlayHints !== false,
      codeLens: codeLens !== false,
      maxFileSize: Math.floor(megabytes * 1024 * 1024),
      tableLayout: isTableLayoutOption(tableLayout) ? tableLayout : 'auto',
      configFile: null,
    };
  }

  private configFileFor(uri: string): LoadedConfig | null {
    if (!uri.startsWith('file:')) return null;
    let loaded: LoadedConfig | null;
    try {
      loaded = this.files.forReport(fileURLToPath(uri));
    } catch (error) {
      this.connection.console.error(`govreport: looking for ${CONFIG_FILE_NAME} for ${uri} failed: ${describeError(error)}`);
      return null;
    }
    if (loaded) this.publishProblems(loaded);
    return loaded;
  }

  /** The config file's problems as one diagnostic on it (once per distinct set of problems). */
  private publishProblems(loaded: LoadedConfig): void {
    const uri = pathToFileURL(loaded.path).href;
    if (loaded.problems.length === 0) {
      if (this.published.has(uri)) {
        this.published.delete(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      return;
    }
    const messages = this.messages();
    const message = messages.configInvalid({
      file: path.basename(loaded.path),
      problems: loaded.problems.map((problem) => messages.configProblem({ problem })),
    });
    if (this.published.get(uri) === message) return;
    this.published.set(uri, message);
    const lines = new LineIndex(loaded.text);
    const at = problemOffset(loaded.text, loaded.problems[0]!);
    const range = lines.rangeOf({ start: at, end: Math.min(loaded.text.length, at + 1) });
    void this.connection.sendDiagnostics({ uri, diagnostics: [{ range, severity: 1, source: 'govreport', code: 'config', message }] });
  }

  /** After config files changed: the published problems are looked at again (cleared when the file is fixed or gone). */
  private refreshPublished(): void {
    for (const uri of [...this.published.keys()]) {
      let file: string;
      try {
        file = fileURLToPath(uri);
      } catch {
        continue;
      }
      if (this.files.find(path.dirname(file)) === file) this.publishProblems(this.files.load(file));
      else {
        this.published.delete(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }
}

/** Where in the config file's text a problem is: the syntax error's position, or the key's first mention. */
function problemOffset(text: string, problem: ConfigProblem): number {
  if (problem.kind === 'syntax') return Math.min(problem.offset ?? 0, text.length);
  if (problem.kind === 'unknown-key' || problem.kind === 'unknown-rule' || problem.kind === 'bad-level') {
    const at = text.indexOf(JSON.stringify(problem.key));
    if (at >= 0) return at;
  }
  if (problem.kind === 'rules-not-object') {
    const at = text.indexOf('"rules"');
    if (at >= 0) return at;
  }
  return 0;
}
