/**
 * The readability report of a document: scores for the whole document, for each section (a
 * heading and what follows it) and for each paragraph, with the hardest sentences of each.
 * Built in one pass over the per-chunk sentence counts (sentences.ts), so it costs little more
 * than adding numbers once the chunks are counted.
 */
import type { DocumentAnalysis } from '../check.js';
import type { PlainwordsConfig } from '../config.js';
import type { ChunkAnalysis } from '../analyse.js';
import type { LineIndex } from '../text.js';
import type { Audience } from '../types.js';
import { FORMULAS, agreementOf, fleschReadingEase, formulaAges, formulaGrades, readingAgeOf, round1 } from './formulas.js';
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

function harder(a: SentenceStats, b: SentenceStats): boolean {
  return a.readingAge > b.readingAge || (a.readingAge === b.readingAge && a.words > b.words);
}

/** Keeps the k hardest sentences seen (highest reading age, then longest), best first. */
export class Hardest {
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

function isOverTarget(scores: ReadabilityScores, target: number): boolean {
  return scores.reliable && scores.readingAge !== null && Math.round(scores.readingAge) > target;
}

function partOf(lines: LineIndex, scores: ReadabilityScores, start: number, end: number, hardest: DocSentence[], target: number): ReadabilityPart {
  const out: ReadabilityPart = Object.assign({}, scores, {
    start,
    end,
    range: { start: lines.position(start), end: lines.position(end) },
    hardest: hardest.map((s) => sentenceOut(lines, s)),
    overTarget: isOverTarget(scores, target),
  });
  return out;
}

/**
 * Is a paragraph's reading age above the target? What isOverTarget(scoresOf(...)) says, without
 * building the scores (most paragraphs are not: their parts are built only for the report).
 */
export function paragraphOverTarget(b: BlockStats, target: number): boolean {
  const c = b.totals;
  if (c.words < MIN_WORDS.paragraph || c.sentences <= 0) return false;
  const age = readingAgeOf(c);
  return age !== undefined && Math.round(round1(age)) > target;
}

/** A paragraph's part, for its chunk starting at `base` in the document whose lines are given. */
export function paragraphPart(lines: LineIndex, b: BlockStats, base: number, target: number): ParagraphReadability {
  const scores = scoresOf(b.totals, MIN_WORDS.paragraph);
  const top = new Hardest();
  for (const s of b.sentences) top.offer(s, base);
  const start = b.start + base;
  const end = b.end + base;
  // Written out field by field, in the order the report has always had (its JSON is compared
  // byte for byte): much faster than a spread of a wide object.
  return {
    words: scores.words,
    sentences: scores.sentences,
    syllables: scores.syllables,
    letters: scores.letters,
    polysyllables: scores.polysyllables,
    complexWords: scores.complexWords,
    difficultWords: scores.difficultWords,
    unfamiliarWords: scores.unfamiliarWords,
    grades: scores.grades,
    ages: scores.ages,
    fleschReadingEase: scores.fleschReadingEase,
    readingAge: scores.readingAge,
    agreement: scores.agreement,
    reliable: scores.reliable,
    start,
    end,
    range: { start: lines.position(start), end: lines.position(end) },
    hardest: top.top.map((s) => sentenceOut(lines, s)),
    overTarget: isOverTarget(scores, target),
    listItem: b.listItem,
  };
}

/**
 * The part of a section inside one chunk: its heading when the section starts in the chunk,
 * and its paragraphs and headings up to the next heading or the chunk's end. Sections that run
 * over several chunks are put together from these, so an edit recounts only its own chunk.
 * Offsets and positions are computed where the chunk is now, when they are needed: a segment
 * depends on the chunk's text only.
 */
interface Segment {
  /** The heading block that starts the segment, and its text. */
  heading?: BlockStats;
  headingText?: string;
  /** Offsets relative to the chunk. */
  start: number;
  end: number;
  counts: ReadabilityCounts;
  /** The hardest sentences of the segment, best first. */
  hardest: SentenceStats[];
  /** The segment's paragraphs, in order. */
  paragraphs: BlockStats[];
  /** Scores of a section that is this segment alone, once needed. */
  alone?: ReadabilityScores;
  /** Scores of the last section seen that starts here and runs into later chunks. */
  spanning?: { counts: ReadabilityCounts; scores: ReadabilityScores };
}

/** A chunk's share of the report. */
export interface ChunkReport {
  segments: Segment[];
}

const chunkReports = new WeakMap<ChunkAnalysis, ChunkReport>();

/** The chunk's share of the report (kept with the chunk's analysis). */
export function chunkReport(analysis: ChunkAnalysis): ChunkReport {
  const hit = chunkReports.get(analysis);
  if (hit) return hit;
  const segments: Segment[] = [];
  let seg: Segment | undefined;
  let top: Hardest | undefined;
  const close = () => {
    if (seg && top) seg.hardest = top.top.map((d) => d.stats);
  };
  for (const b of chunkReadability(analysis).blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    if (b.kind === 'heading' || !seg) {
      close();
      seg = { heading: undefined, headingText: undefined, start: b.start, end: b.start, counts: emptyCounts(), hardest: [], paragraphs: [] };
      if (b.kind === 'heading') {
        seg.heading = b;
        seg.headingText = analysis.blocks[b.index].block.text;
      }
      top = new Hardest();
      segments.push(seg);
    }
    addCounts(seg.counts, b.totals);
    for (const s of b.sentences) top!.offer(s, 0);
    seg.end = b.end;
    if (b.kind === 'paragraph') seg.paragraphs.push(b);
  }
  close();
  const report: ChunkReport = { segments };
  chunkReports.set(analysis, report);
  return report;
}

/** A section of the document, put together from its segments. */
export interface DocSection {
  counts: ReadabilityCounts;
  hardest: Hardest;
  /** Document offsets. */
  start: number;
  end: number;
  /** The heading's segment and its chunk's start now, when the section has a heading. */
  heading?: { segment: Segment; base: number };
  /** Paragraphs in the section. */
  paragraphs: number;
  scores: ReadabilityScores;
  overTarget: boolean;
}

/** The document's readability put together from its chunks' shares. */
export interface DocReadability {
  target: number;
  /** Each chunk's share, its start now and the section each of its segments is in. */
  chunks: Array<{ report: ChunkReport; base: number; sections: DocSection[] }>;
  sections: DocSection[];
  document: { counts: ReadabilityCounts; hardest: Hardest; start: number; end: number };
}

const docMemo = new WeakMap<DocumentAnalysis, Map<number, DocReadability>>();

/** Sections and document totals from the chunks' shares (memoised per analysis and target). */
export function docReadability(doc: DocumentAnalysis, target: number): DocReadability {
  let byTarget = docMemo.get(doc);
  const hit = byTarget?.get(target);
  if (hit) return hit;
  const document = { counts: emptyCounts(), hardest: new Hardest(), start: 0, end: 0 };
  let first = true;
  const sections: DocSection[] = [];
  const firsts: Segment[] = [];
  const chunks: DocReadability['chunks'] = [];
  let section: DocSection | undefined;
  for (let i = 0; i < doc.chunks.length; i++) {
    const base = doc.chunks[i].start;
    const report = chunkReport(doc.chunks[i].analysis);
    const bySegment: DocSection[] = [];
    for (const seg of report.segments) {
      if (seg.heading || !section) {
        section = {
          counts: emptyCounts(),
          hardest: new Hardest(),
          start: seg.start + base,
          end: seg.start + base,
          heading: seg.heading && { segment: seg, base },
          paragraphs: 0,
          scores: undefined as unknown as ReadabilityScores,
          overTarget: false,
        };
        sections.push(section);
        firsts.push(seg);
      }
      if (first) {
        document.start = seg.start + base;
        first = false;
      }
      addCounts(section.counts, seg.counts);
      addCounts(document.counts, seg.counts);
      for (const s of seg.hardest) {
        section.hardest.offer(s, base);
        document.hardest.offer(s, base);
      }
      section.end = seg.end + base;
      document.end = seg.end + base;
      section.paragraphs += seg.paragraphs.length;
      bySegment.push(section);
    }
    chunks.push({ report, base, sections: bySegment });
  }
  for (let k = 0; k < sections.length; k++) {
    const s = sections[k];
    s.scores = sectionScores(firsts[k], s.counts);
    s.overTarget = isOverTarget(s.scores, target);
  }
  const out: DocReadability = { target, chunks, sections, document };
  if (!byTarget) docMemo.set(doc, (byTarget = new Map()));
  byTarget.set(target, out);
  return out;
}

/** A section's scores, reused from its first segment while the section's counts stay the same. */
function sectionScores(first: Segment, counts: ReadabilityCounts): ReadabilityScores {
  if (sameCounts(counts, first.counts)) return (first.alone ??= scoresOf(first.counts, MIN_WORDS.section));
  if (first.spanning && sameCounts(counts, first.spanning.counts)) return first.spanning.scores;
  const scores = scoresOf(counts, MIN_WORDS.section);
  first.spanning = { counts: { ...counts }, scores };
  return scores;
}

function sameCounts(a: ReadabilityCounts, b: ReadabilityCounts): boolean {
  return (
    a.words === b.words &&
    a.sentences === b.sentences &&
    a.syllables === b.syllables &&
    a.letters === b.letters &&
    a.polysyllables === b.polysyllables &&
    a.complexWords === b.complexWords &&
    a.difficultWords === b.difficultWords &&
    a.unfamiliarWords === b.unfamiliarWords
  );
}

/** A section's heading, where its chunk is now (a new object). */
export function sectionHeading(lines: LineIndex, h: NonNullable<DocSection['heading']>): NonNullable<SectionReadability['heading']> {
  const b = h.segment.heading!;
  const start = b.start + h.base;
  const end = b.end + h.base;
  return { start, end, range: { start: lines.position(start), end: lines.position(end) }, text: h.segment.headingText!, depth: b.depth ?? 1 };
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

/**
 * The report without sections and paragraphs: the document's own scores, for a status bar that
 * asks after every change (putting every paragraph into a report costs far more).
 */
export function documentReadability(doc: DocumentAnalysis, config?: PlainwordsConfig): ReadabilityReport {
  const target = targetReadingAge(doc.audience, config);
  const hit = memo.get(doc);
  if (hit && hit.target === target) return { ...hit.report, sections: [], paragraphs: [] };
  const d = docReadability(doc, target).document;
  return {
    version: 1,
    audience: doc.audience,
    target,
    minWords: { ...MIN_WORDS },
    document: partOf(doc.lines, scoresOf(d.counts, MIN_WORDS.document), d.start, d.end, d.hardest.top, target),
    sections: [],
    paragraphs: [],
  };
}

function buildReport(doc: DocumentAnalysis, target: number): ReadabilityReport {
  const lines = doc.lines;
  const r = docReadability(doc, target);
  const paragraphs: ParagraphReadability[] = [];
  for (const c of r.chunks) for (const seg of c.report.segments) for (const b of seg.paragraphs) paragraphs.push(paragraphPart(lines, b, c.base, target));
  const d = r.document;
  return {
    version: 1,
    audience: doc.audience,
    target,
    minWords: { ...MIN_WORDS },
    document: partOf(lines, scoresOf(d.counts, MIN_WORDS.document), d.start, d.end, d.hardest.top, target),
    sections: r.sections.map((s) => ({ ...partOf(lines, s.scores, s.start, s.end, s.hardest.top, target), ...(s.heading ? { heading: sectionHeading(lines, s.heading) } : {}) })),
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
