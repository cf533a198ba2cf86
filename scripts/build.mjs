// Bundles the extension client and, once, the core with the language server and the CLI, with esbuild.
// dist/govreport.js is that one bundle; dist/cli.js and dist/server.js are launchers of one line each,
// so the core ships once (the extension and the npm package stay small) and each executable loads only
// its own part of it (server/src/entry.ts).
import { build } from 'esbuild';
import fs from 'node:fs';

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

/** The launchers: what `govreport` (package.json "bin") and an editor's `node dist/server.js --stdio` run. */
const LAUNCHERS = {
  'dist/cli.js': "#!/usr/bin/env node\n'use strict';\nrequire('./govreport.js').cli();\n",
  'dist/server.js': "'use strict';\nrequire('./govreport.js').server();\n",
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/entry.ts'], outfile: 'dist/govreport.js' }),
]);
for (const [file, text] of Object.entries(LAUNCHERS)) {
  fs.rmSync(`${file}.map`, { force: true });
  fs.writeFileSync(file, text, { mode: file === 'dist/cli.js' ? 0o755 : 0o644 });
}
