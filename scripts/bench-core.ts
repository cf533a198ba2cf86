/**
 * The core's side of `npm run bench` (bundled by scripts/bench.mjs, run in a child process):
 *
 *   throughput SECONDS FILE...   for each file: analyze() against the floor, as JSON on stdout
 *   memory FILE                  peak memory of one analyze() of the file, as JSON on stdout
 *   readers SECONDS FILE...      for each original (.html, .docx, .pdf): its reader + analyze()
 *                                against analyze() of the text the reader gave (the baseline),
 *                                interleaved, medians; and the first read of the kind (a cold start:
 *                                for PDF, loading pdfjs)
 *
 * The peer is markdown-it's parse (`md.parse`, tokens only, no rendering) of the same string, timed in
 * the same loop: what a mature text parser costs on these bytes.
 *
 * The floor is what any line-based reader must do at least: split the text into lines and look at
 * every character once. Both are timed on the same string in the same process, so the ratio between
 * them says how much the checker costs beyond reading, whatever the machine.
 */
import * as fs from 'fs';
import { analyze } from '../server/src/core/analyze';
import { formatOfName, readerFor } from '../server/src/core/read';
import { decodePage } from '../server/src/core/read/html';

// markdown-it ships no types; only its parse is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new () => { parse(src: string, env: object): unknown[] };
const markdown = new MarkdownIt();

/** The floor: a plain `split('\n')`, then one `charCodeAt` pass over every line. */
export function floor(text: string): number {
  const lines = text.split('\n');
  let hash = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) hash = (hash * 31 + line.charCodeAt(i)) | 0;
  }
  return hash + lines.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The functions run in turn (A B C A B C …) for about `seconds` (at least 3 rounds, after a warm-up of each): their medians in ms. */
function timeInterleaved(fns: readonly (() => unknown)[], seconds: number): { medians: number[]; runs: number } {
  for (const f of fns) f();
  const times: number[][] = fns.map(() => []);
  const deadline = performance.now() + seconds * 1000;
  let runs = 0;
  while (runs < 3 || (performance.now() < deadline && runs < 10_000)) {
    fns.forEach((f, i) => {
      const t0 = performance.now();
      f();
      times[i]!.push(performance.now() - t0);
    });
    runs++;
  }
  return { medians: times.map(median), runs };
}

export interface ThroughputResult {
  readonly file: string;
  readonly bytes: number;
  readonly chars: number;
  readonly lines: number;
  readonly findings: number;
  readonly analyzeMs: number;
  readonly floorMs: number;
  /** markdown-it's parse of the same string (the peer). */
  readonly markdownMs: number;
  readonly runs: number;
}

function throughput(seconds: number, files: readonly string[]): ThroughputResult[] {
  return files.map((file) => {
    const bytes = fs.readFileSync(file);
    const text = bytes.toString('utf8');
    let findings = 0;
    // Interleaved in one loop (floor, analysis, markdown-it, floor, …), so that all see the same machine state.
    const { medians, runs } = timeInterleaved([() => floor(text), () => (findings = analyze(text).findings.length), () => markdown.parse(text, {})], seconds);
    return { file, bytes: bytes.length, chars: text.length, lines: text.split(/\r\n|\r|\n/u).length, findings, analyzeMs: medians[1]!, floorMs: medians[0]!, markdownMs: medians[2]!, runs };
  });
}

function memory(file: string): object {
  const text = fs.readFileSync(file, 'utf8');
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const rssBefore = before.rss;
  const t0 = performance.now();
  const analysis = analyze(text);
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  // maxRSS is in kilobytes: the peak resident set of the whole process so far.
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const retained = analysis.findings.length; // keep the analysis alive until here
  gc?.();
  return {
    file,
    bytes: Buffer.byteLength(text, 'utf8'),
    chars: text.length,
    ms,
    rssBefore,
    peakRss,
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    findings: retained,
  };
}

export interface ReaderResult {
  readonly file: string;
  readonly format: string;
  readonly bytes: number;
  /** The first read of this file in the process (for the first PDF: pdfjs loaded too). */
  readonly firstMs: number;
  readonly readAnalyzeMs: number;
  readonly analyzeMs: number;
  readonly runs: number;
  readonly problem: string | null;
}

async function readers(seconds: number, files: readonly string[]): Promise<ReaderResult[]> {
  const results: ReaderResult[] = [];
  for (const file of files) {
    const format = formatOfName(file);
    if (!format) continue;
    const bytes = fs.readFileSync(file);
    const reader = readerFor(format);
    const input = format === 'html' ? { name: file, bytes, text: decodePage(bytes) } : { name: file, bytes };
    const readAndAnalyze = async () => {
      const read = await reader.read(input);
      analyze(read.text);
      return read;
    };
    const t0 = performance.now();
    const first = await readAndAnalyze();
    const firstMs = performance.now() - t0;
    const text = first.text;
    const a: number[] = [];
    const b: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    // A B A B …: the reader with the analysis, then the analysis alone of what it read.
    while (a.length < 3 || (performance.now() < deadline && a.length < 1000)) {
      const s0 = performance.now();
      await readAndAnalyze();
      a.push(performance.now() - s0);
      const s1 = performance.now();
      analyze(text);
      b.push(performance.now() - s1);
    }
    results.push({ file, format, bytes: bytes.length, firstMs, readAnalyzeMs: median(a), analyzeMs: median(b), runs: a.length, problem: first.problem?.kind ?? null });
  }
  return results;
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'throughput') {
  const [seconds, ...files] = rest;
  process.stdout.write(JSON.stringify(throughput(Number(seconds), files)));
} else if (mode === 'memory') {
  process.stdout.write(JSON.stringify(memory(rest[0]!)));
} else if (mode === 'readers') {
  const [seconds, ...files] = rest;
  void readers(Number(seconds), files).then((r) => process.stdout.write(JSON.stringify(r)));
} else {
  process.stderr.write('usage: bench-core throughput SECONDS FILE... | memory FILE | readers SECONDS FILE...\n');
  process.exitCode = 2;
}
