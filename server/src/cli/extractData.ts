/**
 * `govreport extract --format csv|json|xlsx PATH...`: every cell of tables 一–三 of every report the
 * paths name (found and read as `check` finds and reads them, PDFs and pages too), one row per report
 * and cell, or (`--wide`) one row per report and one column per cell; `--sum` adds the region's
 * totals, checked by the format's identities. The cells come from core/render/tableData.ts; this
 * file only writes them (xlsx with exceljs, loaded only when an xlsx is asked for).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { MessageCatalog } from '../core/messages/catalog';
import { checkData, dataCsv, LONG_HEADER, longRows, reportData, SUM_LABEL, sumReports, wideRows, type DataRow, type DataValue, type ReportData, type SumCheck } from '../core/render/tableData';
import type { ReadResult, SourceFormat } from '../core/read/reader';
import { writeFileAtomic } from './atomicWrite';
import { forEachReport, type Notice, type NotChecked } from './check';

export type DataFormat = 'csv' | 'json' | 'xlsx';
export const DATA_FORMATS: readonly DataFormat[] = ['csv', 'json', 'xlsx'];

/** `govreport extract --format csv|json|xlsx [--wide] [--sum] [-o FILE] PATH...` */
export interface ExtractDataCommand {
  readonly kind: 'extract-data';
  readonly paths: readonly string[];
  readonly format: DataFormat;
  /** `--wide` (csv): one row per report, one column per cell. */
  readonly wide: boolean;
  /** `--sum`: a last row 合计, every cell summed across the reports, and its identities checked. */
  readonly sum: boolean;
  /** `-o/--output FILE`: written atomically; null: standard output (never for xlsx). */
  readonly output: string | null;
  readonly maxSize: number;
  readonly all: boolean;
}

/** One report's data, with the file it was read from. */
export interface FileData {
  readonly file: string;
  /** The form it was read from: text, html, docx, pdf. */
  readonly format: SourceFormat;
  readonly data: ReportData;
  /** The ids of the identities that fail in the report itself. */
  readonly failing: readonly string[];
}

export interface CollectedData {
  readonly reports: readonly FileData[];
  readonly notices: readonly Notice[];
  readonly notChecked: readonly NotChecked[];
  /** With --sum: the totals and their check. */
  readonly sum: { readonly data: ReportData; readonly check: SumCheck } | null;
}

export interface CollectOptions {
  readonly messages: MessageCatalog;
  readonly originals?: ReadonlyMap<string, ReadResult>;
  readonly debug?: boolean;
}

/** Reads every report the paths name and takes its cells out; with `sum`, totals them and checks the totals. */
export function collectData(command: Pick<ExtractDataCommand, 'paths' | 'sum' | 'maxSize' | 'all'>, options: CollectOptions): CollectedData {
  const reports: FileData[] = [];
  const notChecked: NotChecked[] = [];
  const notices = forEachReport(
    command.paths,
    { messages: options.messages, maxSize: command.maxSize, all: command.all, ...(options.originals ? { originals: options.originals } : {}), ...(options.debug ? { debug: true } : {}) },
    (report) =>
      reports.push({
        file: report.candidate.path,
        format: report.format ?? 'text',
        data: reportData(report.analysis.model),
        failing: report.analysis.evaluations.filter((e) => e.status === 'fails').map((e) => e.spec.id),
      }),
    notChecked,
  );
  let sum: CollectedData['sum'] = null;
  if (command.sum) {
    const data = sumReports(reports.map((r) => r.data));
    sum = { data, check: checkData(data, options.messages) };
  }
  return { reports, notices, notChecked, sum };
}

/** The reports' rows, the totals last (file 合计). */
function rowsOf(collected: CollectedData): DataRow[] {
  return [...collected.reports, ...(collected.sum ? [{ file: SUM_LABEL, data: collected.sum.data }] : [])];
}

/** The CSV (core/render/tableData.ts's dataCsv, as the editor's export writes it). */
export function renderCsv(collected: CollectedData, wide: boolean): string {
  return dataCsv(rowsOf(collected), wide, collected.reports.map((r) => r.data));
}

/** `{"reports":[{file, format, body, year, cells:[…]}], "sum": {…}|null, "notChecked": […]}` */
export function renderJson(collected: CollectedData): string {
  const sum = collected.sum
    ? {
        year: collected.sum.data.year,
        reports: collected.reports.length,
        cells: collected.sum.data.cells,
        identities: countEvaluations(collected.sum.check),
        findings: collected.sum.check.findings.map((f) => ({ code: f.code, identity: f.identity, message: f.message, reports: failingIn(collected, f.identity) })),
      }
    : null;
  const json = {
    reports: collected.reports.map((r) => ({ file: r.file, format: r.format, body: r.data.body, year: r.data.year, cells: r.data.cells })),
    sum,
    notChecked: collected.notChecked.map((n) => ({ file: n.path, reason: n.reason })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The reports in which an identity that fails in the totals fails itself. */
export function failingIn(collected: CollectedData, identity: string): string[] {
  return collected.reports.filter((r) => r.failing.includes(identity)).map((r) => r.file);
}

export function countEvaluations(check: SumCheck): { holds: number; fails: number; notEvaluated: number } {
  const count = (status: string): number => check.evaluations.filter((e) => e.status === status).length;
  return { holds: count('holds'), fails: count('fails'), notEvaluated: count('not-evaluated') };
}

type ExcelModule = typeof import('exceljs');

/**
 * exceljs, loaded on first use: in the package, the bundle beside ours (dist/vendor/exceljs.min.js,
 * built by scripts/build.mjs); from the sources, the installed module.
 */
export function loadExcel(): ExcelModule {
  const load = createRequire(__filename);
  const vendor = path.join(__dirname, 'vendor', 'exceljs.min.js');
  return (fs.existsSync(vendor) ? load(vendor) : load('exceljs')) as ExcelModule;
}

/** An xlsx workbook: sheet 单元格 (one row per report and cell), 宽表 (one row per report), and with --sum 合计核对. */
export async function renderXlsx(collected: CollectedData, messages: MessageCatalog): Promise<Uint8Array> {
  const ExcelJS = loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'govreport';
  const sheet = (name: string, header: readonly string[], rows: readonly DataValue[][]): void => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...header]).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: header.length } };
  };
  sheet('单元格', LONG_HEADER, longRows(rowsOf(collected)));
  const wide = wideRows(rowsOf(collected), collected.reports.map((r) => r.data));
  sheet('宽表', wide.header, wide.rows);
  if (collected.sum) {
    const counts = countEvaluations(collected.sum.check);
    const findings = collected.sum.check.findings.map((f) => [f.code, f.message, failingIn(collected, f.identity).join('\n')]);
    sheet('合计核对', ['code', 'message', 'reports'], [[null, messages.cliExtractSumChecked({ reports: collected.reports.length, ...counts }), null], ...findings]);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** Where the data goes: a file written atomically, or (text only) standard output; an error notice when it could not be written. */
export function writeOutput(output: string | null, data: string | Uint8Array, stdout: (text: string) => void, messages: MessageCatalog): Notice | null {
  if (output === null) {
    if (typeof data !== 'string') throw new Error('binary data is written to a file only');
    stdout(data);
    return null;
  }
  const outcome = writeFileAtomic(output, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return outcome.ok ? null : { path: output, level: 'error', message: messages.cliWriteFailed({ path: output, reason: outcome.reason, code: outcome.code }) };
}
