/**
 * Finds, reads and layers project config (.plainwords.json) and project dictionaries for the
 * command line and the server.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { compileDictionary, parseConfig, type CompiledDictionary, type DictionaryData, type PlainwordsConfig, type Problem } from '../engine/index.js';
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
      problems.push(...r.problems);
      if (r.config) config = r.config;
    }
  }
  const data: DictionaryData = { entries: [...base.entries], names: [...(base.names ?? [])], allow: [...(config.allow ?? [])] };
  if (configFile && config.dictionaries?.length) {
    const root = dirname(resolve(configFile));
    const paths = config.dictionaries.map((d) => (isAbsolute(d) ? d : join(root, d)));
    const loaded = loadEntries(paths);
    problems.push(...loaded.problems);
    data.entries.push(...loaded.entries.map((e) => e.entry));
    data.names!.push(...loaded.names);
  }
  return { configFile, config, dictionary: compileDictionary(data), data, problems };
}
