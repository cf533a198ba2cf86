/**
 * The language server in the client's language, and following the configuration: initialize with
 * locale `en` or `zh-cn`; govreport.rules through workspace/configuration and
 * workspace/didChangeConfiguration; a .govreportrc.json beside the report and
 * workspace/didChangeWatchedFiles; an invalid config file as one diagnostic on it.
 */
import { strict as assert } from 'node:assert';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  type CodeLens,
  type ConfigurationParams,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { ServerProcess } from '../lsp/client';
import { sample } from '../support/paths';

class Client extends ServerProcess {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly settings = new Map<string, unknown>();
  readonly registrations: unknown[] = [];

  private constructor(child: ChildProcessWithoutNullStreams, connection: ProtocolConnection) {
    super(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
    });
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => params.items.map((i) => (i.section !== undefined ? (this.settings.get(i.section) ?? null) : null)));
    connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
  }

  static async start(locale: string | undefined): Promise<Client> {
    const { child, connection } = ServerProcess.spawnServer();
    const client = new Client(child, connection);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- InitializeParams requires the field (null: no root folder)
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
      ...(locale === undefined ? {} : { initializationOptions: { locale } }),
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The diagnostics published for a uri, once there are `count` publishes. */
  async diagnostics(uri: string, count: number): Promise<Diagnostic[]> {
    const start = Date.now();
    while ((this.published.get(uri)?.length ?? 0) < count) {
      if (Date.now() - start > 5000) throw new Error(`timed out waiting for publish ${count} of ${uri}; stderr: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.published.get(uri)![count - 1]!.diagnostics;
  }

}

const summary = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line + 1}:${String(d.code)}:${d.severity}`);
const ALL_004 = ['9:text.table-mismatch:2', '63:structure.section-numbering:2', '91:sum.row:1', '131:sum.row:1', '342:sum.row:1'];

describe('the server speaks the client’s language', () => {
  const { text } = sample('004');
  for (const [locale, first, lens] of [
    ['en', 'The row total does not hold: 「一、本年新收政府信息公开申请数量」/「总计」 is 0', 'Totals: 3 do not hold, 36 hold'],
    ['zh-cn', '行合计不成立：「一、本年新收政府信息公开申请数量」的「总计」填报 0', '勾稽关系：3 项不成立，36 项成立'],
    [undefined, '行合计不成立：「一、本年新收政府信息公开申请数量」的「总计」填报 0', '勾稽关系：3 项不成立，36 项成立'],
  ] as const) {
    test(`locale ${String(locale)}: diagnostics, code lens, code action titles`, async () => {
      const client = await Client.start(locale);
      try {
        const uri = 'untitled:004';
        await client.open(uri, text);
        const ds = await client.diagnostics(uri, 1);
        assert.deepEqual(summary(ds), ALL_004);
        const sumRow = ds.find((d) => d.code === 'sum.row')!;
        assert.ok((sumRow.message as string).startsWith(first), sumRow.message as string);
        const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        assert.equal(lenses[0]!.command!.title, lens);
        const actions = await client.connection.sendRequest<{ title: string }[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: sumRow.range,
          context: { diagnostics: [sumRow], only: ['quickfix'] },
        });
        assert.equal(actions[0]!.title, locale === 'en' ? 'Set all 3 totals of column 「总计」 to their computed values: 1, 1, 1' : '将「总计」列的 3 个合计全部改为计算值：1、1、1');
      } finally {
        await client.stop();
      }
    });
  }
});

describe('settings and config files', () => {
  const { text } = sample('004');
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-l10n-lsp-'))));
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  test('govreport.rules: a rule off and a severity changed, applied without a reload', async () => {
    const client = await Client.start('en');
    try {
      const uri = 'untitled:settings';
      await client.open(uri, text);
      assert.deepEqual(summary(await client.diagnostics(uri, 1)), ALL_004);
      client.settings.set('govreport.rules', { 'structure.section-numbering': 'off', 'sum.row': 'warning' });
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual(summary(await client.diagnostics(uri, 2)), ['9:text.table-mismatch:2', '91:sum.row:2', '131:sum.row:2', '342:sum.row:2']);
      client.settings.set('govreport.rules', { structure: 'hint', text: 'off' });
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual(summary(await client.diagnostics(uri, 3)), ['63:structure.section-numbering:4', '91:sum.row:1', '131:sum.row:1', '342:sum.row:1']);
      // No code lens when turned off.
      client.settings.set('govreport.codeLens.enabled', false);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.diagnostics(uri, 4);
      assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
    } finally {
      await client.stop();
    }
  });

  test('.govreportrc.json above the report, over the settings; watched: edited, broken, removed', async () => {
    const client = await Client.start('en');
    const config = path.join(dir, '.govreportrc.json');
    const configUri = pathToFileURL(config).href;
    const change = (type: FileChangeType): Promise<void> =>
      client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type }] });
    try {
      for (const start = Date.now(); client.registrations.length === 0 && Date.now() - start < 5000; ) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(client.registrations.map((r) => (r as { method: string; registerOptions: unknown }).method), ['workspace/didChangeWatchedFiles']);
      assert.deepEqual((client.registrations[0] as { registerOptions: unknown }).registerOptions, { watchers: [{ globPattern: '**/.govreportrc.json' }] });
      fs.mkdirSync(path.join(dir, 'reports'));
      const uri = pathToFileURL(path.join(dir, 'reports', '004.txt')).href;
      fs.writeFileSync(config, JSON.stringify({ rules: { 'structure.section-numbering': 'off' } }));
      client.settings.set('govreport.rules', { 'structure.section-numbering': 'error', sum: 'hint' });
      await client.open(uri, text);
      // The file's key wins over the setting's; the setting's other key stays.
      assert.deepEqual(summary(await client.diagnostics(uri, 1)), ['9:text.table-mismatch:2', '91:sum.row:4', '131:sum.row:4', '342:sum.row:4']);

      fs.writeFileSync(config, JSON.stringify({ rules: { sum: 'off' } }));
      await change(FileChangeType.Changed);
      assert.deepEqual(summary(await client.diagnostics(uri, 2)), ['9:text.table-mismatch:2', '63:structure.section-numbering:1']);

      // Broken: one diagnostic on the config file; its valid entries still apply.
      fs.writeFileSync(config, '{\n  "rules": {\n    "sum": "off",\n    "text.yaer": "off"\n  }\n}\n');
      await change(FileChangeType.Changed);
      assert.deepEqual(summary(await client.diagnostics(uri, 3)), ['9:text.table-mismatch:2', '63:structure.section-numbering:1']);
      assert.deepEqual(await client.diagnostics(configUri, 1), [
        {
          range: { start: { line: 3, character: 4 }, end: { line: 3, character: 5 } },
          severity: 1,
          source: 'govreport',
          code: 'config',
          message: 'The govreport config file .govreportrc.json has 1 problem; it is ignored: "text.yaer" is neither a diagnostic code nor a family',
        },
      ]);
      fs.writeFileSync(config, '{"rules": {');
      await change(FileChangeType.Changed);
      assert.deepEqual(summary(await client.diagnostics(uri, 4)), ['9:text.table-mismatch:2', '63:structure.section-numbering:1', '91:sum.row:4', '131:sum.row:4', '342:sum.row:4']);
      const syntax = await client.diagnostics(configUri, 2);
      assert.equal(syntax.length, 1);
      assert.match(syntax[0]!.message as string, /^The govreport config file \.govreportrc\.json has 1 problem; it is ignored: not valid JSON/u);

      // Removed: the setting alone; the config file's diagnostic cleared.
      fs.rmSync(config);
      await change(FileChangeType.Deleted);
      assert.deepEqual(summary(await client.diagnostics(uri, 5)), ['9:text.table-mismatch:2', '63:structure.section-numbering:1', '91:sum.row:4', '131:sum.row:4', '342:sum.row:4']);
      assert.deepEqual(await client.diagnostics(configUri, 3), []);
    } finally {
      await client.stop();
    }
  });

  test('govreport.maxFileSize: a larger document gets one hint and nothing else', async () => {
    const client = await Client.start('zh-cn');
    try {
      client.settings.set('govreport.maxFileSize', 0.005);
      const uri = 'untitled:large';
      await client.open(uri, text);
      const ds = await client.diagnostics(uri, 1);
      assert.equal(ds.length, 1);
      assert.equal(ds[0]!.code, 'too-large');
      assert.equal(ds[0]!.severity, 3);
      assert.equal(ds[0]!.message, '此文档大小为 6.2 KB，超过 govreport.maxFileSize（5.1 KB），未做检查');
      client.settings.set('govreport.maxFileSize', 20);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual(summary(await client.diagnostics(uri, 2)), ALL_004);
    } finally {
      await client.stop();
    }
  });
});
