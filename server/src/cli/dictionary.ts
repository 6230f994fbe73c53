/**
 * `plainwords dictionary check [paths]` and `plainwords dictionary new "term"`.
 */
import { compileDictionary, formatProblem, runEntryExamples, check, type Problem } from '../engine/index.js';
import { builtinDictionary } from '../node/builtin.js';
import { loadEntries } from '../node/dictionary.js';
import { parseArgs, UsageError } from './main.js';

export async function runDictionary(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'check') return dictionaryCheck(rest);
  if (sub === 'new') return dictionaryNew(rest);
  throw new UsageError(sub ? `unknown dictionary command "${sub}" (use check or new)` : 'dictionary needs a command: check or new');
}

/** Validate entries and run their examples against the built-in dictionary plus these entries. */
function dictionaryCheck(args: string[]): number {
  const { positionals } = parseArgs(args, {});
  const paths = positionals.length ? positionals : ['dictionaries'];
  const loaded = loadEntries(paths);
  const problems: Problem[] = [...loaded.problems];
  // Layer the checked entries over the built-in ones (same ids replace), as a project would.
  const ids = new Set(loaded.entries.map((e) => e.entry.id));
  const data = {
    entries: [...builtinDictionary.entries.filter((e) => !ids.has(e.id)), ...loaded.entries.map((e) => e.entry)],
    names: [...(builtinDictionary.names ?? []), ...loaded.names],
  };
  const dictionary = compileDictionary(data);
  let examples = 0;
  for (const le of loaded.entries) {
    examples += le.entry.examples.flag.length + (le.entry.examples.ok?.length ?? 0);
    for (const f of runEntryExamples(le.entry, dictionary)) {
      problems.push({ file: le.file, ...le.parsed.locate(f.field), field: f.field.join('.'), message: f.message });
    }
    // No replacement may itself be flagged.
    (le.entry.replacements ?? []).forEach((r, i) => {
      const text = typeof r === 'string' ? r : r.text;
      const found = check(text, { dictionary, format: 'text' }).findings.filter((f) => f.ruleId === 'jargon');
      if (found.length) {
        problems.push({ file: le.file, ...le.parsed.locate(['replacements', i]), message: `replacements[${i}] "${text}" is itself flagged by ${found[0].entryId}` });
      }
    });
  }
  for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
  const summary = `${loaded.entries.length} entries in ${loaded.files} files, ${examples} examples: ${problems.length ? `${problems.length} problem${problems.length === 1 ? '' : 's'}` : 'all passed'}.\n`;
  process.stdout.write(summary);
  return problems.length ? 1 : 0;
}

function dictionaryNew(args: string[]): number {
  const { positionals, options } = parseArgs(args, { category: 'string' });
  const term = positionals.join(' ').trim();
  if (!term) throw new UsageError('dictionary new needs a term: plainwords dictionary new "step-down care"');
  const id = term.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const category = (options.category as string | undefined) ?? 'nhs-jargon';
  const words = term.split(/\s+/);
  const skeleton = {
    $schema: '../../entry.schema.json',
    id,
    terms: [term],
    inflect: words.length > 1 ? 'noun' : 'auto',
    replacements: ['plain words'],
    why: `Say why "${term}" is hard for readers, in one to three short sentences.`,
    category,
    source: 'Plain Words editors',
    examples: {
      flag: [{ text: `A sentence that uses ${term}.`, fixed: 'A sentence that uses plain words.' }],
      ok: ['A sentence where the term is fine, or a near miss.'],
    },
  };
  process.stdout.write(JSON.stringify(skeleton, null, 2) + '\n');
  process.stderr.write(`Save this as dictionaries/entries/${category}/${id}.json, fill it in, then run: npx plainwords dictionary check dictionaries/entries/${category}/${id}.json\n`);
  return 0;
}
