/**
 * A new report for the `New report` command: the title naming the body and the year, the preamble
 * (Article 50 and the statistics period), all six sections with placeholders for the narrative, and
 * the three tables with every cell （待填）, one cell per line. Pure: the client calls it directly.
 */
import { PREAMBLE_SENTENCE } from '../rules/frontMatter';
import { renderSkeleton } from './index';

export interface NewReportOptions {
  /** The body's name as the user typed it (trimmed here). */
  readonly body: string;
  readonly year: number;
  readonly eol?: string;
}

/** The earliest year a report can be for: the Regulations took effect in 2008. */
export const FIRST_REPORT_YEAR = 2008;
/** Longest body name accepted (the longest real names are about 40 characters). */
export const MAX_BODY_NAME = 60;

export type BodyNameProblem = 'empty' | 'line-break' | 'too-long' | 'has-year' | 'has-title';
export type YearProblem = 'not-a-year' | 'out-of-range';

/** What is wrong with a body name, or null when it can be used. */
export function bodyNameProblem(name: string): BodyNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (/[\r\n\u2028\u2029]/u.test(trimmed)) return 'line-break';
  if (trimmed.length > MAX_BODY_NAME) return 'too-long';
  if (/(?:19|20)\d{2}\s*年/u.test(trimmed)) return 'has-year';
  if (/政府信息公开|年度报告/u.test(trimmed)) return 'has-title';
  return null;
}

/** The year a text names (ASCII or full-width digits), or the problem with it. */
export function parseReportYear(text: string, now: Date = new Date()): { year: number } | { problem: YearProblem } {
  const digits = text.trim().replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/年$/u, '');
  if (!/^\d{4}$/u.test(digits)) return { problem: 'not-a-year' };
  const year = Number(digits);
  if (year < FIRST_REPORT_YEAR || year > now.getFullYear() + 1) return { problem: 'out-of-range' };
  return { year };
}

/** The year a new report is usually for: the one that has just ended. */
export function defaultReportYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

/** The whole text of a new report, ending with a line ending. */
export function renderNewReport(options: NewReportOptions): string {
  const eol = options.eol ?? '\n';
  const body = options.body.trim();
  const { year } = options;
  const lines: string[] = [
    `${body}${year}年政府信息公开工作年度报告`,
    '',
    `${PREAMBLE_SENTENCE}本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
  ];
  for (const section of renderSkeleton('cell-per-line', { eol, halfWidth: false }, year)) {
    lines.push(section.heading, section.body, '');
  }
  return lines.join(eol);
}
