// `node scripts/library-decisions.mjs`: the measurements behind docs/architecture.md's "hand-written
// or a library" decisions, re-runnable. Compares, where the library is present in node_modules (they
// arrive as dependencies of the packaging tools; none is a dependency of govreport):
//   - the GB18030 encoder (server/src/cli/encoding.ts) with iconv-lite, on every code point;
//   - the unified diff (server/src/core/fix.ts) with jsdiff, on the fixes of every sample and PDF text;
//   - the size each library would add to the bundle (esbuild, minified).
// Needs `npx tsc -p .` first (it loads out/).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const shared = process.env.GOVREPORT_SHARED ?? path.resolve(root, '..', 'shared');
const { encodeLike } = require(path.join(root, 'out/server/src/cli/encoding.js'));
const { fixAll, unifiedDiff } = require(path.join(root, 'out/server/src/core/fix.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** Median ms of f over runs, A and B interleaved by the caller. */
function timeBoth(a, b, runs = 15) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  return [median(ta), median(tb)];
}
async function minifiedSize(code) {
  const r = await build({ stdin: { contents: code, resolveDir: root }, bundle: true, mainFields: ['module', 'main'], platform: 'node', format: 'cjs', minify: true, write: false, logLevel: 'silent' });
  return r.outputFiles[0].contents.length;
}
const has = (name) => {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
};

const out = [];
// ---- GB18030 ----
if (has('iconv-lite')) {
  const iconv = require('iconv-lite');
  let compared = 0;
  let differ = 0;
  let roundTripOurs = 0;
  let refused = 0;
  let theirsReadBack = 0;
  const refusedExamples = [];
  const examples = [];
  const decoder = new TextDecoder('gb18030');
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    compared++;
    const theirs = iconv.encode(ch, 'gb18030');
    if (decoder.decode(theirs) === ch) theirsReadBack++;
    let ours;
    try {
      ours = Buffer.from(encodeLike(ch, 'gb18030'));
    } catch {
      refused++;
      if (refusedExamples.length < 4) refusedExamples.push(`U+${cp.toString(16).toUpperCase()} (iconv-lite writes ${theirs.toString('hex')}, which Node reads as U+${(decoder.decode(theirs).codePointAt(0) ?? 0).toString(16).toUpperCase()})`);
      continue;
    }
    if (!ours.equals(theirs)) {
      differ++;
      if (examples.length < 4) examples.push(`U+${cp.toString(16).toUpperCase()}: ours ${ours.toString('hex')}, iconv-lite ${theirs.toString('hex')}`);
    }
    if (decoder.decode(ours) === ch) roundTripOurs++;
  }
  const samples = fs.existsSync(path.join(shared, 'samples')) ? fs.readdirSync(path.join(shared, 'samples')).filter((f) => f.endsWith('.txt')) : [];
  const text = samples.map((f) => fs.readFileSync(path.join(shared, 'samples', f), 'utf8')).join('\n').repeat(20);
  encodeLike('中', 'gb18030');
  const [oursMs, theirsMs] = timeBoth(() => encodeLike(text, 'gb18030'), () => iconv.encode(text, 'gb18030'));
  const size = await minifiedSize("module.exports = require('iconv-lite').encode;");
  out.push(
    `GB18030 encoder: ${compared} code points compared with iconv-lite ${require('iconv-lite/package.json').version}: ${differ} differ${examples.length ? ` (${examples.join('; ')})` : ''}; ` +
      `ours refuses ${refused} (it writes only what Node's decoder reads back: ${refusedExamples.join('; ')}) and decodes back to the same character for ${roundTripOurs}; ` +
      `iconv-lite's bytes read back through Node's decoder as the same character for ${theirsReadBack} of ${compared}. ` +
      `Encoding ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB of report text: ours ${oursMs.toFixed(2)} ms, iconv-lite ${theirsMs.toFixed(2)} ms (medians, interleaved). iconv-lite would add ${(size / 1024).toFixed(0)} KB minified.`,
  );
} else out.push('GB18030 encoder: NOT MEASURED (iconv-lite is not in node_modules)');

// ---- unified diff ----
if (has('diff')) {
  const jsdiff = require('diff');
  const dirs = ['samples', 'pdf-text'].map((d) => path.join(shared, d)).filter((d) => fs.existsSync(d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => path.join(d, f)));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-diff-'));
  let changed = 0;
  let oursApply = 0;
  let theirsApply = 0;
  let oursLines = 0;
  let theirsLines = 0;
  let oursMs = 0;
  let theirsMs = 0;
  const patchAvailable = spawnSync('patch', ['--version']).status === 0;
  for (const file of files) {
    const before = fs.readFileSync(file, 'utf8');
    const after = fixAll(before);
    if (after === before) continue;
    changed++;
    const ours = unifiedDiff(before, after, 'a/report.txt', 'b/report.txt');
    const theirs = jsdiff.createTwoFilesPatch('a/report.txt', 'b/report.txt', before, after, '', '', { context: 3 });
    const [a, b] = timeBoth(() => unifiedDiff(before, after, 'a/report.txt', 'b/report.txt'), () => jsdiff.createTwoFilesPatch('a/report.txt', 'b/report.txt', before, after, '', '', { context: 3 }), 5);
    oursMs += a;
    theirsMs += b;
    oursLines += ours.split('\n').length;
    theirsLines += theirs.split('\n').length;
    for (const [diff, count] of [[ours, 'ours'], [theirs, 'theirs']]) {
      let ok = jsdiff.applyPatch(before, diff) === after;
      if (ok && patchAvailable) {
        fs.writeFileSync(path.join(tmp, 'report.txt'), before);
        fs.writeFileSync(path.join(tmp, 'fix.diff'), diff);
        ok = spawnSync('patch', ['-s', '-p1', '-i', 'fix.diff'], { cwd: tmp }).status === 0 && fs.readFileSync(path.join(tmp, 'report.txt'), 'utf8') === after;
      }
      if (ok && count === 'ours') oursApply++;
      if (ok && count === 'theirs') theirsApply++;
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const size = await minifiedSize("module.exports = require('diff').createTwoFilesPatch;");
  out.push(
    `Unified diff: ${changed} reports with fixes (samples and PDF texts); ours applies${patchAvailable ? ' (jsdiff applyPatch and GNU patch -p1)' : ' (jsdiff applyPatch; patch is not installed)'} for ${oursApply}, jsdiff ${require('diff/package.json').version}'s for ${theirsApply}; ` +
      `${oursLines} lines of diff against ${theirsLines}; time summed over the reports: ours ${oursMs.toFixed(2)} ms, jsdiff ${theirsMs.toFixed(2)} ms. jsdiff would add ${(size / 1024).toFixed(0)} KB minified.`,
  );
} else out.push('Unified diff: NOT MEASURED (diff is not in node_modules)');

// ---- JSON with comments ----
if (has('jsonc-parser')) {
  const size = await minifiedSize("module.exports = require('jsonc-parser').parse;");
  out.push(`Config reader: jsonc-parser ${require('jsonc-parser/package.json').version} would add ${(size / 1024).toFixed(0)} KB minified.`);
}
console.log(out.join('\n\n'));
