// `node scripts/rule-docs.mjs [--update]`: the pages docs/rules/<code>.md and docs/rules/README.md,
// from server/src/core/messages/ruleDocs.ts (test/support/rulePages.ts). With --update, writes them
// (and removes a page of no code); without, says which differ (exit 1 when any).
import { build } from 'esbuild';
import fs from 'fs';
import path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out', 'scripts', 'rule-docs.cjs');
await build({ entryPoints: [path.join(root, 'test', 'support', 'rulePages.ts')], bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', outfile: out, logLevel: 'warning' });
const { rulePages } = await import(pathToFileURL(out).href);
const dir = path.join(root, 'docs', 'rules');
const pages = rulePages();
const onDisk = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
const stale = onDisk.filter((f) => !pages.has(f));
const differ = [...pages].filter(([name, text]) => !fs.existsSync(path.join(dir, name)) || fs.readFileSync(path.join(dir, name), 'utf8') !== text).map(([name]) => name);
if (process.argv.includes('--update')) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of pages) fs.writeFileSync(path.join(dir, name), text);
  for (const name of stale) fs.rmSync(path.join(dir, name));
  console.log(`docs/rules: ${pages.size} pages, ${differ.length} written, ${stale.length} removed`);
} else if (differ.length + stale.length > 0) {
  console.log([...differ.map((n) => `differs: ${n}`), ...stale.map((n) => `no code: ${n}`)].join('\n'));
  process.exit(1);
} else {
  console.log(`identical: ${pages.size} pages`);
}
