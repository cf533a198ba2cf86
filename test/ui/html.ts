/** Reading the preview's HTML in tests: its value cells, per table, with their classes, title and range. */

export interface HtmlCell {
  readonly classes: readonly string[];
  /** The title attribute, unescaped. */
  readonly title: string;
  /** The LSP range as `line,character,line,character`, or null. */
  readonly range: string | null;
  /** The cell's text, unescaped. */
  readonly text: string;
}

export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/gu, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

/** The HTML of one table's section (`<section … id="table-B">…</section>`). */
export function tableSection(html: string, table: 'A' | 'B' | 'C'): string {
  const start = html.indexOf(`<section class="table" id="table-${table}">`);
  if (start < 0) throw new Error(`no section for table ${table}`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

/** Every value cell (`<td class="v …">`) in a piece of HTML. */
export function valueCells(html: string): HtmlCell[] {
  const cells: HtmlCell[] = [];
  for (const m of html.matchAll(/<td class="(v(?: [a-z]+)*)"([^>]*)>([^<]*)<\/td>/gu)) {
    const attributes = m[2]!;
    const title = /title="([^"]*)"/u.exec(attributes)?.[1];
    const range = /data-range="([^"]*)"/u.exec(attributes)?.[1];
    cells.push({ classes: m[1]!.split(' ').slice(1), title: unescapeHtml(title ?? ''), range: range ?? null, text: unescapeHtml(m[3]!) });
  }
  return cells;
}
