// The dictionary's quality gates: every entry valid, every example a test, no duplicate terms,
// no replacement that is itself flagged, generated docs up to date.
import { describe, expect, it } from 'vitest';
import { loaded, builtinProblems } from './support/builtin-dictionary.js';
import { dictionary } from './support/engine.js';
import { check, runEntryExamples, formatProblem } from '../server/src/engine/index.js';

const entries = loaded.entries;

describe('built-in dictionary', () => {
  it('loads with no problems (schema, ids, folders, duplicate terms)', () => {
    expect(builtinProblems()).toEqual([]);
  });

  it('has entries in every category, each with a source and a why', () => {
    const categories = new Set(entries.map((e) => e.entry.category));
    expect([...categories].sort()).toEqual(
      ['acronym', 'care-services', 'co-production', 'government-jargon', 'medical', 'nhs-jargon', 'respectful-language', 'wordy-phrase'],
    );
    for (const { entry } of entries) {
      expect(entry.source.trim().length, entry.id).toBeGreaterThan(2);
      expect(entry.why.trim().length, entry.id).toBeGreaterThan(9);
    }
  });

  it('gives the plural of every explanation that starts with "a", "an" or "someone" for a noun that has one', () => {
    // "Stents (a small tube…)", "care navigators (someone who helps…)" read wrong: explanations are used as written (replace.ts).
    const singular = /^(?:an?|someone) /;
    const missing = entries
      .filter(({ entry }) => entry.action === 'explain' && entry.inflect !== 'none' && entry.inflect !== 'verb')
      .filter(({ entry }) => (entry.replacements ?? []).some((r) => typeof r === 'string' ? singular.test(r) : singular.test(r.text) && !r.forms?.plural))
      .map(({ entry }) => entry.id);
    expect(missing).toEqual([]);
  });
});

describe.each(entries.map((e) => [e.entry.id, e] as const))('entry %s', (_id, le) => {
  it('passes its own examples', () => {
    const failures = runEntryExamples(le.entry, dictionary).map((f) => formatProblem({ file: le.file, ...le.parsed.locate(f.field), message: f.message }));
    expect(failures).toEqual([]);
  });

  it('suggests nothing that is itself flagged', () => {
    const flaggedReplacements = (le.entry.replacements ?? [])
      .map((r) => (typeof r === 'string' ? r : r.text))
      .flatMap((text) => check(text, { dictionary, format: 'text' }).findings.filter((f) => f.ruleId === 'jargon').map((f) => `"${text}" is flagged by ${f.entryId}`));
    expect(flaggedReplacements).toEqual([]);
  });
});
