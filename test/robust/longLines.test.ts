/** A line of 20 million spaces after a report (a damaged copy): analysed without a stack overflow, the report's findings unchanged. */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { sample } from '../support/paths';

describe('very long lines', () => {
  test('a 20 MB line of spaces after sample 004', () => {
    const text = sample('004').text;
    const codes = (t: string): string[] => analyze(t).findings.map((f) => f.code);
    assert.deepEqual(codes(`${text}\n${' '.repeat(20_000_000)}\n`), codes(text));
  });
});

describe('very many lines', () => {
  // A copy padded with millions of empty lines (what gridui's kill test saw: 42 s and 3.4 GB for
  // fix --write of 20 MB of them). Line starts are one typed array, and a run of blank lines is one
  // piece of the narrative: the analysis is linear with a small constant, its memory a few bytes a line.
  test('sample 004 followed by 8 million empty lines: the same findings, and the analysis holds under 160 MB more than the text', () => {
    const text = sample('004').text;
    const codes = (t: string): string[] => analyze(t).findings.map((f) => `${f.code} ${f.message}`);
    const padded = `${text}${'\n'.repeat(8_000_000)}`;
    global.gc?.();
    const before = process.memoryUsage().rss;
    const found = codes(padded);
    const grown = process.memoryUsage().rss - before;
    assert.deepEqual(found, codes(text));
    // 8 M lines: 32 MB of line starts; one object per line (the former layout) would be over 400 MB.
    assert.ok(grown < 160 * 1024 * 1024, `${Math.round(grown / 1024 / 1024)} MB more resident`);
  });
});
