/**
 * `govreport/readOriginal`: reads an original from disk (its bytes) with the reader registered for
 * its name's ending (read/index.ts: a Word file, a PDF, a web page, plain text) and answers the
 * report text — what the client shows as a read-only `govreport-text:` document. A file that cannot
 * be read (old format, encrypted, damaged, too large, a scanned PDF) gets one clear message instead.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { formatSize } from '../../cli/files';
import type { MessageCatalog } from '../../core/messages/catalog';
import { zhCN } from '../../core/messages/zh-cn';
import { readProblemMessage } from '../../core/read/analyzeRead';
import { formatOfName, readerFor } from '../../core/read/index';
import type { ReadInput, ReadProblem, SourceFormat } from '../../core/read/reader';
import type { Feature } from '../context';
import { guard } from '../guard';

const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
import { READ_ORIGINAL_REQUEST, type ReadOriginalParams, type ReadOriginalResult } from '../protocol';
import { DEFAULT_SETTINGS } from '../settings';

/** The one message for a reader's problem: the Word reader's own wording, the general one otherwise. */
function problemMessage(format: SourceFormat, problem: ReadProblem, name: string, messages: MessageCatalog): string {
  if (format === 'docx' && problem.kind !== 'no-report') return readProblemMessage(problem, messages);
  return messages.cliReadProblem({ path: name, kind: problem.kind });
}

/** Reads the original at a `file:` URI; `maxSize` is the largest file read, in bytes. */
export async function readOriginal(uri: string, messages: MessageCatalog = zhCN, maxSize = Infinity): Promise<ReadOriginalResult> {
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch (error) {
    return { text: '', format: null, problem: messages.cliReadFailed({ path: uri, detail: detailOf(error) }) };
  }
  const name = path.basename(file);
  const format = formatOfName(file);
  if (format === null) return { text: '', format: null, problem: messages.readOriginalUnsupported({ path: name }) };
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxSize) return { text: '', format, problem: messages.documentTooLarge({ size: formatSize(stat.size), limit: formatSize(maxSize) }) };
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { text: '', format, problem: messages.cliReadFailed({ path: name, detail: code ?? detailOf(error) }) };
  }
  const input: ReadInput = format === 'text' ? { name: file, text: new TextDecoder('utf-8').decode(bytes) } : { name: file, bytes };
  try {
    // A reader may answer later (the PDF reader loads pdfjs): always awaited.
    const read = await readerFor(format).read(input);
    if (read.problem) return { text: '', format, problem: problemMessage(format, read.problem, name, messages) };
    return { text: read.text, format };
  } catch (error) {
    return { text: '', format, problem: messages.cliReadFailed({ path: name, detail: detailOf(error) }) };
  }
}

export const readOriginalFeature: Feature = {
  name: 'readOriginal',
  register({ connection, messages, settings }) {
    connection.onRequest(
      READ_ORIGINAL_REQUEST,
      guard(connection.console, 'readOriginal', null, async (params: ReadOriginalParams): Promise<ReadOriginalResult | null> => {
        const limit = (settings.cached(params.uri) ?? DEFAULT_SETTINGS).maxFileSize;
        return readOriginal(params.uri, messages(), limit);
      }),
    );
    return {};
  },
};
