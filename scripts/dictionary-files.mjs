// Reads the built-in dictionary's files as plain data (no validation beyond JSON, id and folder):
// shared by esbuild.mjs (which inlines it) and the docs generator. Full validation with file,
// line and field is the test suite's and `plainwords dictionary check`'s job.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function readBuiltinDictionary(root = 'dictionaries') {
  const entries = [];
  const errors = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) {
        try {
          const entry = JSON.parse(readFileSync(full, 'utf8'));
          if (entry.id !== basename(name, '.json')) errors.push(`${full}: id "${entry.id}" does not match the file name`);
          else if (entry.category !== basename(dirname(full))) errors.push(`${full}: category "${entry.category}" does not match the folder`);
          else {
            delete entry.$schema;
            entries.push(entry);
          }
        } catch (e) {
          errors.push(`${full}: ${e.message}`);
        }
      }
    }
  };
  walk(join(root, 'entries'));
  const namesFile = join(root, 'proper-names.json');
  const names = existsSync(namesFile) ? JSON.parse(readFileSync(namesFile, 'utf8')).names : [];
  return { entries, names, errors };
}
