/**
 * What the outline of each sample must show, read off the texts by hand (see shared/samples and
 * shared/pdf-text): the section headings as written, in order. Ranges follow from the text by line
 * arithmetic (`expectedSections`).
 */
import { blockRange, lastContentLine, lastContentLineBefore, lineOf, lineRange, type Rng } from './textLines';

const STANDARD = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

/** Section headings as written, by sample / pdf-text prefix. */
export const HEADINGS: Readonly<Record<string, readonly string[]>> = {
  // 000 and 003: section 二 without its numeral.
  '000': ['一、总体情况', '主动公开政府信息情况', ...STANDARD.slice(2)],
  // 001: section 二 numbered `2、`.
  '001': ['一、总体情况', '2、 主动公开政府信息情况', ...STANDARD.slice(2)],
  // 002: section 六 missing.
  '002': STANDARD.slice(0, 5),
  '003': ['一、总体情况', '主动公开政府信息情况', ...STANDARD.slice(2)],
  // 004: section 三 numbered `2、` (line 63).
  '004': ['一、总体情况', '二、主动公开政府信息情况', '2、 收到和处理政府信息公开申请情况', ...STANDARD.slice(3)],
  'pdf-001': STANDARD,
  'pdf-002': STANDARD,
  'pdf-003': STANDARD,
};

/** The table each section title carries. */
export const TABLE_OF_SECTION: Readonly<Record<string, string>> = {
  '主动公开政府信息情况': '表一',
  '收到和处理政府信息公开申请情况': '表二',
  '政府信息公开行政复议、行政诉讼情况': '表三',
};

/**
 * The range each section must have: from its heading to the last line with content before the next
 * heading (or the end of the text); its selection is the heading line.
 */
export function expectedSections(text: string, headings: readonly string[]): { name: string; range: Rng; selection: Rng }[] {
  const starts = headings.map((h) => lineOf(text, h));
  return headings.map((name, i) => {
    const next = starts[i + 1];
    const last = next === undefined ? lastContentLine(text) : lastContentLineBefore(text, next);
    return { name, range: blockRange(text, starts[i]!, last), selection: lineRange(text, starts[i]!) };
  });
}
