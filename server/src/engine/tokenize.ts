/**
 * Word tokens of a block of prose. Linear in the length of the text; no regular expressions on
 * the hot path.
 */
import { ENGLISH_WORD, WELSH_WORD, wordClass, type LanguageCounts } from './language.js';

/** Bits of Token.flags. */
export const JOINED = 1;
export const HAS_UPPER = 2;
export const POSSESSIVE = 4;
/** A character outside ASCII (a curly apostrophe included): case questions need the string methods. */
export const NON_ASCII = 8;
/** An ASCII digit. */
export const HAS_DIGIT = 16;
/** An ASCII lower-case letter. */
export const HAS_LOWER = 32;

/**
 * One word. Tokens live only while a check reads them (an editor's cached analyses keep none:
 * analyse.ts), so a token is plain: `end` derived from `start` and `text`, the yes/no facts in
 * `flags`, and `lower` the very same string as `text` when the word is already lower case.
 */
export class Token {
  constructor(
    /** Offset in the block text. */
    readonly start: number,
    /** The word as written. */
    readonly text: string,
    /** Lower case, with curly apostrophes made straight. */
    readonly lower: string,
    /** Index of the sentence in the block. */
    readonly sentence: number,
    /** JOINED, HAS_UPPER, POSSESSIVE, NON_ASCII, HAS_DIGIT, HAS_LOWER. */
    readonly flags: number,
  ) {}

  /** Offset just after the word in the block text. */
  get end(): number {
    return this.start + this.text.length;
  }

  /** True when only spaces, tabs, line breaks or one hyphen separate it from the previous token. */
  get joined(): boolean {
    return (this.flags & JOINED) !== 0;
  }

  /** True when the word has a capital letter. */
  get hasUpper(): boolean {
    return (this.flags & HAS_UPPER) !== 0;
  }

  /** True when the word ends in a possessive 's ("ICB's"). */
  get possessive(): boolean {
    return (this.flags & POSSESSIVE) !== 0;
  }
}

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

/** Character classes. */
const OTHER = 0;
const WORD = 1;
const SPACE = 2;
const HYPHEN = 3;
const END = 4;
/** Apostrophe, straight or curly. */
const APOSTROPHE = 5;
/** Joiner inside words (&). */
const JOINER = 6;

/** The class of each ASCII character, read by index: the tokenizer's fast path. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) ASCII_CLASS[c] = WORD;
  else if (c === 32 || c === 9 || c === 10 || c === 13) ASCII_CLASS[c] = SPACE;
  else if (c === 45) ASCII_CLASS[c] = HYPHEN;
  else if (c === 46 || c === 33 || c === 63) ASCII_CLASS[c] = END;
  else if (c === 39) ASCII_CLASS[c] = APOSTROPHE;
  else if (c === 38) ASCII_CLASS[c] = JOINER;
  else ASCII_CLASS[c] = OTHER;
}

/** The class of a character outside ASCII (not a surrogate). */
function nonAsciiClass(code: number, ch: string): number {
  if (code === 0xa0 || code === 0x2028) return SPACE;
  if (code === 0x2010 || code === 0x2011) return HYPHEN;
  if (code === 0x2019) return APOSTROPHE;
  return NON_ASCII_WORD.test(ch) ? WORD : OTHER;
}

/**
 * The class at a position, reading a surrogate pair as one character: letters and combining
 * marks outside the Basic Multilingual Plane are word characters too (a word never ends
 * between a letter and its mark, nor inside a pair). A lone surrogate is not a word character.
 */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_CLASS[code];
  if (code < 0xd800 || code > 0xdfff) return nonAsciiClass(code, text[i]);
  const at = code <= 0xdbff ? i : i - 1;
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  if (!(high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff)) return OTHER;
  return NON_ASCII_WORD.test(text.slice(at, at + 2)) ? WORD : OTHER;
}

/**
 * Whether the run of non-space characters from `s` to `e` is a URL, an email address or a path:
 * it holds "://", starts with "www.", or holds both "@" and ".". The word from `start` to `end`
 * in it is not read again: it holds none of ":", "/" and "@", and a "." only when `dotted`.
 */
function urlishRun(text: string, s: number, start: number, end: number, e: number, dotted: boolean): boolean {
  if (e - s < 5) return false;
  if (text.charCodeAt(s) === 119 && text.charCodeAt(s + 1) === 119 && text.charCodeAt(s + 2) === 119 && text.charCodeAt(s + 3) === 46) return true; // www.
  let at = false;
  let dot = dotted;
  for (let k = s; k < e; k++) {
    if (k === start) {
      k = end - 1;
      continue;
    }
    const c = text.charCodeAt(k);
    if (c === 58) {
      if (k + 2 < e && text.charCodeAt(k + 1) === 47 && text.charCodeAt(k + 2) === 47) return true;
    } else if (c === 64) at = true;
    else if (c === 46) dot = true;
  }
  return at && dot;
}

/** FNV-1a hash of UTF-16 code units: the tokenizer hashes each word as it reads it. */
const HASH_START = 0x811c9dc5 | 0;
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/**
 * Words seen lately, each kept once, in an open-addressing table keyed by the words' hashes.
 * The analyses of open documents hold millions of tokens: with this, all the tokens of one word
 * share one string, stored one byte a character when it can be (a word cut from a text with any
 * character past U+00FF is two bytes a character) and already hashed for the trie's lookups.
 * A word found here is not cut from the text at all. The table is emptied when half full.
 */
const SLOTS = 1 << 17;
const MASK = SLOTS - 1;
const slotHash = new Int32Array(SLOTS);
const slotWord: Array<string | undefined> = new Array<string | undefined>(SLOTS).fill(undefined);
/** Lower case of the word, with curly apostrophes made straight. */
const slotLower: string[] = new Array<string>(SLOTS).fill('');
/** The word's language class (wordClass), counted per text for `languages`. */
const slotClass = new Uint8Array(SLOTS);
let slotsUsed = 0;
/** Longer words are not kept (a rare long word would only fill the table). */
const MAX_KEPT_LENGTH = 40;
/** Probes before giving up on keeping a word: words crafted to share a hash cannot make tokenizing quadratic. */
const MAX_PROBES = 32;

/** The slot of the word text[start, end) with hash `h`: where it is, or the empty slot where it goes; -1 when neither is near. */
function slotOf(text: string, start: number, end: number, h: number): number {
  const length = end - start;
  let k = h & MASK;
  for (let probes = 0; probes < MAX_PROBES; probes++) {
    const w = slotWord[k];
    if (w === undefined || (slotHash[k] === h && w.length === length && text.startsWith(w, start))) return k;
    k = (k + 1) & MASK;
  }
  return -1;
}

function hashOf(word: string): number {
  let h = HASH_START;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/** The lower case of a word, with curly apostrophes made straight. */
function lowerCaseOf(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

/**
 * Keep a word cut from the text, not yet in the table, with its lower case (`lower` false: the
 * word is its own lower case). Returns its slot, or -1 when it could not be kept.
 */
function keep(word: string, h: number, lower: boolean): number {
  // The lower case first: keeping it may empty the table.
  let keptLower: string | undefined;
  if (lower) {
    const l = lowerCaseOf(word);
    if (l !== word) keptLower = lowerCaseOf(l) === l ? wordOf(l) : l;
  }
  if (slotsUsed >= SLOTS >> 1) {
    slotWord.fill(undefined);
    slotLower.fill('');
    slotsUsed = 0;
  }
  const k = slotOf(word, 0, word.length, h);
  if (k < 0) return -1;
  // A fresh copy: one byte a character when every character allows, and no reference to the text it was cut from.
  const kept = word.split('').join('');
  slotHash[k] = h;
  slotWord[k] = kept;
  slotLower[k] = keptLower ?? kept;
  slotClass[k] = wordClass(kept, slotLower[k]);
  slotsUsed++;
  return k;
}

/** The kept copy of a word that is its own lower case. */
function wordOf(word: string): string {
  const h = hashOf(word);
  let k = slotOf(word, 0, word.length, h);
  if (k >= 0 && slotWord[k] === undefined) k = keep(word, h, false);
  return k >= 0 ? slotWord[k]! : word;
}

/**
 * The last parts of web addresses that are also names in prose: "GOV.UK", "NHS.UK", "nhs.net",
 * "bbc.co.uk". Only these: a full stop between other letters ("the end.Next") still ends a word.
 */
const DOMAIN_PARTS = new Set(['uk', 'com', 'org', 'net', 'gov', 'nhs', 'scot', 'wales', 'cymru', 'ac', 'co', 'eu', 'edu', 'io']);

/** Whether the letters from `from` are one of DOMAIN_PARTS, ending the word or followed by another ".part". */
function isDomainPart(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && k - from <= 5 && isLetter(text.charCodeAt(k))) k++;
  if (k - from < 2 || k - from > 5) return false;
  if (k < text.length) {
    const c = text.charCodeAt(k);
    const cls = c < 128 ? ASCII_CLASS[c] : classAt(text, k);
    // "GOV.UKs" or "nhs.uk2" are not addresses; "bbc.co.uk" reads on, and "GOV.UK's" is one.
    if (cls === WORD) return false;
    if ((cls === APOSTROPHE || cls === JOINER) && k + 1 < text.length && classAt(text, k + 1) === WORD) {
      const possessive = cls === APOSTROPHE && (text.charCodeAt(k + 1) | 32) === 115 && (k + 2 >= text.length || classAt(text, k + 2) !== WORD);
      if (!possessive) return false;
    }
  }
  return DOMAIN_PARTS.has(text.slice(from, k).toLowerCase());
}

/** Part of a run of non-space characters (an address is read as one run): not a space, nor an HTML line break. */
function inRun(c: number): boolean {
  return c > 32 && c !== 0x2028;
}

/** A line break in prose: LF, CR, or U+2028, which stands for an HTML line break (markdown-lite.ts LINE_SEPARATOR). */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028;
}

/** An ASCII digit (a UTF-16 code unit). */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Whether the apostrophe at `i` ends a plural possessive: right after the last token, a word
 * ending in "s", and followed by a space or the end ("carers' assessment", "the teams' plans").
 */
function isPluralPossessive(text: string, i: number, tokens: Token[]): boolean {
  const last = tokens.length ? tokens[tokens.length - 1] : undefined;
  if (!last || last.end !== i || (text.charCodeAt(i - 1) | 32) !== 115) return false;
  const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  return next === 32 || next === 9 || next === 0xa0 || isLineBreak(next);
}

/**
 * The words of a text. With `languages`, also counts its words of each language class
 * (language.ts wordClass) as it goes, so telling a block's language reads no token again.
 */
export function tokenize(text: string, languages?: LanguageCounts): Token[] {
  const tokens: Token[] = [];
  let welsh = 0;
  let english = 0;
  const n = text.length;
  let i = 0;
  let sentence = 0;
  // State of the gap since the last token.
  let gapOk = true;
  let hyphens = 0;
  let sawEnd = false;
  // End of the current run of non-space characters and whether it is a URL: each run is scanned once.
  let chunkEnd = -1;
  let chunkUrl = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? ASCII_CLASS[code] : classAt(text, i);
    if (cls === WORD) {
      const start = i;
      let flags = 0;
      // Start of the current dot-separated segment, and whether the word has a dot yet.
      let segment = i;
      let dotted = false;
      let domain = false;
      let j = i;
      let h = HASH_START;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c >= 97 && c <= 122) {
          // The common case first: a lower-case letter.
          flags |= HAS_LOWER;
          h = hashStep(h, c);
          j++;
          continue;
        }
        const k = c < 128 ? ASCII_CLASS[c] : classAt(text, j);
        if (k === WORD) {
          if (c >= 65 && c <= 90) flags |= HAS_UPPER;
          else if (c < 128) flags |= HAS_DIGIT;
          else {
            flags |= NON_ASCII;
            if (text[j] !== text[j].toLowerCase()) flags |= HAS_UPPER;
          }
        } else if ((k === APOSTROPHE || k === JOINER) && j + 1 < n && classAt(text, j + 1) === WORD) {
          if (c >= 128) flags |= NON_ASCII; // apostrophe or ampersand inside a word: don't, A&E
        } else if (c === 46 && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && isLetter(text.charCodeAt(j - 1)) && isDomainPart(text, j + 1)) {
          segment = j + 1; // a name written as an address: GOV.UK, NHS.UK, nhs.net, bbc.co.uk
          domain = true;
        } else if (c === 46 && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && j - segment <= 2 && isLetter(text.charCodeAt(j - 1))) {
          segment = j + 1; // dotted abbreviation: e.g, i.e, a.m
          dotted = true;
        } else if ((c === 46 || c === 58) && j + 1 < n && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j - 1))) {
          // A number with a decimal point, or a time: one word ("2.5 mg", "12.30pm", "09:00").
        } else break;
        h = hashStep(h, c);
        j++;
      }
      // A dotted abbreviation keeps its final full stop: "e.g.", "i.e.". An address does not:
      // "Visit GOV.UK." ends a sentence.
      if (dotted && !domain && j < n && text.charCodeAt(j) === 46) {
        h = hashStep(h, 46);
        j++;
      }
      if (sawEnd) sentence++;
      if (start >= chunkEnd) {
        let s = start;
        while (s > 0 && inRun(text.charCodeAt(s - 1))) s--;
        let e = j;
        while (e < n && inRun(text.charCodeAt(e))) e++;
        chunkEnd = e;
        chunkUrl = urlishRun(text, s, start, j, e, dotted);
      }
      if (!chunkUrl) {
        const last2 = j - start > 2 ? text.charCodeAt(j - 2) : 0;
        if ((last2 === 39 || last2 === 0x2019) && (text.charCodeAt(j - 1) | 32) === 115) flags |= POSSESSIVE;
        if (tokens.length > 0 && gapOk && hyphens <= 1) flags |= JOINED;
        // An ASCII word with no capital is its own lower case.
        const lowerCase = (flags & (HAS_UPPER | NON_ASCII)) !== 0;
        let k = j - start > MAX_KEPT_LENGTH ? -1 : slotOf(text, start, j, h);
        if (k >= 0 && slotWord[k] === undefined) k = keep(text.slice(start, j), h, lowerCase);
        let lang: number;
        if (k >= 0) {
          tokens.push(new Token(start, slotWord[k]!, slotLower[k], sentence, flags));
          lang = slotClass[k];
        } else {
          const word = text.slice(start, j);
          const lower = lowerCase ? lowerCaseOf(word) : word;
          tokens.push(new Token(start, word, lower, sentence, flags));
          lang = languages ? wordClass(word, lower) : 0;
        }
        if (lang === WELSH_WORD) welsh++;
        else if (lang === ENGLISH_WORD) english++;
        gapOk = true;
      } else {
        gapOk = false; // a URL breaks phrases
      }
      hyphens = 0;
      sawEnd = false;
      i = j;
      continue;
    }
    if (cls === HYPHEN) hyphens++;
    else if (cls === END) {
      gapOk = false;
      // A full stop followed by space or end ends a sentence ("e.g." mid-word does not split words anyway).
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next === 32 || next === 9 || next === 34 || next === 41 || next === 0x201d || isLineBreak(next)) sawEnd = true;
    } else if (cls === APOSTROPHE && isPluralPossessive(text, i, tokens)) {
      // The apostrophe of a plural possessive belongs with its word: "carers' assessment" is a
      // phrase as "carer's assessment" is.
    } else if (cls !== SPACE) gapOk = false;
    else if (isLineBreak(code)) {
      // Two line breaks in a row end a sentence (plain text paragraphs are split earlier, this is a guard).
      // A CRLF is one line break, not two (else every CRLF line ended a sentence).
      const after = code === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (after < n && isLineBreak(text.charCodeAt(after))) sawEnd = true;
    }
    i++;
  }
  if (languages) {
    languages.welsh = welsh;
    languages.english = english;
  }
  return tokens;
}
