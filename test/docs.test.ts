// Generated documents are committed; the suite fails when they are stale.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module script without types
import { renderDictionaryDocs } from '../scripts/generate-docs.mjs';
// @ts-expect-error: plain ES module script without types
import { readBuiltinDictionary } from '../scripts/dictionary-files.mjs';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

describe('generated docs', () => {
  it('docs/dictionary.md is up to date with dictionaries/ (run `npm run docs`)', () => {
    const { entries, errors } = readBuiltinDictionary(root('dictionaries'));
    expect(errors).toEqual([]);
    expect(readFileSync(root('docs/dictionary.md'), 'utf8')).toBe(renderDictionaryDocs(entries));
  });

  it('has an anchor for every entry, which findings link to', () => {
    const { entries } = readBuiltinDictionary(root('dictionaries'));
    const doc = readFileSync(root('docs/dictionary.md'), 'utf8');
    for (const e of entries) expect(doc, e.id).toContain(`<a id="${e.id}"></a>`);
  });
});
