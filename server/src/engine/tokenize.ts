/**
 * Word tokens of a block of prose. Linear in the length of the text; no regular expressions on
 * the hot path.
 */

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
 * One word. The analysis of every chunk of an open document keeps its tokens, so a token is
 * small: five fields, the yes/no facts packed in `flags`, `end` derived from `start` and
 * `text`, and `lower` the very same string as `text` when the word is already lower case.
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
  if (code === 0xa0) return SPACE;
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

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
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
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c >= 97 && c <= 122) {
          // The common case first: a lower-case letter.
          flags |= HAS_LOWER;
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
          j++;
        } else if ((k === APOSTROPHE || k === JOINER) && j + 1 < n && classAt(text, j + 1) === WORD) {
          if (c >= 128) flags |= NON_ASCII;
          j++; // apostrophe or ampersand inside a word: don't, A&E
        } else if (c === 46 && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && j - segment <= 2 && isLetter(text.charCodeAt(j - 1))) {
          j++; // dotted abbreviation: e.g, i.e, a.m
          segment = j;
          dotted = true;
        } else break;
      }
      // A dotted abbreviation keeps its final full stop: "e.g.", "i.e.".
      if (dotted && j < n && text.charCodeAt(j) === 46) j++;
      if (sawEnd) sentence++;
      if (start >= chunkEnd) {
        let s = start;
        while (s > 0 && text.charCodeAt(s - 1) > 32) s--;
        let e = j;
        while (e < n && text.charCodeAt(e) > 32) e++;
        chunkEnd = e;
        chunkUrl = urlishRun(text, s, start, j, e, dotted);
      }
      if (!chunkUrl) {
        const last2 = j - start > 2 ? text.charCodeAt(j - 2) : 0;
        if ((last2 === 39 || last2 === 0x2019) && (text.charCodeAt(j - 1) | 32) === 115) flags |= POSSESSIVE;
        if (tokens.length > 0 && gapOk && hyphens <= 1) flags |= JOINED;
        const word = text.slice(start, j);
        // An ASCII word with no capital is its own lower case.
        const lower = flags & NON_ASCII ? word.toLowerCase().replace(/\u2019/g, "'") : flags & HAS_UPPER ? word.toLowerCase() : word;
        tokens.push(new Token(start, word, lower, sentence, flags));
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
      if (next === 32 || next === 10 || next === 13 || next === 9 || next === 34 || next === 41 || next === 0x201d) sawEnd = true;
    } else if (cls !== SPACE) gapOk = false;
    else if (code === 10 || code === 13) {
      // Two line breaks in a row end a sentence (plain text paragraphs are split earlier, this is a guard).
      // A CRLF is one line break, not two (else every CRLF line ended a sentence).
      const after = code === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (after < n && (text.charCodeAt(after) === 10 || text.charCodeAt(after) === 13)) sawEnd = true;
    }
    i++;
  }
  return tokens;
}
