/**
 * Word facts for the readability formulas: syllables (one counter for everything: the
 * `syllable` package), letters, and whether a word is on the Dale-Chall and Spache lists of
 * familiar words.
 */
import { syllable } from 'syllable';
import { daleChall } from 'dale-chall';
import { spache } from 'spache';

const syllableCache = new Map<string, number>();
const CACHE_LIMIT = 100_000;

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Longer "words" (a run of one letter, base64, a hash) are counted in pieces: the syllable
 * counter's patterns take time that grows with the square of a word's length (100,000 "x"
 * took 17 seconds). English words are shorter than this.
 */
const LONGEST_WORD = 64;

function longSyllables(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i += LONGEST_WORD) n += Math.max(1, syllable(word.slice(i, i + LONGEST_WORD)));
  return n;
}

/** Syllables in one word part (no hyphens). Numbers count as one syllable, as GNU style counts them. */
export function syllablesOf(part: string): number {
  const key = part.toLowerCase();
  let n = syllableCache.get(key);
  if (n === undefined) {
    n = hasDigit(key) ? 1 : key.length > LONGEST_WORD ? longSyllables(key) : Math.max(1, syllable(key));
    if (syllableCache.size >= CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(key, n);
  }
  return n;
}

/** Letters and digits (apostrophes, ampersands and other marks inside words are not letters). */
export function lettersOf(part: string): number {
  let n = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    // Apostrophes, ampersands and the dots of "e.g." are not letters.
    if (c === 39 || c === 0x2019 || c === 38 || c === 46) continue;
    // A low surrogate is the second half of one character.
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    n++;
  }
  return n;
}

let daleSet: Set<string> | undefined;
let spacheSet: Set<string> | undefined;

/** Regular inflections that keep a familiar word familiar (the Dale-Chall counting rules). */
function stems(word: string): string[] {
  const out: string[] = [];
  const n = word.length;
  if (word.endsWith("'s")) out.push(word.slice(0, -2));
  if (n > 3 && word.endsWith('ies')) out.push(word.slice(0, -3) + 'y');
  if (n > 3 && word.endsWith('ied')) out.push(word.slice(0, -3) + 'y');
  if (n > 2 && word.endsWith('es')) out.push(word.slice(0, -2));
  if (n > 1 && word.endsWith('s')) out.push(word.slice(0, -1));
  if (n > 2 && word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (n > 3 && word.endsWith('ing')) out.push(word.slice(0, -3), word.slice(0, -3) + 'e');
  if (n > 2 && word.endsWith('er')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (n > 3 && word.endsWith('est')) out.push(word.slice(0, -3), word.slice(0, -2));
  if (n > 2 && word.endsWith('ly')) out.push(word.slice(0, -2));
  // Doubled consonant: stopped → stop, running → run.
  if (n > 4 && (word.endsWith('ing') || word.endsWith('ed'))) {
    const base = word.endsWith('ing') ? word.slice(0, -3) : word.slice(0, -2);
    if (base.length > 2 && base[base.length - 1] === base[base.length - 2]) out.push(base.slice(0, -1));
  }
  return out;
}

function onList(set: Set<string>, lower: string): boolean {
  if (set.has(lower)) return true;
  for (const s of stems(lower)) if (set.has(s)) return true;
  return false;
}

/** On the Dale-Chall list (3,000 words familiar to fourth graders), allowing regular endings. */
export function isDaleChallFamiliar(lower: string): boolean {
  daleSet ??= new Set(daleChall);
  return onList(daleSet, lower);
}

/** On the Spache list of familiar words, allowing regular endings. */
export function isSpacheFamiliar(lower: string): boolean {
  spacheSet ??= new Set(spache);
  return onList(spacheSet, lower);
}

/** A common English word written in lower case (used to tell shouting from acronyms: "PLEASE NOTE"). */
export function isCommonWord(lower: string): boolean {
  daleSet ??= new Set(daleChall);
  spacheSet ??= new Set(spache);
  return daleSet.has(lower) || spacheSet.has(lower);
}

export { hasDigit };

/** Facts about one word part (no hyphens), by its lower-case form. */
export interface PartFacts {
  syllables: number;
  letters: number;
  digit: boolean;
  daleChall: boolean;
  spache: boolean;
  /** Three syllables or more only because of -es, -ed or -ing ("created", "wanted"): not complex for Gunning fog. */
  madeLongBySuffix: boolean;
}

function madeLongBySuffix(w: string): boolean {
  for (const suffix of ['ing', 'ed', 'es']) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix)) return syllablesOf(w.slice(0, -suffix.length)) < 3;
  }
  return false;
}

const factsCache = new Map<string, PartFacts>();

/** Everything the counts need about a word part, computed once per distinct word. */
export function partFacts(lower: string): PartFacts {
  let f = factsCache.get(lower);
  if (!f) {
    const digit = hasDigit(lower);
    f = {
      syllables: syllablesOf(lower),
      letters: lettersOf(lower),
      digit,
      daleChall: digit || isDaleChallFamiliar(lower),
      spache: digit || isSpacheFamiliar(lower),
      madeLongBySuffix: false,
    };
    f.madeLongBySuffix = f.syllables >= 3 && madeLongBySuffix(lower);
    if (factsCache.size >= CACHE_LIMIT) factsCache.clear();
    factsCache.set(lower, f);
  }
  return f;
}
