/**
 * The readability formulas, fed with the engine's own counts, and their conversion to a UK
 * reading age. The formula packages are the reference implementations of the published
 * formulas; this file only converts grades to ages and says how far the formulas agree.
 */
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { smogFormula } from 'smog-formula';
import { colemanLiau } from 'coleman-liau';
import { automatedReadability } from 'automated-readability';
import { gunningFog } from 'gunning-fog';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { spacheFormula } from 'spache-formula';
import type { Agreement, FormulaName, FormulaValues, ReadabilityCounts } from './types.js';

export const FORMULAS: readonly FormulaName[] = ['fleschKincaid', 'smog', 'colemanLiau', 'automatedReadability', 'gunningFog', 'daleChall', 'spache'];

/** Plain names for messages and docs. */
export const FORMULA_NAMES: Record<FormulaName, string> = {
  fleschKincaid: 'Flesch-Kincaid',
  smog: 'SMOG',
  colemanLiau: 'Coleman-Liau',
  automatedReadability: 'Automated Readability Index',
  gunningFog: 'Gunning fog',
  daleChall: 'Dale-Chall',
  spache: 'Spache',
};

export const MIN_AGE = 5;
export const MAX_AGE = 25;

/**
 * UK reading age from a US school grade. US children start grade 1 at 6 and finish it at 7, so
 * a text for grade G suits a reader of about G + 5 (see docs/readability.md).
 */
export function gradeToAge(grade: number): number {
  return Math.min(MAX_AGE, Math.max(MIN_AGE, grade + 5));
}

/** What the formula packages take (their own field names). */
function packageCounts(c: ReadabilityCounts) {
  return {
    sentence: c.sentences,
    word: c.words,
    syllable: c.syllables,
    letter: c.letters,
    character: c.letters,
    polysillabicWord: c.polysyllables,
    complexPolysillabicWord: c.complexWords,
    difficultWord: c.difficultWords,
    unfamiliarWord: c.unfamiliarWords,
  };
}

export function round1(n: number): number {
  // "|| 0" turns -0 into 0, so the report survives JSON unchanged.
  return Math.round(n * 10) / 10 || 0;
}

/** US grade by each formula, unrounded; undefined when there are no words. */
export function formulaGrades(c: ReadabilityCounts): FormulaValues | undefined {
  if (c.words <= 0 || c.sentences <= 0) return undefined;
  const k = packageCounts(c);
  // Dale-Chall gives a score that maps to a band of grades; the top of the band is used, as
  // retext-readability does (16 for the last, open band: college graduate).
  const band = daleChallGradeLevel(daleChallFormula(k));
  const dc = Number.isFinite(band[1]) ? band[1] : 16;
  return {
    fleschKincaid: fleschKincaid(k),
    smog: smogFormula(k),
    colemanLiau: colemanLiau(k),
    automatedReadability: automatedReadability(k),
    gunningFog: gunningFog(k),
    daleChall: dc,
    spache: spacheFormula(k),
  };
}

export function fleschReadingEase(c: ReadabilityCounts): number | undefined {
  if (c.words <= 0 || c.sentences <= 0) return undefined;
  return flesch(packageCounts(c));
}

export function median(xs: number[]): number {
  const s = xs.slice();
  // Insertion sort: the lists here have seven numbers.
  for (let i = 1; i < s.length; i++) {
    const v = s[i];
    let j = i - 1;
    while (j >= 0 && s[j] > v) {
      s[j + 1] = s[j];
      j--;
    }
    s[j + 1] = v;
  }
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Reading ages by formula and their median; undefined when there are no words. */
export function formulaAges(c: ReadabilityCounts, grades = formulaGrades(c)): { ages: FormulaValues; readingAge: number } | undefined {
  if (!grades) return undefined;
  const ages: FormulaValues = {
    fleschKincaid: gradeToAge(grades.fleschKincaid),
    smog: gradeToAge(grades.smog),
    colemanLiau: gradeToAge(grades.colemanLiau),
    automatedReadability: gradeToAge(grades.automatedReadability),
    gunningFog: gradeToAge(grades.gunningFog),
    daleChall: gradeToAge(grades.daleChall),
    spache: gradeToAge(grades.spache),
  };
  return { ages, readingAge: median([ages.fleschKincaid, ages.smog, ages.colemanLiau, ages.automatedReadability, ages.gunningFog, ages.daleChall, ages.spache]) };
}

/** Package counts reused by readingAgeOf, which runs once per sentence. */
const scratchCounts = packageCounts({ words: 0, sentences: 0, syllables: 0, letters: 0, polysyllables: 0, complexWords: 0, difficultWords: 0, unfamiliarWords: 0 });
const scratchAges: number[] = [0, 0, 0, 0, 0, 0, 0];

/**
 * formulaAges(c)?.readingAge without building objects (it runs once per sentence): the same
 * formulas in the same order, so the same number.
 */
export function readingAgeOf(c: ReadabilityCounts): number | undefined {
  if (c.words <= 0 || c.sentences <= 0) return undefined;
  const k = scratchCounts;
  k.sentence = c.sentences;
  k.word = c.words;
  k.syllable = c.syllables;
  k.letter = c.letters;
  k.character = c.letters;
  k.polysillabicWord = c.polysyllables;
  k.complexPolysillabicWord = c.complexWords;
  k.difficultWord = c.difficultWords;
  k.unfamiliarWord = c.unfamiliarWords;
  const band = daleChallGradeLevel(daleChallFormula(k));
  const ages = scratchAges;
  ages[0] = gradeToAge(fleschKincaid(k));
  ages[1] = gradeToAge(smogFormula(k));
  ages[2] = gradeToAge(colemanLiau(k));
  ages[3] = gradeToAge(automatedReadability(k));
  ages[4] = gradeToAge(gunningFog(k));
  ages[5] = gradeToAge(Number.isFinite(band[1]) ? band[1] : 16);
  ages[6] = gradeToAge(spacheFormula(k));
  return median(ages);
}

/** Histogram of whole years for agreementOf (reused: it runs once per paragraph). */
const hist = new Array<number>(MAX_AGE + 2).fill(0);

/** The two-year band of reading age that most formulas fall in ("5 of 7 formulas put this at reading age 11-12"). */
export function agreementOf(ages: number[], readingAge: number): Agreement {
  // Histogram of whole years, then the best pair of neighbouring years.
  hist.fill(0);
  let lo = MAX_AGE;
  let hi = MIN_AGE;
  for (const a of ages) {
    const w = Math.min(MAX_AGE, Math.max(MIN_AGE, Math.floor(a)));
    hist[w]++;
    if (w < lo) lo = w;
    if (w > hi) hi = w;
  }
  const centre = Math.floor(readingAge);
  let best = -1;
  let bestFrom = MIN_AGE;
  for (let from = MIN_AGE; from < MAX_AGE; from++) {
    const count = hist[from] + hist[from + 1];
    // Ties go to the band nearest the median.
    if (count > best || (count === best && Math.abs(from + 0.5 - centre) < Math.abs(bestFrom + 0.5 - centre))) {
      best = count;
      bestFrom = from;
    }
  }
  const of = ages.length;
  const from = bestFrom;
  const to = from + 1;
  let text: string;
  if (best === of) text = `All ${of} formulas put this at reading age ${from}-${to}`;
  else if (best >= 2) text = `${best} of ${of} formulas put this at reading age ${from}-${to}`;
  else text = `The ${of} formulas disagree: reading ages from ${lo} to ${hi}`;
  return { count: best, of, from, to, text };
}
