/**
 * Atomic writes for --fix and --output: a temporary file in the same folder, then a rename, so
 * that a reader never sees half a file and a crash never leaves one. The file's mode (and,
 * when we may, its owner) is kept; a symbolic link is kept and its target is written.
 */
import { accessSync, constants, chmodSync, chownSync, closeSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

function code(e: unknown): string {
  const c = (e as NodeJS.ErrnoException).code;
  if (c === 'EACCES' || c === 'EPERM') return 'permission denied';
  if (c === 'EROFS') return 'read-only file system';
  if (c === 'ENOSPC') return 'no space left on the device';
  return c ?? (e as Error).message;
}

/**
 * Replace a file's content atomically. Returns an error message, or undefined on success.
 * `mustExist`: refuse to create the file (fixing) and refuse read-only files.
 */
export function writeAtomic(path: string, content: string, mustExist = true, expected?: string): string | undefined {
  let target = path;
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    target = realpathSync(path);
    const st = statSync(target);
    if (!st.isFile()) return 'is not a regular file: not written';
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
    if (mustExist) {
      if ((st.mode & 0o222) === 0) return 'is read-only: not fixed';
      accessSync(target, constants.W_OK);
    }
  } catch (e) {
    if (mustExist || (e as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot write: ${code(e)}`;
  }
  const tmp = join(dirname(target), `.${basename(target)}.plainwords-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o666);
    writeSync(fd, content, null, 'utf8');
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (mode !== undefined) chmodSync(tmp, mode);
    if (owner && typeof process.getuid === 'function' && process.getuid() === 0) {
      try {
        chownSync(tmp, owner.uid, owner.gid);
      } catch {
        // Keeping the owner is best effort.
      }
    }
    // A fix is for the text that was read: if the file changed since (an editor saved it), the
    // fix is stale and is not written (docs/robustness.md).
    if (expected !== undefined && readFileSync(target, 'utf8') !== expected) {
      unlinkSync(tmp);
      return 'changed while it was being fixed: not written (run again)';
    }
    renameSync(tmp, target);
    return undefined;
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    return `cannot write: ${code(e)}`;
  }
}

/**
 * Remove the temporary files this process left in these folders (a run interrupted while a
 * worker was writing). Returns how many there were.
 */
export function removeTempFiles(folders: Iterable<string>): number {
  const mine = new RegExp(`^\\..+\\.plainwords-${process.pid}-[0-9a-f]{8}\\.tmp$`);
  let removed = 0;
  for (const dir of new Set(folders)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!mine.test(name)) continue;
      try {
        unlinkSync(join(dir, name));
        removed++;
      } catch {
        // gone already
      }
    }
  }
  return removed;
}

/**
 * Where the report goes: standard output, or a file written atomically (a temporary file beside
 * it, renamed at the end, so that a failed run never leaves half a report).
 */
export class ReportSink {
  private fd?: number;
  private tmp?: string;
  private target?: string;
  /** Set when standard output is a closed pipe (`| head`): the rest is dropped quietly. */
  private closed = false;
  error?: string;

  constructor(path?: string) {
    if (path === undefined) {
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') this.closed = true;
        else this.error ??= `cannot write the report: ${e.message}`;
      });
      return;
    }
    this.target = path;
    try {
      const st = statSync(path, { throwIfNoEntry: false });
      if (st && !st.isFile()) {
        // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written as it is, never replaced.
        if (st.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
        this.fd = openSync(path, 'w');
        return;
      }
      this.tmp = join(dirname(path), `.${basename(path)}.plainwords-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      this.fd = openSync(this.tmp, 'wx', 0o666);
    } catch (e) {
      this.error = (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder' : `cannot write: ${code(e)}`;
    }
  }

  /** Text, or UTF-8 bytes (a worker's report part). */
  write(s: string | Uint8Array): void {
    if (!s.length || this.error || this.closed) return;
    if (this.fd !== undefined) {
      try {
        // One path for both: a write to a pipe or device may take only part of the bytes.
        const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
        for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
      } catch (e) {
        this.error = `cannot write: ${code(e)}`;
      }
    } else if (this.target === undefined) process.stdout.write(s);
  }

  /** Finish the report; returns an error message, or undefined. */
  async close(): Promise<string | undefined> {
    if (this.target === undefined) {
      // Wait until standard output has taken everything (a pipe may be slow).
      if (!this.closed && !this.error) await new Promise<void>((done) => process.stdout.write('', () => done()));
      return this.error;
    }
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
        if (!this.error && this.tmp) renameSync(this.tmp, this.target);
      } catch (e) {
        this.error ??= `cannot write: ${code(e)}`;
      }
      this.fd = undefined;
    }
    if (this.error && this.tmp) {
      try {
        unlinkSync(this.tmp);
      } catch {
        // nothing to clean up
      }
    }
    return this.error;
  }
}
