#!/usr/bin/env node
// npm run test:vscode — runs the mocha suite in test/vscode/ inside a real VS Code with the extension
// loaded from this folder (extensionDevelopmentPath), and exits with the suite's code.
//
// It picks the editor itself:
//   1. VSCODE_EXECUTABLE set, or a VS Code already cached by @vscode/test-electron in .vscode-test/
//      -> @vscode/test-electron's runTests() (desktop VS Code; needs a display, e.g. xvfb-run, on Linux CI).
//   2. else code-server (installed by scripts/e2e/install.sh; installed on the spot if missing, Linux)
//      -> code-server on a free 127.0.0.1 port + headless Chromium driven by playwright-core; the two
//         test arguments travel in the workbench address's payload.
//   3. else one line saying why, exit 1.
// A hard overall timeout (GOVREPORT_E2E_TIMEOUT_MS, default 5 min) means it can never hang CI.
//
// Env: VSCODE_EXECUTABLE; GOVREPORT_E2E_CACHE (code-server folder); GOVREPORT_E2E_EXTENSION (extension
// folder to load instead of this project); GOVREPORT_SAMPLES (samples folder; default
// $GOVREPORT_SHARED/samples, else ../shared/samples beside the project); GOVREPORT_E2E_GREP (mocha
// --grep); GOVREPORT_E2E_TIMEOUT_MS; GOVREPORT_E2E_KEEP=1 (keep the scratch folder and code-server log);
// GOVREPORT_E2E_NO_INSTALL=1 (never run install.sh); CHROMIUM_PATH.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ROOT, SAMPLES, createRun, elapsed, ensureCodeServer, scratchFor, startWorkbench, workbenchUrl } from './e2e/codeServer.mjs';

const run = createRun('test:vscode');
const { fail, finish } = run;
const EXT = path.resolve(ROOT, process.env.GOVREPORT_E2E_EXTENSION ?? '.');
const TESTS = path.join(ROOT, 'out', 'test', 'vscode', 'index.js');
const KEEP = process.env.GOVREPORT_E2E_KEEP === '1';
/** Workbench chatter that says nothing about the suite (the marketplace lookup fails offline). */
const NOISE = [/open-vsx\.org/, /^(Resolving|Resolved) connection token/, /^Creating a socket/, /^\[Service Worker\]/,
  /^ChatSessionStore:/, /^Updating additional builtin extensions cache/];

// ---------------------------------------------------------------- preconditions
const main = JSON.parse(fs.readFileSync(path.join(EXT, 'package.json'), 'utf8')).main ?? './dist/client.js';
if (!fs.existsSync(path.join(EXT, main))) {
  fail(`${path.relative(ROOT, path.join(EXT, main)) || main} is missing: run \`npm run build\` first`);
}
if (!fs.existsSync(SAMPLES)) fail(`samples folder ${SAMPLES} not found (set GOVREPORT_SAMPLES)`);

// Compile the suite (its own tsconfig; out/test/vscode/). The output is removed again when the run
// ends: `npm test` runs `node --test out/test/`, which would load these files outside VS Code and fail
// on require('vscode'). GOVREPORT_E2E_KEEP=1 keeps them.
const SUITE_OUT = path.join(ROOT, 'out', 'test', 'vscode');
if (!KEEP) run.defer(() => fs.rmSync(SUITE_OUT, { recursive: true, force: true }));
{
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc)) fail('node_modules is missing: run `npm ci` (or scripts/e2e/install.sh)');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.vscode.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) fail('compiling test/vscode (tsconfig.vscode.json) failed');
}

const testEnv = {
  GOVREPORT_SAMPLES: SAMPLES,
  ...(process.env.GOVREPORT_E2E_GREP ? { GOVREPORT_E2E_GREP: process.env.GOVREPORT_E2E_GREP } : {}),
};

// ---------------------------------------------------------------- 1. desktop VS Code
function cachedVSCode() {
  const cache = path.join(ROOT, '.vscode-test');
  if (!fs.existsSync(cache)) return undefined;
  const dirs = fs
    .readdirSync(cache)
    .filter((d) => d.startsWith('vscode-'))
    .sort()
    .reverse();
  for (const d of dirs) {
    for (const exe of ['code', 'Code.exe', 'Visual Studio Code.app/Contents/MacOS/Electron', 'code-insiders']) {
      const p = path.join(cache, d, exe);
      if (fs.existsSync(p)) return p;
    }
  }
  return undefined;
}

async function runDesktop(vscodeExecutablePath) {
  console.log(`[e2e] desktop VS Code: ${vscodeExecutablePath}`);
  const { runTests } = await import('@vscode/test-electron');
  const scratch = scratchFor(run, 'govreport-e2e-');
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: EXT,
      extensionTestsPath: TESTS,
      extensionTestsEnv: testEnv,
      launchArgs: [
        scratch.ws,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${scratch.userData}`,
        `--extensions-dir=${scratch.extensions}`,
      ],
    });
    return 0;
  } catch (e) {
    console.error(`[e2e] ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

// ---------------------------------------------------------------- 2. code-server + Chromium
async function runCodeServer() {
  const why = ensureCodeServer();
  if (why) {
    fail(`no VS Code to test in: VSCODE_EXECUTABLE unset, none cached in .vscode-test/, and ${why}`);
  }
  const scratch = scratchFor(run, 'govreport-e2e-');
  const { server, browser, page } = await startWorkbench(run, scratch, { env: testEnv });
  console.log(`[e2e] code-server ${server.origin} (pid group ${server.pid}) and Chromium ready after ${elapsed(run.t0)}`);

  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // args are console.log's arguments (format string first), as the extension host logged them.
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (NOISE.some((re) => re.test(text))) return;
    (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(typeof code === 'number' ? code : 1);
  });
  page.on('pageerror', (e) => console.error(`[e2e] page error: ${e.message}`));

  const url = workbenchUrl(server, {
    folder: scratch.ws,
    payload: [
      ['extensionDevelopmentPath', server.remote(EXT)],
      ['extensionTestsPath', server.remote(TESTS)],
    ],
  });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  // The suite ends with codeAutomationExit; code-server dying first is a failure too.
  const died = new Promise((r) => server.child.once('exit', () => r('died')));
  const code = await Promise.race([exited, died]);
  if (code === 'died') {
    console.error(`[e2e] code-server exited during the run; its log:\n${server.logTail()}`);
    return 1;
  }
  if (code !== 0) console.error(`[e2e] code-server log: ${scratch.log}${KEEP ? '' : ' (GOVREPORT_E2E_KEEP=1 keeps it)'}`);
  await browser.close().catch(() => {});
  return code;
}

// ---------------------------------------------------------------- choose and run
try {
  const exe = process.env.VSCODE_EXECUTABLE || cachedVSCode();
  if (process.env.VSCODE_EXECUTABLE && !fs.existsSync(process.env.VSCODE_EXECUTABLE)) {
    fail(`VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE} does not exist`);
  }
  const code = exe ? await runDesktop(exe) : await runCodeServer();
  run.done();
  console.log(`[e2e] suite ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${elapsed(run.t0)}`);
  finish(code);
} catch (e) {
  run.failWith(e);
}
