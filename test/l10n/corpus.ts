/** Every report text the tests have: the samples, the pdf-text reports and the fixtures. */
import * as fs from 'fs';
import * as path from 'path';
import { PDF_TEXT, PROJECT_ROOT, SAMPLES } from '../support/paths';

export interface Text {
  readonly name: string;
  readonly text: string;
}

function texts(dir: string, label: string): Text[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: `${label}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export function corpus(): Text[] {
  const fixtures = path.join(PROJECT_ROOT, 'test', 'fixtures');
  const result = [...texts(SAMPLES, 'samples'), ...texts(PDF_TEXT, 'pdf-text')];
  for (const sub of fs.readdirSync(fixtures).sort()) {
    const dir = path.join(fixtures, sub);
    if (fs.statSync(dir).isDirectory()) result.push(...texts(dir, `fixtures/${sub}`));
  }
  return result;
}
