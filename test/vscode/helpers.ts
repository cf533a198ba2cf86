/**
 * Shared helpers for the real-editor suite: where the samples are, a scratch copy of them inside the
 * workspace, and waiting for the extension's diagnostics through vscode.languages.onDidChangeDiagnostics
 * (never a fixed sleep).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Project root: this file is out/test/vscode/helpers.js. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The shared samples: $GOVREPORT_SAMPLES, else $GOVREPORT_SHARED/samples, else `../shared/samples`
 * beside the project (CI clones the project with shared/ next to it). Relative values are taken from
 * the project root. The launchers pass the resolved folder as GOVREPORT_SAMPLES.
 */
export const SAMPLES_DIR = path.resolve(
  PROJECT_ROOT,
  process.env['GOVREPORT_SAMPLES'] ?? path.join(process.env['GOVREPORT_SHARED'] ?? path.join('..', 'shared'), 'samples'),
);

/** How long to wait for the language server (cold start + first analysis). */
export const DIAGNOSTICS_TIMEOUT_MS = Number(process.env['GOVREPORT_E2E_DIAG_TIMEOUT_MS'] ?? 30_000);

export function samplePath(name: string): string {
  const p = path.join(SAMPLES_DIR, name);
  if (!fs.existsSync(p)) {
    throw new Error(`sample ${p} not found (set GOVREPORT_SAMPLES to the samples folder)`);
  }
  return p;
}

let scratch: string | undefined;
/** A folder inside the opened workspace (or a temp folder if none is open) for copies of samples. */
function scratchDir(): string {
  if (scratch) return scratch;
  const ws = vscode.workspace.workspaceFolders?.[0];
  const base = ws && ws.uri.scheme === 'file' ? ws.uri.fsPath : os.tmpdir();
  scratch = fs.mkdtempSync(path.join(base, 'govreport-e2e-'));
  return scratch;
}

/** Copy a sample into the workspace as a plain `.txt` file (optionally renamed) and return its URI. */
export function copySample(name: string, as = path.basename(name)): vscode.Uri {
  const dest = path.join(scratchDir(), as);
  fs.copyFileSync(samplePath(name), dest);
  return vscode.Uri.file(dest);
}

export function govreportDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govreport');
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds.map((d) => `  ${d.range.start.line}:${d.range.start.character} ${codeOf(d)} ${d.message}`).join('\n');
}

/**
 * Resolve with the document's govreport diagnostics once `ready` holds for them, re-checking on every
 * onDidChangeDiagnostics event for `uri`. Reject after `timeoutMs` with what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let done = false;
    const finish = (err: Error | undefined, ds?: vscode.Diagnostic[]): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      if (err) reject(err);
      else resolve(ds ?? []);
    };
    const check = (): void => {
      const ds = govreportDiagnostics(uri);
      if (ready(ds)) finish(undefined, ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(uri.fsPath)}; ` +
            `govreport diagnostics now:\n${describeDiagnostics(govreportDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

/** Resolve once the document's language is `languageId` (the extension switches .txt reports). */
export function waitForLanguage(
  doc: vscode.TextDocument,
  languageId: string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.TextDocument> {
  const key = doc.uri.toString();
  const current = (): vscode.TextDocument | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && d.languageId === languageId);
  return new Promise((resolve, reject) => {
    const now = current();
    if (now) {
      resolve(now);
      return;
    }
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() === key && d.languageId === languageId) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === key);
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${path.basename(doc.uri.fsPath)} to become ` +
            `'${languageId}' (it is '${d?.languageId ?? 'closed'}')`,
        ),
      );
    }, timeoutMs);
  });
}

/** Open a sample copy in an editor and wait until the extension has made it a govreport document. */
export async function openSample(name: string, as?: string): Promise<vscode.TextDocument> {
  const uri = copySample(name, as);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return waitForLanguage(doc, 'govreport');
}

/** 0-based lines carrying a diagnostic with this code. */
export function linesWithCode(ds: readonly vscode.Diagnostic[], code: string): number[] {
  return [...new Set(ds.filter((d) => codeOf(d) === code).map((d) => d.range.start.line))].sort((a, b) => a - b);
}

export function codesWithPrefix(ds: readonly vscode.Diagnostic[], prefix: string): string[] {
  return [...new Set(ds.map(codeOf).filter((c) => c.startsWith(prefix)))].sort();
}

let barriers = 0;
/**
 * Proof that the language server has answered for everything opened so far: open a fresh copy of a
 * sample known to have findings and wait for them. Documents are analysed in the order they are opened,
 * so once this one has its diagnostics, an earlier document's (possibly empty) answer has arrived too.
 * Needed to check a document for the *absence* of a finding without a fixed sleep.
 */
export async function serverBarrier(sampleWithFindings: string): Promise<void> {
  barriers++;
  const doc = await openSample(sampleWithFindings, `barrier-${barriers}-${path.basename(sampleWithFindings)}`);
  await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'govreport diagnostics (barrier document)');
}
