/**
 * The parser's cheap scans (issue 13) say what the regular expressions and lookups they replace
 * said: `isWhiteSpace` is `\s`; LineIndex cuts lines as before, with or without `\r`; the heading
 * matcher's bound before its memo rejects no text that a form matches; the shared readings of small
 * numbers are what reading the text gives.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import { describe, it } from 'node:test';
import { HEADING_MATCHER } from '../../server/src/core/format/match';
import { normalizeLabel, normalizeLabelUncached, readCellText, readCellTextUncached } from '../../server/src/core/format/normalize';
import { SECTIONS } from '../../server/src/core/format/schema';
import { isWhiteSpace, LineIndex } from '../../server/src/core/text';
import { makeUnit, separatedUnits, type Unit } from '../../server/src/core/parse/units';
import { parseReport } from '../../server/src/core/parse/parser';
import { tableIndex, type Cell } from '../../server/src/core/model';
import { PDF_TEXT, SAMPLES } from '../support/paths';
import { Random } from '../robust/fuzzer';

/** A seeded generator (the fuzzer's mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  const generator = new Random(seed);
  return () => generator.next();
}

describe('cheap scans', () => {
  it('isWhiteSpace is \\s, for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isWhiteSpace(c), /\s/u.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('LineIndex cuts lines at \\n, \\r\\n and a lone \\r, as a character-by-character reading does', () => {
    const next = random(13);
    const pieces = ['a', '表', '\n', '\r\n', '\r', ' ', '\n\n'];
    for (let k = 0; k < 500; k++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)]!;
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
      }
      const lines = new LineIndex(text);
      assert.equal(lines.lineCount, starts.length, JSON.stringify(text));
      starts.forEach((start, line) => {
        assert.equal(lines.lineStart(line), start, JSON.stringify(text));
      });
      for (let offset = 0; offset <= text.length; offset++) {
        const line = starts.filter((s) => s <= offset).length - 1;
        assert.equal(lines.lineAt(offset), line, `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });

  it('LineIndex cuts the lines of each text alone, whatever texts were indexed before (a shared scratch array)', () => {
    const long = 'a\n'.repeat(5000);
    const huge = '\n'.repeat(70_000);
    for (const text of [long, 'x\ny', huge, '', 'one line', long.slice(0, 2999), '\n\n表']) {
      const lines = new LineIndex(text);
      const expected = text.split('\n');
      assert.equal(lines.lineCount, expected.length);
      let start = 0;
      expected.forEach((line, i) => {
        assert.equal(lines.lineStart(i), start);
        assert.equal(lines.lineText(i), line);
        start += line.length + 1;
      });
    }
  });

  it('aligned columns are cut where a tab or two or more spaces separate them, whatever white space opens a line', () => {
    // What the scan by character codes replaces: every line with content split by the expression,
    // each piece of numbers separated by single spaces taken apart.
    const reference = (text: string): Unit[] => {
      const out: Unit[] = [];
      const push = (unit: Unit | null): void => {
        if (unit) out.push(unit);
      };
      let lineStart = 0;
      for (const line of text.split('\n')) {
        if (/\S/u.test(line)) {
          let pos = 0;
          const pieces: [string, number][] = [];
          for (const m of line.matchAll(/\t|[ \u3000]{2,}/gu)) {
            if (m.index > pos) pieces.push([line.slice(pos, m.index), pos]);
            pos = m.index + m[0].length;
          }
          if (pos < line.length) pieces.push([line.slice(pos), pos]);
          for (const [piece, at] of pieces) {
            const tokens = [...piece.matchAll(/\S+/gu)];
            if (tokens.length > 1 && tokens.every((t) => readCellText(t[0]).kind === 'number')) for (const t of tokens) push(makeUnit(t[0], lineStart + at + t.index, 'aligned'));
            else push(makeUnit(piece, lineStart + at, 'aligned'));
          }
        }
        lineStart += line.length + 1;
      }
      return out;
    };
    const next = random(29);
    const pieces = [' ', '  ', '   ', '\t', '\u3000', '\u3000 ', '\u00a0', ' \t', '\t ', '12', '3 4', '5 件', '行政许可', '其他 事项', '𠀀', '0', '1,234', '- 3 -', '\n', '\n', '\n  \n'];
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)]!;
      const out: Unit[] = [];
      separatedUnits(new LineIndex(text), text, 0, text.length, out, () => false);
      assert.deepEqual(out, reference(text), JSON.stringify(text));
    }
  });

  it('a table\'s cells in text order are sorted by their spans, whether the rows came in text order or not', () => {
    const byText = (a: Cell, b: Cell): number => a.span.start - b.span.start || a.span.end - b.span.end;
    for (const f of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt'))) {
      for (const table of Object.values(parseReport(fs.readFileSync(`${SAMPLES}/${f}`, 'utf8')).model.tables)) {
        const expected = table.rows.flatMap((r) => r.cells).sort(byText);
        assert.deepEqual(tableIndex(table).cellsInTextOrder, expected, f);
        const reversed = { ...table, rows: [...table.rows].reverse() };
        assert.deepEqual(tableIndex(reversed).cellsInTextOrder, reversed.rows.flatMap((r) => r.cells).sort(byText), f);
        assert.equal(tableIndex(reversed).specs, tableIndex(table).specs);
      }
    }
  });

  it('the heading matcher\'s bound rejects no text a form matches (lines of the reports, and forms with slips)', () => {
    const matcher = HEADING_MATCHER as unknown as { cannotMatch(text: string): boolean; compute(text: string): unknown };
    const texts: string[] = [];
    for (const dir of [SAMPLES, PDF_TEXT]) {
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        for (const line of fs.readFileSync(`${dir}/${f}`, 'utf8').split(/\r?\n/u)) {
          const t = line.trim();
          if (t.length <= 60) for (let i = 0; i < Math.min(t.length, 4); i++) texts.push(t.slice(i));
        }
      }
    }
    const forms = SECTIONS.flatMap((s) => [s.title, ...s.titleVariants, ...(s.titleStems ?? []).flatMap((stem) => [`${stem}、改进情况`, `${stem}与整改`, `${stem}和下一步工作`])]);
    const pool = Array.from('总体情况主动公开政府信息收到和处理申请行政复议诉讼存在的主要问题及改进其他需要报告事项的、与和及以（）()：:。.,， 　12３ab𠀀落实');
    const next = random(7);
    const pick = (): string => pool[Math.floor(next() * pool.length)]!;
    for (let k = 0; k < 20_000; k++) {
      let t = forms[Math.floor(next() * forms.length)]!;
      for (let e = Math.floor(next() * 5); e > 0; e--) {
        const at = Math.floor(next() * (t.length + 1));
        const op = next();
        t = op < 0.33 ? t.slice(0, at) + pick() + t.slice(at) : op < 0.66 ? t.slice(0, at) + t.slice(at + 1) : t.slice(0, at) + pick() + t.slice(at + 1);
      }
      texts.push(t);
    }
    let rejected = 0;
    for (const t of texts) {
      if (!matcher.cannotMatch(t)) continue;
      rejected++;
      assert.equal(matcher.compute(t), null, JSON.stringify(t));
    }
    assert.ok(rejected > 1000, `the bound rejected only ${rejected} texts`);

    // The bound for all the texts after prefixes at once (a garbled numeral's): none of them matches when it says so.
    const after = HEADING_MATCHER as unknown as { cannotMatchAfter(text: string, from: number, to: number): boolean; compute(text: string): unknown };
    let rejectedAfter = 0;
    for (const body of texts) {
      for (const prefix of ['', '1', '一、', '五法', '𠀀二', '（三）', ' 4 ']) {
        const t = prefix + body;
        for (let from = 0; from <= Math.min(3, t.length); from++) {
          for (let to = from; to <= Math.min(7, t.length); to++) {
            if (!after.cannotMatchAfter(t, from, to)) continue;
            rejectedAfter++;
            for (let p = from; p <= to; p++) assert.equal(after.compute(t.slice(p).trimStart()), null, `${JSON.stringify(t)} after ${p} (${from}–${to})`);
          }
        }
      }
    }
    assert.ok(rejectedAfter > 1000, `the bound after prefixes rejected only ${rejectedAfter} texts`);
  });

  it('no text shorter than the matcher\'s shortest form matches (so that such a line is not looked at)', () => {
    const matcher = HEADING_MATCHER as unknown as { compute(text: string): unknown; minLength: number };
    assert.equal(matcher.minLength, 3);
    const pool = Array.from('一二三五六七1２、.．（）()总体情况其他事项与和及 　𠀀');
    for (const a of pool) {
      assert.equal(matcher.compute(a), null, a);
      for (const b of pool) if ((a + b).length < matcher.minLength) assert.equal(matcher.compute(a + b), null, a + b);
    }
  });

  it('a cell read by its first character reads as the full reading says, for every first code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `${ch}其他`, `${ch}12`, ` ${ch}件`, `\u3000${ch}`, `${ch}\u0000`]) assert.deepEqual(readCellText(text), readCellTextUncached(text), `U+${c.toString(16)} in ${JSON.stringify(text)}`);
    }
    for (const text of ['', ' ', '\u3000', '行政许可', '（待填）', '(待填)', '暂无', '无', '空', '—', '-12', '＋3', '１２', '1,234', '3件', '1.属于国家秘密', '（一）予以公开', '(二)部分公开', '（ 待填 ）', '( 待填)', '（待填', '（待填）x', '(待)', '𠀀行政', '\ud800', '\udc00x']) {
      assert.deepEqual(readCellText(text), readCellTextUncached(text), JSON.stringify(text));
    }
  });

  it('a label left as it is, is what normalising it gives, for every code unit in it', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `${ch}行政许可`, `行政${ch}许可`, `${ch}、其他`, `(${ch})`]) assert.equal(normalizeLabel(text), normalizeLabelUncached(text), `U+${c.toString(16)} in ${JSON.stringify(text)}`);
    }
    for (const text of ['', '1、其他', '1.其他', '12,其他', '123、', '（一）行政许可', '１．属于国家秘密', '行 政　许可', '𠀀', '\ud800']) assert.equal(normalizeLabel(text), normalizeLabelUncached(text), JSON.stringify(text));
  });

  it('one to three digits read as the number, as the same text with spaces round it does', () => {
    for (let v = 0; v < 1000; v++) {
      for (const text of new Set([String(v), String(v).padStart(2, '0'), String(v).padStart(3, '0')])) {
        if (text.length <= 3) assert.deepEqual(readCellText(text), readCellText(` ${text} `), text);
      }
    }
  });
});
