// npm run corpus-report: runs the checker over ../shared/corpus and prints findings per 1,000
// words per folder and per category, and the 20 most frequent findings.
import { relative } from 'node:path';
import { corpusDir, corpusFiles, absent } from './bench/corpus.mjs';

const files = corpusFiles();
if (!files) {
  absent('corpus report');
  process.exit(0);
}
const { check, compileDictionary, extractProse } = await import('../dist/engine.mjs');
const { builtinDictionary } = await import('../dist/dictionary.mjs');
const dictionary = compileDictionary(builtinDictionary);
const only = process.argv.find((a) => a.startsWith('--rule='))?.slice(7) ?? 'jargon';
const folderFilter = process.argv.find((a) => a.startsWith('--folder='))?.slice(9);

const folders = new Map();
const categories = new Map();
const frequent = new Map();
let totalWords = 0;
let totalFindings = 0;
const countWords = (text) => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
for (const f of files) {
  if (folderFilter && !relative(corpusDir, f.path).startsWith(folderFilter)) continue;
  const format = /\.txt$/i.test(f.path) ? 'text' : 'markdown';
  const words = extractProse(f.text, format).blocks.reduce((n, b) => n + countWords(b.text), 0);
  const findings = check(f.text, { dictionary, format }).findings.filter((x) => only === 'all' || x.ruleId === only);
  const folder = relative(corpusDir, f.path).split('/')[0];
  const row = folders.get(folder) ?? { files: 0, words: 0, findings: 0, warnings: 0 };
  row.files++;
  row.words += words;
  row.findings += findings.length;
  row.warnings += findings.filter((x) => x.severity === 'warning' || x.severity === 'error').length;
  folders.set(folder, row);
  totalWords += words;
  totalFindings += findings.length;
  for (const x of findings) {
    const cat = x.category ?? x.ruleId;
    const c = categories.get(cat) ?? { findings: 0, warnings: 0 };
    c.findings++;
    if (x.severity === 'warning' || x.severity === 'error') c.warnings++;
    categories.set(cat, c);
    const key = `${x.entryId ?? x.ruleId}: ${x.actual.toLowerCase()}`;
    if (folderFilter && x.severity !== 'warning' && x.severity !== 'error') continue;
    const fr = frequent.get(key) ?? { n: 0, severity: x.severity, example: '' };
    fr.n++;
    if (!fr.example) fr.example = `${relative(corpusDir, f.path)}:${x.range.start.line + 1}`;
    frequent.set(key, fr);
  }
}
const per1000 = (n, w) => (w ? (1000 * n) / w : 0).toFixed(2);
console.log(`Plain Words corpus report${folderFilter ? ` for ${folderFilter}` : ''} (${only === 'all' ? 'all rules' : `rule: ${only}`}): ${files.length} files, ${totalWords} words, ${totalFindings} findings, ${per1000(totalFindings, totalWords)} per 1,000 words\n`);
console.log('Per folder                                   files     words  findings  per 1k  warnings per 1k');
for (const [name, r] of [...folders].sort()) {
  console.log(`${name.padEnd(42)} ${String(r.files).padStart(6)} ${String(r.words).padStart(9)} ${String(r.findings).padStart(9)} ${per1000(r.findings, r.words).padStart(7)} ${per1000(r.warnings, r.words).padStart(16)}`);
}
console.log('\nPer category                     findings  per 1k  warnings per 1k');
for (const [name, c] of [...categories].sort((a, b) => b[1].findings - a[1].findings)) {
  console.log(`${name.padEnd(30)} ${String(c.findings).padStart(10)} ${per1000(c.findings, totalWords).padStart(7)} ${per1000(c.warnings, totalWords).padStart(16)}`);
}
console.log('\n20 most frequent findings');
for (const [key, fr] of [...frequent].sort((a, b) => b[1].n - a[1].n).slice(0, 20)) {
  console.log(`${String(fr.n).padStart(6)}  ${fr.severity.padEnd(8)} ${key}   (e.g. ${fr.example})`);
}
const plain = ['govuk-content-publishing-guidance', 'nhsuk-service-manual'];
console.log('\nGoal: at most 3 warnings per 1,000 words in the GOV.UK and NHS guidance folders:');
for (const name of plain) {
  const r = folders.get(name);
  if (!r) continue;
  const v = (1000 * r.warnings) / r.words;
  console.log(`  ${name}: ${v.toFixed(2)} warnings per 1,000 words ${v <= 3 ? 'MET' : 'MISSED'}`);
}
