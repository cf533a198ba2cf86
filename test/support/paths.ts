import * as fs from 'fs';
import * as path from 'path';

/** The project root (tests run from out/test/...). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** shared/ sits beside the project (as CI clones it); GOVREPORT_SHARED overrides. */
export const SHARED = process.env['GOVREPORT_SHARED'] ?? path.resolve(PROJECT_ROOT, '..', 'shared');

export const SAMPLES = path.join(SHARED, 'samples');
export const PDF_TEXT = path.join(SHARED, 'pdf-text');

export function sample(prefix: string): { name: string; file: string; text: string } {
  const name = fs.readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`sample ${prefix} not found in ${SAMPLES} — is shared/ beside the project?`);
  const file = path.join(SAMPLES, name);
  return { name, file, text: fs.readFileSync(file, 'utf8') };
}

export function pdfText(prefix: string): { name: string; file: string; text: string } {
  const name = fs.readdirSync(PDF_TEXT).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`pdf-text ${prefix} not found in ${PDF_TEXT} — is shared/ beside the project?`);
  const file = path.join(PDF_TEXT, name);
  return { name, file, text: fs.readFileSync(file, 'utf8') };
}

export function fixture(...parts: string[]): string {
  return fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', ...parts), 'utf8');
}

export interface NamedText {
  readonly name: string;
  readonly text: string;
}

/** Every `.txt` file of a folder, sorted, named `label/file` (none when the folder is absent). */
export function readTexts(dir: string, label: string): NamedText[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${label}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}
