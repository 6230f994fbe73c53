// The readability report: counts, formulas, reading age, sections, paragraphs, hardest
// sentences, reliability, targets and reading-age findings.
import { describe, expect, it } from 'vitest';
import { syllable } from 'syllable';
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { colemanLiau } from 'coleman-liau';
import { automatedReadability } from 'automated-readability';
import { gunningFog } from 'gunning-fog';
import { spacheFormula } from 'spache-formula';
import { AnalysisCache, LineIndex, check, gradeToAge, type CheckOptions, type ReadabilityReport } from '../../server/src/engine/index.js';
import { agreementOf } from '../../server/src/engine/readability/formulas.js';
import { tinyDictionary } from '../support/engine.js';

const dictionary = tinyDictionary([{ id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] }]);
const report = (text: string, options: Partial<CheckOptions> = {}): ReadabilityReport => check(text, { dictionary, ...options }).readability!;
const findings = (text: string, rule: string, options: Partial<CheckOptions> = {}) => check(text, { dictionary, ...options }).findings.filter((f) => f.ruleId === rule);

const EASY = 'The cat sat on the mat. We like the sun. It is a good day to go out. Come and see us soon.';
const HARD =
  'Comprehensive multidisciplinary rehabilitation necessitates individualised, evidence-based interventions, systematically coordinated across organisational boundaries. ' +
  'Consequently, commissioning organisations prioritise integrated, population-based accountability arrangements.';

/** n words of easy prose in short sentences. */
function easyWords(n: number): string {
  const words = EASY.split(' ');
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[i % words.length]);
  const text = out.join(' ');
  return /[.!?]$/.test(text) ? text : text + '.';
}

describe('counts', () => {
  it('counts words, sentences and syllables with the syllable package', () => {
    const r = report('The cat sat on the mat. Integrated care works.');
    expect(r.document.words).toBe(9);
    expect(r.document.sentences).toBe(2);
    const expected = ['the', 'cat', 'sat', 'on', 'the', 'mat', 'integrated', 'care', 'works'].reduce((n, w) => n + syllable(w), 0);
    expect(r.document.syllables).toBe(expected);
    expect(r.document.polysyllables).toBe(1); // integrated
    expect(r.document.letters).toBe('Thecatsatonthemat'.length + 'Integratedcareworks'.length);
  });

  it('treats headings and list items as their own sentences, and leaves code, URLs and front matter out', () => {
    const doc = [
      '---',
      'title: Lots of words in the front matter here',
      '---',
      '',
      '# A heading without a full stop',
      '',
      'Some text here',
      '',
      '- first item',
      '- second item',
      '',
      '```',
      'code words are not counted at all',
      '```',
      '',
      'See `inline code` at https://example.org/some/long/path today.',
    ].join('\n');
    const r = report(doc);
    expect(r.document.sentences).toBe(5);
    expect(r.document.words).toBe(6 + 3 + 2 + 2 + 3);
  });

  it('splits sentences at full stops, but not after a title, before a lower-case word or in "No. 5"', () => {
    const sentences = (t: string) => report(t).document.sentences;
    expect(sentences('The answer is no. We will call you.')).toBe(2);
    expect(sentences('Ask Dr. Patel. Then go home.')).toBe(2);
    expect(sentences('Bring a form, e.g. the blue one. Then wait.')).toBe(2);
    expect(sentences('See form No. 5 for this. Then wait.')).toBe(2);
    expect(sentences('Is it open? Yes! Come in.')).toBe(3);
  });

  it('counts numbers as one syllable and hyphenated words as one word', () => {
    const r = report('Call 111 about co-production.');
    expect(r.document.words).toBe(4);
    expect(r.document.syllables).toBe(syllable('call') + 1 + syllable('about') + syllable('co') + syllable('production'));
  });
});

describe('formulas and reading age', () => {
  it('feeds the formula packages with the counts and converts grades to UK reading age (grade + 5)', () => {
    const r = report(HARD);
    const c = r.document;
    const k = {
      sentence: c.sentences,
      word: c.words,
      syllable: c.syllables,
      letter: c.letters,
      character: c.letters,
      polysillabicWord: c.polysyllables,
      complexPolysillabicWord: c.complexWords,
      unfamiliarWord: c.unfamiliarWords,
    };
    const r1 = (n: number) => Math.round(n * 10) / 10;
    expect(c.grades.fleschKincaid).toBe(r1(fleschKincaid(k)));
    expect(c.grades.smog).toBe(r1(smogFormula(k)));
    expect(c.grades.colemanLiau).toBe(r1(colemanLiau(k)));
    expect(c.grades.automatedReadability).toBe(r1(automatedReadability(k)));
    expect(c.grades.gunningFog).toBe(r1(gunningFog(k)));
    expect(c.grades.spache).toBe(r1(spacheFormula(k)));
    expect(c.fleschReadingEase).toBe(r1(flesch(k)));
    expect(c.ages.fleschKincaid).toBe(r1(Math.min(25, fleschKincaid(k) + 5)));
    expect(gradeToAge(6)).toBe(11);
    expect(gradeToAge(-3)).toBe(5);
    expect(gradeToAge(40)).toBe(25);
  });

  it('puts easy text at a low reading age and hard text at a high one', () => {
    const easy = report(easyWords(120)).document;
    const hard = report(HARD).document;
    expect(easy.readingAge!).toBeLessThanOrEqual(9);
    expect(hard.readingAge!).toBeGreaterThanOrEqual(20);
    expect(easy.fleschReadingEase!).toBeGreaterThan(90);
    expect(hard.fleschReadingEase!).toBeLessThan(10);
  });

  it('says in one line how many formulas agree', () => {
    expect(agreementOf([11.2, 11.9, 12.5, 12.1, 11.0, 16, 7], 11.9).text).toBe('5 of 7 formulas put this at reading age 11-12');
    expect(agreementOf([9, 9.5, 10.2, 10.9, 9.1, 10, 9.9], 9.9).text).toBe('All 7 formulas put this at reading age 9-10');
    expect(agreementOf([5, 8, 11, 14, 17, 20, 23], 14).text).toBe('The 7 formulas disagree: reading ages from 5 to 23');
    const r = report(HARD).document;
    expect(r.agreement?.text).toMatch(/^(All 7|\d of 7) formulas put this at reading age \d+-\d+$/);
    // The band holds the median's neighbourhood: the reading age is in or next to it.
    expect(Math.abs(r.agreement!.from + 0.5 - r.readingAge!)).toBeLessThan(3);
  });
});

describe('document, sections and paragraphs', () => {
  const doc = [
    'Intro paragraph before any heading.',
    '',
    '# Easy part',
    '',
    easyWords(110),
    '',
    '## Hard part',
    '',
    HARD,
    '',
    '- a list item',
    '',
    '| Term | Meaning |',
    '| --- | --- |',
    '| words in a table | are not prose for scoring |',
  ].join('\n');
  const r = report(doc);

  it('has one section per heading, plus the text before the first heading', () => {
    expect(r.sections.map((s) => s.heading?.text ?? null)).toEqual([null, 'Easy part', 'Hard part']);
    expect(r.sections[1].heading).toMatchObject({ depth: 1, range: { start: { line: 2, character: 0 } } });
    expect(r.sections.reduce((n, s) => n + s.words, 0)).toBe(r.document.words);
  });

  it('has one entry per paragraph and list item (not headings or table cells)', () => {
    expect(r.paragraphs.map((p) => [p.range.start.line, p.listItem])).toEqual([
      [0, false],
      [4, false],
      [8, false],
      [10, true],
    ]);
    // Table cells are not counted in the scores.
    expect(r.document.words).toBe(5 + 2 + 110 + 2 + HARD.split(/\s+/).length + 3);
  });

  it('marks short texts as not reliable', () => {
    expect(r.paragraphs[0].reliable).toBe(false);
    expect(r.paragraphs[1].reliable).toBe(true);
    expect(r.sections[0].reliable).toBe(false);
    expect(r.sections[1].reliable).toBe(true);
    expect(r.sections[2].reliable).toBe(false); // fewer than 100 words
    expect(r.document.reliable).toBe(true);
    expect(r.minWords).toEqual({ document: 100, section: 100, paragraph: 30 });
  });

  it('lists the hardest sentences with exact offsets and positions', () => {
    const lines = new LineIndex(doc);
    const hard = r.document.hardest;
    expect(hard.length).toBeGreaterThanOrEqual(2);
    expect(hard[0].text.startsWith('Comprehensive')).toBe(true);
    for (const s of hard) {
      expect(doc.slice(s.start, s.end)).toBe(s.text);
      expect(lines.offset(s.range.start)).toBe(s.start);
      expect(lines.offset(s.range.end)).toBe(s.end);
    }
    expect(hard[0].readingAge).toBeGreaterThanOrEqual(hard[1].readingAge);
  });

  it('carries the audience and target', () => {
    expect(r).toMatchObject({ version: 1, audience: 'public', target: 9 });
  });
});

describe('edge cases', () => {
  it('a document that is all code has an empty, unreliable report and no findings from it', () => {
    const r = report('```\nconst x = 1;\n```\n');
    expect(r.document).toMatchObject({ words: 0, sentences: 0, readingAge: null, fleschReadingEase: null, reliable: false, hardest: [] });
    expect(r.document.ages.smog).toBeNull();
    expect(r.sections).toEqual([]);
    expect(r.paragraphs).toEqual([]);
    expect(findings('```\nconst x = 1;\n```\n', 'reading-age')).toEqual([]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('an empty document and a heading with no text', () => {
    expect(report('').document.words).toBe(0);
    const r = report('#\n\n## \n\nSome words here.');
    expect(r.document.words).toBe(3);
    expect(r.sections).toHaveLength(1);
  });

  it('a one-word paragraph', () => {
    const r = report('Hello');
    expect(r.paragraphs).toHaveLength(1);
    expect(r.paragraphs[0]).toMatchObject({ words: 1, sentences: 1, reliable: false });
    expect(r.paragraphs[0].readingAge).not.toBeNull();
    expect(r.paragraphs[0].hardest).toEqual([]);
  });

  it('a table only', () => {
    const r = report('| A | B |\n| --- | --- |\n| one two | three |');
    expect(r.document.words).toBe(0);
    expect(r.paragraphs).toEqual([]);
  });

  it('plain text format', () => {
    const r = report('First paragraph here.\n\nSecond one.', { format: 'text' });
    expect(r.paragraphs.map((p) => p.words)).toEqual([3, 2]);
  });

  it('the same report from a cached re-check as from a fresh one', () => {
    const cache = new AnalysisCache();
    const parts = Array.from({ length: 200 }, (_, i) => (i % 3 ? `Paragraph ${i}: ${easyWords(20 + (i % 7))}` : `## Part ${i}\n\n${HARD}`));
    const doc = parts.join('\n\n');
    report(doc, { cache });
    const edited = doc.replace('Paragraph 199:', 'The last paragraph, changed:');
    expect(report(edited, { cache })).toEqual(report(edited));
    expect(cache.hits).toBeGreaterThan(0);
  });
});

describe('reading-age findings', () => {
  const hardSection = `# Hard section\n\n${HARD} ${HARD} ${HARD}\n\n${HARD} ${HARD} ${HARD}`;

  it('flags a section over the target at its heading, with age, target and hardest sentences', () => {
    const fs = findings(hardSection, 'reading-age');
    expect(fs[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 14 } });
    expect(fs[0].message).toMatch(/^Reading age \d+ is above the target of 9 for the public in this section\./);
    expect(fs[0].message).toMatch(/formulas put this at reading age/);
    expect(fs[0].message).toMatch(/Hardest sentences: “Comprehensive multidisciplinary.*” \(line 3\)/);
    expect(fs[0].severity).toBe('info');
  });

  it('flags paragraphs over the target at their first line, unless the section is that one paragraph', () => {
    const fs = findings(hardSection, 'reading-age');
    expect(fs.map((f) => f.range.start.line)).toEqual([0, 2, 4]);
    const one = findings(`# One\n\n${HARD} ${HARD} ${HARD} ${HARD} ${HARD} ${HARD}`, 'reading-age');
    expect(one.map((f) => f.range.start.line)).toEqual([0]);
  });

  it('stays quiet for easy text, for short text and for staff when under their target', () => {
    expect(findings(`# Easy\n\n${easyWords(150)}`, 'reading-age')).toEqual([]);
    expect(findings(`# Short\n\n${HARD}`, 'reading-age')).toEqual([]); // under 30 words: not reliable
    const medium = `# Staff\n\n${'Check the medicines chart at each visit and tell the nurse in charge about any missed doses. '.repeat(8)}`;
    const rep = report(medium, { audience: 'staff' });
    expect(rep.sections[0].readingAge!).toBeGreaterThan(9.5);
    expect(rep.sections[0].readingAge!).toBeLessThan(14.5);
    expect(findings(medium, 'reading-age', { audience: 'staff' })).toEqual([]);
    expect(findings(medium, 'reading-age', { audience: 'public' }).length).toBeGreaterThan(0);
  });

  it('follows config readingAge and rule severity', () => {
    expect(findings(hardSection, 'reading-age', { config: { readingAge: { public: 25 } } })).toEqual([]);
    expect(findings(hardSection, 'reading-age', { config: { rules: { 'reading-age': 'off' } } })).toEqual([]);
    expect(findings(hardSection, 'reading-age', { config: { rules: { 'reading-age': 'warning' } } })[0].severity).toBe('warning');
  });

  it('flags the text before the first heading at its first line', () => {
    const fs = findings(`${HARD}\n${HARD}\n\n${HARD} ${HARD}`, 'reading-age');
    expect(fs[0].range.start).toEqual({ line: 0, character: 0 });
    expect(fs[0].range.end.line).toBe(0);
  });
});

describe('hard sentences', () => {
  it('flags a sentence most formulas put more than 10 years above the target', () => {
    const fs = findings(HARD, 'hard-sentence');
    expect(fs.map((f) => f.actual.split(' ')[0])).toEqual(['Comprehensive', 'Consequently,']);
    expect(fs[0].message).toMatch(/reading age \d+, well above the target of 9/);
    expect(findings(HARD, 'hard-sentence', { audience: 'staff', config: { readingAge: { staff: 25 } } })).toEqual([]);
  });

  it('leaves easy and very short sentences alone, and does not repeat a long-sentence finding', () => {
    expect(findings(easyWords(100), 'hard-sentence')).toEqual([]);
    expect(findings('Multidisciplinary rehabilitation necessitates coordination.', 'hard-sentence')).toEqual([]);
    const long = `${HARD.split('. ')[0]} across multidisciplinary organisational boundaries and commissioning arrangements nationally, regionally and locally, wherever appropriate, for every organisation and every community involved.`;
    expect(findings(long, 'long-sentence')).toHaveLength(1);
    expect(findings(long, 'hard-sentence')).toEqual([]);
  });
});
