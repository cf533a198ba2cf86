/**
 * Word (.docx): the main document part read from the zip, its paragraphs written one to a line (with
 * the numbering Word writes by itself, from numbering.xml), its tables one row to a line with the
 * cells between pipes — each `w:tc` once, `w:gridSpan` and `w:vMerge` resolved to the grid, so that
 * every cell knows its table, row and column. Old binary Word and WPS files, encrypted, damaged and
 * oversized files get one problem each; nothing here throws.
 */
import { TextBuilder, type Place } from './origin';
import type { Reader, ReadInput, ReadProblem, ReadResult } from './reader';
import { Numbering, readNumPr, type NumberingRef } from './docx/numbering';
import { attr, childElements, firstChild, parseXml, type XmlElement } from './docx/xml';
import { UNPACKED_LIMIT, ZipArchive, ZipError } from './docx/zip';

/** A Word file larger than this is not opened at all. */
export const DOCX_INPUT_LIMIT = 64 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Whether an OLE compound file holds the `EncryptedPackage` stream of an encrypted Office file (its directory names are UTF-16LE). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

function problem(kind: ReadProblem['kind'], detail: string): ReadResult {
  return { format: 'docx', text: '', origin: null, source: null, problem: { kind, detail } };
}

/** The text of an XML part: UTF-8 (with or without BOM) or UTF-16 with its BOM. */
function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = new Uint8Array(bytes.length - 2 - (bytes.length % 2));
    for (let i = 0; i + 1 < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3]!;
      swapped[i + 1] = bytes[i + 2]!;
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

const WML_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

/**
 * A part whose WordprocessingML elements are written with another prefix than `w:` (or none, in a
 * default namespace), as some generators do: renamed to `w:`, which is what the walker reads.
 */
function canonicalPrefix(root: XmlElement): XmlElement {
  const top = childElements(root)[0];
  if (!top) return root;
  let prefix: string | null = null;
  for (const [key, value] of Object.entries(top.attributes)) {
    if (!WML_NAMESPACES.has(value)) continue;
    if (key === 'xmlns') prefix = '';
    else if (key.startsWith('xmlns:')) prefix = key.slice(6);
    if (prefix === 'w') return root;
  }
  if (prefix === null) return root;
  const from = prefix === '' ? '' : `${prefix}:`;
  const rename = (name: string): string => (from === '' ? (name.includes(':') ? name : `w:${name}`) : name.startsWith(from) ? `w:${name.slice(from.length)}` : name);
  const convert = (element: XmlElement): XmlElement => {
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(element.attributes)) attributes[key.startsWith('xmlns') || (from === '' && !key.includes(':')) ? key : rename(key)] = value;
    return { name: element.name === '#document' ? element.name : rename(element.name), attributes, children: element.children.map((c) => (typeof c === 'string' ? c : convert(c))) };
  };
  return convert(root);
}

/** The targets of a relationships part by type suffix (`officeDocument`, `numbering`, `styles`), resolved against the part's folder. */
function relationshipTargets(xml: XmlElement | null, folder: string): Map<string, string> {
  const out = new Map<string, string>();
  const relationships = xml ? firstChild(xml, 'Relationships') : undefined;
  if (!relationships) return out;
  for (const rel of childElements(relationships, 'Relationship')) {
    const type = rel.attributes['Type'] ?? '';
    const target = rel.attributes['Target'];
    if (!target || rel.attributes['TargetMode'] === 'External') continue;
    const kind = type.slice(type.lastIndexOf('/') + 1);
    if (!out.has(kind)) out.set(kind, resolvePath(folder, target));
  }
  return out;
}

function resolvePath(folder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : folder.split('/').filter((p) => p !== '');
  for (const piece of target.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') parts.pop();
    else parts.push(piece);
  }
  return parts.join('/');
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

interface StyleInfo {
  readonly numbering: Partial<NumberingRef> | null;
  readonly basedOn: string | undefined;
}

function readStyles(root: XmlElement | null): { styles: Map<string, StyleInfo>; defaultParagraph: string | undefined } {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraph: string | undefined;
  const container = root ? firstChild(root, 'w:styles') : undefined;
  if (!container) return { styles, defaultParagraph };
  for (const style of childElements(container, 'w:style')) {
    const id = attr(style, 'styleId');
    if (id === undefined) continue;
    if (attr(style, 'type') === 'paragraph' && (attr(style, 'default') === '1' || attr(style, 'default') === 'true')) defaultParagraph = id;
    styles.set(id, { numbering: readNumPr(firstChild(firstChild(style, 'w:pPr'), 'w:numPr')), basedOn: attr(firstChild(style, 'w:basedOn'), 'val') });
  }
  return { styles, defaultParagraph };
}

/** Elements whose content is not the document's running text (drawings, text boxes, deleted text, field codes). */
const SKIPPED = new Set([
  'w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:delText', 'w:instrText', 'w:del', 'w:moveFrom', 'w:drawing', 'w:pict',
  'w:object', 'mc:AlternateContent', 'w:txbxContent', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:fldData',
  'w:rPrChange', 'w:pPrChange', 'm:oMath', 'm:oMathPara',
]);

function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = attr(element, 'val');
  return value === undefined || (value !== '0' && value !== 'false' && value !== 'off');
}

class DocumentWalker {
  readonly builder = new TextBuilder();
  private paragraphs = 0;
  private tables = 0;

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Map<string, StyleInfo>,
    private readonly defaultParagraph: string | undefined,
  ) {}

  body(container: XmlElement): void {
    for (const child of childElements(container)) {
      if (child.name === 'w:p') this.paragraph(child);
      else if (child.name === 'w:tbl') this.table(child);
      else if (child.name === 'w:sdt') this.body(firstChild(child, 'w:sdtContent') ?? child);
      else if (child.name === 'w:customXml' || child.name === 'w:ins' || child.name === 'w:moveTo') this.body(child);
    }
  }

  private paragraph(p: XmlElement): void {
    const number = ++this.paragraphs;
    const text = this.paragraphText(p, '\n');
    const place: Place = { paragraph: number };
    if (text !== '') this.builder.take(text, { sourceStart: -1, sourceEnd: -1, verbatim: false, place });
    this.builder.write('\n');
  }

  /** A paragraph's text with its automatic numbering; line breaks as `lineBreak`. */
  private paragraphText(p: XmlElement, lineBreak: string): string {
    const pieces: string[] = [];
    this.runs(p, pieces, lineBreak);
    const text = pieces.join('');
    const label = this.numberingOf(p);
    return text.trim() === '' ? '' : label + text;
  }

  /** Advances the paragraph's list, if it has one, and gives its number text. */
  private numberingOf(p: XmlElement): string {
    const pPr = firstChild(p, 'w:pPr');
    const own = readNumPr(firstChild(pPr, 'w:numPr'));
    let numId = own?.numId;
    let level = own?.level;
    let styleId = attr(firstChild(pPr, 'w:pStyle'), 'val') ?? this.defaultParagraph;
    for (let depth = 0; styleId !== undefined && depth < 20 && (numId === undefined || level === undefined); depth++) {
      const style = this.styles.get(styleId);
      if (!style) break;
      numId ??= style.numbering?.numId;
      level ??= style.numbering?.level;
      styleId = style.basedOn;
    }
    if (numId === undefined || numId === '0') return '';
    return this.numbering.next({ numId, level: level ?? 0 });
  }

  private runs(element: XmlElement, out: string[], lineBreak: string): void {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      const name = child.name;
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 'w:t':
          for (const text of child.children) if (typeof text === 'string') out.push(text);
          break;
        case 'w:tab':
        case 'w:ptab':
          out.push(' ');
          break;
        case 'w:br':
        case 'w:cr': {
          const type = attr(child, 'type');
          if (type === undefined || type === 'textWrapping') out.push(lineBreak);
          break;
        }
        case 'w:noBreakHyphen':
          out.push('-');
          break;
        case 'w:r':
          // Hidden text (w:vanish) is not shown, so not read.
          if (isOn(firstChild(firstChild(child, 'w:rPr'), 'w:vanish'))) break;
          this.runs(child, out, lineBreak);
          break;
        case 'w:tbl':
          // A table nested in a cell: its cells' text, in order, into the outer cell.
          for (const row of this.rowsOf(child)) for (const cell of this.cellsOf(row)) {
            const text = this.cellText(cell);
            if (text !== '') out.push(out.length > 0 ? ` ${text}` : text);
          }
          break;
        case 'w:p': {
          // A paragraph inside a run container (a cell's paragraphs come through cellText).
          const text = this.paragraphText(child, lineBreak);
          if (text !== '') out.push(text);
          break;
        }
        default:
          this.runs(child, out, lineBreak);
      }
    }
  }

  /** A cell's paragraphs joined (a label Word wraps over two paragraphs reads as one); digits on both sides of a join keep a space. */
  private cellText(tc: XmlElement): string {
    const pieces: string[] = [];
    this.runs(tc, pieces, '');
    let text = '';
    for (const piece of pieces) {
      if (piece === '') continue;
      if (text !== '' && /[0-9０-９]$/u.test(text) && /^[0-9０-９]/u.test(piece)) text += ' ';
      text += piece;
    }
    return text.replace(/[\r\n\t]+/gu, ' ').replace(/^[ ]+|[ ]+$/gu, '');
  }

  private rowsOf(tbl: XmlElement): XmlElement[] {
    const rows: XmlElement[] = [];
    const collect = (container: XmlElement, depth: number): void => {
      for (const child of childElements(container)) {
        if (child.name === 'w:tr') rows.push(child);
        else if (depth < 8 && (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml' || child.name === 'w:ins')) collect(child, depth + 1);
      }
    };
    collect(tbl, 0);
    return rows;
  }

  private cellsOf(tr: XmlElement): XmlElement[] {
    const cells: XmlElement[] = [];
    const collect = (container: XmlElement, depth: number): void => {
      for (const child of childElements(container)) {
        if (child.name === 'w:tc') cells.push(child);
        else if (depth < 8 && (child.name === 'w:sdt' || child.name === 'w:sdtContent' || child.name === 'w:customXml' || child.name === 'w:ins')) collect(child, depth + 1);
      }
    };
    collect(tr, 0);
    return cells;
  }

  /**
   * A table, one row to a line: `| a | b |`. Each `w:tc` is one cell, at the grid column where it
   * starts (`w:gridBefore` and the `w:gridSpan`s before it counted); a cell continuing a vertical
   * merge is written empty (the merged text belongs to the row where the merge starts); a cell
   * continuing an old-style horizontal merge (`w:hMerge`) is not written.
   */
  private table(tbl: XmlElement): void {
    const table = ++this.tables;
    const b = this.builder;
    let row = 0;
    for (const tr of this.rowsOf(tbl)) {
      row++;
      const trPr = firstChild(tr, 'w:trPr');
      const before = positiveInt(attr(firstChild(trPr, 'w:gridBefore'), 'val'), 0);
      let column = 1;
      const cells: { text: string; place: Place }[] = [];
      if (before > 0) {
        cells.push({ text: '', place: { table, row, column } });
        column += before;
      }
      for (const tc of this.cellsOf(tr)) {
        const tcPr = firstChild(tc, 'w:tcPr');
        const span = positiveInt(attr(firstChild(tcPr, 'w:gridSpan'), 'val'), 1);
        const vMerge = firstChild(tcPr, 'w:vMerge');
        const hMerge = firstChild(tcPr, 'w:hMerge');
        const place: Place = { table, row, column };
        column += span;
        if (hMerge && attr(hMerge, 'val') !== 'restart') continue;
        const continued = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
        cells.push({ text: continued ? '' : this.cellText(tc), place });
      }
      if (cells.length === 0) continue;
      b.write('|');
      for (const cell of cells) {
        // The cell's whole room between its pipes is its segment, so that even an empty cell's position finds its place.
        b.take(` ${cell.text} `, { sourceStart: -1, sourceEnd: -1, verbatim: false, place: cell.place });
        b.write('|');
      }
      b.write('\n');
    }
  }
}

function positiveInt(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : fallback;
}

export function readDocx(bytes: Uint8Array): ReadResult {
  try {
    return readDocxUnsafe(bytes);
  } catch (error) {
    if (error instanceof ZipError) return problem(error.problem.kind, error.problem.detail);
    if (error instanceof RangeError) return problem('too-large', error.message);
    return problem('damaged', error instanceof Error ? error.message : String(error));
  }
}

function readDocxUnsafe(bytes: Uint8Array): ReadResult {
  if (bytes.length > DOCX_INPUT_LIMIT) return problem('too-large', `${bytes.length} bytes`);
  if (startsWith(bytes, OLE_MAGIC)) {
    // An OLE compound file: an encrypted Office file wraps its package so; otherwise Word 97–2003 or WPS.
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) return problem('encrypted', 'OLE-wrapped encrypted package');
    return problem('old-format', 'OLE compound file (Word 97–2003 .doc or WPS .wps)');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return problem('old-format', 'RTF');
  if (!startsWith(bytes, [0x50, 0x4b])) return problem('damaged', 'not a zip archive');
  const zip = new ZipArchive(bytes);
  const budget = { left: UNPACKED_LIMIT };
  const part = (name: string): XmlElement | null => {
    const data = zip.read(name, budget);
    return data ? canonicalPrefix(parseXml(decodePart(data))) : null;
  };
  const packageRels = relationshipTargets(part('_rels/.rels'), '');
  const mainName = packageRels.get('officeDocument') ?? 'word/document.xml';
  const main = part(mainName);
  const body = main ? firstChild(firstChild(main, 'w:document'), 'w:body') : undefined;
  if (!body) return problem('damaged', `no document body (${mainName})`);
  const folder = folderOf(mainName);
  const documentRels = relationshipTargets(part(`${folder ? `${folder}/` : ''}_rels/${mainName.slice(folder ? folder.length + 1 : 0)}.rels`), folder);
  const numbering = new Numbering(part(documentRels.get('numbering') ?? `${folder}/numbering.xml`));
  const { styles, defaultParagraph } = readStyles(part(documentRels.get('styles') ?? `${folder}/styles.xml`));
  const walker = new DocumentWalker(numbering, styles, defaultParagraph);
  walker.body(body);
  const { text, origin } = walker.builder.finish();
  return { format: 'docx', text, origin, source: null, problem: null };
}

export const docxReader: Reader = {
  format: 'docx',
  // .doc and .wps are taken so that they get the one clear message (save as .docx).
  extensions: ['.docx', '.docm', '.dotx', '.dotm', '.doc', '.wps', '.dot', '.wpt'],
  read(input: ReadInput): ReadResult {
    if (!input.bytes) return problem('damaged', 'no bytes to read');
    return readDocx(input.bytes);
  },
};
