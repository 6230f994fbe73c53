// visitFindings hands an editor each chunk's kept findings in runs, split where a finding of the
// whole document (a section's reading age, an acronym's first use) falls among them, found by
// binary search. The runs and the single findings between them, read in order, must be every
// finding once, in document order: what the way that reads every finding one by one gives.
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analyseDocument, findingsOf, placeKept, visitFindings, type CheckOptions, type Finding } from '../../server/src/engine/index.js';
import { dictionary } from '../support/engine.js';

/** A hard sentence of about 30 words, over every reading-age target. */
const HARD =
  'Notwithstanding the aforementioned considerations, multidisciplinary stakeholder engagement necessitates comprehensive organisational transformation, facilitating sustainable, evidence-based commissioning arrangements throughout integrated neighbourhood partnerships and collaborative governance structures.';

/**
 * One chunk of less than 4 KB (no blank lines), so one group: two sections over the target,
 * each of two paragraphs (list items), with jargon before and after an unknown acronym's first use.
 */
const ONE_CHUNK = [
  '# First section',
  `- We will utilise the plan. ${HARD} The QXZ team will leverage it. ${HARD}`,
  `- ${HARD} We will facilitate it in order to help. ${HARD}`,
  '# Second section',
  `- We will utilise the plan. ${HARD} Ask the QXZ. ${HARD}`,
  `- ${HARD} Going forward, we will leverage it. ${HARD}`,
].join('\n');

/** What visitFindings hands over, as findings in order. */
function visited(text: string, options: CheckOptions): Finding[] {
  const doc = analyseDocument(text, options);
  const out: Finding[] = [];
  visitFindings(doc, options, {
    keptRun(list, from, to, move) {
      expect(to).toBeGreaterThan(from);
      for (let i = from; i < to; i++) out.push(placeKept(list[i], move));
    },
    placed(f) {
      out.push(f);
    },
  });
  return out;
}

const key = (f: Finding) => `${f.ruleId}/${f.entryId ?? ''} ${f.start}-${f.end}`;
const full = (f: Finding) => `${key(f)} ${f.severity} ${f.message}`;

describe('runs of kept findings', () => {
  for (const [name, text] of [
    ['one chunk with two sections and an acronym', ONE_CHUNK],
    ['the same, suppressed in part', `<!-- plainwords-disable-next-line -->\n${ONE_CHUNK}`],
    ['the same, twice', `${ONE_CHUNK}\n\n${ONE_CHUNK}`],
  ] as const) {
    it(`${name}: every finding once, in document order`, () => {
      const options: CheckOptions = { dictionary, format: 'markdown', cache: new AnalysisCache() };
      const runs = visited(text, options);
      const whole = findingsOf(analyseDocument(text, { dictionary, format: 'markdown' }), { dictionary, format: 'markdown' });
      expect(runs.map(key)).toEqual(whole.map(key));
      // Against the way that reads every finding one by one, which any suppression comment
      // takes: one that suppresses nothing, after everything, changes no finding.
      const oneByOne = visited(`${text}\n\n<!-- plainwords-disable-next-line no-such-entry -->\n`, { dictionary, format: 'markdown', cache: new AnalysisCache() });
      expect(runs.map(full)).toEqual(oneByOne.map(full));
      for (let i = 1; i < runs.length; i++) {
        const [a, b] = [runs[i - 1], runs[i]];
        expect(a.start < b.start || (a.start === b.start && a.end <= b.end), `${key(a)} before ${key(b)}`).toBe(true);
      }
      // The case this is about: findings of the whole document (an acronym's first use, the
      // second section's reading age) among one chunk's own.
      const at = (f: (x: Finding) => boolean) => runs.findIndex(f);
      const firstJargon = at((f) => f.ruleId === 'jargon');
      const lastJargon = runs.map((f) => f.ruleId).lastIndexOf('jargon');
      const acronym = at((f) => f.ruleId === 'acronym');
      const sections = runs.filter((f) => f.ruleId === 'reading-age' && f.message.includes('this section'));
      expect(sections.length).toBeGreaterThanOrEqual(1);
      const second = runs.indexOf(sections[sections.length - 1]);
      expect(firstJargon).toBeLessThan(acronym);
      expect(acronym).toBeLessThan(second);
      expect(second).toBeLessThan(lastJargon);
    });
  }
});
