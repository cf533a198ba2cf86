/**
 * The workspace check and workspace symbols read only the workspace: a link out of the folder (to a
 * folder or a file) is not followed, a link inside it is read once, a FIFO named .txt is skipped
 * without blocking, and so is a device (a link to /dev/zero, and a character device made in the folder
 * where mknod is allowed: root). The CLI, given a folder on its command line, still follows every
 * link, and still skips what is not a regular file.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { discover } from '../../server/src/cli/files';
import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult } from '../../server/src/lsp/protocol';
import { NavClient } from '../nav/lspClient';
import { sample } from '../support/paths';

describe('the workspace stays inside its folder', () => {
  let base: string;
  let ws: string;
  let deviceMade = false;
  const names = (paths: readonly { path: string }[]): string[] => paths.map((c) => path.relative(ws, c.path)).sort();

  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-confined-'));
    ws = path.join(base, 'ws');
    const outside = path.join(base, 'outside');
    fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(ws, 'a.txt'), sample('000').text);
    fs.writeFileSync(path.join(ws, 'sub', 'b.txt'), sample('001').text);
    fs.writeFileSync(path.join(outside, 'secret.txt'), sample('002').text);
    fs.symlinkSync(outside, path.join(ws, 'out-dir'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'out-file.txt'));
    fs.symlinkSync(path.join(ws, 'sub'), path.join(ws, 'in-dir'));
    execFileSync('mkfifo', [path.join(ws, 'pipe.txt')]);
    // Endless when read: a link to /dev/zero, and (root only) /dev/zero's own device node inside the folder.
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero.txt'));
    try {
      execFileSync('mknod', [path.join(ws, 'device.txt'), 'c', '1', '5'], { stdio: 'ignore' });
      deviceMade = true;
    } catch {
      deviceMade = false;
    }
  });
  after(() => { fs.rmSync(base, { recursive: true, force: true }); });

  it('discover, confined: no link out; the inside link read once (by its real folder); no FIFO', () => {
    const found = names(discover([ws], { confined: true }).candidates);
    assert.ok(found.length === 2 && found[0] === 'a.txt' && ['in-dir/b.txt', 'sub/b.txt'].includes(found[1]!), JSON.stringify(found));
  });

  it('discover for the CLI: every link followed (the user named the folder), the FIFO and the devices still skipped', (t) => {
    const found = names(discover([ws]).candidates);
    assert.equal(found.filter((f) => f.startsWith('out-')).length, 2, JSON.stringify(found));
    assert.ok(!found.includes('pipe.txt') && !found.includes('zero.txt') && !found.includes('device.txt'), JSON.stringify(found));
    // a.txt, sub/b.txt (its folder once, however reached), out-file.txt, out-dir/secret.txt: nothing else.
    assert.deepEqual(found.map((f) => f.replace(/^in-dir\//u, 'sub/')).sort(), ['a.txt', 'out-dir/secret.txt', 'out-file.txt', 'sub/b.txt']);
    if (!deviceMade) t.diagnostic('mknod not permitted here (not root): the device node case was not made; the /dev/zero link was');
  });

  it('the device made in the folder is one (so that the cases above are what they say)', (t) => {
    assert.ok(fs.statSync(path.join(ws, 'zero.txt')).isCharacterDevice());
    if (deviceMade) assert.ok(fs.lstatSync(path.join(ws, 'device.txt')).isCharacterDevice());
    else t.diagnostic('mknod not permitted here: no device node');
  });

  it('govreport/checkWorkspace checks the two reports inside and answers (no FIFO read)', async () => {
    const { client } = await NavClient.start([{ uri: pathToFileURL(ws).href, name: 'ws' }]);
    try {
      const result = await client.connection.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
      assert.equal(result.files, 2);
      assert.equal(result.unreadable, 0);
    } finally {
      await client.stop();
    }
  });
});
