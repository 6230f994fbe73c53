// An editor keeps chunk analyses between versions of a document (AnalysisCache). Nothing kept may
// refer to the version it came from: a slice of it would keep that whole text alive, and typing
// in a long document would then hold on to one old version per edit. Measured in a child process
// with the garbage collector exposed, on the bundled engine (dist/, built before the tests).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const SCRIPT = `
const { AnalysisCache, analyseDocument, compileDictionary, visitFindings } = await import(${JSON.stringify(ROOT + 'dist/engine.mjs')});
const { builtinDictionary } = await import(${JSON.stringify(ROOT + 'dist/dictionary.mjs')});
const dictionary = compileDictionary(builtinDictionary);
// About 730 KB, with characters outside Latin-1, so each version takes about 1.5 MB. Each
// paragraph defines an abbreviation longer than V8 copies when it slices (13 characters).
const paragraphs = [];
for (let i = 0; i < 6000; i++) paragraphs.push('Paragraph ' + i + ': we will utilise the stakeholder list — the café’s ICB (' + (i % 7) + ' of them).\\n*[Quality Exchange Zone ' + i + ']: a zone');
let text = paragraphs.join('\\n\\n') + '\\n';
const cache = new AnalysisCache();
const options = { dictionary, cache };
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const check = (change) => { const doc = analyseDocument(text, { ...options, change }); visitFindings(doc, options, { keptRun() {}, placed() {} }); };
check(undefined);
// Warm up: every kind of thing a check keeps is made once.
for (let i = 0; i < 3; i++) check(edit(i));
const before = heap();
for (let i = 3; i < 43; i++) check(edit(i));
console.log(JSON.stringify({ grown: heap() - before, version: text.length * 2 }));
function edit(i) {
  const at = text.indexOf(' ', (i * 7919 * 131) % text.length);
  // A new flat string for each version, as an editor's document is.
  text = (text.slice(0, at) + ' e' + text.slice(at)).split('').join('');
  return { start: at, oldEnd: at, newEnd: at + 2 };
}
`;

// The same document held with a cache (an editor) and without (the command line): a cached
// analysis keeps no tokens, the largest part of an analysis, and works them out again when asked.
const TOKENS_SCRIPT = `
const { AnalysisCache, analyseDocument, compileDictionary, findingsOf } = await import(${JSON.stringify(ROOT + 'dist/engine.mjs')});
const { builtinDictionary } = await import(${JSON.stringify(ROOT + 'dist/dictionary.mjs')});
const dictionary = compileDictionary(builtinDictionary);
const paragraphs = [];
for (let i = 0; i < 6000; i++) paragraphs.push('Paragraph ' + i + ': we will utilise the stakeholder list in order to help the people who use the service.');
const text = paragraphs.join('\\n\\n') + '\\n';
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const held = (options) => {
  const before = heap();
  globalThis.kept = analyseDocument(text, { dictionary, ...options });
  const grown = heap() - before;
  let tokens = 0;
  for (const c of globalThis.kept.chunks) for (const b of c.analysis.blocks) tokens += b.tokens.length;
  const findings = findingsOf(globalThis.kept, { dictionary, ...options }).length;
  globalThis.kept = undefined;
  return { grown, tokens, findings };
};
// One way per process, so nothing from the other run is still on the heap when this one starts.
console.log(JSON.stringify(held(process.env.CACHED ? { cache: new AnalysisCache() } : {})));
`;

describe('analysis cache memory', () => {
  it('keeps no tokens in a cached analysis, and gives them again when asked', () => {
    const run = (cached: boolean) => {
      const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', TOKENS_SCRIPT], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CACHED: cached ? '1' : '' } });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { grown: number; tokens: number; findings: number };
    };
    const cached = run(true);
    const plain = run(false);
    // 6,000 paragraphs of 20 words.
    expect(plain.tokens).toBeGreaterThan(100_000);
    expect(cached.tokens).toBe(plain.tokens);
    expect(cached.findings).toBe(plain.findings);
    // A token takes more than 40 bytes (an object and its slot in a list).
    expect(plain.grown - cached.grown).toBeGreaterThan(40 * plain.tokens);
  });

  it('keeps no old version of the document alive while it is edited', () => {
    expect(existsSync(ROOT + 'dist/engine.mjs'), 'dist/ is built (npm test builds it first)').toBe(true);
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    const { grown, version } = JSON.parse(r.stdout);
    // 40 edits in different chunks: keeping each old version would grow the heap by 40 of them.
    expect(version).toBeGreaterThan(1_000_000);
    expect(grown).toBeLessThan(4 * version);
  });
});
