/**
 * Pronunciation guides: "hemoglobin (HEE-muh-glow-bin)", "mitral (MI-trul)", where capitals
 * mark the stressed syllable. Their capitals are not acronyms (rules/acronyms.ts), and a term
 * followed by one is being taught, not used (analyse.ts).
 */
import { isCommonWord } from './readability/words.js';
import { HAS_DIGIT, HAS_LOWER, HAS_UPPER, NON_ASCII, type Token } from './tokenize.js';

/** Lower-case words that join the parts of a compound of acronyms: "GP-to-GP", "A-and-E". */
const JOINING_WORDS = new Set(['a', 'an', 'and', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** Prefixes written with a hyphen ("anti-TNF", "non-HTML", "co-located"): such a part is no syllable of a pronunciation guide. */
const PREFIXES = new Set(['anti', 'co', 'cross', 'de', 'ex', 'inter', 'intra', 'mid', 'multi', 'non', 'post', 'pre', 'pro', 're', 'semi', 'sub', 'trans', 'ultra', 'un']);

/** Whether token b follows token a with one hyphen between: "co-located", "kon-JEN". */
export function isHyphenJoined(text: string, a: Token, b: Token): boolean {
  return b.start === a.end + 1 && text.charCodeAt(a.end) === 45;
}

/** ASCII letters only, in capitals (2: "HEE"), in lower case (1: "muh"), or neither (0: "Rith", "19"). */
function letterCase(t: Token): number {
  const f = t.flags;
  if (f & (HAS_DIGIT | NON_ASCII)) return 0;
  if (!(f & HAS_UPPER)) return 1;
  return f & HAS_LOWER ? 0 : 2;
}

/** The first and last token of the hyphen-joined word that token i is part of ("kon-JEN-ih-tal": 4 tokens). */
export function hyphenRun(text: string, tokens: Token[], i: number): [number, number] {
  let a = i;
  let b = i;
  while (a > 0 && isHyphenJoined(text, tokens[a - 1], tokens[a])) a--;
  while (b + 1 < tokens.length && isHyphenJoined(text, tokens[b], tokens[b + 1])) b++;
  return [a, b];
}

/**
 * Whether the hyphen-joined word of tokens a..b (hyphenRun) is a pronunciation guide, where
 * capitals mark the stressed syllable: "ah-RITH-me-ah", "hemoglobin (HEE-muh-glow-bin)",
 * "mitral (MI-trul)". Such a word is syllables of plain letters, some in capitals and some in
 * lower case, and either has three parts or more (not joined by "to", "and" ...: "GP-to-GP") or
 * stands in brackets that hold nothing but such words (see respellingBrackets).
 */
export function isRespelling(text: string, tokens: Token[], a: number, b: number): boolean {
  if (a === b) return false;
  let upper = false;
  let lower = false;
  let joining = false;
  for (let k = a; k <= b; k++) {
    const c = letterCase(tokens[k]);
    if (c === 0) return false;
    if (c === 2) upper = true;
    else {
      lower = true;
      if (JOINING_WORDS.has(tokens[k].lower)) joining = true;
    }
  }
  if (!upper || !lower) return false;
  if (b - a >= 2 && !joining) return true;
  return respellingBrackets(text, tokens[a].start, tokens[b].end);
}

/**
 * Whether tokens a..b are a two-part pronunciation guide alone in brackets just after the word
 * it says: "Asthma (AZ-ma)", "Bouchard's (boo-SHARDZ) nodes". One part in capitals, one in lower
 * case, and the guide starts with the word's first letter. For acronyms not in the glossary only
 * (rules/acronyms.ts): "care (CQC-registered)" has the same shape. A lower-case part that ends in
 * -ed or -ing, or that words are often joined to ("GP-led", "NHS-based"), is no syllable.
 */
export function guideAfterWord(text: string, tokens: Token[], a: number, b: number): boolean {
  if (b !== a + 1 || a === 0) return false;
  const cases = letterCase(tokens[a]) + letterCase(tokens[b]);
  if (cases !== 3) return false;
  const lower = letterCase(tokens[a]) === 1 ? tokens[a].lower : tokens[b].lower;
  if (/(?:ed|ing)$/.test(lower) || COMPOUND_ENDS.has(lower) || PREFIXES.has(lower)) return false;
  const word = tokens[a - 1];
  if (text.slice(word.end, tokens[a].start) !== ' (' || text.charCodeAt(tokens[b].end) !== 41) return false;
  return (word.text.charCodeAt(0) | 32) === (tokens[a].text.charCodeAt(0) | 32);
}

/** Words joined to an acronym with a hyphen that are not syllables: "GP-led", "NHS-wide". */
const COMPOUND_ENDS = new Set(['based', 'led', 'wide', 'run', 'only', 'free', 'like', 'style', 'type', 'level', 'friendly', 'funded', 'related', 'specific', 'approved', 'compliant', 'ready', 'first', 'era', 'age', 'area', 'team', 'plus']);

/**
 * Whether text[start, end) stands in brackets that hold only pronunciation: words of hyphen-joined
 * letters (or "or" between them), one of three syllables or more, or one whose lower-case
 * syllable is no word ("MI-trul"; not "anti-TNF", "ICB-based", "(RT-PCR)": no lower case).
 */
function respellingBrackets(text: string, start: number, end: number): boolean {
  const isGuideChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45 || c === 32 || c === 59;
  let open = start - 1;
  while (open >= 0 && start - open < 80 && isGuideChar(text.charCodeAt(open))) open--;
  let close = end;
  while (close < text.length && close - end < 80 && isGuideChar(text.charCodeAt(close))) close++;
  if (text.charCodeAt(open) !== 40 || text.charCodeAt(close) !== 41) return false;
  let syllables = false;
  for (const word of text.slice(open + 1, close).split(/[ ;]+/)) {
    if (word === '' || word === 'or') continue;
    const parts = word.split('-');
    if (parts.length < 2 || parts.some((p) => p === '')) return false;
    if (parts.length >= 3) syllables = true;
    for (const p of parts) if (p === p.toLowerCase() && !isCommonWord(p) && !PREFIXES.has(p) && !/(?:ed|ing)$/.test(p)) syllables = true;
  }
  return syllables;
}
