/**
 * `--format sarif`: SARIF 2.1.0 (OASIS), for code-scanning views (GitHub code scanning among them).
 * One run; `tool.driver.rules` is one reportingDescriptor per finding code (`CODES`), with its short
 * and full description, help and `helpUri` (the code's page, docs/rules/<code>.md) in the chosen
 * language (core/messages/ruleDocs.ts), and `defaultConfiguration.level` from the code's default
 * severity — or from the rule configuration when every report shares one (`--config`, one
 * .govreportrc.json), `enabled: false` for a code turned off. Each result names its code as `ruleId`
 * and `ruleIndex`. Locations are relative to the current folder (`/`-separated URI references);
 * regions are 1-based with columns in UTF-16 code units (`columnKind`), the same numbers as the text
 * format. Related information becomes `relatedLocations`. Files not checked are
 * `invocations[0].toolExecutionNotifications` (level note, descriptor `not-checked/<reason>`).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { levelFor, type RuleConfig } from '../../core/config';
import { SEVERITY_NUMBER, type DiagnosticShape } from '../../core/diagnostic';
import type { MessageCatalog } from '../../core/messages/catalog';
import { RULE_DOCS, ruleDocUrl, ruleText } from '../../core/messages/ruleDocs';
import { CODES, type CodeInfo } from '../../core/rules/codes';
import type { Range } from '../../core/text';
import { VERSION } from '../version';
import { wholeOutput, type StreamingFormatter } from './options';
import { zhCN } from '../../core/messages/zh-cn';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Readonly<Record<DiagnosticShape['severity'], 'error' | 'warning' | 'note'>> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

/** A path as a relative URI reference: `/`-separated, each segment percent-encoded. */
export function relativeUri(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

function region(range: Range): Record<string, number> {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** SARIF's `run.language` (RFC 5646) for a catalog's locale. */
const languageOf = (messages: MessageCatalog): string => (messages.locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

/** The reportingDescriptor of a code: its texts in the catalog's language, its page, its default level. */
export function sarifRule(info: CodeInfo, messages: MessageCatalog, config: RuleConfig | undefined): Record<string, unknown> {
  const doc = RULE_DOCS[info.code];
  const text = ruleText(info.code, messages.locale);
  const configured = config ? levelFor(info.code, config) : undefined;
  const severity = configured !== undefined && configured !== 'off' ? configured : (doc?.severity ?? 'warning');
  const rule: Record<string, unknown> = {
    id: info.code,
    shortDescription: { text: text?.short ?? info.description },
    fullDescription: { text: text?.full ?? info.description },
  };
  // The why and the how, each a full sentence already (Chinese sentences are not spaced).
  if (text) rule['help'] = { text: [text.why, text.fix].join(languageOf(messages) === 'zh-CN' ? '' : ' ') };
  rule['helpUri'] = ruleDocUrl(info.code);
  rule['defaultConfiguration'] = { level: LEVEL[SEVERITY_NUMBER[severity]], ...(configured === 'off' ? { enabled: false } : {}) };
  rule['properties'] = { tags: [info.family] };
  return rule;
}

/** Where the results go in the log as first written (the text of a JSON string no message can hold). */
const RESULTS = '\u0000results\u0000';

/**
 * Written a file at a time: the log with `results` left out is written first, its results then one
 * by one, indented as `JSON.stringify(log, null, 2)` would indent them (the same bytes).
 */
export const streamSarif: StreamingFormatter = (run, options) => {
  const cwd = options.cwd ?? process.cwd();
  const messages = options.messages ?? zhCN;
  const index = new Map(CODES.map((c, i) => [c.code, i]));
  const rules = CODES.map((c) => sarifRule(c, messages, run.config));
  const uriOf = (uri: string): string => {
    if (!uri.startsWith('file:')) return uri;
    try {
      return relativeUri(fileURLToPath(uri), cwd);
    } catch {
      return uri;
    }
  };
  // Files not checked: one notification each (a report is never skipped without a word).
  const toolExecutionNotifications = (run.notChecked ?? []).map((n) => ({
    level: 'note',
    descriptor: { id: `not-checked/${n.reason}` },
    message: { text: messages.cliNotCheckedItem({ path: n.path, reason: n.reason }) },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(n.path, cwd) } } }],
  }));
  const executionSuccessful = !run.notices.some((n) => n.level === 'error');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'govreport', version: VERSION, rules } },
        language: languageOf(messages),
        invocations: [{ executionSuccessful, toolExecutionNotifications }],
        columnKind: 'utf16CodeUnits',
        results: RESULTS,
      },
    ],
  };
  const [head, tail] = JSON.stringify(log, null, 2).split(JSON.stringify(RESULTS)) as [string, string];
  /** A result at its depth in the log (runs[0].results[i]: eight spaces). */
  const indented = (entry: unknown): string => JSON.stringify(entry, null, 2).replace(/^/gmu, '        ');
  let written = 0;
  return {
    head: `${head}[`,
    file: (file) => {
      const artifactLocation = { uri: relativeUri(file.path, cwd) };
      let out = '';
      for (const d of file.diagnostics) {
        const entry: Record<string, unknown> = {
          ruleId: d.code,
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
        };
        const ruleIndex = index.get(d.code);
        if (ruleIndex !== undefined) entry['ruleIndex'] = ruleIndex;
        if (d.relatedInformation && d.relatedInformation.length > 0) {
          entry['relatedLocations'] = d.relatedInformation.map((r, id) => ({
            id,
            message: { text: r.message },
            physicalLocation: { artifactLocation: { uri: r.location.uri === file.uri ? artifactLocation.uri : uriOf(r.location.uri) }, region: region(r.location.range) },
          }));
        }
        out += `${written++ > 0 ? ',' : ''}\n${indented(entry)}`;
      }
      return out;
    },
    tail: () => `${written > 0 ? '\n      ' : ''}]${tail}\n`,
  };
};

/** The whole output at once. */
export const formatSarif = wholeOutput(streamSarif);
