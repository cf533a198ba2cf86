/**
 * `govreport fix --write --backup`: the original bytes kept as FILE.orig (atomically, with the
 * report's mode) before the report is replaced; when the backup cannot be written the report is not
 * written either (one line, exit 2); a FILE.orig with other bytes is never overwritten.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { encodeLike } from '../../server/src/cli/encoding';
import { fixExitStatus, fixReports } from '../../server/src/cli/fix';
import { run, type Io } from '../../server/src/cli/main';
import { changedPlaces, fixAll } from '../../server/src/core/fix';
import { en } from '../../server/src/core/messages/en';
import { zhCN } from '../../server/src/core/messages/zh-cn';
import { sample } from '../support/paths';
import { fullAfter, leftovers } from '../robust/fullDisk';

function recorder(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdoutIsTTY: false, env: {} };
}

const text = sample('001').text;
const fixed = fixAll(text);
/** A GB18030 report: the backup is its bytes, not a UTF-8 copy of its text. */
const original = Buffer.from(encodeLike(text, 'gb18030'));

describe('govreport fix --write --backup', () => {
  let dir = '';
  let n = 0;
  const report = (): string => {
    const sub = path.join(dir, `case-${n++}`);
    fs.mkdirSync(sub);
    const file = path.join(sub, '报告.txt');
    fs.writeFileSync(file, original);
    return file;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-backup-'));
    assert.notEqual(fixed, text);
  });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('FILE.orig holds the original bytes, with the report\'s mode; the report is fixed in its encoding; a second run changes neither', () => {
    const file = report();
    fs.chmodSync(file, 0o600);
    const io = recorder();
    assert.equal(run(['fix', '--write', '--backup', file], io), 0, io.err.join(''));
    assert.ok(fs.readFileSync(`${file}.orig`).equals(original));
    assert.equal(fs.statSync(`${file}.orig`).mode & 0o777, 0o600, 'as private as the report');
    assert.ok(fs.readFileSync(file).equals(Buffer.from(encodeLike(fixed, 'gb18030'))));
    assert.equal(io.err.join(''), `govreport: 注意：${file}：按 GB18030 编码读取\n检查了 1 份报告：已修复并写入 1 份（共 ${changedPlaces(text, fixed)} 处）\n`);
    assert.deepEqual(leftovers(path.dirname(file)), []);
    // Nothing left to fix: nothing written, the backup still the first original.
    assert.equal(run(['fix', '--write', '--backup', file], recorder()), 0);
    assert.ok(fs.readFileSync(`${file}.orig`).equals(original));
  });

  it('without --backup, no FILE.orig', () => {
    const file = report();
    assert.equal(run(['fix', '--write', file], recorder()), 0);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['报告.txt']);
  });

  it('a FILE.orig with other bytes is not overwritten: the report is not written, one line, exit 2', () => {
    const file = report();
    fs.writeFileSync(`${file}.orig`, '去年的原稿\n');
    const io = recorder();
    assert.equal(run(['fix', '--write', '--backup', file], io), 2);
    assert.equal(io.err.join('').split('\n')[1], `govreport: 错误：${file}：备份 ${file}.orig 已存在且内容不同，未覆盖；报告未写入（原文件未动），请先移走或删除该备份`);
    assert.ok(fs.readFileSync(file).equals(original));
    assert.equal(fs.readFileSync(`${file}.orig`, 'utf8'), '去年的原稿\n');
    const english = recorder();
    assert.equal(run(['fix', '--write', '--backup', '--lang', 'en', file], english, en), 2);
    assert.match(english.err.join(''), /: the backup .*\.orig already exists with other content and is not overwritten; the report is not written \(the file is untouched\): move or delete that backup first\n/u);
  });

  it('a FILE.orig with the same bytes serves as the backup (a run that stopped after it)', () => {
    const file = report();
    fs.writeFileSync(`${file}.orig`, original);
    assert.equal(run(['fix', '--write', '--backup', file], recorder()), 0);
    assert.ok(fs.readFileSync(`${file}.orig`).equals(original));
    assert.ok(fs.readFileSync(file).equals(Buffer.from(encodeLike(fixed, 'gb18030'))));
  });

  it('a folder named FILE.orig: no backup, no write, exit 2', () => {
    const file = report();
    fs.mkdirSync(`${file}.orig`);
    const io = recorder();
    assert.equal(run(['fix', '--write', '--backup', file], io), 2);
    assert.ok(fs.readFileSync(file).equals(original));
    assert.match(io.err.join(''), /备份 .*\.orig 已存在/u);
  });

  it('the disk full while the backup is written: no backup, no temporary file, the report byte for byte, one line, exit 2', () => {
    const file = report();
    const result = fixReports([file], { messages: zhCN, maxSize: 1 << 20, write: true, backup: true, writeSync: fullAfter(100) });
    assert.equal(fixExitStatus(result, true), 2);
    assert.deepEqual(result.notices.filter((x) => x.level === 'error').map((x) => x.message), [`${file}：无法写入备份 ${file}.orig（磁盘空间不足），报告未写入（原文件未动）`]);
    assert.equal(result.files[0]!.written, false);
    assert.ok(fs.readFileSync(file).equals(original));
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['报告.txt']);
  });

  it('the report cannot be written after its backup (read-only): the backup just made is taken back; the report untouched, exit 2', () => {
    const file = report();
    fs.chmodSync(file, 0o444);
    const io = recorder();
    assert.equal(run(['fix', '--write', '--backup', file], io), 2);
    assert.ok(fs.readFileSync(file).equals(original));
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['报告.txt']);
    assert.match(io.err.join(''), /文件为只读，未写入（原文件未动）\n/u);
  });

  it('a file changed on disk since it was read: not written, the backup taken back', () => {
    const file = report();
    const result = fixReports([file], { messages: zhCN, maxSize: 1 << 20, write: true, backup: true, beforeWrite: (p) => { fs.appendFileSync(p, Buffer.from(encodeLike('补充一行\n', 'gb18030'))); } });
    assert.equal(fixExitStatus(result, true), 2);
    assert.ok(fs.readFileSync(file).equals(Buffer.concat([original, Buffer.from(encodeLike('补充一行\n', 'gb18030'))])));
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['报告.txt']);
  });
});
