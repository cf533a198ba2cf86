/**
 * The findings of every fixture in test/fixtures (text, JSON inputs of test/fixtures/robust, web
 * pages, Word files, PDFs), every example, every sample and every PDF-text report, as lines
 * `start-end severity code message` (positions line:character, 0-based, UTF-16), each followed by its
 * related locations and its fixes (title, safety, edits as offsets and text), plus the cross-year
 * (text.carry-over) findings of the pairs pairWithPrevious makes among the text inputs. Written to
 * test/snapshot/findings.json by `node scripts/findings-snapshot.mjs --update` and compared by
 * test/snapshot/findings.test.ts: performance work must leave it identical (nothing checked less).
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/findings';
import { analyzeRead } from '../../server/src/core/read/analyzeRead';
import { formatOfName, readerFor } from '../../server/src/core/read';
import { checkAgainstPrevious, pairWithPrevious } from '../../server/src/core/previous';
import type { LineIndex } from '../../server/src/core/text';

export type Snapshot = Record<string, string[]>;

function line(f: Finding, lines: LineIndex): string {
  const r = lines.rangeOf(f.span);
  const related = f.related.map((l) => `\n  related ${l.elsewhere ? `${l.elsewhere.range.start.line}:${l.elsewhere.range.start.character}` : `${l.span.start}-${l.span.end}`} ${l.message}`);
  const fixes = f.fixes.map((x) => `\n  fix${x.safe ? ' safe' : ''}${x.preferred ? ' preferred' : ''} ${x.title}${x.edits.map((e) => ` [${e.span.start}-${e.span.end} ${JSON.stringify(e.newText)}]`).join('')}`);
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${f.severity} ${f.code} ${f.message}${related.join('')}${fixes.join('')}`;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out.sort();
}

/** `root` is the project; `shared` the shared/ folder beside it. */
export async function computeSnapshot(root: string, shared: string): Promise<Snapshot> {
  const inputs: { key: string; file: string }[] = [];
  const add = (base: string, prefix: string, files: string[]): void => {
    for (const file of files) inputs.push({ key: `${prefix}/${path.relative(base, file).split(path.sep).join('/')}`, file });
  };
  const fixtures = path.join(root, 'test', 'fixtures');
  add(fixtures, 'fixtures', filesUnder(fixtures).filter((f) => !/\.expected\.json$|\.md$|\.gitattributes$/u.test(f)));
  add(path.join(root, 'examples'), 'examples', filesUnder(path.join(root, 'examples')).filter((f) => f.endsWith('.txt')));
  add(path.join(shared, 'samples'), 'samples', filesUnder(path.join(shared, 'samples')).filter((f) => f.endsWith('.txt')));
  add(path.join(shared, 'pdf-text'), 'pdf-text', filesUnder(path.join(shared, 'pdf-text')).filter((f) => f.endsWith('.txt') && !/README/u.test(f)));

  const snapshot: Snapshot = {};
  const texts: { key: string; analysis: Analysis }[] = [];
  for (const { key, file } of inputs) {
    if (file.endsWith('.json')) {
      const text = (JSON.parse(fs.readFileSync(file, 'utf8')) as { text?: unknown }).text;
      if (typeof text !== 'string') continue;
      const analysis = analyze(text);
      snapshot[key] = analysis.findings.map((f) => line(f, analysis.model.lines));
      continue;
    }
    const format = formatOfName(file) ?? 'text';
    if (format === 'text') {
      const analysis = analyze(fs.readFileSync(file, 'utf8'));
      snapshot[key] = analysis.findings.map((f) => line(f, analysis.model.lines));
      texts.push({ key, analysis });
      continue;
    }
    const bytes = new Uint8Array(fs.readFileSync(file));
    const read = await readerFor(format).read({ name: file, bytes });
    if (read.problem) {
      snapshot[key] = [`problem ${read.problem.kind}`];
      continue;
    }
    const result = analyzeRead(read);
    snapshot[key] = result.findings.map((f) => line(f, result.lines));
  }
  for (const { current, previous } of pairWithPrevious(texts, (t) => t.analysis)) {
    const findings = checkAgainstPrevious(current.analysis, previous.analysis, { previousDocument: previous.key });
    snapshot[`carry-over ${current.key} <- ${previous.key}`] = findings.map((f) => line(f, current.analysis.model.lines));
  }
  return snapshot;
}

/** The first differences between two snapshots, for a failure message. */
export function snapshotDifferences(want: Snapshot, got: Snapshot, limit = 12): string[] {
  const out: string[] = [];
  const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])].sort();
  for (const key of keys) {
    if (out.length >= limit) break;
    const a = want[key];
    const b = got[key];
    if (!a) { out.push(`+ ${key} (new input, ${b!.length} findings)`); continue; }
    if (!b) { out.push(`- ${key} (input gone, had ${a.length} findings)`); continue; }
    const setB = new Set(b);
    const setA = new Set(a);
    for (const x of a) if (!setB.has(x) && out.length < limit) out.push(`${key}\n    - ${x}`);
    for (const x of b) if (!setA.has(x) && out.length < limit) out.push(`${key}\n    + ${x}`);
    if (out.length < limit && a.length === b.length && a.every((x) => setB.has(x)) && a.join('\n') !== b.join('\n')) out.push(`${key}: same findings, another order`);
  }
  return out;
}
