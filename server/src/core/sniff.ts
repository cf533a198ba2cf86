/**
 * Does a text read like an annual report on government information disclosure? Used by the editor
 * to claim .txt files and by the CLI to pick report files out of a folder. Looks at the beginning only.
 * Light on purpose (the extension's client imports it); the web-page sniff is read/pageSniff.ts.
 */

/**
 * How much of the beginning of a file is looked at (UTF-16 code units). A web page saved as text puts
 * its site navigation first — 24 KB of it is common — so the report's row labels may start far in.
 */
export const SNIFF_BYTES = 65536;

export const TITLE_WORDS = /政府信息公开/u;
export const REPORT_WORDS = /年度报告|年报/u;
const ROW_LABELS = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '本年度办理结果', '主动公开政府信息情况', '收到和处理政府信息公开申请情况'];

/** The title stands at the top: its words are looked for in the first characters only. */
const TITLE_REACH = 400;

export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, SNIFF_BYTES);
  const top = head.slice(0, TITLE_REACH);
  if (TITLE_WORDS.test(top) && REPORT_WORDS.test(top)) return true;
  let labels = 0;
  for (const label of ROW_LABELS) if (head.includes(label)) labels++;
  return labels >= 2;
}
