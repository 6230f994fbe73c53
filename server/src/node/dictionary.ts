/**
 * Reads dictionaries from disk (entry files, proper names) for the command line and the
 * language server. Nothing read is ever run: JSON data only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { crossCheck, parseEntry, parseNames, pushAll, type LoadedEntry, type Problem } from '../engine/index.js';
import type { ProperName } from '../engine/index.js';

export interface LoadedDictionary {
  entries: LoadedEntry[];
  names: ProperName[];
  problems: Problem[];
  files: number;
}

const MAX_FILES = 20_000;
const MAX_DEPTH = 12;

/** List *.json files under a path (a file or a folder), sorted, skipping schemas; follows no symlinked folders. */
export function listJsonFiles(path: string): string[] {
  const out: string[] = [];
  const walk = (p: string, depth: number) => {
    if (out.length >= MAX_FILES || depth > MAX_DEPTH) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const child = join(p, name);
        let cst;
        try {
          cst = statSync(child);
        } catch {
          continue;
        }
        if (cst.isDirectory()) walk(child, depth + 1);
        else if (name.endsWith('.json') && !name.endsWith('.schema.json') && cst.isFile()) out.push(child);
      }
    } else if (st.isFile()) out.push(p);
  };
  walk(path, 0);
  return out;
}

const CATEGORY_FOLDERS = new Set(['nhs-jargon', 'care-services', 'medical', 'co-production', 'government-jargon', 'wordy-phrase', 'respectful-language', 'acronym']);

/** Load entry files from paths (files or folders). Problems name file, line and field. */
export function loadEntries(paths: string[], cwd = process.cwd()): LoadedDictionary {
  const entries: LoadedEntry[] = [];
  const names: ProperName[] = [];
  const problems: Problem[] = [];
  let files = 0;
  for (const p of paths) {
    let list: string[];
    try {
      list = listJsonFiles(p);
    } catch (e) {
      problems.push({ file: rel(p, cwd), line: 1, column: 1, message: `cannot be read: ${(e as Error).message}` });
      continue;
    }
    for (const file of list) {
      files++;
      const shown = rel(file, cwd);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        problems.push({ file: shown, line: 1, column: 1, message: `cannot be read: ${(e as Error).message}` });
        continue;
      }
      if (basename(file) === 'proper-names.json' || basename(file).endsWith('.names.json')) {
        const r = parseNames(text, shown);
        pushAll(names, r.names);
        pushAll(problems, r.problems);
        continue;
      }
      const folder = basename(dirname(file));
      const r = parseEntry(text, shown, {
        id: basename(file, '.json'),
        category: CATEGORY_FOLDERS.has(folder) ? folder : undefined,
      });
      if (r.entry) entries.push(r.entry);
      pushAll(problems, r.problems);
    }
  }
  pushAll(problems, crossCheck(entries));
  return { entries, names, problems, files };
}

function rel(p: string, cwd: string): string {
  const r = relative(cwd, p);
  return r && !r.startsWith('..') ? r : p;
}
