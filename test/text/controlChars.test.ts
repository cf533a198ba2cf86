/**
 * text.control-char: a stray NUL (or another C0 control) left by copy-paste or PDF extraction is
 * reported where it is, once per run, and the rest of the report is checked as without it; the CLI
 * checks such a file (it is not "binary"), and one behind 24 KB of saved-page navigation.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { PROJECT_ROOT, sample } from '../support/paths';
import { textFindings } from './support';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
const withoutCode = (codes: readonly string[], code: string): string[] => codes.filter((c) => c !== code);

describe('text.control-char', () => {
  const { text } = sample('000');
  const line = text.split('\n').findIndex((l) => l.includes('主动公开政府信息情况'));
  const at = text.split('\n').slice(0, line).join('\n').length + 1 + 2; // inside the heading's words
  const damaged = `${text.slice(0, at)}\u0000\u0001${text.slice(at)}`;

  it('one warning on the run, naming its code points, with a quick fix (not in fix-all) deleting exactly the run', () => {
    const analysis = analyze(damaged);
    const found = analysis.findings.filter((f) => f.code === 'text.control-char');
    assert.deepEqual(textFindings(analysis, ['text.control-char']).map((f) => [f.line, f.severity, f.text]), [[line + 1, 'warning', '\u0000\u0001']]);
    assert.equal(found[0]!.message, '此处有 2 个不可见的控制字符（U+0000、U+0001），多为复制粘贴或 PDF 转换留下：它们可能把数字或文字隔开，请删除');
    const fix = found[0]!.fixes[0]!;
    assert.equal(fix.safe, false);
    assert.deepEqual(fix.edits, [{ span: { start: at, end: at + 2 }, newText: '' }]);
    const fixed = damaged.slice(0, at) + damaged.slice(at + 2);
    assert.equal(fixed, text);
  });

  it('the original has none; tab and line breaks are not control characters here', () => {
    assert.equal(analyze(text).findings.filter((f) => f.code === 'text.control-char').length, 0);
    assert.equal(analyze(text.replace(/\n/gu, '\r\n').replace(/ /gu, '\t')).findings.filter((f) => f.code === 'text.control-char').length, 0);
  });

  it('after the fix, the findings are the original\'s', () => {
    const codes = (t: string): string[] => analyze(t).findings.map((f) => f.code);
    assert.deepEqual(codes(text), withoutCode(codes(text), 'text.control-char'));
    const fixed = damaged.slice(0, at) + damaged.slice(at + 2);
    assert.deepEqual(codes(fixed), codes(text));
  });

  it('CLI: a folder with a report holding a NUL byte and a report behind 24 KB of page navigation checks both', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-nul-'));
    try {
      fs.writeFileSync(path.join(dir, 'nul.txt'), Buffer.from(damaged.replace('\u0001', ''), 'utf8'));
      const chrome = Array.from({ length: 1200 }, (_, i) => `首页 > 政务公开 > 栏目${i} > 列表`).join('\n');
      assert.ok(Buffer.byteLength(chrome) > 24 * 1024);
      fs.writeFileSync(path.join(dir, 'page.txt'), `${chrome}\n${text}`);
      const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
      assert.match(run.stderr, /^检查了 2 份报告/u);
      const files = (JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] }).files;
      assert.deepEqual(files.map((f) => path.basename(f.path)).sort(), ['nul.txt', 'page.txt']);
      const nul = files.find((f) => f.path.endsWith('nul.txt'))!;
      assert.deepEqual(nul.diagnostics.filter((d) => d.code === 'text.control-char').length, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
