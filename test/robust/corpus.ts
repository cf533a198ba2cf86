/**
 * What the fuzzer mutates: the five samples, the three PDF-text reports, the bundled examples and
 * every fixture under test/fixtures/ (text files, and the JSON-wrapped inputs of test/fixtures/robust/, which can hold
 * lone surrogates and NULs that a UTF-8 file cannot).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusEntry } from './fuzzer';

export interface RobustFixture {
  /** What went wrong before the fix in the core. */
  readonly description: string;
  /** How the fuzzer made it: seed, index and mutation steps. */
  readonly origin?: string;
  readonly text: string;
}

export const ROBUST_FIXTURES = (projectRoot: string): string => path.join(projectRoot, 'test', 'fixtures', 'robust');

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
}

export function readRobustFixture(file: string): RobustFixture {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RobustFixture;
}

export function loadCorpus(shared: string, projectRoot: string): CorpusEntry[] {
  const corpus: CorpusEntry[] = [];
  for (const dir of [path.join(shared, 'samples'), path.join(shared, 'pdf-text')]) {
    if (!fs.existsSync(dir)) throw new Error(`${dir} not found — is shared/ beside the project?`);
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.endsWith('.txt')) corpus.push({ name: path.join(path.basename(dir), name), text: fs.readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  const files: string[] = [];
  walk(path.join(projectRoot, 'test', 'fixtures'), files);
  walk(path.join(projectRoot, 'examples'), files);
  for (const file of files.sort()) {
    const name = path.relative(projectRoot, file);
    if (file.endsWith('.txt')) corpus.push({ name, text: fs.readFileSync(file, 'utf8') });
    else if (file.startsWith(ROBUST_FIXTURES(projectRoot)) && file.endsWith('.json')) corpus.push({ name, text: readRobustFixture(file).text });
  }
  return corpus;
}
