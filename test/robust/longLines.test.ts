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
