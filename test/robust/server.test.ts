/**
 * The language server under fuzzing, as an editor drives it: `dist/server.js --stdio` gets mutated
 * reports opened and then edited by random incremental changes (odd Unicode, lone surrogates, line
 * breaks of every kind, ranges past the end of a line or of the document, whole-text replacements,
 * bursts of changes in one write). After every batch the server must answer a request, publish for
 * the document's final version exactly what the core finds in the text the edits produce, and in
 * the end shut down cleanly with nothing logged as an error.
 */
import { strict as assert } from 'assert';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ErrorCodes, ResponseError, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { analyze } from '../../server/src/core/analyze';
import { lspDiagnostic } from '../../server/src/lsp/features/diagnostics';
import { shownFindings } from '../../server/src/core/notReport';
import { PROJECT_ROOT, SHARED } from '../support/paths';
import { TestClient } from '../lsp/client';
import { loadCorpus } from './corpus';
import { mutate, Random } from './fuzzer';

const SEED = 7_000_007;
const DOCUMENTS = Number(process.env["GOVREPORT_SERVER_FUZZ_DOCUMENTS"] ?? 30);
const BATCHES = 4;

/** What the server must publish for a text: the core's findings as shown, converted by the shared conversion. */
function expectedDiagnostics(text: string, uri: string): Diagnostic[] {
  const analysis = analyze(text);
  return JSON.parse(JSON.stringify(shownFindings(analysis).map((f) => lspDiagnostic(f, analysis.model.lines, uri)))) as Diagnostic[];
}

function oddText(r: Random): string {
  return r.pick(['', '0', '12', '\n', '\r\n', '\r', '\t', '|', '\ud800', '\udc00', '😀', '\u0000', '\ufeff', '一、', '（七）总计\t1\t2', '本年新收政府信息公开申请数量', '９９', '-3', '99999999999999999999', '\u2028', 'x'.repeat(r.between(1, 3000))]);
}

/** A random incremental change; positions may lie past a line's end or past the last line. */
function randomChange(document: TextDocument, r: Random): TextDocumentContentChangeEvent {
  if (r.chance(0.05)) return { text: r.chance(0.5) ? '' : oddText(r) };
  const lines = document.lineCount;
  const position = () => ({ line: r.int(lines + (r.chance(0.1) ? 3 : 0)), character: r.int(r.chance(0.1) ? 500 : 40) });
  let start = position();
  let end = r.chance(0.5) ? start : position();
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) [start, end] = [end, start];
  return { range: { start, end }, text: oddText(r) };
}

async function ping(client: TestClient): Promise<number> {
  try {
    await client.connection.sendRequest('govreport/ping');
    return 0;
  } catch (error) {
    return error instanceof ResponseError ? error.code : -1;
  }
}

describe(`language server under fuzzing: ${DOCUMENTS} mutated documents × ${BATCHES} batches of random edits, seed ${SEED}`, () => {
  let client: TestClient;
  before(async () => {
    client = (await TestClient.start()).client;
  });
  after(() => { client.kill(); });

  const r = new Random(SEED);
  const corpus = loadCorpus(SHARED, PROJECT_ROOT);

  for (let d = 0; d < DOCUMENTS; d++) {
    const input = mutate(r.pick(corpus), r);
    // Drawn now, so that the sequence does not depend on what the server does.
    const batches = Array.from({ length: BATCHES }, () => ({ size: r.pick([1, 1, 3, 20, 200]), together: r.chance(0.5), seed: r.int(2 ** 31) }));
    it(`#${d} ${input.base} [${input.steps.join(', ')}]: answers after every batch and publishes what the core finds`, async () => {
      const uri = `file:///fuzz/doc-${d}.txt`;
      let document = TextDocument.create(uri, 'govreport', 1, input.text);
      let from = client.published.length;
      await client.open(uri, input.text, 1);
      for (const batch of batches) {
        const br = new Random(batch.seed);
        const messages: object[] = [];
        for (let k = 0; k < batch.size; k++) {
          const change = randomChange(document, br);
          const version = document.version + 1;
          document = TextDocument.update(document, [change], version);
          messages.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [change] } });
        }
        if (batch.together) client.writeTogether(messages);
        else for (const m of messages) client.writeTogether([m]);
        // Still answering: an unknown request gets its MethodNotFound reply.
        assert.equal(await ping(client), ErrorCodes.MethodNotFound);
        const published = await client.waitForPublish((p) => p.uri === uri && p.version === document.version, from);
        assert.deepEqual(published.diagnostics, expectedDiagnostics(document.getText(), uri));
        // Versions published for the document never go backwards.
        const versions = client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version ?? 0);
        assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
        from = client.published.length;
      }
      await client.close(uri);
    });
  }

  it('afterwards: no error logged, and the server shuts down cleanly', async () => {
    assert.deepEqual(client.logs.filter((l) => l.type === 1).map((l) => l.message.slice(0, 300)), []);
    assert.equal(client.stderr, '');
    const { result, exitCode } = await client.stop();
    assert.equal(result, null);
    assert.equal(exitCode, 0);
  });
});
