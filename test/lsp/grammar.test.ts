/**
 * The TextMate grammar: valid JSON, every regex within the syntax Oniguruma and JavaScript share, and
 * real report lines coloured by the intended rules. A small TextMate-style scanner stands in for
 * VS Code's: at each position the rule whose match starts first wins, the earlier rule on a tie.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { SECTIONS, TABLES } from '../../server/src/core/format/schema';
import { PROJECT_ROOT } from '../support/paths';

interface Rule {
  match?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
  include?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammarFile = path.join(PROJECT_ROOT, 'syntaxes', 'govreport.tmLanguage.json');
const grammar = JSON.parse(fs.readFileSync(grammarFile, 'utf8')) as Grammar;

/** Every rule with a regex, named by its repository key. */
function regexRules(): [string, Rule][] {
  return Object.entries(grammar.repository);
}

interface Token {
  text: string;
  scopes: string[];
}

const compiled = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let r = compiled.get(source);
  if (!r) compiled.set(source, (r = new RegExp(source, 'dg')));
  return r;
}

function resolve(rule: Rule): Rule {
  if (!rule.include) return rule;
  const target = grammar.repository[rule.include.replace(/^#/u, '')];
  assert.ok(target, `include ${rule.include} resolves`);
  return target;
}

/** Tokenizes one line as TextMate does with top-level match rules. */
function tokenize(line: string): Token[] {
  const rules = grammar.patterns.map(resolve);
  const tokens: Token[] = [];
  const base = [grammar.scopeName];
  let pos = 0;
  while (pos < line.length) {
    let best: { rule: Rule; m: RegExpExecArray } | undefined;
    for (const rule of rules) {
      const r = regex(rule.match!);
      r.lastIndex = pos;
      const m = r.exec(line);
      if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) {
      tokens.push({ text: line.slice(pos), scopes: base });
      break;
    }
    const { rule, m } = best;
    if (m.index > pos) tokens.push({ text: line.slice(pos, m.index), scopes: base });
    const outer = rule.name ? [...base, rule.name] : base;
    // Split the match at its captures (non-overlapping, in order, as these rules have them).
    let at = m.index;
    const end = m.index + m[0].length;
    const groups = Object.entries(rule.captures ?? {})
      .map(([n, c]) => ({ range: m.indices![Number(n)], name: c.name }))
      .filter((g): g is { range: [number, number]; name: string } => g.range !== undefined && g.range[1] > g.range[0])
      .sort((a, b) => a.range[0] - b.range[0]);
    for (const g of groups) {
      if (g.range[0] > at) tokens.push({ text: line.slice(at, g.range[0]), scopes: outer });
      tokens.push({ text: line.slice(g.range[0], g.range[1]), scopes: [...outer, g.name] });
      at = g.range[1];
    }
    if (end > at) tokens.push({ text: line.slice(at, end), scopes: outer });
    pos = end;
  }
  return tokens;
}

/** The innermost scope (without the .govreport suffix) of the token that is exactly `text`. */
function scopeOf(line: string, text: string): string | undefined {
  const token = tokenize(line).find((t) => t.text === text);
  assert.ok(token, `«${text}» is one token of «${line}»; tokens: ${JSON.stringify(tokenize(line))}`);
  return token.scopes.length > 1 ? token.scopes[token.scopes.length - 1]!.replace(/\.govreport$/u, '') : undefined;
}

function scopesOf(line: string, text: string): string[] {
  return tokenize(line).find((t) => t.text === text)?.scopes.slice(1).map((s) => s.replace(/\.govreport$/u, '')) ?? [];
}

describe('grammar file', () => {
  it('is JSON with the scope name the manifest contributes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: { language: string; scopeName: string; path: string }[]; languages: { id: string; configuration: string }[] };
    };
    assert.deepEqual(manifest.contributes.grammars, [{ language: 'govreport', scopeName: 'text.govreport', path: './syntaxes/govreport.tmLanguage.json' }]);
    assert.equal(grammar.scopeName, 'text.govreport');
    const configuration = manifest.contributes.languages[0]!.configuration;
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, configuration), 'utf8')));
  });

  it('every top-level include resolves, every rule has a regex and a scope in the govreport namespace', () => {
    for (const rule of grammar.patterns) resolve(rule);
    for (const [key, rule] of regexRules()) {
      assert.ok(rule.match, `${key} is a match rule`);
      const names = [rule.name, ...Object.values(rule.captures ?? {}).map((c) => c.name)].filter((n) => n !== undefined);
      assert.ok(names.length > 0, `${key} names a scope`);
      for (const n of names) assert.match(n, /^[a-z-]+(\.[a-z0-9-]+)*\.govreport$/u, `${key}: ${n}`);
    }
  });

  it('every regex compiles in JavaScript (also with the u flag) and avoids escapes Oniguruma reads differently', () => {
    for (const [key, rule] of regexRules()) {
      for (const source of [rule.match, rule.begin, rule.end].filter((s) => s !== undefined)) {
        assert.doesNotThrow(() => new RegExp(source), `${key} compiles`);
        assert.doesNotThrow(() => new RegExp(source, 'u'), `${key} compiles with u`);
        // \d \w \b \s-free classes: Oniguruma's are Unicode-aware, JavaScript's ASCII; \A \z \G \h \p, atomic
        // and possessive groups, \x{…} and \u escapes are Oniguruma-only or read differently.
        assert.doesNotMatch(source, /\\[dDwWbBAzZGhHpPRXKQE]|\\x\{|\\u|\(\?>|\(\?[imx]|[*+?}]\+/u, `${key} keeps to the shared syntax`);
      }
    }
  });
});

describe('grammar on report lines', () => {
  it('section headings, numbered as the format says, mis-numbered, or not numbered', () => {
    assert.deepEqual(scopesOf('一、总体情况', '一、'), ['markup.heading.section', 'punctuation.definition.heading']);
    assert.deepEqual(scopesOf('一、总体情况', '总体情况'), ['markup.heading.section', 'entity.name.section']);
    assert.equal(scopeOf('2、 主动公开政府信息情况', '2、'), 'punctuation.definition.heading');
    assert.equal(scopeOf('2、 主动公开政府信息情况', '主动公开政府信息情况'), 'entity.name.section');
    assert.equal(scopeOf('主动公开政府信息情况', '主动公开政府信息情况'), 'entity.name.section');
    assert.equal(scopeOf('     二、主动公开政府信息情况', '主动公开政府信息情况'), 'entity.name.section');
    // A sentence that merely mentions a section is not a heading.
    assert.notEqual(scopeOf('主动公开政府信息情况良好。', '主动公开政府信息情况良好。'), 'entity.name.section');
  });

  it('every section title and variant of the schema is coloured as a heading', () => {
    for (const section of SECTIONS) {
      for (const title of [section.title, ...section.titleVariants]) {
        assert.equal(scopeOf(`${section.numeral}、${title}`, title), 'entity.name.section', title);
      }
    }
  });

  it('table row labels: numbering and label, in every layout', () => {
    assert.equal(scopeOf('\t（三）不予公开', '（三）'), 'keyword.other.row-number');
    assert.equal(scopeOf('\t（三）不予公开', '不予公开'), 'support.type.property-name.row-label');
    assert.equal(scopeOf('\t一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'), 'support.type.property-name.row-label');
    assert.equal(scopeOf('（七）总计', '总计'), 'support.type.property-name.row-label');
    assert.equal(scopeOf('3.其他', '其他'), 'support.type.property-name.row-label');
    // Pipe-flattened and markdown rows.
    assert.equal(scopeOf('规章 |', '规章'), 'support.type.property-name.row-label');
    assert.equal(scopeOf('规章 |', '|'), 'punctuation.separator.table');
    const markdown = '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |';
    assert.equal(scopeOf(markdown, '一、'), 'keyword.other.row-number');
    assert.deepEqual(tokenize(markdown).filter((t) => t.scopes.includes('constant.numeric.govreport')).map((t) => t.text), ['3', '0', '0', '0', '0', '0', '3']);
    // PDF text: one row per line, values aligned with spaces.
    const aligned = '                            1.属于国家秘密         1     0      0     0   0   0     1';
    assert.equal(scopeOf(aligned, '1.'), 'keyword.other.row-number');
    assert.equal(scopeOf(aligned, '属于国家秘密'), 'support.type.property-name.row-label');
    assert.deepEqual(tokenize(aligned).filter((t) => t.scopes.includes('constant.numeric.govreport')).map((t) => t.text), ['1', '0', '0', '0', '0', '0', '1']);
  });

  it('every row label of tables A and B (and every variant) is coloured as a row label', () => {
    for (const table of [TABLES.A, TABLES.B]) {
      for (const row of table.rows) {
        for (const label of [row.label.slice(row.numbering.length), ...row.variants]) {
          const line = `\t${row.numbering}${label}`;
          assert.equal(scopeOf(line, label), 'support.type.property-name.row-label', line);
        }
      }
    }
  });

  it('subsection markers and their headings', () => {
    assert.equal(scopeOf('（1） 加强组织领导', '（1）'), 'keyword.other.subsection-number');
    assert.equal(scopeOf('（1） 加强组织领导', '加强组织领导'), 'markup.heading.subsection');
    const line = '(一)加强组织领导,健全工作机制。我局高度重视政府信息公开工作。';
    assert.equal(scopeOf(line, '(一)'), 'keyword.other.subsection-number');
    assert.equal(scopeOf(line, '加强组织领导,健全工作机制'), 'markup.heading.subsection');
    assert.equal(scopeOf('（三）依申请公开情况', '（三）'), 'keyword.other.subsection-number');
  });

  it('numbers, placeholders, page numbers and the title', () => {
    assert.equal(scopeOf('2023年，我镇认真贯彻落实', '2023'), 'constant.numeric');
    assert.equal(scopeOf('\t96171.6', '96171.6'), 'constant.numeric');
    for (const placeholder of ['/', '—', '-', '无']) {
      assert.equal(scopeOf(`\t${placeholder}`, placeholder), 'constant.language.placeholder', placeholder);
      assert.equal(scopeOf(`${placeholder} |`, placeholder), 'constant.language.placeholder', placeholder);
    }
    assert.notEqual(scopeOf('情况：无。', '情况：无。'), 'constant.language.placeholder');
    assert.equal(scopeOf('                   -3-', '                   -3-'), 'comment.line.page-number');
    assert.equal(scopeOf('2023年政府信息公开工作年度报告', '2023年政府信息公开工作年度报告'), 'markup.heading.title');
    assert.equal(scopeOf('忻州市民政局2023年政府信息公开工作年度报告', '忻州市民政局2023年政府信息公开工作年度报告'), 'markup.heading.title');
  });
});
