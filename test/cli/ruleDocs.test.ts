/**
 * docs/rules/: one page per finding code and no other (besides the index README.md), each as
 * scripts/rule-docs.mjs writes it from core/messages/ruleDocs.ts; each code's default severity is the
 * most severe the rules report it at on the corpus (the findings snapshot).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Severity } from '../../server/src/core/findings';
import { RULE_DOCS, ruleDocUrl, ruleText } from '../../server/src/core/messages/ruleDocs';
import { CODES } from '../../server/src/core/rules/codes';
import { PROJECT_ROOT } from '../support/paths';
import { rulePages } from '../support/rulePages';

const DIR = path.join(PROJECT_ROOT, 'docs', 'rules');
const RANK: Readonly<Record<Severity, number>> = { error: 4, warning: 3, information: 2, hint: 1 };

describe('docs/rules', () => {
  test('every code in codes.ts has a page, every page is a code (and the index README.md)', () => {
    const pages = fs.readdirSync(DIR).sort();
    assert.deepEqual(pages, [...CODES.map((c) => `${c.code}.md`), 'README.md'].sort());
    assert.deepEqual(Object.keys(RULE_DOCS).sort(), CODES.map((c) => c.code).sort(), 'ruleDocs.ts describes every code and no other');
  });

  test('the pages are as ruleDocs.ts writes them (node scripts/rule-docs.mjs --update after changing it)', () => {
    for (const [name, text] of rulePages()) assert.equal(fs.readFileSync(path.join(DIR, name), 'utf8'), text, `docs/rules/${name} is stale`);
    const page = fs.readFileSync(path.join(DIR, 'sum.group.md'), 'utf8');
    for (const heading of ['## 检查什么', '## 为什么', '## 示例', '## 如何修改', '## 如何关闭', '## English', '### What it checks', '### Why', '### How to fix', '### How to turn it off']) assert.ok(page.includes(`\n${heading}\n`), heading);
    assert.ok(page.includes('{ "rules": { "sum.group": "off" } }'));
    assert.ok(page.includes('默认严重程度：错误（`error`）'));
  });

  test('each code its own texts, in both languages; the page URL under the one base', () => {
    const shorts = CODES.map((c) => ruleText(c.code, 'zh-cn')!.short);
    assert.equal(new Set(shorts).size, CODES.length, 'no two codes share a description');
    assert.equal(new Set(CODES.map((c) => ruleText(c.code, 'en')!.short)).size, CODES.length);
    for (const c of CODES) {
      assert.match(ruleText(c.code, 'zh-cn')!.full, /[\u4e00-\u9fff]{4}/u, c.code);
      assert.match(ruleText(c.code, 'en')!.short, /^[A-Z]/u, c.code);
      assert.match(ruleText(c.code, 'en')!.full, /\b(the|a|every|each)\b/iu, c.code);
    }
    assert.equal(ruleText('sum.row', 'zh_CN.UTF-8'), RULE_DOCS['sum.row']!.zh);
    assert.equal(ruleText('sum.row', 'en-US'), RULE_DOCS['sum.row']!.en);
    assert.equal(ruleText('no.such-code', 'en'), undefined);
    assert.equal(ruleDocUrl('sum.row'), 'https://govreport.invalid/docs/rules/sum.row.md');
  });

  test('a code\'s default severity is the most severe it is reported at in the findings snapshot', () => {
    const snapshot = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'snapshot', 'findings.json'), 'utf8')) as Record<string, unknown>;
    const lines: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') lines.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(snapshot);
    const seen = new Map<string, Severity>();
    for (const line of lines) {
      const m = /^\S+ (error|warning|information|hint) (\S+) /u.exec(line);
      if (!m) continue;
      const [severity, code] = [m[1] as Severity, m[2]!];
      const before = seen.get(code);
      if (!before || RANK[severity] > RANK[before]) seen.set(code, severity);
    }
    assert.ok(seen.size >= 25, `the snapshot's findings were read (${seen.size} codes)`);
    for (const [code, severity] of seen) assert.equal(RULE_DOCS[code]?.severity, severity, code);
  });
});
