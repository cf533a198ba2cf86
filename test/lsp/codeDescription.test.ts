/**
 * Every published diagnostic of a finding code links to the code's page (`codeDescription.href`,
 * docs/rules/<code>.md under the one base URL), in the language server spoken to in memory.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { RULE_DOCS_BASE_URL } from '../../server/src/core/messages/ruleDocs';
import { PROJECT_ROOT, sample } from '../support/paths';
import { MemoryServer } from './memoryServer';

let server: MemoryServer;
before(async () => { server = await MemoryServer.start(); });
after(() => { server.stop(); });

describe('codeDescription', () => {
  test('sample 004: each diagnostic links to its code\'s page, a page that exists in docs/rules', async () => {
    const uri = pathToFileURL('/work/004-codeDescription.govreport').href;
    await server.open(uri, 'govreport', sample('004').text);
    const published = await server.publishedFor(uri);
    const links = published.diagnostics.map((d) => [d.code, d.codeDescription?.href]);
    assert.deepEqual(links, [
      ['text.table-mismatch', 'https://govreport.invalid/docs/rules/text.table-mismatch.md'],
      ['structure.section-numbering', 'https://govreport.invalid/docs/rules/structure.section-numbering.md'],
      ['sum.row', 'https://govreport.invalid/docs/rules/sum.row.md'],
      ['sum.row', 'https://govreport.invalid/docs/rules/sum.row.md'],
      ['sum.row', 'https://govreport.invalid/docs/rules/sum.row.md'],
    ]);
    for (const [, href] of links) {
      assert.ok(String(href).startsWith(RULE_DOCS_BASE_URL));
      assert.ok(fs.existsSync(path.join(PROJECT_ROOT, 'docs', 'rules', String(href).slice(RULE_DOCS_BASE_URL.length))), `${String(href)} has a page`);
    }
  });

  test('a document that is not a report: its one hint links to structure.not-a-report\'s page', async () => {
    const uri = pathToFileURL('/work/notes-codeDescription.govreport').href;
    await server.open(uri, 'govreport', '会议纪要\n一、会议议题\n讨论下一季度的工作安排。\n');
    const published = await server.publishedFor(uri);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.codeDescription?.href]), [['structure.not-a-report', 'https://govreport.invalid/docs/rules/structure.not-a-report.md']]);
  });
});
