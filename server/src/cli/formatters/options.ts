/** What every output format is given (apart from the registry in index.ts, which imports the formats). */
import type { MessageCatalog } from '../../core/messages/catalog';
import type { CheckedFile, CheckResult } from '../check';

export interface FormatOptions {
  /** ANSI colours (only when stdout is a terminal and NO_COLOR is not set). */
  readonly color: boolean;
  /** The folder paths are made relative to where a format wants relative locations (SARIF). */
  readonly cwd?: string;
  /** The catalog for words the output writes itself (a place in an original: `[第2页 表1 第5行 第3列]`). */
  readonly messages?: MessageCatalog;
}

export type Formatter = (result: CheckResult, options: FormatOptions) => string;

/** What a run is apart from its files: all known before the first file is written (pass 1 found it). */
export type RunInfo = Omit<CheckResult, 'files'>;

/** A format written a file at a time (the CLI streams: memory does not grow with the folder). */
export interface FormatStream {
  readonly head: string;
  file(file: CheckedFile): string;
  tail(): string;
}

export type StreamingFormatter = (run: RunInfo, options: FormatOptions) => FormatStream;

/** A streaming format's whole output at once: the same bytes as streamed. */
export function wholeOutput(format: StreamingFormatter): Formatter {
  return (result, options) => {
    const stream = format(result, options);
    let out = stream.head;
    for (const file of result.files) out += stream.file(file);
    return out + stream.tail();
  };
}
