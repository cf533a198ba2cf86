// Bundles the extension client, the language server and the CLI with esbuild.
import { existsSync } from 'fs';
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// A branch may not have every entry point yet: say so and build the others.
const present = bundles.filter((bundle) => {
  if (existsSync(bundle.entryPoints[0])) return true;
  console.warn(`build: ${bundle.entryPoints[0]} does not exist; ${bundle.outfile} not built`);
  return false;
});
await Promise.all(present.map((bundle) => build({ ...common, ...bundle })));
