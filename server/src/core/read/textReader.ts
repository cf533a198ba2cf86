/** Plain text: the text is the report, positions are its own. */
import type { Reader, ReadInput, ReadResult } from './reader';

export const textReader: Reader = {
  format: 'text',
  extensions: ['.txt', '.govreport', '.md', '.text'],
  read(input: ReadInput): ReadResult {
    return { format: 'text', text: input.text ?? '', origin: null, source: null, problem: null };
  },
};
