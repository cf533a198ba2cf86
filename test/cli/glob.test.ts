/**
 * The CLI's own glob matcher (server/src/cli/glob.ts), ignore rules (ignore.ts) and terminal widths
 * (width.ts), unit by unit.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expandBraces, expandGlob, globMatcher, isGlob } from '../../server/src/cli/glob';
import { IgnoreRules, parseIgnoreLine } from '../../server/src/cli/ignore';
import { displayWidth, padTo, truncateTo } from '../../server/src/cli/width';

const matches = (pattern: string, paths: readonly string[], dot = false): string[] => {
  const match = globMatcher(pattern, { dot });
  return paths.filter(match);
};

describe('globMatcher', () => {
  const PATHS = ['a.txt', 'b.TXT', '.hidden.txt', 'reports/2023/年报.txt', 'reports/2023/x/y.txt', 'reports/a.txt', 'reports/.git/a.txt', 'c?.txt', 'c1.txt', 'cx.txt', 'd[1].txt'];

  test('* stays in a segment, never matches a leading dot', () => {
    assert.deepEqual(matches('*.txt', PATHS), ['a.txt', 'c?.txt', 'c1.txt', 'cx.txt', 'd[1].txt']);
    assert.deepEqual(matches('reports/*.txt', PATHS), ['reports/a.txt']);
    assert.deepEqual(matches('*.txt', PATHS, true), ['a.txt', '.hidden.txt', 'c?.txt', 'c1.txt', 'cx.txt', 'd[1].txt']);
  });

  test('** spans folders, none too; it does not enter dot folders unless dot', () => {
    assert.deepEqual(matches('reports/**/*.txt', PATHS), ['reports/2023/年报.txt', 'reports/2023/x/y.txt', 'reports/a.txt']);
    assert.deepEqual(matches('**/a.txt', PATHS), ['a.txt', 'reports/a.txt']);
    assert.deepEqual(matches('**/a.txt', PATHS, true), ['a.txt', 'reports/a.txt', 'reports/.git/a.txt']);
    assert.deepEqual(matches('reports/**', PATHS), ['reports/2023/年报.txt', 'reports/2023/x/y.txt', 'reports/a.txt']);
  });

  test('? is one character (a Chinese one too); [...] a set, a range, a negation; \\ escapes', () => {
    assert.deepEqual(matches('c?.txt', PATHS), ['c?.txt', 'c1.txt', 'cx.txt']);
    assert.deepEqual(matches('c[0-9].txt', PATHS), ['c1.txt']);
    assert.deepEqual(matches('c[!0-9?].txt', PATHS), ['cx.txt']);
    assert.deepEqual(matches('c[^x1].txt', PATHS), ['c?.txt']);
    assert.deepEqual(matches('c\\?.txt', PATHS), ['c?.txt']);
    assert.deepEqual(matches('d\\[1].txt', PATHS), ['d[1].txt']);
    assert.deepEqual(matches('reports/2023/??.txt', PATHS), ['reports/2023/年报.txt']);
    assert.deepEqual(matches('[ab].*', PATHS), ['a.txt', 'b.TXT']);
  });

  test('{a,b} alternatives, nested and with globs inside; without a comma a brace is literal', () => {
    assert.deepEqual(expandBraces('r/{a,b{1,2}}.txt'), ['r/a.txt', 'r/b1.txt', 'r/b2.txt']);
    assert.deepEqual(expandBraces('{a}.txt'), ['{a}.txt']);
    assert.deepEqual(matches('{a,b}.{txt,TXT}', PATHS), ['a.txt', 'b.TXT']);
    assert.deepEqual(matches('{reports/*,c[0-9]}.txt', PATHS), ['reports/a.txt', 'c1.txt']);
    assert.throws(() => expandBraces('{a,b}'.repeat(11)), RangeError);
  });

  test('isGlob: an unescaped wildcard, set or brace', () => {
    assert.deepEqual(['a.txt', 'a*.txt', 'a?', 'a[1]', '{a,b}', 'a\\*.txt', '报告/2023.txt'].map(isGlob), [false, true, true, true, true, false, false]);
  });
});

describe('expandGlob', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-glob-'));
    for (const f of ['reports/2023/a.txt', 'reports/2023/b.md', 'reports/2024/深圳/c.txt', 'reports/.drafts/d.txt', 'reports/node_modules/e.txt', 'top.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
    }
    // A folder link back up: walked once, no loop.
    fs.symlinkSync(path.join(dir, 'reports'), path.join(dir, 'reports', '2024', 'loop'));
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('relative to the folder given, the pattern\'s prefix kept, sorted; dot folders and node_modules not entered by **', () => {
    // The link `loop` leads back to reports/, already walked: each real folder once.
    assert.deepEqual(expandGlob('reports/**/*.txt', dir).paths, ['reports/2023/a.txt', 'reports/2024/深圳/c.txt']);
    assert.deepEqual(expandGlob('reports/*', dir).paths, ['reports/2023', 'reports/2024', 'reports/node_modules']);
    assert.deepEqual(expandGlob('reports/.drafts/*.txt', dir).paths, ['reports/.drafts/d.txt']);
    assert.deepEqual(expandGlob('{top,reports/2023/a}.txt', dir).paths, ['reports/2023/a.txt', 'top.txt']);
    assert.deepEqual(expandGlob('nowhere/*.txt', dir).paths, []);
  });

  test('an absolute pattern gives absolute paths (a single * matches node_modules, as the shell does); a skipped folder is not entered', () => {
    assert.deepEqual(expandGlob(`${dir}/reports/*/*.txt`, '/').paths, [`${dir}/reports/2023/a.txt`, `${dir}/reports/node_modules/e.txt`]);
    const skipping = expandGlob('reports/**/*.txt', dir, (p) => p.endsWith('2024') || p.endsWith('a.txt'));
    assert.deepEqual([skipping.paths, skipping.skipped], [[], 1], 'a.txt matched and skipped; the folder 2024 skipped without matching');
  });
});

describe('ignore rules (gitignore syntax)', () => {
  test('comments, blank lines, negation, folder-only, anchoring', () => {
    assert.equal(parseIgnoreLine('# a comment'), null);
    assert.equal(parseIgnoreLine('   '), null);
    const rule = parseIgnoreLine('!draft/ ')!;
    assert.deepEqual([rule.negate, rule.folderOnly, rule.match('draft'), rule.match('x/draft'), rule.match('draftx')], [true, true, true, true, false]);
    const anchored = parseIgnoreLine('/old/*.txt')!;
    assert.deepEqual([anchored.match('old/a.txt'), anchored.match('x/old/a.txt')], [true, false]);
    const literalHash = parseIgnoreLine('\\#1.txt')!;
    assert.equal(literalHash.match('#1.txt'), true);
  });

  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ignore-'));
    fs.mkdirSync(path.join(dir, 'r', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.govreportignore'), '# drafts are not reports yet\n*-草稿.txt\nbuild/\n');
    fs.writeFileSync(path.join(dir, 'r', '.govreportignore'), '!keep-草稿.txt\nsub/only.txt\n');
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('the current folder\'s file, then deeper ones (a negation there re-includes), then --ignore', () => {
    const rules = new IgnoreRules([], dir);
    const at = (p: string): string => path.join(dir, p);
    assert.equal(rules.ignores(at('a-草稿.txt'), false), true);
    assert.equal(rules.ignores(at('r/b-草稿.txt'), false), true);
    assert.equal(rules.ignores(at('r/keep-草稿.txt'), false), false);
    assert.equal(rules.ignores(at('r/sub/only.txt'), false), true);
    assert.equal(rules.ignores(at('sub/only.txt'), false), false, 'r/.govreportignore anchors to r/');
    assert.equal(rules.ignores(at('build'), true), true);
    assert.equal(rules.ignores(at('build'), false), false, 'build/ matches folders only');
    assert.equal(rules.ignores(at('build/x/a.txt'), false), true, 'a file in an ignored folder');
    const cli = new IgnoreRules(['r/keep-*', '!a-草稿.txt'], dir);
    assert.equal(cli.ignores(at('r/keep-草稿.txt'), false), true);
    assert.equal(cli.ignores(at('a-草稿.txt'), false), false);
  });

  test('a folder outside the current folder reads its own files from the folder walked down', () => {
    const rules = new IgnoreRules([], path.join(dir, 'elsewhere'));
    assert.equal(rules.ignores(path.join(dir, 'r', 'b-草稿.txt'), false, path.join(dir, 'r')), false, 'the file above the walk is not read');
    assert.equal(rules.ignores(path.join(dir, 'r', 'sub', 'only.txt'), false, path.join(dir, 'r')), true);
  });
});

describe('terminal widths', () => {
  test('a Chinese character and fullwidth punctuation take 2 columns, ASCII 1, combining marks 0', () => {
    assert.deepEqual(['abc', '年报', '（一）', '１２', 'e\u0301', '𠀀', '…'].map(displayWidth), [3, 4, 6, 4, 1, 2, 1]);
    assert.equal(padTo('年报', 6), '年报  ');
    assert.equal(padTo('12', 4, 'right'), '  12');
    assert.equal(truncateTo('政府信息公开', 7), '政府信…');
    assert.equal(displayWidth(truncateTo('政府信息公开', 7)), 7);
    assert.equal(truncateTo('abc', 3), 'abc');
  });
});
