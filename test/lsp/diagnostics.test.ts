/**
 * The analysis cache and the diagnostics publisher in-process, with a controlled clock: one analysis
 * per version, at-once publishing, debouncing of slow documents, nothing for outdated versions.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { NOT_A_REPORT, notAReportFinding, shownFindings } from '../../server/src/core/notReport';
import { AnalysisCache } from '../../server/src/lsp/documents';
import { DiagnosticsPublisher } from '../../server/src/lsp/features/diagnostics';
import { guard } from '../../server/src/lsp/guard';
import { sample } from '../support/paths';

class Log {
  readonly errors: string[] = [];
  error(message: string): void {
    this.errors.push(message);
  }
  warn(): void {}
  info(): void {}
}

/** Open documents, a clock, an analysis that costs `cost` ms of that clock, and what was published. */
function setup(options: { cost?: number; fail?: (text: string) => boolean } = {}) {
  const open = new Map<string, TextDocument>();
  let clock = 0;
  const analysed: { text: string }[] = [];
  const log = new Log();
  const cache = new AnalysisCache(open, log, {
    now: () => clock,
    analyze: (text: string): Analysis => {
      analysed.push({ text });
      clock += options.cost ?? 1;
      if (options.fail?.(text)) throw new Error('analysis broke');
      return analyze(text);
    },
  });
  const published: PublishDiagnosticsParams[] = [];
  const publisher = new DiagnosticsPublisher(open, cache, (p) => void published.push(p), log, { slowMs: 50, debounceMs: 150 });
  const edit = (uri: string, text: string): TextDocument => {
    const before = open.get(uri);
    const document = before ? TextDocument.update(before, [{ text }], before.version + 1) : TextDocument.create(uri, 'govreport', 1, text);
    open.set(uri, document);
    return document;
  };
  return { open, cache, publisher, published, analysed, log, edit };
}

/** Lets pending immediates run (the publisher waits two turns). */
const turns = (n = 3): Promise<void> => new Promise((resolve) => {
    if (n === 0) resolve();
    else setImmediate(() => { void turns(n - 1).then(resolve); });
  });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const s004 = sample('004');

describe('AnalysisCache', () => {
  it('analyses a version once, however many features ask; a new version is analysed again', () => {
    const { cache, analysed, edit } = setup();
    edit('file:///a.txt', s004.text);
    const first = cache.get('file:///a.txt');
    assert.ok(first);
    assert.equal(cache.get('file:///a.txt'), first, 'the same object for the same version');
    assert.equal(analysed.length, 1);
    edit('file:///a.txt', s004.text + '\n');
    const second = cache.get('file:///a.txt');
    assert.notEqual(second, first);
    assert.equal(analysed.length, 2);
  });

  it('knows nothing of a document that is not open, and forgets a closed one', () => {
    const { cache, analysed, edit, open } = setup({ cost: 7 });
    assert.equal(cache.get('file:///none.txt'), undefined);
    edit('file:///a.txt', 'x');
    cache.get('file:///a.txt');
    assert.equal(cache.lastDuration('file:///a.txt'), 7);
    cache.forget('file:///a.txt');
    open.delete('file:///a.txt');
    assert.equal(cache.lastDuration('file:///a.txt'), 0);
    assert.equal(analysed.length, 1);
  });

  it('an analysis that throws is logged once for its version and gives undefined', () => {
    const { cache, analysed, edit, log } = setup({ fail: (text) => text === 'boom' });
    edit('file:///a.txt', 'boom');
    assert.equal(cache.get('file:///a.txt'), undefined);
    assert.equal(cache.get('file:///a.txt'), undefined);
    assert.equal(analysed.length, 1);
    assert.equal(log.errors.length, 1);
    assert.match(log.errors[0]!, /analysis of file:\/\/\/a\.txt \(version 1\) failed: Error: analysis broke/u);
  });
});

describe('DiagnosticsPublisher', () => {
  it('publishes a fast document at once (within a few event-loop turns), with its version', async () => {
    const { publisher, published, edit } = setup();
    edit('file:///a.txt', s004.text);
    publisher.changed('file:///a.txt');
    assert.equal(published.length, 0, 'not inside the change handler itself');
    await turns();
    assert.deepEqual(published.map((p) => [p.uri, p.version, p.diagnostics.map((d) => [d.code, d.range.start.line])]), [
      ['file:///a.txt', 1, [['text.table-mismatch', 8], ['structure.section-numbering', 62], ['sum.row', 90], ['sum.row', 130], ['sum.row', 341]]],
    ]);
  });

  it('two changes in a row: only the second version is analysed and published', async () => {
    const { publisher, published, analysed, edit } = setup();
    edit('file:///a.txt', s004.text);
    publisher.changed('file:///a.txt');
    edit('file:///a.txt', s004.text.replace('\t0\n', '\t7\n'));
    publisher.changed('file:///a.txt');
    await turns();
    assert.deepEqual(published.map((p) => p.version), [2]);
    assert.equal(analysed.length, 1);
  });

  it('a version that is outdated when its publish comes due is dropped', async () => {
    const { publisher, published, edit } = setup();
    edit('file:///a.txt', s004.text);
    publisher.changed('file:///a.txt');
    // The document moves on without a change event reaching the publisher (yet).
    edit('file:///a.txt', 'changed');
    await turns();
    assert.deepEqual(published, []);
  });

  it('a slow document is debounced: a burst of changes gives one analysis and one publish, of the last version', async () => {
    const { publisher, published, analysed, edit, cache } = setup({ cost: 80 });
    edit('file:///slow.txt', s004.text);
    publisher.changed('file:///slow.txt');
    await turns();
    assert.deepEqual(published.map((p) => p.version), [1], 'the first analysis is not known to be slow: at once');
    assert.equal(cache.lastDuration('file:///slow.txt'), 80);
    for (let i = 0; i < 3; i++) {
      edit('file:///slow.txt', s004.text + 'x'.repeat(i + 1));
      publisher.changed('file:///slow.txt');
      await turns(1);
    }
    await turns();
    assert.deepEqual(published.map((p) => p.version), [1], 'nothing while typing goes on');
    await sleep(250);
    assert.deepEqual(published.map((p) => p.version), [1, 4]);
    assert.equal(analysed.length, 2, 'versions 2 and 3 never analysed');
  });

  it('close cancels a pending publish and clears the diagnostics', async () => {
    const { publisher, published, edit, open } = setup();
    edit('file:///a.txt', s004.text);
    publisher.changed('file:///a.txt');
    open.delete('file:///a.txt');
    publisher.closed('file:///a.txt');
    await turns();
    assert.deepEqual(published, [{ uri: 'file:///a.txt', diagnostics: [] }]);
  });

  it('a failing analysis publishes no diagnostics for that version, logs, and does not throw', async () => {
    const { publisher, published, edit, log } = setup({ fail: () => true });
    edit('file:///a.txt', s004.text);
    publisher.changed('file:///a.txt');
    await turns();
    assert.deepEqual(published, [{ uri: 'file:///a.txt', version: 1, diagnostics: [] }]);
    assert.equal(log.errors.length, 1);
  });

  it('a text that is not a report: one information diagnostic on its first non-blank line', async () => {
    const { publisher, published, edit } = setup();
    edit('file:///notes.txt', '\n\n   购物清单：苹果 3 个  \n牛奶 2 瓶\n');
    publisher.changed('file:///notes.txt');
    await turns();
    assert.deepEqual(published[0]?.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range })), [
      { code: NOT_A_REPORT, severity: 3, range: { start: { line: 2, character: 3 }, end: { line: 2, character: 14 } } },
    ]);
  });
});

describe('not a report', () => {
  it('an empty text gets the hint on an empty span at its start', () => {
    const finding = notAReportFinding(analyze('').model);
    assert.deepEqual([finding.code, finding.severity, finding.span], [NOT_A_REPORT, 'information', { start: 0, end: 0 }]);
    assert.ok(finding.message.length > 0);
  });
  it('a report keeps its own findings', () => {
    const analysis = analyze(s004.text);
    assert.equal(shownFindings(analysis), analysis.findings);
  });
});

describe('guard', () => {
  it('logs a thrown exception and returns the fallback', () => {
    const log = new Log();
    const handler = guard(log, 'hover', null, (n: number): number | null => {
      if (n > 1) throw new Error('too big');
      return n;
    });
    assert.equal(handler(1), 1);
    assert.equal(handler(2), null);
    assert.equal(log.errors.length, 1);
    assert.match(log.errors[0]!, /^govreport: hover failed: Error: too big/u);
  });
  it('logs a rejected promise and resolves with the fallback', async () => {
    const log = new Log();
    const handler = guard(log, 'symbols', [] as string[], (): Promise<string[]> => Promise.reject(new Error('nope')));
    assert.deepEqual(await handler(), []);
    assert.equal(log.errors.length, 1);
  });
});
