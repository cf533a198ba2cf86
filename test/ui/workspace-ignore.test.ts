/**
 * The workspace check honours `.govreportignore` as `govreport check` run in the folder does: the
 * folder's file and those below it (gitignore syntax, `!` re-including), none above the folder.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { WorkspaceCheck } from '../../server/src/lsp/features/checkWorkspace';
import { PROJECT_ROOT, sample } from '../support/paths';

const token: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
const progress: WorkDoneProgressReporter = { begin: () => undefined, report: () => undefined, done: () => undefined };

describe('the workspace check honours .govreportignore', () => {
  let base: string;
  let ws: string;
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ignore-'));
    ws = path.join(base, 'ws');
    const write = (relative: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(ws, relative)), { recursive: true });
      fs.writeFileSync(path.join(ws, relative), text);
    };
    write('2024/区民政局.txt', sample('004').text);
    write('2024/区民政局.bak.txt', sample('004').text);
    write('drafts/草稿.txt', sample('000').text);
    write('2023/区民政局.txt', sample('003').text);
    write('2023/old.bak.txt', sample('003').text);
    write('.govreportignore', '# drafts and backups are not reviewed\ndrafts/\n*.bak.txt\n');
    write('2023/.govreportignore', '!old.bak.txt\n');
    // Above the folder: not the workspace's (it would ignore everything).
    fs.writeFileSync(path.join(base, '.govreportignore'), '*\n');
  });
  after(() => { fs.rmSync(base, { recursive: true, force: true }); });

  it('checks exactly the files the CLI checks in the folder: drafts/ and *.bak.txt left out, 2023/old.bak.txt brought back', async () => {
    const published: string[] = [];
    const check = new WorkspaceCheck({ isOpen: () => false, publish: (uri) => { published.push(uri); } });
    const result = await check.run([ws], token, progress);
    const expected = ['2023/old.bak.txt', '2023/区民政局.txt', '2024/区民政局.txt'];
    assert.equal(result.files, expected.length);
    assert.deepEqual([...new Set(published)].sort(), expected.map((f) => pathToFileURL(path.join(ws, f)).href).sort());
    // The CLI, run in the folder, checks the same files.
    const cli = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '.'], { cwd: ws, encoding: 'utf8', timeout: 60_000 });
    const files = (JSON.parse(cli.stdout) as { files: { path: string }[] }).files.map((f) => f.path.split(path.sep).join('/'));
    assert.deepEqual(files.sort(), expected);
  });
});
