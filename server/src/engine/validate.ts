/**
 * Validation of dictionary entries and project config: schema first (from the schema files),
 * then the checks a schema cannot express. Every problem names file, line and field.
 */
import entrySchema from '../../../dictionaries/entry.schema.json';
import namesSchema from '../../../dictionaries/names.schema.json';
import configSchema from '../../../schemas/config.schema.json';
import { parseJson, type ParsedJson, type Problem } from './json.js';
import { formatPath, validateSchema } from './schema.js';
import { termWords } from './dictionary.js';
import { tokenize } from './tokenize.js';
import type { Entry, ProperName } from './types.js';
import type { PlainwordsConfig } from './config.js';

export type { Problem };

function schemaProblems(parsed: ParsedJson, schema: object, file: string): Problem[] {
  return validateSchema(parsed.value, schema as Record<string, unknown>).map((e) => ({
    file,
    ...parsed.locate(e.path),
    field: formatPath(e.path),
    message: `${formatPath(e.path)} ${e.message}`,
  }));
}

export interface LoadedEntry {
  file: string;
  entry: Entry;
  parsed: ParsedJson;
}

/**
 * Why a phrase can never match, or undefined when it can: each of its words must read as one
 * word in a text. The checker reads "12.00pm" as "12" and "00pm", and "care.data" as "care"
 * and "data", with a full stop between that no phrase crosses ("GOV.UK" is one word: tokenize.ts).
 */
export function unmatchable(phrase: string): string | undefined {
  for (const w of termWords(phrase)) {
    const tokens = tokenize(w);
    if (tokens.length === 1 && tokens[0].start === 0 && tokens[0].text.length === w.length) continue;
    const read = tokens.map((t) => `"${t.text}"`).join(', ');
    const as = tokens.length === 0 ? 'no word' : tokens.length === 1 ? read : `${tokens.length} words (${read})`;
    return `can never match: the checker reads "${w}" as ${as}, not as the word written; leave it out, or write it as the words a text has`;
  }
  return undefined;
}

/**
 * Whether a term has punctuation that no word has: only hyphens, apostrophes, the full stops of a
 * dotted abbreviation at the end ("e.g."), and the full stop or colon inside a number or a time
 * ("2.5", "12.00pm", "12:30") may stand in a term.
 */
function hasPunctuation(term: string): boolean {
  const t = term.replace(/(\d)[.:](?=\d)/g, '$1');
  return /[,;:!?()[\]{}"“”]/.test(t) || /\.\S*\s|\.\./.test(t);
}

/** Parse and validate one entry file. `expectedId`/`expectedCategory` come from its path. */
export function parseEntry(text: string, file: string, expected: { id?: string; category?: string } = {}): { entry?: LoadedEntry; problems: Problem[] } {
  const parsed = parseJson(text, file);
  if (parsed.problems.length) return { problems: parsed.problems };
  const problems = schemaProblems(parsed, entrySchema, file);
  const value = parsed.value as Entry;
  const where = (path: Array<string | number>, message: string): Problem => ({ file, ...parsed.locate(path), field: formatPath(path), message: `${formatPath(path)} ${message}` });
  if (problems.length === 0) {
    if (expected.id && value.id !== expected.id) problems.push(where(['id'], `is "${value.id}" but the file is named "${expected.id}.json": they must be the same`));
    if (expected.category && value.category !== expected.category) problems.push(where(['category'], `is "${value.category}" but the file is in the "${expected.category}" folder`));
    const action = value.action ?? 'replace';
    if (value.kind === 'acronym') {
      if (!value.expansion) problems.push(where(['expansion'], 'is required for an acronym: what do the letters stand for?'));
    } else if (action === 'explain' && !(value.replacements?.length)) {
      problems.push(where(['replacements'], 'needs the plain words to add after the term ("action": "explain")'));
    }
    const terms = new Set(value.terms.map((t) => t.toLowerCase()));
    (value.replacements ?? []).forEach((r, i) => {
      const text = typeof r === 'string' ? r : r.text;
      if (terms.has(text.toLowerCase())) problems.push(where(['replacements', i], `is the same as a term: "${text}"`));
    });
    value.terms.forEach((t, i) => {
      if (termWords(t).length === 0) problems.push(where(['terms', i], 'has no words'));
      else if (hasPunctuation(t)) problems.push(where(['terms', i], `"${t}" contains punctuation: terms are words, spaces, hyphens, apostrophes, dotted abbreviations (e.g.) and numbers (2.5, 12:30) only`));
      else {
        const why = unmatchable(t);
        if (why) problems.push(where(['terms', i], `"${t}" ${why}`));
      }
    });
    // Context words and names inside which the term is fine: a phrase that never matches would
    // leave the term flagged where the entry says it is fine.
    const phrases: Array<[Array<string | number>, string[] | undefined]> = [
      [['allowIn'], value.allowIn],
      [['unless', 'before'], value.unless?.before],
      [['unless', 'after'], value.unless?.after],
      [['unless', 'near'], value.unless?.near],
      [['only', 'near'], value.only?.near],
      [['when', 'before'], value.when?.before],
      [['when', 'after'], value.when?.after],
    ];
    for (const [path, list] of phrases) {
      (list ?? []).forEach((p, i) => {
        const why = unmatchable(p);
        if (why) problems.push(where([...path, i], `"${p}" ${why}`));
      });
    }
    // Entries that can be fixed say what the fix gives; flag-only entries (no replacement) cannot.
    const fixable = value.kind !== 'acronym' && (action === 'omit' || (value.replacements?.length ?? 0) > 0);
    value.examples.flag.forEach((ex, i) => {
      if (fixable && ex.fixed === undefined) problems.push(where(['examples', 'flag', i], 'needs "fixed": the sentence after the fix'));
      if (!fixable && value.kind !== 'acronym' && ex.fixed !== undefined) problems.push(where(['examples', 'flag', i, 'fixed'], 'cannot be checked: the entry has no replacement to apply'));
    });
    for (const id of value.overlaps ?? []) if (id === value.id) problems.push(where(['overlaps'], 'names the entry itself'));
  }
  if (problems.length) return { problems };
  return { entry: { file, entry: value, parsed }, problems };
}

/** Checks across entries: unique ids, a term in one entry only unless marked as intended. */
export function crossCheck(entries: LoadedEntry[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, LoadedEntry>();
  const terms = new Map<string, LoadedEntry>();
  for (const le of entries) {
    const e = le.entry;
    const other = ids.get(e.id);
    if (other) problems.push({ file: le.file, ...le.parsed.locate(['id']), field: 'id', message: `id "${e.id}" is also used by ${other.file}` });
    ids.set(e.id, le);
  }
  for (const le of entries) {
    const e = le.entry;
    e.terms.forEach((t, i) => {
      const key = `${e.kind ?? 'term'}|${termWords(t).join(' ').toLowerCase()}`;
      const other = terms.get(key);
      if (other && other !== le) {
        const intended = (e.overlaps ?? []).includes(other.entry.id) || (other.entry.overlaps ?? []).includes(e.id);
        if (!intended) {
          problems.push({ file: le.file, ...le.parsed.locate(['terms', i]), field: `terms[${i}]`, message: `terms[${i}] "${t}" is also a term of "${other.entry.id}" (${other.file}); merge them, or list the other id in "overlaps" if both are intended` });
        }
      } else terms.set(key, le);
    });
    for (const id of e.overlaps ?? []) {
      if (!ids.has(id)) problems.push({ file: le.file, ...le.parsed.locate(['overlaps']), field: 'overlaps', message: `overlaps names "${id}", which is not an entry` });
    }
  }
  return problems;
}

export function parseNames(text: string, file: string): { names: ProperName[]; problems: Problem[] } {
  const parsed = parseJson(text, file);
  if (parsed.problems.length) return { names: [], problems: parsed.problems };
  const problems = schemaProblems(parsed, namesSchema, file);
  if (problems.length) return { names: [], problems };
  // A name that can never match is reported; the others stay in use.
  const names = (parsed.value as { names: ProperName[] }).names.filter((n, i) => {
    const why = unmatchable(n.name);
    if (why) problems.push({ file, ...parsed.locate(['names', i, 'name']), field: `names[${i}].name`, message: `names[${i}].name "${n.name}" ${why}` });
    return !why;
  });
  return { names, problems };
}

/** Whether a word list entry has any word the checker reads ("&" has none, so it allows nothing). */
export function hasWords(text: string): boolean {
  return tokenize(text).length > 0;
}

/** Parse and validate a project config file (.plainwords.json; comments allowed). */
export function parseConfig(text: string, file: string): { config?: PlainwordsConfig; problems: Problem[] } {
  const parsed = parseJson(text, file, { comments: true });
  if (parsed.problems.length) return { problems: parsed.problems };
  const problems = schemaProblems(parsed, configSchema, file);
  if (problems.length) return { problems };
  const config = parsed.value as PlainwordsConfig;
  // The word list is read as a text is ("in *order* to" allows "in order to"), so only an
  // entry with no words at all allows nothing.
  (config.allow ?? []).forEach((w, i) => {
    if (!hasWords(w)) problems.push({ file, ...parsed.locate(['allow', i]), field: `allow[${i}]`, message: `allow[${i}] "${w}" has no words: the checker reads it as nothing, so it allows nothing; leave it out` });
  });
  if (problems.length) return { problems };
  return { config, problems };
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
