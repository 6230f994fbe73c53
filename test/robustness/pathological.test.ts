// Pathological input: payloads that hung or crashed other markdown tools and linters, shapes
// that made our own parser or rules super-linear, and huge or degenerate documents. Each is
// checked without throwing and with valid ranges. Matching work is counted (trie steps, not
// time) at n and 2n to show it grows linearly; timings are in `npm run bench`
// (scripts/bench/40-pathological.mjs).
import { afterEach, describe, expect, it } from 'vitest';
import { check, compileDictionary, parseEntry, parseNames, type DocumentFormat } from '../../server/src/engine/index.js';
import { extractProse, MARKDOWN_LIMITS, tooComplexForMarkdown } from '../../server/src/engine/prose.js';
import { TokenTrie } from '../../server/src/engine/trie.js';
import builtin from '../support/builtin-dictionary.js';
import { assertValidFindings } from '../property/oracles.js';

const dictionary = compileDictionary(builtin);

/** Inputs from reliability-cases.md (L44, R4, R8) and from our own findings. */
export const PAYLOADS: Record<string, string> = {
  'L44 10,000 nested block quotes': '>'.repeat(10_000) + ' we utilise it',
  'L44 5,000 nested ordered lists on one line': '1. '.repeat(5_000) + 'we utilise it',
  'L44 nested lists by indentation (300 levels)': Array.from({ length: 300 }, (_, i) => ' '.repeat(i * 2) + '- we utilise it').join('\n'),
  'L44 mixed quote and list nesting': '> - '.repeat(4_000) + 'utilise',
  'L44 10,000 "["': '['.repeat(10_000),
  'L44 unclosed "<" then 100 KB': '<' + 'we utilise it '.repeat(7_200),
  'L44 50,000 backticks': '`'.repeat(50_000),
  'L44/R8 heading link with 5,000 "()"': '# [foo](bar' + '()'.repeat(5_000),
  'R8 front matter then 50,000 line breaks': '---' + '\n'.repeat(50_000) + 'we utilise it',
  'R8 unclosed parentheses': 'Text (unclosed ' + 'and (x) '.repeat(30),
  'R8 reference-like link': '[' + '()'.repeat(28) + '](http://example.com "a\\"b")',
  'R8 2,000 unmatched backticks': '`a '.repeat(2_000),
  'R8 100,000 spaces then "@"': ' '.repeat(100_000) + '@',
  'R4 "a" × 100,000 then "!"': 'a'.repeat(100_000) + '!',
  'R4 "()" × 50,000': '()'.repeat(50_000),
  'R4 "[" × 100,000': '['.repeat(100_000),
  'R4 100,000 line breaks': '\n'.repeat(100_000),
  'R4 alternating spaces and tabs': ' \t'.repeat(50_000) + 'utilise',
  'quadratic emphasis: nested "*a "': '*a '.repeat(5_000) + 'utilise' + ' a*'.repeat(5_000),
  'quadratic emphasis: "a* "': 'a* '.repeat(20_000) + 'utilise',
  'quadratic emphasis: "~~a "': '~~a '.repeat(5_000) + 'utilise' + ' a~~'.repeat(5_000),
  'quadratic brackets: "a]b "': 'a]b '.repeat(25_000) + 'utilise',
  'quadratic code spans: "a`b "': 'a`b '.repeat(25_000) + 'utilise',
  'quadratic inline HTML: "a<i> "': 'a<i> '.repeat(20_000) + 'utilise',
  'suppression comments beside findings': 'We utilise it <!-- plainwords-disable-line foo -->\n'.repeat(5_000),
  'open suppressions with many ids': Array.from({ length: 5_000 }, (_, i) => `<!-- plainwords-disable x${i} --> we utilise it`).join('\n'),
  'only punctuation': '.,;:!?-()[]{}"\'/\\|@#$%^&*_~`<>'.repeat(5_000),
  'emoji and marks only': '😀👨‍👩‍👧🇺🇸e\u0301\u0301\u0301'.repeat(10_000),
  'lone surrogates': '\uD800\uDC00\uDBFF a\uDFFF '.repeat(20_000),
  '100 KB single word': 'x'.repeat(100_000),
  '100 KB URL': 'https://example.org/' + 'a/'.repeat(50_000),
  'unclosed comments, one a paragraph': 'x <!-- we utilise it\n\n'.repeat(5_000),
  'unclosed attribute quotes, one a paragraph': 'x <a b="we utilise it\n\n'.repeat(5_000),
  'one backtick, then a paragraph of 20,000 lines': '`a\n' + 'we utilise it\n'.repeat(20_000),
  'acronyms before "(" in one paragraph': 'the ICB (abc XQZ (abc we utilise it '.repeat(5_000),
  'unknown acronyms beside jargon in one paragraph': 'XQZ utilise '.repeat(10_000),
  'a definition-like line after 40 quote markers': '> '.repeat(40) + 'utilise]: it\n\n' + '> > '.repeat(30) + 'x\n[a]: b',
  'NUL and control characters': '\u0000\u0001\u0007\u001b[31m utilise \u007f'.repeat(5_000),
};

describe('pathological input never throws and keeps ranges valid', () => {
  for (const [name, text] of Object.entries(PAYLOADS)) {
    for (const format of ['markdown', 'text'] as DocumentFormat[]) {
      it(`${name} (${format})`, () => {
        const { findings } = check(text, { dictionary, format });
        assertValidFindings(text, findings);
        // Where the payload holds a term, it is still found (checked as plain text if need be).
        if (/\butilise\b/.test(text) && !/^(---|<|`|\s)/.test(text)) expect(findings.some((f) => f.entryId === 'utilise'), name).toBe(true);
      });
    }
  }
});

describe('markdown the parser cannot take in linear time is checked as plain text', () => {
  it('recognises the super-linear shapes', () => {
    for (const name of Object.keys(PAYLOADS).filter((n) => /^(quadratic|L44 10,000 nested|L44 5,000|L44 mixed|L44 10,000 "\[")/.test(n))) {
      expect(tooComplexForMarkdown(PAYLOADS[name]), name).toBe(true);
    }
    expect(tooComplexForMarkdown('*a '.repeat(MARKDOWN_LIMITS.emphasisRuns))).toBe(false);
    expect(tooComplexForMarkdown('*a '.repeat(MARKDOWN_LIMITS.emphasisRuns + 1))).toBe(true);
    expect(tooComplexForMarkdown('> '.repeat(MARKDOWN_LIMITS.nesting) + 'a')).toBe(false);
    expect(tooComplexForMarkdown('> '.repeat(MARKDOWN_LIMITS.nesting + 1) + 'a')).toBe(true);
  });

  it('counts per paragraph and per line, with CRLF as one line break', () => {
    // Many ordinary paragraphs add up to more markup than one may hold: still markdown.
    const para = '**Bold** and _this_ and [a link](https://example.org) and `code`.';
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(tooComplexForMarkdown(Array.from({ length: 2_000 }, () => para).join(eol + eol))).toBe(false);
      // One paragraph of many lines is one paragraph, whatever the line breaks.
      expect(tooComplexForMarkdown(Array.from({ length: 2_000 }, () => para).join(eol))).toBe(true);
    }
    // Deep nesting is per line; many shallow lines are fine.
    expect(tooComplexForMarkdown(Array.from({ length: 5_000 }, () => '> - > a').join('\n'))).toBe(false);
  });

  it('leaves real documents as markdown (code, links and emphasis still understood)', () => {
    const doc = [
      '---',
      'title: Discharge',
      '---',
      '# Going home',
      '',
      'We **utilise** a [care plan](https://example.org/utilise) and `utilise()`.',
      '',
      '> - nested in a quote',
      '>   1. and a list',
      '',
      '```',
      'utilise',
      '```',
    ].join('\n');
    expect(tooComplexForMarkdown(doc)).toBe(false);
    const flagged = check(doc, { dictionary }).findings.filter((f) => f.entryId === 'utilise').map((f) => doc.slice(f.start - 2, f.end + 2));
    expect(flagged).toEqual(['**utilise**']);
    expect(extractProse(doc, 'markdown').frontMatter).toBeDefined();
  });
});

describe('matching work grows linearly (counted, not timed)', () => {
  const original = TokenTrie.step;
  let steps = 0;
  afterEach(() => {
    TokenTrie.step = original;
  });
  const count = (text: string, format: DocumentFormat) => {
    steps = 0;
    TokenTrie.step = ((...args: Parameters<typeof original>) => {
      steps++;
      return original(...args);
    }) as typeof original;
    check(text, { dictionary, format });
    TokenTrie.step = original;
    return steps;
  };
  const shapes: Record<string, (n: number) => string> = {
    'repeated terms': (n) => 'We utilise the care package in order to leverage it. '.repeat(n),
    'phrase prefixes that never complete': (n) => 'in order in order in order care care care '.repeat(n),
    'protected names and replacements': (n) => 'care and support and care. NHS Talking Therapies and NHS. '.repeat(n),
    'acronyms explained in place': (n) => 'The integrated care board (ICB) and the ICB. '.repeat(n),
    'one long paragraph, no sentence ends': (n) => 'word utilise word '.repeat(n),
    'many paragraphs': (n) => 'We utilise it.\n\n'.repeat(n),
  };
  for (const [name, make] of Object.entries(shapes)) {
    for (const format of ['markdown', 'text'] as DocumentFormat[]) {
      it(`${name} (${format})`, () => {
        const a = count(make(500), format);
        const b = count(make(1000), format);
        expect(a).toBeGreaterThan(0);
        // Exactly linear up to the edges of the text: twice the text, twice the steps (±5 %).
        expect(b / a).toBeGreaterThan(1.9);
        expect(b / a).toBeLessThan(2.1);
      });
    }
  }
});

describe('a document with more findings than a function can take as arguments', () => {
  it('a names file with 300,000 wrong items: every problem reported, nothing thrown', () => {
    const text = JSON.stringify({ names: Array.from({ length: 300_000 }, () => 1) }, null, 1);
    const r = parseNames(text, 'huge-names.json');
    expect(r.names).toEqual([]);
    expect(r.problems).toHaveLength(300_000);
    expect(r.problems[0]).toMatchObject({ file: 'huge-names.json', line: 3 });
    expect(r.problems[0].message).toMatch(/must be an object/);
  });

  it('an entry field with 200,000 wrong values: every problem reported, nothing thrown', () => {
    const entry = { id: 'utilise', term: 'utilise', category: 'wordy-phrase', replacements: Array.from({ length: 200_000 }, () => 7), source: 'x' };
    const r = parseEntry(JSON.stringify(entry), 'utilise.json');
    expect(r.entry).toBeUndefined();
    expect(r.problems.length).toBeGreaterThanOrEqual(200_000);
    expect(r.problems[0].file).toBe('utilise.json');
  });

  it('250,000 unknown acronyms and a section over the reading-age target', () => {
    // Findings that depend on the whole document (acronyms, sections) are put together in one
    // list: spreading it into a call (push(...list)) throws past about 200,000 elements.
    const letters = 'BCDFGHJKLMNPQRSTVWXZ';
    const acronym = (i: number) => Array.from({ length: 5 }, (_, k) => letters[Math.floor(i / 20 ** k) % 20]).join('');
    const hard = 'Notwithstanding considerable organisational institutionalisation, multidisciplinary interoperability necessitates comprehensive reconceptualisation of accountability infrastructures. '.repeat(8);
    const text = `# Intro\n\n${hard}\n\n${hard}\n\n# Rest\n\n` + Array.from({ length: 250_000 }, (_, i) => `We met ${acronym(i)}.`).join('\n\n');
    const { findings } = check(text, { dictionary, format: 'markdown' });
    expect(findings.filter((f) => f.ruleId === 'acronym').length).toBe(250_000);
    expect(findings.some((f) => f.ruleId === 'reading-age' && f.message.includes('section'))).toBe(true);
    assertValidFindings(text, findings);
  });
});
