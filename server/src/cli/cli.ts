/**
 * The `govreport` executable (launched by dist/cli.js through server/src/entry.ts): binds main.ts to
 * the process. The exit status is 0, 1 or 2 and nothing else, whatever happens.
 */
import * as fs from 'node:fs';
import { debugOption } from './args';
import { writeFully } from './blockingWrite';
import { chooseMessages, internalError, runReadingOriginals } from './main';

/** Runs the command line of this process, with its streams, and sets its exit status. */
export function runProcess(): void {
  let status: number = 0;

  const exitOnFailure = (error: unknown): void => {
    const args = process.argv.slice(2);
    process.exit(internalError(error, { stderr: (text) => process.stderr.write(text) }, chooseMessages(args, process.env), debugOption(args)));
  };
  process.on('uncaughtException', exitOnFailure);
  process.on('unhandledRejection', exitOnFailure);

  // A reader that stops early (`govreport check . | head`) closes the pipe: not our failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(status);
    else exitOnFailure(error);
  });
  process.stderr.on('error', () => process.exit(status));

  // Written now, waiting while a pipe is full (./blockingWrite.ts); a reader gone is EPIPE, as above.
  const stdout = (data: string | Uint8Array): void => {
    try {
      writeFully(1, data);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(status);
      throw error;
    }
  };
  void runReadingOriginals(process.argv.slice(2), {
    stdout,
    stdoutBytes: stdout,
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY,
    stderrIsTTY: process.stderr.isTTY,
    env: process.env,
    readStdin: () => fs.readFileSync(0),
  }).then((exit) => {
    status = exit;
    process.exitCode = exit;
  }, exitOnFailure);
}
