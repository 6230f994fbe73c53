// Document generators for property tests and `npm run fuzz`: markdown and plain text mixing real
// dictionary terms (so that matches occur) with emoji, combining marks, CRLF and lone CR, a
// byte order mark, lone surrogates, long lines, deep lists and quotes, and markdown markup.
import fc from 'fast-check';
import type { DictionaryData } from '../../server/src/engine/index.js';

/** Words and phrases of a dictionary: terms, variants, replacements and 'unless' context words. */
export function vocabulary(data: DictionaryData): { terms: string[]; context: string[] } {
  const terms = new Set<string>();
  const context = new Set<string>();
  for (const e of data.entries) {
    for (const t of [...e.terms, ...(e.variants ?? [])]) terms.add(t);
    for (const r of e.replacements ?? []) context.add(typeof r === 'string' ? r : r.text);
    for (const w of [...(e.unless?.before ?? []), ...(e.unless?.after ?? []), ...(e.unless?.near ?? [])]) context.add(w);
    if (e.expansion) context.add(e.expansion);
  }
  for (const n of data.names ?? []) context.add(n.name);
  return { terms: [...terms].sort(), context: [...context].filter(Boolean).sort() };
}

const COMMON = ['we', 'the', 'a', 'an', 'and', 'to', 'of', 'your', 'care', 'will', 'help', 'you', 'it', 'is', 'in', 'order', 'plan', 'use', 'NHS', 'GP', 'Dr.', 'e.g.', 'i.e.', "don't", 'A&E', 'co-op', "ICB's", 'people', 'staff', 'or', ', or', '2.5', '12:30', '(ICB)', 'stands for'];

/** Text units that stress offsets: astral characters, ZWJ sequences, flags, keycaps, marks. */
export const EMOJI = ['😀', '👨‍👩‍👧', '🇺🇸', '1️⃣', '🚨️', '👍🏽', '𝔘𝔫𝔦', '𝒶', '𐐷', '\u{1F600}\u200D'];
export const MARKS = ['e\u0301', 'na\u00EFve', 'nai\u0308ve', 'cafe\u0301', '\u0301', 'a\u0308\u0301', 'ﬁ', 'İ', 'ß'];
export const LONE = ['\uD800', '\uDC00', '\uDBFF', '\uDFFF', 'a\uD83D', '\uDE00b'];
const SPACES = [' ', ' ', ' ', ' ', '  ', '\t', '\u00A0', '-', '', '\u2028', '\u0085', '\f', '\u200B'];
const PUNCT = ['.', ',', '!', '?', ';', ':', '(', ')', '"', '“', '”', '’', "'", '…', '/', '—', '–', '&', '&amp;', '&#73;', '\\', '\\*', '%', '@'];
const MARKUP = ['*', '**', '_', '__', '~~', '`', '``', '[', ']', '](https://example.org/care-plan)', '](#x)', '![', '<', '>', '<b>', '</b>', '<br>', '<!--', '-->', '<!-- plainwords-disable-line -->', '<!-- plainwords-disable -->', '<!-- plainwords-enable -->', '<!-- plainwords-disable-next-line jargon -->', '<https://example.org/utilise>', 'https://example.org/leverage', 'www.example.org', 'mail@example.org', '[^1]', '$', '{{', '}}', '{{ site.url }}', '{%', '%}', '{% include care-plan.html %}', '{#', '#}', '{'];
const PREFIX = ['', '', '', '', '# ', '## ', '###### ', '- ', '* ', '+ ', '1. ', '2) ', '> ', '> > ', '>> ', '  - ', '    ', '\t', '- [ ] ', '| ', '[x]: https://example.org "title" ', '<div>', '</div>', '=== ', '--- '];
const LINES = ['', '', '```', '~~~', '```js', '---', '+++', '***', '| a | b |', '|---|---|', '<!-- a', '-->', '<details>', '</details>', '[^1]: note', '===', 'audience: staff', '*[ICB]: integrated care board'];

function casing(t: string): fc.Arbitrary<string> {
  return fc.constantFrom(t, t.toLowerCase(), t.charAt(0).toUpperCase() + t.slice(1), t.toUpperCase());
}

export interface DocOptions {
  format?: 'markdown' | 'text';
  maxLines?: number;
  maxPieces?: number;
}

/** Arbitraries built over a dictionary's vocabulary. */
export class Docs {
  readonly piece: fc.Arbitrary<string>;
  readonly term: fc.Arbitrary<string>;

  constructor(data: DictionaryData) {
    const { terms, context } = vocabulary(data);
    this.term = fc.constantFrom(...terms).chain(casing);
    this.piece = fc.oneof(
      { weight: 10, arbitrary: this.term },
      { weight: 4, arbitrary: fc.constantFrom(...context) },
      { weight: 8, arbitrary: fc.constantFrom(...COMMON) },
      { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
      { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
      { weight: 1, arbitrary: fc.constantFrom(...LONE) },
      { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
      { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom('\r', '\n', '\r\n') },
    );
  }

  /** One line: a block prefix and pieces separated by spaces (sometimes by nothing or a hyphen). */
  line(maxPieces = 14): fc.Arbitrary<string> {
    const body = fc.array(fc.tuple(this.piece, fc.constantFrom(...SPACES)), { maxLength: maxPieces }).map((parts) => parts.map(([p, s]) => p + s).join(''));
    return fc.oneof(
      { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...PREFIX), body).map(([p, b]) => p + b) },
      { weight: 3, arbitrary: fc.constantFrom(...LINES) },
      // Deeply nested lists and quotes.
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('  ', '> ', '- ', '1. ', '>'), body).map(([n, p, b]) => p.repeat(n) + b) },
      // A very long line with terms inside.
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 200, max: 3000 }), this.term).map(([n, t]) => 'word '.repeat(n) + t + ' ' + 'x'.repeat(n)) },
    );
  }

  /** A whole document: lines joined by \n, \r\n or \r, maybe with a BOM and front matter. */
  doc(options: DocOptions = {}): fc.Arbitrary<string> {
    const lines = fc.array(fc.tuple(this.line(options.maxPieces), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r', '\n\n', '\r\n\r\n')), { maxLength: options.maxLines ?? 24 });
    const front = options.format === 'text' ? fc.constant('') : fc.constantFrom('', '', '', '---\naudience: staff\n---\n', '---\r\ntitle: We utilise\r\n---\r\n\r\n', '+++\ntitle = "x"\n+++\n', '---\n');
    return fc.tuple(fc.constantFrom('', '', '', '\uFEFF'), front, lines, fc.constantFrom('', '\n', '\r\n')).map(([bom, fm, ls, end]) => bom + fm + ls.map(([l, eol]) => l + eol).join('') + end);
  }

  /** Random edits to replay on a document: offsets are taken modulo the length at the time. */
  edits(maxEdits = 12): fc.Arbitrary<Edit[]> {
    const insert = fc.oneof(
      { weight: 4, arbitrary: this.piece },
      { weight: 2, arbitrary: this.line(6) },
      { weight: 1, arbitrary: fc.constantFrom('\n\n', '\r\n\r\n', '\n', '```\n', '\n```\n', '---\n', '<!--', '-->', '> ', '- ', '    ', '\uFEFF', '') },
    );
    return fc.array(fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.nat(12), fc.nat(400)), insert }), { minLength: 1, maxLength: maxEdits });
  }
}

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Apply an edit to a text (offset and length clamped), returning the new text. */
export function applyEdit(text: string, e: Edit): string {
  const start = text.length ? e.at % (text.length + 1) : 0;
  const end = Math.min(text.length, start + e.remove);
  return text.slice(0, start) + e.insert + text.slice(end);
}
