/**
 * "Exit 2 within a second" on a shared machine: what a fault may take is measured beyond what the
 * same CLI takes to start, answer `--version` and exit, timed right after in the same conditions.
 * Node's start-up and the bundle's load vary with the machine's load (2–5× on a busy CI runner);
 * a fault that blocks (reading a FIFO, /dev/zero) or retries does not, and still fails the bound.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';

/** The fastest of three runs of `CLI --version`, in milliseconds (the floor the load leaves). */
export function cliStartupMs(cli: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8', timeout: 10_000 });
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Asserts that a run of `cli` took at most `budget` ms more than the CLI's own start-up. */
export function assertWithinBudget(ms: number, cli: string, budget = 1000): void {
  const startup = cliStartupMs(cli);
  assert.ok(ms - startup <= budget, `${ms.toFixed(0)} ms, of which ${startup.toFixed(0)} ms the CLI's own start-up (budget ${budget} ms beyond it)`);
}
