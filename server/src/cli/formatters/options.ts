/** What every output format is given (apart from the registry in index.ts, which imports the formats). */
import type { MessageCatalog } from '../../core/messages/catalog';
import type { CheckResult } from '../check';

export interface FormatOptions {
  /** ANSI colours (only when stdout is a terminal and NO_COLOR is not set). */
  readonly color: boolean;
  /** The folder paths are made relative to where a format wants relative locations (SARIF). */
  readonly cwd?: string;
  /** The catalog for words the output writes itself (a place in an original: `[第2页 表1 第5行 第3列]`). */
  readonly messages?: MessageCatalog;
}

export type Formatter = (result: CheckResult, options: FormatOptions) => string;
