// Pathological input: time to check documents of size n, 2n and 4n for each shape, and the
// ratios t(2n)/t(n) and t(4n)/t(2n). Linear time gives ratios near 2; a ratio near 4 means
// quadratic. Shapes: the issue's four (a 10 MB single paragraph, a 1 MB line, 100,000 short
// paragraphs, a document of only punctuation) and the markup that made markdown parsers and
// our own rules super-linear (docs/robustness.md). Imports dist/ (npm run bench builds it).
const { check, compileDictionary } = await import('../../dist/engine.mjs');
const { builtinDictionary } = await import('../../dist/dictionary.mjs');

const dictionary = compileDictionary(builtinDictionary);
const sentence = 'We will utilise the care package going forward, and this is a sentence. ';
const repeatTo = (unit, chars) => unit.repeat(Math.max(1, Math.round(chars / unit.length)));
const MB = 1024 * 1024;

/** name, format, sizes (n, 2n, 4n) and a generator of a document of about that size. */
const shapes = [
  ['single paragraph (10 MB at 4n)', 'markdown', [2.5 * MB, 5 * MB, 10 * MB], (n) => repeatTo(sentence, n)],
  ['single line, no spaces (1 MB at 4n)', 'markdown', [MB / 4, MB / 2, MB], (n) => repeatTo('abcdefghij', n) + '\n'],
  ['short paragraphs (100,000 at 4n)', 'markdown', [25_000, 50_000, 100_000], (n) => 'We utilise it.\n\n'.repeat(n)],
  ['only punctuation (1 MB at 4n)', 'markdown', [MB / 4, MB / 2, MB], (n) => repeatTo('.,;:!?-()[]{}"\'/\\|@#$%^&*_~`<>', n)],
  ['single paragraph, plain text (4 MB at 4n)', 'text', [MB, 2 * MB, 4 * MB], (n) => repeatTo(sentence, n)],
  ['nested emphasis "*a " (one paragraph)', 'markdown', [40_000, 80_000, 160_000], (n) => { const k = Math.round(n / 6); return '*a '.repeat(k) + 'utilise' + ' a*'.repeat(k); }],
  ['closing brackets "a]b "', 'markdown', [100_000, 200_000, 400_000], (n) => repeatTo('a]b ', n)],
  ['code spans "a`b "', 'markdown', [100_000, 200_000, 400_000], (n) => repeatTo('a`b ', n)],
  ['inline HTML "a<i> "', 'markdown', [100_000, 200_000, 400_000], (n) => repeatTo('a<i> ', n)],
  ['block quotes nested per line', 'markdown', [20_000, 40_000, 80_000], (n) => repeatTo('>', n) + ' utilise'],
  ['emphasis under the limit, many paragraphs', 'markdown', [200_000, 400_000, 800_000], (n) => repeatTo('*a '.repeat(400) + 'utilise\n\n', n)],
  ['suppression comments beside findings', 'markdown', [200_000, 400_000, 800_000], (n) => repeatTo('We utilise it <!-- plainwords-disable-line foo -->\n', n)],
  ['protected replacements ("care and support")', 'text', [500_000, 1_000_000, 2_000_000], (n) => repeatTo('care and support and care. ', n)],
  ['one 100 KB "word" per paragraph', 'markdown', [400_000, 800_000, 1_600_000], (n) => repeatTo('x'.repeat(100_000) + '\n\n', n)],
  ['unclosed comments, one a paragraph', 'markdown', [50_000, 100_000, 200_000], (n) => repeatTo('x <!-- y\n\n', n)],
  ['unclosed attribute quotes, one a paragraph', 'markdown', [50_000, 100_000, 200_000], (n) => repeatTo('x <a b="y\n\n', n)],
  ['one backtick, then a paragraph of many lines', 'markdown', [100_000, 200_000, 400_000], (n) => '`a\n' + repeatTo('line\n', n)],
  ['acronyms before "(" in one paragraph', 'markdown', [40_000, 80_000, 160_000], (n) => repeatTo('the ICB (abc XQZ (abc ', n)],
  ['quote markers before "]:" on every line', 'markdown', [50_000, 100_000, 200_000], (n) => repeatTo('> '.repeat(40) + 'we utilise]: it\n\n', n)],
  ['unknown acronyms beside jargon in one paragraph', 'markdown', [40_000, 80_000, 160_000], (n) => repeatTo('XQZ utilise ', n)],
  ['template openers with no closer, one paragraph', 'markdown', [100_000, 200_000, 400_000], (n) => repeatTo('{{ a { {% b\n', n)],
  ['abbreviation openers with no "]:"',  'markdown', [100_000, 200_000, 400_000], (n) => repeatTo('*[a *[b *[c\n', n)],
  ['nested template braces, one paragraph', 'markdown', [100_000, 200_000, 400_000], (n) => '{{ ' + repeatTo('{ utilise ', n) + '}}'],
];

function time(text, format) {
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  const r = check(text, { dictionary, format });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, findings: r.findings.length };
}

// Warm up the JIT on every path.
for (const [, format, , make] of shapes) time(make(2000), format);

const size = (chars) => (chars >= MB ? `${(chars / MB).toFixed(1)} MB` : `${Math.round(chars / 1024)} KB`);
const rows = [];
let suspicious = 0;
for (const [name, format, sizes, make] of shapes) {
  const ms = [];
  let findings = 0;
  let chars = [];
  for (const n of sizes) {
    const text = make(n);
    chars.push(text.length);
    // Small inputs: best of three (less noise); large ones once.
    const runs = text.length > 2 * MB ? 1 : 3;
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const r = time(text, format);
      best = Math.min(best, r.ms);
      findings = r.findings;
    }
    ms.push(best);
  }
  const r1 = ms[1] / ms[0];
  const r2 = ms[2] / ms[1];
  const flag = r1 > 3 && r2 > 3 ? '  <-- SUPER-LINEAR?' : '';
  if (flag) suspicious++;
  rows.push(`${name.padEnd(46)} ${format.padEnd(8)} ${chars.map(size).join(' / ').padEnd(26)} ${ms.map((m) => `${m.toFixed(0)} ms`).join(' / ').padEnd(28)} ×${r1.toFixed(2)} ×${r2.toFixed(2)}  (${(ms[2] / (chars[2] / MB)).toFixed(0)} ms/MB, ${findings} findings)${flag}`);
}
console.log('Pathological input: check() time at n / 2n / 4n characters, and the ratios t(2n)/t(n), t(4n)/t(2n) (2 = linear, 4 = quadratic)');
console.log(`${'shape'.padEnd(46)} ${'format'.padEnd(8)} ${'sizes'.padEnd(26)} ${'time'.padEnd(28)} ratios`);
for (const r of rows) console.log(r);
console.log(suspicious ? `${suspicious} shape(s) look super-linear (both ratios over 3): see docs/robustness.md` : 'No shape grows faster than linearly (no pair of ratios over 3; the machine is shared, so single ratios vary).');
