/**
 * Standard output written as a command-line tool's should be: each chunk out before the next is
 * made. Node's `process.stdout` on a pipe is asynchronous on Linux as elsewhere: a check writing a
 * folder's JSON into `| jq` faster than jq reads it queued all of it in memory (1.1 GB at the peak
 * over 10,000 reports, against 0.36 GB into a file). Here a write waits while the pipe is full, so
 * memory stays what it is however slowly the reader reads.
 */
import * as fs from 'node:fs';

/** A cell to wait on: nothing ever wakes it, so Atomics.wait sleeps its full timeout. */
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** How long to wait for a full pipe to drain before trying again, in ms. */
const FULL_PIPE_WAIT_MS = 1;

/**
 * Writes all of `data` to the file descriptor now. A pipe libuv has made non-blocking answers
 * EAGAIN when full: then this waits and tries again. Other errors (EPIPE when the reader has gone)
 * are thrown.
 */
export function writeFully(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let written = 0;
  while (written < bytes.length) {
    try {
      written += fs.writeSync(fd, bytes, written, bytes.length - written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, FULL_PIPE_WAIT_MS);
    }
  }
}
