/**
 * Sentences and their counts, from the engine's own tokens. Each block (paragraph, heading,
 * list item, table cell) is its own run of sentences: a heading never runs into the paragraph
 * after it. The result depends only on the chunk's analysis, so it is kept with it: an editor
 * that re-checks a document recounts only the chunks that changed.
 */
import type { ChunkAnalysis, AnalysedBlock } from '../analyse.js';
import { LINE_SEPARATOR, reportText, toSource, toSourceEnd, type BlockKind } from '../prose.js';
import type { Token } from '../tokenize.js';
import { readingAgeOf } from './formulas.js';
import type { ReadabilityCounts } from './types.js';
import { partFacts, type PartFacts } from './words.js';

/** A sentence: what the report and the sentence rules read (its counts are in its block's totals). */
export interface SentenceStats {
  /** Offsets relative to the chunk. */
  start: number;
  end: number;
  /** The sentence as prose (block text). */
  text: string;
  words: number;
  /** Median reading age of the sentence on its own. */
  readingAge: number;
}

export interface BlockStats {
  /** Index in ChunkAnalysis.blocks. */
  index: number;
  kind: BlockKind;
  depth?: number;
  listItem: boolean;
  /** Offsets relative to the chunk. */
  start: number;
  end: number;
  sentences: SentenceStats[];
  totals: ReadabilityCounts;
}

export interface ChunkReadability {
  blocks: BlockStats[];
}

/** Abbreviations that end in a full stop without ending the sentence (before a capital: "Dr. Patel"). */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'rev', 'fig', 'figs', 'vs', 'approx', 'dept', 'tel']);

/** Abbreviations that go on only before a number ("No. 5", "p. 12"); "The answer is no. We ..." ends. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'p', 'pp', 'vol', 'ch', 'para', 'ref']);

/** The sentence counts of a chunk, computed once per chunk analysis. */
export function chunkReadability(analysis: ChunkAnalysis): ChunkReadability {
  return (analysis.memo.readability ??= { blocks: analysis.blocks.map((ab, index) => blockStats(ab, index)) });
}

export function emptyCounts(): ReadabilityCounts {
  return { words: 0, sentences: 0, syllables: 0, letters: 0, polysyllables: 0, complexWords: 0, difficultWords: 0, unfamiliarWords: 0 };
}

function resetCounts(c: ReadabilityCounts): void {
  c.words = 0;
  c.sentences = 0;
  c.syllables = 0;
  c.letters = 0;
  c.polysyllables = 0;
  c.complexWords = 0;
  c.difficultWords = 0;
  c.unfamiliarWords = 0;
}

export function addCounts(to: ReadabilityCounts, c: ReadabilityCounts): void {
  to.words += c.words;
  to.sentences += c.sentences;
  to.syllables += c.syllables;
  to.letters += c.letters;
  to.polysyllables += c.polysyllables;
  to.complexWords += c.complexWords;
  to.difficultWords += c.difficultWords;
  to.unfamiliarWords += c.unfamiliarWords;
}

function isHyphen(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011;
}

// ASCII first (almost every word), without a string for the first character.
function startsLower(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = word[0];
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = word[0];
  return ch !== ch.toLowerCase();
}

/** Does the sentence go on across the tokenizer's boundary between two tokens? */
function continues(prev: Token, next: Token): boolean {
  // Sentences start with a capital or a number: "e.g. eat well", "approx. ten" go on.
  if (startsLower(next.text)) return true;
  if (TITLES.has(prev.lower)) return true;
  const c = next.text.charCodeAt(0);
  return c >= 48 && c <= 57 && BEFORE_NUMBER.has(prev.lower);
}

/** Closing punctuation that belongs to the sentence before it. */
function isClosing(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 34 || code === 39 || code === 41 || code === 93 || code === 0x201d || code === 0x2019 || code === 0x2026;
}

/** The counts of the sentence being read (blockStats is not re-entrant: one is enough). */
const counting = emptyCounts();

/** The sentences of the block being read, copied out at its end (an array grown by push keeps spare room). */
const found: SentenceStats[] = [];

function blockStats(ab: AnalysedBlock, index: number): BlockStats {
  const { block, tokens } = ab;
  const text = block.text;
  // Sentences are given as the reports give prose; most blocks hold no HTML line break.
  const breaks = text.includes(LINE_SEPARATOR);
  const totals = emptyCounts();
  const c = counting;
  found.length = 0;
  // Tokens of the open sentence: first and after the last (first < 0: no open sentence).
  let first = -1;
  let after = 0;
  const close = () => {
    if (first < 0) return;
    let e = tokens[after - 1].end;
    while (e < text.length && isClosing(text.charCodeAt(e))) e++;
    const from = tokens[first].start;
    addCounts(totals, c);
    found.push({ start: toSource(block, from), end: toSourceEnd(block, e), text: breaks ? reportText(text.slice(from, e)) : text.slice(from, e), words: c.words, readingAge: readingAgeOf(c) ?? 0 });
    first = -1;
  };
  let i = 0;
  while (i < tokens.length) {
    // A word: tokens joined by single hyphens ("co-production", "COVID-19").
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].start === tokens[j].end + 1 && isHyphen(text.charCodeAt(tokens[j].end))) j++;
    if (first >= 0 && tokens[i].sentence !== tokens[i - 1].sentence && !continues(tokens[i - 1], tokens[i])) close();
    const initial = first < 0;
    if (initial) {
      first = i;
      resetCounts(c);
      c.sentences = 1;
    }
    after = j + 1;
    countWord(c, tokens, i, j, initial);
    i = j + 1;
  }
  close();
  return {
    index,
    kind: block.kind,
    depth: block.depth,
    listItem: !!block.listItem,
    start: block.start,
    end: block.end,
    sentences: found.slice(),
    totals,
  };
}

function countWord(s: ReadabilityCounts, tokens: Token[], i: number, j: number, sentenceInitial: boolean): void {
  let syllables = 0;
  let letters = 0;
  let longestPart = 0;
  let allDale = true;
  let allSpache = true;
  let f!: PartFacts;
  for (let k = i; k <= j; k++) {
    f = partFacts(tokens[k].lower);
    syllables += f.syllables;
    letters += f.letters;
    if (f.syllables > longestPart) longestPart = f.syllables;
    if (!f.daleChall) allDale = false;
    if (!f.spache) allSpache = false;
  }
  const first = tokens[i].text;
  // A capital inside a sentence marks a name (or an acronym): familiar by the Dale-Chall rules,
  // and not a "complex word" for Gunning fog.
  const name = !sentenceInitial && startsUpper(first);
  s.words++;
  s.syllables += syllables;
  s.letters += letters;
  if (syllables >= 3) {
    s.polysyllables++;
    // Gunning: words made three syllables by -es, -ed or -ing are not complex ("created", "wanted").
    if (!name && longestPart >= 3 && !(i === j && f.madeLongBySuffix)) s.complexWords++;
  }
  if (!name && !allDale) s.difficultWords++;
  if (!name && !allSpache) s.unfamiliarWords++;
}
