// The tokenizer reads ASCII through a table and keeps `lower` as the word itself when it has no
// capital; other characters take the general path. Both must give the same tokens.
import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../server/src/engine/tokenize.js';
import { isShouting } from '../../server/src/engine/analyse.js';

const row = (t: Token) => [t.text, t.lower, t.start, t.end, t.joined, t.sentence, t.hasUpper, t.possessive];
const rows = (text: string) => tokenize(text).map(row);

describe('tokenize', () => {
  it('reads curly and straight apostrophes alike, keeping the word as written', () => {
    expect(rows('Don\u2019t use the ICB\u2019s plan. Its ICB\'s')).toEqual([
      ['Don\u2019t', "don't", 0, 5, false, 0, true, false],
      ['use', 'use', 6, 9, true, 0, false, false],
      ['the', 'the', 10, 13, true, 0, false, false],
      ['ICB\u2019s', "icb's", 14, 19, true, 0, true, true],
      ['plan', 'plan', 20, 24, true, 0, false, false],
      ['Its', 'its', 26, 29, false, 1, true, false],
      ["ICB's", "icb's", 30, 35, true, 1, true, true],
    ]);
    expect(rows('it\u2019s')).toEqual([['it\u2019s', "it's", 0, 4, false, 0, false, true]]);
  });

  it('keeps combining marks in the word and sees capitals outside ASCII', () => {
    expect(rows('cafe\u0301 nai\u0308ve \u00dcnited \u00c4rzte')).toEqual([
      ['cafe\u0301', 'cafe\u0301', 0, 5, false, 0, false, false],
      ['nai\u0308ve', 'nai\u0308ve', 6, 12, true, 0, false, false],
      ['\u00dcnited', '\u00fcnited', 13, 19, true, 0, true, false],
      ['\u00c4rzte', '\u00e4rzte', 20, 25, true, 0, true, false],
    ]);
    expect(rows('\u0391\u03a3 \u0130stanbul stra\u00dfe').map((r) => r.slice(0, 2))).toEqual([
      ['\u0391\u03a3', '\u03b1\u03c2'],
      ['\u0130stanbul', '\u0130stanbul'.toLowerCase()],
      ['stra\u00dfe', 'stra\u00dfe'],
    ]);
  });

  it('reads a surrogate pair as one character and a lone surrogate as a break', () => {
    // An emoji is not a word character: it breaks a phrase.
    expect(rows('care \u{1F600} plan')).toEqual([
      ['care', 'care', 0, 4, false, 0, false, false],
      ['plan', 'plan', 8, 12, false, 0, false, false],
    ]);
    // Letters outside the Basic Multilingual Plane are word characters.
    expect(rows('\u{1D400}bc \u{10400}\u{10428} x').map((r) => r.slice(0, 4))).toEqual([
      ['\u{1D400}bc', '\u{1D400}bc', 0, 4],
      ['\u{10400}\u{10428}', '\u{10428}\u{10428}', 5, 9],
      ['x', 'x', 10, 11],
    ]);
    expect(rows('a\uD800b \uDC00c d\uDBFF')).toEqual([
      ['a', 'a', 0, 1, false, 0, false, false],
      ['b', 'b', 2, 3, false, 0, false, false],
      ['c', 'c', 5, 6, false, 0, false, false],
      ['d', 'd', 7, 8, true, 0, false, false],
    ]);
  });

  it('joins words across a no-break space and a no-break hyphen', () => {
    expect(rows('care\u00a0plan co\u2011production').map((r) => [r[0], r[4]])).toEqual([
      ['care', false],
      ['plan', true],
      ['co', true],
      ['production', true],
    ]);
  });

  it('keeps dotted abbreviations, ampersands and inner apostrophes in one word', () => {
    expect(rows("e.g. i.e. a.m. A&E rock'n'roll abcd.ef").map((r) => r[0])).toEqual(['e.g.', 'i.e.', 'a.m.', 'A&E', "rock'n'roll", 'abcd', 'ef']);
  });

  it('reads a number with a decimal point, or a time, as one word', () => {
    expect(rows('Take 2.5 mg at 12.30pm or 09:00. It costs 3.50. 5 more, 1.2.3').map((r) => [r[0], r[5]])).toEqual([
      ['Take', 0], ['2.5', 0], ['mg', 0], ['at', 0], ['12.30pm', 0], ['or', 0], ['09:00', 0], ['It', 1], ['costs', 1], ['3.50', 1], ['5', 2], ['more', 2], ['1.2.3', 2],
    ]);
    // Only between digits: a full stop or colon after a number, or before one, still splits.
    expect(rows('in 2024.5 people: 3:a b.4 6. 7').map((r) => r[0])).toEqual(['in', '2024.5', 'people', '3', 'a', 'b', '4', '6', '7']);
  });

  it('reads a name written as a web address as one word, and a full stop after it still ends the sentence', () => {
    expect(rows("Use GOV.UK Notify. Visit NHS.UK. See bbc.co.uk, nhs.net and GOV.UK's guide.").map((r) => [r[0], r[5]])).toEqual([
      ['Use', 0], ['GOV.UK', 0], ['Notify', 0], ['Visit', 1], ['NHS.UK', 1], ['See', 2], ['bbc.co.uk', 2], ['nhs.net', 2], ['and', 2], ["GOV.UK's", 2], ['guide', 2],
    ]);
    // Only the last parts of addresses: a missing space after a full stop still splits words.
    expect(rows('the end.Next time, GOV.UKs and nhs.uk2').map((r) => r[0])).toEqual(['the', 'end', 'Next', 'time', 'GOV', 'UKs', 'and', 'nhs', 'uk2']);
  });

  it('gives every token the fields their definitions say, on any text', () => {
    const alphabet = ['a', 'B', 'z', 'Z', '0', ' ', '\n', '\r', '.', '!', '-', "'", '\u2019', '&', '\u00e9', '\u00c9', '\u0301', '\u00a0', '\u2010', '\uD83D', '\uDE00', '\uD835\uDC00', '\uDBFF', '\u00df', '\u0130', '/', ':', '@', 's', '\u03a3'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let r = 0; r < 3000; r++) {
      let text = '';
      for (let k = 1 + random(40); k > 0; k--) text += alphabet[random(alphabet.length)];
      for (const t of tokenize(text)) {
        expect(t.text).toBe(text.slice(t.start, t.end));
        expect(t.lower).toBe(t.text.toLowerCase().replace(/\u2019/g, "'"));
        expect(t.hasUpper).toBe(Array.from({ length: t.text.length }, (_, k) => t.text[k]).some((c) => c !== c.toLowerCase()));
        expect(t.possessive).toBe(/^[^]+['\u2019][sS]$/.test(t.text));
      }
    }
  });
});

describe('kept words', () => {
  it('gives the right words after the table of kept words fills and empties', () => {
    // More distinct words than the table keeps, each in capitals and in lower case.
    const words = Array.from({ length: 70000 }, (_, n) => `Wd${n.toString(36)}`);
    const text = words.map((w) => `${w} ${w.toLowerCase()}`).join(' ');
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text).join(' ')).toBe(text);
    expect(tokens.map((t) => t.lower).join(' ')).toBe(text.toLowerCase());
  });

  it('gives the right words for words too long to keep', () => {
    const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis\u2019s';
    expect(rows(`${long} ${long.toLowerCase()}`).map((r) => r.slice(0, 2))).toEqual([
      [long, long.toLowerCase().replace('\u2019', "'")],
      [long.toLowerCase(), long.toLowerCase().replace('\u2019', "'")],
    ]);
  });
});

describe('isShouting', () => {
  it('gives the same answer for ASCII and for other words', () => {
    expect(isShouting(tokenize('SALT AND SUGAR'))).toBe(true);
    expect(isShouting(tokenize('S\u00c4LT \u00c4ND SUG\u00c4R'))).toBe(true);
    expect(isShouting(tokenize('Salt and SUGAR'))).toBe(false);
    expect(isShouting(tokenize('S\u00e4lt \u00e4nd SUGAR'))).toBe(false);
    // Words with digits and one-letter words are not counted.
    expect(isShouting(tokenize('A1 B2 C3 OK GO NOW'))).toBe(true);
    expect(isShouting(tokenize('A1 B2 C3 OK go now'))).toBe(false);
    expect(isShouting(tokenize('\u00c41 B\u00c42 OK GO NOW'))).toBe(true);
  });
});
