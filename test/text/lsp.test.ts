/**
 * The language server compares an open report with its body's open report of the year before
 * (text.carry-over), and publishes the later one again when the earlier one changes or closes.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/lsp/documents';
import { DiagnosticsPublisher } from '../../server/src/lsp/features/diagnostics';
import { fixture } from '../support/paths';

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined };
const turns = (n = 10): Promise<void> => new Promise((resolve) => {
    if (n === 0) resolve();
    else setImmediate(() => { void turns(n - 1).then(resolve); });
  });

function setup() {
  const open = new Map<string, TextDocument>();
  const source = { get: (uri: string) => open.get(uri), all: () => [...open.values()] };
  const cache = new AnalysisCache(source, quiet);
  const published: PublishDiagnosticsParams[] = [];
  // Never debounced, however slow a loaded machine makes an analysis: this test is about pairing, not timing.
  const publisher = new DiagnosticsPublisher(source, cache, (p) => void published.push(p), quiet, { slowMs: Number.POSITIVE_INFINITY, debounceMs: 0 });
  const set = (uri: string, text: string): void => {
    const before = open.get(uri);
    open.set(uri, before ? TextDocument.update(before, [{ text }], before.version + 1) : TextDocument.create(uri, 'govreport', 1, text));
    publisher.changed(uri);
  };
  const close = (uri: string): void => {
    open.delete(uri);
    publisher.closed(uri);
  };
  const carry = (uri: string): [number, string | undefined][] => {
    const last = [...published].reverse().find((p) => p.uri === uri);
    return (last?.diagnostics ?? []).filter((d) => d.code === 'text.carry-over').map((d) => [d.range.start.line, d.relatedInformation?.[0]?.location.uri]);
  };
  return { set, close, carry, published };
}

const Y2023 = 'file:///reports/2023.txt';
const Y2024 = 'file:///reports/2024.txt';

describe('language server: last year\'s report among the open documents', () => {
  it('opening both compares the later with the earlier, with related locations in the earlier', async () => {
    const { set, carry } = setup();
    set(Y2024, fixture('text', 'previous-2024.txt'));
    await turns();
    assert.deepEqual(carry(Y2024), [], 'alone, nothing to compare with');
    set(Y2023, fixture('text', 'previous-2023.txt'));
    await turns();
    // Publishing the 2023 report publishes the 2024 one again.
    assert.deepEqual(carry(Y2024), [[26, Y2024], [46, Y2023], [46, Y2023]]);
    assert.deepEqual(carry(Y2023), []);
  });
  it('fixing last year\'s 结转下年度 row clears this year\'s findings; closing it too', async () => {
    const { set, close, carry } = setup();
    const previous = fixture('text', 'previous-2023.txt');
    set(Y2023, previous);
    set(Y2024, fixture('text', 'previous-2024.txt'));
    await turns();
    assert.equal(carry(Y2024).length, 3);
    const row = '| 四、结转下年度继续办理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |';
    assert.ok(previous.includes(row));
    set(Y2023, previous.replace(row, '| 四、结转下年度继续办理 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |'));
    await turns();
    assert.deepEqual(carry(Y2024), [[26, Y2024]], 'only the 现行有效 information is left');
    close(Y2023);
    await turns();
    assert.deepEqual(carry(Y2024), []);
  });
});
