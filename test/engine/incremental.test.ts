// Re-checking an edited document reuses what each unchanged chunk's rules found (kept with its
// analysis, moved to where the chunk is now): the result must be what a fresh check gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analyseDocument, findingsOf, readabilityReport, type CheckOptions, type TextChange } from '../../server/src/engine/index.js';
import { dictionary } from '../support/engine.js';

const doc = (name: string) => readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8');

/** The project's own docs, with a suppression region and a glossary row, so every rule has work. */
const fixture = [
  doc('docs/readability.md'),
  '<!-- plainwords-disable jargon -->\n\nWe will utilise the ICB to facilitate this.\n\n<!-- plainwords-enable -->',
  '| ICB | integrated care board |\n| --- | --- |',
  doc('docs/editors.md'),
  doc('ARCHITECTURE.md'),
].join('\n\n');

/** A small deterministic random number generator. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** An edit: a letter, a line break or a blank line put in, or a character taken out. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const kind = Math.floor(next() * 4);
  if (kind === 0) return text.slice(0, at) + 'e' + text.slice(at);
  if (kind === 1) return text.slice(0, at) + '\n' + text.slice(at);
  if (kind === 2) return text.slice(0, at) + '\n\nA new paragraph with an ICB in it.\n\n' + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1);
}

const settings: Array<Partial<CheckOptions>> = [{}, { audience: 'staff' }, { config: { passive: true, longSentence: 15, rules: { 'hard-sentence': 'warning' } } }];

describe('incremental findings and readability', () => {
  for (const [n, extra] of settings.entries()) {
    it(`equal a fresh check after random edits (settings ${n})`, () => {
      const cache = new AnalysisCache();
      const next = random(7 + n);
      let text = fixture;
      for (let k = 0; k < 25; k++) {
        const cached = analyseDocument(text, { dictionary, cache, ...extra });
        const fresh = analyseDocument(text, { dictionary, ...extra });
        expect(findingsOf(cached, { dictionary, cache, ...extra })).toEqual(findingsOf(fresh, { dictionary, ...extra }));
        expect(readabilityReport(cached, extra.config)).toEqual(readabilityReport(fresh, extra.config));
        text = edit(text, next);
      }
      // Most chunks came from the cache: the test exercises reuse, not fresh analyses.
      expect(cache.hits).toBeGreaterThan(cache.misses);
    });
  }

  it('read the word before a match in its own sentence only, and agree with a fresh check when the chunk before changes', () => {
    // "submitted" after "be" is a participle ("be given"); a "be" that ends the paragraph before
    // is no part of its sentence. That paragraph is a chunk of its own, edited between checks.
    const cache = new AnalysisCache();
    const fixes = (text: string, c?: AnalysisCache) => findingsOf(analyseDocument(text, { dictionary, cache: c }), { dictionary, cache: c }).filter((f) => f.entryId === 'submit').map((f) => f.replacements.map((r) => r.text));
    const a = 'You can also be\n\nsubmitted forms are here. It must be submitted.';
    const b = 'You can also go\n\nsubmitted forms are here. It must be submitted.';
    expect(analyseDocument(a, { dictionary }).chunks.map((c) => a.slice(c.start, c.end))).toEqual(['You can also be', 'submitted forms are here. It must be submitted.']);
    expect(fixes(a)).toEqual([['sent', 'gave'], ['sent', 'given']]);
    expect(fixes(a, cache)).toEqual(fixes(a));
    expect(fixes(b, cache)).toEqual(fixes(b));
  });

  it('count a section again when the blank lines between its paragraphs change', () => {
    // Sections of several paragraphs, above the target: their findings quote the hardest
    // sentences (in each section's last paragraph) with their lines, and the report gives those
    // sentences' offsets. The edits are to blank lines between parse units inside a section, so
    // every paragraph's text, and its analysis, stays as it was.
    const hard = 'Comprehensive multidisciplinary rehabilitation necessitates considerable organisational coordination across institutional boundaries.';
    const section = (n: number) => [`# Section ${n}`, `We help you ${n}. `.repeat(20), `${n}: ${hard} `.repeat(4), `Organisational ${hard} `.repeat(4)].join('\n\n\n');
    const start = Array.from({ length: 30 }, (_, n) => section(n)).join('\n\n\n');
    // Blank lines between two parse units, before a paragraph (not a heading).
    const groups = analyseDocument(start, { dictionary }).chunks;
    const gaps = groups.slice(1).filter((g, i) => start[g.start] !== '#' && start.slice(groups[i].end, g.start) === '\n\n\n').map((g) => g.start - 3);
    expect(gaps.length).toBeGreaterThan(4);
    for (const withChange of [false, true]) {
      let text = start;
      const cache = new AnalysisCache();
      const same = (change?: TextChange) => {
        const cached = analyseDocument(text, { dictionary, cache, change });
        const fresh = analyseDocument(text, { dictionary });
        const findings = findingsOf(cached, { dictionary, cache });
        expect(findings).toEqual(findingsOf(fresh, { dictionary }));
        expect(readabilityReport(cached)).toEqual(readabilityReport(fresh));
        return findings;
      };
      expect(same().filter((f) => f.ruleId === 'reading-age' && f.message.includes('section')).length).toBe(30);
      // From the end, so the offsets of the gaps before stay right.
      for (const [k, at] of [...gaps.entries()].reverse()) {
        // A space on a blank line: the paragraphs after it move by one character, on the same
        // lines; or \r for \n: the same offsets, one line up.
        const insert = k % 2 ? '\n \n\n' : '\n\r\n';
        text = text.slice(0, at) + insert + text.slice(at + 3);
        same(withChange ? { start: at, oldEnd: at + 3, newEnd: at + insert.length } : undefined);
        // Every paragraph's analysis was reused.
        expect(cache.misses).toBe(0);
      }
    }
  });

  it('hands out findings that callers may change without changing later results', () => {
    const cache = new AnalysisCache();
    const first = findingsOf(analyseDocument(fixture, { dictionary, cache }), { dictionary, cache });
    expect(first.length).toBeGreaterThan(10);
    for (const f of first) {
      f.start = -1;
      f.message = 'changed';
      f.range.start.line = -1;
      f.range.end.character = -1;
      for (const r of f.replacements) {
        r.text = 'changed';
        r.edit.start = -1;
      }
      f.replacements.push({ text: 'x', edit: { start: 0, end: 0, newText: 'x' }, fixable: false });
    }
    // The same document and one with lines added above everything: both as a fresh check.
    for (const text of [fixture, `Intro line.\n\n${fixture}`]) {
      const again = findingsOf(analyseDocument(text, { dictionary, cache }), { dictionary, cache });
      expect(again).toEqual(findingsOf(analyseDocument(text, { dictionary }), { dictionary }));
    }
  });
});
