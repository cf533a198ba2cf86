/**
 * The long fuzz run: `npm run fuzz -- [--count N] [--seed S] [--save DIR] [--no-shrink] [--only I]`
 * (`--only I` replays input I of the seed's sequence alone).
 * Bundled and started by scripts/fuzz.mjs. Failing inputs are shrunk and saved as JSON files in the
 * fixture format of test/fixtures/robust/ (default: out/fuzz-failures/), for promotion to fixtures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCampaign, shrink, type Failure } from '../test/robust/fuzzer';
import { loadCorpus } from '../test/robust/corpus';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

const root = path.resolve(__dirname, '..', '..');
const shared = process.env['GOVREPORT_SHARED'] ?? path.resolve(root, '..', 'shared');
const count = Number(option('count', '10000'));
const seed = Number(option('seed', String(Date.now() % 1_000_000)));
const saveDir = path.resolve(option('save', path.join(root, 'out', 'fuzz-failures')));
const doShrink = !process.argv.includes('--no-shrink');
const only = process.argv.includes('--only') ? Number(option('only', '0')) : undefined;

const corpus = loadCorpus(shared, root);
console.log(`fuzz: ${count} inputs, seed ${seed}, corpus of ${corpus.length} (${corpus.map((c) => c.name).join(', ')})`);
const started = Date.now();
const result = runCampaign({
  seed,
  count,
  corpus,
  ...(only !== undefined ? { only } : {}),
  onInput(i, r, input) {
    if (r.violations.length > 0) console.log(`  #${i} ${input.base} [${input.steps.join(', ')}]: ${r.violations.slice(0, 2).map((v) => `${v.kind}: ${v.detail}`).join('; ')}`);
    if ((i + 1) % 1000 === 0) console.log(`  … ${i + 1} inputs, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
});

function save(failure: Failure): string {
  fs.mkdirSync(saveDir, { recursive: true });
  const kind = failure.violations[0]!.kind;
  const text = doShrink ? shrink(failure.input.text, kind) : failure.input.text;
  const file = path.join(saveDir, `seed${seed}-${failure.index}-${kind}.json`);
  const fixture = {
    description: `${kind}: ${failure.violations[0]!.detail}`.slice(0, 300),
    origin: `npm run fuzz -- --seed ${seed}: input #${failure.index} from ${failure.input.base}, mutations ${failure.input.steps.join(', ')}`,
    text,
  };
  fs.writeFileSync(file, JSON.stringify(fixture, null, 1) + '\n');
  return `${file} (${failure.input.text.length} → ${text.length} code units)`;
}

const kinds = new Map<string, number>();
for (const f of result.failures) for (const v of f.violations) kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
console.log(`\n${result.inputs} inputs, ${(result.totalChars / 1e6).toFixed(1)} M code units (longest ${result.longest}), ${result.totalFindings} findings, ${result.fixesApplied} fixes applied and re-analysed, ${(result.ms / 1000).toFixed(1)} s`);
if (result.slowest) console.log(`slowest analysis per size: ${result.slowest.msPerKChar.toFixed(3)} ms per 1,000 code units (${result.slowest.ms.toFixed(1)} ms for ${result.slowest.chars}; ${result.slowest.steps.join(', ')})`);
console.log(`failing inputs: ${result.failures.length}${kinds.size > 0 ? ` (${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')})` : ''}`);
// Save one per kind of violation (shrinking every one would take long).
const savedKinds = new Set<string>();
for (const f of result.failures) {
  const kind = f.violations[0]!.kind;
  if (savedKinds.has(kind) && savedKinds.size < 20) continue;
  savedKinds.add(kind);
  console.log(`  saved ${save(f)}`);
}
process.exitCode = result.failures.length > 0 ? 1 : 0;
