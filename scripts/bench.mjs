// `npm run bench [-- --smoke] [-- --json FILE]`: how fast the checker is, as a table. A benchmark,
// not a test: it asserts nothing (`--smoke` runs it with small sizes so that CI keeps it working).
//
// - parse + check per MB for a typical report (the samples) and generated 1 MB and 10 MB files, as a
//   ratio against the floor (splitting the same text into lines and scanning every character once),
//   measured in the same process (scripts/bench-core.ts);
// - didChange → publishDiagnostics through the real server over stdio, for a one-character edit;
// - server start to first diagnostics; bundle sizes; peak memory; the CLI over 1,000 report files.
// - peers, in the same run: markdown-it's parse of the same bytes (interleaved with the analysis and
//   the floor), and a bare vscode-languageserver server (scripts/bench-bare-server.ts) answering the
//   same edits, A B A B, as the edit baseline;
// - with `--scale` (never in --smoke): the CLI over 10,000 and 100,000 generated report files, whole
//   process: time, files per second, peak memory (`--scale=N,M…` for other counts).
import { build } from 'esbuild';
import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const smoke = process.argv.includes('--smoke');
const jsonOut = (() => {
  const i = process.argv.indexOf('--json');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const scaleArg = process.argv.find((a) => a === '--scale' || a.startsWith('--scale='));
// Never the big sizes in --smoke: there, only explicit small counts (`--smoke --scale=200`, to try the code).
const SCALE = !scaleArg ? [] : scaleArg === '--scale' ? (smoke ? [] : [10_000, 100_000]) : scaleArg.slice('--scale='.length).split(',').map(Number).filter((n) => n > 0 && (!smoke || n <= 1000));
const shared = process.env.GOVREPORT_SHARED ?? path.resolve(root, '..', 'shared');

const SIZES = smoke ? { large: 100_000, huge: 300_000 } : { large: 1_000_000, huge: 10_000_000 };
const EDITS = smoke ? 20 : 300;
const HUGE_EDITS = smoke ? 3 : 8;
const NAV_RUNS = smoke ? 2 : 5;
const STARTS = smoke ? 2 : 7;
const CLI_FILES = smoke ? 50 : 1000;
const CLI_RUNS = smoke ? 1 : 5;
const SECONDS = smoke ? 0.3 : 3;
const BURST = smoke ? 200 : 2000;

const MB = 1024 * 1024;
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

// ---- build ----
const t0 = Date.now();
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const coreBundle = path.join(root, 'out', 'scripts', 'bench-core.js');
await build({ entryPoints: [path.join(root, 'scripts', 'bench-core.ts')], bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', outfile: coreBundle, logLevel: 'warning' });
const bareServer = path.join(root, 'out', 'scripts', 'bench-bare-server.js');
await build({ entryPoints: [path.join(root, 'scripts', 'bench-bare-server.ts')], bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', outfile: bareServer, logLevel: 'warning' });

// ---- inputs ----
const readDir = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
const samples = readDir(path.join(shared, 'samples'));
const pdfTexts = readDir(path.join(shared, 'pdf-text'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

/** A seeded PRNG, so that the generated files are the same on every run. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reports one after another until `bytes`, each copy with a few numbers changed (so some sums fail). */
function generate(name, bytes) {
  const sources = [...samples, ...pdfTexts].map((f) => fs.readFileSync(f, 'utf8'));
  const next = random(bytes);
  const parts = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const text = sources[k % sources.length].replace(/\d+/gu, (d) => (next() < 0.03 ? String(Math.floor(next() * 20)) : d));
    parts.push(text, '\n');
    size += Buffer.byteLength(text, 'utf8') + 1;
  }
  const file = path.join(tmp, name);
  fs.writeFileSync(file, parts.join(''));
  return file;
}
const largeFile = generate(`generated-${SIZES.large / 1e6}MB.txt`, SIZES.large);
const hugeFile = generate(`generated-${SIZES.huge / 1e6}MB.txt`, SIZES.huge);

// ---- core throughput against the floor ----
function runCore(args, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, coreBundle, ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  if (r.status !== 0) throw new Error(`bench-core ${args.slice(0, 2).join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const typical = runCore(['throughput', String(SECONDS / samples.length), ...samples]);
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const coreRows = [
  { input: `typical report (the ${samples.length} samples, ${fmt(sum(typical, 'bytes') / samples.length / 1024)} KB each)`, bytes: sum(typical, 'bytes'), analyzeMs: sum(typical, 'analyzeMs'), floorMs: sum(typical, 'floorMs'), markdownMs: sum(typical, 'markdownMs'), findings: sum(typical, 'findings') },
  ...runCore(['throughput', String(SECONDS), largeFile]).map((r) => ({ ...r, input: `generated ${fmt(r.bytes / MB)} MB` })),
  ...runCore(['throughput', String(SECONDS), hugeFile]).map((r) => ({ ...r, input: `generated ${fmt(r.bytes / MB)} MB` })),
];

// ---- readers of originals (web pages, Word, PDF) ----
const originalsDir = path.join(shared, 'originals');
const originals = fs.existsSync(originalsDir)
  ? fs.readdirSync(originalsDir).filter((f) => /\.(html|docx|pdf)$/u.test(f)).sort().map((f) => path.join(originalsDir, f))
  : [];
const readerRows = originals.length > 0 ? runCore(['readers', String(SECONDS / 2), ...(smoke ? originals.filter((f, i, all) => all.findIndex((g) => path.extname(g) === path.extname(f)) === i) : originals)]) : [];

// ---- memory ----
const memory = runCore(['memory', hugeFile], ['--expose-gc']);

// ---- the server over stdio ----
class Server {
  constructor(script = path.join(root, 'dist', 'server.js')) {
    this.started = performance.now();
    this.child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.waiters = [];
    this.child.stdout.on('data', (chunk) => this.read(chunk));
  }
  read(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/iu.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const at = performance.now();
      this.waiters = this.waiters.filter((w) => !(w.test(message) && (w.resolve({ message, at }), true)));
    }
  }
  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }
  waitFor(test) {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
  published(uri, version) {
    return this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version));
  }
  /** A request and the time to its reply. */
  async request(method, params) {
    this.nextId = (this.nextId ?? 100) + 1;
    const id = this.nextId;
    const reply = this.waitFor((m) => m.id === id);
    const sent = performance.now();
    this.send({ id, method, params });
    const { message, at } = await reply;
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return { ms: at - sent, result: message.result };
  }
  async initialize() {
    const reply = this.waitFor((m) => m.id === 0);
    this.send({ id: 0, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
    await reply;
    this.send({ method: 'initialized', params: {} });
  }
  async stop() {
    const reply = this.waitFor((m) => m.id === 1);
    this.send({ id: 1, method: 'shutdown' });
    await reply;
    this.send({ method: 'exit' });
    await new Promise((resolve) => this.child.on('exit', resolve));
  }
}

const typicalText = fs.readFileSync(samples[samples.length - 1], 'utf8');

/** A cell's digit to flip back and forth: the first line that is a tab and a number (a cell). */
function editablePosition(text) {
  const lines = text.split(/\r\n|\r|\n/u);
  for (let line = Math.floor(lines.length / 3); line < lines.length; line++) {
    const m = /^\t(\d)\s*$/u.exec(lines[line]);
    if (m) return { line, character: 1, digit: m[1] };
  }
  for (let line = 0; line < lines.length; line++) {
    const c = lines[line].search(/\d/u);
    if (c >= 0) return { line, character: c, digit: lines[line][c] };
  }
  throw new Error('no digit to edit');
}

/** One-character edits, each timed from its didChange to the publish of its version. */
async function editLatencies(server, uri, text, count) {
  const at = editablePosition(text);
  const times = [];
  let version = 1;
  for (let k = 0; k < count; k++) {
    version++;
    const digit = k % 2 === 0 ? (at.digit === '1' ? '2' : '1') : at.digit;
    const published = server.published(uri, version);
    const sent = performance.now();
    server.send({
      method: 'textDocument/didChange',
      params: { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character + 1 } }, text: digit }] },
    });
    const { at: received } = await published;
    times.push(received - sent);
  }
  return times;
}

/** The same one-character edits sent to each server in turn (A B A B …): each one's latencies. */
async function editLatenciesInterleaved(servers, uri, text, count) {
  const at = editablePosition(text);
  const times = servers.map(() => []);
  let version = 1;
  for (let k = 0; k < count; k++) {
    version++;
    const digit = k % 2 === 0 ? (at.digit === '1' ? '2' : '1') : at.digit;
    for (let s = 0; s < servers.length; s++) {
      const published = servers[s].published(uri, version);
      const sent = performance.now();
      servers[s].send({
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character + 1 } }, text: digit }] },
      });
      const { at: received } = await published;
      times[s].push(received - sent);
    }
  }
  return times;
}

async function open(server, uri, text) {
  const published = server.published(uri, 1);
  const sent = performance.now();
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'govreport', version: 1, text } } });
  const { at } = await published;
  return at - sent;
}

// Server start → first diagnostics (spawn, initialize, open a typical report, its publish).
const starts = [];
for (let k = 0; k < STARTS; k++) {
  const server = new Server();
  await server.initialize();
  const published = server.published('file:///bench/start.txt', 1);
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///bench/start.txt', languageId: 'govreport', version: 1, text: typicalText } } });
  const { at } = await published;
  starts.push(at - server.started);
  await server.stop();
}

const server = new Server();
await server.initialize();
await open(server, 'file:///bench/typical.txt', typicalText);
// The edit baseline: a bare vscode-languageserver server, the same edits, A B A B.
const bare = new Server(bareServer);
await bare.initialize();
await open(bare, 'file:///bench/typical.txt', typicalText);
const [typicalEdits, bareEdits] = await editLatenciesInterleaved([server, bare], 'file:///bench/typical.txt', typicalText, EDITS);
await bare.stop();
const hugeText = fs.readFileSync(hugeFile, 'utf8');
const hugeOpen = await open(server, 'file:///bench/huge.txt', hugeText);
const hugeEdits = await editLatencies(server, 'file:///bench/huge.txt', hugeText, HUGE_EDITS);
// Navigation and reading aids on the large file, its analysis already cached (issue 4: responses stay
// fast on a large file): each request a few times, the median.
const cellAt = editablePosition(hugeText);
const docId = { uri: 'file:///bench/huge.txt' };
const viewport = { start: { line: Math.max(0, cellAt.line - 30), character: 0 }, end: { line: cellAt.line + 30, character: 0 } };
const navRequests = [
  ['textDocument/hover on a cell', 'textDocument/hover', { textDocument: docId, position: { line: cellAt.line, character: cellAt.character } }],
  ['textDocument/inlayHint, a 60-line viewport', 'textDocument/inlayHint', { textDocument: docId, range: viewport }],
  ['textDocument/selectionRange on a cell', 'textDocument/selectionRange', { textDocument: docId, positions: [{ line: cellAt.line, character: cellAt.character }] }],
  ['textDocument/codeLens', 'textDocument/codeLens', { textDocument: docId }],
  ['textDocument/foldingRange', 'textDocument/foldingRange', { textDocument: docId }],
  ['textDocument/documentSymbol', 'textDocument/documentSymbol', { textDocument: docId }],
];
const navTimes = [];
for (const [label, method, params] of navRequests) {
  const times = [];
  for (let k = 0; k < NAV_RUNS; k++) times.push((await server.request(method, params)).ms);
  navTimes.push({ label, times });
}

// A burst (issue 17): edits to random cells as fast as they can be sent, incremental sync, a hover
// after every tenth; each publish timed from the didChange of the version it names.
const burstUri = 'file:///bench/burst.txt';
await open(server, burstUri, typicalText);
const burstLines = typicalText.split(/\r\n|\r|\n/u);
const cells = [];
burstLines.forEach((l, line) => { const m = /^(\s*)(\d)\s*$/u.exec(l); if (m) cells.push({ line, character: m[1].length }); });
if (cells.length === 0) cells.push(editablePosition(typicalText));
const sentAt = new Map();
const burstLatencies = [];
let lastPublished = 0;
const watcher = (message) => {
  if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === burstUri && sentAt.has(message.params.version)) {
    burstLatencies.push(performance.now() - sentAt.get(message.params.version));
    lastPublished = message.params.version;
  }
  return false;
};
server.waiters.push({ test: watcher, resolve: () => {} });
const rand = random(17);
const burstStart = performance.now();
for (let k = 0; k < BURST; k++) {
  const cell = cells[Math.floor(rand() * cells.length)];
  const version = k + 2;
  sentAt.set(version, performance.now());
  server.send({ method: 'textDocument/didChange', params: { textDocument: { uri: burstUri, version }, contentChanges: [{ range: { start: cell, end: { line: cell.line, character: cell.character + 1 } }, text: String(Math.floor(rand() * 10)) }] } });
  if (k % 10 === 9) void server.request('textDocument/hover', { textDocument: { uri: burstUri }, position: cell });
  if (k % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
}
const finalVersion = BURST + 1;
while (lastPublished !== finalVersion) await new Promise((resolve) => setTimeout(resolve, 5));
const burstMs = performance.now() - burstStart;
server.waiters = server.waiters.filter((w) => w.test !== watcher);
await server.stop();

// ---- the CLI over many report files ----
const cliDir = path.join(tmp, 'reports');
const halves = [path.join(cliDir, 'a'), path.join(cliDir, 'b')];
for (const half of halves) fs.mkdirSync(half, { recursive: true });
const cliSources = [...samples, ...readDir(path.join(root, 'examples'))];
for (let k = 0; k < CLI_FILES; k++) {
  const source = cliSources[k % cliSources.length];
  fs.copyFileSync(source, path.join(halves[k % 2], `${String(k).padStart(4, '0')}-${path.basename(source)}`));
}
// --jobs 1 and --jobs 2, interleaved (A B A B …), the same files; the outputs must be the same bytes.
const cliTimes = [];
const jobsTimes = [];
let cliChecked = 0;
const cliRun = (jobs) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--format', 'json', '--jobs', String(jobs), cliDir], { encoding: 'utf8', maxBuffer: 256 * MB });
  const ms = performance.now() - start;
  if (r.status === 2) throw new Error(`cli failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
};
for (let k = 0; k < CLI_RUNS; k++) {
  const one = cliRun(1);
  const two = cliRun(2);
  if (one.stdout !== two.stdout) throw new Error('govreport check --jobs 1 and --jobs 2 wrote different outputs');
  cliTimes.push(one.ms);
  jobsTimes.push(two.ms);
  cliChecked = JSON.parse(one.stdout).files.length;
}
/**
 * `govreport` with these arguments as a whole process: its time, and its peak resident set from
 * /usr/bin/time -v when there is one (NaN otherwise); standard output to `stdout` ('ignore' or an fd).
 * Throws when the CLI could not check (exit 2, or killed).
 */
const timeTool = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function cliWholeProcess(args, stdout, what) {
  const argv = [path.join(root, 'dist', 'cli.js'), ...args];
  const options = { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', maxBuffer: 16 * MB };
  const start = performance.now();
  const r = timeTool ? spawnSync(timeTool, ['-v', process.execPath, ...argv], options) : spawnSync(process.execPath, argv, options);
  const ms = performance.now() - start;
  if (r.status === 2 || r.status === null) throw new Error(`cli over ${what} failed: ${(r.stderr ?? '').slice(-2000)}`);
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(r.stderr ?? '')?.[1] ?? NaN);
  return { ms, peakBytes: peakKb * 1024 };
}

// The CLI over many generated report files (--scale): copies of the samples, the PDF texts and the
// examples, each with a region of its own in front of its body's name (every body and year once) and 3 % of its numbers changed, in folders
// of 10,000; the whole process timed, peak memory from /usr/bin/time -v when there is one.
const scaleRows = [];
if (SCALE.length > 0) {
  const scaleDir = path.join(tmp, 'scale');
  const sources = [...samples, ...pdfTexts, ...readDir(path.join(root, 'examples'))].map((f) => fs.readFileSync(f, 'utf8'));
  const next = random(99);
  let made = 0;
  const makeUpTo = (count) => {
    for (; made < count; made++) {
      const dir = path.join(scaleDir, String(Math.floor(made / 10_000)).padStart(3, '0'));
      if (made % 10_000 === 0) fs.mkdirSync(dir, { recursive: true });
      const text = sources[made % sources.length]
        .replace(/^\s*/u, (m) => `${m}某某${Math.floor(made / sources.length)}市`)
        .replace(/\d+/gu, (d) => (next() < 0.03 ? String(Math.floor(next() * 20)) : d));
      fs.writeFileSync(path.join(dir, `${String(made).padStart(6, '0')}.txt`), text);
    }
  };
  for (const count of [...SCALE].sort((a, b) => a - b)) {
    makeUpTo(count);
    const dirs = fs.readdirSync(scaleDir).sort().slice(0, Math.ceil(count / 10_000)).map((d) => path.join(scaleDir, d));
    const outFile = path.join(tmp, 'scale-out.json');
    const fd = fs.openSync(outFile, 'w');
    let run;
    try {
      run = cliWholeProcess(['check', '--format', 'json', ...dirs], fd, `${count} files`);
    } finally {
      fs.closeSync(fd);
    }
    const files = dirs.reduce((n, d) => n + fs.readdirSync(d).length, 0);
    scaleRows.push({ count: files, ...run, outBytes: fs.statSync(outFile).size });
    fs.rmSync(outFile, { force: true });
  }
}

// The CLI over the generated 10 MB file, whole process: its time and peak resident set (the issue's
// memory goal is the whole CLI's peak, ≤ 8× the file).
const hugeCli = { ...cliWholeProcess(['check', '--format', 'json', hugeFile], 'ignore', 'the generated file'), bytes: fs.statSync(hugeFile).size };

// The same process doing nothing: node's own start-up, for scale.
const nodeStart = median(Array.from({ length: 3 }, () => {
  const start = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - start;
}));

// ---- bundles ----
const bundles = fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.js')).sort().map((f) => {
  const bytes = fs.statSync(path.join(root, 'dist', f)).size;
  return { file: `dist/${f}`, bytes };
});
const minified = {};
for (const [file, entry, external] of [['dist/client.js', 'client/src/extension.ts', ['vscode']], ['dist/govreport.js', 'server/src/entry.ts', []]]) {
  if (!fs.existsSync(path.join(root, entry))) continue;
  const r = await build({ entryPoints: [path.join(root, entry)], bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', minify: true, write: false, external, logLevel: 'silent' });
  minified[file] = r.outputFiles[0].contents.length;
}

// ---- report ----
const machine = { nproc: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', node: process.version, platform: `${os.platform()} ${os.release()}`, load: os.loadavg().map((l) => l.toFixed(2)).join(' ') };
const lines = [];
const out = (s = '') => lines.push(s);
out(`govreport bench${smoke ? ' (smoke: small sizes)' : ''} — ${machine.cpu}, ${machine.nproc} cores, node ${machine.node}, ${machine.platform}; load average at the end ${machine.load}`);
out();
out('| input | size | parse + check | per MB | floor per MB | ratio to floor (goal: typical ≤ 25×, 10 MB ≤ 6×) | markdown-it parse per MB (peer) | markdown-it to floor | parse + check to markdown-it | findings |');
out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of coreRows) {
  const mb = r.bytes / MB;
  out(`| ${r.input} | ${fmt(r.bytes / 1024)} KB | ${fmt(r.analyzeMs, 2)} ms | ${fmt(r.analyzeMs / mb)} ms (${fmt(mb / (r.analyzeMs / 1000))} MB/s) | ${fmt(r.floorMs / mb, 2)} ms (${fmt(mb / (r.floorMs / 1000), 0)} MB/s) | **${fmt(r.analyzeMs / r.floorMs)}×** | ${fmt(r.markdownMs / mb)} ms | ${fmt(r.markdownMs / r.floorMs)}× | ${fmt(r.analyzeMs / r.markdownMs, 2)}× | ${r.findings} |`);
}
out();
if (readerRows.length === 0) out(`(no originals: ${originalsDir} is missing — the readers are not measured)`);
else {
  out('| reader | files | size | read + check, median per file | per MB | check alone of the read text, per MB (baseline) | ratio | first read in the process |');
  out('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const format of ['html', 'docx', 'pdf']) {
    const rows = readerRows.filter((r) => r.format === format);
    if (rows.length === 0) continue;
    const bytes = sum(rows, 'bytes');
    const mb = bytes / MB;
    const readMs = sum(rows, 'readAnalyzeMs');
    const checkMs = sum(rows, 'analyzeMs');
    const problems = rows.filter((r) => r.problem).map((r) => `${path.basename(r.file)}: ${r.problem}`);
    out(`| ${format}${problems.length ? ` (${problems.join(', ')})` : ''} | ${rows.length} | ${fmt(bytes / 1024)} KB | ${fmt(readMs / rows.length, 2)} ms | ${fmt(readMs / mb)} ms (${fmt(mb / (readMs / 1000), 2)} MB/s) | ${fmt(checkMs / mb)} ms | ${fmt(readMs / checkMs)}× | ${fmt(Math.max(...rows.map((r) => r.firstMs)))} ms |`);
  }
}
out();
out('| server over stdio | median | p90 | runs |');
out('|---|---:|---:|---:|');
out(`| didChange → publishDiagnostics, one-character edit, typical report | ${fmt(median(typicalEdits), 2)} ms | ${fmt(percentile(typicalEdits, 90), 2)} ms | ${typicalEdits.length} |`);
out(`| the same edits, bare vscode-languageserver server (empty publishDiagnostics; A B A B with the line above) | ${fmt(median(bareEdits), 2)} ms | ${fmt(percentile(bareEdits, 90), 2)} ms | ${bareEdits.length} |`);
out(`| ratio to the bare server (goal ≤ 2×, median and p90) | **${fmt(median(typicalEdits) / median(bareEdits))}×** | **${fmt(percentile(typicalEdits, 90) / percentile(bareEdits, 90))}×** | |`);
out(`| didOpen → publishDiagnostics, generated ${fmt(Buffer.byteLength(hugeText) / MB)} MB | ${fmt(hugeOpen)} ms | | 1 |`);
out(`| didChange → publishDiagnostics, one-character edit, generated ${fmt(Buffer.byteLength(hugeText) / MB)} MB | ${fmt(median(hugeEdits))} ms | ${fmt(percentile(hugeEdits, 90))} ms | ${hugeEdits.length} |`);
out(`| server start → first diagnostics (spawn, initialize, open a typical report) | ${fmt(median(starts))} ms | ${fmt(percentile(starts, 90))} ms | ${starts.length} |`);
out(`| during a burst of ${BURST} random cell edits (a hover after every tenth): edit → publishDiagnostics, ${burstLatencies.length} publishes | ${fmt(median(burstLatencies), 2)} ms | p99 ${fmt(percentile(burstLatencies, 99), 2)} ms | ${BURST} edits in ${fmt(burstMs, 0)} ms |`);
for (const { label, times } of navTimes) {
  out(`| ${label}, generated ${fmt(Buffer.byteLength(hugeText) / MB)} MB (analysis cached) | ${fmt(median(times), 2)} ms | ${fmt(percentile(times, 90), 2)} ms | ${times.length} |`);
}
out();
const peakOver = memory.peakRss - memory.rssBefore;
out('| memory, one analysis of the generated file | |');
out('|---|---:|');
out(`| file | ${fmt(memory.bytes / MB)} MB (${fmt(memory.chars / 1e6, 2)} M UTF-16 code units) |`);
out(`| process resident before the analysis (node + the text) | ${fmt(memory.rssBefore / MB)} MB |`);
out(`| peak resident during the analysis | ${fmt(memory.peakRss / MB)} MB |`);
out(`| peak added by the analysis | ${fmt(peakOver / MB)} MB = ${fmt(peakOver / memory.bytes)}× the file |`);
out(`| whole process at its peak | ${fmt(memory.peakRss / memory.bytes)}× the file |`);
out(`| \`govreport check --format json\` of the file, whole process (goal: peak ≤ 8× the file) | ${fmt(hugeCli.ms, 0)} ms, peak ${Number.isFinite(hugeCli.peakBytes) ? `${fmt(hugeCli.peakBytes / MB)} MB = **${fmt(hugeCli.peakBytes / hugeCli.bytes)}×** the file` : 'n/a (no /usr/bin/time)'} |`);
out();
out('| CLI | |');
out('|---|---:|');
const cliMs = median(cliTimes);
out(`| \`govreport check --format json --jobs 1\` over ${CLI_FILES} report files, whole process | ${fmt(cliMs, 0)} ms (${fmt((cliChecked / cliMs) * 1000, 0)} reports/s; ${cliChecked} checked) |`);
const jobsMs = median(jobsTimes);
out(`| the same with \`--jobs 2\` (A B A B with the row above; the same output, byte for byte) (goal: 1,000 in < 1 s) | ${fmt(jobsMs, 0)} ms (${fmt((cliChecked / jobsMs) * 1000, 0)} reports/s; ×${fmt(cliMs / jobsMs, 2)}) |`);
out(`| of which node's own start-up (\`node -e 0\`) | ${fmt(nodeStart, 0)} ms |`);
for (const r of scaleRows) {
  out(`| over ${r.count.toLocaleString('en')} generated report files (--scale, --jobs as many as cores), whole process (goal: 100,000 in < 100 s, < 300 MB) | ${fmt(r.ms / 1000, 1)} s (${fmt((r.count / r.ms) * 1000, 0)} files/s), peak ${Number.isFinite(r.peakBytes) ? `${fmt(r.peakBytes / MB, 0)} MB` : 'n/a (no /usr/bin/time)'}, output ${fmt(r.outBytes / MB, 1)} MB |`);
}
if (SCALE.length === 0 && !smoke) out('| (10,000 and 100,000 files: run with `--scale`) | |');
out();
out('| bundle | size | minified |');
out('|---|---:|---:|');
for (const b of bundles) out(`| ${b.file} | ${fmt(b.bytes / 1024)} KB | ${minified[b.file] ? `${fmt(minified[b.file] / 1024)} KB` : ''} |`);
out();
out(`(${fmt((Date.now() - t0) / 1000)} s)`);
console.log(lines.join('\n'));

if (jsonOut) {
  fs.writeFileSync(jsonOut, JSON.stringify({ smoke, machine, core: coreRows, readerRows, typicalEdits, bareEdits, hugeOpen, hugeEdits, burstLatencies, burstMs, navTimes, starts, memory, hugeCli, cliTimes, jobsTimes, cliFiles: CLI_FILES, cliChecked, scaleRows, nodeStart, bundles, minified }, null, 1));
}
