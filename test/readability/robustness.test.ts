// Any text: the readability report and the clarity rules never throw, stay within the text and
// give the same answer chunk by chunk (with a cache) as fresh.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisCache, LineIndex, check } from '../../server/src/engine/index.js';
import { tinyDictionary } from '../support/engine.js';

const dictionary = tinyDictionary([
  { id: 'icb', kind: 'acronym', category: 'acronym', terms: ['ICB'], expansion: 'integrated care board' },
  { id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] },
]);

const pieces = [
  '# Heading',
  '## ',
  '- item one',
  '1. First.',
  '| A | B |\n| --- | --- |\n| ICB | integrated care board |',
  '```\ncode ICB\n```',
  'The ICB (integrated care board) met.',
  'Dr. Patel, e.g. on Monday, was told.',
  'Comprehensive multidisciplinary rehabilitation necessitates coordination.',
  'SDEC and PCNs and GOV.UK and XIV.',
  'https://example.org/ICB',
  '> quoted text here.',
  '\u{1F600} emoji \u00e9t\u00e9.',
  '---\naudience: staff\n---',
  'word',
  '',
];

const docArb = fc
  .tuple(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 })), { maxLength: 12 }), fc.constantFrom('\n', '\n\n', ' ', '\r\n\r\n'))
  .map(([parts, sep]) => parts.join(sep));

describe('readability on any text', () => {
  it('never throws, keeps every offset and position inside the text, and is plain JSON', () => {
    fc.assert(
      fc.property(docArb, (text) => {
        const r = check(text, { dictionary, config: { passive: true } });
        const lines = new LineIndex(text);
        for (const f of r.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThanOrEqual(f.end);
          expect(lines.offset(f.range.start)).toBe(f.start);
        }
        const rep = r.readability!;
        for (const part of [rep.document, ...rep.sections, ...rep.paragraphs]) {
          expect(part.start).toBeLessThanOrEqual(part.end);
          expect(part.end).toBeLessThanOrEqual(text.length);
          for (const s of part.hardest) expect(text.slice(s.start, s.end).length).toBe(s.end - s.start);
          if (part.words === 0) expect(part.readingAge).toBeNull();
          else expect(part.readingAge).toBeGreaterThanOrEqual(5);
        }
        expect(JSON.parse(JSON.stringify(rep))).toEqual(rep);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same report and findings with a cache as without', () => {
    const cache = new AnalysisCache();
    fc.assert(
      fc.property(docArb, docArb, (a, b) => {
        check(a, { dictionary, cache });
        const cached = check(`${a}\n\n${b}`, { dictionary, cache });
        const fresh = check(`${a}\n\n${b}`, { dictionary });
        expect(cached.readability).toEqual(fresh.readability);
        expect(cached.findings).toEqual(fresh.findings);
      }),
      { numRuns: 60 },
    );
  });
});
