/**
 * Findings from sentence counts and the readability report:
 * - 'long-sentence': a sentence of more than `longSentence` words (default 25);
 * - 'hard-sentence': a sentence that most formulas put well above the target reading age;
 * - 'reading-age': a section (at its heading) or a paragraph (at its first line) whose reading
 *   age is above the target, with the two or three hardest sentences.
 */
import type { DocumentAnalysis } from '../check.js';
import { paragraphOverTarget, paragraphPart, sectionHeading, type ChunkReport, type DocSection } from '../readability/report.js';
import type { Place } from '../text.js';
import { chunkReadability } from '../readability/sentences.js';
import type { ReadabilityScores } from '../readability/types.js';
import type { Finding, Severity, SeverityOrOff } from '../types.js';

export const READABILITY_DOCS_URL = 'https://github.com/plainwords/plainwords/blob/main/docs/readability.md';

export const DEFAULT_LONG_SENTENCE = 25;

/** A sentence is hard to read when at least 4 of the 7 formulas put it more than this many years above the target. */
export const HARD_SENTENCE_MARGIN = 10;

/** Fewer words than this and one long word decides the score: no hard-sentence finding. */
export const HARD_SENTENCE_MIN_WORDS = 8;

export interface ReadabilityRuleOptions {
  longSentence: number;
  longSeverity: SeverityOrOff;
  hardSeverity: SeverityOrOff;
}

const LONG_SENTENCE_URL = `${READABILITY_DOCS_URL}#long-sentence`;
const HARD_SENTENCE_URL = `${READABILITY_DOCS_URL}#hard-sentence`;
const READING_AGE_URL = `${READABILITY_DOCS_URL}#reading-age`;

const LONG_SENTENCE_EXPLANATION = 'Long sentences are harder to follow and to remember. GOV.UK and the NHS advise 25 words or fewer, and an average of 15 to 20.';
const HARD_SENTENCE_EXPLANATION =
  'Readability formulas count sentence length and word length (syllables, letters, words not on lists of familiar words). A sentence with several long words reads hard, whatever its length.';

/** Characters quoteShort would change: \uFFFC, white space other than single inner spaces. */
const NEEDS_CLEANING = /[^\S ]|  |^ | $|\uFFFC/;

function quoteShort(text: string, max = 70): string {
  const clean = NEEDS_CLEANING.test(text) ? text.replace(/\uFFFC(?:\s*\uFFFC)*/g, '…').replace(/\s+/g, ' ').trim() : text;
  if (clean.length <= max) return `“${clean}”`;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `“${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…”`;
}

function audienceName(audience: string): string {
  return audience === 'staff' ? 'staff' : 'the public';
}

/** Long and hard sentences of one chunk of the document. */
export function chunkSentenceFindings(doc: DocumentAnalysis, index: number, target: number, opts: ReadabilityRuleOptions): Finding[] {
  const out: Finding[] = [];
  const limit = opts.longSentence;
  const hardAge = target + HARD_SENTENCE_MARGIN;
  const { longSeverity, hardSeverity } = opts;
  const chunk = doc.chunks[index];
  const cr = chunkReadability(chunk.analysis);
  for (const b of cr.blocks) {
    const scored = b.kind === 'paragraph' || b.kind === 'heading';
    for (const s of b.sentences) {
      const long = s.words > limit;
      // A long sentence is flagged as long only, even when it is hard too.
      const hard = !long && scored && s.words >= HARD_SENTENCE_MIN_WORDS && Math.round(s.readingAge) > hardAge;
      let ruleId: 'long-sentence' | 'hard-sentence';
      let message: string;
      let severity: Severity;
      let explanation: string;
      let url: string;
      if (long && longSeverity !== 'off') {
        ruleId = 'long-sentence';
        message = `Long sentence: ${s.words} words. Try to keep sentences to ${limit} words or fewer: split it, or cut words that add nothing.`;
        severity = longSeverity;
        explanation = LONG_SENTENCE_EXPLANATION;
        url = LONG_SENTENCE_URL;
      } else if (hard && hardSeverity !== 'off') {
        ruleId = 'hard-sentence';
        message = `Hard to read: most formulas put this sentence at reading age ${Math.round(s.readingAge)}, well above the target of ${target}. Try shorter words and a shorter sentence.`;
        severity = hardSeverity;
        explanation = HARD_SENTENCE_EXPLANATION;
        url = HARD_SENTENCE_URL;
      } else continue;
      const start = s.start + chunk.start;
      const end = s.end + chunk.start;
      // Written out in the order findings of these rules have always had (output is compared byte for byte).
      out.push({
        ruleId,
        message,
        severity,
        explanation,
        url,
        start,
        end,
        range: { start: doc.lines.position(start), end: doc.lines.position(end) },
        actual: doc.text.slice(start, end),
        replacements: [],
      });
    }
  }
  return out;
}

/**
 * A reading-age message in pieces: the hardest sentences' line numbers change when lines are
 * added above. Kept with paragraphs' findings, so it holds strings it shares: the head (the same
 * for many paragraphs) and the sentences' own texts, quoted when the message is written.
 */
export interface AgeMessage {
  head: string;
  /** The hardest sentences' texts. */
  texts: string[];
  /** 0-based lines of the quoted sentences. */
  lines: number[];
}

export function ageMessageText(m: AgeMessage, lineShift = 0): string {
  if (!m.texts.length) return m.head;
  return `${m.head} Hardest sentences: ${m.texts.map((t, k) => `${quoteShort(t)} (line ${m.lines[k] + lineShift + 1})`).join('; ')}.`;
}

/** Message heads, shared (a few hundred differ: reading age, target, audience, agreement). */
const heads = new Map<string, string>();
const HEADS_KEPT = 1000;

function sharedHead(head: string): string {
  let kept = heads.get(head);
  if (kept === undefined) {
    if (heads.size >= HEADS_KEPT) heads.clear();
    heads.set(head, (kept = head));
  }
  return kept;
}

function ageMessage(target: number, audience: string, p: ReadabilityScores, hardest: Array<{ text: string; line: number }>, what: string): AgeMessage {
  const age = Math.round(p.readingAge ?? 0);
  const agreement = p.agreement ? ` ${p.agreement.text}.` : '';
  const top = hardest.slice(0, 3);
  return {
    head: sharedHead(`Reading age ${age} is above the target of ${target} for ${audienceName(audience)} in this ${what}.${agreement}`),
    texts: top.map((s) => s.text),
    lines: top.map((s) => s.line),
  };
}

function firstLine(doc: DocumentAnalysis, start: number, end: number): { start: number; end: number } {
  const line = doc.lines.position(start).line;
  return { start, end: Math.max(start, Math.min(end, doc.lines.lineEnd(line))) };
}

function ageFinding(doc: DocumentAnalysis, at: { start: number; end: number }, message: string, severity: Severity): Finding {
  return {
    ruleId: 'reading-age',
    start: at.start,
    end: at.end,
    range: { start: doc.lines.position(at.start), end: doc.lines.position(at.end) },
    actual: doc.text.slice(at.start, at.end),
    message,
    severity,
    replacements: [],
    explanation:
      'Reading age is the age at which a typical reader can understand the text, estimated by seven readability formulas from sentence and word length. Shorter sentences and everyday words bring it down.',
    url: READING_AGE_URL,
  };
}

/**
 * Reading-age findings of one chunk's paragraphs that are above the target, with the message in
 * pieces and the index of the chunk's section segment each paragraph is in (a section that is
 * one paragraph has its finding at the section instead: the caller knows the sections). The
 * findings' message is empty: it quotes the hardest sentences with their lines, which change
 * as the chunk moves, so the caller writes it (ageMessageText) where the finding is placed.
 */
export function chunkParagraphAgeFindings(
  doc: DocumentAnalysis,
  report: ChunkReport,
  place: Place,
  target: number,
  severity: Severity,
): Array<{ finding: Finding; message: AgeMessage; segment: number }> {
  const out: Array<{ finding: Finding; message: AgeMessage; segment: number }> = [];
  report.segments.forEach((seg, segment) => {
    for (const b of seg.paragraphs) {
      if (!paragraphOverTarget(b, target)) continue;
      const part = paragraphPart(doc.lines, b, place.start, target);
      const message = ageMessage(target, doc.audience, part, part.hardest.map((s) => ({ text: s.text, line: s.range.start.line })), 'paragraph');
      out.push({ finding: ageFinding(doc, firstLine(doc, part.start, part.end), '', severity), message, segment });
    }
  });
  return out;
}

/** The reading-age finding of a section above the target (at its heading, or its first line). */
export function sectionAgeFinding(doc: DocumentAnalysis, section: DocSection, target: number, severity: Severity): Finding {
  const heading = section.heading && sectionHeading(doc.lines, section.heading);
  const at = heading ? { start: heading.start, end: heading.end } : firstLine(doc, section.start, section.end);
  const top = section.hardest.top;
  const lines = top.map((s) => doc.lines.position(s.start).line);
  // A section's scores object stays the same while its counts do (report.ts): its message is
  // kept with it, and rebuilt only when the hardest sentences or their lines change.
  const kept = sectionMessages.get(section.scores);
  let message: string;
  if (kept && kept.target === target && kept.audience === doc.audience && sameSentences(kept, top, lines)) message = kept.message;
  else {
    const hardest = top.map((s, k) => ({ text: s.stats.text, line: lines[k] }));
    message = ageMessageText(ageMessage(target, doc.audience, section.scores, hardest, 'section'));
    sectionMessages.set(section.scores, { target, audience: doc.audience, stats: top.map((s) => s.stats), lines, message });
  }
  return ageFinding(doc, at, message, severity);
}

interface SectionMessage {
  target: number;
  audience: string;
  stats: unknown[];
  lines: number[];
  message: string;
}

const sectionMessages = new WeakMap<object, SectionMessage>();

function sameSentences(m: SectionMessage, top: DocSection['hardest']['top'], lines: number[]): boolean {
  if (m.stats.length !== top.length) return false;
  for (let k = 0; k < top.length; k++) if (m.stats[k] !== top[k].stats || m.lines[k] !== lines[k]) return false;
  return true;
}
