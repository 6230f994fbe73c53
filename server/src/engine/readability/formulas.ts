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
  return Math.round(n * 10) / 10;
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
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Reading ages by formula and their median; undefined when there are no words. */
export function formulaAges(c: ReadabilityCounts): { ages: FormulaValues; readingAge: number } | undefined {
  const grades = formulaGrades(c);
  if (!grades) return undefined;
  const ages = {} as FormulaValues;
  for (const f of FORMULAS) ages[f] = gradeToAge(grades[f]);
  return { ages, readingAge: median(FORMULAS.map((f) => ages[f])) };
}

/** The two-year band of reading age that most formulas fall in ("5 of 7 formulas put this at reading age 11-12"). */
export function agreementOf(ages: number[], readingAge: number): Agreement {
  const whole = ages.map((a) => Math.floor(a));
  let best = { count: -1, from: 0 };
  const centre = Math.floor(readingAge);
  for (let from = MIN_AGE; from < MAX_AGE; from++) {
    const count = whole.filter((a) => a === from || a === from + 1).length;
    // Ties go to the band nearest the median.
    const better = count > best.count || (count === best.count && Math.abs(from + 0.5 - centre) < Math.abs(best.from + 0.5 - centre));
    if (better) best = { count, from };
  }
  const of = ages.length;
  const from = best.from;
  const to = from + 1;
  let text: string;
  if (best.count === of) text = `All ${of} formulas put this at reading age ${from}-${to}`;
  else if (best.count >= 2) text = `${best.count} of ${of} formulas put this at reading age ${from}-${to}`;
  else text = `The ${of} formulas disagree: reading ages from ${Math.min(...whole)} to ${Math.max(...whole)}`;
  return { count: best.count, of, from, to, text };
}
