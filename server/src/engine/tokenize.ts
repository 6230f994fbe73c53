/**
 * Word tokens of a block of prose. Linear in the length of the text; no regular expressions on
 * the hot path.
 */

export interface Token {
  /** Offsets in the block text. */
  start: number;
  end: number;
  /** The word as written. */
  text: string;
  /** Lower case, with curly apostrophes made straight. */
  lower: string;
  /** True when only spaces, tabs, line breaks or one hyphen separate it from the previous token. */
  joined: boolean;
  /** Index of the sentence in the block. */
  sentence: number;
  /** True when the word has a capital letter. */
  hasUpper: boolean;
  /** True when the word ends in a possessive 's ("ICB's"). */
  possessive: boolean;
}

const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

/** Character class: 1 word, 2 space, 3 hyphen, 4 sentence end, 5 apostrophe, 6 joiner inside words (&), 0 other. */
function charClass(code: number, ch: string): number {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return 1;
  if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) return 2;
  if (code === 45 || code === 0x2010 || code === 0x2011) return 3;
  if (code === 46 || code === 33 || code === 63) return 4;
  if (code === 39 || code === 0x2019) return 5;
  if (code === 38) return 6;
  if (code < 128) return 0;
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  return NON_ASCII_WORD.test(ch) ? 1 : 0;
}

/**
 * The class at a position, reading a surrogate pair as one character: letters and combining
 * marks outside the Basic Multilingual Plane are word characters too (a word never ends
 * between a letter and its mark, nor inside a pair). A lone surrogate is not a word character.
 */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdfff) return charClass(code, text[i]);
  const at = code <= 0xdbff ? i : i - 1;
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  if (!(high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff)) return 0;
  return NON_ASCII_WORD.test(text.slice(at, at + 2)) ? 1 : 0;
}

/** Whether the run of non-space characters around a token is a URL, an email address or a path. */
function urlishChunk(text: string, s: number, e: number): boolean {
  if (e - s < 5) return false;
  const chunk = text.slice(s, e);
  return chunk.includes('://') || chunk.startsWith('www.') || (chunk.includes('@') && chunk.includes('.'));
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Start of the current dot-separated segment of a word. */
function segmentStart(text: string, wordStart: number, j: number): number {
  let k = j;
  while (k > wordStart && text.charCodeAt(k - 1) !== 46) k--;
  return k;
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
  // The current run of non-space characters and whether it is a URL: each run is scanned once.
  let chunkEnd = -1;
  let chunkUrl = false;
  const urlAt = (start: number, end: number): boolean => {
    if (start < chunkEnd) return chunkUrl;
    let s = start;
    while (s > 0 && text.charCodeAt(s - 1) > 32) s--;
    let e = end;
    while (e < n && text.charCodeAt(e) > 32) e++;
    chunkEnd = e;
    chunkUrl = urlishChunk(text, s, e);
    return chunkUrl;
  };
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = classAt(text, i);
    if (cls === 1) {
      const start = i;
      let hasUpper = false;
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        const k = classAt(text, j);
        if (k === 1) {
          if ((c >= 65 && c <= 90) || (c > 127 && text[j] !== text[j].toLowerCase())) hasUpper = true;
          j++;
        } else if ((k === 5 || k === 6) && j + 1 < n && classAt(text, j + 1) === 1) {
          j++; // apostrophe or ampersand inside a word: don't, A&E
        } else if (c === 46 && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && j - segmentStart(text, start, j) <= 2 && isLetter(text.charCodeAt(j - 1))) {
          j++; // dotted abbreviation: e.g, i.e, a.m
        } else break;
      }
      // A dotted abbreviation keeps its final full stop: "e.g.", "i.e.".
      if (j < n && text.charCodeAt(j) === 46 && text.slice(start, j).includes('.')) j++;
      const word = text.slice(start, j);
      const last2 = word.length > 2 ? word.charCodeAt(word.length - 2) : 0;
      const possessive = (last2 === 39 || last2 === 0x2019) && (word.charCodeAt(word.length - 1) | 32) === 115;
      if (sawEnd) sentence++;
      if (!urlAt(start, j)) {
        tokens.push({
          start,
          end: j,
          text: word,
          lower: word.toLowerCase().replace(/\u2019/g, "'"),
          joined: tokens.length > 0 && gapOk && hyphens <= 1,
          sentence,
          hasUpper,
          possessive,
        });
        gapOk = true;
      } else {
        gapOk = false; // a URL breaks phrases
      }
      hyphens = 0;
      sawEnd = false;
      i = j;
      continue;
    }
    if (cls === 3) hyphens++;
    else if (cls === 4) {
      gapOk = false;
      // A full stop followed by space or end ends a sentence ("e.g." mid-word does not split words anyway).
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next === 32 || next === 10 || next === 13 || next === 9 || next === 34 || next === 41 || next === 0x201d) sawEnd = true;
    } else if (cls !== 2) gapOk = false;
    if (cls === 2 && (code === 10 || code === 13)) {
      // Two line breaks in a row end a sentence (plain text paragraphs are split earlier, this is a guard).
      // A CRLF is one line break, not two (else every CRLF line ended a sentence).
      const after = code === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (after < n && (text.charCodeAt(after) === 10 || text.charCodeAt(after) === 13)) sawEnd = true;
    }
    i++;
  }
  return tokens;
}
