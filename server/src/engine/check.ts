/**
 * check(text, options) → findings (+ readability). The engine's one entry point for documents.
 */
import { analyseChunk, type ChunkAnalysis, type Match } from './analyse.js';
import { splitChunks, type Chunk } from './chunks.js';
import { entrySeverity, ruleSeverity, type PlainwordsConfig } from './config.js';
import type { CompiledDictionary } from './dictionary.js';
import { buildReplacements, type MatchContext } from './replace.js';
import { parseSuppressions } from './suppress.js';
import { LineIndex } from './text.js';
import { acronymFindings } from './rules/acronyms.js';
import { passiveFindings } from './rules/passive.js';
import { DEFAULT_LONG_SENTENCE, readingAgeFindings, sentenceFindings } from './rules/readability.js';
import { audienceForPath } from './readability/audience.js';
import { readabilityReport, targetReadingAge } from './readability/report.js';
import type { Audience, CheckResult, DocumentFormat, Finding, Severity } from './types.js';

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
  /** Base address of the dictionary docs (entry ids are anchors). */
  docsUrl?: string;
  /**
   * The document's path relative to the config file's folder ('/' or '\\' separators), for the
   * config's `audiences` patterns. The engine reads no files: this is only matched.
   */
  path?: string;
}

/**
 * Keeps the analysis of each chunk of text, keyed by its text, for the next check. The key is the
 * chunk's own text (no copy is built per keystroke); format and position are checked on a hit.
 */
export class AnalysisCache {
  private current = new Map<string, CachedChunk>();
  private next = new Map<string, CachedChunk>();
  private dictionary?: CompiledDictionary;
  /** Chunks analysed afresh and reused in the last check (for tests and figures). */
  misses = 0;
  hits = 0;

  get(text: string, format: DocumentFormat, first: boolean, refs: string, dictionary: CompiledDictionary, compute: () => ChunkAnalysis): ChunkAnalysis {
    if (dictionary !== this.dictionary) {
      this.current.clear();
      this.next.clear();
      this.dictionary = dictionary;
    }
    let hit = this.current.get(text) ?? this.next.get(text);
    if (hit && hit.format === format && hit.first === first && hit.refs === refs) this.hits++;
    else {
      hit = { format, first, refs, analysis: compute() };
      this.misses++;
    }
    this.next.set(text, hit);
    return hit.analysis;
  }

  /** Start a check: chunks not used by it are dropped at the end. */
  begin(): void {
    this.hits = 0;
    this.misses = 0;
  }

  end(): void {
    this.current = this.next;
    this.next = new Map();
  }
}

interface CachedChunk {
  format: DocumentFormat;
  first: boolean;
  refs: string;
  analysis: ChunkAnalysis;
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
  const lines = new LineIndex(text);
  const cache = options.cache;
  cache?.begin();
  const chunks = splitChunks(text, format).map((c) => ({ start: c.start, end: c.end, analysis: analyseChunkOf(text, c, format, options.dictionary, cache) }));
  cache?.end();
  const front = chunks[0]?.start <= 1 ? chunks[0]?.analysis.frontMatter : undefined;
  const audience =
    options.audience ?? frontMatterAudience(front?.value) ?? audienceForPath(options.path, options.config?.audiences) ?? options.config?.audience ?? 'public';
  return { text, format, lines, chunks, audience };
}

/** The analysis of one chunk of a document, from the cache when it has it. */
export function analyseChunkOf(text: string, c: Chunk, format: DocumentFormat, dictionary: CompiledDictionary, cache?: AnalysisCache): ChunkAnalysis {
  const slice = text.slice(c.start, c.end);
  // Front matter can only open the document (after a byte order mark at most).
  const first = c.start === 0 || (c.start === 1 && text.charCodeAt(0) === 0xfeff);
  const refs = c.refs ?? '';
  const compute = () => (refs ? withoutRefs(analyseChunk(slice + refs, format, dictionary, first), slice.length) : analyseChunk(slice, format, dictionary, first));
  return cache ? cache.get(slice, format, first, refs, dictionary, compute) : compute();
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

/** Turn a document analysis into findings under the options' config and audience. */
export function findingsOf(doc: DocumentAnalysis, options: CheckOptions): Finding[] {
  const { text, lines, audience } = doc;
  const config = options.config;
  const dict = options.dictionary;
  const docsUrl = options.docsUrl ?? DOCS_URL;
  const html = doc.chunks.flatMap((c) => c.analysis.html.map((h) => ({ ...h, start: h.start + c.start, end: h.end + c.start })));
  const suppress = parseSuppressions(html, lines, text.length);
  const findings: Finding[] = [];
  for (const chunk of doc.chunks) {
    for (const m of chunk.analysis.matches) {
      const ce = dict.entries[m.entry];
      if (!ce) continue;
      const severity = entrySeverity(ce.entry, audience, config);
      if (severity === 'off') continue;
      const start = m.start + chunk.start;
      if (suppress.isSuppressed(start, [ce.entry.id, 'jargon', ce.entry.category])) continue;
      findings.push(jargonFinding(text, lines, chunk.start, m, ce.entry, severity, m.caseSensitive, docsUrl));
    }
  }
  const acronymSeverity = ruleSeverity('acronym', config?.categories?.acronym ?? 'warning', config);
  if (acronymSeverity !== 'off') {
    // Acronyms not in the glossary: a notch lower ('info'), never above the acronym rule itself.
    const unknownSeverity = ruleSeverity('unknown-acronym', acronymSeverity === 'hint' ? 'hint' : 'info', config);
    for (const f of acronymFindings(doc, dict, acronymSeverity, docsUrl, { unknownSeverity })) {
      const ids = f.entryId ? [f.entryId, 'acronym'] : ['acronym', 'unknown-acronym'];
      if (!suppress.isSuppressed(f.start, ids)) findings.push(f);
    }
  }
  // Clarity and readability rules (docs/readability.md).
  const target = targetReadingAge(audience, config);
  const longSentence = typeof config?.longSentence === 'number' && config.longSentence > 0 ? config.longSentence : DEFAULT_LONG_SENTENCE;
  const longSeverity = ruleSeverity('long-sentence', 'warning', config);
  const hardSeverity = ruleSeverity('hard-sentence', 'info', config);
  const clarity: Finding[] = longSeverity === 'off' && hardSeverity === 'off' ? [] : sentenceFindings(doc, target, { longSentence, longSeverity, hardSeverity });
  const readingAgeSeverity = ruleSeverity('reading-age', 'info', config);
  if (readingAgeSeverity !== 'off') clarity.push(...readingAgeFindings(doc, readabilityReport(doc, config), readingAgeSeverity));
  const passiveSeverity = ruleSeverity('passive-voice', config?.passive ? 'hint' : 'off', config);
  if (passiveSeverity !== 'off') clarity.push(...passiveFindings(doc, passiveSeverity));
  for (const f of clarity) if (!suppress.isSuppressed(f.start, [f.ruleId])) findings.push(f);
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  // Messages quote the text, which may hold a lone surrogate: strict JSON and UTF-8 encoders
  // (editors' language clients) reject those, so messages are made well formed.
  for (const f of findings) f.message = wellFormed(f.message);
  return findings;
}

/** The string with each lone surrogate replaced by U+FFFD. */
export function wellFormed(s: string): string {
  // Fast path: no surrogate at all (almost every message).
  if (!/[\ud800-\udfff]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i] + s[i + 1];
      i++;
    } else out += c >= 0xd800 && c <= 0xdfff ? '\ufffd' : s[i];
  }
  return out;
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
  docsUrl: string,
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
  const replacements = buildReplacements(entry, ctx);
  return {
    ruleId: 'jargon',
    entryId: entry.id,
    category: entry.category,
    start,
    end,
    range: { start: lines.position(start), end: lines.position(end) },
    actual,
    message: jargonMessage(entry.action ?? 'replace', actual, replacements.map((r) => r.text)),
    severity,
    replacements,
    explanation: entry.why,
    source: entry.source,
    url: `${docsUrl}#${entry.id}`,
  };
}

function jargonMessage(action: string, actual: string, options: string[]): string {
  const list = (xs: string[]) => (xs.length <= 1 ? xs.map(quote).join('') : `${xs.slice(0, -1).map(quote).join(', ')} or ${quote(xs[xs.length - 1])}`);
  if (action === 'omit') {
    const rest = options.filter(Boolean);
    return rest.length ? `${quote(actual)} can usually be left out, or try ${list(rest)}.` : `${quote(actual)} can usually be left out.`;
  }
  if (action === 'explain') {
    const plain = options.map((o) => o.replace(/^.*? \((.*)\)$/, '$1'));
    return plain.length ? `Explain ${quote(actual)} in plain words: ${list(plain)}.` : `Explain ${quote(actual)} in plain words.`;
  }
  if (!options.length) return `${quote(actual)} may be hard to understand: say what you mean in plain words.`;
  return `Try ${list(options.slice(0, 3))} instead of ${quote(actual)}.`;
}
