/**
 * The preview treats every text of the document as hostile: labels, values, the title and headings
 * holding markup, quotes and `javascript:` URLs are shown as text, never as markup.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { renderPreviewHtml } from '../../server/src/core/features/preview';
import { sample } from '../support/paths';

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", '</style><script>alert(2)</script>', 'javascript:alert(3)', '<a href="javascript:alert(4)">x</a>', '&lt;script&gt;'];

/** Sample 004 with hostile text in its title, a heading, a row label and several cells. */
function hostileReport(payload: string): string {
  const lines = sample('004').text.split('\n');
  const out = lines.map((line, i) => {
    if (i === 0) return `${line}${payload}`;
    if (/^二、主动公开政府信息情况/u.test(line)) return `${line}${payload}`;
    if (/^\t?行政强制\s*$/u.test(line)) return `${line}${payload}`;
    return line;
  });
  // Three value cells replaced by the payload (they read as invalid cells, shown with their text).
  let replaced = 0;
  return out
    .map((line) => {
      if (replaced < 3 && /^\t\d+$/u.test(line)) {
        replaced++;
        return `\t${payload}`;
      }
      return line;
    })
    .join('\n');
}

interface Parsed {
  readonly elements: string[];
  readonly attributes: { name: string; value: string }[];
  readonly scripts: { nonce: string | undefined }[];
  readonly text: string;
}

async function parse(html: string): Promise<Parsed> {
  // htmlparser2 is an ES module: imported dynamically from this CommonJS test.
  const { Parser } = await import('htmlparser2');
  const parsed: Parsed = { elements: [], attributes: [], scripts: [], text: '' };
  let text = '';
  const parser = new Parser({
    onopentag(name, attributes) {
      parsed.elements.push(name);
      for (const [key, value] of Object.entries(attributes)) parsed.attributes.push({ name: key, value });
      if (name === 'script') parsed.scripts.push({ nonce: attributes['nonce'] });
    },
    ontext(data) {
      text += data;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return { ...parsed, text };
}

describe('the preview HTML with hostile text in the document', () => {
  for (const payload of HOSTILE) {
    it(`shows ${JSON.stringify(payload)} as text only`, async () => {
      const html = renderPreviewHtml(analyze(hostileReport(payload)), { nonce: 'N0nce', cspSource: 'vscode-resource:' });
      const page = await parse(html);
      // One script and one style, both with the page's nonce; no element the payload could add.
      assert.deepEqual(page.scripts, [{ nonce: 'N0nce' }]);
      assert.equal(page.elements.filter((e) => e === 'style').length, 1);
      for (const forbidden of ['img', 'a', 'iframe', 'object', 'embed']) assert.equal(page.elements.includes(forbidden), false, `no <${forbidden}>`);
      // No attribute an event handler or a URL could hide in.
      for (const { name, value } of page.attributes) {
        assert.equal(/^on/iu.test(name), false, `no event attribute (${name})`);
        assert.equal(['href', 'src', 'action', 'formaction'].includes(name), false, `no URL attribute (${name}=${value})`);
      }
      // The payload is there, as text.
      assert.ok(page.text.includes(payload.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>')) || page.text.includes(payload), 'the payload is shown as text');
      // The content security policy allows no inline script without the nonce and no remote resource.
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/u.exec(html)?.[1] ?? '';
      assert.match(csp, /default-src 'none'/u);
      assert.match(csp, /script-src 'nonce-N0nce';/u);
      assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/u);
    });
  }
});
