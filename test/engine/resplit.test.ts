// Splitting again only around a change (resplitChunks, and analyseDocument given the change) must
// give exactly what a full split and a fresh check give, over many random documents and edits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AnalysisCache, analyseDocument, findingsOf, readabilityReport, type DocumentAnalysis } from '../../server/src/engine/index.js';
import { resplitChunks, splitChunks, type Chunk, type TextChange } from '../../server/src/engine/chunks.js';
import builtin from '../support/builtin-dictionary.js';
import { dictionary } from '../support/engine.js';
import { Docs, type Edit } from '../property/arbitraries.js';
import { suiteRuns } from '../property/runs.js';

const docs = new Docs(builtin);

/** Several generated documents joined by blank lines: long enough for several groups. */
const longDoc = (format: 'markdown' | 'text') => fc.array(docs.doc({ format, maxLines: 30 }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('\n\n'));

/** Edits of the usual kind (a letter typed or deleted) mixed with the generator's harder ones. */
const edits = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ at: fc.nat(), remove: fc.constantFrom(0, 0, 1), insert: fc.constantFrom('e', '', ' ') }) },
    { weight: 3, arbitrary: docs.edits(1).map((e) => e[0]) },
    { weight: 1, arbitrary: fc.record({ at: fc.nat(), remove: fc.nat(3), insert: fc.constantFrom('[x]: #', '[x]', '```', '\n\n', '<!--', '    ', '---') }) },
  ),
  { minLength: 1, maxLength: 8 },
);

/** The change an edit makes, and the text after it. */
function applied(text: string, e: Edit): { text: string; change: TextChange } {
  const start = text.length ? e.at % (text.length + 1) : 0;
  const end = Math.min(text.length, start + e.remove);
  return { text: text.slice(0, start) + e.insert + text.slice(end), change: { start, oldEnd: end, newEnd: start + e.insert.length } };
}

const shape = (text: string, groups: Chunk[]) => groups.map((g) => ({ text: text.slice(g.start, g.end), start: g.start, end: g.end, labels: g.labels?.key }));

describe('splitting again around a change', () => {
  for (const format of ['markdown', 'text'] as const) {
    it(`gives the groups of a full split (${format})`, () => {
      let worked = 0;
      let declined = 0;
      fc.assert(
        fc.property(longDoc(format), edits, (doc, list) => {
          let text = doc;
          let groups = splitChunks(text, format);
          for (const e of list) {
            const next = applied(text, e);
            const full = splitChunks(next.text, format);
            const r = resplitChunks(next.text, format, text, groups, next.change);
            if (r) {
              worked++;
              expect(shape(next.text, r.groups)).toEqual(shape(next.text, full));
              // What it says it kept is the old groups: the same before, moved after.
              for (let i = 0; i < r.from; i++) expect(r.groups[i]).toBe(groups[i]);
              for (let i = r.to; i < r.groups.length; i++) {
                const old = groups[i - r.to + r.oldTo];
                expect(next.text.slice(r.groups[i].start, r.groups[i].end)).toBe(text.slice(old.start, old.end));
              }
            } else declined++;
            text = next.text;
            groups = full;
          }
        }),
        { numRuns: suiteRuns(1) * 3 },
      );
      // The property exercises the re-split, not only the fallback to a full split. Markdown's
      // random edits fall back about 40% of the time (259 to 338 of 712 to 794 over five runs), so
      // "more often than not" failed now and then by chance; a quarter still catches a re-split
      // that is seldom taken.
      expect(worked).toBeGreaterThan((worked + declined) / 4);
    });
  }

  it('gives the findings and readability of a fresh check, and leaves the cache complete', () => {
    fc.assert(
      fc.property(longDoc('markdown'), edits, fc.constantFrom({}, { config: { passive: true } }), (doc, list, extra) => {
        const cache = new AnalysisCache();
        let text = doc;
        let cached: DocumentAnalysis = analyseDocument(text, { dictionary, cache, ...extra });
        for (const e of list) {
          const next = applied(text, e);
          text = next.text;
          cached = analyseDocument(text, { dictionary, cache, change: next.change, ...extra });
          const fresh = analyseDocument(text, { dictionary, ...extra });
          expect(cached.chunks.map((c) => [c.start, c.end])).toEqual(fresh.chunks.map((c) => [c.start, c.end]));
          expect(findingsOf(cached, { dictionary, cache, ...extra })).toEqual(findingsOf(fresh, { dictionary, ...extra }));
          expect(readabilityReport(cached, extra.config)).toEqual(readabilityReport(fresh, extra.config));
        }
        // The cache holds every chunk of the text and nothing else: a full check analyses nothing
        // again. (Unless the first chunk's text comes again further down: the cache keeps one
        // analysis per text, and the first chunk's may differ, as with front matter.)
        const texts = cached.chunks.map((c) => text.slice(c.start, c.end));
        if (!texts.slice(1).includes(texts[0])) {
          expect(cache.size).toBe(new Set(texts).size);
          analyseDocument(text, { dictionary, cache, ...extra });
          expect(cache.misses).toBe(0);
        }
      }),
      // A failure is reported as found, with its seed (replay it to shrink): shrinking inputs this
      // large takes minutes, past the test's time limit, which would hide the counterexample.
      { numRuns: suiteRuns(2), endOnFailure: true },
    );
  });

  it('never reuses the first group further down, where front matter is no longer front matter', () => {
    const head = '---\ntitle: We utilise\n---\n\nText.\n';
    // One paragraph of 17 KB, over the group size: a group of its own, so the old first group starts a group again after it.
    const intro = 'word '.repeat(3400) + '\n\n';
    const cache = new AnalysisCache();
    analyseDocument(head, { dictionary, cache });
    const text = intro + head;
    const edited = analyseDocument(text, { dictionary, cache, change: { start: 0, oldEnd: 0, newEnd: intro.length } });
    const fresh = findingsOf(analyseDocument(text, { dictionary }), { dictionary });
    expect(fresh.some((f) => f.entryId === 'utilise')).toBe(true);
    expect(findingsOf(edited, { dictionary })).toEqual(fresh);
  });

  it('checks the change it is given: a wrong one costs a full split, never a wrong answer', () => {
    const cache = new AnalysisCache();
    // Enough paragraphs for many groups.
    const text = Array.from({ length: 300 }, (_, i) => `Paragraph ${i}: we will utilise it.`).join('\n\n');
    analyseDocument(text, { dictionary, cache });
    // The same length: every group boundary stays where it was.
    const edited = text.replace('Paragraph 250: we will utilise', 'Paragraph 250: we will xxxxxxx');
    // Claims that only the start of the document changed.
    const wrong = analyseDocument(edited, { dictionary, cache, change: { start: 0, oldEnd: 20, newEnd: 20 } });
    expect(findingsOf(wrong, { dictionary })).toEqual(findingsOf(analyseDocument(edited, { dictionary }), { dictionary }));
  });
});
