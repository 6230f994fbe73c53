/**
 * Blocks of prose that are not in English. Plain Words checks English: its dictionary, its
 * sentence rules and its readability formulas are for English, and read on a paragraph in
 * Welsh they give nonsense (a reading age of 17 for a plain Welsh paragraph). Documents of
 * public bodies in Wales are often in both languages, so a paragraph in Welsh is left out of
 * every rule and of the readability counts.
 *
 * A block is in Welsh when a quarter or more of its words, and more of them than of the
 * commonest English words, are common Welsh words that are not English words (yn, eich, mae,
 * gyda, sydd, …), written in lower case or with a capital (in capitals they are acronyms: "EU").
 * English prose never comes near: its own small words are a third or more of it.
 */
/** Common Welsh words (function words and a few very common verbs) that are not English words. */
const WELSH = new Set([
  'yn', 'y', 'yr', "'r", 'eich', 'chi', 'mae', "mae'r", 'ein', 'gyda', "gyda'r", 'neu', 'bod', 'wedi', 'hyn', 'hon', 'hwn', 'sydd',
  "sy'n", 'gan', 'fel', 'ond', 'bydd', 'byddwn', 'byddwch', 'fydd', 'yw', 'oes', 'mewn', 'nid', 'fod', 'cael', 'rhaid',
  'gallwch', 'gallu', 'ni', "i'r", "o'r", "a'r", "â'r", 'ar', 'ei', 'eu', 'ydy', 'ydych', 'rydym', 'rydych', 'dros', 'drwy',
  'trwy', 'ac', 'â', 'na', 'pob', 'mwy', 'hefyd', 'yma', 'rhai', 'sut', 'beth', 'pwy', 'ddim', 'hynny', 'felly', 'gennych',
  'yng', 'ym', 'wrth', 'atoch', 'iddo', 'iddi', 'oedd', 'roedd', 'angen', 'eisiau', 'os', 'gwybod', 'ddefnyddio',
]);

/** The commonest English words (none of them Welsh). */
const ENGLISH = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'you', 'your', 'that', 'for', 'it', 'with', 'on', 'are', 'as', 'be', 'this', 'we',
  'our', 'by', 'or', 'from', 'have', 'will', 'can', 'not', 'they', 'an', 'was', 'if', 'their', 'has', 'what', 'which',
  'who', 'when', 'more', 'about', 'do', 'there', 'these', 'all', 'may', 'should', 'also', 'been', 'were', 'would', 'how',
]);

/** A word's language class (wordClass): the tokenizer counts them per text (LanguageCounts). */
export const WELSH_WORD = 1;
export const ENGLISH_WORD = 2;

/**
 * WELSH_WORD, ENGLISH_WORD or 0 for a word as written and its lower case. A word with no letter
 * in lower case is an acronym ("EU", "NI"), not Welsh. The tokenizer asks once per distinct word
 * (its table of words keeps the answer).
 */
export function wordClass(word: string, lower: string): number {
  if (lower.length > 10 || word === word.toUpperCase()) return 0;
  return WELSH.has(lower) ? WELSH_WORD : ENGLISH.has(lower) ? ENGLISH_WORD : 0;
}

/** How many words of a text are of each class, as the tokenizer counts them. */
export interface LanguageCounts {
  welsh: number;
  english: number;
}

/** Fewer words than this say too little to tell a language by. */
const MIN_WORDS = 5;

/** Whether a block of `words` words, `counts` of them counted by class, is in Welsh (see above). */
export function isWelsh(words: number, counts: LanguageCounts): boolean {
  return words >= MIN_WORDS && counts.welsh * 4 >= words && counts.welsh > counts.english;
}
