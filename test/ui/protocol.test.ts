/**
 * The client's requests through the protocol, against `dist/server.js`: `govreport/checkWorkspace`
 * (a temporary folder of sample copies as the workspace folder) and `govreport/preview`.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  DidCloseTextDocumentNotification,
  WorkDoneProgress,
  type PublishDiagnosticsParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver/node';
import { check, DEFAULT_MAX_SIZE } from '../../server/src/cli/check';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import {
  CHECK_WORKSPACE_REQUEST,
  EXPORT_WORKSPACE_CHECK_REQUEST,
  PREVIEW_REQUEST,
  type CheckWorkspaceResult,
  type ExportWorkspaceCheckResult,
  type PreviewResult,
} from '../../server/src/lsp/protocol';
import { NavClient } from '../nav/lspClient';
import { PROJECT_ROOT, SAMPLES } from '../support/paths';
import { tableSection, valueCells } from './html';

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

describe('govreport/checkWorkspace', () => {
  let dir: string;
  let client: NavClient;
  const published: PublishDiagnosticsParams[] = [];
  const uriOf = (...parts: string[]): string => pathToFileURL(path.join(dir, ...parts)).href;
  const lastFor = (uri: string): PublishDiagnosticsParams | undefined => published.filter((p) => p.uri === uri).at(-1);
  const expected = (): Map<string, unknown[]> =>
    new Map(check([dir], { messages: zhCN, maxSize: DEFAULT_MAX_SIZE }).files.map((f) => [f.uri, f.diagnostics as unknown[]]));

  async function run(): Promise<{ result: CheckWorkspaceResult; progress: Progress[] }> {
    const progress: Progress[] = [];
    const token = `check-${Math.random()}`;
    const listener = client.connection.onProgress(WorkDoneProgress.type, token, (value) => void progress.push(value));
    const result = await client.connection.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, { workDoneToken: token });
    await client.until(() => progress.some((p) => p.kind === 'end'), 'the end of progress');
    listener.dispose();
    return { result, progress };
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ws-'));
    fs.mkdirSync(path.join(dir, '2023'));
    for (const name of fs.readdirSync(SAMPLES).filter((n) => n.endsWith('.txt'))) {
      fs.copyFileSync(path.join(SAMPLES, name), path.join(dir, name.startsWith('000') ? '2023' : '', name));
    }
    fs.writeFileSync(path.join(dir, 'notes.txt'), '会议纪要\n今天讨论了年报的编写。\n');
    ({ client } = await NavClient.start([{ uri: pathToFileURL(dir).href, name: 'reports' }]));
    client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void published.push(params));
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks every report below the folder from disk, publishes the CLI diagnostics, reports progress and a summary', async () => {
    // Sample 004 is open in the editor with a text of its own: its diagnostics stay the editor's.
    const open = uriOf('004_bf2c1b340b487aac.txt');
    await client.open(open, '北京市某局2023年政府信息公开工作年度报告\n');
    await client.until(() => lastFor(open) !== undefined, 'the open document’s diagnostics');
    const { result, progress } = await run();

    assert.deepEqual(result, {
      files: 5,
      filesWithErrors: 3,
      errors: 7,
      warnings: 35,
      unreadable: 0,
      cancelled: false,
      tooLarge: [],
      summary: '5 份报告：3 份有错误，共 35 个警告',
    });
    const wanted = expected();
    assert.equal(wanted.size, 5);
    for (const [uri, diagnostics] of wanted) {
      if (uri === open) continue;
      const got = published.filter((p) => p.uri === uri);
      assert.equal(got.length, 1, uri);
      assert.deepEqual(got[0]!.diagnostics, diagnostics, uri);
      assert.equal(got[0]!.version, undefined);
    }
    // The open document: only the editor publisher's (versioned) diagnostics.
    assert.ok(published.filter((p) => p.uri === open).every((p) => p.version === 1));
    assert.equal(published.filter((p) => p.uri === uriOf('notes.txt')).length, 0);

    assert.deepEqual(progress[0], { kind: 'begin', title: '检查工作区中的年报', percentage: 0, cancellable: true });
    assert.deepEqual(
      progress.slice(1, -1).map((p) => (p.kind === 'report' ? `${p.percentage} ${p.message}` : p.kind)),
      // Every candidate in path order, notes.txt included until its beginning is read.
      ['0 0/6 001_318a82d3163b8b1e.txt', '16 1/6 002_6bf7699e84e20962.txt', '33 2/6 003_ce958aee357eda0c.txt', '50 3/6 004_bf2c1b340b487aac.txt', '66 4/6 000_d92da6674a0d90b8.txt', '83 5/6 notes.txt'],
    );
    assert.deepEqual(progress.at(-1), { kind: 'end' });
  });

  it('a covered document that is closed gets its diagnostics from disk again', async () => {
    const open = uriOf('004_bf2c1b340b487aac.txt');
    const count = published.length;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: open } });
    await client.until(() => published.length >= count + 2, 'the clear and the disk diagnostics');
    const mine = published.slice(count).filter((p) => p.uri === open);
    assert.deepEqual(mine[0]?.diagnostics, []);
    assert.deepEqual(mine.at(-1)?.diagnostics, expected().get(open));
    assert.deepEqual(mine.at(-1)?.diagnostics.map((d) => d.code), ['text.table-mismatch', 'structure.section-numbering', 'sum.row', 'sum.row', 'sum.row']);
  });

  it('a report gone from the folder has its diagnostics cleared by the next run', async () => {
    const gone = uriOf('003_ce958aee357eda0c.txt');
    fs.rmSync(path.join(dir, '003_ce958aee357eda0c.txt'));
    const count = published.length;
    const { result } = await run();
    assert.equal(result.summary, '4 份报告：2 份有错误，共 34 个警告');
    const after = published.slice(count);
    assert.deepEqual(after.filter((p) => p.uri === gone).map((p) => p.diagnostics), [[]]);
    assert.equal(after.length, 5); // four reports and the cleared one
  });

  it('govreport/exportWorkspaceCheck: the verdict page of the folder, a row per report with the counts the check published, relative paths', async () => {
    const count = published.length;
    const result = await client.connection.sendRequest<ExportWorkspaceCheckResult>(EXPORT_WORKSPACE_CHECK_REQUEST, { format: 'html' });
    assert.equal(result.cancelled, false);
    assert.equal(result.reports, 4);
    const rows = [...result.content.matchAll(/<tr class="report [^"]*"[^>]* data-path="([^"]*)"[^>]* data-errors="(\d+)" data-warnings="(\d+)"/gu)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    const disk = [...expected().entries()].map(([uri, diagnostics]) => {
      const ds = diagnostics as { severity: number }[];
      return [path.relative(dir, new URL(uri).pathname), ds.filter((d) => d.severity === 1).length, ds.filter((d) => d.severity === 2).length];
    });
    assert.deepEqual(rows, disk);
    assert.ok(rows.some(([p]) => p === path.join('2023', '000_d92da6674a0d90b8.txt')));
    assert.match(result.content, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';/u);
    // An export publishes nothing.
    assert.equal(published.length, count);
    assert.equal(await client.connection.sendRequest(EXPORT_WORKSPACE_CHECK_REQUEST, { format: 'pdf' }), null);
  });

  it('govreport/exportWorkspaceCheck csv, csv-wide: byte for byte the CSV `govreport extract --format csv [--wide] .` writes run in the folder', async () => {
    const count = published.length;
    for (const [format, flags] of [['csv', []], ['csv-wide', ['--wide']]] as const) {
      const result = await client.connection.sendRequest<ExportWorkspaceCheckResult>(EXPORT_WORKSPACE_CHECK_REQUEST, { format });
      assert.equal(result.cancelled, false);
      const cli = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), 'extract', '--format', 'csv', ...flags, '.'], { cwd: dir, env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: undefined }, maxBuffer: 64 << 20 });
      assert.equal(cli.status, 0, cli.stderr.toString());
      assert.ok(Buffer.from(result.content, 'utf8').equals(cli.stdout), `${format}: the server's CSV is the CLI's`);
      const lines = result.content.split('\r\n').slice(0, -1);
      if (format === 'csv') {
        assert.equal(lines[0], '\uFEFFfile,body,year,table,row,rowLabel,column,columnLabel,value,state,raw');
        assert.equal(new Set(lines.slice(1).map((l) => l.split(',')[0])).size, result.reports);
      } else {
        assert.ok(lines[0]!.startsWith('\uFEFF文件,机关,年度,表一·规章·本年制发件数,'), lines[0]);
        // A row per report, the one in the subfolder by its path relative to the folder.
        assert.equal(result.reports, lines.length - 1);
        assert.ok(lines.some((l) => l.startsWith(`${path.join('2023', '000_d92da6674a0d90b8.txt')},北京市通州区委社会工委区民政局,2023,`)));
      }
    }
    assert.equal(published.length, count);
  });

  it('cancelled: stops before the next file and says so', async () => {
    const source = new CancellationTokenSource();
    const count = published.length;
    const pending = client.connection.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, source.token);
    source.cancel();
    const result = await pending;
    assert.deepEqual(result, { files: 0, filesWithErrors: 0, errors: 0, warnings: 0, unreadable: 0, cancelled: true, tooLarge: [], summary: '已取消。已检查的 0 份报告：都没有错误' });
    // Nothing published, nothing cleared: the earlier results stand.
    assert.equal(published.length, count);
  });
});

describe('govreport/preview', () => {
  let client: NavClient;
  before(async () => {
    ({ client } = await NavClient.start([]));
  });
  after(async () => {
    await client.stop();
  });

  it('the page of an open document, from its current version; the body alone for updates; null when not open', async () => {
    const uri = 'untitled:Untitled-1';
    const text = fs.readFileSync(path.join(SAMPLES, '004_bf2c1b340b487aac.txt'), 'utf8');
    await client.open(uri, text);
    const page = await client.connection.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri, nonce: 'Tm9uY2U=', cspSource: 'vscode-webview:', documentName: 'Untitled-1' });
    assert.equal(page?.version, 1);
    assert.ok(page.html.includes(`content="default-src 'none'; style-src vscode-webview: 'nonce-Tm9uY2U='; script-src 'nonce-Tm9uY2U=';"`));
    assert.ok(page.html.includes('<title>预览：Untitled-1</title>'));
    assert.equal(valueCells(tableSection(page.html, 'B')).filter((c) => c.classes.includes('fail')).length, 3);

    // Row 一's 总计 corrected: its row sum holds, and now the balance of the 总计 column (row 四) fails.
    const lines = text.split('\n');
    assert.equal(lines[90], '\t0');
    lines[90] = '\t1';
    await client.changeAll(uri, 2, lines.join('\n'));
    const body = await client.connection.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri, bodyOnly: true });
    assert.equal(body?.version, 2);
    assert.doesNotMatch(body.html, /<script|<html/u);
    const failing = valueCells(tableSection(body.html, 'B')).filter((c) => c.classes.includes('fail'));
    assert.deepEqual(failing.map((c) => c.range), ['130,1,130,2', '341,1,341,2', '350,1,350,2']);
    assert.match(failing[2]!.title, /\n勾稽关系不成立：「四、结转下年度继续办理」的「总计」填报 0，按各项计算应为 1/u);

    assert.equal(await client.connection.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri: 'file:///nowhere.txt' }), null);
  });
});
