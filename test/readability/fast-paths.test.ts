// Two shortcuts in the readability code give what the full computation gives, without building
// its objects: readingAgeOf (once per sentence) and paragraphOverTarget (once per paragraph, where
// a paragraph's part is built only when it is over the target). Each is compared with the full
// computation, so neither can drift from it.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseChunk } from '../../server/src/engine/analyse.js';
import { LineIndex } from '../../server/src/engine/text.js';
import { formulaAges, readingAgeOf } from '../../server/src/engine/readability/formulas.js';
import { paragraphOverTarget, paragraphPart } from '../../server/src/engine/readability/report.js';
import { chunkReadability } from '../../server/src/engine/readability/sentences.js';
import { dictionary } from '../support/engine.js';

describe('readability shortcuts', () => {
  it('readingAgeOf gives formulaAges(...).readingAge for any counts', () => {
    const count = fc.integer({ min: 0, max: 5_000 });
    fc.assert(
      fc.property(count, count, count, count, count, count, count, count, (words, sentences, syllables, letters, polysyllables, complexWords, difficultWords, unfamiliarWords) => {
        const c = { words, sentences, syllables, letters, polysyllables, complexWords, difficultWords, unfamiliarWords };
        expect(readingAgeOf(c)).toBe(formulaAges(c)?.readingAge);
      }),
      { numRuns: 2_000 },
    );
  });

  it('paragraphOverTarget says what the paragraph part says, for every paragraph and target', () => {
    const text = ['docs/readability.md', 'docs/editors.md', 'README.md', 'ARCHITECTURE.md']
      .map((f) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8'))
      .join('\n\n');
    const lines = new LineIndex(text);
    const blocks = chunkReadability(analyseChunk(text, 'markdown', dictionary, true)).blocks.filter((b) => b.kind === 'paragraph');
    expect(blocks.length).toBeGreaterThan(100);
    let over = 0;
    for (const target of [5, 7, 9, 11, 13, 15, 18]) {
      for (const b of blocks) {
        const part = paragraphPart(lines, b, 0, target);
        expect(paragraphOverTarget(b, target), `${target}: ${text.slice(b.start, b.start + 60)}`).toBe(part.overTarget);
        if (part.overTarget) over++;
      }
    }
    // Both answers occur, so the comparison means something.
    expect(over).toBeGreaterThan(0);
    expect(over).toBeLessThan(blocks.length * 7);
  });
});
