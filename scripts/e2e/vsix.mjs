#!/usr/bin/env node
// What is inside a .vsix (a zip), read from the zip's central directory: no unzip needed.
// `node scripts/e2e/vsix.mjs govreport-0.1.0.vsix` lists it and checks it like `npm run test:ui` does.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Everything but the PDF engine and the xlsx writer, compressed. 400 KB until session 6, when the
 * preview grid, completion, formatting, the verdict page and the data export brought it to 414 KB
 * (the client bundles the core's pure pieces it runs itself: the new report, the preview's checks).
 */
export const MAX_VSIX_BYTES = 448 * 1024;
/**
 * The PDF engine (pdfjs-dist and the GB character maps in extension/dist/vendor/, loaded only when a
 * PDF is read) is budgeted on its own: its compressed size in the package, apart from the 448 KB of
 * everything else.
 */
export const MAX_VENDOR_BYTES = 800 * 1024;
/**
 * The xlsx writer (exceljs bundled with its dependencies, extension/dist/vendor/exceljs.min.js,
 * loaded only by `govreport extract --format xlsx`) has a budget of its own too: its compressed size.
 */
export const MAX_XLSX_BYTES = 450 * 1024;
const XLSX = /^extension\/dist\/vendor\/(exceljs\.min\.js|LICENSE\.exceljs\.txt)$/;
const VENDOR = /^extension\/dist\/vendor\//;

/** Entries of a zip file: [{ name, size, compressedSize }]. Handles plain (non-zip64) archives, as vsce writes. */
export function listZip(file) {
  const buf = fs.readFileSync(file);
  // End of central directory record: signature 0x06054b50, at most 64 KiB of comment after it.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip file (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, size, compressedSize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Files the installed extension may carry (paths inside the zip). */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^extension\/schemas\/[^/]+\.schema\.json$/,
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/dist\/vendor\/(pdf\.min\.mjs|pdf\.worker\.min\.mjs|LICENSE\.pdfjs\.txt|cmaps\/[A-Za-z0-9-]+\.bcmap)$/,
  XLSX,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/(README|CHANGELOG)\.md$/i,
  /^extension\/LICENSE(\.txt|\.md)?$/i,
  /^extension\/(images\/|media\/)?icon\.png$/,
];
/** Never in the package: sources, tests, dependencies, build leftovers. */
const FORBIDDEN = [
  /(^|\/)node_modules\//,
  /(^|\/)(src|test|tests|out|scripts|docs|examples|\.vscode-test|\.e2e)\//,
  /\.ts$/,
  /\.map$/,
  /(^|\/)tsconfig[^/]*\.json$/,
  /(^|\/)package-lock\.json$/,
  /\.vsix$/,
];

/** Problems with a .vsix's contents and size; empty when it is fine. */
export function checkVsix(file) {
  const problems = [];
  const entries = listZip(file);
  const bytes = fs.statSync(file).size;
  for (const e of entries) {
    if (FORBIDDEN.some((re) => re.test(e.name))) problems.push(`must not contain ${e.name}`);
    else if (!ALLOWED.some((re) => re.test(e.name))) problems.push(`unexpected file ${e.name}`);
  }
  for (const need of ['extension/package.json', 'extension/dist/client.js', 'extension/dist/govreport.js', 'extension/dist/server.js', 'extension/dist/cli.js']) {
    if (!entries.some((e) => e.name === need)) problems.push(`missing ${need}`);
  }
  for (const need of ['extension/dist/vendor/pdf.min.mjs', 'extension/dist/vendor/pdf.worker.min.mjs', 'extension/dist/vendor/cmaps/UniGB-UCS2-H.bcmap', 'extension/dist/vendor/exceljs.min.js']) {
    if (!entries.some((e) => e.name === need)) problems.push(`missing ${need}`);
  }
  const xlsxBytes = entries.filter((e) => XLSX.test(e.name)).reduce((n, e) => n + e.compressedSize, 0);
  const vendorBytes = entries.filter((e) => VENDOR.test(e.name) && !XLSX.test(e.name)).reduce((n, e) => n + e.compressedSize, 0);
  const ownBytes = bytes - vendorBytes - xlsxBytes;
  if (ownBytes >= MAX_VSIX_BYTES) problems.push(`size without the PDF engine and the xlsx writer ${ownBytes} bytes >= ${MAX_VSIX_BYTES} (${MAX_VSIX_BYTES / 1024} KB)`);
  if (vendorBytes >= MAX_VENDOR_BYTES) problems.push(`PDF engine ${vendorBytes} bytes compressed >= ${MAX_VENDOR_BYTES} (800 KB)`);
  if (xlsxBytes >= MAX_XLSX_BYTES) problems.push(`xlsx writer ${xlsxBytes} bytes compressed >= ${MAX_XLSX_BYTES} (450 KB)`);
  return { entries, bytes, vendorBytes, xlsxBytes, problems };
}

export function formatListing(entries) {
  return entries.map((e) => `  ${String(e.size).padStart(9)}  ${e.name}`).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/e2e/vsix.mjs <file.vsix>');
    process.exit(2);
  }
  const { entries, bytes, vendorBytes, xlsxBytes, problems } = checkVsix(file);
  console.log(`${file}: ${entries.length} files, ${(bytes / 1024).toFixed(1)} KB (PDF engine ${(vendorBytes / 1024).toFixed(1)} KB, xlsx writer ${(xlsxBytes / 1024).toFixed(1)} KB of it)\n${formatListing(entries)}`);
  for (const p of problems) console.error(`vsix: ${p}`);
  process.exit(problems.length ? 1 : 0);
}
