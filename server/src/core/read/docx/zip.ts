/**
 * The zip container of a Word file, read defensively: the central directory is read here (so that
 * a damaged or hostile archive is told apart from a valid one without unpacking anything), and only
 * the entries asked for are inflated, with fflate's streaming inflater, stopping as soon as their
 * output passes the limit. A zip bomb is refused on its declared sizes before anything is unpacked,
 * and on its actual output when the declared sizes lie.
 */
import { Inflate } from 'fflate';

/** Unpacked bytes allowed: the declared total of all entries, and the actual output of the entries read. */
export const UNPACKED_LIMIT = 64 * 1024 * 1024;
/** Entries in the central directory: a Word file has a few dozen. */
export const ENTRY_LIMIT = 10_000;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export type ZipProblem = { readonly kind: 'damaged' | 'too-large' | 'encrypted'; readonly detail: string };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.detail);
  }
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8');

export class ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;

  /** Reads the central directory; throws a `ZipError` for a damaged, encrypted or oversized archive. */
  constructor(private readonly bytes: Uint8Array) {
    const fail = (kind: ZipProblem['kind'], detail: string): never => {
      throw new ZipError({ kind, detail });
    };
    if (bytes.length < 22) fail('damaged', 'too short for a zip archive');
    // The end-of-central-directory record: in the last 22 + 65535 bytes.
    let eocd = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
      if (u32(bytes, at) === 0x06054b50) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) fail('damaged', 'no end-of-central-directory record');
    const count = u16(bytes, eocd + 10);
    const dirSize = u32(bytes, eocd + 12);
    const dirOffset = u32(bytes, eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) fail('too-large', 'a ZIP64 archive');
    if (count > ENTRY_LIMIT) fail('too-large', `${count} entries`);
    if (dirOffset + dirSize > eocd) fail('damaged', 'central directory beyond its end record');
    const entries = new Map<string, ZipEntry>();
    let at = dirOffset;
    let declared = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > eocd || u32(bytes, at) !== 0x02014b50) fail('damaged', `central directory entry ${i} broken`);
      const flags = u16(bytes, at + 8);
      const method = u16(bytes, at + 10);
      const compressedSize = u32(bytes, at + 20);
      const size = u32(bytes, at + 24);
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      const localOffset = u32(bytes, at + 42);
      if (at + 46 + nameLength > eocd) fail('damaged', `central directory entry ${i} broken`);
      const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) fail('too-large', `ZIP64 entry ${name}`);
      declared += size;
      if (declared > UNPACKED_LIMIT) fail('too-large', `declared unpacked size over ${UNPACKED_LIMIT} bytes`);
      if (!entries.has(name)) entries.set(name, { name, method, flags, compressedSize, size, localOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
    this.entries = entries;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's bytes, or null when the archive has no such entry; throws a `ZipError` when it cannot be unpacked. */
  read(name: string, budget: { left: number }): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const fail = (kind: ZipProblem['kind'], detail: string): never => {
      throw new ZipError({ kind, detail: `${name}: ${detail}` });
    };
    if (entry.flags & 1) fail('encrypted', 'encrypted zip entry');
    const bytes = this.bytes;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) fail('damaged', 'local header missing');
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) fail('damaged', 'data beyond the end of the archive');
    const data = bytes.subarray(start, end);
    if (entry.method === 0) {
      if (data.length > budget.left) fail('too-large', 'unpacks beyond the limit');
      budget.left -= data.length;
      return data.slice();
    }
    if (entry.method !== 8) fail('damaged', `compression method ${entry.method}`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > budget.left) over = true;
      else chunks.push(chunk);
    });
    // Input in steps: one step's output is at most ~1032 times its input (≤ 17 MB past the limit
    // before the check stops it), and a step is large enough to keep the inflater fast.
    const STEP = 16384;
    try {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the inflater's callback, which TypeScript's narrowing does not follow
      for (let offset = 0; offset < data.length && !over; offset += STEP) {
        const last = offset + STEP >= data.length;
        inflater.push(data.subarray(offset, Math.min(data.length, offset + STEP)), last);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the inflater's callback, which TypeScript's narrowing does not follow
      if (!over) fail('damaged', `inflate: ${error instanceof Error ? error.message : String(error)}`);
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the inflater's callback, which TypeScript's narrowing does not follow
    if (over) fail('too-large', 'unpacks beyond the limit');
    budget.left -= total;
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
