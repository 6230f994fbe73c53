// Paragraphs in Welsh are left out of every rule and of the readability counts: the dictionary,
// the sentence rules and the formulas are for English (language.ts).
import { describe, expect, it } from 'vitest';
import { AnalysisCache, analyseDocument, check, findingsOf, readabilityReport } from '../../server/src/engine/index.js';
import { dictionary } from '../support/engine.js';
import { ENGLISH_WORD, WELSH_WORD, wordClass, type LanguageCounts } from '../../server/src/engine/language.js';
import { tokenize } from '../../server/src/engine/tokenize.js';

const welsh = [
  "Os oes angen i chi newid eich apwyntiad, ffoniwch y feddygfa cyn gynted â phosibl. Byddwn yn cynnig amser arall i chi ac yn anfon llythyr atoch chi gyda'r manylion, ac os na allwch ddod, rhowch wybod i ni er mwyn i ni allu rhoi'r apwyntiad i rywun arall sydd angen ei weld a'i helpu gyda'r ICB.",
  "Mae'r bwrdd iechyd yn gyfrifol am wasanaethau iechyd yn yr ardal. Rydym am glywed gan bobl sy'n defnyddio ein gwasanaethau er mwyn i ni allu eu gwella.",
  'Gallwch gael y ddogfen hon mewn fformatau eraill, fel print bras.',
];
const english = 'We will utilise the feedback from the ICB in order to facilitate improvements to your care going forward.';

const rulesOf = (text: string) => check(text, { dictionary }).findings.map((f) => `${f.ruleId}:${f.actual.slice(0, 20)}`);

describe('paragraphs in Welsh', () => {
  it('are not checked: no jargon, acronym, sentence or reading-age findings', () => {
    for (const paragraph of welsh) expect(rulesOf(paragraph), paragraph).toEqual([]);
    // The same words in English are flagged, so the rules would have had work.
    expect(rulesOf(english)).toEqual(expect.arrayContaining(['jargon:utilise', 'acronym:ICB', 'jargon:in order to']));
  });

  it('leave the English paragraphs of a bilingual document checked as ever, and out of its readability', () => {
    const doc = `# Apwyntiadau / Appointments\n\n${welsh[0]}\n\n${english}\n\n${welsh[1]}\n`;
    const alone = check(`# Apwyntiadau / Appointments\n\n${english}\n`, { dictionary });
    const both = check(doc, { dictionary });
    expect(both.findings.map((f) => [f.ruleId, f.actual])).toEqual(alone.findings.map((f) => [f.ruleId, f.actual]));
    expect(both.readability?.document.words).toBe(alone.readability?.document.words);
    expect(both.readability?.document.readingAge).toBe(alone.readability?.document.readingAge);
  });

  it('give what a fresh check gives when an editor re-reads them from its cache', () => {
    const doc = [welsh[0], english, welsh[1], english, welsh[2]].join('\n\n');
    const cache = new AnalysisCache();
    for (const text of [doc, doc.replace('newid', 'newid eto'), doc.replace('utilise', 'use')]) {
      const cached = analyseDocument(text, { dictionary, cache });
      const fresh = analyseDocument(text, { dictionary });
      expect(findingsOf(cached, { dictionary, cache })).toEqual(findingsOf(fresh, { dictionary }));
      expect(readabilityReport(cached)).toEqual(readabilityReport(fresh));
    }
    expect(findingsOf(analyseDocument(doc, { dictionary, cache }), { dictionary, cache }).length).toBeGreaterThan(0);
  });

  it('are counted by the tokenizer as the class of each word says', () => {
    for (const text of [...welsh, english, 'Mae West and Chi Onwurah will utilise the hall: Y Theatr, yn Abertawe.', 'yn y yr mae', 'Use EU EU EU EU and eu eu eu.']) {
      const counts: LanguageCounts = { welsh: -1, english: -1 };
      const tokens = tokenize(text, counts);
      const classes = tokens.map((t) => wordClass(t.text, t.lower));
      expect(counts, text).toEqual({ welsh: classes.filter((c) => c === WELSH_WORD).length, english: classes.filter((c) => c === ENGLISH_WORD).length });
    }
    // Each Welsh paragraph has Welsh words enough; the English one has none.
    for (const text of welsh) {
      const counts: LanguageCounts = { welsh: 0, english: 0 };
      const words = tokenize(text, counts).length;
      expect(counts.welsh * 4 >= words && counts.welsh > counts.english, text).toBe(true);
    }
  });

  it('are told from English with Welsh names in it, and from acronyms that are Welsh words in lower case', () => {
    const cases = [
      'Betsi Cadwaladr University Health Board will utilise the new clinic at Ysbyty Gwynedd in Bangor.',
      'Senedd Cymru (Welsh Parliament) and Llywodraeth Cymru will utilise the report from Caerdydd a’r Fro.',
      'Use EU when you mean EU member states: EU countries, EU businesses, goods exported from the EU, EU VAT numbers, and utilise nothing else.',
      'Mae West and Chi Onwurah will utilise the hall: Y Theatr, yn Abertawe.',
    ];
    for (const text of cases) expect(rulesOf(text), text).toContain('jargon:utilise');
  });
});
