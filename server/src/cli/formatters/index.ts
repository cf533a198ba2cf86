/**
 * Output formats of `govreport check`, one module each. A formatter renders the results for stdout;
 * notices and the summary go to stderr (cli.ts), so that stdout stays parseable.
 */
import type { Formatter, StreamingFormatter } from './options';
import { formatHtml } from './html';
import { formatJson, streamJson } from './json';
import { formatSarif, streamSarif } from './sarif';
import { formatSummary } from './summary';
import { formatText, streamText } from './text';

export type { FormatOptions, Formatter, FormatStream, RunInfo, StreamingFormatter } from './options';

/** The formats written a file at a time (the others need every report first: the verdict page's and summary's layout). */
export const STREAMING_FORMATTERS = {
  text: streamText,
  json: streamJson,
  sarif: streamSarif,
} as const satisfies Record<string, StreamingFormatter>;

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

/** Whether a format is written a file at a time. */
export function isStreamingFormat(name: FormatName): name is keyof typeof STREAMING_FORMATTERS {
  return Object.prototype.hasOwnProperty.call(STREAMING_FORMATTERS, name);
}
