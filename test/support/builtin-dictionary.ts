// The built-in dictionary for tests: read from dictionaries/ with the same loader the command
// line uses for project dictionaries. A problem in any entry fails loudly here.
import { fileURLToPath } from 'node:url';
import { loadEntries } from '../../server/src/node/dictionary.js';
import { formatProblem, type DictionaryData } from '../../server/src/engine/index.js';

export const dictionaryRoot = fileURLToPath(new URL('../../dictionaries', import.meta.url));
export const loaded = loadEntries([dictionaryRoot]);

const data: DictionaryData = {
  entries: loaded.entries.map((e) => e.entry),
  names: loaded.names,
};

export function builtinProblems(): string[] {
  return loaded.problems.map(formatProblem);
}

export default data;
