/**
 * Entry point of the real-editor suite, as @vscode/test-electron (and the code-server launcher in
 * scripts/test-vscode.mjs, which passes the same extensionTestsPath) expects: export `run()`, resolve
 * when every test passed, reject otherwise.
 */
/// <reference types="mocha" />
import * as fs from 'node:fs';
import * as path from 'node:path';

type MochaCtor = new (options?: Mocha.MochaOptions) => Mocha;

async function loadMocha(): Promise<MochaCtor> {
  // mocha 12 is ESM-only. Node >= 20.19 (code-server's extension host) can require() it; an older
  // Electron cannot, so fall back to a real dynamic import (TypeScript would turn a plain `import()`
  // into require() under module=commonjs).
  let m: { default?: MochaCtor } & MochaCtor;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment -- mocha 11+ may be ESM only (see below)
    m = require('mocha');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'ERR_REQUIRE_ESM' && code !== 'ERR_REQUIRE_ASYNC_MODULE') throw err;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a real import() that the CommonJS compile would turn into require()
    const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<typeof m>;
    m = await dynamicImport('mocha');
  }
  return m.default ?? m;
}

export async function run(): Promise<void> {
  const Mocha = await loadMocha();
  const grep = process.env['GOVREPORT_E2E_GREP'];
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env['GOVREPORT_E2E_TEST_TIMEOUT_MS'] ?? 60_000),
    ...(grep ? { grep } : {}),
  });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  }
  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
