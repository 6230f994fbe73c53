/**
 * check(text, options) → findings (+ readability). The engine's one entry point for documents.
 */
import { analyseChunk, type ChunkAnalysis, type Match } from './analyse.js';
import { referencesOf, resplitChunks, splitChunks, type Chunk, type TextChange } from './chunks.js';
import { entrySeverity, ruleSeverity, type PlainwordsConfig } from './config.js';
import type { HtmlComment } from './prose.js';
import type { CompiledDictionary } from './dictionary.js';
import { buildReplacements, type MatchContext } from './replace.js';
import { parseSuppressions, type Suppressions } from './suppress.js';
import { firstSentence, LineIndex, moveRange, ownCopy, placesOf, wellFormed, type Place } from './text.js';
import { acronymFindings } from './rules/acronyms.js';
import { FirstUses } from './rules/first-use.js';
import { chunkPassiveFindings } from './rules/passive.js';
import { ageMessageText, chunkParagraphAgeFindings, chunkSentenceFindings, DEFAULT_LONG_SENTENCE, sectionAgeFinding, type AgeMessage } from './rules/readability.js';
import { audienceForPath } from './readability/audience.js';
import { chunkReport, docReadability, placedSection, readabilityReport, sectionOf, targetReadingAge, type DocReadability, type SectionCore } from './readability/report.js';
import type { Audience, CheckResult, DocumentFormat, Finding, Severity, SeverityOrOff } from './types.js';

export const DOCS_URL = 'https://github.com/plainwords/plainwords/blob/main/docs/dictionary.md';

export interface CheckOptions {
  dictionary: CompiledDictionary;
  /** 'markdown' (default) or 'text'. */
  format?: DocumentFormat;
  config?: PlainwordsConfig;
  /** Audience; when not given: front matter, then config, then 'public'. */
  audience?: Audience;
  /** Reuse chunk analyses between checks of the same document (editors). */
  cache?: AnalysisCache;
  /**
   * With `cache`: how the text differs from the one the cache last analysed (editors track it
   * from the changes they receive). Only the chunks around it are split and looked up again.
   * It is checked (the text outside it must be the same), so a wrong one only costs a full split.
   */
  change?: TextChange;
  /** Base address of the dictionary docs (entry ids are anchors). */
  docsUrl?: string;
  /**
   * The document's path relative to the config file's folder ('/' or '\\' separators), for the
   * config's `audiences` patterns. The engine reads no files: this is only matched.
   */
  path?: string;
}

/**
 * Keeps the analysis of each chunk of text, keyed by its text, for the next check. A chunk is
 * looked up by its slice of the document (no copy per keystroke), and kept under a copy of its
 * own, which its analysis is made from too: nothing kept refers to the document version it came
 * from, so typing never keeps old versions alive. Format and position are checked on a hit.
 */
export class AnalysisCache {
  private entries = new Map<string, CachedChunk>();
  private dictionary?: CompiledDictionary;
  /** Counts full checks: an entry whose `check` is older was not used by the last one. */
  private serial = 0;
  /** The last document analysed with this cache, which the next one may be worked out from (see CheckOptions.change). */
  last?: { text: string; format: DocumentFormat; dictionary: CompiledDictionary; groups: Chunk[]; chunks: DocumentAnalysis['chunks']; lines: LineIndex };
  /** Chunks analysed afresh and reused in the last check (for tests and figures). */
  misses = 0;
  hits = 0;

  /** Chunk texts kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  /** `compute` analyses the chunk from the copy of its text it is given. */
  get(text: string, format: DocumentFormat, first: boolean, labels: string, dictionary: CompiledDictionary, compute: (own: string) => ChunkAnalysis): ChunkAnalysis {
    if (dictionary !== this.dictionary) {
      this.entries.clear();
      this.last = undefined;
      this.dictionary = dictionary;
    }
    let hit = this.entries.get(text);
    if (hit && hit.format === format && hit.first === first && hit.labels === labels) this.hits++;
    else {
      const own = ownCopy(text);
      hit = { format, first, labels, analysis: compute(own), check: this.serial, uses: 0 };
      // (A key already there stays: it is a copy made the same way.)
      this.entries.set(own, hit);
      this.misses++;
    }
    // Uses are counted per check: a chunk whose text is in the document twice is kept until both go.
    if (hit.check !== this.serial) {
      hit.check = this.serial;
      hit.uses = 0;
    }
    hit.uses++;
    return hit.analysis;
  }

  /** Start a check: chunks not used by it are dropped at the end. A check worked out from the last one (`changed`) only adds and releases chunks. */
  begin(changed = false): void {
    if (!changed) this.serial++;
    this.hits = 0;
    this.misses = 0;
  }

  /** A chunk of the last check that this one no longer has (a check worked out from the last one). */
  release(text: string): void {
    const hit = this.entries.get(text);
    if (hit && hit.check === this.serial && --hit.uses <= 0) this.entries.delete(text);
  }

  end(): void {
    for (const [text, hit] of this.entries) if (hit.check !== this.serial) this.entries.delete(text);
  }
}

interface CachedChunk {
  format: DocumentFormat;
  first: boolean;
  /** The document's definition labels when it was analysed (DefinitionLabels.key). */
  labels: string;
  analysis: ChunkAnalysis;
  /** The check (AnalysisCache.serial) `uses` counts for, and how many chunks of it have this text. */
  check: number;
  uses: number;
}

export interface DocumentAnalysis {
  text: string;
  format: DocumentFormat;
  lines: LineIndex;
  chunks: Array<{ start: number; end: number; analysis: ChunkAnalysis }>;
  audience: Audience;
}

/** Parse and match a whole document (chunk by chunk, reusing the cache). */
export function analyseDocument(text: string, options: CheckOptions): DocumentAnalysis {
  const format = options.format ?? 'markdown';
  const cache = options.cache;
  let chunks: DocumentAnalysis['chunks'] | undefined;
  let lines: LineIndex;
  if (cache) {
    const last = cache.last;
    // Set again only once this analysis is complete.
    cache.last = undefined;
    const changed = last && options.change && last.format === format && last.dictionary === options.dictionary ? resplit(text, last, options.change) : undefined;
    if (changed) {
      cache.begin(true);
      // The line table too is worked out from the last one (resplit checked the change).
      lines = LineIndex.afterChange(last!.lines, text, options.change!);
      chunks = changed.groups.map((c, i) => {
        const kept = i < changed.from ? i : i >= changed.to ? i - changed.to + changed.oldTo : -1;
        return { start: c.start, end: c.end, analysis: kept >= 0 ? last!.chunks[kept].analysis : analyseChunkOf(text, c, format, options.dictionary, cache) };
      });
      // Reused as they were: hits, like a lookup that found them.
      cache.hits += changed.groups.length - (changed.to - changed.from);
      for (let k = changed.from; k < changed.oldTo; k++) cache.release(last!.text.slice(last!.groups[k].start, last!.groups[k].end));
      cache.last = { text, format, dictionary: options.dictionary, groups: changed.groups, chunks, lines };
    } else {
      cache.begin();
      lines = new LineIndex(text);
      const groups = splitChunks(text, format);
      chunks = groups.map((c) => ({ start: c.start, end: c.end, analysis: analyseChunkOf(text, c, format, options.dictionary, cache) }));
      cache.end();
      cache.last = { text, format, dictionary: options.dictionary, groups, chunks, lines };
    }
  } else {
    lines = new LineIndex(text);
    chunks = splitChunks(text, format).map((c) => ({ start: c.start, end: c.end, analysis: analyseChunkOf(text, c, format, options.dictionary) }));
  }
  const front = chunks[0]?.start <= 1 ? chunks[0]?.analysis.frontMatter : undefined;
  const audience =
    options.audience ?? frontMatterAudience(front?.value) ?? audienceForPath(options.path, options.config?.audiences) ?? options.config?.audience ?? 'public';
  return { text, format, lines, chunks, audience };
}

/** The groups of `text` worked out from the last analysis and the change (see resplitChunks), or undefined when the change does not fit or a full split is needed. */
function resplit(text: string, last: NonNullable<AnalysisCache['last']>, change: TextChange): ReturnType<typeof resplitChunks> {
  const { start, oldEnd, newEnd } = change;
  const old = last.text;
  if (!(Number.isInteger(start) && Number.isInteger(oldEnd) && Number.isInteger(newEnd))) return undefined;
  if (start < 0 || oldEnd < start || newEnd < start || oldEnd > old.length || newEnd > text.length || text.length - newEnd !== old.length - oldEnd) return undefined;
  // The text outside the change must be the old text (one native comparison each side).
  if (text.slice(0, start) !== old.slice(0, start) || text.slice(newEnd) !== old.slice(oldEnd)) return undefined;
  return resplitChunks(text, last.format, old, last.groups, change);
}

/** The analysis of one chunk of a document, from the cache when it has it. */
export function analyseChunkOf(text: string, c: Chunk, format: DocumentFormat, dictionary: CompiledDictionary, cache?: AnalysisCache): ChunkAnalysis {
  const slice = text.slice(c.start, c.end);
  // Front matter can only open the document (after a byte order mark at most).
  const first = c.start === 0 || (c.start === 1 && text.charCodeAt(0) === 0xfeff);
  const compute = (own: string) => {
    const refs = referencesOf(text, c);
    // Kept in a cache, the analysis keeps no tokens (see matchProse), and keeps its own text.
    const keepTokens = !cache;
    const a = refs ? withoutRefs(analyseChunk(own + refs, format, dictionary, first, keepTokens), own.length) : analyseChunk(own, format, dictionary, first, keepTokens);
    if (cache) a.source = own;
    return a;
  };
  // A chunk's references follow from its text and the document's labels: the labels are the key.
  // An analysis kept in the cache outlives the document version it came from (editors keep it
  // while the chunk is unchanged): the cache gives a copy of the chunk's own text to analyse, as
  // a slice would keep that whole version alive through every string taken from it. Without a
  // cache the analysis lives no longer than the text.
  return cache ? cache.get(slice, format, first, c.labels?.key ?? '', dictionary, compute) : compute(slice);
}

/**
 * Copies of a finding's strings that come from the document's text. A long quote is taken from
 * the chunk's own text when the analysis has it (`source`, the chunk starting at `at`).
 */
function detach(f: KeptFields, source?: string, at = 0): void {
  // Lines and columns are worked out again where the finding is placed (placedFinding): a range
  // is three objects, kept for every finding of every chunk of an open document. The field stays
  // (undefined), so a placed finding's fields keep their order.
  f.range = undefined;
  f.actual = source !== undefined && f.actual.length > SHARED_LENGTH ? source.slice(f.start - at, f.end - at) : sharedCopy(f.actual);
  f.message = sharedCopy(f.message);
  // New objects in an array of their own length (a list grown by push keeps spare room).
  if (f.replacements.length) {
    f.replacements = f.replacements.map((r) => ({ text: sharedCopy(r.text), edit: { start: r.edit.start, end: r.edit.end, newText: sharedCopy(r.edit.newText) }, fixable: r.fixable }));
  }
}

/**
 * Own copies of short strings, shared: kept findings repeat the same words and messages (a
 * jargon word, a sentence's length) thousands of times in a long document.
 */
const copies = new Map<string, string>();
const SHARED_LENGTH = 160;
const SHARED_KEPT = 4096;

/** ownCopy(s), the same string for equal short strings. */
function sharedCopy(s: string): string {
  if (s.length > SHARED_LENGTH) return ownCopy(s);
  let copy = copies.get(s);
  if (copy === undefined) {
    copy = ownCopy(s);
    if (copies.size >= SHARED_KEPT) copies.clear();
    copies.set(copy, copy);
  }
  return copy;
}

/** The analysis of a chunk parsed with definitions after it, cut back to the chunk's own text. */
function withoutRefs(a: ChunkAnalysis, length: number): ChunkAnalysis {
  // Definitions give no prose; only an HTML block left open by the chunk can reach into them.
  a.html = a.html.filter((h) => h.start < length).map((h) => (h.end <= length ? h : { ...h, end: length, value: h.value.slice(0, length - h.start) }));
  return a;
}

/** `audience: public | staff` in YAML front matter. */
export function frontMatterAudience(yaml: string | undefined): Audience | undefined {
  if (!yaml) return undefined;
  for (const line of yaml.split(/\r\n|\r|\n/)) {
    const m = /^audience\s*:\s*["']?(public|staff)["']?\s*(#.*)?$/.exec(line.trim());
    if (m) return m[1] as Audience;
  }
  return undefined;
}

export function check(text: string, options: CheckOptions): CheckResult {
  const doc = analyseDocument(text, options);
  return { findings: findingsOf(doc, options), readability: readabilityReport(doc, options.config) };
}

/** What the rules need from the options and the document's audience. */
interface RuleSettings {
  dict: CompiledDictionary;
  config: PlainwordsConfig | undefined;
  audience: Audience;
  docsUrl: string;
  target: number;
  longSentence: number;
  longSeverity: SeverityOrOff;
  hardSeverity: SeverityOrOff;
  readingAgeSeverity: SeverityOrOff;
  passiveSeverity: SeverityOrOff;
  /** Everything above that a chunk's findings depend on, as a string (the dictionary is compared by identity). */
  key: string;
  /** Kept findings outlive this document version (a cache is in use): their strings are copied. */
  detach: boolean;
  /** Each entry's docs address (by index in the dictionary), built once per check and shared by its findings. */
  urls: Map<number, string>;
}

function ruleSettings(doc: DocumentAnalysis, options: CheckOptions): RuleSettings {
  const config = options.config;
  const audience = doc.audience;
  const docsUrl = options.docsUrl ?? DOCS_URL;
  const target = targetReadingAge(audience, config);
  const longSentence = typeof config?.longSentence === 'number' && config.longSentence > 0 ? config.longSentence : DEFAULT_LONG_SENTENCE;
  const longSeverity = ruleSeverity('long-sentence', 'warning', config);
  const hardSeverity = ruleSeverity('hard-sentence', 'info', config);
  const readingAgeSeverity = ruleSeverity('reading-age', 'info', config);
  const passiveSeverity = ruleSeverity('passive-voice', config?.passive ? 'hint' : 'off', config);
  // Entry severities follow the audience, the config's rules and its categories.
  const key = JSON.stringify([audience, docsUrl, target, longSentence, longSeverity, hardSeverity, readingAgeSeverity, passiveSeverity, config?.rules ?? null, config?.categories ?? null]);
  return { dict: options.dictionary, config, audience, docsUrl, target, longSentence, longSeverity, hardSeverity, readingAgeSeverity, passiveSeverity, key, detach: options.cache !== undefined, urls: new Map() };
}

/** Where findings at the same range stood before sorting when every rule ran over the whole document (the sort is stable). */
const RANK = { jargon: 0, acronym: 1, sentence: 2, section: 3, paragraph: 4, passive: 5 } as const;

/** A finding as kept: in an editor's cache without its range (detach; placedFinding works it out). */
type KeptFields = Omit<Finding, 'range'> & { range: Finding['range'] | undefined };

/** A finding kept with its chunk's analysis, as built with the chunk at the place it then had. */
interface Kept {
  finding: KeptFields;
  rank: number;
  /** A paragraph's reading age: its message in pieces (the finding's own is written when placed) and the chunk's section segment it is in. */
  age?: { message: AgeMessage; segment: number };
}

interface ChunkFindings {
  place: Place;
  /** Sorted by start, end and rank. */
  kept: Kept[];
  /** The section segments of the paragraphs whose reading age is kept (dropped when the paragraph is a section of its own). */
  ageSegments: number[];
}

/** A chunk's findings for the last few settings it was checked with (ChunkMemo.findings). */
export type ChunkFindingsMemo = Map<string, { dict: CompiledDictionary; value: ChunkFindings }>;
const SETTINGS_KEPT = 4;

/** The findings that depend only on one chunk (not on the rest of the document), kept with its analysis. */
function chunkFindings(doc: DocumentAnalysis, index: number, place: Place, rules: RuleSettings): ChunkFindings {
  const chunk = doc.chunks[index];
  let memo = chunk.analysis.memo.findings;
  const hit = memo?.get(rules.key);
  if (hit && hit.dict === rules.dict) return hit.value;
  const kept: Kept[] = [];
  for (const m of chunk.analysis.matches) {
    const f = matchFinding(doc, rules, m, chunk.start);
    if (f) kept.push({ finding: f, rank: RANK.jargon });
  }
  const { longSentence, longSeverity, hardSeverity } = rules;
  if (longSeverity !== 'off' || hardSeverity !== 'off') {
    for (const f of chunkSentenceFindings(doc, index, rules.target, { longSentence, longSeverity, hardSeverity })) kept.push({ finding: f, rank: RANK.sentence });
  }
  if (rules.readingAgeSeverity !== 'off') {
    const report = chunkReport(chunk.analysis);
    for (const p of chunkParagraphAgeFindings(doc, report, place, rules.target, rules.readingAgeSeverity)) {
      kept.push({ finding: p.finding, rank: RANK.paragraph, age: { message: p.message, segment: p.segment } });
    }
  }
  if (rules.passiveSeverity !== 'off') for (const f of chunkPassiveFindings(doc, index, rules.passiveSeverity)) kept.push({ finding: f, rank: RANK.passive });
  // Messages quote the text, which may hold a lone surrogate: strict JSON and UTF-8 encoders
  // (editors' language clients) reject those, so messages are made well formed.
  for (const k of kept) k.finding.message = wellFormed(k.finding.message);
  kept.sort((a, b) => a.finding.start - b.finding.start || a.finding.end - b.finding.end || a.rank - b.rank);
  // Kept past this version of the document (editors): strings taken from its text would keep
  // the whole version alive, so they are copied.
  if (rules.detach) for (const k of kept) detach(k.finding, chunk.analysis.source, chunk.start);
  const ageSegments: number[] = [];
  for (const k of kept) if (k.age && !ageSegments.includes(k.age.segment)) ageSegments.push(k.age.segment);
  const value: ChunkFindings = { place, kept, ageSegments };
  if (!memo) chunk.analysis.memo.findings = memo = new Map();
  if (memo.size >= SETTINGS_KEPT) memo.delete(memo.keys().next().value as string);
  memo.set(rules.key, { dict: rules.dict, value });
  return value;
}

/** A kept finding for its chunk now at `to` (a new object: callers may change it). */
function placedFinding(k: Kept, from: Place, to: Place, lines: LineIndex): Finding {
  const f = k.finding;
  const d = to.start - from.start;
  // A copy, then its own fields: V8 copies an object of a known shape quickly, where a spread with more fields does not.
  // (Its range, which a kept finding may lack, is set just below.)
  const out = { ...f } as Finding;
  out.start = f.start + d;
  out.end = f.end + d;
  out.range = f.range ? moveRange(f.range, from, to) : { start: lines.position(out.start), end: lines.position(out.end) };
  // A paragraph's reading-age message gives lines: written here (chunkParagraphAgeFindings).
  if (k.age) out.message = wellFormed(ageMessageText(k.age.message, to.line - from.line));
  out.replacements = f.replacements.length ? f.replacements.map((r) => ({ text: r.text, edit: { start: r.edit.start + d, end: r.edit.end + d, newText: r.edit.newText }, fixable: r.fixable })) : [];
  return out;
}

/** The suppression ids a finding answers to. */
function suppressionIds(f: Pick<Finding, 'ruleId' | 'entryId' | 'category'>): Array<string | undefined> {
  if (f.ruleId === 'jargon') return [f.entryId, 'jargon', f.category];
  if (f.ruleId === 'acronym') return f.entryId ? [f.entryId, 'acronym'] : ['acronym', 'unknown-acronym'];
  return [f.ruleId];
}

/** The document's suppression comments, or undefined when it has none (most documents). */
function suppressionsOf(doc: DocumentAnalysis): Suppressions | undefined {
  let html: HtmlComment[] | undefined;
  for (const c of doc.chunks) {
    // HTML comments that may hold a suppression directive (offsets in the chunk).
    const own = (c.analysis.memo.directives ??= c.analysis.html.filter((h) => h.value.includes('plainwords-')));
    for (const h of own) (html ??= []).push({ ...h, start: h.start + c.start, end: h.end + c.start });
  }
  return html && parseSuppressions(html, doc.lines, doc.text.length);
}

/**
 * Turn a document analysis into findings under the options' config and audience. What depends
 * on one chunk only is kept with the chunk's analysis and moved to where the chunk is now; the
 * rest (an acronym's first use, sections across chunks, suppression comments) is put together
 * from small per-chunk summaries, so re-checking an edited document costs little more than
 * its changed chunks.
 */
export function findingsOf(doc: DocumentAnalysis, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  visitFindings(doc, options, {
    keptRun(list, from, to, move) {
      for (let i = from; i < to; i++) findings.push(placeKept(list[i], move));
    },
    placed: (f) => findings.push(f),
  });
  return findings;
}

/** A finding kept with its chunk's analysis, as built at the place the chunk then had (read-only, shared between checks). */
export interface KeptFinding {
  /** As built; kept in an editor's cache without its range (placeKept gives the finding whole). */
  readonly finding: Readonly<Omit<Finding, 'range'>>;
}

/**
 * Where a chunk was when its kept findings were built, and where it is now. `lineShift` is the
 * number of lines it has moved: chunks start at line starts, so columns do not change (the shift
 * is NaN, never equal to another, if they ever do).
 */
export interface ChunkMove {
  readonly from: Place;
  readonly to: Place;
  readonly lineShift: number;
  /** The lines of the document the chunk is in now: positions of findings kept without them. */
  readonly lines: LineIndex;
}

/**
 * What `visitFindings` hands over, in document order: findings kept with their chunk as built,
 * in runs of a chunk's list (`list[from]` to `list[to - 1]`) with the chunk's move (`placeKept`
 * gives them placed where they are now), and the others placed. `list` is the same array while
 * the chunk's analysis and the settings stay the same, so editors reuse what they built for it
 * while its line shift stays the same. A run ends where a finding that depends on the whole
 * document comes between, or where one of the chunk's findings is left out. A section's
 * reading-age finding is kept with its section while the section stays on the same lines, and is
 * handed over as a run of one in a list of its own.
 */
export interface FindingVisitor {
  keptRun(list: readonly KeptFinding[], from: number, to: number, move: ChunkMove): void;
  placed(finding: Finding): void;
}

/** A kept finding placed where its chunk is now (a new object: callers may change it). */
export function placeKept(k: KeptFinding, move: ChunkMove): Finding {
  return placedFinding(k as Kept, move.from, move.to, move.lines);
}

/** The findings of findingsOf, each given to the visitor (see FindingVisitor). */
export function visitFindings(doc: DocumentAnalysis, options: CheckOptions, visitor: FindingVisitor): void {
  const rules = ruleSettings(doc, options);
  const config = rules.config;
  const places = placesOf(doc.lines, doc.chunks);
  const suppress = suppressionsOf(doc);
  // Findings that depend on the whole document, in order, with their rank.
  let whole: Whole[] = [];
  const acronymSeverity = ruleSeverity('acronym', config?.categories?.acronym ?? 'warning', config);
  if (acronymSeverity !== 'off') {
    // Acronyms not in the glossary: a notch lower ('info'), never above the acronym rule itself.
    const unknownSeverity = ruleSeverity('unknown-acronym', acronymSeverity === 'hint' ? 'hint' : 'info', config);
    for (const f of acronymFindings(doc, rules.dict, acronymSeverity, rules.docsUrl, { unknownSeverity })) {
      f.message = wellFormed(f.message);
      whole.push({ finding: f, rank: RANK.acronym, start: f.start, end: f.end });
    }
  }
  const explain = explainFindings(doc, rules);
  if (explain.length) whole = mergeWhole(whole, explain.map((f) => ({ finding: f, rank: RANK.jargon, start: f.start, end: f.end })));
  const sections = rules.readingAgeSeverity !== 'off' ? docReadability(doc, rules.target) : undefined;
  if (sections) {
    const ages: Whole[] = [];
    for (let k = 0; k < sections.sections.length; k++) if (sections.sections[k].overTarget) ages.push(sectionFinding(doc, sections, k, places, rules));
    // By start, end and rank; the sort is stable, so at a tie an acronym stays first.
    if (ages.length) whole = whole.concat(ages).sort((a, b) => a.start - b.start || a.end - b.end || a.rank - b.rank);
  }
  const keep = (x: Whole) => {
    if (suppress?.isSuppressed(x.start, suppressionIds(x.finding))) return;
    if (x.kept) visitor.keptRun(x.kept, 0, 1, x.move);
    else visitor.placed(x.finding);
  };
  let w = 0;
  for (let i = 0; i < doc.chunks.length; i++) {
    const to = places[i];
    const own = chunkFindings(doc, i, to, rules);
    const kept = own.kept;
    if (!kept.length) continue;
    const from = own.place;
    const d = to.start - from.start;
    const move: ChunkMove = { from, to, lineShift: to.character === from.character ? to.line - from.line : NaN, lines: doc.lines };
    const first = kept[0];
    const last = kept[kept.length - 1];
    while (w < whole.length && before(whole[w], first.finding.start + d, first.finding.end + d, first.rank)) keep(whole[w++]);
    // Most chunks: no comment suppresses anything and no paragraph with a kept reading age is a
    // section of its own. Then their findings are runs split only where one of the whole
    // document's falls among them (a section's reading age, an acronym's first use), found by
    // binary search: an edit does not read every finding of the document.
    if (!suppress && !own.ageSegments.some((seg) => isOwnSection(sectionOf(sections!, i, seg)))) {
      let from = 0;
      while (w < whole.length && before(whole[w], last.finding.start + d, last.finding.end + d, last.rank)) {
        const j = firstAfter(kept, from, whole[w], d);
        if (j > from) visitor.keptRun(kept, from, j, move);
        from = j;
        const k = kept[j];
        while (w < whole.length && before(whole[w], k.finding.start + d, k.finding.end + d, k.rank)) keep(whole[w++]);
      }
      visitor.keptRun(kept, from, kept.length, move);
      continue;
    }
    let run = -1;
    const endRun = (j: number) => {
      if (run >= 0) visitor.keptRun(kept, run, j, move);
      run = -1;
    };
    for (let j = 0; j < kept.length; j++) {
      const k = kept[j];
      const start = k.finding.start + d;
      const end = k.finding.end + d;
      if (w < whole.length && before(whole[w], start, end, k.rank)) {
        endRun(j);
        while (w < whole.length && before(whole[w], start, end, k.rank)) keep(whole[w++]);
      }
      if ((k.age && isOwnSection(sectionOf(sections!, i, k.age.segment))) || suppress?.isSuppressed(start, suppressionIds(k.finding))) endRun(j);
      else if (run < 0) run = j;
    }
    endRun(kept.length);
  }
  while (w < whole.length) keep(whole[w++]);
}

/** The first index from `lo` of a kept finding (moved by `d`) that `x` comes before; `x` comes before the last. */
function firstAfter(kept: Kept[], lo: number, x: Whole, d: number): number {
  let hi = kept.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = kept[mid];
    if (before(x, k.finding.start + d, k.finding.end + d, k.rank)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A section that is one paragraph over the target: the paragraph's reading age is given at the section. */
function isOwnSection(section: SectionCore): boolean {
  return section.overTarget && section.paragraphs === 1;
}

/** Two lists sorted by start, end and rank, merged (at a tie, `a` first). */
function mergeWhole(a: Whole[], b: Whole[]): Whole[] {
  const out: Whole[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && !before(b[j], a[i].start, a[i].end, a[i].rank))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/**
 * Terms to explain ('explain' entries: "dysphagia (difficulty swallowing)") at their first use
 * in the document, by the acronyms' rule (first-use.ts): once explained, a term is known, and a
 * fix that wrote the explanation after every use repeated it all through the document.
 */
function explainFindings(doc: DocumentAnalysis, rules: RuleSettings): Finding[] {
  let first: FirstUses<number, { m: Match; base: number }> | undefined;
  for (const chunk of doc.chunks) {
    const explains = chunk.analysis.explains;
    if (!explains) continue;
    first ??= new FirstUses();
    for (const m of explains) first.add(m.entry, m.explained === true, m.heading === true, () => ({ m, base: chunk.start }));
  }
  const out: Finding[] = [];
  if (!first) return out;
  for (const { m, base } of first.result()) {
    const f = matchFinding(doc, rules, m, base);
    if (f) out.push(f);
  }
  for (const f of out) f.message = wellFormed(f.message);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The finding of a dictionary match in the chunk at `base`, or undefined when its entry is off (or gone). */
function matchFinding(doc: DocumentAnalysis, rules: RuleSettings, m: Match, base: number): Finding | undefined {
  const ce = rules.dict.entries[m.entry];
  if (!ce) return undefined;
  const severity = entrySeverity(ce.entry, rules.audience, rules.config);
  if (severity === 'off') return undefined;
  let url = rules.urls.get(m.entry);
  if (url === undefined) rules.urls.set(m.entry, (url = `${rules.docsUrl}#${ce.entry.id}`));
  return jargonFinding(doc.text, doc.lines, base, m, ce.entry, severity, m.caseSensitive, url);
}

/**
 * A finding that depends on the whole document, with its rank and its offsets now: placed, or
 * kept with its section (`finding` is then the kept one, as built; `kept` is a list of that one,
 * the same array while it is kept, and `move` says how it moved).
 */
type Whole = { rank: number; start: number; end: number } & ({ finding: Finding; kept?: undefined; move?: undefined } | { finding: KeptFields; kept: readonly [Kept]; move: ChunkMove });

/** Each section's reading-age finding, as built where the section's first chunk then was, with the settings' key. */
const sectionFindingsMemo = new WeakMap<SectionCore, { key: string; kept: readonly [Kept]; place: Place }>();

/**
 * The reading-age finding of section `k` (above the target). It is kept with the section while
 * the section stays on the same lines: its message gives the lines of the hardest sentences.
 */
function sectionFinding(doc: DocumentAnalysis, r: DocReadability, k: number, places: Place[], rules: RuleSettings): Whole {
  const to = places[r.sectionChunks[k]];
  const core = r.sections[k];
  let memo = sectionFindingsMemo.get(core);
  if (!memo || memo.key !== rules.key || memo.place.line !== to.line || memo.place.character !== to.character) {
    const finding = sectionAgeFinding(doc, placedSection(doc, r, k), rules.target, rules.readingAgeSeverity as Severity);
    finding.message = wellFormed(finding.message);
    if (rules.detach) detach(finding);
    sectionFindingsMemo.set(core, (memo = { key: rules.key, kept: [{ finding, rank: RANK.section }], place: to }));
  }
  const f = memo.kept[0].finding;
  const d = to.start - memo.place.start;
  return { finding: f, rank: RANK.section, start: f.start + d, end: f.end + d, kept: memo.kept, move: { from: memo.place, to, lineShift: 0, lines: doc.lines } };
}

/** Is `x` sorted before a finding at start, end and rank? */
function before(x: Whole, start: number, end: number, rank: number): boolean {
  return x.start !== start ? x.start < start : x.end !== end ? x.end < end : x.rank < rank;
}

function quote(s: string): string {
  return `“${s}”`;
}

function jargonFinding(
  text: string,
  lines: LineIndex,
  base: number,
  m: Match,
  entry: CompiledDictionary['entries'][number]['entry'],
  severity: Severity,
  caseSensitive: boolean,
  url: string,
): Finding {
  const start = m.start + base;
  const end = m.end + base;
  const actual = text.slice(start, end);
  const ctx: MatchContext = {
    source: text,
    start,
    end,
    actual,
    form: m.form,
    sentenceStart: m.sentenceStart,
    caseSensitive,
    article: m.article && { text: m.article.text, start: m.article.start + base, end: m.article.end + base },
    following: m.following && { gapEnd: m.following.gapEnd + base, firstChar: m.following.firstChar },
  };
  const { replacements, inName } = buildReplacements(entry, ctx);
  let message = jargonMessage(entry.action ?? 'replace', actual, replacements.map((r) => r.text), entry.why, inName);
  // An explanation in brackets in a heading makes a long, awkward title ("## Minor illness
  // referrals (requests for another service to see you)"): offered there, not applied. The
  // writer explains it in the text under it.
  if (m.heading && entry.action === 'explain') for (const r of replacements) r.fixable = false;
  if (m.spells && replacements.length) {
    // Part of the words an acronym after it stands for: a fix must change the acronym too.
    for (const r of replacements) r.fixable = false;
    message += ` ${quote(m.spells)} stands for these words: if you change them, change or drop ${quote(m.spells)} too.`;
  }
  return {
    ruleId: 'jargon',
    entryId: entry.id,
    category: entry.category,
    start,
    end,
    range: { start: lines.position(start), end: lines.position(end) },
    actual,
    message,
    severity,
    replacements,
    explanation: entry.why,
    source: entry.source,
    url,
  };
}

function jargonMessage(action: string, actual: string, options: string[], why: string | undefined, inName: boolean): string {
  const list = (xs: string[]) => (xs.length <= 1 ? xs.map(quote).join('') : `${xs.slice(0, -1).map(quote).join(', ')} or ${quote(xs[xs.length - 1])}`);
  // Part of a name or a title ("the Lived Experience Framework"): the writer may not own it, and
  // may need it. An explanation is right for a name too, so its message stays as it is.
  if (inName && action !== 'explain' && options.some(Boolean)) {
    return `${quote(actual)} looks like part of a name or title. Keep the name if readers need it, and say in plain words what it is; otherwise try ${list(options.filter(Boolean).slice(0, 3))}.`;
  }
  if (action === 'omit') {
    const rest = options.filter(Boolean);
    return rest.length ? `${quote(actual)} can usually be left out, or try ${list(rest)}.` : `${quote(actual)} can usually be left out.`;
  }
  if (action === 'explain') {
    const plain = options.map((o) => o.replace(/^.*? \((.*)\)$/, '$1'));
    return plain.length ? `Explain ${quote(actual)} in plain words: ${list(plain)}.` : `Explain ${quote(actual)} in plain words.`;
  }
  // No plain word to offer ("easy", "regularly", "etc"): the entry's own first sentence says
  // what is wrong, which is rarely that the word is hard.
  if (!options.length) {
    const reason = why?.trim() ? firstSentence(why) : undefined;
    return reason ? `${quote(actual)}: ${reason}` : `${quote(actual)} may be hard to understand: say what you mean in plain words.`;
  }
  return `Try ${list(options.slice(0, 3))} instead of ${quote(actual)}.`;
}
