/**
 * Full-disk faults for the write tests (atomic-write.test.ts, fix-write.test.ts): a real 64 KB tmpfs
 * filled up where mounting is allowed, and a write that finds the disk full after a few KB (the
 * emulation, run always, and instead of the real case — said loudly — where mounting is not allowed).
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { TestContext } from 'node:test';

export type WriteSync = (fd: number, data: Uint8Array, offset: number, length: number) => number;

/** Files a write left behind (`writeFileAtomic`'s temporary files). */
export const leftovers = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** A write that takes `bytes` and then finds the disk full, as a full file system answers. */
export function fullAfter(bytes: number): WriteSync {
  let budget = bytes;
  return (fd, data, offset, length) => {
    if (budget <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const n = fs.writeSync(fd, data, offset, Math.min(length, budget));
    budget -= n;
    return n;
  };
}

/** Fills what is left of the file system holding `folder` (a file `filler` in it). */
export function fillUp(folder: string): void {
  const fd = fs.openSync(`${folder}/filler`, 'w');
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(4096, 1));
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs a full-disk case on a real 64 KB tmpfs mounted at `mountPoint` (`real` is then true: the case
 * fills it itself); where no tmpfs can be mounted, says so in the test's diagnostics and on stderr and
 * runs the case with the disk full after `emulatedAfter` bytes instead (never passed silently).
 */
export function onFullDisk(t: TestContext, name: string, mountPoint: string, emulatedAfter: number, run: (folder: string, writeSync?: WriteSync) => void): void {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    const reason = (mounted.stderr || mounted.error?.message || `exit ${String(mounted.status)}`).trim();
    t.diagnostic(`REAL FULL-DISK CASE NOT RUN: cannot mount a tmpfs (${reason}); ENOSPC emulated instead`);
    process.stderr.write(`${name}: REAL FULL-DISK CASE NOT RUN: cannot mount a tmpfs (${reason}); ENOSPC emulated instead\n`);
    run(mountPoint, fullAfter(emulatedAfter));
    return;
  }
  try {
    run(mountPoint);
  } finally {
    execFileSync('umount', [mountPoint]);
  }
}
