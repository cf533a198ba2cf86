/**
 * `dist/server.js` (through server/src/entry.ts): looks at the command line before anything starts. Without a way to reach a
 * client (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`), or with `--help`, it prints its usage
 * (exit 2, or 0 for --help); `--version` prints the version. Only then is the server loaded, so a
 * mistaken start never ends in a stack trace.
 */
import { catalogFor, localeFromEnv } from '../core/messages';
import { VERSION } from '../cli/version';

const TRANSPORT = /^--(?:stdio|node-ipc|socket=\d+|pipe=.+)$/u;

/** What the command line asks for: to serve, or to print something and exit with a status. */
export function startup(argv: readonly string[]): { readonly serve: true } | { readonly serve: false; readonly output: string; readonly status: number } {
  if (argv.includes('--version') || argv.includes('-v')) return { serve: false, output: `${VERSION}\n`, status: 0 };
  const usage = catalogFor(localeFromEnv(process.env)).serverUsage({ version: VERSION });
  if (argv.includes('--help') || argv.includes('-h')) return { serve: false, output: usage, status: 0 };
  if (!argv.some((a) => TRANSPORT.test(a))) return { serve: false, output: usage, status: 2 };
  return { serve: true };
}

/** Serves, or prints what the command line asks for: the body of `dist/server.js`. */
export function runProcess(): void {
  const start = startup(process.argv.slice(2));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's libraries are evaluated only when it serves
  if (start.serve) require('./server');
  else {
    (start.status === 0 ? process.stdout : process.stderr).write(start.output);
    process.exitCode = start.status;
  }
}
