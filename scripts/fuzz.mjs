// The long fuzz run over the core: bundles scripts/fuzz-main.ts with esbuild and runs it.
// `npm run fuzz -- --count 10000 --seed 1`; see scripts/fuzz-main.ts for the options.
import { build } from 'esbuild';
import { spawnSync } from 'child_process';
import { fileURLToPath } from 'url';
import path from 'path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out', 'scripts', 'fuzz-main.js');
await build({ entryPoints: [path.join(root, 'scripts', 'fuzz-main.ts')], bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', outfile, sourcemap: true, logLevel: 'warning' });
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
