import { describe, expect, it } from 'vitest';
import { check, parseConfig, parseEntry, parseNames, crossCheck, formatProblem } from '../../server/src/engine/index.js';
import { tinyDictionary } from '../support/engine.js';

const dict = tinyDictionary([
  { id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] },
  { id: 'stakeholder', terms: ['stakeholder'], inflect: 'noun', replacements: ['partner'], category: 'co-production' },
  { id: 'cohort', terms: ['cohort'], inflect: 'noun', replacements: ['group'], category: 'co-production', audiences: { staff: 'off', public: 'error' } },
]);
const jargon = (text: string, opts: Parameters<typeof check>[1] extends infer O ? Partial<O> : never = {}) =>
  check(text, { dictionary: dict, ...opts }).findings.filter((f) => f.ruleId === 'jargon').map((f) => `${f.range.start.line}:${f.actual}`);

describe('suppression comments', () => {
  it('disable and enable a region', () => {
    const doc = 'We utilise it.\n\n<!-- plainwords-disable -->\n\nWe utilise it.\n\n<!-- plainwords-enable -->\n\nWe utilise it.';
    expect(jargon(doc)).toEqual(['0:utilise', '8:utilise']);
  });

  it('disable the next line, for named entries only', () => {
    const doc = '<!-- plainwords-disable-next-line utilise -->\nWe utilise the stakeholder list.\nWe utilise it.';
    expect(jargon(doc)).toEqual(['1:stakeholder', '2:utilise']);
  });

  it('disable a region for one entry until the end', () => {
    const doc = '<!-- plainwords-disable stakeholder -->\n\nA stakeholder will utilise it.\n\nAnother stakeholder.';
    expect(jargon(doc)).toEqual(['2:utilise']);
  });

  it('disable the line a comment is on', () => {
    expect(jargon('We utilise it. <!-- plainwords-disable-line -->\nWe utilise it.')).toEqual(['1:utilise']);
  });

  it('work in plain text files too', () => {
    expect(jargon('<!-- plainwords-disable-next-line -->\nWe utilise it.\nWe utilise it.', { format: 'text' })).toEqual(['2:utilise']);
  });

  it('are ignored inside code', () => {
    expect(jargon('`<!-- plainwords-disable -->`\n\nWe utilise it.')).toEqual(['2:utilise']);
  });
});

describe('config', () => {
  it('sets severity per category and per entry, and switches them off', () => {
    const sev = (config: object) => check('We utilise the stakeholder list.', { dictionary: dict, config }).findings.filter((f) => f.ruleId === 'jargon').map((f) => `${f.entryId}:${f.severity}`);
    expect(sev({})).toEqual(['utilise:warning', 'stakeholder:warning']);
    expect(sev({ categories: { 'co-production': 'error' } })).toEqual(['utilise:warning', 'stakeholder:error']);
    expect(sev({ categories: { 'co-production': 'off' } })).toEqual(['utilise:warning']);
    expect(sev({ rules: { utilise: 'off', stakeholder: 'hint' } })).toEqual(['stakeholder:hint']);
  });

  it('applies audience severities from front matter, options or config', () => {
    expect(check('The cohort met.', { dictionary: dict }).findings.filter((f) => f.entryId === 'cohort').map((f) => f.severity)).toEqual(['error']);
    expect(jargon('---\naudience: staff\n---\n\nThe cohort met.')).toEqual([]);
    expect(jargon('The cohort met.', { config: { audience: 'staff' } })).toEqual([]);
    expect(jargon('The cohort met.', { audience: 'staff' })).toEqual([]);
  });

  it('never flags words on the project allow list', () => {
    const withAllow = tinyDictionary([{ id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] }], { allow: ['utilise'] });
    expect(check('We utilise and utilised it.', { dictionary: withAllow }).findings.filter((f) => f.ruleId === 'jargon')).toEqual([]);
  });

  it('reads the allow list as a text is read: a phrase copied with its formatting or a full stop still allows it', () => {
    const entries = [
      { id: 'in-order-to', terms: ['in order to'], inflect: 'none' as const, replacements: ['to'] },
      { id: 'doctor', terms: ['Dr'], inflect: 'none' as const, caseSensitive: true, replacements: ['Doctor'] },
    ];
    const jargon = (allow: string[]) => check('We met in *order* to plan with Dr. Patel.', { dictionary: tinyDictionary(entries, { allow }) }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.actual);
    expect(jargon([])).toEqual(['in *order* to', 'Dr']);
    expect(jargon(['in *order* to', 'Dr.'])).toEqual([]);
    expect(jargon(['in order to'])).toEqual(['Dr']);
  });

  it('rejects an allow list entry with no words, naming the line', () => {
    const r = parseConfig('{\n  "allow": [\n    "in order to",\n    "&"\n  ]\n}', '.plainwords.json');
    expect(r.config).toBeUndefined();
    expect(r.problems.map(formatProblem)).toEqual(['.plainwords.json:4:5: allow[1] "&" has no words: the checker reads it as nothing, so it allows nothing; leave it out']);
  });

  it('a broken config is an error naming the file, line and field', () => {
    const text = '{\n  // comment is fine\n  "audience": "everyone",\n  "categories": { "medical": "loud" },\n  "readingAge": { "public": "nine" },\n  "allowed": []\n}';
    const r = parseConfig(text, '.plainwords.json');
    expect(r.config).toBeUndefined();
    expect(r.problems.map(formatProblem)).toEqual([
      '.plainwords.json:3:3: audience must be one of "public", "staff"; got "everyone"',
      '.plainwords.json:4:19: categories.medical must be one of "error", "warning", "info", "hint", "off"; got "loud"',
      '.plainwords.json:5:19: readingAge.public must be an integer, not a string',
      '.plainwords.json:6:3: allowed is not a known field (did you mean "allow"?)',
    ]);
  });

  it('invalid JSON in a config names the line', () => {
    const r = parseConfig('{\n  "audience": "public",\n  "allow": ["a" "b"]\n}', 'x/.plainwords.json');
    expect(r.problems.map(formatProblem)).toEqual(['x/.plainwords.json:3:17: invalid JSON: expected a comma']);
  });
});

describe('entry validation', () => {
  const good = {
    id: 'utilise',
    terms: ['utilise'],
    replacements: ['use'],
    why: 'It is a longer way to say use.',
    category: 'government-jargon',
    source: 'test',
    examples: { flag: [{ text: 'We utilise it.', fixed: 'We use it.' }] },
  };

  it('accepts a good entry', () => {
    const r = parseEntry(JSON.stringify(good, null, 2), 'government-jargon/utilise.json', { id: 'utilise', category: 'government-jargon' });
    expect(r.problems).toEqual([]);
    expect(r.entry?.entry.id).toBe('utilise');
  });

  it('names file, line and field for every problem', () => {
    const bad = { ...good, id: 'Utilise!', terms: ['in (order) to'], severity: 'loud', examples: { flag: [{ text: 'x' }] } };
    const text = JSON.stringify(bad, null, 2);
    const r = parseEntry(text, 'e/utilise.json', { id: 'utilise' });
    expect(r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^e\/utilise\.json:2:3: id "Utilise!" does not have the expected form/),
      'e/utilise.json:19:3: severity must be one of "error", "warning", "info", "hint"; got "loud"',
    ]);
  });

  it('checks what a schema cannot: file name, folder, punctuation, fixed sentences', () => {
    const entry = { ...good, terms: ['in (order) to'], examples: { flag: [{ text: 'x' }] } };
    const r = parseEntry(JSON.stringify(entry, null, 2), 'medical/other.json', { id: 'other', category: 'medical' });
    expect(r.problems.map((p) => p.message)).toEqual([
      'id is "utilise" but the file is named "other.json": they must be the same',
      'category is "government-jargon" but the file is in the "medical" folder',
      'terms[0] "in (order) to" contains punctuation: terms are words, spaces, hyphens, apostrophes, dotted abbreviations (e.g.) and numbers (2.5, 12:30) only',
      'examples.flag[0] needs "fixed": the sentence after the fix',
    ]);
  });

  it('takes numbers and times in terms, and no other full stop or colon', () => {
    const problems = (terms: string[]) =>
      parseEntry(JSON.stringify({ ...good, terms }, null, 2), 'government-jargon/utilise.json', { id: 'utilise', category: 'government-jargon' }).problems.map((p) => p.message);
    expect(problems(['utilise', '12:30pm', '2.5 mg', '12.00 noon'])).toEqual([]);
    expect(problems(['utilise', '12: 30', 'at 12.', 'utilise:'])).toEqual([
      expect.stringMatching(/^terms\[1\] "12: 30" contains punctuation/),
      expect.stringMatching(/^terms\[2\] "at 12\." can never match: the checker reads "12\." as "12"/),
      expect.stringMatching(/^terms\[3\] "utilise:" contains punctuation/),
    ]);
  });

  it('rejects a phrase that can never match, as the checker reads words: terms, context words and names', () => {
    const entry = { ...good, terms: ['utilise', '12.00.pm', 'utilise NHS.Scotland', 'utilise GOV.UK', '12.00pm'], allowIn: ["Victims' utilise"], unless: { after: ['etc.'], near: ['plan', '&'] }, only: { near: ['ward', 'walk.'] } };
    const r = parseEntry(JSON.stringify(entry, null, 2), 'government-jargon/utilise.json', { id: 'utilise', category: 'government-jargon' });
    expect(r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^government-jargon\/utilise\.json:\d+:\d+: terms\[1\] "12\.00\.pm" can never match: the checker reads "12\.00\.pm" as 2 words \("12\.00", "pm"\)/),
      expect.stringMatching(/: terms\[2\] "utilise NHS\.Scotland" can never match: the checker reads "NHS\.Scotland" as 2 words \("NHS", "Scotland"\)/),
      expect.stringMatching(/: unless\.after\[0\] "etc\." can never match: the checker reads "etc\." as "etc"/),
      expect.stringMatching(/: unless\.near\[1\] "&" can never match: the checker reads "&" as no word,/),
      expect.stringMatching(/: only\.near\[1\] "walk\." can never match/),
    ]);
    // 'only' needs its words.
    const noWords = parseEntry(JSON.stringify({ ...good, only: { within: 4 } }, null, 2), 'government-jargon/utilise.json', { id: 'utilise', category: 'government-jargon' });
    expect(noWords.problems.map(formatProblem)).toEqual([expect.stringMatching(/^government-jargon\/utilise\.json:\d+:\d+: only.*near/)]);
    // A plural possessive reads as its word ("Victims' utilise" above is fine), and matches; so
    // does a name written as a web address ("utilise GOV.UK" above, "GOV.UK Notify"), and a time
    // ("12.00pm" above; "12.00.pm" is two words).
    const names = parseNames(JSON.stringify({ names: [{ name: 'NHS Notify', source: 'test' }, { name: 'care.data programme', source: 'test' }, { name: 'GOV.UK Notify', source: 'test' }] }, null, 2), 'names.json');
    expect(names.names.map((n) => n.name)).toEqual(['NHS Notify', 'GOV.UK Notify']);
    expect(names.problems.map(formatProblem)).toEqual([expect.stringMatching(/^names\.json:\d+:\d+: names\[1\]\.name "care\.data programme" can never match/)]);
  });

  it('finds a term claimed by two entries unless marked as intended', () => {
    const a = parseEntry(JSON.stringify(good), 'a.json').entry!;
    const b = parseEntry(JSON.stringify({ ...good, id: 'use-up', terms: ['Utilise'] }), 'b.json').entry!;
    expect(crossCheck([a, b]).map((p) => p.message)).toEqual([
      'terms[0] "Utilise" is also a term of "utilise" (a.json); merge them, or list the other id in "overlaps" if both are intended',
    ]);
    const c = parseEntry(JSON.stringify({ ...good, id: 'use-up', terms: ['utilise'], overlaps: ['utilise'] }), 'c.json').entry!;
    expect(crossCheck([a, c])).toEqual([]);
  });
});

describe('plain-text suppression comments', () => {
  it('are not themselves checked as prose', () => {
    const d = tinyDictionary([{ id: 'disable', terms: ['disable'], inflect: 'verb', replacements: ['turn off'] }]);
    const found = check('<!-- plainwords-disable-next-line -->\nWe disable it.\nWe disable it.', { dictionary: d, format: 'text' }).findings.filter((f) => f.ruleId === 'jargon');
    expect(found.map((f) => f.range.start.line)).toEqual([2]);
  });
});
