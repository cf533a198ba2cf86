/**
 * Applying edits, fix-all and the unified diff: the pure functions behind the editor's code actions
 * and `govreport fix`.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { applyEdits, changedPlaces, editsConflict, fixAll, fixAllDetailed, minimalEdit, unifiedDiff } from '../../server/src/core/fix';
import { sample } from '../support/paths';
import { line } from './helpers';

const edit = (start: number, end: number, newText: string) => ({ span: { start, end }, newText });

describe('applyEdits', () => {
  it('applies edits given in any order; offsets refer to the original text', () => {
    assert.equal(applyEdits('abcdef', [edit(4, 5, 'E'), edit(0, 1, 'A'), edit(2, 2, '+')]).text, 'Ab+cdEf');
  });
  it('rejects, first come first served, an edit overlapping one accepted before it', () => {
    const r = applyEdits('abcdef', [edit(1, 3, 'X'), edit(2, 4, 'Y'), edit(2, 2, 'Z'), edit(3, 3, 'W'), edit(1, 1, 'V')]);
    assert.equal(r.text, 'aVXWdef');
    assert.deepEqual(r.rejected, [edit(2, 4, 'Y'), edit(2, 2, 'Z')]);
    // The same edits in another order: the other ones win, deterministically.
    assert.equal(applyEdits('abcdef', [edit(2, 4, 'Y'), edit(1, 3, 'X')]).text, 'abYef');
  });
  it('two insertions at one point conflict (their order would be a guess); at the ends of a replacement they do not', () => {
    assert.equal(editsConflict(edit(2, 2, 'a'), edit(2, 2, 'b')), true);
    assert.equal(editsConflict(edit(2, 2, 'a'), edit(2, 4, 'b')), false);
    assert.equal(editsConflict(edit(4, 4, 'a'), edit(2, 4, 'b')), false);
    assert.equal(editsConflict(edit(3, 3, 'a'), edit(2, 4, 'b')), true);
  });
  it('rejects edits outside the text', () => {
    const r = applyEdits('abc', [edit(2, 9, 'x'), edit(-1, 0, 'y'), edit(2, 1, 'z')]);
    assert.equal(r.text, 'abc');
    assert.equal(r.rejected.length, 3);
  });
});

describe('minimalEdit', () => {
  it('the changed middle only', () => {
    assert.deepEqual(minimalEdit('abcXYZdef', 'abc12def'), edit(3, 6, '12'));
    assert.equal(minimalEdit('same', 'same'), null);
    assert.deepEqual(minimalEdit('', 'new'), edit(0, 0, 'new'));
  });
  it('never splits a surrogate pair', () => {
    // 𠀀 (U+20000) and 𠀁 (U+20001) share their high surrogate.
    const e = minimalEdit('a\u{20000}b', 'a\u{20001}b')!;
    assert.deepEqual(e, edit(1, 3, '\u{20001}'));
  });
});

describe('unifiedDiff', () => {
  it('hunks with three lines of context, as diff -u writes them', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', '9', '10', '11'].join('\n') + '\n';
    assert.equal(
      unifiedDiff(before, after, 'a/r.txt', 'b/r.txt'),
      ['--- a/r.txt', '+++ b/r.txt', '@@ -2,9 +2,10 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ' 9', ' 10', '+11', ''].join('\n'),
    );
  });
  it('far-apart changes are separate hunks; a missing final line break is marked', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n');
    const after = before.replace('l2\n', 'L2\n').replace('l20', 'L20');
    assert.equal(
      unifiedDiff(before, after),
      [
        '--- a', '+++ b',
        '@@ -1,5 +1,5 @@', ' l1', '-l2', '+L2', ' l3', ' l4', ' l5',
        '@@ -17,4 +17,4 @@', ' l17', ' l18', ' l19', '-l20', '\\ No newline at end of file', '+L20', '\\ No newline at end of file', '',
      ].join('\n'),
    );
  });
  it('nothing for equal texts; a changed line ending is a change', () => {
    assert.equal(unifiedDiff('x\n', 'x\n'), '');
    assert.equal(unifiedDiff('x\n', 'x\r\n'), '--- a\n+++ b\n@@ -1 +1 @@\n-x\n+x\r\n');
  });
  it('lines end at LF only, as patch and git apply read them: a lone CR is a character of its line; a CRLF last line without LF is marked', () => {
    assert.equal(unifiedDiff('a\rb\nc\n', 'a\rB\nc\n'), '--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\rb\n+a\rB\n c\n');
    assert.equal(unifiedDiff('x\r\ny\r', 'x\r\nY\r'), '--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\r\n-y\r\n\\ No newline at end of file\n+Y\r\n\\ No newline at end of file\n');
  });
  it('a line of 20 million characters (no stack overflow); only the changed lines cost', () => {
    const long = ' '.repeat(20_000_000);
    assert.equal(unifiedDiff(`a\n${long}\n`, `b\n${long}\n`).length, `--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\n+b\n ${long}\n`.length);
    const many = Array.from({ length: 200_000 }, (_, i) => `第${i}行\n`);
    const changed = many.map((l, i) => (i % 20_000 === 7 ? `改${l}` : l));
    assert.equal(changedPlaces(many.join(''), changed.join('')), 10);
  });
  it('changedPlaces: each run of adjacent changed lines is one place, as the diff shows it', () => {
    assert.equal(changedPlaces('a\nb\nc\nd\n', 'a\nb\nc\nd\n'), 0);
    // b and c changed together (one run), an inserted line after d (another), in one hunk.
    assert.equal(changedPlaces('a\nb\nc\nd\n', 'a\nB\nC\nd\ne\n'), 2);
    assert.equal(unifiedDiff('a\nb\nc\nd\n', 'a\nB\nC\nd\ne\n').match(/^@@/gmu)?.length, 1);
    assert.equal(changedPlaces('a\nb\n', 'b\n'), 1);
  });
});

describe('fixAll', () => {
  it('001: the heading and both subsection markers in one round; a second run changes nothing', () => {
    const { text } = sample('001');
    const result = fixAllDetailed(text);
    assert.deepEqual(result.rounds, [['统一本部分的小节序号（改 2 处）', '将序号「2、」改为「二、」']]);
    assert.deepEqual([line(result.text, 8), line(result.text, 10), line(result.text, 22)], ['（一） 加强组织领导', '（二） 主动公开情况', '二、 主动公开政府信息情况']);
    assert.equal(result.text.length, text.length);
    assert.equal(fixAll(result.text), result.text);
  });
  it('004: the 总计 column is left alone (its fix changes typed numbers), only the heading is fixed', () => {
    const { text } = sample('004');
    const fixed = fixAll(text);
    assert.equal(fixed, text.replace('\n2、 收到和处理政府信息公开申请情况', '\n三、 收到和处理政府信息公开申请情况'));
  });
  it('stops after maxRounds', () => {
    assert.equal(fixAll(sample('001').text, { maxRounds: 0 }), sample('001').text);
  });
});
