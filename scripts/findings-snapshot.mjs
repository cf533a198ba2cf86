// `node scripts/findings-snapshot.mjs [--update]`: the findings of every fixture, example, sample and
// PDF-text report (test/support/findingsSnapshot.ts). With --update, writes test/snapshot/findings.json;
// without, compares against it and prints the first differences (exit 1 when any).
import { build } from 'esbuild';
import fs from 'fs';
import path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.GOVREPORT_SHARED ?? path.resolve(root, '..', 'shared');
const out = path.join(root, 'out', 'scripts', 'findings-snapshot.cjs');
await build({ entryPoints: [path.join(root, 'test', 'support', 'findingsSnapshot.ts')], bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', outfile: out, logLevel: 'warning' });
const { computeSnapshot, snapshotDifferences } = await import(pathToFileURL(out).href);
const file = path.join(root, 'test', 'snapshot', 'findings.json');
const got = await computeSnapshot(root, shared);
const count = Object.values(got).reduce((n, l) => n + l.length, 0);
if (process.argv.includes('--update')) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(got, null, 1) + '\n');
  console.log(`wrote ${path.relative(root, file)}: ${Object.keys(got).length} inputs, ${count} findings`);
} else {
  const diff = snapshotDifferences(JSON.parse(fs.readFileSync(file, 'utf8')), got);
  if (diff.length) { console.log(diff.join('\n')); process.exit(1); }
  console.log(`identical: ${Object.keys(got).length} inputs, ${count} findings`);
}
