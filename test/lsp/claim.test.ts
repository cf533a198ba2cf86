/** Which plain-text documents the extension claims as reports (the client's decisions, without VS Code). */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { ReportClaimer, type OpenedDocument } from '../../client/src/claim';
import { SNIFF_BYTES } from '../../server/src/core/sniff';
import { sample } from '../support/paths';

const report = sample('001').text;

function doc(overrides: Partial<Omit<OpenedDocument, 'head'>> & { text?: string } = {}): OpenedDocument & { asked: number[] } {
  const text = overrides.text ?? report;
  const asked: number[] = [];
  return {
    key: overrides.key ?? 'file:///r/001.txt',
    languageId: overrides.languageId ?? 'plaintext',
    scheme: overrides.scheme ?? 'file',
    path: overrides.path ?? '/r/001.txt',
    head: (chars: number) => {
      asked.push(chars);
      return text.slice(0, chars);
    },
    asked,
  };
}

describe('ReportClaimer', () => {
  it('claims a plain-text .txt report, reading only its first SNIFF_BYTES characters', () => {
    const d = doc();
    assert.equal(new ReportClaimer().shouldClaim(d, true), true);
    assert.deepEqual(d.asked, [SNIFF_BYTES]);
  });

  it('leaves alone: sniffing off, other text, another language, another extension, another scheme', () => {
    const claimer = new ReportClaimer();
    assert.equal(claimer.shouldClaim(doc(), false), false);
    assert.equal(claimer.shouldClaim(doc({ text: '会议纪要\n今天讨论了预算。' }), true), false);
    assert.equal(claimer.shouldClaim(doc({ languageId: 'markdown' }), true), false);
    assert.equal(claimer.shouldClaim(doc({ languageId: 'govreport' }), true), false);
    assert.equal(claimer.shouldClaim(doc({ path: '/r/001.md', key: 'file:///r/001.md' }), true), false);
    assert.equal(claimer.shouldClaim(doc({ scheme: 'git', key: 'git:/r/001.txt' }), true), false);
  });

  it('accepts upper-case .TXT and untitled documents with a .txt name', () => {
    const claimer = new ReportClaimer();
    assert.equal(claimer.shouldClaim(doc({ path: '/r/REPORT.TXT', key: 'file:///r/REPORT.TXT' }), true), true);
    assert.equal(claimer.shouldClaim(doc({ scheme: 'untitled', path: 'new.txt', key: 'untitled:new.txt' }), true), true);
  });

  it('a report the user switched back to plain text stays plain text', () => {
    const claimer = new ReportClaimer();
    assert.equal(claimer.shouldClaim(doc(), true), true);
    // The editor applies the claim: close (plaintext) + open (govreport).
    claimer.closed('file:///r/001.txt', 'plaintext');
    assert.equal(claimer.shouldClaim(doc({ languageId: 'govreport' }), true), false);
    // The user picks Plain Text: close (govreport) + open (plaintext) in the same turn.
    claimer.closed('file:///r/001.txt', 'govreport');
    assert.equal(claimer.shouldClaim(doc(), true), false);
    // Opened again later: still the user's choice.
    claimer.closed('file:///r/001.txt', 'plaintext');
    claimer.settle();
    assert.equal(claimer.shouldClaim(doc(), true), false);
    // Another report is still claimed.
    assert.equal(claimer.shouldClaim(doc({ key: 'file:///r/002.txt', path: '/r/002.txt' }), true), true);
  });

  it('a report closed for real (no open in the same turn) is claimed again when reopened', () => {
    const claimer = new ReportClaimer();
    claimer.closed('file:///r/001.txt', 'govreport');
    claimer.settle();
    assert.equal(claimer.shouldClaim(doc(), true), true);
  });
});
