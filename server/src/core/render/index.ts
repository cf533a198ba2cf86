/**
 * Writing the format's tables and sections as text, in any of the styles the parser reads. Used by
 * the quick-fixes that insert a missing section or row, and by the `New report` command.
 */
import { SECTIONS, type SectionSpec, type TableId } from '../format/schema';
import { alignedRenderer } from './aligned';
import { cellPerLineRenderer } from './cellPerLine';
import { pending, tableGrid, zeros, type ValueText } from './grid';
import { markdownRenderer } from './markdown';
import { pipeRenderer } from './pipe';
import type { RenderContext, TableRenderer } from './renderer';
import type { TableStyle } from './style';
import { runTogetherRenderer } from './runTogether';

export type { AlignedColumns, RenderContext, TableRenderer } from './renderer';
export type { TableStyle, TextConventions } from './style';

const RENDERERS: Readonly<Record<TableStyle, TableRenderer>> = {
  'cell-per-line': cellPerLineRenderer,
  pipe: pipeRenderer,
  markdown: markdownRenderer,
  aligned: alignedRenderer,
  'run-together': runTogetherRenderer,
};

export function rendererFor(style: TableStyle): TableRenderer {
  return RENDERERS[style];
}

/** A whole table in a style; every value 0 unless `value` says otherwise. No line ending after it. */
export function renderTable(table: TableId, style: TableStyle, context: RenderContext, value: ValueText = zeros): string {
  return rendererFor(style).table(tableGrid(table, value), context);
}

/** A section heading in the format's wording: `二、主动公开政府信息情况`. */
export function sectionHeading(spec: SectionSpec): string {
  return `${spec.numeral}、${spec.title}`;
}

/** What a narrative section gets when it is inserted: a sentence for the author to replace. */
export function placeholderSentence(spec: SectionSpec): string {
  switch (spec.id) {
    case 'overview':
      return '（请在此概述本年度政府信息公开工作总体情况。）';
    case 'problems':
      return '（请在此说明本年度政府信息公开工作存在的主要问题及改进情况。）';
    default:
      return `（请在此填写${spec.title}。）`;
  }
}

/**
 * Section 六's fee statement with zeros, as 国办函〔2020〕109号 asks: notices sent, their total amount,
 * the amount collected.
 */
export function feeStatement(year: number | null): string {
  const when = year === null ? '本年度' : `${year}年度`;
  return `根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），${when}本机关发出收费通知的件数为0件，总金额为0元，实际收取的总金额为0元。`;
}

/**
 * What an inserted section 六 says about fees: a prompt to be replaced, not a statement of zeros (a
 * fix never writes, in the body's name, that no fee was charged).
 */
export function feePrompt(year: number | null): string {
  const when = year === null ? '本年度' : `${year}年度`;
  return `（请在此说明${when}收取信息处理费的情况：发出收费通知的件数和总金额，以及实际收取的总金额。）`;
}

export interface SectionText {
  /** The heading line, without indentation. */
  readonly heading: string;
  /** What follows the heading: the table with its cells to be filled, the fee prompt, or a placeholder. */
  readonly body: string;
}

/**
 * A missing section as it is inserted: heading and body in the document's table style. Nothing in it
 * is a fact: the table's cells are （待填）, the sentences prompts in brackets (structure.placeholder).
 */
export function renderSection(spec: SectionSpec, style: TableStyle, context: RenderContext, year: number | null): SectionText {
  const heading = sectionHeading(spec);
  if (spec.table) return { heading, body: renderTable(spec.table, style, context, pending) };
  if (spec.id === 'other') return { heading, body: feePrompt(year) };
  return { heading, body: placeholderSentence(spec) };
}

/** Every section, for a new report: headings, placeholders, empty tables. */
export function renderSkeleton(style: TableStyle, context: RenderContext, year: number | null): SectionText[] {
  return SECTIONS.map((s) => renderSection(s, style, context, year));
}

