/**
 * Web pages: the page parsed with htmlparser2 (a real HTML parser, with every node's offsets in the
 * page), the site's chrome (scripts, styles, menus, breadcrumbs, share bars, headers, footers) left
 * out, every paragraph of the article written on a line of its own and every row of a table on a line
 * of its own, its cells between pipes (`| a | b |`), rowspan/colspan resolved. Every piece of text
 * remembers the span of the page it came from, so that findings point into the HTML itself.
 */
import type * as Htmlparser2 from 'htmlparser2' with { 'resolution-mode': 'import' };
import { TextBuilder, type Place } from './origin';
import type { Reader, ReadInput, ReadResult } from './reader';

// htmlparser2 is an ES module; esbuild bundles it into the CommonJS build, and Node (≥ 20.19) requires it in tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-unsafe-assignment
const htmlparser2: typeof Htmlparser2 = require('htmlparser2');

/** The parts of a DOM node read here (domhandler's nodes, with start and end indices). */
interface DomNode {
  readonly type: string;
  readonly startIndex: number | null;
  readonly endIndex: number | null;
  readonly data?: string;
  readonly name?: string;
  readonly attribs?: Record<string, string>;
  readonly children?: DomNode[];
}

/** Elements whose content is never the report. */
const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'iframe', 'select', 'option',
  'button', 'textarea', 'input', 'svg', 'object', 'embed', 'canvas', 'audio', 'video', 'map', 'aside', 'menu',
]);

/** Class or id of the site's chrome: breadcrumbs, share bars, tool bars, menus, search, page info. */
const CHROME = /breadcrumb|crumb|share|footer|header|(^|[\s_-])nav|menu|toolbar|function_icon|article_extend|position|weizhi|location|pagination|search|login|sidebar|relnews|related|fenxiang|print|ewm|qrcode|tabs_hd|links?_con|download|attachment|title_base|list_base/iu;

/** Elements that start a line of their own. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'caption', 'body', 'html', 'hr', 'form', 'fieldset',
  'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'table',
]);

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/gu;
const ENTITY = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/gu;

/** A piece of a paragraph: text taken from the page, or a space (collapsed whitespace, a soft line break). */
type Piece = { readonly text: string; readonly sourceStart: number; readonly sourceEnd: number; readonly verbatim: boolean } | 'space';

function isWide(ch: string): boolean {
  return ch !== '' && ch.charCodeAt(0) >= 0x2e80;
}

/** Drops the spaces at the ends and those beside a wide (CJK) character; joins the rest into one space each. */
function settle(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece !== 'space') {
      out.push(piece);
      continue;
    }
    const before = out[out.length - 1];
    let j = i + 1;
    while (pieces[j] === 'space') j++;
    const after = pieces[j];
    i = j - 1;
    if (!before || before === 'space' || !after || after === 'space') continue;
    if (isWide(before.text[before.text.length - 1] ?? '') || isWide(after.text[0] ?? '')) continue;
    out.push('space');
  }
  return out;
}

const decodedEntities = new Map<string, string>();

/** Decodes one entity as the parser does (by the parser itself). */
function decodeEntity(raw: string): string {
  let decoded = decodedEntities.get(raw);
  if (decoded === undefined) {
    decoded = htmlparser2.DomUtils.textContent(htmlparser2.parseDocument(raw, { decodeEntities: true }));
    if (decodedEntities.size < 10000) decodedEntities.set(raw, decoded);
  }
  return decoded;
}

class PageReader {
  readonly out = new TextBuilder();
  private pieces: Piece[] = [];
  private tables = 0;

  constructor(private readonly source: string) {}

  /** The pieces of a text node: its runs of text, each mapped to its slice of the page. */
  private textPieces(node: DomNode, into: Piece[]): void {
    const data = node.data ?? '';
    const start = node.startIndex ?? -1;
    const end = typeof node.endIndex === 'number' ? node.endIndex + 1 : -1;
    const raw = start >= 0 && end >= start ? this.source.slice(start, end) : null;
    if (raw === null) {
      const text = data.replace(WHITESPACE, ' ').trim();
      if (text) into.push({ text, sourceStart: -1, sourceEnd: -1, verbatim: false });
      return;
    }
    // Walk the raw text: plain characters map one to one, each entity is a piece of its own.
    const units: { text: string; start: number; end: number; verbatim: boolean }[] = [];
    let at = 0;
    ENTITY.lastIndex = 0;
    for (let m = ENTITY.exec(raw); m; m = ENTITY.exec(raw)) {
      if (m.index > at) units.push({ text: raw.slice(at, m.index), start: start + at, end: start + m.index, verbatim: true });
      const decoded = decodeEntity(m[0]);
      units.push({ text: decoded, start: start + m.index, end: start + m.index + m[0].length, verbatim: decoded === m[0] });
      at = m.index + m[0].length;
    }
    if (at < raw.length) units.push({ text: raw.slice(at), start: start + at, end: start + raw.length, verbatim: true });
    if (units.map((u) => u.text).join('') !== data) {
      // Not what the parser read (a case this walk does not know): the node as one piece, not editable.
      const text = data.replace(WHITESPACE, ' ').trim();
      if (text) into.push({ text, sourceStart: start, sourceEnd: end, verbatim: false });
      return;
    }
    for (const unit of units) {
      if (!unit.verbatim) {
        if (unit.text.replace(WHITESPACE, '') === '') into.push('space');
        else into.push({ text: unit.text, sourceStart: unit.start, sourceEnd: unit.end, verbatim: false });
        continue;
      }
      WHITESPACE.lastIndex = 0;
      let from = 0;
      for (let w = WHITESPACE.exec(unit.text); w; w = WHITESPACE.exec(unit.text)) {
        if (w.index > from) into.push({ text: unit.text.slice(from, w.index), sourceStart: unit.start + from, sourceEnd: unit.start + w.index, verbatim: true });
        into.push('space');
        from = w.index + w[0].length;
      }
      if (from < unit.text.length) into.push({ text: unit.text.slice(from), sourceStart: unit.start + from, sourceEnd: unit.end, verbatim: true });
    }
  }

  /** Writes pieces (settled) to the report text. */
  private writePieces(pieces: readonly Piece[], place?: Place): void {
    for (const piece of settle(pieces)) {
      if (piece === 'space') this.out.write(' ');
      else this.out.take(piece.text, { sourceStart: piece.sourceStart, sourceEnd: piece.sourceEnd, verbatim: piece.verbatim, ...(place ? { place } : {}) });
    }
  }

  private flush(): void {
    const settled = settle(this.pieces);
    this.pieces = [];
    if (settled.length === 0) return;
    this.writePieces(settled);
    this.out.write('\n');
  }

  walk(node: DomNode): void {
    if (node.type === 'text') {
      this.textPieces(node, this.pieces);
      return;
    }
    if (!node.name || (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style')) {
      if (node.type === 'root') for (const child of node.children ?? []) this.walk(child);
      return;
    }
    const name = node.name.toLowerCase();
    if (isSkipped(node, name)) return;
    if (name === 'br') {
      this.flush();
      return;
    }
    if (name === 'table' && isDataTable(node)) {
      this.flush();
      this.table(node);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) this.flush();
    for (const child of node.children ?? []) this.walk(child);
    if (block) this.flush();
  }

  /** The text pieces of a cell: every text below it, its lines joined by a space. */
  private cellPieces(node: DomNode, into: Piece[]): void {
    for (const child of node.children ?? []) {
      if (child.type === 'text') this.textPieces(child, into);
      else if (child.name && !isSkipped(child, child.name.toLowerCase())) {
        const block = BLOCKS.has(child.name.toLowerCase()) || child.name.toLowerCase() === 'br';
        if (block) into.push('space');
        this.cellPieces(child, into);
        if (block) into.push('space');
      }
    }
  }

  private table(node: DomNode): void {
    const table = ++this.tables;
    const rows = rowsOf(node);
    // The grid: which slots are taken by cells spanning down from rows above.
    const taken: boolean[][] = [];
    rows.forEach((cells, r) => {
      const line: { pieces: Piece[]; column: number }[] = [];
      let column = 0;
      const takenRow = (taken[r] ??= []);
      for (const cell of cells) {
        while (takenRow[column]) column++;
        const colspan = clampSpan(cell.attribs?.['colspan'], 1000);
        const rowspan = clampSpan(cell.attribs?.['rowspan'], rows.length - r);
        for (let dr = 0; dr < rowspan; dr++) {
          const t = (taken[r + dr] ??= []);
          for (let dc = 0; dc < colspan; dc++) t[column + dc] = true;
        }
        const pieces: Piece[] = [];
        this.cellPieces(cell, pieces);
        line.push({ pieces: settle(pieces), column: column + 1 });
        column += colspan;
      }
      if (line.every((c) => c.pieces.length === 0)) return;
      this.out.write('|');
      for (const cell of line) {
        this.out.write(' ');
        this.writePieces(cell.pieces, { table, row: r + 1, column: cell.column });
        this.out.write(cell.pieces.length > 0 ? ' |' : '|');
      }
      this.out.write('\n');
    });
  }
}

function clampSpan(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, Math.max(1, max)) : 1;
}

function isSkipped(node: DomNode, name: string): boolean {
  if (SKIPPED.has(name)) return true;
  const attribs = node.attribs ?? {};
  if (/display\s*:\s*none/iu.test(attribs['style'] ?? '') || 'hidden' in attribs) return true;
  if (name === 'td' || name === 'th' || name === 'tr' || name === 'table' || name === 'tbody' || name === 'p' || name === 'span') return false;
  const marks = `${attribs['class'] ?? ''} ${attribs['id'] ?? ''}`;
  return CHROME.test(marks);
}

/** The rows of a table (through thead/tbody/tfoot, never into a nested table), each with its cells. */
function rowsOf(table: DomNode): DomNode[][] {
  const rows: DomNode[][] = [];
  const visit = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      const name = child.name?.toLowerCase();
      if (!name) continue;
      if (name === 'tr') rows.push((child.children ?? []).filter((c) => c.name === 'td' || c.name === 'th'));
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** A table of data, not of layout: no table inside it. */
function isDataTable(table: DomNode): boolean {
  const hasTable = (node: DomNode): boolean => (node.children ?? []).some((c) => c.name === 'table' || hasTable(c));
  return !hasTable(table);
}

/** The charset a page declares in its first bytes (`<meta charset>`, `<meta http-equiv content>`), lower case. */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

const GB = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'csgb2312', 'gb_2312-80']);

/** The page's text from its bytes: the byte-order mark, else the declared charset, else UTF-8 if valid, else GB18030. */
export function decodePage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = declaredCharset(head);
  if (declared && GB.has(declared)) return new TextDecoder('gb18030').decode(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads a page's HTML text. */
export function readHtml(source: string): ReadResult {
  const document = htmlparser2.parseDocument(source, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true }) as unknown as DomNode;
  const reader = new PageReader(source);
  reader.walk(document);
  const { text, origin } = reader.out.finish();
  return { format: 'html', text, origin, source, problem: null };
}

export const htmlReader: Reader = {
  format: 'html',
  extensions: ['.html', '.htm', '.shtml', '.xhtml'],
  read(input: ReadInput): ReadResult {
    const source = input.text ?? (input.bytes ? decodePage(input.bytes) : '');
    return readHtml(source);
  },
};

/** The text of a page's head for sniffing: its title first, then its text outside scripts and styles (cheap: no tree). */
export function pageSniffText(head: string): string {
  const parts: string[] = [];
  let skip = 0;
  const parser = new htmlparser2.Parser(
    {
      onopentagname(name) {
        if (name === 'script' || name === 'style' || name === 'noscript') skip++;
      },
      onclosetag(name) {
        if ((name === 'script' || name === 'style' || name === 'noscript') && skip > 0) skip--;
      },
      ontext(text) {
        if (skip === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(head);
  parser.end();
  return parts.join('').replace(WHITESPACE, ' ').replace(/ (?=[\u2e80-\uffff])|(?<=[\u2e80-\uffff]) /gu, '');
}
