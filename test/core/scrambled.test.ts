/**
 * PDF text extracted without `-layout` (issue 18): `pdftotext` then gives a page's labels in one
 * block and its values in another. The checker says once per such table that its order looks
 * scrambled, and states no sum and no value finding for it; the `-layout` texts of the same PDFs
 * (../shared/pdf-text/) keep their findings.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { en } from '../../server/src/core/messages/en';
import { PROJECT_ROOT } from '../support/paths';

const SCRAMBLED = path.join(PROJECT_ROOT, 'test/fixtures/scrambled');
const PDF_TEXT = path.join(PROJECT_ROOT, '..', 'shared', 'pdf-text');

/** Per text (`pdftotext` without `-layout` of ../shared/originals/X.pdf): the tables whose order is scrambled. */
const EXPECTED: Record<string, string[]> = {
  '001-huaian-hongzequ-2023.txt': ['表一', '表二', '表三'],
  '002-huaian-hongzequ-2024.txt': ['表一', '表二', '表三'],
  '003-huaian-shi-2024.txt': ['表二', '表三'],
};

const codes = (text: string): string[] => analyze(text).findings.map((f) => f.code);

describe('pdftotext without -layout: the scrambled order is said once per table, no sum is stated', () => {
  for (const [file, tables] of Object.entries(EXPECTED)) {
    it(file, () => {
      const { findings, model } = analyze(fs.readFileSync(path.join(SCRAMBLED, file), 'utf8'));
      assert.deepEqual(findings.filter((f) => f.code.startsWith('sum.')).map((f) => f.code), []);
      const scrambled = findings.filter((f) => f.code === 'value.scrambled');
      assert.deepEqual(scrambled.map((f) => f.message.slice(0, 2)), tables);
      assert.ok(scrambled.every((f) => f.severity === 'warning' && f.message.includes('pdftotext -layout')));
      // Nothing about the cells of a scrambled table: they are not where their labels are.
      assert.deepEqual(findings.filter((f) => /^value\.(missing|invalid|unseparable)$/u.test(f.code)).map((f) => f.code), []);
      assert.deepEqual(findings.filter((f) => f.code === 'text.table-mismatch').map((f) => f.code), []);
      // Nor which of its rows are missing: where they are cannot be told.
      assert.deepEqual(findings.filter((f) => f.code === 'structure.row-missing').map((f) => f.code), []);
      assert.equal(Object.values(model.tables).filter((t) => t?.scrambled).length, tables.length);
    });
  }
  it('the message is in both catalogs', () => {
    assert.match(en.tableScrambled({ table: 'table 2' }), /scrambled.*pdftotext -layout/u);
  });
});

describe('the -layout texts of the same PDFs are not scrambled and keep their findings', () => {
  for (const file of Object.keys(EXPECTED)) {
    it(file, () => {
      const text = fs.readFileSync(path.join(PDF_TEXT, file), 'utf8');
      const { model } = analyze(text);
      assert.deepEqual(Object.values(model.tables).filter((t) => t?.scrambled).length, 0);
      assert.deepEqual(codes(text).filter((c) => c === 'value.scrambled'), []);
    });
  }
  it('001 (-layout) keeps its two sum.group findings', () => {
    const found = codes(fs.readFileSync(path.join(PDF_TEXT, '001-huaian-hongzequ-2023.txt'), 'utf8'));
    assert.deepEqual(found.filter((c) => c.startsWith('sum.')), ['sum.group', 'sum.group']);
  });
});
