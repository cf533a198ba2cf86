/**
 * The progress bar of a long check: one line on standard error, redrawn in place (`\r`), erased
 * before the summary. Only where someone watches it — stderr a terminal, no CI (the `CI` variable
 * every CI service sets) — and only when the run is long: PROGRESS_MIN_FILES files or more, or
 * PROGRESS_AFTER_MS gone by. Piped or redirected output never holds it.
 */
import type { MessageCatalog } from '../core/messages/catalog';

/** From this many files on, the bar shows from the start. */
export const PROGRESS_MIN_FILES = 200;
/** A smaller run shows it once this much time has gone by. */
export const PROGRESS_AFTER_MS = 1000;
/** Redrawn at most this often (a terminal is slow to draw; 1,000 lines a second would slow the run). */
export const PROGRESS_REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressEnvironment {
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock (milliseconds), for tests. */
  readonly now?: () => number;
}

/** Whether the environment is a CI run: CI set to anything but empty, `0` or `false`. */
export function isCI(env: ProgressEnvironment['env']): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export interface Progress {
  readonly tick: (done: number, total: number) => void;
  /** Erases the bar (when it was drawn): what follows starts on a clean line. */
  readonly end: () => void;
}

/** A progress bar for this environment, or null when none is to be shown. */
export function progressBar(io: ProgressEnvironment, messages: MessageCatalog): Progress | null {
  if (io.stderrIsTTY !== true || isCI(io.env)) return null;
  const now = io.now ?? Date.now;
  const started = now();
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    tick: (done, total) => {
      const t = now();
      if (total < PROGRESS_MIN_FILES && t - started < PROGRESS_AFTER_MS) return;
      if (done < total && t - drawnAt < PROGRESS_REDRAW_MS) return;
      drawnAt = t;
      drawn = true;
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${messages.cliProgress({ done, total })}\u001b[K`);
    },
    end: () => {
      if (drawn) io.stderr('\r\u001b[K');
    },
  };
}
