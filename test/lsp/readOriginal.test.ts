/**
 * `govreport/readOriginal` (language server in memory): an original read from disk by the reader its
 * ending calls for — the Word fixture made from sample 001 with a wrong total, a web page — and one
 * clear message for what cannot be read. The text, opened as a `govreport-text:` document (as the
 * client's 「作为年报文本打开」 does), is checked like any report.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { readProblemMessage } from '../../server/src/core/read/analyzeRead';
import { readDocx } from '../../server/src/core/read/docx';
import { readHtml } from '../../server/src/core/read/html';
import { LineIndex } from '../../server/src/core/text';
import { readOriginal } from '../../server/src/lsp/features/readOriginal';
import { READ_ORIGINAL_REQUEST, type ReadOriginalResult } from '../../server/src/lsp/protocol';
import { PROJECT_ROOT } from '../support/paths';
import { MemoryServer } from './memoryServer';

const DOCX = path.join(PROJECT_ROOT, 'test', 'fixtures', 'docx', 'sample-001-wrong-total.docx');
const PAGE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'html', '007-pingtan-2024.html');

describe('govreport/readOriginal (language server in memory)', () => {
  let server: MemoryServer;
  let dir: string;
  const request = (file: string): Promise<ReadOriginalResult> => server.connection.sendRequest(READ_ORIGINAL_REQUEST, { uri: pathToFileURL(file).toString() });
  before(async () => {
    server = await MemoryServer.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-read-original-'));
  });
  after(() => {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a Word file: the Word reader\'s text, format docx, no problem', async () => {
    const result = await request(DOCX);
    assert.deepEqual(result, { text: readDocx(fs.readFileSync(DOCX)).text, format: 'docx' });
    assert.match(result.text, /本年新收政府信息公开申请数量/u);
  });

  it('its text opened as a govreport-text: document is checked: sum.row on the wrong total (39)', async () => {
    const { text } = await request(DOCX);
    const uri = `govreport-text:${pathToFileURL(DOCX).pathname}.txt`;
    await server.open(uri, 'govreport', text);
    const published = await server.publishedFor(uri);
    const lines = new LineIndex(text);
    const expected = analyze(text).findings.filter((f) => f.code === 'sum.row').map((f) => lines.rangeOf(f.span));
    const sumRows = published.diagnostics.filter((d) => d.code === 'sum.row');
    assert.deepEqual(sumRows.map((d) => d.range), expected);
    assert.equal(sumRows.length, 1);
    const r = sumRows[0]!.range;
    assert.equal(lines.lineText(r.start.line).slice(r.start.character, r.end.character), '39');
  });

  it('a web page read from its bytes: the HTML reader\'s text', async () => {
    const result = await request(PAGE);
    assert.deepEqual(result, { text: readHtml(fs.readFileSync(PAGE, 'utf8')).text, format: 'html' });
  });

  it('an old binary .doc: the one message to save it as .docx', async () => {
    const file = path.join(dir, '年报.doc');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    assert.deepEqual(await request(file), { text: '', format: 'docx', problem: readProblemMessage({ kind: 'old-format', detail: '' }, zhCN) });
  });

  it('a damaged .docx: the damaged message', async () => {
    const file = path.join(dir, 'broken.docx');
    fs.writeFileSync(file, 'not a zip at all');
    assert.deepEqual(await request(file), { text: '', format: 'docx', problem: zhCN.readDocxProblem({ kind: 'damaged', limit: '' }) });
  });

  it('a missing file, a kind of file no reader takes: one message each', async () => {
    assert.deepEqual(await request(path.join(dir, 'gone.docx')), { text: '', format: 'docx', problem: 'gone.docx：无法读取（文件不存在或已被删除）' });
    const other = path.join(dir, 'table.xyz');
    fs.writeFileSync(other, 'x');
    assert.deepEqual(await request(other), { text: '', format: null, problem: 'table.xyz：govreport 不能读取这种文件（可读取 .docx、.pdf、.html 与文本文件）' });
  });

  it('a file over the size limit is not read', async () => {
    const result = await readOriginal(pathToFileURL(DOCX).toString(), zhCN, 1024);
    assert.equal(result.text, '');
    assert.equal(result.format, 'docx');
    assert.match(result.problem ?? '', /^此文档大小为 \d+(?:\.\d)? KB，超过 govreport\.maxFileSize（1 KB），未做检查$/u);
  });
});
