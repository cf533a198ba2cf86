/**
 * `--format summary`: a table for the terminal, one line per report — file, body, year, errors,
 * warnings, the first problem (the first failing identity, `sum.*`, else the first error, else the
 * first warning) — then a totals line. Columns are aligned in terminal columns, a Chinese character
 * counting 2 (./width.ts); the last column is cut to SUMMARY_FIRST_WIDTH columns.
 */
import { zhCN } from '../../core/messages/zh-cn';
import type { DiagnosticShape } from '../../core/diagnostic';
import type { CheckResult } from '../check';
import { displayWidth, padTo, truncateTo } from '../width';
import type { FormatOptions } from './options';

/** The widest the first problem's cell gets (code and message), in terminal columns. */
export const SUMMARY_FIRST_WIDTH = 60;

const oneLine = (text: string): string => text.replace(/\s+/gu, ' ');

/** The problem a reviewer looks at first: a failing identity, else an error, else a warning. */
export function firstProblem(diagnostics: readonly DiagnosticShape[]): DiagnosticShape | undefined {
  return diagnostics.find((d) => d.code.startsWith('sum.') && d.severity === 1) ?? diagnostics.find((d) => d.severity === 1) ?? diagnostics.find((d) => d.severity === 2);
}

export function formatSummary(result: CheckResult, { messages = zhCN }: FormatOptions): string {
  const count = (diagnostics: readonly DiagnosticShape[], severity: number): number => diagnostics.filter((d) => d.severity === severity).length;
  const header = [
    messages.verdictWord('columnFile'),
    messages.verdictWord('columnBody'),
    messages.verdictWord('columnYear'),
    messages.verdictWord('columnErrors'),
    messages.verdictWord('columnWarnings'),
    messages.cliSummaryFirst(),
  ];
  const rows = result.files.map((file) => {
    const model = file.analysis?.model;
    const first = firstProblem(file.diagnostics);
    return [
      oneLine(file.path),
      oneLine(model?.title?.body ?? ''),
      model?.year === undefined || model.year === null ? '' : String(model.year),
      String(count(file.diagnostics, 1)),
      String(count(file.diagnostics, 2)),
      first ? truncateTo(oneLine(`${first.code} ${first.message}`), SUMMARY_FIRST_WIDTH) : '',
    ];
  });
  const totals = [
    messages.cliSummaryTotal({ reports: result.files.length }),
    '',
    '',
    String(result.files.reduce((n, f) => n + count(f.diagnostics, 1), 0)),
    String(result.files.reduce((n, f) => n + count(f.diagnostics, 2), 0)),
    '',
  ];
  const table = [header, ...rows, totals];
  const widths = header.map((_, column) => Math.max(...table.map((row) => displayWidth(row[column]!))));
  const numeric = [false, false, true, true, true, false];
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => padTo(cell, widths[column]!, numeric[column] ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line), rule, line(totals)].map((l) => `${l}\n`).join('');
}
