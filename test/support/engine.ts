// Helpers for engine tests: one place to build options, so the API can change in one place.
import builtin from './builtin-dictionary.js';
import { check, compileDictionary, applyFixes, fixAll, type CheckOptions, type CompiledDictionary, type DictionaryData, type Entry, type Finding } from '../../server/src/engine/index.js';

export const dictionary = compileDictionary(builtin);

export function findings(text: string, options: Partial<CheckOptions> = {}): Finding[] {
  return check(text, { dictionary, ...options }).findings;
}

/** Findings as "actual→first replacement" strings, for compact assertions. */
export function flagged(text: string, options: Partial<CheckOptions> = {}): string[] {
  return findings(text, options).map((f) => f.actual);
}

/** A dictionary of just these entries (with sensible defaults for the required fields). */
export function tinyDictionary(entries: Array<Partial<Entry> & { id: string; terms: string[] }>, extra: Partial<DictionaryData> = {}) {
  return compileDictionary({
    entries: entries.map((e) => ({
      category: 'government-jargon',
      why: 'test entry',
      source: 'test',
      examples: { flag: [] },
      ...e,
    })) as Entry[],
    ...extra,
  });
}

/** The words a dictionary's jargon rule flags in a text, in order. */
export function jargonWith(dictionary: CompiledDictionary): (text: string) => string[] {
  return (text) => check(text, { dictionary }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.actual);
}

/** Each jargon finding of a text as [actual, its replacements' texts, whether each is fixable]. */
export function offersWith(dictionary: CompiledDictionary): (text: string) => Array<[string, string[], boolean[]]> {
  return (text) =>
    check(text, { dictionary })
      .findings.filter((f) => f.ruleId === 'jargon')
      .map((f) => [f.actual, f.replacements.map((r) => r.text), f.replacements.map((r) => r.fixable)]);
}

/** Each jargon finding of a text as [actual, whether each replacement is fixable]. */
export function fixableWith(dictionary: CompiledDictionary): (text: string) => Array<[string, boolean[]]> {
  const offers = offersWith(dictionary);
  return (text) => offers(text).map(([actual, , fixable]) => [actual, fixable]);
}

/** The text with the first replacement of its first jargon finding applied. */
export function firstFixWith(dictionary: CompiledDictionary): (text: string) => string {
  return (text) => {
    const [f] = check(text, { dictionary }).findings.filter((f) => f.ruleId === 'jargon');
    return applyFixes(text, [f.replacements[0].edit]).text;
  };
}

export function fixEverything(text: string, options: Partial<CheckOptions> = {}): string {
  return applyFixes(text, fixAll(findings(text, options))).text;
}
