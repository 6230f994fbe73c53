// Compares document-level Flesch-Kincaid grade and Flesch reading ease with GNU style (Debian
// package "diction") on the same prose. Shared by the test and by anything that wants figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseDocument, readabilityReport, scoredBlocks, type CompiledDictionary } from '../../server/src/engine/index.js';

export const corpusDir = process.env.PLAINWORDS_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

export function styleAvailable(): boolean {
  const r = spawnSync('style', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** The scored prose as GNU style reads it: one paragraph per block, each ending as a sentence. */
export function textForStyle(blocks: Array<{ text: string }>): string {
  return blocks
    .map((b) => {
      let t = b.text.replace(/\uFFFC/g, ' ').replace(/\s+/g, ' ').trim();
      if (!t) return '';
      // style only starts a sentence at a capital.
      t = t.charAt(0).toUpperCase() + t.slice(1);
      if (!/[.!?]["'”’)\]]*$/.test(t)) t += '.';
      return t;
    })
    .filter(Boolean)
    .join('\n\n');
}

export interface StyleFigures {
  kincaid: number;
  flesch: number;
  words: number;
  sentences: number;
  syllablesPerWord: number;
}

export function runStyle(text: string): StyleFigures | undefined {
  const r = spawnSync('style', [], { input: text, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) return undefined;
  const num = (re: RegExp) => {
    const m = re.exec(r.stdout);
    return m ? Number(m[1]) : NaN;
  };
  const figures = {
    kincaid: num(/Kincaid:\s*(-?[\d.]+)/),
    flesch: num(/Flesch Index:\s*(-?[\d.]+)/),
    words: num(/(\d+) words,/),
    sentences: num(/(\d+) sentences,/),
    syllablesPerWord: num(/= (-?[\d.]+) syllables/),
  };
  return Object.values(figures).every(Number.isFinite) ? figures : undefined;
}

export interface Comparison {
  path: string;
  ours: { kincaid: number; flesch: number; words: number; sentences: number; syllablesPerWord: number };
  style: StyleFigures;
  /** Our Flesch-Kincaid recomputed with style's syllables per word: what is left is words and sentences. */
  kincaidWithStyleSyllables: number;
}

/** Documents with at least minWords of scored prose, a few from each corpus folder, in a fixed order. */
export function pickDocuments(dictionary: CompiledDictionary, perFolder: number, minWords = 300, maxWords = 6000): Array<{ path: string; text: string }> {
  if (!existsSync(corpusDir)) return [];
  const out: Array<{ path: string; text: string }> = [];
  for (const folder of readdirSync(corpusDir).sort()) {
    const root = join(corpusDir, folder);
    if (!statSync(root).isDirectory()) continue;
    const files: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d).sort()) {
        const full = join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.md')) files.push(full);
      }
    };
    walk(root);
    let taken = 0;
    // Spread the picks over the folder.
    const step = Math.max(1, Math.floor(files.length / (perFolder * 4)));
    for (let i = 0; i < files.length && taken < perFolder; i += step) {
      const text = readFileSync(files[i], 'utf8');
      const words = readabilityReport(analyseDocument(text, { dictionary })).document.words;
      if (words < minWords || words > maxWords) continue;
      out.push({ path: files[i].slice(corpusDir.length + 1), text });
      taken++;
    }
  }
  return out;
}

export function compare(path: string, text: string, dictionary: CompiledDictionary): Comparison | undefined {
  const doc = analyseDocument(text, { dictionary });
  const r = readabilityReport(doc).document;
  const style = runStyle(textForStyle(scoredBlocks(doc)));
  if (!style || r.fleschReadingEase === null || r.grades.fleschKincaid === null) return undefined;
  const ours = { kincaid: r.grades.fleschKincaid, flesch: r.fleschReadingEase, words: r.words, sentences: r.sentences, syllablesPerWord: r.syllables / r.words };
  return { path, ours, style, kincaidWithStyleSyllables: 0.39 * (r.words / r.sentences) + 11.8 * style.syllablesPerWord - 15.59 };
}

export function summarise(rows: Comparison[]) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const corr = (xs: number[], ys: number[]) => {
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) ** 2;
      syy += (ys[i] - my) ** 2;
    }
    return sxy / Math.sqrt(sxx * syy);
  };
  const d = (f: (r: Comparison) => number) => rows.map(f);
  const fk = d((r) => r.ours.kincaid - r.style.kincaid);
  const fre = d((r) => r.ours.flesch - r.style.flesch);
  const hybrid = d((r) => r.kincaidWithStyleSyllables - r.style.kincaid);
  return {
    documents: rows.length,
    kincaid: { meanDiff: mean(fk), meanAbsDiff: mean(fk.map(Math.abs)), maxAbsDiff: Math.max(...fk.map(Math.abs)), correlation: corr(d((r) => r.ours.kincaid), d((r) => r.style.kincaid)) },
    flesch: { meanDiff: mean(fre), meanAbsDiff: mean(fre.map(Math.abs)), maxAbsDiff: Math.max(...fre.map(Math.abs)), correlation: corr(d((r) => r.ours.flesch), d((r) => r.style.flesch)) },
    kincaidSameSyllables: { meanDiff: mean(hybrid), meanAbsDiff: mean(hybrid.map(Math.abs)) },
    wordsRatio: mean(d((r) => r.ours.words / r.style.words)),
    sentencesRatio: mean(d((r) => r.ours.sentences / r.style.sentences)),
    syllablesPerWord: { ours: mean(d((r) => r.ours.syllablesPerWord)), style: mean(d((r) => r.style.syllablesPerWord)) },
  };
}
