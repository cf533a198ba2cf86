/**
 * Output formats of `govreport check`, one module each. A formatter renders the results for stdout;
 * notices and the summary go to stderr (cli.ts), so that stdout stays parseable.
 */
import type { Formatter } from './options';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatSummary } from './summary';
import { formatText } from './text';

export type { FormatOptions, Formatter } from './options';

export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  html: formatHtml,
  summary: formatSummary,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}
