/**
 * Finds, reads and layers project config (.plainwords.json) and project dictionaries for the
 * command line and the server.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { compileDictionary, parseConfig, parseJson, pushAll, type CompiledDictionary, type DictionaryData, type PlainwordsConfig, type Problem } from '../engine/index.js';
import { builtinDictionary } from './builtin.js';
import { loadEntries } from './dictionary.js';

export const CONFIG_NAME = '.plainwords.json';

/** The nearest .plainwords.json at or above a folder. */
export function findConfig(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface Project {
  configFile?: string;
  config: PlainwordsConfig;
  dictionary: CompiledDictionary;
  data: DictionaryData;
  problems: Problem[];
}

/** Read a config file and the dictionaries it names, layered over the built-in dictionary. */
export function loadProject(configFile: string | undefined, base: DictionaryData = builtinDictionary): Project {
  const problems: Problem[] = [];
  let config: PlainwordsConfig = {};
  if (configFile) {
    let text: string | undefined;
    try {
      if (statSync(configFile).size > 2_000_000) throw new Error('it is larger than 2 MB');
      text = readFileSync(configFile, 'utf8');
    } catch (e) {
      problems.push({ file: configFile, line: 1, column: 1, message: `cannot be read: ${(e as Error).message}` });
    }
    if (text !== undefined) {
      const r = parseConfig(text, configFile);
      pushAll(problems, r.problems);
      if (r.config) config = r.config;
    }
  }
  const data: DictionaryData = { entries: [...base.entries], names: [...(base.names ?? [])], allow: [...(config.allow ?? [])] };
  if (configFile && config.dictionaries?.length) {
    const root = dirname(resolve(configFile));
    const paths: string[] = [];
    config.dictionaries.forEach((d, i) => {
      const path = isAbsolute(d) ? resolve(d) : join(root, d);
      const outside = outsideFolder(root, path);
      if (outside) problems.push(outsideProblem(configFile, i, d, outside));
      else paths.push(path);
    });
    const loaded = loadEntries(paths);
    pushAll(problems, loaded.problems);
    pushAll(data.entries, loaded.entries.map((e) => e.entry));
    pushAll(data.names!, loaded.names);
  }
  // Compiled when first used: with workers checking the files, the main thread never needs it.
  let compiled: CompiledDictionary | undefined;
  return {
    configFile,
    config,
    get dictionary() {
      return (compiled ??= compileDictionary(data));
    },
    data,
    problems,
  };
}

/**
 * Project dictionaries must be inside the folder of the config file that names them (after
 * following symbolic links), so that a project cannot make Plain Words read files elsewhere on
 * the machine ("../../etc", "/home/someone/.ssh"). Returns why a path is refused, if it is.
 */
export function outsideFolder(root: string, path: string): string | undefined {
  const inside = (base: string, p: string) => {
    const r = relative(base, p);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  if (!inside(root, path)) return 'it is outside the folder of the config file';
  try {
    if (!inside(realpathSync(root), realpathSync(path))) return 'it leads outside the folder of the config file through a symbolic link';
  } catch {
    // Missing: reading it reports that.
  }
  return undefined;
}

function outsideProblem(configFile: string, index: number, value: string, why: string): Problem {
  let at = { line: 1, column: 1 };
  try {
    at = parseJson(readFileSync(configFile, 'utf8'), configFile, { comments: true }).locate(['dictionaries', index]);
  } catch {
    // The line is a courtesy.
  }
  return { file: configFile, ...at, field: `dictionaries[${index}]`, message: `dictionaries[${index}] "${value}" is not read: ${why}; project dictionaries must be inside ${dirname(resolve(configFile))}` };
}
