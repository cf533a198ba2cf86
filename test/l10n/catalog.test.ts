/**
 * The English catalog against the Chinese one: the same functions, and on every finding of every
 * sample, pdf-text report and fixture, an English message that is not the Chinese one and keeps every
 * domain term (every 「…」 of the Chinese message) as it is.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/core/features/hover';
import { tableLenses } from '../../server/src/core/features/codeLens';
import { catalogFor, CATALOGS, en, localeFromEnv, zhCN } from '../../server/src/core/messages';
import { notAReportFinding } from '../../server/src/core/notReport';
import { corpus } from './corpus';
import { sample } from '../support/paths';

/** The 「…」 quotes of a message: the domain terms and the report's own words. */
const quotes = (message: string): string[] => [...message.matchAll(/「[^「」]*」/gu)].map((m) => m[0]);

/** A section heading as the format writes it (structure.section-duplicate's related location says just that). */
const HEADING = /^[一二三四五六]、\S+$/u;

function assertTranslated(zh: string, english: string, where: string): void {
  if (HEADING.test(zh)) assert.equal(english, zh, where);
  else assert.notEqual(english, zh, `${where}: the English is the Chinese`);
  for (const q of quotes(zh)) assert.ok(english.includes(q), `${where}: the English lacks ${q}\n  zh: ${zh}\n  en: ${english}`);
}

describe('catalogs', () => {
  test('both catalogs have every function, and nothing else', () => {
    const keys = (o: object): string[] => Object.keys(o).sort();
    assert.deepEqual(keys(en), keys(zhCN));
    for (const catalog of CATALOGS) for (const key of keys(catalog)) if (key !== 'locale') assert.equal(typeof (catalog as unknown as Record<string, unknown>)[key], 'function', `${catalog.locale}.${key}`);
    assert.deepEqual(CATALOGS.map((c) => c.locale), ['zh-cn', 'en']);
  });

  test('catalogFor: any zh locale is Chinese, any other English, none Chinese', () => {
    for (const locale of ['zh-cn', 'zh-CN', 'zh-tw', 'zh', 'zh_CN.UTF-8', 'ZH-HANS']) assert.equal(catalogFor(locale), zhCN, locale);
    for (const locale of ['en', 'en-US', 'en_GB.UTF-8', 'fr', 'de-DE', 'ja']) assert.equal(catalogFor(locale), en, locale);
    for (const locale of [undefined, null, '', '  ']) assert.equal(catalogFor(locale), zhCN, String(locale));
  });

  test('localeFromEnv: LC_ALL, then LC_MESSAGES, then LANG; C and POSIX name no language', () => {
    assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en_US.UTF-8');
    assert.equal(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh_CN.UTF-8');
    assert.equal(localeFromEnv({ LANG: 'en_US.UTF-8' }), 'en_US.UTF-8');
    assert.equal(localeFromEnv({ LANG: 'C.UTF-8' }), undefined);
    assert.equal(localeFromEnv({ LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' }), undefined);
    assert.equal(localeFromEnv({}), undefined);
  });
});

describe('every finding of every report text, in English', () => {
  const texts = corpus();
  test('the corpus is there (5 samples, 3 pdf-text reports, the fixtures)', () => {
    assert.ok(texts.filter((t) => t.name.startsWith('samples/')).length === 5, texts.map((t) => t.name).join(', '));
    assert.ok(texts.filter((t) => t.name.startsWith('pdf-text/')).length >= 3);
    assert.ok(texts.length >= 29, String(texts.length));
  });

  test('the same findings; each message, related message and fix title differs from the Chinese and keeps its 「」 terms', () => {
    let findings = 0;
    const codes = new Set<string>();
    for (const { name, text } of texts) {
      const zh = analyze(text, { messages: zhCN });
      const english = analyze(text, { messages: en });
      assert.deepEqual(
        english.findings.map((f) => [f.code, f.severity, f.span]),
        zh.findings.map((f) => [f.code, f.severity, f.span]),
        name,
      );
      zh.findings.forEach((f, i) => {
        const e = english.findings[i]!;
        const where = `${name} ${f.code}@${f.span.start}`;
        assertTranslated(f.message, e.message, where);
        f.related.forEach((r, j) => { assertTranslated(r.message, e.related[j]!.message, `${where} related ${j}`); });
        f.fixes.forEach((x, j) => { assertTranslated(x.title, e.fixes[j]!.title, `${where} fix ${j}`); });
        findings++;
        codes.add(f.code);
      });
      if (!zh.model.isReport) assertTranslated(notAReportFinding(zh.model, zhCN).message, notAReportFinding(english.model, en).message, name);
    }
    // Not a vacuous loop: hundreds of findings, most codes.
    assert.ok(findings >= 140, String(findings));
    for (const code of ['sum.row', 'sum.outcome', 'value.missing', 'value.invalid', 'structure.section-numbering', 'structure.subsection-numbering', 'text.table-mismatch', 'structure.section-missing']) {
      assert.ok(codes.has(code), code);
    }
  });

  test('sample 004 in English: the sum.row message, word for word', () => {
    const { text } = sample('004');
    const finding = analyze(text, { messages: en }).findings.find((f) => f.code === 'sum.row')!;
    assert.equal(
      finding.message,
      'The row total does not hold: 「一、本年新收政府信息公开申请数量」/「总计」 is 0, but its terms add up to 1 (0 ≠ 自然人 1 = 1; the other 5 terms are 0). ' +
        'Same cause: in 3 rows the 「总计」 column differs from the sum of the applicant columns, while the applicant columns’ own totals and the balance hold — the 「总计」 column was most likely not updated',
    );
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Set all 3 totals of column 「总计」 to their computed values: 1, 1, 1']);
  });

  test('hovers and code lenses of sample 004 in English', () => {
    const { text } = sample('004');
    const analysis = analyze(text, { messages: en });
    assert.deepEqual(tableLenses(analysis, en).map((l) => l.title), ['Totals: 3 do not hold, 36 hold', 'Totals: all 3 hold']);
    const heading = text.indexOf('2、 收到和处理政府信息公开申请情况');
    assert.ok(heading > 0);
    const hover = hoverAt(analysis, heading, en)!;
    assert.equal(
      hover.markdown,
      '**三、收到和处理政府信息公开申请情况**\n\nThis heading is numbered 「2、」; the format gives it 「三、」\n\n' +
        'Table 表二: requests received and handled, by type of applicant (7 columns × 25 rows); the row totals, outcome totals and the balance must hold.'.replace('Table 表二', '表二'),
    );
  });
});
