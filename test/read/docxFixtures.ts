/**
 * Word fixtures made from the real 2021 template (shared/originals/template-2021-format.docx): its
 * three tables filled, by writing the cells' XML, with the values a sample's text is read into by the
 * parser, and the sample's other lines (title, headings, narrative) as its paragraphs. Rows the sample
 * lacks are removed from the table, labels it words otherwise are written as it words them, and the
 * cells it lacks at a row's end are dropped from that row — so the .docx says what the sample says.
 *
 * `node out/test/read/docxFixtures.js --write` regenerates test/fixtures/docx/; docx.test.ts checks
 * that regenerating gives the committed bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { zipSync, unzipSync } from 'fflate';
import { parseReport } from '../../server/src/core/parse/parser';
import { readDocx } from '../../server/src/core/read/docx';
import { childElements, firstChild, parseXml, type XmlElement, type XmlNode } from '../../server/src/core/read/docx/xml';
import type { Place } from '../../server/src/core/read/origin';
import { TABLE_IDS, type TableId } from '../../server/src/core/format/schema';
import type { ReportModel } from '../../server/src/core/model';
import { PROJECT_ROOT, SHARED, sample } from '../support/paths';

export const TEMPLATE = path.join(SHARED, 'originals', 'template-2021-format.docx');
export const FIXTURE_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'docx');

// ---- XML writing ----

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function serialize(node: XmlNode): string {
  if (typeof node === 'string') return escapeXml(node);
  if (node.name === '#document') return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + node.children.map(serialize).join('');
  const attributes = Object.entries(node.attributes).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${node.children.map(serialize).join('')}</${node.name}>`;
}

export function el(name: string, attributes: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return { name, attributes, children };
}

/** A run of text, tabs as `w:tab`. */
function runs(text: string): XmlElement[] {
  const out: XmlElement[] = [];
  text.split('\t').forEach((piece, i) => {
    if (i > 0) out.push(el('w:r', {}, [el('w:tab')]));
    if (piece !== '') out.push(el('w:r', {}, [el('w:t', { 'xml:space': 'preserve' }, [piece])]));
  });
  return out;
}

export function paragraph(text: string, numbering?: { numId: number; level: number }): XmlElement {
  const pPr = numbering
    ? [el('w:pPr', {}, [el('w:numPr', {}, [el('w:ilvl', { 'w:val': String(numbering.level) }), el('w:numId', { 'w:val': String(numbering.numId) })])])]
    : [];
  return el('w:p', {}, [...pPr, ...runs(text)]);
}

/** Replaces a cell's text: its first paragraph keeps its properties and the first run's properties, the rest goes. */
function setCellText(tc: XmlElement, text: string): void {
  const paragraphs = childElements(tc, 'w:p');
  const first = paragraphs[0] ?? el('w:p');
  const pPr = firstChild(first, 'w:pPr');
  const rPr = firstChild(firstChild(first, 'w:r'), 'w:rPr');
  const run = el('w:r', {}, [...(rPr ? [rPr] : []), el('w:t', { 'xml:space': 'preserve' }, [text])]);
  first.children.splice(0, first.children.length, ...(pPr ? [pPr] : []), ...(text === '' ? [] : [run]));
  tc.children.splice(0, tc.children.length, ...tc.children.filter((c) => typeof c !== 'string' && c.name !== 'w:p'));
  tc.children.push(first);
}

// ---- the template, read by the reader under test to find its rows and cells ----

interface CellAt {
  readonly tr: number;
  readonly column: number;
}

interface TemplateMap {
  /** Table → its w:tbl index (0-based). */
  readonly tables: Record<TableId, number>;
  /** `table/row` → the label cell; `table/row/column` → the value cell. */
  readonly cells: Map<string, CellAt>;
}

function mapTemplate(bytes: Uint8Array): TemplateMap {
  // Read with a 0 in every empty cell, so that the parser sees each value cell where it is.
  const files = unzipSync(bytes);
  const root = parseXml(new TextDecoder().decode(files['word/document.xml']));
  const body = firstChild(firstChild(root, 'w:document'), 'w:body')!;
  for (const tbl of childElements(body, 'w:tbl')) {
    for (const tr of childElements(tbl, 'w:tr')) {
      for (const tc of childElements(tr, 'w:tc')) {
        const vMerge = firstChild(firstChild(tc, 'w:tcPr'), 'w:vMerge');
        if (vMerge && vMerge.attributes['w:val'] !== 'restart') continue;
        if (cellText(tc).trim() === '') setCellText(tc, '0');
      }
    }
  }
  const read = readDocx(zipDeterministic({ ...files, 'word/document.xml': new TextEncoder().encode(serialize(root)) }));
  if (read.problem || !read.origin) throw new Error(`template not read: ${read.problem?.detail}`);
  const { model } = parseReport(read.text);
  const cells = new Map<string, CellAt>();
  const tables = {} as Record<TableId, number>;
  const at = (offset: number): Place => {
    const place = read.origin!.placeOf(offset);
    if (!place || place.table === undefined || place.row === undefined || place.column === undefined) throw new Error(`no table place at ${offset}`);
    return place;
  };
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) throw new Error(`template has no table ${id}`);
    for (const row of table.rows) {
      // A row whose label is not in a table cell (table 三's one row of numbers has none) has no label cell.
      const label = read.origin.placeOf(row.labelSpan.start);
      if (label?.table !== undefined && label.row !== undefined && label.column !== undefined) cells.set(`${id}/${row.spec.id}`, { tr: label.row - 1, column: label.column });
      else if (row.cells[0]) cells.set(`${id}/${row.spec.id}`, { tr: at(row.cells[0].span.start).row! - 1, column: 0 });
      for (const cell of row.cells) {
        const place = at(cell.span.start);
        tables[id] = place.table! - 1;
        cells.set(`${id}/${row.spec.id}/${cell.column.id}`, { tr: place.row! - 1, column: place.column! });
      }
    }
  }
  return { tables, cells };
}

/** The cells of a row with the grid column each starts at. */
function gridCells(tr: XmlElement): { tc: XmlElement; column: number; span: number }[] {
  let column = 1 + Number(firstChild(firstChild(tr, 'w:trPr'), 'w:gridBefore')?.attributes['w:val'] ?? '0');
  return childElements(tr, 'w:tc').map((tc) => {
    const span = Number(firstChild(firstChild(tc, 'w:tcPr'), 'w:gridSpan')?.attributes['w:val'] ?? '1');
    const out = { tc, column, span };
    column += span;
    return out;
  });
}

const norm = (s: string): string => s.replace(/\s+/gu, '');

export interface BuildOptions {
  /** Changes a value before it is written (a deliberate mistake): table, row and column ids, the sample's raw text. */
  readonly value?: (table: TableId, row: string, column: string, raw: string) => string;
  /** Section headings (and （一） subsection markers of section 一) numbered by Word's automatic numbering instead of typed. */
  readonly autoNumbering?: boolean;
}

const NUMBERING_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

/** A .docx of a sample: the template's tables filled with the sample's cells, the sample's other lines as paragraphs. */
export function buildFromSample(text: string, options: BuildOptions = {}): Uint8Array {
  const templateBytes = new Uint8Array(fs.readFileSync(TEMPLATE));
  const map = mapTemplate(templateBytes);
  const files = unzipSync(templateBytes);
  const documentXml = new TextDecoder().decode(files['word/document.xml']);
  const root = parseXml(documentXml);
  const body = firstChild(firstChild(root, 'w:document'), 'w:body')!;
  const templateTables = childElements(body, 'w:tbl');
  const sectPr = firstChild(body, 'w:sectPr');

  const { model } = parseReport(text);
  const filled = new Map<TableId, XmlElement>();
  for (const id of TABLE_IDS) filled.set(id, fillTable(templateTables[map.tables[id]]!, id, model, map, options));

  // The sample's lines: a table section's body (between its heading and the next section) becomes its table.
  const lines = model.lines;
  const replaced = new Map<number, TableId>();
  const skip = new Set<number>();
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    if (!table) continue;
    const section = model.sections.find((s) => s.spec.table === id && s.headingSpan.start <= table.span.start && s.span.end >= table.span.end);
    const from = section ? lines.lineAt(section.headingSpan.end) + 1 : lines.lineAt(table.span.start);
    const to = section ? lines.lineAt(Math.max(section.headingSpan.end, section.span.end - 1)) : lines.lineAt(Math.max(table.span.start, table.span.end - 1));
    replaced.set(from, id);
    for (let line = from; line <= to && line < lines.lineCount; line++) skip.add(line);
  }
  const headings = new Map<number, { level: number; numeralEnd: number }>();
  if (options.autoNumbering) {
    for (const section of model.sections) {
      if (section.numeral === null || !section.numeralSpan) continue;
      headings.set(lines.lineAt(section.headingSpan.start), { level: 0, numeralEnd: section.numeralSpan.end });
      if (section.spec.id !== 'overview') continue;
      for (const sub of section.subsections) {
        if (sub.style !== 'chinese-paren') continue;
        headings.set(lines.lineAt(sub.markerSpan.start), { level: 1, numeralEnd: sub.markerSpan.end });
      }
    }
  }
  const children: XmlNode[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const table = replaced.get(line);
    if (table) children.push(filled.get(table)!);
    if (skip.has(line)) continue;
    const start = lines.lineStart(line);
    const content = text.slice(start, lines.lineEnd(line));
    const heading = headings.get(line);
    if (heading) {
      // The numeral and its 、 are Word's; the text keeps what follows.
      const after = text.slice(heading.numeralEnd, lines.lineEnd(line)).replace(/^[、.．,，\s]/u, '');
      children.push(paragraph(after, { numId: 1, level: heading.level }));
    } else children.push(paragraph(content));
  }
  if (sectPr) children.push(sectPr);
  body.children.splice(0, body.children.length, ...children);

  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(files)) out[name] = name === 'word/document.xml' ? new TextEncoder().encode(serialize(root)) : data;
  if (options.autoNumbering) {
    out['word/numbering.xml'] = new TextEncoder().encode(NUMBERING_XML);
    const rels = new TextDecoder().decode(files['word/_rels/document.xml.rels']);
    out['word/_rels/document.xml.rels'] = new TextEncoder().encode(
      rels.replace('</Relationships>', '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'),
    );
    const types = new TextDecoder().decode(files['[Content_Types].xml']);
    out['[Content_Types].xml'] = new TextEncoder().encode(
      types.replace('</Types>', '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'),
    );
  }
  return zipDeterministic(out);
}

/** A zip whose bytes depend only on its contents (fixed time stamps, fixed order, fflate's level 6). */
export function zipDeterministic(files: Record<string, Uint8Array>): Uint8Array {
  const ordered: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) ordered[name] = [files[name]!, { mtime: new Date(2021, 0, 1), level: 6 }];
  return zipSync(ordered);
}

function fillTable(template: XmlElement, id: TableId, model: ReportModel, map: TemplateMap, options: BuildOptions): XmlElement {
  const tbl = structuredClone<XmlElement>(template);
  const rows = childElements(tbl, 'w:tr');
  const sampleTable = model.tables[id];
  const remove = new Set<XmlElement>();
  for (const [key, at] of map.cells) {
    const [table, rowId, columnId] = key.split('/') as [TableId, string, string | undefined];
    if (table !== id || columnId !== undefined) continue;
    const tr = rows[at.tr]!;
    const row = sampleTable?.rows.find((r) => r.spec.id === rowId);
    if (!row) {
      // A row the sample lacks: removed, unless it starts a vertical merge (then it stays, empty).
      const starts = childElements(tr, 'w:tc').some((tc) => firstChild(firstChild(tc, 'w:tcPr'), 'w:vMerge')?.attributes['w:val'] === 'restart');
      if (!starts) remove.add(tr);
      continue;
    }
    const labelCell = gridCells(tr).find((c) => c.column === at.column);
    const labelIsValue = row.spec.columns.some((c) => map.cells.get(`${id}/${rowId}/${c}`)?.column === at.column && map.cells.get(`${id}/${rowId}/${c}`)?.tr === at.tr);
    if (labelCell && !labelIsValue && row.label !== '' && norm(row.label) !== norm(cellText(labelCell.tc))) setCellText(labelCell.tc, row.label);
    let lastPresent = 0;
    for (const columnId of row.spec.columns) {
      const valueAt = map.cells.get(`${id}/${rowId}/${columnId}`);
      if (!valueAt) continue;
      const cell = row.cells.find((c) => c.column.id === columnId);
      const target = gridCells(tr).find((c) => c.column === valueAt.column);
      if (!target) continue;
      if (cell) lastPresent = Math.max(lastPresent, valueAt.column);
      const raw = cell ? cell.raw : '';
      setCellText(target.tc, options.value ? options.value(id, rowId, columnId, raw) : raw);
    }
    // Cells the sample's row does not have at its end: the Word row ends early, as a short row does.
    if (row.cells.length < row.spec.columns.length) {
      const firstValue = Math.min(...row.spec.columns.map((c) => map.cells.get(`${id}/${rowId}/${c}`)?.column ?? Infinity));
      const keepThrough = lastPresent > 0 ? lastPresent : firstValue - 1;
      for (const cell of gridCells(tr)) if (cell.column > keepThrough) tr.children.splice(tr.children.indexOf(cell.tc), 1);
    }
  }
  tbl.children.splice(0, tbl.children.length, ...tbl.children.filter((c) => typeof c === 'string' || !remove.has(c)));
  return tbl;
}

function cellText(tc: XmlElement): string {
  const out: string[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:t') out.push(...c.children.filter((t): t is string => typeof t === 'string'));
      else walk(c);
    }
  };
  walk(tc);
  return out.join('');
}

// ---- the committed fixtures ----

export interface DocxFixture {
  readonly name: string;
  /** The sample it was made from. */
  readonly sample: string;
  readonly build: () => Uint8Array;
}

/** 001's table B row 一: its 总计 raised by 1 (38 → 39), so the row's sum no longer holds. */
export const WRONG_TOTAL = { table: 'B' as const, row: 'new', column: 'total' };

export const FIXTURES: readonly DocxFixture[] = [
  ...['000', '001', '002', '003', '004'].map((prefix) => ({ name: `sample-${prefix}.docx`, sample: prefix, build: () => buildFromSample(sample(prefix).text) })),
  { name: 'sample-002-numbered.docx', sample: '002', build: () => buildFromSample(sample('002').text, { autoNumbering: true }) },
  {
    name: 'sample-001-wrong-total.docx',
    sample: '001',
    build: () =>
      buildFromSample(sample('001').text, {
        value: (table, row, column, raw) => (table === WRONG_TOTAL.table && row === WRONG_TOTAL.row && column === WRONG_TOTAL.column ? String(Number(raw) + 1) : raw),
      }),
  },
];

if (require.main === module && process.argv.includes('--write')) {
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const fixture of FIXTURES) {
    fs.writeFileSync(path.join(FIXTURE_DIR, fixture.name), fixture.build());
    console.log(`wrote ${path.relative(PROJECT_ROOT, path.join(FIXTURE_DIR, fixture.name))}`);
  }
}

// ---- small hand-made Word files for the reader's unit tests ----

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal .docx: `body` is the inner XML of `w:body`; numbering.xml and styles.xml inner XML optional. */
export function makeDocx(parts: { body: string; numbering?: string; styles?: string }): Uint8Array {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
  const rels = [
    parts.numbering !== undefined ? `<Relationship Id="rId1" Type="${REL_NS}/numbering" Target="numbering.xml"/>` : '',
    parts.styles !== undefined ? `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` : '',
  ].join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc(
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': enc(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/document.xml': enc(`${head}<w:document xmlns:w="${W_NS}"><w:body>${parts.body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': enc(`${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
  };
  if (parts.numbering !== undefined) files['word/numbering.xml'] = enc(`${head}<w:numbering xmlns:w="${W_NS}">${parts.numbering}</w:numbering>`);
  if (parts.styles !== undefined) files['word/styles.xml'] = enc(`${head}<w:styles xmlns:w="${W_NS}">${parts.styles}</w:styles>`);
  return zipDeterministic(files);
}

/** `<w:p>` with plain text, optionally numbered or styled. */
export function p(text: string, props = ''): string {
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${text ? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : ''}</w:p>`;
}

/** `<w:tc>` with text and cell properties (`<w:gridSpan w:val="2"/>`, `<w:vMerge/>`). */
export function tc(text: string, props = ''): string {
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(text)}</w:tc>`;
}
