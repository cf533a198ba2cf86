/**
 * `node dist/server.js` started by hand: its usage (exit 2) without a connection, its usage with
 * --help (exit 0), its version with --version — never a stack trace; with --stdio it serves.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { describe, it } from 'node:test';
import { VERSION } from '../../server/src/cli/version';
import { PROJECT_ROOT } from '../support/paths';

const SERVER = path.join(PROJECT_ROOT, 'dist', 'server.js');
const start = (args: readonly string[], lang = 'zh_CN.UTF-8') =>
  spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', input: '', timeout: 10_000, env: { ...process.env, LC_ALL: lang, LANG: lang } });

describe('dist/server.js from a command line', () => {
  it('no arguments: the usage on stderr, exit 2, no stack trace', () => {
    const r = start([]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^govreport 语言服务器 ${VERSION.replace(/\./gu, '\\.')}\\n`, 'u'));
    assert.match(r.stderr, /--stdio {10}标准输入输出/u);
    assert.doesNotMatch(r.stderr, /\bat .*\(.*:\d+:\d+\)/u);
  });
  it('an unknown argument alone is no connection either: usage, exit 2', () => {
    const r = start(['--stdoi']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /govreport check/u);
  });
  it('--help: the usage on stdout, exit 0, in English under an English locale', () => {
    const r = start(['--help'], 'en_US.UTF-8');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^govreport language server .*\nStarted by an editor/u);
    assert.equal(r.stderr, '');
  });
  it('--version: the version, exit 0', () => {
    const r = start(['--version']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, `${VERSION}\n`, '']);
  });
  it('--stdio with an empty input: serves, and ends cleanly when the input closes', () => {
    const r = start(['--stdio']);
    assert.notEqual(r.error?.message.includes('ETIMEDOUT'), true, 'the server did not end when its input closed');
    assert.doesNotMatch(r.stderr, /语言服务器 .*\n由编辑器启动/u);
  });
});
