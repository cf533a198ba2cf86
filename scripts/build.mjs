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
  // ES module builds first: jsonc-parser's UMD build requires its parts by computed names, which
  // no bundler follows (its ESM build is what VS Code's own extensions bundle).
  mainFields: ['module', 'main'],
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
// The PDF engine (pdfjs-dist, an ES module) is not bundled: it is copied beside the bundle and
// loaded only when a PDF is read (server/src/core/read/pdf.ts), with the character maps of Chinese
// (GB) fonts, which a PDF whose fonts carry no Unicode map of their own needs for its text.
const PDFJS = 'node_modules/pdfjs-dist';
fs.rmSync('dist/vendor', { recursive: true, force: true });
fs.mkdirSync('dist/vendor/cmaps', { recursive: true });
for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) fs.copyFileSync(`${PDFJS}/legacy/build/${file}`, `dist/vendor/${file}`);
fs.copyFileSync(`${PDFJS}/LICENSE`, 'dist/vendor/LICENSE.pdfjs.txt');
for (const file of fs.readdirSync(`${PDFJS}/cmaps`)) {
  if (/^(Adobe-GB1-.*|GB.*|UniGB-.*)\.bcmap$/u.test(file)) fs.copyFileSync(`${PDFJS}/cmaps/${file}`, `dist/vendor/cmaps/${file}`);
}
// exceljs (xlsx for `extract --format xlsx`) is bundled on its own, as CommonJS (its dependencies
// require node's modules dynamically, which an ES module bundle cannot), minified whatever the build,
// with its dependencies' licences kept at its end; server/src/cli/extractData.ts loads it only when
// an xlsx is written.
await build({
  entryPoints: ['node_modules/exceljs/excel.js'], outfile: 'dist/vendor/exceljs.min.js', bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', minify: true, legalComments: 'eof', logLevel: 'warning',
});
fs.copyFileSync('node_modules/exceljs/LICENSE', 'dist/vendor/LICENSE.exceljs.txt');
for (const [file, text] of Object.entries(LAUNCHERS)) {
  fs.rmSync(`${file}.map`, { force: true });
  fs.writeFileSync(file, text, { mode: file === 'dist/cli.js' ? 0o755 : 0o644 });
}
