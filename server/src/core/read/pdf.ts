/**
 * PDF: the text items of every page with their positions, from pdfjs-dist (Mozilla's PDF engine, no
 * external tool at run time), laid out as the report's text by read/pdf/layout.ts. pdfjs is loaded
 * only when a PDF is read — checking text files never pays for it — from `dist/vendor/` in the
 * bundle (scripts/build.mjs copies it there with the character maps of Chinese fonts) or from
 * node_modules when running from source. A scanned PDF (no text layer), an encrypted, damaged or
 * oversized one gets one problem each; nothing here throws, and a document that takes too long is
 * given up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { looksLikeReport } from '../sniff';
import { ensureDomMatrix } from './pdf/domMatrix';
import { layoutPages, type PdfPage, type TextItem } from './pdf/layout';
import type { Reader, ReadInput, ReadProblem, ReadResult } from './reader';

/** A PDF larger than this is not opened at all. */
export const PDF_INPUT_LIMIT = 64 * 1024 * 1024;
/** A report is a few pages; a document with more than this many is not read. */
export const PDF_PAGE_LIMIT = 500;
/** Reading one document takes at most this long. */
export const PDF_TIME_LIMIT_MS = 30_000;

/** The little of pdfjs-dist's API the reader uses (its own types are an ES module's). */
interface PdfEngine {
  readonly GlobalWorkerOptions: { workerSrc: string };
  getDocument(params: Record<string, unknown>): PdfLoadingTask;
}
interface PdfLoadingTask {
  readonly promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}
interface PdfDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
}
interface PdfPageProxy {
  getViewport(p: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  cleanup(): void;
}
interface RawTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
}

/** Where the engine's files are: beside the bundle (`vendor/`), else in node_modules. */
export function pdfEngineFiles(): { engine: string; worker: string; cMaps: string } | null {
  const vendor = path.join(__dirname, 'vendor');
  if (fs.existsSync(path.join(vendor, 'pdf.min.mjs'))) {
    return { engine: path.join(vendor, 'pdf.min.mjs'), worker: path.join(vendor, 'pdf.worker.min.mjs'), cMaps: path.join(vendor, 'cmaps') + path.sep };
  }
  try {
    const engine = require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs');
    const root = path.resolve(path.dirname(engine), '..', '..');
    return { engine, worker: path.join(path.dirname(engine), 'pdf.worker.min.mjs'), cMaps: path.join(root, 'cmaps') + path.sep };
  } catch {
    return null;
  }
}

let engine: Promise<{ pdfjs: PdfEngine; cMaps: string }> | null = null;

/** pdfjs, loaded once, on the first PDF. */
function loadEngine(): Promise<{ pdfjs: PdfEngine; cMaps: string }> {
  if (!engine) {
    const files = pdfEngineFiles();
    engine = files ? importEngine(files) : Promise.reject(new Error('pdfjs-dist is not installed'));
    engine.catch(() => (engine = null));
  }
  return engine;
}

/**
 * Imports pdfjs. When it loads in Node it looks for the native canvas package (for rendering, which
 * reading text never does) and warns on stderr that it is missing: those warnings are kept out of the
 * user's terminal and the server's log; any other warning passes.
 */
async function importEngine(files: { engine: string; worker: string; cMaps: string }): Promise<{ pdfjs: PdfEngine; cMaps: string }> {
  ensureDomMatrix();
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill `(DOMMatrix|ImageData|Path2D)`)/u.test(args[0])) return;
    warn(...args);
  };
  try {
    const pdfjs = (await import(pathToFileURL(files.engine).href)) as PdfEngine;
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(files.worker).href;
    return { pdfjs, cMaps: files.cMaps };
  } finally {
    console.warn = warn;
  }
}

function problem(kind: ReadProblem['kind'], detail: string): ReadResult {
  return { format: 'pdf', text: '', origin: null, source: null, problem: { kind, detail } };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The PDF's problem for an error pdfjs threw. */
function problemOf(error: unknown): ReadResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return problem('encrypted', errorText(error));
  return problem('damaged', errorText(error));
}

function itemOf(raw: unknown): TextItem | null {
  const item = raw as Partial<RawTextItem>;
  if (typeof item.str !== 'string' || !Array.isArray(item.transform) || item.transform.length < 6) return null;
  const [a, b, c, d, x, y] = item.transform as number[];
  // Upright text only: a rotated run (a stamp, a watermark) is not part of the report's lines.
  if (Math.abs(b!) > 1e-3 * Math.abs(a!) || Math.abs(c!) > 1e-3 * Math.abs(d!)) return null;
  const size = Math.abs(d!) || Math.abs(a!);
  if (!(size > 0) || !Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { text: item.str, x: x!, y: y!, width: Number.isFinite(item.width) ? item.width! : 0, size };
}

async function readDocument(bytes: Uint8Array, deadline: Promise<never>): Promise<ReadResult> {
  const { pdfjs, cMaps } = await Promise.race([loadEngine(), deadline]);
  const task = pdfjs.getDocument({
    // pdfjs takes the buffer over: give it a copy, so the caller's bytes stay as they were.
    data: new Uint8Array(bytes),
    cMapUrl: cMaps,
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await Promise.race([task.promise, deadline]);
    if (doc.numPages > PDF_PAGE_LIMIT) return problem('too-large', `${doc.numPages} pages > ${PDF_PAGE_LIMIT}`);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await Promise.race([doc.getPage(n), deadline]);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await Promise.race([page.getTextContent(), deadline]);
      const items: TextItem[] = [];
      for (const raw of content.items) {
        const item = itemOf(raw);
        if (item) items.push(item);
      }
      pages.push({ number: n, width, height, items });
      page.cleanup();
    }
    const { text, origin, characters } = layoutPages(pages);
    if (characters === 0) return problem('scanned', `${doc.numPages} pages, no text layer`);
    if (!looksLikeReport(text)) return { format: 'pdf', text, origin, source: null, problem: { kind: 'no-report', detail: 'no report words' } };
    return { format: 'pdf', text, origin, source: null, problem: null };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Reads a PDF's bytes as the report's text; every failure is a problem, never a throw. */
export async function readPdf(input: ReadInput): Promise<ReadResult> {
  const bytes = input.bytes ?? (input.text !== undefined ? new TextEncoder().encode(input.text) : new Uint8Array());
  if (bytes.length > PDF_INPUT_LIMIT) return problem('too-large', `${bytes.length} bytes > ${PDF_INPUT_LIMIT}`);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return problem('damaged', 'no %PDF- header');
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { reject(new Error(`not read within ${PDF_TIME_LIMIT_MS / 1000} s`)); }, PDF_TIME_LIMIT_MS);
    timer.unref();
  });
  deadline.catch(() => undefined);
  try {
    return await readDocument(bytes, deadline);
  } catch (error) {
    return problemOf(error);
  } finally {
    clearTimeout(timer);
  }
}

export const pdfReader: Reader = {
  format: 'pdf',
  extensions: ['.pdf'],
  read: readPdf,
};
