/**
 * Audience by file pattern (config `audiences`: { "docs/staff/**": "staff" }). The engine has
 * no file system: callers pass the document's path relative to the config file's folder, and
 * the patterns are matched here with a small glob matcher that runs in time proportional to
 * pattern length × path length (no backtracking blow-up, whatever the pattern).
 *
 * Patterns: `*` any characters but `/`; `**` any folders (zero or more); `?` one character but
 * `/`; `{a,b}` either; `[abc]`/`[a-z]`/`[!a]` one character of a set. A pattern without `/`
 * matches the file name in any folder (as in .gitignore); a pattern ending in `/` matches
 * everything under that folder. Matching is case-sensitive; `\` in paths (not patterns) is read as `/`.
 */
import type { Audience } from '../types.js';

type Atom =
  | { kind: 'char'; ch: string }
  | { kind: 'any' } // ? (not /)
  | { kind: 'star' } // * (not /)
  | { kind: 'globstar' } // **/ : zero or more whole folders
  | { kind: 'set'; negate: boolean; ranges: Array<[string, string]> };

const MAX_ALTERNATIVES = 64;

/** Expand {a,b} groups (nested allowed), bounded. */
function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const parts: string[] = [];
  let from = open + 1;
  for (const c of [...commas, close]) {
    parts.push(pattern.slice(from, c));
    from = c + 1;
  }
  const head = pattern.slice(0, open);
  const tails = expandBraces(pattern.slice(close + 1));
  const out: string[] = [];
  for (const p of parts) {
    for (const inner of expandBraces(p)) {
      for (const tail of tails) {
        out.push(head + inner + tail);
        if (out.length >= MAX_ALTERNATIVES) return out;
      }
    }
  }
  return out;
}

function compile(pattern: string): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        let j = i;
        while (pattern[j] === '*') j++;
        if (atStart && (j === pattern.length || pattern[j] === '/')) {
          if (j === pattern.length) {
            // Trailing **: everything below.
            atoms.push({ kind: 'globstar' }, { kind: 'star' });
          } else atoms.push({ kind: 'globstar' });
          i = j + 1;
          continue;
        }
        i = j;
        atoms.push({ kind: 'star' });
        continue;
      }
      atoms.push({ kind: 'star' });
      i++;
    } else if (c === '?') {
      atoms.push({ kind: 'any' });
      i++;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        atoms.push({ kind: 'char', ch: c });
        i++;
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      atoms.push({ kind: 'set', negate, ranges });
      i = end + 1;
    } else if (c === '\\' && i + 1 < pattern.length) {
      atoms.push({ kind: 'char', ch: pattern[i + 1] });
      i += 2;
    } else {
      atoms.push({ kind: 'char', ch: c });
      i++;
    }
  }
  return atoms;
}

/**
 * Simulate the pattern as an automaton: the set of atom positions reachable after each path
 * character. Each step is linear in the pattern length.
 */
function run(atoms: Atom[], path: string): boolean {
  const n = atoms.length;
  let states = new Uint8Array(n + 1);
  // Folder start positions inside a globstar: a globstar at atom k may consume "dir/" repeatedly.
  const close = (s: Uint8Array, atFolderStart: boolean) => {
    for (let k = 0; k < n; k++) {
      if (!s[k]) continue;
      const a = atoms[k];
      if (a.kind === 'star') s[k + 1] = 1;
      else if (a.kind === 'globstar' && atFolderStart) s[k + 1] = 1;
    }
  };
  states[0] = 1;
  close(states, true);
  for (let p = 0; p < path.length; p++) {
    const ch = path[p];
    const next = new Uint8Array(n + 1);
    for (let k = 0; k < n; k++) {
      if (!states[k]) continue;
      const a = atoms[k];
      switch (a.kind) {
        case 'char':
          if (a.ch === ch) next[k + 1] = 1;
          break;
        case 'any':
          if (ch !== '/') next[k + 1] = 1;
          break;
        case 'star':
          if (ch !== '/') next[k] = 1;
          break;
        case 'globstar':
          // Inside folders: stay; after each "/" the pattern may go on (see close).
          next[k] = 1;
          break;
        case 'set': {
          if (ch === '/') break;
          let inSet = false;
          for (const [lo, hi] of a.ranges) if (ch >= lo && ch <= hi) inSet = true;
          if (inSet !== a.negate) next[k + 1] = 1;
          break;
        }
      }
    }
    states = next;
    close(states, ch === '/');
  }
  return states[n] === 1;
}

const compiled = new Map<string, Atom[][]>();

function normalisePattern(pattern: string): string {
  let p = pattern.trim();
  if (p.startsWith('./')) p = p.slice(2);
  if (p.startsWith('/')) p = p.slice(1);
  if (p.endsWith('/')) p += '**';
  // No slash: the name in any folder.
  if (!p.includes('/')) p = '**/' + p;
  return p;
}

function normalisePath(path: string): string {
  let p = path.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p.startsWith('/')) p = p.slice(1);
  return p;
}

/** Does a path (relative, with / or \ separators) match a glob pattern? */
export function matchGlob(pattern: string, path: string): boolean {
  if (pattern.length > 1000) return false;
  let alts = compiled.get(pattern);
  if (!alts) {
    alts = expandBraces(normalisePattern(pattern)).map(compile);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, alts);
  }
  const p = normalisePath(path);
  return alts.some((atoms) => run(atoms, p));
}

/** The audience for a path under config `audiences`: the first pattern that matches. */
export function audienceForPath(path: string | undefined, audiences: Record<string, Audience> | undefined): Audience | undefined {
  if (!path || !audiences) return undefined;
  for (const [pattern, audience] of Object.entries(audiences)) {
    if ((audience === 'public' || audience === 'staff') && matchGlob(pattern, path)) return audience;
  }
  return undefined;
}
