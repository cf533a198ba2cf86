#!/usr/bin/env node
// The wide CSV in LibreOffice (headless), round trip: `govreport extract --format csv --wide` over the
// samples and the pdf-text reports, converted by soffice to xlsx and back to CSV (UTF-8), then
//   - every header read back as written (the Chinese column names intact: no mojibake);
//   - one row per report, every value read back as written (numbers compared as numbers);
//   - in the xlsx LibreOffice wrote, every number of the CSV is a number cell (not text), every
//     other value a text cell, every empty value an empty cell (read with exceljs).
// LibreOffice 7.4 headless does not honour the CSV's BOM: the import is told UTF-8 (filter option
// 76, what its import dialog offers in a UTF-8 locale), and runs under the C locale so that it is the
// filter's charset, not the locale's, that reads it (docs/e2e.md).
// Run by `npm run test:ui` after the verdict page; needs `npm run build` and soffice (apt-get install
// libreoffice-calc-nogui; $GOVREPORT_SOFFICE names another). Without soffice: "NOT RUN", exit 1,
// unless GOVREPORT_ALLOW_NO_SOFFICE=1 (exit 0).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SAMPLES } from './codeServer.mjs';

const SHARED = path.resolve(SAMPLES, '..');
const PDF_TEXT = path.join(SHARED, 'pdf-text');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CSV_FILTER = 'Text - txt - csv (StarCalc)';

const checks = [];
function check(ok, what, detail = '') {
  checks.push({ ok, what });
  console.log(`${ok ? '  ✔' : '  ✘'} ${what}${detail && !ok ? `\n      ${detail}` : ''}`);
}

const soffice = (process.env.GOVREPORT_SOFFICE ? [process.env.GOVREPORT_SOFFICE] : ['soffice', 'libreoffice']).find((name) => spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0);
if (!soffice) {
  const allowed = process.env.GOVREPORT_ALLOW_NO_SOFFICE === '1';
  console.error('');
  console.error('==================================================================================');
  console.error('  LibreOffice round trip NOT RUN: soffice missing (apt-get install libreoffice-calc-nogui)');
  console.error(allowed ? '  GOVREPORT_ALLOW_NO_SOFFICE=1: exiting 0 anyway' : '  (set GOVREPORT_ALLOW_NO_SOFFICE=1 to let this pass without it)');
  console.error('==================================================================================');
  process.exit(allowed ? 0 : 1);
}
if (!fs.existsSync(CLI)) {
  console.error(`libreoffice: ${CLI} is missing — run npm run build first`);
  process.exit(1);
}
const version = spawnSync(soffice, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`LibreOffice round trip of the wide CSV (${version})`);

/** RFC 4180: fields separated by commas, records by CRLF or LF, a quoted field may hold commas, quotes ("") and line breaks. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) record.push(field), records.push(record);
  return records;
}

const isNumber = (text) => /^-?\d+(\.\d+)?$/u.test(text);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lo-'));
const t0 = Date.now();
try {
  const csv = path.join(tmp, 'wide.csv');
  const run = spawnSync(process.execPath, [CLI, 'extract', '--format', 'csv', '--wide', '-o', csv, SAMPLES, PDF_TEXT], { encoding: 'utf8', cwd: ROOT });
  check(run.status === 0 && fs.existsSync(csv), 'govreport extract --format csv --wide over the samples and pdf-text', run.stderr.trim());
  const bytes = fs.readFileSync(csv);
  check(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'the CSV starts with the UTF-8 BOM');
  const [header, ...rows] = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/u, ''));
  const reports = fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt')).length + fs.readdirSync(PDF_TEXT).filter((n) => n.endsWith('.txt')).length;
  check(rows.length === reports, `one row per report (${rows.length} of ${reports} .txt files)`);

  const soff = (args, outdir) =>
    spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${path.join(tmp, 'profile')}`, ...args, '--outdir', outdir], {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
  const xlsxDir = path.join(tmp, 'xlsx');
  const toXlsx = soff([`--infilter=${CSV_FILTER}:44,34,76,1`, '--convert-to', 'xlsx', csv], xlsxDir);
  const xlsx = path.join(xlsxDir, 'wide.xlsx');
  check(toXlsx.status === 0 && fs.existsSync(xlsx), 'soffice --convert-to xlsx', (toXlsx.stderr || toXlsx.stdout).trim());
  const backDir = path.join(tmp, 'back');
  const toCsv = soff(['--convert-to', `csv:${CSV_FILTER}:44,34,76`, xlsx], backDir);
  const backFile = path.join(backDir, 'wide.csv');
  check(toCsv.status === 0 && fs.existsSync(backFile), 'soffice --convert-to csv (UTF-8) from the xlsx', (toCsv.stderr || toCsv.stdout).trim());
  if (!fs.existsSync(backFile)) throw new Error('no CSV came back');

  // The CSV read back.
  const [backHeader, ...backRows] = parseCsv(fs.readFileSync(backFile, 'utf8').replace(/^\uFEFF/u, ''));
  const headerDiff = header.findIndex((h, i) => h !== backHeader[i]);
  check(headerDiff === -1 && backHeader.length === header.length, `all ${header.length} headers read back as written (e.g. ${header[3]})`, headerDiff === -1 ? '' : `column ${headerDiff + 1}: ${JSON.stringify(header[headerDiff])} came back as ${JSON.stringify(backHeader[headerDiff])}`);
  check(backRows.length === rows.length, `${rows.length} rows read back`, `${backRows.length} came back`);
  const differences = [];
  let numbers = 0;
  for (const [r, row] of rows.entries()) {
    const back = backRows[r] ?? [];
    for (const [c, value] of row.entries()) {
      const got = back[c] ?? '';
      if (isNumber(value)) numbers++;
      const same = isNumber(value) ? got.trim() !== '' && Number(got) === Number(value) : got === value;
      if (!same) differences.push(`row ${r + 1} (${row[0]}) ${header[c]}: ${JSON.stringify(value)} came back as ${JSON.stringify(got)}`);
    }
    if (back.length > row.length && back.slice(row.length).some((v) => v !== '')) differences.push(`row ${r + 1}: extra values ${JSON.stringify(back.slice(row.length))}`);
  }
  check(differences.length === 0, `every value read back as written (${rows.length} × ${header.length}, ${numbers} numbers compared as numbers)`, differences.slice(0, 5).join('\n      '));

  // The xlsx LibreOffice wrote: numbers as number cells.
  const load = createRequire(path.join(ROOT, 'package.json'));
  const ExcelJS = load('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.worksheets[0];
  const typed = [];
  for (const [r, row] of [header, ...rows].entries()) {
    for (const [c, value] of row.entries()) {
      // A text of Chinese and other characters is rich text in LibreOffice's xlsx (a font per run).
      const raw = sheet.getRow(r + 1).getCell(c + 1).value;
      const cell = raw && typeof raw === 'object' && Array.isArray(raw.richText) ? raw.richText.map((run) => run.text).join('') : raw;
      const ok = value === '' ? cell === null || cell === undefined || cell === '' : r > 0 && isNumber(value) ? typeof cell === 'number' && cell === Number(value) : String(cell) === value && typeof cell === 'string';
      if (!ok) typed.push(`${r === 0 ? 'header' : `row ${r} (${row[0]})`} column ${c + 1}: ${JSON.stringify(value)} is ${typeof cell} ${JSON.stringify(cell)} in the xlsx`);
    }
  }
  check(typed.length === 0, `in LibreOffice's xlsx every number is a number cell, every text a text cell, every empty value empty`, typed.slice(0, 5).join('\n      '));
} catch (error) {
  check(false, 'the round trip ran to its end', String(error));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`${failed === 0 ? 'ok' : 'FAILED'}: ${checks.length - failed} of ${checks.length} checks passed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed === 0 ? 0 : 1);
