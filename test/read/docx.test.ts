/**
 * The Word reader: .docx fixtures made from the real 2021 template and the samples' values give the
 * samples' findings; cells know their table, row and column; merged cells and automatic numbering
 * are resolved; old, encrypted, damaged and oversized files get their one problem; random bytes never
 * make it throw.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { analyze } from '../../server/src/core/analyze';
import { findCell, type ReportModel } from '../../server/src/core/model';
import { analyzeRead, placedFindings, readProblemMessage } from '../../server/src/core/read/analyzeRead';
import { docxReader, readDocx } from '../../server/src/core/read/docx';
import { chineseCounting, formatNumber } from '../../server/src/core/read/docx/numbering';
import { formatOfName, readerFor } from '../../server/src/core/read/index';
import type { ReadResult } from '../../server/src/core/read/reader';
import { en, zhCN } from '../../server/src/core/messages';
import { TABLE_IDS } from '../../server/src/core/format/schema';
import { sample } from '../support/paths';
import { FIXTURE_DIR, FIXTURES, makeDocx, p, tc, WRONG_TOTAL } from './docxFixtures';

/** The Word reader is synchronous. */
function readSync(input: { name: string; bytes?: Uint8Array }): ReadResult {
  const result = docxReader.read(input);
  assert.ok(!(result instanceof Promise));
  return result;
}

function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, name)));
}

function read(bytes: Uint8Array): ReadResult {
  const result = readDocx(bytes);
  assert.equal(result.problem, null, result.problem?.detail);
  return result;
}

/** The lines of a read text that are table rows. */
function tableLines(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('|'));
}

/** Findings as (code, message): the message names the row, the column and the values, not the line. */
function findingKeys(text: string): string[] {
  return analyze(text).findings.map((f) => `${f.code} ${f.message}`).sort();
}

/** Every cell the model read: table/row/column = raw (value). */
function cells(model: ReportModel): string[] {
  const out: string[] = [];
  for (const id of TABLE_IDS) for (const row of model.tables[id]?.rows ?? []) for (const cell of row.cells) out.push(`${id}/${row.spec.id}/${cell.column.id}=${cell.raw}(${cell.value})`);
  return out;
}

describe('docx fixtures: made from the template and the samples', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture.name}: regenerating gives the committed bytes`, () => {
      assert.deepEqual(Buffer.from(fixture.build()), Buffer.from(fixtureBytes(fixture.name)));
    });
  }
});

describe('docx: a sample made into a Word file gives exactly the sample’s findings and cells', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`sample ${prefix}`, () => {
      const { text } = sample(prefix);
      const result = read(fixtureBytes(`sample-${prefix}.docx`));
      assert.deepEqual(findingKeys(result.text), findingKeys(text));
      assert.deepEqual(cells(analyze(result.text).model), cells(analyze(text).model));
    });
  }

  it('sample 002 with its headings numbered by Word (numbering.xml): the same findings, the same headings', () => {
    const bytes = fixtureBytes('sample-002-numbered.docx');
    const documentXml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
    assert.equal(documentXml.match(/<w:numPr>/gu)?.length, 9, 'five section headings and four （一）–（四） subsections numbered');
    assert.ok(!documentXml.includes('一、总体情况') && !documentXml.includes('（一）加强组织领导'), 'the numerals are not typed');
    const result = read(bytes);
    assert.deepEqual(findingKeys(result.text), findingKeys(sample('002').text));
    const headings = (text: string): string[] => analyze(text).model.sections.map((s) => `${s.numeral}${s.title}`);
    assert.deepEqual(headings(result.text), headings(sample('002').text));
    assert.deepEqual(headings(result.text), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']);
    assert.ok(result.text.includes('\n（三）聚焦民政业务'));
  });

  it('a wrong total (001, table 三 row 一 总计 38 → 39): sum.row at table 2, row 4, column 10, the cell’s own text', () => {
    const result = read(fixtureBytes('sample-001-wrong-total.docx'));
    const placed = placedFindings(analyzeRead(result));
    const sums = placed.filter((f) => f.finding.code === 'sum.row');
    assert.equal(sums.length, 1);
    const [{ finding, place }] = sums as [(typeof sums)[number]];
    assert.deepEqual(place, { table: 2, row: 4, column: 10 });
    assert.equal(result.text.slice(finding.span.start, finding.span.end), '39');
    assert.match(finding.message, /「一、本年新收政府信息公开申请数量」的「总计」填报 39，按各项计算应为 38/u);
    // The balance of the 总计 column fails with it (一 + 二 = （七） + 四); nothing else changes.
    const extra = findingKeys(result.text).filter((k) => !findingKeys(sample('001').text).includes(k));
    assert.deepEqual(extra.map((k) => k.split(' ')[0]), ['sum.balance', 'sum.row']);
    assert.equal(WRONG_TOTAL.column, 'total');
  });

  it('every value cell’s place is its template grid position (table 三: rows 4–28, columns 4–10)', () => {
    const result = read(fixtureBytes('sample-000.docx'));
    const { model } = analyze(result.text);
    const cell = findCell(model.tables.B, 'carryForward', 'natural')!;
    assert.deepEqual(result.origin!.placeOf(cell.span.start), { table: 2, row: 28, column: 4 });
    const denied1 = findCell(model.tables.B, 'denied.1', 'total')!;
    assert.deepEqual(result.origin!.placeOf(denied1.span.start), { table: 2, row: 8, column: 10 });
    const fees = findCell(model.tables.A, 'fees', 'feeAmount')!;
    assert.deepEqual(result.origin!.placeOf(fees.span.start), { table: 1, row: 14, column: 2 });
    const review = findCell(model.tables.C, 'counts', 'suitAfterReview.total')!;
    assert.deepEqual(result.origin!.placeOf(review.span.start), { table: 3, row: 4, column: 15 });
  });
});

describe('docx: tables', () => {
  it('gridSpan, vMerge (restart and continue), gridBefore and hMerge resolve to grid columns', () => {
    const body =
      '<w:tbl>' +
      `<w:tr>${tc('A', '<w:gridSpan w:val="2"/>')}${tc('B', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${tc('C')}${tc('D')}${tc('ignored', '<w:vMerge/>')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('E', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('F', '<w:hMerge w:val="restart"/>')}${tc('gone', '<w:hMerge/>')}${tc('G')}</w:tr>` +
      '</w:tbl>';
    const result = read(makeDocx({ body }));
    assert.deepEqual(tableLines(result.text), ['| A | B |', '| C | D |  |', '|  | E |', '| F | G |']);
    const placeOf = (needle: string): unknown => result.origin!.placeOf(result.text.indexOf(needle));
    assert.deepEqual(placeOf('A'), { table: 1, row: 1, column: 1 });
    assert.deepEqual(placeOf('B'), { table: 1, row: 1, column: 3 });
    assert.deepEqual(placeOf('D'), { table: 1, row: 2, column: 2 });
    assert.deepEqual(result.origin!.placeOf(result.text.indexOf('| D |') + 5), { table: 1, row: 2, column: 3 }, 'the merged-away cell keeps its column');
    assert.deepEqual(placeOf('E'), { table: 1, row: 3, column: 2 });
    assert.deepEqual(placeOf('G'), { table: 1, row: 4, column: 3 });
  });

  it('a cell’s paragraphs join (a wrapped label reads whole; digits keep a space); tabs, breaks, hidden and deleted text', () => {
    const cell = `<w:tc>${p('商业')}${p('企业')}</w:tc><w:tc>${p('1')}${p('2')}</w:tc>`;
    const runs =
      '<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
      '<w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:br/><w:t>丙 &amp; &lt;丁&gt;</w:t></w:r></w:p>';
    const result = read(makeDocx({ body: `<w:tbl><w:tr>${cell}</w:tr></w:tbl>${runs}` }));
    assert.equal(result.text, '| 商业企业 | 1 2 |\n甲 乙插入\n丙 & <丁>\n');
    assert.deepEqual(result.origin!.placeOf(result.text.indexOf('甲')), { paragraph: 1 });
  });

  it('WordprocessingML under another prefix or as the default namespace, and parts in UTF-16, read the same', () => {
    const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = (prefix: string): string => {
      const q = prefix ? `${prefix}:` : '';
      return `<${q}document xmlns${prefix ? `:${prefix}` : ''}="${ns}"><${q}body><${q}p><${q}r><${q}t>一、总体情况</${q}t></${q}r></${q}p><${q}tbl><${q}tr><${q}tc><${q}tcPr><${q}gridSpan ${q}val="2"/></${q}tcPr><${q}p><${q}r><${q}t>甲</${q}t></${q}r></${q}p></${q}tc><${q}tc><${q}p><${q}r><${q}t>1</${q}t></${q}r></${q}p></${q}tc></${q}tr></${q}tbl></${q}body></${q}document>`;
    };
    const withDocument = (bytes: Uint8Array): Uint8Array => {
      const files = unzipSync(makeDocx({ body: '' }));
      return zipSync({ ...files, 'word/document.xml': bytes });
    };
    const expected = '一、总体情况\n| 甲 | 1 |\n';
    assert.equal(read(withDocument(new TextEncoder().encode(xml('ns0')))).text, expected);
    assert.equal(read(withDocument(new TextEncoder().encode(xml('')))).text, expected);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml('w'), 'utf16le')]);
    assert.equal(read(withDocument(new Uint8Array(le))).text, expected);
    const be = Buffer.from(le);
    be.swap16();
    assert.equal(read(withDocument(new Uint8Array(be))).text, expected);
    assert.deepEqual(read(withDocument(new TextEncoder().encode(xml('')))).origin!.placeOf(expected.indexOf('1')), { table: 1, row: 1, column: 3 });
  });

  it('a table nested in a cell is read into that cell', () => {
    const inner = `<w:tbl><w:tr>${tc('x')}${tc('y')}</w:tr></w:tbl>`;
    const result = read(makeDocx({ body: `<w:tbl><w:tr><w:tc>${p('外')}${inner}</w:tc>${tc('2')}</w:tr></w:tbl>` }));
    assert.deepEqual(tableLines(result.text), ['| 外 x y | 2 |']);
  });
});

describe('docx: automatic numbering', () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="5">' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>' +
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
    '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="6"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>';
  const num = (id: number, level: number): string => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;

  it('levels count, restart below, and write their level text (一、 （一） 1.); bullets, numId 0 and empty paragraphs write nothing', () => {
    const body = [
      p('总体情况', num(1, 0)),
      p('主动公开', num(1, 1)),
      p('依申请公开', num(1, 1)),
      p('细目', num(1, 2)),
      p('', num(1, 1)), // counts (Word shows 「（三）」), writes nothing
      p('平台建设', num(1, 1)),
      p('主动公开政府信息情况', num(1, 0)),
      p('又一小节', num(1, 1)),
      p('要点', num(2, 0)),
      p('不编号', num(0, 0)),
      p('第九项', num(3, 0)),
      p('第十项', num(3, 0)),
    ].join('');
    const result = read(makeDocx({ body, numbering }));
    assert.equal(result.text, '一、总体情况\n（一）主动公开\n（二）依申请公开\n1.细目\n\n（四）平台建设\n二、主动公开政府信息情况\n（一）又一小节\n要点\n不编号\n9 第九项\n10 第十项\n');
  });

  it('numbering from a paragraph style (and the style it is based on)', () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      `<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr>${num(1, 0)}</w:pPr></w:style>` +
      '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>';
    const body = [p('总体情况', '<w:pStyle w:val="H1"/>'), p('正文'), p('主动公开政府信息情况', '<w:pStyle w:val="H1b"/>')].join('');
    const result = read(makeDocx({ body, numbering, styles }));
    assert.equal(result.text, '一、总体情况\n正文\n二、主动公开政府信息情况\n');
  });

  it('number formats', () => {
    assert.deepEqual([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000].map((n) => chineseCounting(n)), ['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千']);
    assert.equal(formatNumber(3, 'decimal'), '3');
    assert.equal(formatNumber(3, 'decimalFullWidth'), '３');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(3, 'ideographTraditional'), '丙');
    assert.equal(formatNumber(12, 'chineseLegalSimplified'), '壹拾贰');
    assert.equal(formatNumber(4, 'upperRoman'), 'IV');
    assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
  });
});

describe('docx: files that cannot be read get one clear problem', () => {
  const ole = (extra: Uint8Array = new Uint8Array(0)): Uint8Array => {
    const bytes = new Uint8Array(1536);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(extra, 1024);
    return bytes;
  };
  const utf16 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));

  it('an old binary .doc or .wps (OLE): old-format, and the message says to save as .docx', () => {
    for (const name of ['report.doc', 'report.wps', 'report.docx']) {
      const result = readSync({ name, bytes: ole(utf16('WordDocument')) });
      assert.equal(result.problem?.kind, 'old-format', name);
      assert.equal(result.text, '');
    }
    assert.match(readProblemMessage({ kind: 'old-format', detail: '' }, zhCN), /另存为” \.docx/u);
    assert.match(readProblemMessage({ kind: 'old-format', detail: '' }, en), /save it as \.docx/u);
    assert.equal(readSync({ name: 'a.doc', bytes: new TextEncoder().encode('{\\rtf1\\ansi hello}') }).problem?.kind, 'old-format');
  });

  it('an encrypted Word file (an OLE file holding EncryptionInfo and EncryptedPackage): encrypted', () => {
    const result = readDocx(ole(new Uint8Array([...utf16('EncryptionInfo'), 0, 0, ...utf16('EncryptedPackage')])));
    assert.equal(result.problem?.kind, 'encrypted');
    assert.match(readProblemMessage(result.problem, zhCN), /密码/u);
    assert.match(readProblemMessage(result.problem, en), /password/u);
  });

  it('a zip entry encrypted with the zip’s own scheme: encrypted', () => {
    const bytes = makeDocx({ body: p('x') });
    // Set bit 0 (encrypted) of every central-directory entry's flags.
    const patched = patchCentralDirectory(bytes, (view, at) => { view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true); });
    assert.equal(readDocx(patched).problem?.kind, 'encrypted');
  });

  it('damaged: not a zip, a truncated zip, a zip that is not a Word document, a broken entry', () => {
    assert.equal(readDocx(new TextEncoder().encode('一、总体情况\n这是文本，不是 Word 文件')).problem?.kind, 'damaged');
    const good = fixtureBytes('sample-000.docx');
    assert.equal(readDocx(good.subarray(0, good.length - 30)).problem?.kind, 'damaged');
    assert.equal(readDocx(zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') })).problem?.kind, 'damaged');
    const broken = good.slice();
    const documentAt = Buffer.from(broken).indexOf('word/document.xml');
    for (let i = documentAt + 17; i < documentAt + 17 + 200; i++) broken[i] = 0xff;
    assert.equal(readDocx(broken).problem?.kind, 'damaged');
    assert.equal(readSync({ name: 'x.docx' }).problem?.kind, 'damaged');
    assert.match(readProblemMessage({ kind: 'damaged', detail: '' }, zhCN), /损坏/u);
  });

  it('a zip bomb: declared sizes over the limit refused before unpacking; a lying declared size stopped while unpacking', () => {
    const bytes = makeDocx({ body: p('x') });
    const declared = patchCentralDirectory(bytes, (view, at) => { view.setUint32(at + 24, 70 * 1024 * 1024, true); });
    const t0 = Date.now();
    assert.equal(readDocx(declared).problem?.kind, 'too-large');
    // 80 MB of zeros deflate to ~80 KB; the entry says it unpacks to 1 KB.
    const zeros = new Uint8Array(80 * 1024 * 1024);
    const bomb = zipSync({ '_rels/.rels': new Uint8Array(0), 'word/document.xml': zeros }, { level: 1 });
    const lying = patchCentralDirectory(bomb, (view, at) => { view.setUint32(at + 24, 1024, true); });
    assert.ok(lying.length < 1024 * 1024);
    const result = readDocx(lying);
    assert.equal(result.problem?.kind, 'too-large');
    assert.ok(Date.now() - t0 < 10_000);
    assert.match(readProblemMessage(result.problem, zhCN), /64 MB/u);
  });
});

describe('docx: the reader is registered and never throws', () => {
  it('file names', () => {
    assert.equal(formatOfName('年报.DOCX'), 'docx');
    assert.equal(formatOfName('年报.doc'), 'docx');
    assert.equal(formatOfName('年报.wps'), 'docx');
    assert.equal(formatOfName('年报.txt'), 'text');
    assert.equal(readerFor('docx'), docxReader);
  });

  it('random bytes, truncations and mutations of a real fixture: a result every time, with a problem or a text', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const good = fixtureBytes('sample-003.docx');
    const inputs: Uint8Array[] = [new Uint8Array(0), new Uint8Array([0x50, 0x4b])];
    for (let i = 0; i < 40; i++) inputs.push(good.subarray(0, Math.floor(random() * good.length)));
    for (let i = 0; i < 80; i++) {
      const mutated = good.slice();
      const count = 1 + Math.floor(random() * 8);
      for (let k = 0; k < count; k++) mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      inputs.push(mutated);
    }
    for (let i = 0; i < 40; i++) {
      const bytes = new Uint8Array(Math.floor(random() * 4096));
      for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(random() * 256);
      if (i % 2 === 0 && bytes.length > 4) bytes.set([0x50, 0x4b, 0x03, 0x04]);
      inputs.push(bytes);
    }
    // Mutations inside the XML (the document entry stored uncompressed).
    const files = unzipSync(good);
    const xml = files['word/document.xml']!;
    for (let i = 0; i < 30; i++) {
      const mutated = xml.slice(0, Math.floor(random() * xml.length));
      inputs.push(zipSync({ ...files, 'word/document.xml': mutated }, { level: 0 }));
    }
    let readable = 0;
    for (const bytes of inputs) {
      let result: ReadResult | undefined;
      assert.doesNotThrow(() => {
        result = readDocx(bytes);
      });
      assert.ok(result);
      if (result.problem) assert.equal(result.text, '');
      else {
        readable++;
        assert.doesNotThrow(() => analyze(result!.text));
      }
    }
    assert.ok(readable >= 30, `${readable} of the inputs still read`);
  });

  it('deeply nested XML does not overflow the stack (nesting beyond 256 levels is flattened)', () => {
    const nested = (depth: number): string => '<w:p>'.repeat(depth) + '<w:r><w:t>深</w:t></w:r>';
    assert.equal(read(makeDocx({ body: nested(200) })).text.trim(), '深');
    const result = readDocx(makeDocx({ body: nested(50_000) }));
    assert.equal(result.problem, null);
  });
});

/** Rewrites every central-directory entry of a zip (the callback gets the entry's offset). */
function patchCentralDirectory(bytes: Uint8Array, patch: (view: DataView, at: number) => void): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = out.length - 22;
  while (eocd > 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    patch(view, at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
