/**
 * The readability report: plain data, stable (docs/readability.md describes every field).
 * Editors show it in hovers and code lenses; `plainwords check --format json` prints it.
 */
import type { Audience, Position } from '../types.js';

/** What the formulas are computed from. */
export interface ReadabilityCounts {
  words: number;
  sentences: number;
  syllables: number;
  /** Letters and digits in words (Coleman-Liau, ARI). */
  letters: number;
  /** Words of three or more syllables (SMOG). */
  polysyllables: number;
  /** Polysyllables that are not names and not made long by -es, -ed or -ing (Gunning fog). */
  complexWords: number;
  /** Words not on the Dale-Chall list of familiar words. */
  difficultWords: number;
  /** Words not on the Spache list of familiar words. */
  unfamiliarWords: number;
}

/** One value per grade formula. */
export interface FormulaValues<T = number> {
  fleschKincaid: T;
  smog: T;
  colemanLiau: T;
  automatedReadability: T;
  gunningFog: T;
  daleChall: T;
  spache: T;
}

export type FormulaName = keyof FormulaValues;

/** How many formulas agree on a two-year band of reading age. */
export interface Agreement {
  /** Formulas whose reading age falls in [from, to + 1). */
  count: number;
  /** Formulas with a score. */
  of: number;
  from: number;
  to: number;
  /** One line: "5 of 7 formulas put this at reading age 11-12". */
  text: string;
}

export interface ReadabilityScores extends ReadabilityCounts {
  /** US school grade by each formula (null when there are no words). */
  grades: FormulaValues<number | null>;
  /** UK reading age by each formula: grade + 5, clamped to 5-25. */
  ages: FormulaValues<number | null>;
  /** Flesch reading ease, 0 (hard) to 100 (easy); can go outside that range. */
  fleschReadingEase: number | null;
  /** UK reading age: the median of the formulas' ages. */
  readingAge: number | null;
  agreement: Agreement | null;
  /** False when the text is too short for the formulas to mean much (see ReadabilityReport.minWords). */
  reliable: boolean;
}

export interface Span {
  /** UTF-16 offsets in the checked text. */
  start: number;
  end: number;
  range: { start: Position; end: Position };
}

/** A sentence with its own score. */
export interface SentenceReadability extends Span {
  /** The sentence's prose (markup removed; U+FFFC stands for inline code). */
  text: string;
  words: number;
  /** Median of the formulas' reading ages for this sentence alone. */
  readingAge: number;
}

export interface ReadabilityPart extends ReadabilityScores, Span {
  /** The two or three hardest sentences (highest reading age first); sentences of 5 words or more. */
  hardest: SentenceReadability[];
  /** Reliable and its rounded reading age is above the target. */
  overTarget: boolean;
}

export interface SectionReadability extends ReadabilityPart {
  /** The heading that starts the section; none for text before the first heading. */
  heading?: Span & { text: string; depth: number };
}

export interface ParagraphReadability extends ReadabilityPart {
  /** True for a paragraph in a list item. */
  listItem: boolean;
}

export interface ReadabilityReport {
  /** Changes when a field changes meaning. */
  version: 1;
  audience: Audience;
  /** Target UK reading age for the audience. */
  target: number;
  /** Fewest words for a reliable score. */
  minWords: { document: number; section: number; paragraph: number };
  document: ReadabilityPart;
  /** A heading and the text up to the next heading (of any level); text before the first heading is a section without a heading. */
  sections: SectionReadability[];
  /** Paragraphs, list items included; headings, table cells and image text are not paragraphs. */
  paragraphs: ParagraphReadability[];
}
