/**
 * `-`: a report read from standard input. `check -` checks it like a file named on the command line
 * (its name `--stdin-filepath NAME`, else `<stdin>`, in the output; its config file looked for from
 * that name's folder). `fix -` is a filter, as `prettier --stdin-filepath` is: the fixed text goes to
 * standard output, in the encoding it came in (a GB18030 text stays GB18030), and a text that
 * cannot be fixed here (no report, an original such as a web page) goes out byte for byte as it came.
 */
import type { MessageCatalog } from '../core/messages/catalog';
import { forEachReport, STDIN_NAME, type CheckOptions, type Notice, type StdinReport } from './check';
import { encodeLike } from './encoding';
import { analysisFailed, fixLoaded } from './fix';

/** Standard input read once (a second read would find it empty), or null when it cannot be read. */
export function readStdinOnce(read: (() => Uint8Array) | undefined): () => Uint8Array | null {
  let bytes: Uint8Array | null | undefined;
  return () => {
    if (bytes === undefined) {
      try {
        bytes = read ? read() : null;
      } catch {
        bytes = null;
      }
    }
    return bytes;
  };
}

/** The stdin report for the options when `-` is among the paths (null: standard input could not be read). */
export function stdinReport(paths: readonly string[], name: string | null, read: () => Uint8Array | null): { stdin?: StdinReport | null } {
  if (!paths.includes('-')) return {};
  const bytes = read();
  return { stdin: bytes ? { name: name ?? STDIN_NAME, bytes } : null };
}

export interface StdinFixResult {
  /** What goes to standard output (nothing when the input could not be read). */
  readonly output: Uint8Array | null;
  readonly notices: readonly Notice[];
  readonly changed: boolean;
  readonly fixes: number;
}

/** `fix -`: the fixed bytes of the report on standard input. */
export function fixStdin(options: CheckOptions & { readonly messages: MessageCatalog }): StdinFixResult {
  const said: Notice[] = [];
  let output: Uint8Array | null = null;
  let changed = false;
  let fixes = 0;
  const walked = forEachReport(['-'], options, (report) => {
    const original = report.candidate.bytes ?? null;
    const outcome = fixLoaded(report, options);
    if (outcome.kind === 'fixed' && outcome.text !== report.text) {
      try {
        output = encodeLike(outcome.text, report.encoding);
        changed = true;
        fixes = outcome.fixes;
        return;
      } catch (error) {
        said.push(analysisFailed(report.candidate.path, error, options));
      }
    }
    if (outcome.kind === 'failed') said.push(outcome.notice);
    // Nothing to fix, or it failed: the input unchanged (a filter never loses what it was given).
    output = original;
  });
  return { output, notices: [...walked, ...said], changed, fixes };
}
