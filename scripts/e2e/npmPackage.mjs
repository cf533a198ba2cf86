#!/usr/bin/env node
// The npm package as a user installs it: `npm pack` (prepack builds the production bundles), then
// `npm i -g --prefix <temp> ./govreport-<version>.tgz`, then the installed `govreport --version`, and
// the installed `dist/server.js --stdio` answering `initialize` as an LSP editor (Neovim, Emacs) starts
// it. Used by `npm run test:ui`; `node scripts/e2e/npmPackage.mjs` runs it alone.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Send `initialize` to an LSP server over stdio; resolve with its result (or reject after timeoutMs). */
export function lspInitialize(command, args, { timeoutMs = 15_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = Buffer.alloc(0);
    let stderr = '';
    const done = (err, value) => {
      clearTimeout(timer);
      child.kill();
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => done(new Error(`no initialize answer within ${timeoutMs} ms; stderr: ${stderr.trim()}`)), timeoutMs);
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => done(e));
    child.on('exit', (code) => done(new Error(`server exited (${code}) before answering; stderr: ${stderr.trim()}`)));
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const head = buf.indexOf('\r\n\r\n');
        if (head < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString('ascii'))?.[1]);
        if (buf.length < head + 4 + length) return;
        const message = JSON.parse(buf.subarray(head + 4, head + 4 + length).toString('utf8'));
        buf = buf.subarray(head + 4 + length);
        if (message.id === 1) {
          if (message.error) done(new Error(`initialize failed: ${message.error.message}`));
          else done(undefined, message.result);
          return;
        }
      }
    });
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {} },
    });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

/**
 * Pack, install globally into a temporary prefix, run. Returns { ok, lines } (what was checked, for the
 * log). Removes the tarball and the prefix afterwards.
 */
export async function checkNpmPackage({ root = ROOT } = {}) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const lines = [];
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-npm-'));
  const tgz = path.join(root, `${pkg.name}-${pkg.version}.tgz`);
  try {
    const packed = spawnSync('npm', ['pack', '--silent'], { cwd: root, encoding: 'utf8' });
    if (packed.status !== 0 || !fs.existsSync(tgz)) {
      return { ok: false, lines: [`npm pack failed: ${(packed.stderr || packed.stdout).trim().split('\n').pop()}`] };
    }
    const installed = spawnSync('npm', ['i', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tgz], { cwd: prefix, encoding: 'utf8' });
    if (installed.status !== 0) {
      return { ok: false, lines: [`npm i -g ${path.basename(tgz)} failed: ${(installed.stderr || installed.stdout).trim().split('\n').pop()}`] };
    }
    const bin = path.join(prefix, 'bin', 'govreport');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    const said = (version.stdout ?? '').trim();
    lines.push(`installed govreport --version: ${said || `(exit ${version.status}) ${version.stderr}`}`);
    const server = path.join(prefix, 'lib', 'node_modules', pkg.name, 'dist', 'server.js');
    let capabilities = [];
    try {
      const result = await lspInitialize(process.execPath, [server, '--stdio']);
      capabilities = Object.keys(result?.capabilities ?? {});
      lines.push(`installed dist/server.js --stdio answered initialize: ${capabilities.length} capabilities (${capabilities.slice(0, 4).join(', ')}, …)`);
    } catch (e) {
      lines.push(`installed dist/server.js --stdio: ${e instanceof Error ? e.message : String(e)}`);
    }
    // The installed package reads a PDF with its own copy of pdfjs (dist/vendor/), nothing else installed.
    const pdf = path.resolve(root, '..', 'shared', 'originals', '003-huaian-shi-2024.pdf');
    let pdfOk = true;
    if (fs.existsSync(pdf)) {
      const checked = spawnSync(bin, ['check', '--format', 'json', pdf], { encoding: 'utf8', cwd: prefix });
      let diagnostics = -1;
      try {
        diagnostics = JSON.parse(checked.stdout).files[0].diagnostics.length;
      } catch {
        // said below
      }
      pdfOk = checked.status === 0 && diagnostics >= 0;
      lines.push(`installed govreport check ${path.basename(pdf)}: exit ${checked.status}, ${diagnostics} diagnostics${pdfOk ? '' : ` — ${checked.stderr.trim()}`}`);
    } else lines.push(`NOT CHECKED: reading a PDF with the installed package (${pdf} is missing)`);
    const files = spawnSync('find', ['.', '-type', 'f'], { cwd: path.join(prefix, 'lib', 'node_modules', pkg.name), encoding: 'utf8' })
      .stdout.trim().split('\n').sort();
    lines.push(`package files: ${files.join(' ')}`);
    const ok = version.status === 0 && said === pkg.version && capabilities.includes('textDocumentSync') && pdfOk;
    return { ok, lines };
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
    fs.rmSync(tgz, { force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ok, lines } = await checkNpmPackage();
  console.log(lines.map((l) => `  ${l}`).join('\n'));
  console.log(ok ? 'npm package: ok' : 'npm package: FAILED');
  process.exit(ok ? 0 : 1);
}
