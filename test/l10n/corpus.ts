/** Every report text the tests have: the samples, the pdf-text reports and the fixtures. */
import * as fs from 'fs';
import * as path from 'path';
import { PDF_TEXT, PROJECT_ROOT, SAMPLES, readTexts, type NamedText } from '../support/paths';

export type Text = NamedText;

export function corpus(): Text[] {
  const fixtures = path.join(PROJECT_ROOT, 'test', 'fixtures');
  const result = [...readTexts(SAMPLES, 'samples'), ...readTexts(PDF_TEXT, 'pdf-text')];
  for (const sub of fs.readdirSync(fixtures).sort()) {
    const dir = path.join(fixtures, sub);
    if (fs.statSync(dir).isDirectory()) result.push(...readTexts(dir, `fixtures/${sub}`));
  }
  return result;
}
