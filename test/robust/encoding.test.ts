/**
 * Encodings: reports saved as GB18030/GBK or UTF-16 with a byte-order mark are read as what they are
 * and checked exactly like their UTF-8 originals; the CLI says which encoding it assumed; a text is
 * written back byte for byte in the encoding it came in; binary and oversized files are skipped with
 * a message.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { decodeBytes, encodeLike, UnencodableError, type Encoding } from '../../server/src/cli/encoding';
import { PROJECT_ROOT, SAMPLES } from '../support/paths';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const gb = new TextDecoder('gb18030', { fatal: true });
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'utf-16le-nobom', 'utf-16be-nobom', 'gb18030'];

describe('encodeLike: GB18030 derived from Node\'s own decoder', () => {
  it('gives the standard\'s bytes (as Python\'s independent gb18030 codec gives them)', () => {
    const known: [string, string][] = [
      ['政府', 'd5feb8ae'],
      ['一、', 'd2bba1a2'],
      ['\u3000', 'a1a1'], // full-width space
      ['€', 'a2e3'],
      ['¥', '81308436'], // four bytes, BMP
      ['\ufeff', '84319533'],
      ['𠮷', '9534b235'], // four bytes, beyond the BMP
      ['a1', '6131'],
    ];
    for (const [text, bytes] of known) assert.equal(hex(encodeLike(text, 'gb18030')), bytes, text);
  });
  it('every BMP character the decoder can produce reads back the same; the 19 private-use ones it never produces are refused', () => {
    const refused: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      try {
        assert.equal(gb.decode(encodeLike(s, 'gb18030')), s);
      } catch (error) {
        assert.ok(error instanceof UnencodableError, `U+${c.toString(16)}: ${String(error)}`);
        refused.push(c);
      }
    }
    // Private-use code points that GB18030-2005 remapped to standard characters: no byte sequence decodes to them.
    assert.equal(refused.length, 19);
    assert.ok(refused.every((c) => c >= 0xe000 && c <= 0xf8ff));
  });
  it('characters beyond the BMP: four bytes, reading back the same', () => {
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 997) assert.equal(gb.decode(encodeLike(String.fromCodePoint(cp), 'gb18030')), String.fromCodePoint(cp));
  });
  it('a lone surrogate is refused in every encoding, never written as something else', () => {
    for (const e of ENCODINGS) assert.throws(() => encodeLike('年\ud800报', e), (error: unknown) => error instanceof UnencodableError && error.offset === 1);
  });
});

describe('decodeBytes: the encoding found', () => {
  const text = '政府信息公开工作年度报告\r\n一、总体情况\t12\n𠮷';
  it('each encoding written by encodeLike is recognised, and decodes to the same text', () => {
    for (const e of ENCODINGS) assert.deepEqual(decodeBytes(encodeLike(text, e)), { ok: true, text, encoding: e }, e);
  });
  it('pure ASCII is UTF-8; GBK bytes that are not UTF-8 are GB18030', () => {
    assert.deepEqual(decodeBytes(Buffer.from('1 2 3\n')), { ok: true, text: '1 2 3\n', encoding: 'utf-8' });
    assert.deepEqual(decodeBytes(Uint8Array.from([0xd5, 0xfe, 0xb8, 0xae])), { ok: true, text: '政府', encoding: 'gb18030' });
  });
  it('binary: many NUL bytes, or many control characters; neither UTF-8 nor GB18030: refused', () => {
    // A stray NUL (copy-paste, PDF extraction) is text: the core reports it.
    assert.deepEqual(decodeBytes(Uint8Array.from([0x41, 0x00, 0x42])), { ok: true, text: 'A\u0000B', encoding: 'utf-8' });
    const report = Buffer.from('政府信息公开工作年度报告\n'.repeat(50), 'utf8');
    report[36] = 0; // the first line break
    assert.deepEqual(decodeBytes(report), { ok: true, text: report.toString('utf8'), encoding: 'utf-8' });
    // Binary data: NULs everywhere.
    assert.deepEqual(decodeBytes(Uint8Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0 : 0x41))), { ok: false, reason: 'binary' });
    // Valid GB18030 pairs, but a third of the characters are control characters.
    assert.deepEqual(decodeBytes(Uint8Array.from([0xd5, 0xfe, 0x01, 0xb8, 0xae, 0x02, 0x03, 0xd5, 0xfe])), { ok: false, reason: 'binary' });
    assert.deepEqual(decodeBytes(Uint8Array.from([0xd5, 0xfe, 0xff, 0xff])), { ok: false, reason: 'encoding', encoding: null });
  });
  it('UTF-16 with a lone surrogate: refused, not repaired; a stray NUL character is text', () => {
    assert.deepEqual(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x3f, 0x65, 0x00, 0xd8, 0x41, 0x00])), { ok: false, reason: 'encoding', encoding: 'UTF-16LE' });
    assert.deepEqual(decodeBytes(Uint8Array.from([0xfe, 0xff, 0x65, 0x3f, 0x00, 0x00])), { ok: true, text: '政\u0000', encoding: 'utf-16be' });
  });
  it('UTF-16 without a byte-order mark is read as UTF-16, in both byte orders, and written back the same', () => {
    const body = '某某区政府信息公开工作年度报告\n一、总体情况\n2024年，本单位共收到申请 12 件。\n';
    const le = Buffer.from(body, 'utf16le');
    const be = Buffer.from(body, 'utf16le').swap16();
    assert.deepEqual(decodeBytes(le), { ok: true, text: body, encoding: 'utf-16le-nobom' });
    assert.deepEqual(decodeBytes(be), { ok: true, text: body, encoding: 'utf-16be-nobom' });
    assert.ok(Buffer.from(encodeLike(body, 'utf-16le-nobom')).equals(le));
    assert.ok(Buffer.from(encodeLike(body, 'utf-16be-nobom')).equals(be));
  });
  it('a head cut anywhere decodes up to the last whole character, in every encoding', () => {
    for (const e of ENCODINGS) {
      const bytes = encodeLike(text, e);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const r = decodeBytes(bytes.subarray(0, cut), true);
        if (!r.ok) {
          // Only a cut inside a byte-order mark leaves bytes that do not say their encoding — or, without
          // a mark, a UTF-16 head too short to show its zero bytes.
          assert.ok(cut < (e.endsWith('-nobom') ? 16 : 3), `${e} cut at ${cut}: ${JSON.stringify(r)}`);
          continue;
        }
        // What was decoded is exactly the bytes before the cut, but for an incomplete last character.
        const back = Buffer.from(encodeLike(r.text, r.encoding));
        assert.ok(back.equals(Buffer.from(bytes.subarray(0, back.length))), `${e} cut at ${cut}`);
        assert.ok(cut - back.length < 4, `${e} cut at ${cut}: ${cut - back.length} bytes left undecoded`);
      }
    }
  });
});

describe('every sample, in every encoding: written back byte for byte', () => {
  for (const name of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
    it(name, () => {
      const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
      for (const e of ENCODINGS) {
        const bytes = encodeLike(text, e);
        const decoded = decodeBytes(bytes);
        assert.ok(decoded.ok && decoded.encoding === e && decoded.text === text, e);
        assert.ok(Buffer.from(encodeLike(decoded.text, decoded.encoding)).equals(Buffer.from(bytes)), e);
      }
    });
  }
});

interface JsonFile {
  path: string;
  encoding: string;
  diagnostics: { relatedInformation?: { location: { uri: string } }[] }[];
}

describe('the CLI on GB18030 and UTF-16 copies of the samples', () => {
  let dir: string;
  const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort();
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-encodings-'));
    for (const name of samples) {
      const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8');
      for (const e of ENCODINGS) fs.writeFileSync(path.join(dir, `${name.replace(/\.txt$/u, '')}.${e}.txt`), encodeLike(text, e));
    }
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  const run = (args: readonly string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    if (r.error) throw r.error;
    return r;
  };

  it('each copy gives the same diagnostics as the UTF-8 original, and says its encoding', () => {
    const r = run(['check', '--format', 'json', dir]);
    const files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
    assert.equal(files.length, samples.length * ENCODINGS.length, r.stderr);
    /** Diagnostics with the file's own URI taken out of related locations. */
    const comparable = (f: JsonFile): string => JSON.stringify(f.diagnostics).split(JSON.stringify(pathToFileURL(f.path).href).slice(1, -1)).join('FILE');
    // The comparison is not empty: the samples have diagnostics, with positions and related locations.
    assert.ok(files.filter((f) => f.diagnostics.length > 0).length >= 3 * ENCODINGS.length);
    for (const name of samples) {
      const base = name.replace(/\.txt$/u, '');
      const original = files.find((f) => path.basename(f.path) === `${base}.utf-8.txt`)!;
      for (const e of ENCODINGS) {
        const copy = files.find((f) => path.basename(f.path) === `${base}.${e}.txt`);
        assert.ok(copy, `${base}.${e}.txt checked`);
        assert.equal(copy.encoding, e);
        assert.equal(comparable(copy), comparable(original), `${base}.${e}.txt`);
      }
    }
  });

  it('text output: a note names the encoding assumed for every file not in UTF-8', () => {
    const r = run(['check', dir]);
    for (const name of samples) {
      const base = name.replace(/\.txt$/u, '');
      assert.ok(r.stderr.includes(`${path.join(dir, `${base}.gb18030.txt`)}：按 GB18030 编码读取`), r.stderr);
      assert.ok(r.stderr.includes(`${path.join(dir, `${base}.utf-16le.txt`)}：按 UTF-16LE 编码读取`));
      assert.ok(r.stderr.includes(`${path.join(dir, `${base}.utf-16be.txt`)}：按 UTF-16BE 编码读取`));
      assert.ok(!r.stderr.includes(`${base}.utf-8.txt：按`));
    }
  });

  it('binary files and files over the size limit are skipped with a message, not parsed', () => {
    const binary = path.join(dir, 'scan.txt');
    fs.writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    const big = path.join(dir, `${samples[0]!.replace(/\.txt$/u, '')}.gb18030.txt`);
    const r = run(['check', '--format', 'json', '--max-size', '4KB', binary, big]);
    assert.deepEqual((JSON.parse(r.stdout) as { files: JsonFile[] }).files, []);
    assert.match(r.stderr, /scan\.txt：是二进制文件/u);
    assert.match(r.stderr, /gb18030\.txt：文件大小 [\d.]+ KB，超过上限 4 KB，未检查/u);
    fs.rmSync(binary);
  });
});
