/**
 * Compiles dictionary data into a matcher: every term, with its generated inflections and
 * spelling variants, goes into one token trie. Compiled once, used for every check.
 */
import { TokenTrie } from './trie.js';
import { tokenize } from './tokenize.js';
import { FUNCTION_WORDS, NOUN_FORMS, VERB_FORMS, formsForMatching, nounHead } from './inflect.js';
import { spellingVariants } from './variants.js';
import type { DictionaryData, Entry, FormClass } from './types.js';

export interface Terminal {
  /** Index into CompiledDictionary.entries, or -1 for a global protected name. */
  entry: number;
  kind: 'term' | 'acronym' | 'protect';
  /** For protect terminals: the entry protected (-1: every entry). */
  form: FormClass;
  /** Number of words. */
  length: number;
  /** The term is matched with its exact capitals (an acronym): replacements keep their own capitals. */
  caseSensitive: boolean;
}

export interface CompiledEntry {
  entry: Entry;
  caseSensitive: boolean;
  /** Lower-case word sequences of the 'unless' conditions. */
  before: string[][];
  after: string[][];
  near: string[][];
  within: number;
  /** Fine straight after a possessive ("the patient's progress"): the word is a noun there. */
  afterPossessive: boolean;
  /** Words one of which must be within `onlyWithin` words of the match, in any form (empty: none needed). */
  onlyNear: string[][];
  onlyWithin: number;
  /** Contexts the base form needs (empty: none needed). */
  whenBefore: string[][];
  whenAfter: string[][];
  /**
   * Lower-case words of each replacement of a 'replace' or 'explain' entry: a term glossed by one of them in
   * brackets is explained in place (analyse.ts, glossedInPlace).
   */
  glosses: string[][];
  /** Lower-case words of an acronym's expansion (empty when it has none), for "expansion (ACR)". */
  expansion: string[];
}

export interface CompiledDictionary {
  entries: CompiledEntry[];
  byId: Map<string, number>;
  trie: TokenTrie<Terminal>;
  /** Acronym entries by their exact term (for the acronym rule). */
  acronyms: Map<string, number>;
}

/**
 * Split a term into words: spaces and hyphens separate words (as in text). The apostrophe of a
 * plural possessive is not part of its word, as the tokenizer reads it ("carers' assessment").
 */
export function termWords(term: string): string[] {
  const words: string[] = [];
  let cur = '';
  const push = () => {
    if (cur.length > 1 && cur.endsWith("'")) cur = cur.slice(0, -1);
    if (cur) words.push(cur);
    cur = '';
  };
  for (const ch of term) {
    if (ch === ' ' || ch === '-' || ch === '\u2010' || ch === '\u2011' || ch === '\t') push();
    else cur += ch === '\u2019' ? "'" : ch;
  }
  push();
  return words;
}

/** Does the term look like an acronym (two or more capitals)? */
export function looksLikeAcronym(term: string): boolean {
  let caps = 0;
  for (const ch of term) if (ch >= 'A' && ch <= 'Z') caps++;
  return caps >= 2;
}

/** A spelling of a term as words, and which word takes verb endings. */
interface Spelling {
  words: string[];
  /** The last part of the first space-separated word: "co-produce" → "produce", "lack capacity" → "lack". */
  verbIndex: number;
}

function spelling(term: string): Spelling {
  const first = term.trim().split(/\s+/)[0] ?? '';
  return { words: termWords(term), verbIndex: Math.max(0, termWords(first).length - 1) };
}

/** Every written spelling of a term: as written, and closed compounds for hyphenated words. */
function spellings(term: string): Spelling[] {
  const out = [spelling(term)];
  // co-production → coproduction; step-down pathway → stepdown pathway.
  if (term.includes('-')) out.push(spelling(term.replace(/-(?=\S)/g, '')));
  return out;
}

/** Word sequences with British/American variants of each word (bounded product). */
function withSpellingVariants(words: string[], caseSensitive: boolean): string[][] {
  if (caseSensitive) return [words];
  let acc: string[][] = [[]];
  for (const w of words) {
    const vs = spellingVariants(w.toLowerCase());
    const next: string[][] = [];
    for (const prefix of acc) for (const v of vs) next.push([...prefix, v]);
    acc = next.slice(0, 64);
  }
  return acc;
}

/** Generate (words, form) pairs for one spelling of a term. */
function inflections(entry: Entry, words: string[], verbIndex: number, caseSensitive: boolean): Array<{ words: string[]; form: FormClass }> {
  const out: Array<{ words: string[]; form: FormClass }> = [{ words, form: 'base' }];
  const mode = entry.inflect ?? 'auto';
  if (mode === 'none') return out;
  const forms = entry.forms ?? {};
  const at = (index: number, classes: FormClass[]) => {
    const w = words[index];
    if (!w || (words.length > 1 && FUNCTION_WORDS.has(w.toLowerCase()))) return;
    if (/\d/.test(w)) return;
    for (const form of classes) {
      for (const spelled of formsForMatching(w, form, forms[w] ?? forms[w.toLowerCase()])) {
        if (spelled === w) continue;
        const copy = words.slice();
        copy[index] = spelled;
        out.push({ words: copy, form });
      }
    }
  };
  const single = words.length === 1;
  // The word that takes the plural, if any ("lack of energy" has none).
  const head = nounHead(words);
  const nouns = () => {
    if (head >= 0) at(head, NOUN_FORMS);
  };
  if (mode === 'noun' || (mode === 'auto' && !single)) nouns();
  else if (mode === 'verb') at(verbIndex, VERB_FORMS);
  else {
    nouns();
    if (!caseSensitive) at(verbIndex, VERB_FORMS);
  }
  return out;
}

function phrases(list: string[] | undefined): string[][] {
  return (list ?? []).map((p) => termWords(p).map((w) => w.toLowerCase())).filter((p) => p.length > 0);
}

/**
 * What compiling one entry works out from the entry alone: everything but its place in the
 * dictionary. Plain data (JSON), so a build can work it out ahead of time: the bundles carry the
 * built-in entries' expansions (esbuild.mjs, primeExpansions), and a server starting up does not
 * generate thousands of inflections and spellings before its first check.
 */
export interface EntryExpansion {
  /** CompiledEntry's fields, but for `entry`. */
  compiled: Omit<CompiledEntry, 'entry'>;
  /** Word sequences the entry matches (every spelling, variant and inflection, no repeats), each with its form and whether its capitals must match. */
  phrases: Array<[words: string[], form: FormClass, caseSensitive: boolean]>;
  /** Phrases the entry is never flagged inside (its allowIn names, replacements that contain a term), each with whether its capitals must match. */
  protect: Array<[words: string[], caseSensitive: boolean]>;
}

/** Work out an entry's expansion (see EntryExpansion). */
export function expandEntry(entry: Entry): EntryExpansion {
  const phrases: EntryExpansion['phrases'] = [];
  const seen = new Set<string>();
  for (const term of [...entry.terms, ...(entry.variants ?? [])]) {
    if (typeof term !== 'string') continue;
    const cs = entry.caseSensitive ?? looksLikeAcronym(term);
    for (const spelled of spellings(term)) {
      for (const variant of withSpellingVariants(spelled.words, cs)) {
        for (const { words, form } of inflections(entry, variant, spelled.verbIndex, cs)) {
          const key = `${cs}|${words.join(' ')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          phrases.push([words, form, cs]);
        }
      }
    }
  }
  // A term is never flagged inside its own replacement ("care" in "care and support") or in
  // an allowed name of its own.
  const protect: EntryExpansion['protect'] = [];
  const guard = (phrase: string) => {
    const words = termWords(phrase);
    if (words.length) protect.push([words, protectCase(phrase)]);
  };
  for (const p of entry.allowIn ?? []) guard(p);
  const termSeqs = entry.terms.filter((t) => typeof t === 'string').map((t) => termWords(t.toLowerCase()));
  for (const r of entry.replacements ?? []) {
    const text = typeof r === 'string' ? r : r?.text;
    if (typeof text !== 'string') continue;
    const words = termWords(text.toLowerCase());
    if (termSeqs.some((seq) => words.length > seq.length && containsSeq(words, seq))) guard(text);
  }
  return { compiled: compileFields(entry), phrases, protect };
}

/**
 * Expansions worked out ahead, as the JSON text of a list with one per entry of `entries`
 * (primeExpansions), and where each entry's is in it. The text is read again for each compile
 * and let go after it: a bundle's text is part of its source anyway, and the objects read from
 * it would be held for the life of the process.
 */
let primed: { json: string; count: number; at: WeakMap<Entry, number> } | undefined;

/**
 * Give the expansions of `entries` worked out ahead: the JSON text of a list of expandEntry's
 * results, one per entry, in order. Compiling those entries then reads them instead of working
 * them out. Entries are data read from files and never changed after they are read (a reload
 * reads new objects), so their expansions stay true for as long as they live.
 */
export function primeExpansions(entries: readonly Entry[], json: string): void {
  const at = new WeakMap<Entry, number>();
  entries.forEach((entry, i) => {
    if (entry && typeof entry === 'object') at.set(entry, i);
  });
  primed = { json, count: entries.length, at };
}

/** Compile dictionary data. Entries are assumed valid (see validate.ts); bad ones are skipped, never thrown on. */
export function compileDictionary(data: DictionaryData): CompiledDictionary {
  const trie = new TokenTrie<Terminal>();
  const entries: CompiledEntry[] = [];
  const expansions: EntryExpansion[] = [];
  const byId = new Map<string, number>();
  const acronyms = new Map<string, number>();
  // Read once for this compile, if any entry is primed; a list of the wrong length is not used.
  let ahead: EntryExpansion[] | undefined;
  const expansionOf = (entry: Entry): EntryExpansion => {
    const i = primed?.at.get(entry);
    if (i !== undefined && primed) {
      if (!ahead) {
        const list: unknown = JSON.parse(primed.json);
        ahead = Array.isArray(list) && list.length === primed.count ? (list as EntryExpansion[]) : [];
      }
      if (ahead[i]) return ahead[i];
    }
    return expandEntry(entry);
  };
  for (const entry of data.entries) {
    if (!entry || typeof entry.id !== 'string' || !Array.isArray(entry.terms)) continue;
    const expansion = expansionOf(entry);
    const compiled: CompiledEntry = { entry, ...expansion.compiled };
    // A later dictionary (a project's) replaces an earlier entry with the same id.
    const at = byId.get(entry.id) ?? entries.length;
    byId.set(entry.id, at);
    entries[at] = compiled;
    expansions[at] = expansion;
  }
  expansions.forEach((expansion, index) => {
    const entry = entries[index].entry;
    const kind = entry.kind === 'acronym' ? 'acronym' : 'term';
    if (kind === 'acronym') for (const term of [...entry.terms, ...(entry.variants ?? [])]) if (typeof term === 'string') acronyms.set(term, index);
    for (const [words, form, cs] of expansion.phrases) trie.add(words, { entry: index, kind, form, length: words.length, caseSensitive: cs }, cs);
    for (const [words, cs] of expansion.protect) addProtect(trie, words, cs, index);
  });
  for (const name of data.names ?? []) if (name && typeof name.name === 'string') addProtect(trie, termWords(name.name), protectCase(name.name), -1);
  // A project's word list is read as a text is: its entries are often copied from a document
  // ("in *order* to", "Dr."), and must allow what was copied. Names and an entry's own phrases
  // are checked to be words as written (validate.ts), and are taken as written.
  for (const allowed of data.allow ?? []) if (typeof allowed === 'string') addProtect(trie, textWords(allowed), protectCase(allowed), -1, true);
  return { entries, byId, trie, acronyms };
}

/** A protected phrase matches with its exact capitals when it is an acronym written in capitals. */
function protectCase(phrase: string): boolean {
  return looksLikeAcronym(phrase) && phrase === phrase.toUpperCase();
}

function addProtect(trie: TokenTrie<Terminal>, words: string[], cs: boolean, entry: number, inflect = false): void {
  if (words.length === 0) return;
  const variants: string[][] = [words];
  if (inflect && !cs) {
    for (const form of [...NOUN_FORMS, ...VERB_FORMS]) {
      for (const spelled of formsForMatching(words[words.length - 1], form)) variants.push([...words.slice(0, -1), spelled]);
    }
  }
  for (const v of variants) trie.add(v, { entry, kind: 'protect', form: 'base', length: v.length, caseSensitive: cs }, cs);
}

/** The words of a text as the tokenizer reads them, as written (curly apostrophes straight). */
function textWords(text: string): string[] {
  return tokenize(text).map((t) => t.text.replace(/\u2019/g, "'"));
}

/** The lower-case words of a text as the tokenizer reads them. */
function lowerWords(text: string): string[] {
  return tokenize(text).map((t) => t.lower);
}

/** The words without a first "a", "an" or "the" (when more words follow). */
function withoutArticle(words: string[]): string[] {
  return words.length > 1 && (words[0] === 'a' || words[0] === 'an' || words[0] === 'the') ? words.slice(1) : words;
}

function compileFields(entry: Entry): Omit<CompiledEntry, 'entry'> {
  return {
    caseSensitive: entry.caseSensitive ?? entry.terms.every((t) => typeof t === 'string' && looksLikeAcronym(t)),
    before: phrases(entry.unless?.before),
    after: phrases(entry.unless?.after),
    near: phrases(entry.unless?.near),
    within: entry.unless?.within ?? 6,
    afterPossessive: entry.unless?.possessive === true,
    onlyNear: phrases(entry.only?.near),
    onlyWithin: entry.only?.within ?? 6,
    whenBefore: phrases(entry.when?.before),
    whenAfter: phrases(entry.when?.after),
    // An article is no part of a gloss: "underactive thyroid (hypothyroidism)" is glossed by "an underactive thyroid".
    glosses: entry.action !== 'omit' ? (entry.replacements ?? []).map((r) => withoutArticle(lowerWords(typeof r === 'string' ? r : r.text))).filter((w) => w.length > 0) : [],
    expansion: entry.expansion ? lowerWords(entry.expansion) : [],
  };
}

function containsSeq(words: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) continue outer;
    return true;
  }
  return false;
}
