/**
 * Which files to check: files, folders (recursively) and globs, markdown and plain text by
 * extension. Folder walks honour `.gitignore` files (nested ones too, as git does, from the
 * repository root down) and `.plainwordsignore` files (same syntax). Every file or folder that
 * cannot be read or decoded is an error that names it: nothing is skipped silently.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { DocumentFormat } from '../engine/index.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mdx'];
export const TEXT_EXTENSIONS = ['.txt', '.text'];
export const IGNORE_FILES = ['.gitignore', '.plainwordsignore'];
/** Larger files are refused with an error rather than checked slowly or cut off. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function formatOf(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  if (MARKDOWN_EXTENSIONS.some((e) => lower.endsWith(e))) return 'markdown';
  if (TEXT_EXTENSIONS.some((e) => lower.endsWith(e))) return 'text';
  return undefined;
}

export interface FileError {
  /** The path as the user sees it (relative to the working folder when inside it). */
  path: string;
  message: string;
}

export interface Collected {
  /** Absolute paths, sorted, each real file once. */
  files: string[];
  errors: FileError[];
  /** Files named on the command line that an ignore file excludes (reported as a notice). */
  ignored: Array<{ path: string; by: string }>;
}

/** Folders never walked into (named explicitly they are still checked). */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

function isGlob(p: string): boolean {
  return /[*?[\]{}]/.test(p);
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** A path for messages: relative to cwd when inside it, else as given. */
export function displayPath(p: string, cwd: string): string {
  const r = relative(cwd, p);
  if (r === '') return '.';
  return toPosix(!r.startsWith('..') && !isAbsolute(r) ? r : p);
}

function errnoMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENAMETOOLONG') return 'path too long';
  return code ?? (e as Error).message;
}

/** Ignore rules read from one folder's .gitignore and .plainwordsignore. */
interface IgnoreLevel {
  dir: string;
  /** .gitignore first, then .plainwordsignore (whose rules come later, so they can override). */
  files: Array<{ ig: Ignore; source: string }>;
}

/**
 * Ignore files from a root folder down, read once per folder. Like git: for a path, every
 * level from the root down is asked in turn; the deepest level with a matching rule decides,
 * and a negated rule (`!keep.md`) re-includes.
 */
class IgnoreRules {
  private cache = new Map<string, IgnoreLevel | null>();
  constructor(private errors: FileError[], private cwd: string) {}

  level(dir: string): IgnoreLevel | null {
    let l = this.cache.get(dir);
    if (l !== undefined) return l;
    l = null;
    for (const name of IGNORE_FILES) {
      const file = join(dir, name);
      let text: string;
      try {
        if (!existsSync(file)) continue;
        text = readFileSync(file, 'utf8');
      } catch (e) {
        this.errors.push({ path: displayPath(file, this.cwd), message: `cannot read this ignore file: ${errnoMessage(e)}` });
        continue;
      }
      l ??= { dir, files: [] };
      l.files.push({ ig: ignore().add(text), source: displayPath(file, this.cwd) });
    }
    this.cache.set(dir, l);
    return l;
  }

  /** Whether `path` is ignored under these levels (root first); returns the deciding file. */
  static decide(levels: IgnoreLevel[], path: string, isDir: boolean): string | undefined {
    let by: string | undefined;
    for (const lvl of levels) {
      const rel = toPosix(relative(lvl.dir, path));
      if (!rel || rel.startsWith('..')) continue;
      for (const f of lvl.files) {
        const r = f.ig.test(isDir ? rel + '/' : rel);
        if (r.ignored) by = f.source;
        else if (r.unignored) by = undefined;
      }
    }
    return by;
  }

  /** The levels that apply inside `dir`: from the top folder down to `dir` itself. */
  chain(top: string, dir: string): IgnoreLevel[] {
    const dirs: string[] = [];
    let d = dir;
    for (;;) {
      dirs.push(d);
      if (d === top) break;
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
    return dirs
      .reverse()
      .map((x) => this.level(x))
      .filter((x): x is IgnoreLevel => x !== null);
  }
}

/**
 * Where ignore files start to apply for a path: the root of its git repository, else the
 * working folder when the path is inside it, else the path itself.
 */
export function ignoreRoot(start: string, cwd: string): string {
  let d = start;
  for (;;) {
    if (existsSync(join(d, '.git'))) return d;
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  const r = relative(cwd, start);
  return !r.startsWith('..') && !isAbsolute(r) ? cwd : start;
}

/** Expand arguments to a sorted, de-duplicated list of files. */
export function collectFiles(args: string[], cwd: string): Collected {
  const files = new Map<string, string>(); // real path -> path as found
  const errors: FileError[] = [];
  const ignored: Collected['ignored'] = [];
  const rules = new IgnoreRules(errors, cwd);
  const add = (full: string) => {
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      real = full;
    }
    if (!files.has(real)) files.set(real, full);
  };

  const walk = (dir: string, ancestors: Set<string>, levels: IgnoreLevel[], accept: (full: string) => boolean) => {
    const shown = displayPath(dir, cwd);
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      errors.push({ path: shown, message: `cannot read this folder: ${errnoMessage(e)}` });
      return;
    }
    if (ancestors.has(real)) {
      errors.push({ path: shown, message: `folder loop through a symbolic link (it leads back to ${displayPath(real, cwd)})` });
      return;
    }
    const inside = new Set(ancestors).add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push({ path: shown, message: `cannot read this folder: ${errnoMessage(e)}` });
      return;
    }
    const own = rules.level(dir);
    const here = own ? [...levels, own] : levels;
    for (const name of names) {
      if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
      const full = join(dir, name);
      let st: Stats;
      try {
        st = statSync(full);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // A dangling link to something we would check is an error; to anything else, nothing to check.
        if (code === 'ENOENT') {
          if (formatOf(name)) errors.push({ path: displayPath(full, cwd), message: 'broken symbolic link (its target does not exist)' });
        } else errors.push({ path: displayPath(full, cwd), message: `cannot read: ${errnoMessage(e)}` });
        continue;
      }
      if (st.isDirectory()) {
        if (!IgnoreRules.decide(here, full, true)) walk(full, inside, here, accept);
      } else if (formatOf(name)) {
        if (IgnoreRules.decide(here, full, false) || !accept(full)) continue;
        if (st.isFile()) add(full);
        else errors.push({ path: displayPath(full, cwd), message: 'is not a regular file (a FIFO, socket or device cannot be checked)' });
      }
    }
  };

  /** Ignore levels that apply above a folder (the folder's own level is added by the walk). */
  const levelsAbove = (dir: string) => {
    const top = ignoreRoot(dir, cwd);
    return dir === top ? [] : rules.chain(top, dirname(dir));
  };

  for (const arg of args) {
    if (isGlob(arg)) {
      const scan = picomatch.scan(toPosix(arg).replace(/^\.\//, ''));
      const base = resolve(cwd, scan.base || '.');
      const matcher = picomatch(scan.glob, { dot: false });
      const before = files.size;
      const errorsBefore = errors.length;
      if (existsSync(base)) walk(base, new Set(), levelsAbove(base), (full) => matcher(toPosix(relative(base, full))));
      if (files.size === before && errors.length === errorsBefore) errors.push({ path: arg, message: 'no files match this pattern' });
      continue;
    }
    const full = resolve(cwd, arg);
    let st: Stats;
    try {
      st = statSync(full);
    } catch (e) {
      errors.push({ path: arg, message: errnoMessage(e) });
      continue;
    }
    if (st.isDirectory()) {
      walk(full, new Set(), levelsAbove(full), () => true);
    } else if (st.isFile()) {
      // A file named explicitly is still subject to ignore files (pre-commit passes every
      // changed file), with a notice so that it is never skipped silently.
      const top = ignoreRoot(dirname(full), cwd);
      const by = explicitIgnore(rules, top, full);
      if (by) ignored.push({ path: displayPath(full, cwd), by });
      else add(full);
    } else errors.push({ path: arg, message: 'is not a regular file (a FIFO, socket or device cannot be checked)' });
  }
  const list = [...files.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // A path reached twice (named and walked) is reported once.
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.path}\u0000${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: list, errors: unique, ignored };
}

/** The ignore file that excludes a named file (or one of its folders), if any. */
function explicitIgnore(rules: IgnoreRules, top: string, file: string): string | undefined {
  const dirs: string[] = [];
  for (let d = dirname(file); ; d = dirname(d)) {
    if (d === top) break;
    dirs.push(d);
    if (dirname(d) === d) break;
  }
  dirs.reverse();
  for (const d of dirs) {
    const by = IgnoreRules.decide(rules.chain(top, dirname(d)), d, true);
    if (by) return by;
  }
  return IgnoreRules.decide(rules.chain(top, dirname(file)), file, false);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface ReadResult {
  /** The text without a byte order mark. */
  text?: string;
  /** Whether the file starts with a UTF-8 byte order mark (kept when fixing). */
  bom?: boolean;
  error?: string;
}

/** Read a file as UTF-8 text, refusing binary files, UTF-16 and invalid UTF-8. */
export function readText(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { error: 'is not a regular file (a FIFO, socket or device cannot be checked)' };
    if (st.size > MAX_FILE_BYTES) return { error: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: not checked` };
    bytes = readFileSync(path);
  } catch (e) {
    return { error: `cannot read: ${errnoMessage(e)}` };
  }
  return decodeText(bytes);
}

/** Decode bytes read from a file or standard input. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'is UTF-16 encoded: save it as UTF-8 to check it' };
  }
  if (bytes.includes(0)) return { error: 'looks like a binary file (it contains NUL bytes)' };
  try {
    // TextDecoder drops a leading BOM, so that columns on line 1 are right.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { text: decoder.decode(bytes), bom };
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
    if (len === 0 || (len === 2 && b < 0xc2)) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || bytes[i + k] >> 6 !== 2) return i;
    const b1 = bytes[i + 1];
    // Overlong 3- and 4-byte forms, UTF-16 surrogates encoded as UTF-8 (CESU-8), beyond U+10FFFF.
    if (len === 3 && ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 >= 0xa0))) return i;
    if (len === 4 && ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90) || b > 0xf4)) return i;
    i += len;
  }
  return i;
}
