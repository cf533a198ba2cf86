/**
 * Rule configuration: which codes are off and which report at another severity. Given by the
 * editor's `govreport.rules` setting and by a `.govreportrc.json` config file; read here (pure: the
 * callers read the files) and applied in one place, `applyRuleConfig`, by the language server and
 * the CLI alike.
 *
 * A key is a code (`text.year`, `sum.row`) or a family (`sum`, `structure`); for a finding the most
 * specific key that names its code wins (the code itself, then the longest family). Where the
 * settings and the config file name the same key, the config file's value wins.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { ConfigProblem } from './configProblem';
import type { Finding, Severity } from './findings';
import { isTableLayoutOption, TABLE_LAYOUT_OPTIONS, type TableLayoutOption } from './features/formatting';
import { CODES, FAMILIES } from './rules/codes';

export type RuleLevel = 'off' | Severity;
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'information', 'hint'];

export interface RuleConfig {
  /** Code or family → level. */
  readonly rules: Readonly<Record<string, RuleLevel>>;
}

export const EMPTY_CONFIG: RuleConfig = { rules: {} };

/** The name of the config file, looked for in a report's folder and every folder above it. */
export const CONFIG_FILE_NAME = '.govreportrc.json';

export type { ConfigProblem } from './configProblem';

export interface ReadConfig {
  /** What could be read: valid entries are kept even when others are not. */
  readonly config: RuleConfig;
  readonly problems: readonly ConfigProblem[];
  /** The layout formatting writes tables in (`tableLayout`), when the file names a valid one. */
  readonly tableLayout?: TableLayoutOption;
}

const KNOWN_KEYS = new Set<string>([...CODES.map((c) => c.code), ...FAMILIES]);

/** Whether a key names a code or a family. */
export function isRuleKey(key: string): boolean {
  return KNOWN_KEYS.has(key);
}

function isLevel(value: unknown): value is RuleLevel {
  return typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value);
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify gives undefined for undefined and functions, whatever its type says
const describe = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

/**
 * Reads a `rules` object (from the setting or the config file). Unknown keys and bad levels are
 * problems and left out; the rest is kept. `undefined` and `null` are an empty configuration.
 */
export function readRules(value: unknown): ReadConfig {
  if (value === undefined || value === null) return { config: EMPTY_CONFIG, problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) return { config: EMPTY_CONFIG, problems: [{ kind: 'rules-not-object' }] };
  const rules: Record<string, RuleLevel> = {};
  const problems: ConfigProblem[] = [];
  for (const [key, level] of Object.entries(value as Record<string, unknown>)) {
    if (!isRuleKey(key)) problems.push({ kind: 'unknown-rule', key });
    else if (!isLevel(level)) problems.push({ kind: 'bad-level', key, value: describe(level) });
    else rules[key] = level;
  }
  return { config: { rules }, problems };
}

/**
 * Reads the text of a config file: `{"$schema"?: …, "rules"?: {…}}`, as VS Code reads its own JSON
 * settings — comments and trailing commas allowed (jsonc-parser, VS Code's own reader). A syntax
 * error applies nothing. Never throws.
 */
export function parseConfigFile(text: string): ReadConfig {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text.replace(/^\uFEFF/u, ''), errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    // The offset is in the text as read (a byte-order mark counts as one).
    const offset = first.offset + (text.startsWith('\uFEFF') ? 1 : 0);
    return { config: EMPTY_CONFIG, problems: [{ kind: 'syntax', detail: printParseErrorCode(first.error), offset }] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { config: EMPTY_CONFIG, problems: [{ kind: 'not-object' }] };
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(value)) if (key !== 'rules' && key !== '$schema' && key !== 'tableLayout') problems.push({ kind: 'unknown-key', key });
  const rules = readRules((value as Record<string, unknown>)['rules']);
  const layout = (value as Record<string, unknown>)['tableLayout'];
  return { config: rules.config, problems: [...problems, ...rules.problems], ...(isTableLayoutOption(layout) ? { tableLayout: layout } : {}) };
}

/** The settings' rules overlaid with the config file's (the file wins on a key both name). */
export function mergeRuleConfigs(settings: RuleConfig, file: RuleConfig): RuleConfig {
  return { rules: { ...settings.rules, ...file.rules } };
}

/** The level the configuration gives a code: its own key, else its longest family; undefined when none. */
export function levelFor(code: string, config: RuleConfig): RuleLevel | undefined {
  const own = Object.prototype.hasOwnProperty.call(config.rules, code) ? config.rules[code] : undefined;
  if (own) return own;
  const parts = code.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const family = parts.slice(0, n).join('.');
    if (Object.prototype.hasOwnProperty.call(config.rules, family)) return config.rules[family];
  }
  return undefined;
}

/** The findings as configured: those switched off left out, the others at their configured severity. */
export function applyRuleConfig(findings: readonly Finding[], config: RuleConfig): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const level = levelFor(finding.code, config);
    if (level === 'off') continue;
    result.push(level === undefined || level === finding.severity ? finding : { ...finding, severity: level });
  }
  return result;
}

/** Whether any finding of this code would be shown (for fix-all: no fixes of a rule switched off). */
export function isEnabled(code: string, config: RuleConfig): boolean {
  return levelFor(code, config) !== 'off';
}

/** The JSON schema of `.govreportrc.json` (schemas/govreportrc.schema.json is this, written out). */
export function configSchema(): unknown {
  const level = { type: 'string', enum: RULE_LEVELS };
  const properties: Record<string, unknown> = {};
  for (const family of FAMILIES) {
    properties[family] = { ...level, description: `Every ${family}.* code (所有 ${family}.* 代码)` };
  }
  for (const c of CODES) properties[c.code] = { ...level, description: c.description };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://govreport.invalid/schemas/govreportrc.schema.json',
    title: 'govreport config file (.govreportrc.json)',
    description: 'Rules for the government information disclosure annual reports in this folder and the folders below it (政府信息公开年报检查配置).',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      tableLayout: {
        type: 'string',
        enum: TABLE_LAYOUT_OPTIONS,
        default: 'auto',
        description: 'The layout formatting writes the tables in: auto (the document\'s own), cell-per-line, pipe or markdown (格式化表格时使用的版式).',
      },
      rules: {
        type: 'object',
        description: 'A diagnostic code or a family → off, error, warning, information or hint; the most specific key wins (诊断代码或类别 → 关闭或严重程度).',
        properties,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

/**
 * The `properties` of the `govreport.rules` setting in package.json (every family and code, so that
 * settings.json completes them; descriptions are in the config file's schema only, since every
 * string of the manifest is translated through package.nls*.json).
 */
export function settingsRulesProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const key of [...FAMILIES, ...CODES.map((c) => c.code)]) properties[key] = { type: 'string', enum: RULE_LEVELS };
  return properties;
}
