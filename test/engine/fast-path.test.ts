// Text with no markdown syntax skips the parser, and the scanner (markdown-lite.ts) takes the
// common markdown. Both must give exactly the prose the parser gives: the scanner the same blocks
// (text, kind, depth, list item, range and the source offset of every character), plain
// paragraphs the same words at the same places (they keep trailing spaces the parser drops).
import { maskTemplates } from '../../server/src/engine/templates.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractProse, isPlainProse, parseMarkdown, toSource, tooComplexForMarkdown, type Block, type Prose } from '../../server/src/engine/prose.js';
import { scanMarkdown } from '../../server/src/engine/markdown-lite.js';
import { splitBlankSeparated, splitChunks } from '../../server/src/engine/chunks.js';
import { tokenize } from '../../server/src/engine/tokenize.js';

/** Every word of the prose with its exact source range, block by block. */
function words(prose: Prose): string[] {
  return prose.blocks.map((b) => wordsOf(b));
}

function wordsOf(b: Block): string {
  return tokenize(b.text)
    .map((t) => `${toSource(b, t.start)}:${t.lower}`)
    .join(' ');
}

/** A block in full: everything but the segments, which are compared through the source offset of every character. */
function full(b: Block): unknown {
  return { kind: b.kind, depth: b.depth, listItem: b.listItem, text: b.text, start: b.start, end: b.end, sources: Array.from(b.text, (_, i) => toSource(b, i)) };
}

/**
 * Compare the fast path's prose of `text` with the parser's: blocks from plain pieces by their
 * words, every other block in full, HTML and front matter exactly. Returns the bytes of the text
 * that took the plain path and the scanner.
 */
function compareWithParser(source: string, allowFrontMatter: boolean, label: string): { plain: number; scanned: number } {
  // Template tags are masked before any markdown is read (templates.ts), for the scanner and the
  // parser alike: the parser is given the masked text (masking it again changes nothing).
  const text = maskTemplates(source);
  expect(maskTemplates(text), label).toBe(text);
  const fast = extractProse(text, 'markdown', allowFrontMatter);
  // A byte order mark: extractProse parses a space in its place and counts it in the offsets.
  const bom = text.charCodeAt(0) === 0xfeff;
  const parsed = parseMarkdown(bom ? ' ' + text.slice(1) : text, allowFrontMatter, bom);
  const pieces = splitBlankSeparated(text, 'markdown');
  const plainPiece = (offset: number) => pieces.some((p) => p.start <= offset && offset < p.end && isPlainProse(text.slice(p.start, p.end)));
  expect(fast.blocks.length, label).toBe(parsed.blocks.length);
  fast.blocks.forEach((b, i) => {
    if (plainPiece(b.start)) expect(wordsOf(b), label).toBe(wordsOf(parsed.blocks[i]));
    else expect(full(b), label).toEqual(full(parsed.blocks[i]));
  });
  expect(fast.html, label).toEqual(parsed.html);
  expect(fast.frontMatter, label).toEqual(parsed.frontMatter);
  let plain = 0;
  let scanned = 0;
  if (!text.includes(']:')) {
    for (const p of pieces) {
      if (isPlainProse(text.slice(p.start, p.end))) plain += p.end - p.start;
      else if (scanMarkdown(text, p.start, p.end)) scanned += p.end - p.start;
    }
  }
  return { plain, scanned };
}

/** A small seeded generator (mulberry32), so every run checks the same samples. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Compare the scanner with the parser on `cases` documents from `make` (given a seeded random
 * number source and a picker), and require that at least `share` of them gave the scanner a
 * piece: a generator that only meets declines proves nothing.
 */
function differential(seed: number, cases: number, share: number, make: (next: () => number, pick: <T>(list: T[]) => T) => string): void {
  const next = random(seed);
  const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)];
  let samples = 0;
  let scanned = 0;
  for (let i = 0; i < cases; i++) {
    const s = make(next, pick);
    if (tooComplexForMarkdown(s)) continue;
    samples++;
    if (compareWithParser(s, false, JSON.stringify(s)).scanned > 0) scanned++;
  }
  expect(scanned).toBeGreaterThan(samples * share);
}

const INLINE = [
  'word', 'plain words', 'co-production', 'e.g.', '2024', 'snake_case', '__init__', '_em_', '*em*', '**strong**', '***both***', '*a *b*', '**a*', '*a**',
  '_a_b_', 'a*b*c', '* not em *', '**', '*', '_', '`code`', '``co`de``', '`open', 'a ` b', '[link](https://example.com)', '[a]', '[a] [b]', '[a][b]',
  '[text](url "title")', "[t](u 'x')", '[t](<a b>)', '[t]()', '[t](a(b)c)', '[t](a b)', '[https://x.org](https://x.org)', '[x.org](https://x.org)',
  '[*em* link](u)', '[`c`](u)', '<https://example.com/a?b=1>', '<mailto:a@b.c>', '<b>bold</b>', '<br>', '<!-- c -->', '<a href="x">', '</a >', "<span class='c'>", '<img src=x alt="y"/>', '<a b', '<a b="c"d>', '<!---->', '<x:y>', '<a@b.c>', '<1a@b.co>', '</a@b>', '<ab:c d>', 'a < b', '<3', '&amp;', 'A&E', '&#169;',
  '&nope', '\\*', '\\[', '\\_', '\\\\', '\\`', 'a\\b', '![alt](i.png)', '!', '~~del~~', 'a|b', '1986. A year', 'x:-y', 'ends with \\', '😀', 'é', 'naïve',
  '\u00a0', '"quoted"', '(brackets)', '*(*a*)*', '**“quoted”**', 'https://bare.example.com', 'www.example.com', '#hash', '\t', 'a]b', '[a', 'a]:',
];
const LINE_STARTS = ['', '', '', '', '# ', '## ', '###### ', '####### ', '#', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '-  ', '-     ', '-\t', '> ', '>', '    ', '  ', '\t', '***', '---', '===', '| ', ':', '```', '~~~', '<div>', '</table>', '<p ', '[a]: ', '1986. ', '--', '+', '=', '-|', '-:', '|-', ' - ', '- # ', '* ## ', '1. ### ', '- #', '  - ', '    - ', '      * ', '   1. '];
const JOINS = ['\n', '\n', '\n', '\r\n', '\r', '\n\n', '\n\n', '\n\n  ', '\n  ', '\n    ', '  \n', ' \n', '\t\n', '\\\n', '\n\n\n'];

function sample(next: () => number): string {
  const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)];
  const lines = 1 + Math.floor(next() * 6);
  let out = '';
  for (let l = 0; l < lines; l++) {
    if (l > 0) out += pick(JOINS);
    out += pick(LINE_STARTS);
    const parts = 1 + Math.floor(next() * 6);
    for (let k = 0; k < parts; k++) out += (k && next() < 0.7 ? ' ' : '') + pick(INLINE);
  }
  return out;
}

describe('plain prose fast path', () => {
  it('recognises text with no markdown syntax, and only that', () => {
    expect(isPlainProse('We will use your feedback.\nIt helps us.\n\nSecond paragraph: co-production, 2024 figures.')).toBe(true);
    for (const t of ['# Heading', 'text *em*', '- item', '1. item', '2) item', '> quote', '    code', 'a `code` b', 'a [link](x)', 'a <b>', 'x &amp; y', 'a | b', 'Title\n===', 'Title\n---', 'a\\*b', '~~~', 'a_b_c', '\ttab']) {
      expect(isPlainProse(t), t).toBe(false);
    }
  });

  it('gives the same words at the same places as the parser', () => {
    const samples = [
      'We will use your feedback.\nIt helps us plan.\n\nSecond paragraph with co-production and 2024 figures!',
      'Trailing spaces make a hard break  \nhere. And a tab\tinside.\r\nCRLF lines\r\n\r\nnext.',
      'Lines can start with 2024 or 10 people, and e.g. abbreviations.',
    ];
    for (const s of samples) {
      expect(isPlainProse(s)).toBe(true);
      expect(words(extractProse(s, 'markdown'))).toEqual(words(parseMarkdown(s, true)));
    }
  });
});

describe('markdown scanner', () => {
  it('takes common markdown and gives the parser’s blocks', () => {
    const samples = [
      '# Title ##\nA paragraph with *emphasis*, **strong**, `code` and a [link](https://example.com).',
      '- first item\n  continued\n- second *item*\n\n  second paragraph of the item\n1. ordered\n2) another',
      'Intro:\n- a list interrupts\n1. so does one\n\nText\n1986. A year, not a list',
      'snake_case and __init__ and *a *b* and **a* and <https://example.com> and [https://x.org](https://x.org)',
      'hard  \nbreak and soft \nbreak and escaped\\\nbreak, \\*not em\\*, A&E, a < b',
      '---\ntitle: Front matter\n---\n# After it\n\ntext *after* it',
      '<div class="note">\nAn HTML block\n</div>',
      'Para\n\n    indented code after a blank line',
      '[a](u "title") and [b](<c d>) and [a] and [a][b] and [x](a b) not a link',
      'CRLF\r\nlines\r\n- item\r\n  more',
      '# Heading\n---\n* * *\nText after thematic breaks',
      'Inline <b>HTML</b>, <a href="https://x.org" title=\'t\' data-x=y>a link</a>, <br/>, <br />, <!-- a comment --> and </span >',
      '*<em>a</em>*, [<b>x</b>](u), a<b>c, <a b="<">, <a b=c d>, <!-->, <!--->, <a b="x"c>, <a/b>, <1> and a < b',
      '> A quote with *emphasis* and a [link](https://example.com)\n> over two lines  \n>hard break, then\n   >    an indented marker',
      '> Quoted\r\n> with CRLF and <b>HTML</b>\r\n> 2. not a list',
      '- a\nlazy continuation\n  and *more*\n- b\n   lazy with three spaces',
      ' leading space', 'para\n\n  indented paragraph', '<b>inline HTML\n</b> here', 'text\n</b>\n<b>', '| Area | *Approach* |\n|:-----|-----:|\n| User \\| needs | [link](u) |\n|  | x |\nlast row | no pipe at the end  ', 'a | b\n--|--\nc|d|e\nf', '- a\n  - nested\n    - deeper\n  lazy\n  - back one level\n- top again\n   1. ordered inside\n      1. and deeper\n   2. sibling', '  - a\n    - nested', '- a\n - b\n   - c', '- a\n\n  - loose nested\n\n    - deeper\n\n  - back\n\n    para of the item', '- a\n  - b\n\n - c\n   - d\n  - e\n   text', '* #### Before\n\n  When it rains\n- ## Heading ##\n  its paragraph\n  goes on\n- #\n  empty heading', '--GDS also add\n+44 20 7946 0000\n=SUM(A1)\n-x and\n+y', '<cite>Author</cite>, title\n<i>and</i> more\n<span>\n- <em>item</em> text', '#\tok\n  - indented list', '   * an item indented three spaces\n * a sibling\n   its continuation\nlazy', '- a\n# heading',
    ];
    for (const s of samples) {
      compareWithParser(s, true, s);
      expect(splitBlankSeparated(s, 'markdown').some((p) => scanMarkdown(s, p.start, p.end)), s).toBe(true);
    }
  });

  it('leaves a lone tag on a lazy line of a list item to the parser, which starts an HTML block in the item there', () => {
    // "- a" then "</b>": CommonMark would go on with the paragraph, micromark ends it (npm run
    // fuzz, F5-chunks, seed 689832259: a chunk and the whole document read "12 midday" apart).
    const lazy = ['- a\n</b>', '1. a\n <i>', '10. a\n  </b>', '- a\n  - b\n  </b>', '* a\nb\n</b>', '- a\n<x-y a="1">\nc'];
    for (const s of lazy) {
      expect(scanMarkdown(s), s).toBeUndefined();
      compareWithParser(s, true, s);
    }
    // Indented to the item's content, or with text after the tag, it is inline HTML in the paragraph.
    for (const s of ['- a\n  </b>', '- a\n</b> x']) compareWithParser(s, true, s);
    expect(scanMarkdown('- a\n</b> x')).toBeDefined();
  });

  it('declines what it does not handle', () => {
    const declined = [
      '<b>\ntext', '<cite>\ntext', 'a | b\n- | -', '| a | b |\n| - |', 'a\n-:', 'a\n=====', 'a\n- -', '+++', 'a\n+', 'text\n<pre>', 'text\n<!-- c -->', '- <span>', 'a <!-- comment\n--> b', 'a <?php x ?> b', 'a <!DOCTYPE html> b', '<a href="x\ny">', 'a &amp; b', '&#169;', 'a \\` b', '![alt](image.png)', '[a]: https://example.com', 'Title\n=====', 'Title\n---',
      'a\n:-', '> quote\nlazy', '> a\n>\n> b', '> > nested', '> # heading', '> - list', '> a\n> 1. list', '>     code', '>\tquote', '    > code', '> a\n> ---', '> ```', '- a\n> b', '    indented code', '```\ncode\n```', '- a\n  - nested\n\n after a blank line', '- a\n\n      code', '- a\n  2. not a list', 'a\n  - not an item', '-\ttab', '- ',
      '[a [b](c)](d)', '[t](u "multi\nline title")', '<foo@example.com>', 'x <1a@b.co> y', '<div>\n\nafter a blank line', 'a\u0000b', '    four spaces',
      '- a\n\n      code in the item', '1234567890. big number',
    ];
    for (const s of declined) expect(scanMarkdown(s), s).toBeUndefined();
  });

  it('gives the parser’s blocks on generated markdown', () => {
    const next = random(20_250_611);
    let scanned = 0;
    let samples = 0;
    for (let i = 0; i < 4000; i++) {
      const s = sample(next);
      if (tooComplexForMarkdown(s)) continue;
      samples++;
      const first = i % 2 === 0;
      if (compareWithParser(first && next() < 0.2 ? `---\nk: v\n---\n${s}` : s, first, JSON.stringify(s)).scanned > 0) scanned++;
    }
    console.log(`scanner differential: ${samples} generated samples, ${scanned} with pieces the scanner took; all match the parser.`);
    // The generator must exercise the scanner, not only its declines.
    expect(scanned).toBeGreaterThan(samples / 8);
  }, 120_000);

  it('gives the parser’s blocks on generated nested lists', () => {
    const markers = ['- ', '- ', '* ', '+ ', '1. ', '2. ', '1) ', '10. ', '', '', '', '# ', '- # ', '-  ', '1.    ', '> '];
    const joins = ['\n', '\n', '\n', '\n', '\r\n', '\n\n', '  \n'];
    const words = ['word', 'plain words', '*em*', '`code`', '[link](u)', 'text with more words', '2024', '-', 'a -- b'];
    differential(20_261_124, 4000, 1 / 8, (next, pick) => {
      let s = pick(['- ', '* ', '1. ']) + pick(words);
      for (let l = 1 + Math.floor(next() * 6); l > 0; l--) s += pick(joins) + ' '.repeat(Math.floor(next() * 9)) + pick(markers) + pick(words);
      return s;
    });
  }, 120_000);

  it('gives the parser’s blocks on generated tables', () => {
    const cells = ['a', 'plain words', '*em*', '**strong**', '`code`', '`a|b`', '[link](u)', '[a|b](u)', 'x \\| y', 'ends \\', '\\\\', '', ' ', '<b>x</b>', 'A&E', '😀 é'];
    const delimiters = ['-', '--', ':-', '-:', ':-:', '---', ' - ', '- -', 'x', ''];
    const starts = ['', '', '', ' ', '   ', '    ', '# ', '- ', '> ', '1. ', '`', '*'];
    differential(20_261_125, 3000, 1 / 16, (next, pick) => {
      const row = (n: number) => {
        const parts = Array.from({ length: n }, () => pick(cells));
        const lead = next() < 0.6 ? '| ' : '';
        const trail = next() < 0.5 ? pick([' |', '|', ' |  ']) : pick(['', '  ']);
        return lead + parts.join(pick([' | ', '|', '  |  '])) + trail;
      };
      const columns = 1 + Math.floor(next() * 3);
      const width = next() < 0.85 ? columns : 1 + Math.floor(next() * 3);
      let s = pick(['', '', '', ' ', '  ']) + row(columns) + pick(['\n', '\n', '\r\n']);
      s += pick(['', '', ' ', '|']) + Array.from({ length: width }, () => pick(delimiters.slice(0, 7))).join('|') + pick(['', '|', ' ']);
      if (next() < 0.1) s = s.replace(/-/, pick(delimiters));
      for (let l = Math.floor(next() * 4); l > 0; l--) s += pick(['\n', '\n', '\r\n']) + pick(starts) + row(1 + Math.floor(next() * 4));
      return s;
    });
  }, 120_000);

  it('gives the parser’s blocks on generated block quotes', () => {
    const starts = ['> ', '> ', '> ', '>', '>  ', '>   ', '>    ', '>     ', ' > ', '   > ', '    > ', '> > ', '>\t', '> - ', '> 1. ', '> # ', '', '  '];
    const joins = ['\n', '\n', '\r\n', '  \n', '\\\n', '\n>\n', '\n\n'];
    differential(20_261_123, 3000, 1 / 8, (next, pick) => {
      let s = pick(starts.slice(0, 8));
      for (let k = 1 + Math.floor(next() * 4); k > 0; k--) s += pick(INLINE) + ' ';
      for (let l = Math.floor(next() * 4); l > 0; l--) {
        s += pick(joins) + pick(starts);
        for (let k = 1 + Math.floor(next() * 4); k > 0; k--) s += pick(INLINE) + ' ';
      }
      return s;
    });
  }, 120_000);

  it('takes pieces with inline links only, in a text with definitions, and leaves references to the parser', () => {
    const samples = [
      'See [the guide](https://example.com) and *more*.\n\nA [reference][a] here.\n\n[a]: /x',
      '- item [a]\n\n      code\n\n[t](u) and more\n\n[a]: /x',
      'text [a]\n\n    code\n[t](u) *a*\n\n[a]: /x',
      'intro [a]\n\n1. one\n\n       code\n\n2. [t](u) two\n\n[a]: /x',
    ];
    for (const s of samples) {
      const fast = extractProse(s, 'markdown');
      expect(fast.blocks.map(full), JSON.stringify(s)).toEqual(parseMarkdown(s, true).blocks.map(full));
    }
    // The scanner reads "[...]" with no "(...)" after it as text, which a definition may change.
    expect(scanMarkdown('See [the guide](https://example.com).', 0, 37, true)).toBeDefined();
    expect(scanMarkdown('A [reference][a] here.', 0, 22, true)).toBeUndefined();
    expect(scanMarkdown('A [shortcut] here.', 0, 18, true)).toBeUndefined();
    expect(scanMarkdown('A [shortcut] here.', 0, 18, false)).toBeDefined();
  });

  it('gives the parser’s blocks on generated markdown with link reference definitions', () => {
    // Pieces with no "]" skip the parser; the rest are parsed in one text, with the definitions.
    // Everything is compared in full (plain pieces here go to the scanner, not the plain path).
    const lines = ['[a]: /u', '[b]: /v "t"', '  [a]: x', '> [b]: y', '- [a]: z', 'see [a] and [b][]', 'plain words here', 'plain  ', 'text [a][b] more', '![a]', '[c]', '[a](x)', '# Head [a]', '    indented [a]', '    code', '2. item [b]', '1. item', '- item', '* [a]', '```', '<div>', '<!-- c', '-->', '---', '***', 'x *em* [b]', '| a | b |', '| - | - |', 'a]: not', '[A]', '[a]:', '\t[a]: t', 'Title', '===', '<https://x.y>', 'x\\', 'a <b> c', '[a\nb]: x', '+++', 'k: v'];
    const joins = ['\n', '\n', '\n\n', '\n\n', '\n\n\n', '\r\n', '\r\n\r\n', '\n  ', '\n\n  ', '\n\n    ', '  \n'];
    const next = random(20_251_122);
    const pick = <T,>(list: T[]): T => list[Math.floor(next() * list.length)];
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      let s = pick(lines);
      for (let k = 1 + Math.floor(next() * 9); k > 0; k--) s += pick(joins) + pick(lines);
      // Front matter, with brackets that are YAML, not references.
      s = pick(['', '', '', '---\ntags: [a]\n---\n', '---\nk: v\n---\n\n', '+++\nk = 1\n+++\n']) + s;
      if (!s.includes(']:') || tooComplexForMarkdown(s)) continue;
      compared++;
      const fm = next() < 0.5;
      const fast = extractProse(s, 'markdown', fm);
      const parsed = parseMarkdown(s, fm);
      expect(fast.blocks.map(full), JSON.stringify(s)).toEqual(parsed.blocks.map(full));
      expect(fast.html, JSON.stringify(s)).toEqual(parsed.html);
      expect(fast.frontMatter, JSON.stringify(s)).toEqual(parsed.frontMatter);
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);

  const corpus = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
  it('gives the parser’s prose on every chunk of the shared corpus', () => {
    if (!existsSync(corpus)) {
      console.log(`fast path cross-check: ${corpus} is not here; checked the samples above only.`);
      return;
    }
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const f = join(d, n);
        if (statSync(f).isDirectory()) walk(f);
        else if (n.endsWith('.md')) files.push(f);
      }
    };
    walk(corpus);
    let chunks = 0;
    let bytes = 0;
    let plain = 0;
    let scanned = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const c of splitChunks(text, 'markdown')) {
        const slice = text.slice(c.start, c.end);
        // Too complex for the parser: checked as plain text, by design (docs/robustness.md).
        if (tooComplexForMarkdown(slice)) continue;
        chunks++;
        bytes += slice.length;
        const share = compareWithParser(slice, c.start === 0, `${f} at ${c.start}`);
        plain += share.plain;
        scanned += share.scanned;
      }
    }
    const pct = (n: number) => ((100 * n) / bytes).toFixed(1);
    console.log(`fast path cross-check: ${chunks} chunks (${bytes} characters) of ${files.length} corpus files match the parser; ${pct(plain)}% of the characters took the plain path, ${pct(scanned)}% the scanner, the rest the parser.`);
    expect(plain).toBeGreaterThan(0);
    expect(scanned).toBeGreaterThan(0);
  }, 300_000);
});
