// Shared plumbing for the real-editor runs (scripts/test-vscode.mjs and scripts/e2e/ui-pass.mjs): one
// run's lifecycle (cleanups that happen however it ends, one-line failures, a hard timeout), finding or
// installing code-server and Chromium, starting code-server on a free loopback port with scratch dirs,
// opening its workbench in Chromium through playwright-core, and always tearing both down.
// Facts behind it: docs/e2e.md (and /work/shared/REAL-VSCODE.md on the development machine).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CS_DIR = path.resolve(
  process.env.GOVREPORT_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'govreport-e2e', 'code-server'),
);
export const CS_ENTRY = path.join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const INSTALL_SH = path.join(ROOT, 'scripts', 'e2e', 'install.sh');
/** $GOVREPORT_SAMPLES, else $GOVREPORT_SHARED/samples, else ../shared/samples beside the project. */
export const SAMPLES = path.resolve(
  ROOT,
  process.env.GOVREPORT_SAMPLES ?? path.join(process.env.GOVREPORT_SHARED ?? path.join('..', 'shared'), 'samples'),
);

/** The flags REAL-VSCODE.md found necessary; without the networking ones Chromium hammers the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** A one-line failure for CI logs, then exit. */
export class E2EError extends Error {}

/**
 * One run of a launcher: `defer(fn)` registers something to undo (run last-in first-out however the
 * run ends: normal end, failure, uncaught error, Ctrl-C, SIGTERM, the hard timeout); `fail(msg)` prints
 * `<label>: FAILED: msg` and exits 1; `finish(code)` cleans up and exits. The hard timeout
 * (GOVREPORT_E2E_TIMEOUT_MS, default 5 min) means a run can never hang CI; `done()` disarms it.
 */
export function createRun(label, { timeoutMs = Number(process.env.GOVREPORT_E2E_TIMEOUT_MS ?? 5 * 60_000) } = {}) {
  const cleanups = [];
  const cleanup = () => {
    while (cleanups.length) {
      try {
        cleanups.pop()();
      } catch {
        /* keep going */
      }
    }
  };
  const finish = (code) => {
    cleanup();
    process.exit(code);
  };
  const fail = (msg) => {
    console.error(`${label}: FAILED: ${msg}`);
    finish(1);
  };
  const failWith = (e) => fail(e instanceof E2EError ? e.message : (e?.stack ?? String(e)));
  process.on('SIGINT', () => fail('interrupted'));
  process.on('SIGTERM', () => fail('terminated'));
  process.on('uncaughtException', failWith);
  process.on('unhandledRejection', failWith);
  const timer = setTimeout(
    () => fail(`no result within ${timeoutMs / 1000} s (GOVREPORT_E2E_TIMEOUT_MS); stopped everything`),
    timeoutMs,
  );
  return {
    t0: Date.now(),
    defer: (fn) => void cleanups.push(fn),
    cleanup,
    finish,
    fail,
    failWith,
    done: () => clearTimeout(timer),
  };
}

/**
 * Scratch dirs for a run, removed when it ends (kept, and their path printed, with GOVREPORT_E2E_KEEP=1).
 * Register this before starting code-server, so that code-server is stopped before its dirs go.
 */
export function scratchFor(run, prefix, { settings = {}, keep = process.env.GOVREPORT_E2E_KEEP === '1', log = console.log } = {}) {
  const scratch = makeScratch(prefix, settings);
  run.defer(() => {
    if (keep) log(`[e2e] kept ${scratch.base}`);
    else removeScratch(scratch);
  });
  return scratch;
}

/**
 * code-server on the scratch dirs plus headless Chromium with a page, both stopped when the run ends
 * (each as a process group: code-server's extension host and language server, Chromium's helpers).
 */
export async function startWorkbench(run, scratch, { env = {}, viewport } = {}) {
  const server = await startCodeServer(scratch, { env });
  run.defer(() => server.stop());
  const { browser, context, page } = await launchChromium(viewport ? { viewport } : {});
  // Synchronous exit path (browser.close() is async): playwright starts Chromium as a process-group
  // leader, so kill the group.
  run.defer(() => killGroup(browser.process?.()));
  return { server, browser, context, page };
}

export function codeServerInstalled() {
  return fs.existsSync(CS_ENTRY) && fs.existsSync(path.join(CS_DIR, '.govreport-e2e-installed'));
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Make sure code-server and Chromium are here, running scripts/e2e/install.sh once if not (Linux only).
 * Returns undefined when ready, else the reason it could not be had.
 */
export function ensureCodeServer({ log = console.log } = {}) {
  if (codeServerInstalled() && findChromium()) return undefined;
  if (process.platform !== 'linux') return `code-server is not installed in ${CS_DIR} and scripts/e2e/install.sh only supports Linux`;
  if (process.env.GOVREPORT_E2E_NO_INSTALL === '1') {
    return `code-server is not installed in ${CS_DIR} (GOVREPORT_E2E_NO_INSTALL=1; run: bash scripts/e2e/install.sh)`;
  }
  log(`[e2e] code-server or Chromium missing; running scripts/e2e/install.sh`);
  const r = spawnSync('bash', [INSTALL_SH], { stdio: ['ignore', 'inherit', 'inherit'], cwd: ROOT });
  if (r.status !== 0) return `scripts/e2e/install.sh failed (exit ${r.status ?? r.signal}); see its output above`;
  if (!codeServerInstalled()) return `scripts/e2e/install.sh ran but code-server is still missing in ${CS_DIR}`;
  if (!findChromium()) return `no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)`;
  return undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Scratch dirs for one run (code-server otherwise writes under ~ and /tmp); `settings` go into the user settings. */
export function makeScratch(prefix = 'govreport-e2e-', settings = {}) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = {
    base,
    ws: path.join(base, 'ws'),
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    xdgConfig: path.join(base, 'xdg-config'),
    xdgData: path.join(base, 'xdg-data'),
    tmp: path.join(base, 'tmp'),
    log: path.join(base, 'code-server.log'),
  };
  for (const d of [dirs.ws, dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.tmp]) {
    fs.mkdirSync(d, { recursive: true });
  }
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no update or telemetry calls.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'git.enabled': false,
        'editor.minimap.enabled': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  return dirs;
}

/** code-server's environment: scratch XDG/TMPDIR, and no VS Code variables of a surrounding editor. */
export function codeServerEnv(dirs, extra = {}) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // VSCODE_IPC_HOOK_CLI makes code-server hand its arguments to a surrounding VS Code instead of serving.
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k === 'PASSWORD' || k === 'HASHED_PASSWORD') {
      delete env[k];
    }
  }
  return { ...env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, TMPDIR: dirs.tmp, ...extra };
}

/** `code-server --install-extension file.vsix` into the scratch extensions dir. */
export function installVsix(dirs, vsix) {
  const r = spawnSync(
    process.execPath,
    [CS_ENTRY, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { env: codeServerEnv(dirs), encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) {
    throw new E2EError(`code-server --install-extension ${path.basename(vsix)} failed: ${(r.stderr || r.stdout || '').trim().split('\n').pop()}`);
  }
  return r.stdout.trim();
}

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

/**
 * Start code-server in its own process group (so stop() takes its extension host and language
 * server down with it) and wait until it answers /healthz.
 */
export async function startCodeServer(dirs, { env: extraEnv = {}, readyTimeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const logFd = fs.openSync(dirs.log, 'a');
  const child = spawn(
    process.execPath,
    [
      CS_ENTRY,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
    ],
    { detached: true, stdio: ['ignore', logFd, logFd], env: codeServerEnv(dirs, extraEnv), cwd: dirs.base },
  );
  fs.closeSync(logFd);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const server = {
    port,
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid,
    child,
    get exited() {
      return exited;
    },
    /** vscode-remote URI of an absolute path on this machine, as the workbench payload wants it. */
    remote(p) {
      return `vscode-remote://127.0.0.1:${port}${p.split(path.sep).map(encodeURIComponent).join('/')}`;
    },
    stop: () => killGroup(child),
    logTail(n = 30) {
      try {
        return fs.readFileSync(dirs.log, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
      } catch {
        return '';
      }
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) {
      throw new E2EError(`code-server exited at start (code ${exited.code ?? exited.signal}); its log:\n${server.logTail()}`);
    }
    if ((await get(`${server.origin}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      server.stop();
      throw new E2EError(`code-server did not answer on ${server.origin} within ${readyTimeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return server;
}

/** SIGTERM the process group, SIGKILL whatever is left shortly after. Synchronous enough for exit handlers. */
export function killGroup(child) {
  if (!child || child.pid === undefined) return;
  const pid = child.pid;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** The workbench address, with a payload (array of [key, value]) such as extensionDevelopmentPath. */
export function workbenchUrl(server, { folder, payload = [] }) {
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  q.set('payload', JSON.stringify([...payload, ['skipWelcome', 'true']]));
  return `${server.origin}/?${q.toString()}`;
}

export async function launchChromium({ viewport = { width: 1600, height: 1000 } } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new E2EError('no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  // Only loopback: the workbench itself never needs anything else, so refuse the rest outright.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  const page = await context.newPage();
  return { browser, context, page };
}

/** Remove a scratch dir (code-server has to be stopped first). */
export function removeScratch(dirs) {
  try {
    fs.rmSync(dirs.base, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}

export function elapsed(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}
