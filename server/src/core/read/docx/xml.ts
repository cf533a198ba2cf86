/**
 * A small XML reader for the parts of a Word file (WordprocessingML): elements, attributes and
 * character data, entities decoded; comments, processing instructions and the document type are
 * skipped; CDATA is text. It builds a light element tree (the parts are a few MB at most, and the
 * zip reader has capped them). Malformed input never throws: an unclosed tag ends the document, a
 * stray end tag closes up to its match (or is ignored).
 */

export interface XmlElement {
  /** The qualified name as written (`w:p`). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const MAX_DEPTH = 256;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; an unknown entity stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/gu, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) attributes[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return attributes;
}

/** Parses an XML document into its root element (a synthetic `#document` element holding the top level). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let pos = 0;
  const length = xml.length;
  if (xml.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > pos) {
      const text = xml.slice(pos, textEnd);
      stack[stack.length - 1]!.children.push(decodeEntities(text));
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        pos = end < 0 ? length : end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        stack[stack.length - 1]!.children.push(xml.slice(lt + 9, end < 0 ? length : end));
        pos = end < 0 ? length : end + 3;
      } else {
        // <!DOCTYPE …> (with an internal subset in brackets): skipped, entities in it are not defined.
        const bracket = xml.indexOf('[', lt);
        const close = xml.indexOf('>', lt);
        if (bracket >= 0 && (close < 0 || bracket < close)) {
          const end = xml.indexOf(']>', bracket);
          pos = end < 0 ? length : end + 2;
        } else pos = close < 0 ? length : close + 1;
      }
      continue;
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      pos = end < 0 ? length : end + 2;
      continue;
    }
    const gt = findTagEnd(xml, lt + 1);
    if (gt < 0) break; // an unclosed tag ends the document
    pos = gt + 1;
    if (next === 47 /* / */) {
      const name = xml.slice(lt + 2, gt).trim();
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]!.name === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const nameEnd = inner.search(/[\s/]/u);
    const name = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
    if (name === '') continue;
    const element: XmlElement = { name, attributes: nameEnd < 0 ? {} : parseAttributes(inner.slice(nameEnd)), children: [] };
    stack[stack.length - 1]!.children.push(element);
    // Nesting beyond MAX_DEPTH (only a hostile file does it) is flattened, so no walk of the tree recurses deeply.
    if (!selfClosing && stack.length < MAX_DEPTH) stack.push(element);
  }
  return root;
}

/** The `>` ending a tag that starts at `from`, outside quoted attribute values; -1 when there is none. */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) return -1; // a `<` inside a tag: the tag is broken
  }
  return -1;
}

/** The element's child elements, optionally only those of one name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) if (typeof child !== 'string' && (name === undefined || child.name === name)) out.push(child);
  return out;
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) if (typeof child !== 'string' && child.name === name) return child;
  return undefined;
}

/** The first descendant of a name, depth first. */
export function firstDescendant(element: XmlElement, name: string): XmlElement | undefined {
  const stack: XmlElement[] = [element];
  while (stack.length > 0) {
    const e = stack.pop()!;
    for (let i = e.children.length - 1; i >= 0; i--) {
      const child = e.children[i]!;
      if (typeof child === 'string') continue;
      if (child.name === name) return child;
      stack.push(child);
    }
  }
  return undefined;
}

/** A `w:val`-style attribute: the attribute of the local name in any prefix (`w:val`, `val`). */
export function attr(element: XmlElement | undefined, local: string): string | undefined {
  if (!element) return undefined;
  const direct = element.attributes[`w:${local}`];
  if (direct !== undefined) return direct;
  for (const key of Object.keys(element.attributes)) if (key === local || key.endsWith(`:${local}`)) return element.attributes[key];
  return undefined;
}
