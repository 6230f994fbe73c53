/**
 * The readability report of a document: scores for the whole document, for each section (a
 * heading and what follows it) and for each paragraph, with the hardest sentences of each.
 * Built in one pass over the per-chunk sentence counts (sentences.ts), so it costs little more
 * than adding numbers once the chunks are counted.
 */
import type { DocumentAnalysis } from '../check.js';
import type { PlainwordsConfig } from '../config.js';
import type { ChunkAnalysis } from '../analyse.js';
import { placesOf, type LineIndex, type Place } from '../text.js';
import { reportText } from '../prose.js';
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
  return countsOverTarget(b.totals, MIN_WORDS.paragraph, target);
}

/** isOverTarget(scoresOf(c, minWords), target), without building the scores. */
function countsOverTarget(c: ReadabilityCounts, minWords: number, target: number): boolean {
  if (c.words < minWords || c.sentences <= 0) return false;
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
  /** The section last counted from here, while this segment starts one (see sectionCore). */
  section?: SectionMemo;
}

/** A chunk's share of the report. */
export interface ChunkReport {
  segments: Segment[];
}

/** The chunk's share of the report (kept with the chunk's analysis). */
export function chunkReport(analysis: ChunkAnalysis): ChunkReport {
  const hit = analysis.memo.report;
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
        seg.headingText = reportText(analysis.blocks[b.index].block.text);
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
  analysis.memo.report = report;
  return report;
}

/**
 * A section of the document (a heading and what follows it, up to the next heading) put
 * together from its segments, without its place: offsets are relative to the start of the chunk
 * it begins in. It is kept with its first segment and used again while the chunks it runs over,
 * and where they stand from its first, stay the same: typing in a paragraph recounts one section.
 */
export interface SectionCore {
  counts: ReadabilityCounts;
  /** The hardest sentences, best first (offsets relative to the first chunk). */
  hardest: DocSentence[];
  /** Offsets relative to the first chunk. */
  start: number;
  end: number;
  /** The segment the section starts with (its heading's, when it has one). */
  first: Segment;
  /** Paragraphs in the section. */
  paragraphs: number;
  /** Worked out when first needed (coreScores): most sections are never reported one by one. */
  scores?: ReadabilityScores;
  overTarget: boolean;
}

/** A section's scores (kept with it once worked out). */
function coreScores(core: SectionCore): ReadabilityScores {
  return (core.scores ??= sectionScores(core.first, core.counts));
}

/** A section as last counted from its first segment, and what it was counted from (see sectionCore). */
interface SectionMemo {
  core: SectionCore;
  target: number;
  /** The chunks after the first that the section ran over: their shares, and their start and line less the first chunk's. */
  reports: ChunkReport[];
  starts: number[];
  lines: number[];
}

/** A section where it is now (document offsets): for its finding and the report. */
export interface DocSection {
  counts: ReadabilityCounts;
  hardest: { top: DocSentence[] };
  start: number;
  end: number;
  /** The heading's segment and its chunk's start now, when the section has a heading. */
  heading?: { segment: Segment; base: number };
  /** Paragraphs in the section. */
  paragraphs: number;
  scores: ReadabilityScores;
  overTarget: boolean;
}

/** The document's sections, put together from its chunks' shares. */
export interface DocReadability {
  target: number;
  /** The sections in order, and the index of the chunk each starts in. */
  sections: SectionCore[];
  sectionChunks: number[];
  /** The section (index in `sections`) of each segment: segment k of chunk i is at firstSegments[i] + k. */
  segmentSections: number[];
  firstSegments: number[];
}

/** The section that a chunk's segment is in. */
export function sectionOf(r: DocReadability, chunk: number, segment: number): SectionCore {
  return r.sections[r.segmentSections[r.firstSegments[chunk] + segment]];
}

/** Section `k` of the document, where it is now (a new object). */
export function placedSection(doc: DocumentAnalysis, r: DocReadability, k: number): DocSection {
  const s = r.sections[k];
  const base = doc.chunks[r.sectionChunks[k]].start;
  return {
    counts: s.counts,
    hardest: { top: s.hardest.map((h) => ({ stats: h.stats, start: h.start + base, end: h.end + base })) },
    start: s.start + base,
    end: s.end + base,
    heading: s.first.heading && { segment: s.first, base },
    paragraphs: s.paragraphs,
    scores: coreScores(s),
    overTarget: s.overTarget,
  };
}

const docMemo = new WeakMap<DocumentAnalysis, Map<number, DocReadability>>();

/**
 * The document's sections from the chunks' shares (memoised per analysis and target). Each
 * section is counted again only when one of its chunks, or the gaps between them, changed.
 */
export function docReadability(doc: DocumentAnalysis, target: number): DocReadability {
  let byTarget = docMemo.get(doc);
  const hit = byTarget?.get(target);
  if (hit) return hit;
  const places = placesOf(doc.lines, doc.chunks);
  const reports: ChunkReport[] = [];
  const out: DocReadability = { target, sections: [], sectionChunks: [], segmentSections: [], firstSegments: [] };
  // The section being walked: the chunk and segment it starts with, and the chunk of its last segment so far.
  let first = -1;
  let firstSegment: Segment | undefined;
  let last = -1;
  const close = () => {
    out.sections.push(sectionCore(doc, places, reports, first, firstSegment!, last, target));
    out.sectionChunks.push(first);
  };
  for (let i = 0; i < doc.chunks.length; i++) {
    const report = chunkReport(doc.chunks[i].analysis);
    reports.push(report);
    out.firstSegments.push(out.segmentSections.length);
    for (const seg of report.segments) {
      if (seg.heading || !firstSegment) {
        if (firstSegment) close();
        first = i;
        firstSegment = seg;
      } else {
        // Not the start of a section in this document: what it kept from when it was (the
        // document's first segment) would only hold on to chunks of old versions.
        seg.section = undefined;
      }
      out.segmentSections.push(out.sections.length);
      last = i;
    }
  }
  if (firstSegment) close();
  if (!byTarget) docMemo.set(doc, (byTarget = new Map()));
  byTarget.set(target, out);
  return out;
}

/** The section that starts with segment `seg` of chunk `first` and ends in chunk `last`: the one kept with the segment when it still fits, else counted. */
function sectionCore(doc: DocumentAnalysis, places: Place[], reports: ChunkReport[], first: number, seg: Segment, last: number, target: number): SectionCore {
  const chunks = doc.chunks;
  const base = chunks[first].start;
  const line = places[first].line;
  const memo = seg.section;
  if (memo && memo.target === target && memo.reports.length === last - first) {
    let same = true;
    for (let k = 0; same && k < memo.reports.length; k++) {
      const c = first + 1 + k;
      same = memo.reports[k] === reports[c] && memo.starts[k] === chunks[c].start - base && memo.lines[k] === places[c].line - line;
    }
    if (same) return memo.core;
  }
  const counts = emptyCounts();
  const top = new Hardest();
  let end = seg.start;
  let paragraphs = 0;
  const kept: SectionMemo = { core: undefined as unknown as SectionCore, target, reports: [], starts: [], lines: [] };
  for (let c = first; c <= last; c++) {
    const offset = chunks[c].start - base;
    if (c > first) {
      kept.reports.push(reports[c]);
      kept.starts.push(offset);
      kept.lines.push(places[c].line - line);
    }
    const segments = reports[c].segments;
    for (let k = c === first ? segments.indexOf(seg) : 0; k < segments.length; k++) {
      const s = segments[k];
      // The next section's heading.
      if (s.heading && s !== seg) break;
      addCounts(counts, s.counts);
      for (const h of s.hardest) top.offer(h, offset);
      end = s.end + offset;
      paragraphs += s.paragraphs.length;
    }
  }
  kept.core = { counts, hardest: top.top, start: seg.start, end, first: seg, paragraphs, scores: undefined, overTarget: countsOverTarget(counts, MIN_WORDS.section, target) };
  seg.section = kept;
  return kept.core;
}

/** The document's counts and hardest sentences, and where its first and last scored blocks start and end. */
function documentTotals(doc: DocumentAnalysis): { counts: ReadabilityCounts; hardest: Hardest; start: number; end: number } {
  const out = { counts: emptyCounts(), hardest: new Hardest(), start: 0, end: 0 };
  let first = true;
  for (const chunk of doc.chunks) {
    const base = chunk.start;
    for (const seg of chunkReport(chunk.analysis).segments) {
      if (first) {
        out.start = seg.start + base;
        first = false;
      }
      addCounts(out.counts, seg.counts);
      for (const s of seg.hardest) out.hardest.offer(s, base);
      out.end = seg.end + base;
    }
  }
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
const sectionsMemo = new WeakMap<DocumentAnalysis, { target: number; report: ReadabilityReport }>();

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
 * The report with `paragraphs` empty: the document and its sections, for hovers on headings,
 * code lenses and a report view that lists sections. A long document has thousands of
 * paragraphs, which make most of a full report's size and time (memoised like the full one).
 */
export function sectionsReadability(doc: DocumentAnalysis, config?: PlainwordsConfig): ReadabilityReport {
  const target = targetReadingAge(doc.audience, config);
  const full = memo.get(doc);
  if (full && full.target === target) return { ...full.report, paragraphs: [] };
  const hit = sectionsMemo.get(doc);
  if (hit && hit.target === target) return hit.report;
  const report = buildReport(doc, target, false);
  sectionsMemo.set(doc, { target, report });
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
  const d = documentTotals(doc);
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

function buildReport(doc: DocumentAnalysis, target: number, withParagraphs = true): ReadabilityReport {
  const lines = doc.lines;
  const r = docReadability(doc, target);
  const paragraphs: ParagraphReadability[] = [];
  if (withParagraphs) for (const c of doc.chunks) for (const seg of chunkReport(c.analysis).segments) for (const b of seg.paragraphs) paragraphs.push(paragraphPart(lines, b, c.start, target));
  const d = documentTotals(doc);
  return {
    version: 1,
    audience: doc.audience,
    target,
    minWords: { ...MIN_WORDS },
    document: partOf(lines, scoresOf(d.counts, MIN_WORDS.document), d.start, d.end, d.hardest.top, target),
    sections: r.sections.map((_, k) => {
      const s = placedSection(doc, r, k);
      return { ...partOf(lines, s.scores, s.start, s.end, s.hardest.top, target), ...(s.heading ? { heading: sectionHeading(lines, s.heading) } : {}) };
    }),
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
      out.push({ kind: block.kind, text: reportText(block.text), start: block.start + chunk.start, end: block.end + chunk.start });
    }
  }
  return out;
}
