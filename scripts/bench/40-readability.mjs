// Readability over ../shared/corpus: what the readability report and the clarity rules cost as
// a share of the whole check, what a retext-english parse of the same prose would cost, and the
// document-level figures beside GNU style (Debian package "diction") when it is installed.
import { spawnSync } from 'node:child_process';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import { absent, corpusFiles, mb, timeIt } from './corpus.mjs';

const files = corpusFiles();
if (!files) {
  absent('readability figures');
  process.exit(0);
}
const { check, compileDictionary, analyseDocument, findingsOf, readabilityReport, scoredBlocks } = await import('../../dist/engine.mjs');
const { builtinDictionary } = await import('../../dist/dictionary.mjs');
const dictionary = compileDictionary(builtinDictionary);
const formatOf = (p) => (/\.txt$/i.test(p) ? 'text' : 'markdown');
const size = mb(files.reduce((n, f) => n + Buffer.byteLength(f.text), 0));
console.log(`${files.length} files, ${size.toFixed(2)} MB`);

// The machine may be shared and busy: each measure is timed document by document, the
// measures interleaved, and each document's fastest of three rounds counts, so that load falls
// on every measure alike.
const off = { rules: { 'long-sentence': 'off', 'hard-sentence': 'off', 'reading-age': 'off' } };
for (const f of files.slice(0, 50)) check(f.text, { dictionary, format: formatOf(f.path) });
const english = unified().use(retextEnglish).freeze();
const scoring = unified().use(retextEnglish).use(retextReadability).freeze();
const now = () => performance.now();
const best = { without: [], whole: [], report: [], retext: [], retextReadability: [], reportSample: [] };
const keep = (key, i, ms) => (best[key][i] = Math.min(best[key][i] ?? Infinity, ms));
let docs = [];
for (let round = 0; round < 3; round++) {
  docs = files.map((f, i) => {
    const format = formatOf(f.path);
    let t = now();
    const optionsOff = { dictionary, format, config: off };
    findingsOf(analyseDocument(f.text, optionsOff), optionsOff);
    keep('without', i, now() - t);
    t = now();
    check(f.text, { dictionary, format });
    keep('whole', i, now() - t);
    const doc = analyseDocument(f.text, { dictionary, format });
    t = now();
    readabilityReport(doc);
    const reportMs = now() - t;
    keep('report', i, reportMs);
    const prose = scoredBlocks(doc).map((b) => b.text).join('\n\n');
    t = now();
    english.parse(prose);
    keep('retext', i, now() - t);
    // retext-readability is slow: every tenth document, first round only.
    if (round === 0 && i % 10 === 0) {
      t = now();
      scoring.runSync(scoring.parse(prose));
      best.retextReadability.push(now() - t);
      best.reportSample.push(reportMs);
    }
    return doc;
  });
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const withoutMs = sum(best.without);
const wholeMs = sum(best.whole);
const reportMs = sum(best.report);
const retextMs = sum(best.retext);
const retextReadabilityMs = sum(best.retextReadability);
const reportSampleMs = sum(best.reportSample);

const share = (wholeMs - withoutMs) / wholeMs;
const row = (name, ms) => console.log(`${name.padEnd(70)} ${ms.toFixed(0).padStart(7)} ms  ${(size / (ms / 1000)).toFixed(2).padStart(7)} MB/s`);
row('check, readability rules off (parse, match, jargon, acronyms)', withoutMs);
row('check, everything (readability report and rules included)', wholeMs);
row('readability report alone on a fresh analysis (counts + report)', reportMs);
row('retext-english parse of the same prose (the engine does not do this)', retextMs);
console.log(
  `readability cost: ${(share * 100).toFixed(1)}% of the whole check (report and rules); the report alone ${((reportMs / wholeMs) * 100).toFixed(1)}%; ` +
    `a retext-english parse of the prose alone would cost ${((retextMs / withoutMs) * 100).toFixed(0)}% of the check without readability`,
);
console.log(
  `retext-english + retext-readability on every tenth document: ${retextReadabilityMs.toFixed(0)} ms, ${(retextReadabilityMs / reportSampleMs).toFixed(1)}x our report on the same documents (${reportSampleMs.toFixed(0)} ms)`,
);

let counts = {};
for (const f of files) for (const x of check(f.text, { dictionary, format: formatOf(f.path) }).findings) counts[x.ruleId] = (counts[x.ruleId] ?? 0) + 1;
console.log(`findings by rule on the corpus: ${Object.entries(counts).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);

// Beside GNU style.
const style = spawnSync('style', ['--version'], { encoding: 'utf8' });
if (style.error || style.status !== 0) {
  console.log('GNU style is not installed (apt-get install -y diction): comparison skipped.');
  process.exit(0);
}
const forStyle = (blocks) =>
  blocks
    .map((b) => {
      let t = b.text.replace(/\uFFFC/g, ' ').replace(/\s+/g, ' ').trim();
      if (!t) return '';
      t = t.charAt(0).toUpperCase() + t.slice(1);
      return /[.!?]["'”’)\]]*$/.test(t) ? t : t + '.';
    })
    .filter(Boolean)
    .join('\n\n');
const rows = [];
for (let i = 0; i < files.length; i++) {
  const r = readabilityReport(docs[i]).document;
  if (r.words < 300 || r.words > 6000) continue;
  const out = spawnSync('style', [], { input: forStyle(scoredBlocks(docs[i])), encoding: 'utf8', maxBuffer: 1 << 24 }).stdout ?? '';
  const num = (re) => Number(re.exec(out)?.[1]);
  const s = { kincaid: num(/Kincaid:\s*(-?[\d.]+)/), flesch: num(/Flesch Index:\s*(-?[\d.]+)/), spw: num(/= (-?[\d.]+) syllables/) };
  if (![s.kincaid, s.flesch, s.spw].every(Number.isFinite)) continue;
  rows.push({ fk: r.grades.fleschKincaid - s.kincaid, fre: r.fleschReadingEase - s.flesch, hybrid: 0.39 * (r.words / r.sentences) + 11.8 * s.spw - 15.59 - s.kincaid });
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `beside GNU style on ${rows.length} documents of 300-6000 words: Flesch-Kincaid grade mean difference ${mean(rows.map((r) => r.fk)).toFixed(2)}, ` +
    `mean absolute ${mean(rows.map((r) => Math.abs(r.fk))).toFixed(2)}; Flesch reading ease mean difference ${mean(rows.map((r) => r.fre)).toFixed(1)}, ` +
    `mean absolute ${mean(rows.map((r) => Math.abs(r.fre))).toFixed(1)}; with style's syllables the grade difference is ${mean(rows.map((r) => r.hybrid)).toFixed(2)} ` +
    `(mean absolute ${mean(rows.map((r) => Math.abs(r.hybrid))).toFixed(2)})`,
);
