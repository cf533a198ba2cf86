/**
 * Output formats of `govreport check`, one module each. A formatter renders the results for stdout;
 * notices and the summary go to stderr (cli.ts), so that stdout stays parseable.
 */
import type { MessageCatalog } from '../../core/messages/catalog';
import type { CheckResult } from '../check';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export interface FormatOptions {
  /** ANSI colours (only when stdout is a terminal and NO_COLOR is not set). */
  readonly color: boolean;
  /** The folder paths are made relative to where a format wants relative locations (SARIF). */
  readonly cwd?: string;
  /** The catalog for words the output writes itself (a place in an original: `[第2页 表1 第5行 第3列]`). */
  readonly messages?: MessageCatalog;
}

export type Formatter = (result: CheckResult, options: FormatOptions) => string;

export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}
