/**
 * The readability report of a document: scores for the whole document, for each section (a
 * heading and what follows it) and for each paragraph, with the hardest sentences of each.
 * Built in one pass over the per-chunk sentence counts (sentences.ts), so it costs little more
 * than adding numbers once the chunks are counted.
 */
import type { DocumentAnalysis } from '../check.js';
import type { PlainwordsConfig } from '../config.js';
import type { LineIndex } from '../text.js';
import type { Audience } from '../types.js';
import { FORMULAS, agreementOf, fleschReadingEase, formulaAges, formulaGrades, round1 } from './formulas.js';
import { addCounts, chunkReadability, emptyCounts, type BlockStats, type SentenceStats } from './sentences.js';
import type {
  FormulaValues,
  ParagraphReadability,
  ReadabilityCounts,
  ReadabilityPart,
  ReadabilityReport,
  ReadabilityScores,
  SectionReadability,
  SentenceReadability,
  Span,
} from './types.js';

/**
 * Default target reading ages. The public: 9, as GOV.UK and the NHS aim for. Staff: 14, the
 * end of the NHS's fallback range for hard medical information (docs/readability.md).
 */
export const DEFAULT_READING_AGE: Record<Audience, number> = { public: 9, staff: 14 };

/** Fewest words for a score that means something. */
export const MIN_WORDS = { document: 100, section: 100, paragraph: 30 } as const;

/** Sentences shorter than this are never "hardest": one long word skews a short sentence. */
export const MIN_SENTENCE_WORDS = 5;

const HARDEST = 3;

export function targetReadingAge(audience: Audience, config: PlainwordsConfig | undefined): number {
  const n = config?.readingAge?.[audience];
  return typeof n === 'number' && Number.isFinite(n) ? n : DEFAULT_READING_AGE[audience];
}

/** A sentence with offsets in the document. */
export interface DocSentence {
  stats: SentenceStats;
  start: number;
  end: number;
}

export function scoresOf(c: ReadabilityCounts, minWords: number): ReadabilityScores {
  const grades = formulaGrades(c);
  const aged = grades && formulaAges(c, grades);
  const fre = fleschReadingEase(c);
  let g: FormulaValues<number | null> = NO_VALUES;
  let a: FormulaValues<number | null> = NO_VALUES;
  if (grades && aged) {
    const ages = aged.ages;
    g = {
      fleschKincaid: round1(grades.fleschKincaid),
      smog: round1(grades.smog),
      colemanLiau: round1(grades.colemanLiau),
      automatedReadability: round1(grades.automatedReadability),
      gunningFog: round1(grades.gunningFog),
      daleChall: round1(grades.daleChall),
      spache: round1(grades.spache),
    };
    a = {
      fleschKincaid: round1(ages.fleschKincaid),
      smog: round1(ages.smog),
      colemanLiau: round1(ages.colemanLiau),
      automatedReadability: round1(ages.automatedReadability),
      gunningFog: round1(ages.gunningFog),
      daleChall: round1(ages.daleChall),
      spache: round1(ages.spache),
    };
  }
  return {
    words: c.words,
    sentences: c.sentences,
    syllables: c.syllables,
    letters: c.letters,
    polysyllables: c.polysyllables,
    complexWords: c.complexWords,
    difficultWords: c.difficultWords,
    unfamiliarWords: c.unfamiliarWords,
    grades: g,
    ages: a,
    fleschReadingEase: fre === undefined ? null : round1(fre),
    readingAge: aged ? round1(aged.readingAge) : null,
    agreement: aged ? agreementOf(FORMULAS.map((f) => aged.ages[f]), aged.readingAge) : null,
    reliable: c.words >= minWords && c.sentences > 0,
  };
}

const NO_VALUES: FormulaValues<number | null> = Object.freeze({
  fleschKincaid: null,
  smog: null,
  colemanLiau: null,
  automatedReadability: null,
  gunningFog: null,
  daleChall: null,
  spache: null,
});

function span(lines: LineIndex, start: number, end: number): Span {
  return { start, end, range: { start: lines.position(start), end: lines.position(end) } };
}

function harder(a: SentenceStats, b: SentenceStats): boolean {
  return a.readingAge > b.readingAge || (a.readingAge === b.readingAge && a.words > b.words);
}

/** Keeps the k hardest sentences seen (highest reading age, then longest), best first. */
class Hardest {
  readonly top: DocSentence[] = [];
  constructor(private readonly k = HARDEST) {}

  offer(stats: SentenceStats, base: number): void {
    const top = this.top;
    const k = this.k;
    if (stats.words < MIN_SENTENCE_WORDS) return;
    if (top.length === k && !harder(stats, top[k - 1].stats)) return;
    let at = top.length < k ? top.length : k - 1;
    top[at] = { stats, start: stats.start + base, end: stats.end + base };
    while (at > 0 && harder(top[at].stats, top[at - 1].stats)) {
      [top[at - 1], top[at]] = [top[at], top[at - 1]];
      at--;
    }
  }
}

/** The k hardest of a list of sentences. */
export function hardestOf(sentences: DocSentence[], k = HARDEST): DocSentence[] {
  const h = new Hardest(k);
  for (const s of sentences) h.offer(s.stats, s.start - s.stats.start);
  return h.top;
}

function sentenceOut(lines: LineIndex, s: DocSentence): SentenceReadability {
  return {
    start: s.start,
    end: s.end,
    range: { start: lines.position(s.start), end: lines.position(s.end) },
    text: s.stats.text,
    words: s.stats.words,
    readingAge: round1(s.stats.readingAge),
  };
}

interface Acc {
  counts: ReadabilityCounts;
  hardest: Hardest;
  start: number;
  end: number;
}

function newAcc(start: number): Acc {
  return { counts: emptyCounts(), hardest: new Hardest(), start, end: start };
}

/** What a paragraph's part needs that depends only on the paragraph: kept with its chunk's counts. */
const paragraphCache = new WeakMap<BlockStats, { scores: ReadabilityScores; hardest: SentenceStats[] }>();

function paragraphFacts(b: BlockStats): { scores: ReadabilityScores; hardest: SentenceStats[] } {
  let hit = paragraphCache.get(b);
  if (!hit) {
    const h = new Hardest();
    for (const s of b.sentences) h.offer(s, 0);
    hit = { scores: scoresOf(b.totals, MIN_WORDS.paragraph), hardest: h.top.map((d) => d.stats) };
    paragraphCache.set(b, hit);
  }
  return hit;
}

function partOf(lines: LineIndex, scores: ReadabilityScores, start: number, end: number, hardest: DocSentence[], target: number): ReadabilityPart {
  const out: ReadabilityPart = Object.assign({}, scores, {
    start,
    end,
    range: { start: lines.position(start), end: lines.position(end) },
    hardest: hardest.map((s) => sentenceOut(lines, s)),
    overTarget: scores.reliable && scores.readingAge !== null && Math.round(scores.readingAge) > target,
  });
  return out;
}

function accPart(lines: LineIndex, acc: Acc, minWords: number, target: number): ReadabilityPart {
  return partOf(lines, scoresOf(acc.counts, minWords), acc.start, acc.end, acc.hardest.top, target);
}

const memo = new WeakMap<DocumentAnalysis, { target: number; report: ReadabilityReport }>();

/** The readability report of an analysed document (memoised per analysis and target). */
export function readabilityReport(doc: DocumentAnalysis, config?: PlainwordsConfig): ReadabilityReport {
  const target = targetReadingAge(doc.audience, config);
  const hit = memo.get(doc);
  if (hit && hit.target === target) return hit.report;
  const report = buildReport(doc, target);
  memo.set(doc, { target, report });
  return report;
}

function buildReport(doc: DocumentAnalysis, target: number): ReadabilityReport {
  const lines = doc.lines;
  const document = newAcc(0);
  let first = true;
  const sections: Array<{ acc: Acc; heading?: SectionReadability['heading'] }> = [];
  const paragraphs: ParagraphReadability[] = [];
  let section: (typeof sections)[number] | undefined;
  for (const chunk of doc.chunks) {
    const base = chunk.start;
    const cr = chunkReadability(chunk.analysis);
    for (const b of cr.blocks) {
      if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
      const start = b.start + base;
      const end = b.end + base;
      if (b.kind === 'heading') {
        const text = chunk.analysis.blocks[b.index].block.text;
        section = { acc: newAcc(start), heading: { ...span(lines, start, end), text, depth: b.depth ?? 1 } };
        sections.push(section);
      } else if (!section) {
        section = { acc: newAcc(start) };
        sections.push(section);
      }
      if (first) {
        document.start = start;
        first = false;
      }
      const sec = section.acc;
      addCounts(document.counts, b.totals);
      addCounts(sec.counts, b.totals);
      for (const s of b.sentences) {
        document.hardest.offer(s, base);
        sec.hardest.offer(s, base);
      }
      document.end = end;
      sec.end = end;
      if (b.kind === 'paragraph') {
        const facts = paragraphFacts(b);
        const hardest = facts.hardest.map((s) => ({ stats: s, start: s.start + base, end: s.end + base }));
        paragraphs.push({ ...partOf(lines, facts.scores, start, end, hardest, target), listItem: b.listItem });
      }
    }
  }
  return {
    version: 1,
    audience: doc.audience,
    target,
    minWords: { ...MIN_WORDS },
    document: accPart(lines, document, MIN_WORDS.document, target),
    sections: sections.map((s) => ({ ...accPart(lines, s.acc, MIN_WORDS.section, target), ...(s.heading ? { heading: s.heading } : {}) })),
    paragraphs,
  };
}

/**
 * The prose the formulas read, block by block: paragraphs, list items and headings in document
 * order, with U+FFFC where inline code or an image was. For checking the figures against other
 * tools (scripts/bench/40-readability.mjs, test/readability/style.test.ts).
 */
export function scoredBlocks(doc: DocumentAnalysis): Array<{ kind: 'paragraph' | 'heading'; text: string; start: number; end: number }> {
  const out: Array<{ kind: 'paragraph' | 'heading'; text: string; start: number; end: number }> = [];
  for (const chunk of doc.chunks) {
    for (const { block } of chunk.analysis.blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'heading') continue;
      out.push({ kind: block.kind, text: block.text, start: block.start + chunk.start, end: block.end + chunk.start });
    }
  }
  return out;
}
