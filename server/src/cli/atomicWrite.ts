/**
 * Writing a file so that it is never lost: the new bytes go to a temporary file in the same folder,
 * are flushed to the disk, and replace the original by one rename. A full disk, a kill or a power cut
 * at any moment leaves either the old file or the new one, whole — never a truncated one. The
 * original's mode (and owner, where we may set it) is kept; a symbolic link is written through to its
 * target and stays a link. A file that changed on disk since it was read is not written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a file was when it was read: to tell, before writing, that nobody changed it since. */
export interface FileSnapshot {
  readonly size: number;
  readonly mtimeMs: number;
  /** The bytes read. */
  readonly bytes: Uint8Array;
}

export type WriteFailure =
  /** The file changed on disk since it was read (size, time or content). */
  | 'changed'
  /** The file is marked read-only (no write permission bit for anyone). */
  | 'read-only'
  /** The path is not a regular file (a folder, FIFO, device, socket). */
  | 'not-regular'
  /** The operating system refused: no space, no permission, a read-only file system… (`code` says which). */
  | 'failed';

export type WriteOutcome = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: WriteFailure; readonly code: string; readonly detail: string };

export function snapshotOf(file: string, bytes: Uint8Array): FileSnapshot {
  const stat = fs.statSync(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs, bytes };
}

/** The file a path names once its symbolic links are followed (the path itself when it does not exist yet). */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    // A new file (or a dangling link): write where the link points, else the path itself.
    try {
      const link = fs.readlinkSync(file);
      return path.resolve(path.dirname(file), link);
    } catch {
      return path.resolve(file);
    }
  }
}

function failure(reason: WriteFailure, error: unknown): WriteOutcome {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : '';
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, reason, code, detail };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

let counter = 0;

/**
 * Writes `data` to `file` atomically. With `expect`, the file must still be what was read (else
 * 'changed', nothing written). Never throws.
 */
export interface WriteOptions {
  /** The file must still be what was read: else 'changed', and nothing is written. */
  readonly expect?: FileSnapshot;
  /**
   * Writes to the temporary file (fs.writeSync by default). A seam for tests that emulate a fault the
   * machine cannot produce (ENOSPC where no small file system can be mounted).
   */
  readonly writeSync?: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  /**
   * For a new file: the mode (and, where we may set it, the owner) it gets instead of what the umask
   * would give — a backup is as private as the report it keeps. An existing file keeps its own.
   */
  readonly like?: { readonly mode: number; readonly uid: number; readonly gid: number };
}

export function writeFileAtomic(file: string, data: Uint8Array | Iterable<Uint8Array>, options: WriteOptions = {}): WriteOutcome {
  const writeSync = options.writeSync ?? ((fd: number, bytes: Uint8Array, offset: number, length: number) => fs.writeSync(fd, bytes, offset, length));
  const target = realTarget(file);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return failure('failed', error);
    if (options.expect) return failure('changed', Object.assign(new Error(`${file} no longer exists`), { code: 'ENOENT' }));
  }
  if (stat && !stat.isFile()) return failure('not-regular', Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' }));
  if (stat && (stat.mode & 0o222) === 0) return failure('read-only', Object.assign(new Error(`${file} is read-only`), { code: 'EACCES' }));
  if (options.expect && stat) {
    const expect = options.expect;
    let unchanged = stat.size === expect.size && stat.mtimeMs === expect.mtimeMs;
    if (unchanged) {
      try {
        unchanged = sameBytes(fs.readFileSync(target), expect.bytes);
      } catch (error) {
        return failure('failed', error);
      }
    }
    if (!unchanged) return failure('changed', Object.assign(new Error(`${file} changed on disk since it was read`), { code: 'ECHANGED' }));
  }

  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${(counter++).toString(36)}.tmp`);
  const owner = stat ?? options.like ?? null;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to learn the umask: a new file gets the mode the shell would give it
  const mode = owner ? owner.mode & 0o7777 : 0o666 & ~process.umask();
  let fd = -1;
  try {
    fd = fs.openSync(temporary, 'wx', mode);
    // An output written as it is made (`check --output` streams) comes as chunks.
    for (const chunk of data instanceof Uint8Array ? [data] : data) {
      let written = 0;
      while (written < chunk.length) written += writeSync(fd, chunk, written, chunk.length - written);
    }
    fs.fchmodSync(fd, mode); // the umask may have taken bits the original had
    if (owner && typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        fs.fchownSync(fd, owner.uid, owner.gid);
      } catch {
        // keep our owner where the file system will not take another
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd >= 0) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      fs.unlinkSync(temporary);
    } catch {
      // nothing was created, or it is gone
    }
    return failure('failed', error);
  }
  // The rename is durable once the folder is flushed too (not every platform lets a folder be opened).
  try {
    const dirFd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch {
    // best effort
  }
  return { ok: true, path: target };
}
