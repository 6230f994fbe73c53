// "Add to project word list": the edit of .plainwords.json keeps the file as it was written.
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { addToWordList, normaliseTerm } from '../../client/src/word-list.js';

function added(text: string | undefined, term: string, eol?: string): string {
  const r = addToWordList(text, term, eol);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

describe('addToWordList', () => {
  it('creates the file when there is none', () => {
    expect(JSON.parse(added(undefined, 'reablement'))).toEqual({ allow: ['reablement'] });
    expect(added('', 'reablement').endsWith('\n')).toBe(true);
  });

  it('appends to an existing list, keeping comments and other fields', () => {
    const text = '{\n  // our words\n  "audience": "staff",\n  "allow": ["ICB"]\n}\n';
    const out = added(text, 'care navigator');
    expect(out).toContain('// our words');
    expect(parse(out)).toEqual({ audience: 'staff', allow: ['ICB', 'care navigator'] });
  });

  it('adds the list when the file has none', () => {
    expect(parse(added('{ "audience": "public" }', 'reablement'))).toEqual({ audience: 'public', allow: ['reablement'] });
  });

  it('leaves the file alone when the word is already there, in any case', () => {
    const text = '{"allow": ["Reablement"]}';
    expect(addToWordList(text, 'reablement')).toEqual({ ok: true, text, added: false });
  });

  it('keeps Windows line endings', () => {
    const out = added('{\r\n  "allow": [\r\n    "ICB"\r\n  ]\r\n}\r\n', 'reablement', '\r\n');
    expect(out).not.toMatch(/[^\r]\n/);
    expect(parse(out).allow).toEqual(['ICB', 'reablement']);
  });

  it('refuses to touch a broken file or a list of the wrong type, saying why', () => {
    expect(addToWordList('{ "allow": [ }', 'x')).toEqual({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    expect(addToWordList('{ "allow": "ICB" }', 'x')).toEqual({ ok: false, error: expect.stringMatching(/must be a list/) });
    expect(addToWordList('[1, 2]', 'x')).toEqual({ ok: false, error: expect.stringMatching(/JSON object/) });
    expect(addToWordList('{}', '   ')).toEqual({ ok: false, error: expect.stringMatching(/select one/) });
    expect(addToWordList('{}', 'x'.repeat(201))).toEqual({ ok: false, error: expect.stringMatching(/too long/) });
  });
});

describe('normaliseTerm', () => {
  it('trims white space and surrounding punctuation from a selection', () => {
    expect(normaliseTerm('  “care\n  navigator”, ')).toBe('care navigator');
    expect(normaliseTerm('**reablement**.')).toBe('reablement');
    expect(normaliseTerm("carer's")).toBe("carer's");
  });
});
