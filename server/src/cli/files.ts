/**
 * Which files to check: files, folders (recursively) and globs. Markdown and plain text by
 * extension. Every file that cannot be read or decoded is an error that names it.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { DocumentFormat } from '../engine/index.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mdx'];
export const TEXT_EXTENSIONS = ['.txt', '.text'];

export function formatOf(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  if (MARKDOWN_EXTENSIONS.some((e) => lower.endsWith(e))) return 'markdown';
  if (TEXT_EXTENSIONS.some((e) => lower.endsWith(e))) return 'text';
  return undefined;
}

export interface FileError {
  path: string;
  message: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

/** Expand arguments to a sorted, de-duplicated list of files. */
export function collectFiles(args: string[], cwd: string): { files: string[]; errors: FileError[] } {
  const files = new Set<string>();
  const errors: FileError[] = [];
  const walk = (dir: string, seen: Set<string>, accept: (rel: string) => boolean) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      errors.push({ path: relative(cwd, dir) || dir, message: (e as Error).message });
      return;
    }
    if (seen.has(real)) {
      errors.push({ path: relative(cwd, dir) || dir, message: 'folder loop through a symbolic link' });
      return;
    }
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push({ path: relative(cwd, dir) || dir, message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    for (const name of names) {
      if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch (e) {
        errors.push({ path: relative(cwd, full), message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        continue;
      }
      if (st.isDirectory()) walk(full, new Set(seen), accept);
      else if (st.isFile() && formatOf(name) && accept(relative(cwd, full).split(sep).join('/'))) files.add(full);
    }
  };
  for (const arg of args) {
    if (isGlob(arg)) {
      const matcher = picomatch(arg.replace(/^\.\//, ''), { dot: false });
      const scan = picomatch.scan(arg);
      const base = resolve(cwd, scan.base || '.');
      const before = files.size;
      walk(base, new Set(), (rel) => matcher(rel));
      if (files.size === before) errors.push({ path: arg, message: 'no files match this pattern' });
      continue;
    }
    const full = resolve(cwd, arg);
    let st;
    try {
      st = statSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      errors.push({ path: arg, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code ?? (e as Error).message}` });
      continue;
    }
    if (st.isDirectory()) walk(full, new Set(), () => true);
    else if (st.isFile()) files.add(full);
    else errors.push({ path: arg, message: 'is not a regular file (a FIFO, socket or device cannot be checked)' });
  }
  return { files: [...files].sort(), errors };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read a file as UTF-8 text, refusing binary files and invalid UTF-8. */
export function readText(path: string): { text?: string; error?: string } {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { error: 'is not a regular file (a FIFO, socket or device cannot be checked)' };
    bytes = readFileSync(path);
  } catch (e) {
    return { error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if (bytes.includes(0)) return { error: 'looks like a binary file (it contains NUL bytes)' };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { error: `is not valid UTF-8 (first bad byte at offset ${at})` };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || bytes[i + k] >> 6 !== 2) return i;
    i += len;
  }
  return i;
}
