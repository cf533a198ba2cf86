/**
 * Generated folders of reports for the scale tests: copies of the real samples and PDF texts, each
 * copy moved back 0–2 years (every year of its text, so its title too), so that a folder holds many
 * reports of one body in one year (pairing picks the first in path order) and consecutive years of
 * one body (cross-year findings: carried-over cells, copied text). Deterministic: the same count
 * gives the same files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PDF_TEXT, SAMPLES } from './paths';

/** The real reports the copies are made of, as `{ name, text }`. */
export function sourceReports(): { name: string; text: string }[] {
  const read = (dir: string): { name: string; text: string }[] =>
    fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const reports = [...read(SAMPLES), ...read(PDF_TEXT)];
  if (reports.length === 0) throw new Error(`no report in ${SAMPLES} or ${PDF_TEXT} — is shared/ beside the project?`);
  return reports;
}

/** A report moved back `years` years: every four-digit year 2000–2099 in it, less `years`. */
export function movedBack(text: string, years: number): string {
  return years === 0 ? text : text.replace(/20\d\d(?=年)/gu, (y) => String(Number(y) - years));
}

/** Writes `count` reports into a new temporary folder (in sub-folders of 500), and returns the folder. */
export function generatedFolder(count: number, label = 'govreport-scale-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), label));
  const sources = sourceReports();
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const back = Math.floor(i / sources.length) % 3;
    const dir = path.join(root, String(Math.floor(i / 500)).padStart(3, '0'));
    if (i % 500 === 0) fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}-${source.name}`), movedBack(source.text, back));
  }
  return root;
}
