/**
 * Does a web page read like a report? Apart from sniff.ts because it needs the HTML reader's text of the
 * page (and so an HTML parser), which the extension's client must not bundle.
 */
import { looksLikeReport, REPORT_WORDS, TITLE_WORDS } from '../sniff';
import { pageSniffText } from './html';

/** How much of the beginning of a web page is looked at (its chrome comes first). */
export const PAGE_SNIFF_CHARS = 65536;

/** Does a web page read like a report? Its title and text (outside scripts and styles) at the beginning. */
export function looksLikeReportPage(html: string): boolean {
  const text = pageSniffText(html.slice(0, PAGE_SNIFF_CHARS));
  if (looksLikeReport(text)) return true;
  // The title may stand after a long menu: look for it in the page's <title> too.
  const title = /<title[^>]*>([^<]*)</iu.exec(html.slice(0, PAGE_SNIFF_CHARS))?.[1] ?? '';
  return TITLE_WORDS.test(title) && REPORT_WORDS.test(title);
}
