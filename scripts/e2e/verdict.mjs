#!/usr/bin/env node
// The reviewer's verdict page in a real browser (headless Chromium, offline): `govreport check
// --format html` over the samples and the pdf-text reports, opened from file://, then
//   - no request leaves the page and no content-security-policy violation is reported;
//   - one row per report; clicking sample 004's row opens its findings, among them exactly three
//     sum.row, and its tables drawn as in the preview (table 二 with three failing cells);
//   - the filter narrows the rows to 004 by typing its name; "errors only" hides the clean ones;
//   - sorting by the errors column puts the most errors first;
//   - saves docs/screenshots/verdict-page.png (004 opened).
// Run by `npm run test:ui` after the code-server pass; needs `npm run build` and Debian's chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, ROOT, SAMPLES, findChromium } from './codeServer.mjs';

const SHARED = path.resolve(SAMPLES, '..');
const PDF_TEXT = path.join(SHARED, 'pdf-text');
const SHOTS = path.resolve(ROOT, process.env.GOVREPORT_E2E_SCREENSHOTS ?? path.join('docs', 'screenshots'));
const checks = [];
function check(ok, what, detail = '') {
  checks.push({ ok, what });
  console.log(`${ok ? '  ✔' : '  ✘'} ${what}${detail ? `\n      ${detail}` : ''}`);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error('verdict page: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM_PATH) — this check cannot run here');
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-verdict-'));
const page = path.join(dir, 'verdict.html');
const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'html', SAMPLES, PDF_TEXT], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (cli.stdout) fs.writeFileSync(page, cli.stdout);
check(cli.status === 1 && cli.stdout.startsWith('<!DOCTYPE html>'), 'check --format html writes the page (exit 1: the samples have errors)', `exit ${cli.status}; ${cli.stderr.trim().split('\n').slice(-2).join(' | ')}`);
if (!fs.existsSync(page)) process.exit(1);
const expected = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).length + fs.readdirSync(PDF_TEXT).filter((f) => /^\d.*\.txt$/u.test(f)).length;

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
  const tab = await context.newPage();
  const requests = [];
  tab.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  const consoleErrors = [];
  tab.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  tab.on('pageerror', (e) => consoleErrors.push(String(e)));
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await tab.goto(`file://${page}`);
  const rows = await tab.locator('tr.report').count();
  check(rows === expected, `one row per report (${rows} of ${expected})`);

  const row004 = tab.locator('tr.report[data-path*="004_"]');
  await row004.click();
  const detail = tab.locator('tr.report[data-path*="004_"] + tr.detail');
  const open = await detail.isVisible();
  const sums = await detail.locator('li', { has: tab.locator('code', { hasText: /^sum\.row$/u }) }).count();
  check(open && sums === 3, `clicking 004's row shows its findings: ${sums} sum.row`);
  const failing = await detail.locator('#table-B td.v.fail').count();
  check(failing === 3, `004's table 二 drawn as in the preview, ${failing} failing cells marked`);
  await tab.screenshot({ path: path.join(SHOTS, 'verdict-page.png'), fullPage: false });
  await row004.click();
  check(!(await detail.isVisible()), "a second click closes 004's row");

  await tab.fill('#filter', '004_');
  const shownAfterFilter = await tab.locator('tr.report:not([hidden])').count();
  check(shownAfterFilter === 1, `typing 004_ in the filter leaves ${shownAfterFilter} row`);
  await tab.fill('#filter', '');
  await tab.selectOption('#show', 'errors');
  const withErrors = await tab.locator('tr.report:not([hidden])').evaluateAll((rs) => rs.map((r) => Number(r.dataset.errors)));
  check(withErrors.length > 0 && withErrors.every((n) => n > 0), `"reports with errors" shows ${withErrors.length} rows, each with errors`);
  await tab.selectOption('#show', 'all');

  await tab.click('th[data-key="errors"]');
  await tab.click('th[data-key="errors"]');
  const order = await tab.locator('tr.report').evaluateAll((rs) => rs.map((r) => Number(r.dataset.errors)));
  const descending = order.every((n, i) => i === 0 || order[i - 1] >= n);
  check(descending && (await tab.getAttribute('th[data-key="errors"]', 'aria-sort')) === 'descending', `sorting by errors twice: most first (${order.join(' ')})`);

  const violations = await tab.evaluate(() => window.__violations);
  check(requests.length === 0, `no request leaves the page${requests.length ? `: ${requests.slice(0, 3).join(', ')}` : ''}`);
  check(violations.length === 0 && consoleErrors.length === 0, `no CSP violation or script error${violations.length + consoleErrors.length ? `: ${[...violations, ...consoleErrors].slice(0, 3).join('; ')}` : ''}`);
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`verdict page: ${checks.length - failed} of ${checks.length} checks passed`);
process.exit(failed === 0 ? 0 : 1);
