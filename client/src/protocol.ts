/**
 * The `plainwords/readability` request and the report view's model. The server answers with the
 * engine's readability report (server/src/engine/readability/types.ts) plus `uri` and `version`;
 * `toReportView` reads it defensively (an answer of the wrong shape gives an error, never a
 * broken page) and adds the jargon counts taken from the document's findings. Plain data only,
 * so the report view is rendered and tested without VS Code.
 */

export const READABILITY_REQUEST = 'plainwords/readability';

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface SentenceView {
  text: string;
  readingAge: number;
  words: number;
  range: Range;
}

export interface SectionView {
  /** The heading text, or "Before the first heading". */
  title: string;
  /** Heading depth (1-6), 0 for text before the first heading. */
  level: number;
  range: Range;
  readingAge: number | null;
  /** False when the section is too short for the formulas to mean much. */
  reliable: boolean;
  words: number;
  sentences: number;
}

export interface JargonCount {
  /** The words as written (first occurrence). */
  text: string;
  /** Entry or rule id. */
  id: string;
  count: number;
  /** What to do, as the finding says it. */
  advice: string;
}

export interface ReportView {
  uri: string;
  audience: string;
  /** Target UK reading age for the document's audience. */
  target: number;
  /** Reading age of the whole document; null when there is no text to score. */
  readingAge: number | null;
  reliable: boolean;
  minWords: number;
  words: number;
  sentences: number;
  sections: SectionView[];
  hardestSentences: SentenceView[];
  jargon: JargonCount[];
}

/** A finding as the client sees it (a diagnostic from Plain Words). */
export interface FindingSummary {
  code: string;
  actual: string;
  message: string;
}

/** Rules about whole sentences or documents: not jargon. */
const SENTENCE_RULES = new Set(['hard-sentence', 'long-sentence', 'passive-voice', 'reading-age']);

/** Findings grouped by entry, most frequent first. */
export function countJargon(findings: FindingSummary[]): JargonCount[] {
  const byId = new Map<string, JargonCount>();
  for (const f of findings) {
    if (!f.code || SENTENCE_RULES.has(f.code)) continue;
    const key = f.code === 'acronym' ? `acronym:${f.actual}` : f.code;
    const seen = byId.get(key);
    if (seen) seen.count++;
    else byId.set(key, { text: f.actual, id: f.code, count: 1, advice: f.message });
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

export class ReportShapeError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const count = (v: unknown): number => {
  const n = num(v);
  return n !== null && n >= 0 ? Math.round(n) : 0;
};

function range(v: unknown): Range {
  const r = isObj(v) ? v : {};
  const pos = (p: unknown) => {
    const o = isObj(p) ? p : {};
    return { line: count(o.line), character: count(o.character) };
  };
  return { start: pos(r.start), end: pos(r.end) };
}

function sentence(v: unknown): SentenceView | undefined {
  if (!isObj(v) || typeof v.text !== 'string') return undefined;
  const age = num(v.readingAge);
  if (age === null) return undefined;
  return { text: v.text.replace(/\uFFFC/g, '[code]'), readingAge: age, words: count(v.words), range: range(v.range) };
}

/** The view of a `plainwords/readability` answer. Throws ReportShapeError for an answer it cannot read. */
export function toReportView(raw: unknown, jargon: JargonCount[] = []): ReportView {
  if (!isObj(raw)) throw new ReportShapeError('the server sent no readability report');
  const doc = raw.document;
  const target = num(raw.target);
  if (!isObj(doc) || target === null || !Array.isArray(raw.sections)) throw new ReportShapeError('the readability report from the server is not in the expected form');
  const sections: SectionView[] = raw.sections.filter(isObj).map((s) => {
    const heading = isObj(s.heading) ? s.heading : undefined;
    return {
      title: heading && typeof heading.text === 'string' && heading.text.trim() ? heading.text.trim() : 'Before the first heading',
      level: heading ? count(heading.depth) : 0,
      range: range(heading?.range ?? s.range),
      readingAge: num(s.readingAge),
      reliable: s.reliable !== false,
      words: count(s.words),
      sentences: count(s.sentences),
    };
  });
  const hardest = new Map<string, SentenceView>();
  for (const part of [doc, ...raw.sections.filter(isObj)]) {
    if (!Array.isArray(part.hardest)) continue;
    for (const h of part.hardest) {
      const s = sentence(h);
      if (s) hardest.set(`${s.range.start.line}:${s.range.start.character}`, s);
    }
  }
  const minWords = isObj(raw.minWords) ? count(raw.minWords.document) : 0;
  return {
    uri: typeof raw.uri === 'string' ? raw.uri : '',
    audience: raw.audience === 'staff' ? 'staff' : 'public',
    target,
    readingAge: num(doc.readingAge),
    reliable: doc.reliable !== false,
    minWords,
    words: count(doc.words),
    sentences: count(doc.sentences),
    sections,
    hardestSentences: [...hardest.values()].sort((a, b) => b.readingAge - a.readingAge || a.range.start.line - b.range.start.line).slice(0, 5),
    jargon,
  };
}
