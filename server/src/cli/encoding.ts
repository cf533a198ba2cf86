/**
 * Which encoding a report file is in, decoding it, and encoding a text back the way it was read.
 *
 * Reports arrive as UTF-8 (with or without a byte-order mark), as GB18030/GBK (the Chinese Windows
 * default) and as UTF-16 with a byte-order mark (Windows "Unicode"). Decoding uses Node's own
 * decoders (`TextDecoder`, full ICU): no table of ours. Node has no GB18030 encoder, so the one here
 * is derived at first use from Node's decoder itself — every code the decoder knows, inverted — which
 * makes `encodeLike(decode(bytes))` give back the very bytes read, whatever the decoder's mapping.
 *
 * Decoding never "repairs": bytes that are not valid in the encoding found are reported, not turned
 * into U+FFFD, so that no character is lost and a file written back is the file read.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-nobom' | 'utf-16be-nobom' | 'gb18030';

/** The names people know the encodings by, for messages and the JSON output's `encoding`. */
export const ENCODING_NAME: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'utf-16le-nobom': 'UTF-16LE (no BOM)',
  'utf-16be-nobom': 'UTF-16BE (no BOM)',
  gb18030: 'GB18030',
};

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: Encoding }
  | { readonly ok: false; readonly reason: 'binary' }
  /** Not valid text in any encoding read; `encoding` names one a byte-order mark declares, if any. */
  | { readonly ok: false; readonly reason: 'encoding'; readonly encoding: string | null };

/** Share of control characters (besides tab, line breaks, form feed) above which a text is binary. */
const MAX_CONTROL_SHARE = 0.01;

function decoder(label: string) {
  // ignoreBOM: the mark is cut off before decoding (so that it is detected once, here).
  return new TextDecoder(label, { fatal: true, ignoreBOM: true });
}

/** Decodes with `label`, or null when the bytes are not valid in it. A head cut anywhere loses only its incomplete last character. */
function tryDecode(label: string, bytes: Uint8Array, truncated: boolean): string | null {
  try {
    return decoder(label).decode(bytes, { stream: truncated });
  } catch {
    return null;
  }
}

function controlShare(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

/**
 * NULs a text may hold and still be text: copy-paste and PDF extraction leave stray ones. More than
 * this share of the bytes (or of the characters) and the file is binary.
 */
const MAX_NUL_SHARE = 0.001;
const MAX_STRAY_NULS = 8;

function tooManyNuls(count: number, length: number): boolean {
  return count > MAX_STRAY_NULS && count > length * MAX_NUL_SHARE;
}

/** How many bytes have this value (by the native `indexOf`: a text file has none or few of the ones asked about). */
function countByte(bytes: Uint8Array, value: number): number {
  let n = 0;
  for (let i = bytes.indexOf(value); i >= 0; i = bytes.indexOf(value, i + 1)) n++;
  return n;
}

/**
 * UTF-16 without a byte-order mark. Text in UTF-16 has zero bytes (ASCII's high byte, and CJK
 * characters such as 一 U+4E00 and 开 U+5F00), which UTF-8 and GB18030 text has not. When the head
 * has them, both byte orders are read and the one whose characters are a report's — ASCII, CJK
 * punctuation, CJK ideographs, full-width forms — wins if nearly all of them are. Says which, or null.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 16) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024) & ~1);
  const pairs = sample.length / 2;
  const zeros = countByte(sample, 0);
  if (zeros < 2 || zeros < pairs * 0.02) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (isReportUnit(sample[i]! | (sample[i + 1]! << 8))) le++;
    if (isReportUnit((sample[i]! << 8) | sample[i + 1]!)) be++;
  }
  const enough = pairs * 0.9;
  if (le >= enough && le > be) return 'utf-16le';
  if (be >= enough && be > le) return 'utf-16be';
  return null;
}

/** A UTF-16 code unit of the kind a report is written in. */
function isReportUnit(unit: number): boolean {
  return (
    unit === 9 || unit === 10 || unit === 13 ||
    (unit >= 0x20 && unit <= 0x7e) ||
    (unit >= 0x3000 && unit <= 0x303f) || // CJK punctuation
    (unit >= 0x4e00 && unit <= 0x9fff) || // CJK ideographs
    (unit >= 0xd800 && unit <= 0xdfff) || // surrogates (ideographs beyond the BMP)
    (unit >= 0xff00 && unit <= 0xffef) || // full-width forms
    unit === 0x2014 || unit === 0x2026 || unit === 0x201c || unit === 0x201d || unit === 0x2018 || unit === 0x2019 || unit === 0xb7
  );
}

/** The first bytes of the binary files that end up named .txt: PNG, JPEG, GIF, PDF, zip (.docx), OLE (.doc, .wps), gzip. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x1f, 0x8b],
];

function hasBinarySignature(bytes: Uint8Array): boolean {
  return BINARY_SIGNATURES.some((signature) => signature.length <= bytes.length && signature.every((b, i) => bytes[i] === b));
}

/**
 * Bytes to text, finding the encoding: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE);
 * without one, UTF-16 by its zero bytes, else valid UTF-8 is UTF-8, else valid GB18030 is GB18030,
 * else the file is not read. A few stray NULs are text (the core reports them); many NULs or many
 * control characters make a file binary. `truncated` says the bytes are a head cut anywhere,
 * possibly inside a character.
 */
export function decodeBytes(bytes: Uint8Array, truncated = false): Decoded {
  if (hasBinarySignature(bytes)) return { ok: false, reason: 'binary' };
  const b0 = bytes[0];
  const b1 = bytes[1];
  const hasBom = bytes.length >= 2 && ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff));
  const utf16 = hasBom ? (b0 === 0xff ? 'utf-16le' : 'utf-16be') : bomlessUtf16(bytes);
  if (utf16) {
    const body = hasBom ? bytes.subarray(2) : bytes;
    const text = tryDecode(utf16, truncated ? body.subarray(0, body.length & ~1) : body, truncated);
    if (text === null) return { ok: false, reason: 'encoding', encoding: ENCODING_NAME[utf16] };
    if (tooManyNuls(countChar(text, 0), text.length) || controlShare(text) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary' };
    return { ok: true, text, encoding: hasBom ? utf16 : utf16 === 'utf-16le' ? 'utf-16le-nobom' : 'utf-16be-nobom' };
  }
  if (tooManyNuls(countByte(bytes, 0), bytes.length)) return { ok: false, reason: 'binary' };
  if (bytes.length >= 3 && b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3), truncated);
    return text === null ? { ok: false, reason: 'encoding', encoding: null } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  const utf8 = tryDecode('utf-8', bytes, truncated);
  if (utf8 !== null) return controlShare(utf8) > MAX_CONTROL_SHARE ? { ok: false, reason: 'binary' } : { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes, truncated);
  if (gb !== null) {
    // Almost any bytes pair up as GB18030; text has few control characters.
    if (controlShare(gb) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary' };
    return { ok: true, text: gb, encoding: 'gb18030' };
  }
  return { ok: false, reason: 'encoding', encoding: null };
}

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Encoding back

/** A character the encoding cannot hold (in UTF-8 and UTF-16: a lone surrogate). */
export class UnencodableError extends Error {
  constructor(
    readonly encoding: Encoding,
    readonly offset: number,
  ) {
    super(`character at offset ${offset} cannot be written as ${ENCODING_NAME[encoding]}`);
  }
}

function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

/**
 * The text as bytes in the encoding it was read in (byte-order mark included when it had one): what
 * `fix --write` writes. Throws UnencodableError rather than write a character that would not read
 * back the same.
 */
export function encodeLike(text: string, encoding: Encoding): Uint8Array {
  const lone = firstLoneSurrogate(text);
  if (lone >= 0) throw new UnencodableError(encoding, lone);
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
    case 'utf-16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be-nobom':
      return Buffer.from(text, 'utf16le').swap16();
    case 'gb18030':
      return encodeGb18030(text);
  }
}

/**
 * GB18030's four-byte codes in linear order: bytes b1 b2 b3 b4 with b1, b3 in 0x81–0xFE and b2, b4
 * in 0x30–0x39. The standard's algorithmic part: code points beyond the BMP are U+10000 + (linear −
 * 189000); the BMP's four-byte codes are read from the decoder (linear 0 … 39419).
 */
function fourBytes(linear: number): number[] {
  const b4 = linear % 10;
  const b3 = Math.floor(linear / 10) % 126;
  const b2 = Math.floor(linear / 1260) % 10;
  const b1 = Math.floor(linear / 12600);
  return [0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4];
}

const BMP_FOUR_BYTE_CODES = 39420;
const SUPPLEMENTARY_LINEAR_BASE = 189000;

/** BMP code unit → its GB18030 bytes packed into a number (1, 2 or 4 bytes), 0 where none. */
let bmpTable: Float64Array | null = null;

function gb18030Table(): Float64Array {
  if (bmpTable) return bmpTable;
  const table = new Float64Array(0x10000);
  for (let c = 0; c < 0x80; c++) table[c] = c + 1; // + 1: 0 means "none"; see pack/unpack below
  const decode = decoder('gb18030');
  // Two-byte codes first: where the decoder maps two codes to one character, the two-byte one is written.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let s: string;
      try {
        s = decode.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (s.length === 1 && table[s.charCodeAt(0)] === 0) table[s.charCodeAt(0)] = 0x10000 + ((lead << 8) | trail) + 1;
    }
  }
  for (let linear = 0; linear < BMP_FOUR_BYTE_CODES; linear++) {
    const bytes = fourBytes(linear);
    let s: string;
    try {
      s = decode.decode(Uint8Array.from(bytes));
    } catch {
      continue;
    }
    if (s.length === 1 && table[s.charCodeAt(0)] === 0) table[s.charCodeAt(0)] = 0x100000000 + linear + 1;
  }
  bmpTable = table;
  return table;
}

function encodeGb18030(text: string): Uint8Array {
  const table = gb18030Table();
  const out = Buffer.allocUnsafe(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      // A pair (lone surrogates were refused above): four bytes, algorithmically.
      const cp = ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
      for (const b of fourBytes(SUPPLEMENTARY_LINEAR_BASE + cp - 0x10000)) out[n++] = b;
      continue;
    }
    const packed = table[c]! - 1;
    if (packed < 0) throw new UnencodableError('gb18030', i);
    if (packed < 0x80) {
      out[n++] = packed;
    } else if (packed < 0x100000000) {
      const code = packed - 0x10000;
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    } else {
      for (const b of fourBytes(packed - 0x100000000)) out[n++] = b;
    }
  }
  return out.subarray(0, n);
}
