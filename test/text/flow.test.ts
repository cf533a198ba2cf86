/**
 * Narrative sentences: lines broken mid-sentence (PDF text, web copies) are joined, page numbers and
 * form feeds skipped, tables left out — and every character still points at the document.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/parser';
import { narrativeOf, spanIn, tableSpans } from '../../server/src/core/narrative/flow';
import { PDF_TEXT, PROJECT_ROOT, SAMPLES, pdfText, sample } from '../support/paths';

function reports(): { name: string; text: string }[] {
  const dirs = [SAMPLES, PDF_TEXT, path.join(PROJECT_ROOT, 'test', 'fixtures', 'text')];
  return dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })));
}

function sentenceWith(text: string, words: string): { text: string; startLine: number; endLine: number } {
  const { model } = parseReport(text);
  const s = narrativeOf(model).sentences.find((x) => x.text.includes(words));
  assert.ok(s, `a sentence with ${words}`);
  return { text: s.text, startLine: model.lines.positionAt(s.span.start).line + 1, endLine: model.lines.positionAt(s.span.end - 1).line + 1 };
}

describe('sentences keep their offsets', () => {
  it('every character of every sentence is the document character at its offset (digits made ASCII), offsets increasing', () => {
    const files = reports();
    assert.ok(files.length >= 15);
    for (const { name, text } of files) {
      const { model } = parseReport(text);
      for (const s of narrativeOf(model).sentences) {
        assert.equal(s.offsets.length, s.text.length, name);
        for (let i = 0; i < s.text.length; i++) {
          const original = text[s.offsets[i]!]!;
          const ascii = original.replace(/[０-９]/u, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
          assert.equal(s.text[i], ascii, `${name} at ${s.offsets[i]}`);
          if (i > 0) assert.ok(s.offsets[i]! > s.offsets[i - 1]!, name);
        }
        assert.deepEqual(s.span, spanIn(s, 0, s.text.length));
      }
    }
  });
  it('no sentence reaches into a table', () => {
    for (const { name, text } of reports()) {
      const { model } = parseReport(text);
      const tables = tableSpans(model);
      for (const s of narrativeOf(model).sentences) {
        for (const offset of s.offsets) assert.ok(!tables.some((t) => offset >= t.start && offset < t.end), `${name}: ${s.text.slice(0, 20)}`);
      }
    }
  });
});

describe('lines broken mid-sentence are joined', () => {
  it('PDF text: 2023 年全区受理政府信息公开申请 21 件，均在法定期限答复 (lines 21–22), with its spaces', () => {
    const s = sentenceWith(pdfText('001').text, '受理政府信息公开申请21件');
    assert.equal(s.text, '2023年全区受理政府信息公开申请21件，均在法定期限答复。');
    assert.deepEqual([s.startLine, s.endLine], [21, 22]);
  });
  it('PDF text: a sentence across a page break (page number -1- and blank lines between)', () => {
    const s = sentenceWith(pdfText('001').text, '分级审核');
    assert.equal(s.text, '严格执行“分级审核、先审后发”程序，落实“三审三校”制度，从严从实把好政治关、法律关、政策关、保密关、文字关，未经审核的信息一律不准发布。');
    assert.deepEqual([s.startLine, s.endLine], [25, 30]);
  });
  it('PDF text: the address and phone number across lines 7–10', () => {
    const s = sentenceWith(pdfText('001').text, '洪泽湖大道');
    assert.ok(s.text.includes('洪泽湖大道90号，邮编：223100，电话：0517-87222589'));
  });
  it('web copy: 圆满完成了2023年政府 / 信息公开工作 (sample 002 lines 4–5)', () => {
    const s = sentenceWith(sample('002').text, '圆满完成了');
    assert.equal(s.text, '我们在工作中认真查找存在的问题,采取有效措施加以整改,圆满完成了2023年政府信息公开工作。');
    assert.deepEqual([s.startLine, s.endLine], [4, 5]);
  });
  it('a subsection heading is not joined to the paragraph after it (sample 003 line 9 / 10)', () => {
    const s = sentenceWith(sample('003').text, '共受理政府信息公开申请9件');
    assert.ok(s.text.startsWith('2024年，共受理'), s.text);
    assert.equal(s.startLine, 10);
  });
  it('text in a table section that is not prose is not narrative', () => {
    const { model } = parseReport(sample('000').text);
    assert.ok(!narrativeOf(model).sentences.some((s) => s.text.includes('本年制发件数')));
  });
});

describe('the sentence builder on awkward text', () => {
  const sentencesOf = (text: string): { text: string; offsets: number[]; paragraph: number }[] =>
    narrativeOf(parseReport(text).model).sentences.map((s) => ({ text: s.text, offsets: [...s.offsets], paragraph: s.paragraph }));
  it('an empty text, or one of white space only, has no sentences', () => {
    assert.deepEqual(sentencesOf(''), []);
    assert.deepEqual(sentencesOf('\n\r\n \f\u3000\n'), []);
  });
  it('CRLF line ends: the lines of a paragraph are joined, full-width digits made ASCII, offsets kept', () => {
    const text = '一、总体情况\r\n本年度收到申请５件，\r\n办结４件。\r\n';
    const [s, ...rest] = sentencesOf(text);
    assert.equal(rest.length, 0);
    assert.equal(s!.text, '本年度收到申请5件，办结4件。');
    assert.equal(s!.offsets[0], text.indexOf('本'));
    assert.equal(s!.offsets[s!.text.indexOf('办')], text.indexOf('办'));
    assert.equal(s!.offsets[s!.text.length - 1], text.indexOf('。'));
  });
  it('a surrogate pair stays two code units with two offsets; closing quotes stay with the full stop', () => {
    const text = '一、总体情况\n他说：“𠀀好。”然后办结３件。\n';
    const sentences = sentencesOf(text);
    assert.deepEqual(sentences.map((s) => s.text), ['他说：“𠀀好。”', '然后办结3件。']);
    const at = text.indexOf('𠀀');
    assert.deepEqual(sentences[0]!.offsets.slice(4, 6), [at, at + 1]);
  });
  it('a run of ideographs longer than a sentence may be is cut at 4,000 characters, also across white space', () => {
    const run = '政务公开'.repeat(2300);
    const text = `一、总体情况\n${run.slice(0, 3998)} ${run}。\n`;
    const sentences = sentencesOf(text);
    assert.deepEqual(sentences.map((s) => s.text.length), [4000, 4000, 4000, 1199]);
    const start = text.indexOf('政');
    assert.equal(sentences[0]!.offsets[3998], start + 3999);
    assert.equal(sentences[1]!.offsets[0], start + 4001);
    assert.equal(sentences[3]!.text.at(-1), '。');
  });
  it('a page break joins a paragraph across it; a blank line and a [bookmark] artifact line do not', () => {
    const text = '一、总体情况\n本年度共收到\n- 2 -\n\f\n申请5件。\n[bookmark: a]\n本年度\n\n办结4件。\n';
    const sentences = sentencesOf(text);
    assert.deepEqual(sentences.map((s) => s.text), ['本年度共收到申请5件。', '本年度', '办结4件。']);
    assert.deepEqual(sentences.map((s) => s.paragraph), [0, 1, 2]);
  });
});
