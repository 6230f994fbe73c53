// Engine throughput over ../shared/corpus: markdown parse and matching, each alone and together,
// beside remark-parse alone and the peer pipeline (unified + remark-parse + remark-retext +
// retext-english + retext-simplify) on the same files, in one run.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextSimplify from 'retext-simplify';
import { absent, corpusFiles, mb, timeIt } from './corpus.mjs';

const files = corpusFiles();
if (!files) {
  absent('engine throughput');
  process.exit(0);
}
const { check, compileDictionary, extractProse, matchProse, analyseDocument, findingsOf, readabilityReport } = await import('../../dist/engine.mjs');
const { builtinDictionary } = await import('../../dist/dictionary.mjs');

const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
const size = mb(bytes);
const t0 = performance.now();
const dictionary = compileDictionary(builtinDictionary);
const compileMs = performance.now() - t0;
console.log(`${files.length} files, ${size.toFixed(2)} MB; dictionary: ${builtinDictionary.entries.length} entries compiled in ${compileMs.toFixed(0)} ms`);

const bare = unified().use(remarkParse).freeze();
const ours = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
// retext-simplify runs on the English syntax tree: it belongs to the retext processor given to remark-retext.
const peer = unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(retextSimplify)).freeze();

const rows = [];
const run = (name, fn, runs = 3) => {
  const ms = timeIt(() => {
    for (const f of files) fn(f);
  }, runs);
  rows.push({ name, ms });
  return ms;
};

// Warm up the JIT on every path once.
for (const f of files.slice(0, 50)) {
  bare.parse(f.text);
  check(f.text, { dictionary });
}

const formatOf = (p) => (/\.txt$/i.test(p) ? 'text' : 'markdown');
const parseBare = run('remark-parse alone (CommonMark)', (f) => bare.parse(f.text));
run('remark-parse + GFM + front matter', (f) => ours.parse(f.text));
run('prose extraction (parse + prose blocks)', (f) => extractProse(f.text, formatOf(f.path)));
// Matching alone: tokens and dictionary matches over prose extracted beforehand (no parsing).
const extracted = files.map((f) => extractProse(f.text, formatOf(f.path)));
const matchMs = timeIt(() => {
  for (const p of extracted) matchProse(p, dictionary);
});
rows.push({ name: 'matching alone (tokens + dictionary, prose given)', ms: matchMs });
// Rules alone: readability counts, severities, suppression, acronyms, readability and messages
// over finished analyses. Rule results are kept with each chunk's analysis (for editors), so
// every run gets fresh analyses (built outside the timing) to measure the work, not the memo.
// Twice: as check() and the command line analyse (tokens kept), and as an editor's first check
// (analyses in a cache keep no tokens, so the rules work them out again).
const { AnalysisCache } = await import('../../dist/engine.mjs');
for (const [name, cached] of [
  ['rules, readability and findings alone (fresh analyses given)', false],
  ["the same, on analyses from an editor's cache (no tokens kept)", true],
]) {
  const findTimes = [];
  for (let r = 0; r < 3; r++) {
    const caches = files.map(() => (cached ? new AnalysisCache() : undefined));
    const docs = files.map((f, i) => analyseDocument(f.text, { dictionary, cache: caches[i], format: formatOf(f.path) }));
    globalThis.gc?.();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < docs.length; i++) {
      findingsOf(docs[i], { dictionary, cache: caches[i], format: formatOf(files[i].path) });
      readabilityReport(docs[i]);
    }
    findTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  rows.push({ name, ms: findTimes.sort((a, b) => a - b)[1] });
}
const whole = run('plainwords check (whole engine)', (f) => check(f.text, { dictionary, format: formatOf(f.path) }));
globalThis.gc?.();
const p0 = performance.now();
for (const f of files) await peer.run(peer.parse(f.text));
const peerMs = performance.now() - p0;
rows.push({ name: 'peer: remark-parse + remark-retext + retext-english + retext-simplify', ms: peerMs });


console.log('');
for (const r of rows) console.log(`${r.name.padEnd(72)} ${r.ms.toFixed(0).padStart(7)} ms  ${(size / (r.ms / 1000)).toFixed(2).padStart(7)} MB/s`);
console.log('');
const ratio = whole / parseBare;
const speedup = peerMs / whole;
console.log(`whole check vs remark-parse alone: ${ratio.toFixed(2)}x the time (goal: at most 1.5x) ${ratio <= 1.5 ? 'MET' : 'MISSED'}`);
console.log(`whole check vs peer pipeline: ${speedup.toFixed(1)}x the throughput (goal: at least 8x) ${speedup >= 8 ? 'MET' : 'MISSED'}`);
let findings = 0;
for (const f of files) findings += check(f.text, { dictionary, format: formatOf(f.path) }).findings.length;
console.log(`findings on the corpus: ${findings}`);
