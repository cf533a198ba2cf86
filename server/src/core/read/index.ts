/**
 * The readers, and which one takes a file. Readers of originals register here (one line each).
 */
import type { Reader, SourceFormat } from './reader';
import { htmlReader } from './html';
import { textReader } from './textReader';
import { docxReader } from './docx';
import { pdfReader } from './pdf';

export const READERS: readonly Reader[] = [textReader, htmlReader, docxReader, pdfReader];

/** The format a file name's ending says, or null for an ending no reader takes. */
export function formatOfName(name: string): SourceFormat | null {
  const lower = name.toLowerCase().replace(/[?#].*$/u, '');
  for (const reader of READERS) if (reader.extensions.some((ext) => lower.endsWith(ext))) return reader.format;
  return null;
}

export function readerFor(format: SourceFormat): Reader {
  return READERS.find((r) => r.format === format) ?? textReader;
}
