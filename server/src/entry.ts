/**
 * The one bundle behind both executables (`dist/govreport.js`). `dist/cli.js` and `dist/server.js` are
 * one-line launchers that call `cli()` or `server()`; each part is loaded only when called, so the CLI
 * never evaluates the language server's libraries and the server never evaluates the CLI. One bundle
 * holds the core once instead of twice, which keeps the extension and the npm package small.
 */

/** Runs the `govreport` command line in this process. */
export function cli(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when called (see above)
  (require('./cli/cli') as typeof import('./cli/cli')).runProcess();
}

/** Starts the language server in this process (or prints its usage, as its command line asks). */
export function server(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when called (see above)
  (require('./lsp/main') as typeof import('./lsp/main')).runProcess();
}

/** A worker thread of `check --jobs N` (server/src/cli/parallel.ts starts them on this bundle). */
export function checkWorker(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when called (see above)
  (require('./cli/parallel') as typeof import('./cli/parallel')).checkWorker();
}
