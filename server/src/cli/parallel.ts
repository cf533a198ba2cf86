/**
 * `check --jobs N`: pass 1 of a check (read, analyse, reduce each report to its outcome:
 * ./outcomes.ts) in N threads (this one and N − 1 workers), the outcomes settled in path order as they come back, so
 * everything after — notices, pairing, pass 2, the output — is what one thread would have made, byte
 * for byte.
 *
 * This thread is one of the N: it starts N − 1 workers and reads candidates itself between their
 * replies (it would otherwise wait idle for them, and a worker's start — loading the bundle, warming
 * its code — is the dearest part of a thread for a folder of a thousand reports).
 *
 * The workers run this very module (the bundle, or tsc's output in tests): `checkWorker` is their
 * entry. They are handed a candidate and its report's configuration at a time, at most `WINDOW`
 * candidates ahead of the first not yet settled, so memory holds a bounded number of outcomes in flight
 * whatever the folder's size. A folder too small to repay starting threads is read in this thread.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RuleConfig } from '../core/config';
import { catalogFor } from '../core/messages';
import { collectInThisThread, collectOutcomes, OutcomeCollector, readOutcome, type CandidateOutcome, type CheckOptions, type Collected } from './check';
import type { Candidate } from './files';

/** With `--jobs N` given: fewer files than this per thread are read in this thread (a worker's start, loading the bundle, costs more). */
export const MIN_FILES_PER_THREAD = 64;
/**
 * Without `--jobs`: a worker only when every thread gets this many files. On this 2-core machine a
 * second thread was slower than one up to 4,000 reports (1,000: 1.5–1.6 s against 1.9–2.1 s; 4,000:
 * 4.1–4.4 against 4.5–5.3 s), even at 10,000 (13.1–14.5 against 12.3–14.9 s), and pays at 100,000:
 * each thread pays its own start and JIT warm-up, and V8's collector and compiler threads use the
 * second core already.
 */
export const MIN_FILES_PER_THREAD_BY_DEFAULT = 5000;
/**
 * A worker's young generation, in MB. V8 lets it grow to 48 MB under the allocation rate of an
 * analysis; 12 MB (4 MB semi-spaces) keeps a worker's resident set about 40 MB smaller at the same
 * speed (measured over 2,000 reports: 300 → 223 MB peak for two workers, time within noise).
 */
const WORKER_YOUNG_GENERATION_MB = 12;
/** Candidates handed out beyond the first not yet settled. */
const WINDOW = 64;
/** Candidates each worker holds at once (one working, the next waiting), so none waits on a round trip. */
const PER_WORKER = 2;

/** What a worker is told at its start. */
interface WorkerSetup {
  readonly govreportCheckWorker: true;
  readonly locale: string;
  readonly maxSize: number;
  readonly debug: boolean;
}

interface Job {
  readonly index: number;
  readonly candidate: Candidate;
  readonly config: RuleConfig;
}

type Reply = { readonly index: number; readonly outcome: CandidateOutcome } | { readonly index: number; readonly failure: string };

/**
 * Pass 1 in `jobs` threads. Reports an asynchronous reader has read already (PDF, `options.originals`),
 * and every report when the analyses are to be kept (`keepAnalyses`), are read in this thread.
 */
export async function collectInParallel(paths: readonly string[], options: CheckOptions, jobs: number, minFilesPerThread = MIN_FILES_PER_THREAD): Promise<Collected> {
  const collector = new OutcomeCollector(paths, options);
  const { candidates } = collector.walk;
  const threads = options.keepAnalyses ? 1 : Math.min(jobs, Math.floor(candidates.length / minFilesPerThread));
  if (threads <= 1) return collectInThisThread(collector);
  const here = (candidate: Candidate): boolean => options.originals?.has(candidate.path) === true;
  const setup: WorkerSetup = { govreportCheckWorker: true, locale: options.messages.locale, maxSize: options.maxSize, debug: options.debug === true };
  const workers = Array.from(
    { length: threads - 1 },
    () => new Worker(`require(${JSON.stringify(__filename)}).checkWorker();`, { eval: true, workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
  );
  const done = new Map<number, CandidateOutcome>();
  let next = 0;
  let settled = 0;
  let collected: Collected | null = null;
  try {
    await new Promise<void>((resolve, fail) => {
      // After a failure, replies still on their way settle nothing (the check starts again in this thread).
      let failed = false;
      const reject = (error: unknown): void => {
        failed = true;
        fail(error instanceof Error ? error : new Error(String(error)));
      };
      const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
      /** A candidate is left to hand out, within the window. */
      const roomAhead = (): boolean => next < candidates.length && next < settled + WINDOW;
      const handOut = (): void => {
        for (const worker of workers) {
          while (busy.get(worker)! < PER_WORKER && roomAhead()) {
            const index = next++;
            const candidate = candidates[index]!;
            if (here(candidate)) continue;
            busy.set(worker, busy.get(worker)! + 1);
            worker.postMessage({ index, candidate, config: collector.walk.configFor(candidate) } satisfies Job);
          }
        }
      };
      // This thread's own share: one candidate per turn of the event loop, after the workers have
      // been handed theirs (so none waits on this thread's analysis), while the window has room.
      let ownTurnPending = false;
      const ownTurn = (): void => {
        ownTurnPending = false;
        if (failed || settled === candidates.length) return;
        try {
          handOut();
          if (roomAhead()) {
            const index = next++;
            const candidate = candidates[index]!;
            // A candidate read here already (`here`) is settled from its reading by `settle`.
            if (!here(candidate)) done.set(index, readOutcome(candidate, collector.walk.configFor(candidate), options));
          }
          settle();
        } catch (error) {
          reject(error);
        }
      };
      const wake = (): void => {
        if (ownTurnPending || failed || !roomAhead()) return;
        ownTurnPending = true;
        setImmediate(ownTurn);
      };
      const settle = (): void => {
        while (settled < candidates.length) {
          const candidate = candidates[settled]!;
          let outcome = done.get(settled);
          if (!outcome && here(candidate) && settled < next) outcome = readOutcome(candidate, collector.walk.configFor(candidate), options);
          if (!outcome) break;
          done.delete(settled);
          collector.settle(candidate, outcome);
          settled++;
        }
        if (settled === candidates.length) resolve();
        else {
          handOut();
          wake();
        }
      };
      for (const worker of workers) {
        worker.on('message', (reply: Reply) => {
          if (failed) return;
          busy.set(worker, busy.get(worker)! - 1);
          if ('failure' in reply) {
            reject(new Error(reply.failure));
            return;
          }
          done.set(reply.index, reply.outcome);
          try {
            settle();
          } catch (error) {
            reject(error);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (settled < candidates.length) reject(new Error(`a worker thread stopped (exit code ${code}) before the check was done`));
        });
      }
      handOut();
      settle();
    });
    collected = collector.finish(threads);
  } catch {
    // A thread that could not start or stopped (memory, a resource limit): the check is made again in
    // this thread, from the start — the same output, later. (A report whose analysis fails is not
    // this: the reader says so in its notice, in any thread.)
  }
  await Promise.all(workers.map((w) => w.terminate()));
  if (!collected) collector.store.close();
  return collected ?? collectOutcomes(paths, options);
}

/** A worker thread's entry: reads and analyses the candidates it is handed, one reply each. */
export function checkWorker(): void {
  if (isMainThread || !parentPort) throw new Error('checkWorker runs in a worker thread');
  const setup = workerData as WorkerSetup;
  const options: CheckOptions = { messages: catalogFor(setup.locale), maxSize: setup.maxSize, debug: setup.debug };
  const port = parentPort;
  port.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { index: job.index, outcome: readOutcome(job.candidate, job.config, options) };
    } catch (error) {
      reply = { index: job.index, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    port.postMessage(reply);
  });
}
