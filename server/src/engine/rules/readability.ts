/**
 * Findings from sentence counts and the readability report:
 * - 'long-sentence': a sentence of more than `longSentence` words (default 25);
 * - 'hard-sentence': a sentence that most formulas put well above the target reading age;
 * - 'reading-age': a section (at its heading) or a paragraph (at its first line) whose reading
 *   age is above the target, with the two or three hardest sentences.
 */
import type { DocumentAnalysis } from '../check.js';
import { chunkReadability } from '../readability/sentences.js';
import type { ParagraphReadability, ReadabilityPart, ReadabilityReport } from '../readability/types.js';
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

function quoteShort(text: string, max = 70): string {
  const clean = text.replace(/\uFFFC/g, '…').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return `“${clean}”`;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `“${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…”`;
}

function audienceName(audience: string): string {
  return audience === 'staff' ? 'staff' : 'the public';
}

export function sentenceFindings(doc: DocumentAnalysis, target: number, opts: ReadabilityRuleOptions): Finding[] {
  const out: Finding[] = [];
  const limit = opts.longSentence;
  const hardAge = target + HARD_SENTENCE_MARGIN;
  const { longSeverity, hardSeverity } = opts;
  for (const chunk of doc.chunks) {
    const cr = chunkReadability(chunk.analysis);
    for (const b of cr.blocks) {
      const scored = b.kind === 'paragraph' || b.kind === 'heading';
      for (const s of b.sentences) {
        const long = s.words > limit;
        // A long sentence is flagged as long only, even when it is hard too.
        const hard = !long && scored && s.words >= HARD_SENTENCE_MIN_WORDS && Math.round(s.readingAge) > hardAge;
        let finding: Pick<Finding, 'ruleId' | 'message' | 'severity' | 'explanation' | 'url'> | undefined;
        if (long && longSeverity !== 'off') {
          finding = {
            ruleId: 'long-sentence',
            message: `Long sentence: ${s.words} words. Try to keep sentences to ${limit} words or fewer: split it, or cut words that add nothing.`,
            severity: longSeverity,
            explanation: 'Long sentences are harder to follow and to remember. GOV.UK and the NHS advise 25 words or fewer, and an average of 15 to 20.',
            url: `${READABILITY_DOCS_URL}#long-sentence`,
          };
        } else if (hard && hardSeverity !== 'off') {
          finding = {
            ruleId: 'hard-sentence',
            message: `Hard to read: most formulas put this sentence at reading age ${Math.round(s.readingAge)}, well above the target of ${target}. Try shorter words and a shorter sentence.`,
            severity: hardSeverity,
            explanation:
              'Readability formulas count sentence length and word length (syllables, letters, words not on lists of familiar words). A sentence with several long words reads hard, whatever its length.',
            url: `${READABILITY_DOCS_URL}#hard-sentence`,
          };
        }
        if (!finding) continue;
        const start = s.start + chunk.start;
        const end = s.end + chunk.start;
        out.push({
          ...finding,
          start,
          end,
          range: { start: doc.lines.position(start), end: doc.lines.position(end) },
          actual: doc.text.slice(start, end),
          replacements: [],
        });
      }
    }
  }
  return out;
}

function readingAgeMessage(report: ReadabilityReport, p: ReadabilityPart, what: string): string {
  const age = Math.round(p.readingAge ?? 0);
  const lines = p.hardest.slice(0, 3).map((s) => `${quoteShort(s.text)} (line ${s.range.start.line + 1})`);
  const hardest = lines.length ? ` Hardest sentences: ${lines.join('; ')}.` : '';
  const agreement = p.agreement ? ` ${p.agreement.text}.` : '';
  return `Reading age ${age} is above the target of ${report.target} for ${audienceName(report.audience)} in this ${what}.${agreement}${hardest}`;
}

function firstLine(doc: DocumentAnalysis, start: number, end: number): { start: number; end: number } {
  const line = doc.lines.position(start).line;
  return { start, end: Math.max(start, Math.min(end, doc.lines.lineEnd(line))) };
}

export function readingAgeFindings(doc: DocumentAnalysis, report: ReadabilityReport, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const make = (p: ReadabilityPart, what: string, at: { start: number; end: number }): Finding => ({
    ruleId: 'reading-age',
    start: at.start,
    end: at.end,
    range: { start: doc.lines.position(at.start), end: doc.lines.position(at.end) },
    actual: doc.text.slice(at.start, at.end),
    message: readingAgeMessage(report, p, what),
    severity,
    replacements: [],
    explanation:
      'Reading age is the age at which a typical reader can understand the text, estimated by seven readability formulas from sentence and word length. Shorter sentences and everyday words bring it down.',
    url: `${READABILITY_DOCS_URL}#reading-age`,
  });
  // Sections and paragraphs are both in document order: walk them together.
  const paragraphs = report.paragraphs;
  let k = 0;
  for (const section of report.sections) {
    if (section.overTarget) {
      const at = section.heading ? { start: section.heading.start, end: section.heading.end } : firstLine(doc, section.start, section.end);
      out.push(make(section, 'section', at));
    }
    while (k < paragraphs.length && paragraphs[k].start < section.start) k++;
    const inSection: ParagraphReadability[] = [];
    while (k < paragraphs.length && paragraphs[k].end <= section.end) inSection.push(paragraphs[k++]);
    // A section that is one paragraph already has its finding.
    if (section.overTarget && inSection.length === 1) continue;
    for (const p of inSection) if (p.overTarget) out.push(make(p, 'paragraph', firstLine(doc, p.start, p.end)));
  }
  return out;
}
