/**
 * `--format text`: one line per diagnostic, like a compiler —
 * `file:line:col severity code message`, line and column 1-based, the column counted in UTF-16
 * code units (+1), as VS Code counts it. The severity is a word of the output's language (error,
 * warning, information, hint; 错误、警告、信息、提示): the problem matcher `$govreport` reads both.
 */
import { zhCN } from '../../core/messages/zh-cn';
import type { DiagnosticShape } from '../../core/diagnostic';
import { wholeOutput, type StreamingFormatter } from './options';

const SEVERITY_COLOR: Readonly<Record<DiagnosticShape['severity'], string>> = { 1: '31', 2: '33', 3: '34', 4: '2' };

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** A message on one line: line breaks (never expected, but a cell's raw text could hold one) become spaces. */
const oneLine = (message: string): string => message.replace(/\r\n|[\r\n\u2028\u2029]/gu, ' ');

export const streamText: StreamingFormatter = (_run, { color, messages = zhCN }) => ({
  head: '',
  file: (file) => {
    let out = '';
    for (const d of file.diagnostics) {
      const place = d.place ? `${messages.placeLabel(d.place)} ` : '';
      const where = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      out += `${paint(color, '1', where)} ${paint(color, SEVERITY_COLOR[d.severity], messages.cliSeverity(d.severity))} ${paint(color, '2', d.code)} ${place}${oneLine(d.message)}\n`;
    }
    return out;
  },
  tail: () => '',
});

/** The whole output at once. */
export const formatText = wholeOutput(streamText);
