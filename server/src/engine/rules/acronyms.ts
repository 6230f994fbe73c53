/**
 * Acronym rule: an acronym is flagged the first time it is used before it is explained.
 *
 * - Acronyms from the glossary (dictionary entries of kind 'acronym'): the fix writes the
 *   expansion before it, "integrated care board (ICB)". Acronyms everyone knows (noExpansion:
 *   NHS, GP, UK ...) are never flagged.
 * - Other acronyms (a word of 2 to 6 capitals, or such a word with a plural s): flagged at a
 *   lower severity with advice to spell it out; there is no fix, since the meaning is unknown.
 *
 * An acronym counts as explained when it is written "integrated care board (ICB)" or "ICB
 * (integrated care board)" (plurals too), "ICB stands for integrated care board", or when the
 * document's own glossary table has a row pairing it with its meaning (| ICB | integrated care
 * board |) or the document defines it ("*[ICB]: integrated care board"), wherever that is.
 * A glossary acronym used in another sense, as its entry's context words tell ("erectile
 * dysfunction (ED)", "a DNA test"), is not flagged, and neither are its later uses: a document
 * uses an acronym in one sense.
 * Headings are short by design: an unexplained acronym in a heading is flagged only when the
 * text never uses it; an explanation in a heading counts (first-use.ts, shared with the
 * dictionary's terms to explain).
 */
import type { DocumentAnalysis } from '../check.js';
import { articleBefore, isBracketAfterWords, isCapitalised, isQuotedAlone, isShouting, spelledBackFrom, type AcronymHit, type ChunkAnalysis } from '../analyse.js';
import type { CompiledDictionary } from '../dictionary.js';
import { toSource, toSourceEnd, type Block } from '../prose.js';
import { HAS_LOWER, HAS_UPPER, isDigit, type Token } from '../tokenize.js';
import { TokenTrie, type TrieNode } from '../trie.js';
import type { Terminal } from '../dictionary.js';
import type { Finding, Severity, SeverityOrOff } from '../types.js';
import { isCommonWord } from '../readability/words.js';
import { guideAfterWord, hyphenRun, isRespelling } from '../respelling.js';
import { firstAtOrAfter } from '../lists.js';
import { nextAfterSpaces } from '../text.js';
import { FirstUses } from './first-use.js';
import { definedAbbreviations } from '../templates.js';
import { editWithArticle, inflectReplacement, type Article } from '../replace.js';

export const UNKNOWN_ACRONYM_URL = 'https://github.com/plainwords/plainwords/blob/main/docs/readability.md#acronym';

export interface AcronymOptions {
  /** Severity of acronyms that are not in the glossary ('off' turns them off). Default 'info'. */
  unknownSeverity?: SeverityOrOff;
}

export interface Use {
  /** Glossary entry index, or -1 for an unknown acronym. */
  entry: number;
  /** The key acronyms are grouped by: entry index or the singular acronym. */
  key: string;
  /** Offsets in the document. */
  start: number;
  end: number;
  text: string;
  explained: boolean;
  heading: boolean;
  sentenceStart: boolean;
  /** The "a"/"an" before a known acronym, for its fix (offsets as start and end). */
  article?: Article;
  hit?: AcronymHit;
}

/** Capitals that are words, not acronyms. */
const NOT_ACRONYMS = new Set(['OK', 'AM', 'PM', 'TV']);

/** Units of size: after a number, never a known acronym ("2 TB" is not tuberculosis). */
const SIZE_UNITS = new Set(['KB', 'MB', 'GB', 'TB']);

/** Capitals that follow a number as units, time zones and grades: "349 KB", "4:30 ET", "2.2 AA". */
const AFTER_NUMBERS = new Set([...SIZE_UNITS, 'DPI', 'ET', 'EST', 'EDT', 'PT', 'PST', 'PDT', 'CT', 'CST', 'GMT', 'BST', 'UTC', 'A', 'AA', 'AAA']);

/** The postal codes of the US states, DC and territories, as written before a ZIP code in an address. */
const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP'.split(' '),
);

/** A US ZIP code: five digits ("20892"), maybe with four more after a hyphen (then a token of its own). */
function isZipCode(t: Token | undefined): boolean {
  return t !== undefined && /^\d{5}$/.test(t.text);
}

/**
 * Whether token i, written `written` (without a possessive "'s"), is a US state in an address or
 * after a place: before a ZIP code ("Bethesda, MD 20892"), or after a capitalised word and a
 * comma ("Washington, DC", "Detroit, MI: Wayne State").
 */
function isUsState(text: string, tokens: Token[], i: number, written = tokens[i].text): boolean {
  if (!US_STATES.has(written)) return false;
  if (isZipCode(tokens[i + 1]) && tokens[i + 1].joined) return true;
  return i > 0 && isPlaceWord(tokens[i - 1]) && text.slice(tokens[i - 1].end, tokens[i].start) === ', ';
}

/** Labels of a credit line: "Source: NINDS", "Image credit: NHS". */
const CREDIT_LABELS = new Set(['source', 'sources', 'credit', 'credits', 'courtesy', 'image', 'photo', 'photograph', 'picture', 'illustration', 'adapted']);

/**
 * Whether token i is the first word after a credit line's label and its colon, the label starting
 * a sentence: "Source: NINDS <http://…>", "Image credit: NHSE". The name credited is no use of the
 * acronym: it is not explained there, and the first use in the text is the one to explain.
 */
function isCredit(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return false;
  let label = i - 1;
  if (!/^:[ \t]*$/.test(text.slice(tokens[label].end, tokens[i].start))) return false;
  // "Image credit:", "Photo courtesy:".
  if (label > 0 && (tokens[label].lower === 'credit' || tokens[label].lower === 'courtesy') && tokens[label].joined && CREDIT_LABELS.has(tokens[label - 1].lower)) label--;
  return CREDIT_LABELS.has(tokens[label].lower) && (label === 0 || tokens[label - 1].sentence !== tokens[label].sentence);
}

/**
 * Whether [start, end) is a part of a reference code: a slash right before or after it, and a
 * digit in the run of characters without spaces around it ("24/LO/0001", "HR/AB/2024"). "A/B
 * testing" and "HIV/AIDS" hold no digit.
 */
function inSlashedCode(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start - 1) !== 47 && text.charCodeAt(end) !== 47) return false;
  let s = start;
  while (s > 0 && text.charCodeAt(s - 1) > 32) s--;
  let e = end;
  while (e < text.length && text.charCodeAt(e) > 32) e++;
  for (let k = s; k < e; k++) if (isDigit(text.charCodeAt(k))) return true;
  return false;
}

/** A word written with a capital first and some lower case: "Washington", "Park" (not "GP"). */
function isPlaceWord(t: Token): boolean {
  return isCapitalised(t) && (t.flags & HAS_LOWER) !== 0;
}

/** A word of digits only: "29". */
function isWholeNumber(t: Token): boolean {
  return /^\d+$/.test(t.text);
}

/** Whether a section number follows token i: "1910.38", "part 95", "Parts 3130", "§1.4". */
function citedSection(text: string, tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || !next.joined) return /^ §\s?\d/.test(text.slice(tokens[i].end, tokens[i].end + 4));
  if (isDigit(next.text.charCodeAt(0))) return next.start === tokens[i].end + 1;
  const after = tokens[i + 2];
  return (next.lower === 'part' || next.lower === 'parts') && after !== undefined && after.joined && isDigit(after.text.charCodeAt(0));
}

/** A word that ends in a digit: a number ("349", "2.2", "4:30") or a name with its version ("WCAG2.1"). */
function endsWithNumber(t: Token): boolean {
  return isDigit(t.text.charCodeAt(t.text.length - 1));
}

/** I, II, ..., XXXIX: roman numerals, not acronyms ("Part II"). */
const ROMAN = /^X{0,3}(IX|IV|V?I{0,3})$/;

/** A candidate unknown acronym: 2 to 6 capitals, maybe with a plural s. */
function acronymShape(text: string): string | undefined {
  const n = text.length;
  const plural = n >= 3 && text.charCodeAt(n - 1) === 115; /* s */
  const core = plural ? text.slice(0, -1) : text;
  if (core.length < 2 || core.length > 6) return undefined;
  for (let i = 0; i < core.length; i++) {
    const c = core.charCodeAt(i);
    if (c < 65 || c > 90) return undefined;
  }
  if (ROMAN.test(core) || NOT_ACRONYMS.has(core)) return undefined;
  return core;
}

function isAllCapsWord(t: Token): boolean {
  if (t.text.length < 2) return false;
  return t.hasUpper && t.text === t.text.toUpperCase() && /[A-Z]/.test(t.text);
}

export function acronymFindings(doc: DocumentAnalysis, dict: CompiledDictionary, severity: Severity, docsUrl: string, options: AcronymOptions = {}): Finding[] {
  const unknownSeverity = options.unknownSeverity ?? 'info';
  const unknown = unknownSeverity !== 'off';
  // Glossary tables are rows of one chunk each; what they explain counts in the whole document.
  const glossaries = doc.format === 'markdown' ? doc.chunks.map((c) => chunkGlossary(doc, c)) : undefined;
  let explainedByGlossary: Set<string> | undefined;
  for (const g of glossaries ?? []) for (const key of g.explained) (explainedByGlossary ??= new Set()).add(key);
  const first = new FirstUses<string, Use>();
  const placed = (use: Use, base: number): Use => ({
    ...use,
    start: use.start + base,
    end: use.end + base,
    article: use.article && { text: use.article.text, start: use.article.start + base, end: use.article.end + base },
  });
  // Uses in document order: each chunk's uses are sorted, and chunks do not overlap.
  for (let c = 0; c < doc.chunks.length; c++) {
    const base = doc.chunks[c].start;
    const cells = glossaries?.[c].cells;
    for (const use of chunkUses(doc.chunks[c].analysis, dict, unknown)) {
      if (first.has(use.key)) continue;
      // A glossary cell's offset is a use's offset only in the same chunk: chunk offsets compare.
      const explained = use.explained || explainedByGlossary?.has(acronymKeyText(use.text)) === true || cells?.has(use.start) === true;
      first.add(use.key, explained, use.heading, () => placed(use, base));
    }
  }
  const flagged = first.result().sort((a, b) => a.start - b.start);
  const out: Finding[] = [];
  for (const use of flagged) {
    if (use.entry >= 0) {
      const f = knownFinding(doc, dict, use, severity, docsUrl);
      if (f) out.push(f);
    } else if (unknownSeverity !== 'off') {
      out.push(unknownFinding(doc, use, unknownSeverity));
    }
  }
  return out;
}

/** "ICBs" → "ICB": glossary rows and uses are compared by their singular. */
function acronymKeyText(text: string): string {
  return text.length > 2 && text.endsWith('s') && text.slice(0, -1) === text.slice(0, -1).toUpperCase() ? text.slice(0, -1) : text;
}

/** Whether a hyphen and a letter follow `end`: the acronym is the first part of a compound. */
function beforeHyphenatedWord(text: string, end: number): boolean {
  return text.charCodeAt(end) === 45 && /^\p{L}/u.test(text.slice(end + 1, end + 3));
}

function knownFinding(doc: DocumentAnalysis, dict: CompiledDictionary, use: Use, severity: Severity, docsUrl: string): Finding | undefined {
  const ce = dict.entries[use.entry];
  if (!ce || ce.entry.noExpansion || !ce.entry.expansion) return undefined;
  const entry = ce.entry;
  const { start, end, text: actual } = use;
  const plural = actual.endsWith('s') && !entry.terms.includes(actual);
  const base = entry.expansion as string;
  let expansion = plural ? inflectReplacement({ text: base }, 'plural') : base;
  if (use.sentenceStart) expansion = expansion.charAt(0).toUpperCase() + expansion.slice(1);
  const text = `${expansion} (${actual})`;
  return {
    ruleId: 'acronym',
    entryId: entry.id,
    category: 'acronym',
    start,
    end,
    range: { start: doc.lines.position(start), end: doc.lines.position(end) },
    // The text at the range as written (an escape or entity reads differently in the prose).
    actual: doc.text.slice(start, end),
    message: `Explain “${actual}” the first time you use it: “${text}”.`,
    severity,
    // Not applied before a hyphen: "UKHSA-Internal" would read "UK Health Security Agency (UKHSA)-Internal".
    // Offered, not applied, before a hyphen ("ICB-led") or a ")": an expansion there writes
    // brackets in brackets ("(SL or service level agreement (SLA))").
    replacements: [{ text, edit: editWithArticle(doc.text, start, end, text, use.article), fixable: !beforeHyphenatedWord(doc.text, end) && nextAfterSpaces(doc.text, end) !== ')' }],
    explanation: entry.why,
    source: entry.source,
    url: `${docsUrl}#${entry.id}`,
  };
}

function unknownFinding(doc: DocumentAnalysis, use: Use, severity: Severity): Finding {
  const { start, end, text } = use;
  return {
    ruleId: 'acronym',
    category: 'acronym',
    start,
    end,
    range: { start: doc.lines.position(start), end: doc.lines.position(end) },
    actual: doc.text.slice(start, end),
    message: `Spell out “${text}” the first time you use it, with “${text}” in brackets after it, unless everyone who reads this knows it.`,
    severity,
    replacements: [],
    explanation:
      'Many readers do not know what an acronym stands for, and people who use screen readers may hear it read as a word. Writing it out in full the first time helps everyone.',
    url: UNKNOWN_ACRONYM_URL,
  };
}

/** A chunk's acronym uses, for the dictionary and setting they were found with (ChunkMemo.uses). */
export interface AcronymUses {
  dict: CompiledDictionary;
  unknown: boolean;
  uses: Use[];
}

/** One chunk's acronym uses in order, offsets relative to the chunk; kept with the chunk's analysis, so an edit recounts only changed chunks. */
function chunkUses(a: ChunkAnalysis, dict: CompiledDictionary, unknown: boolean): Use[] {
  const hit = a.memo.uses;
  if (hit && hit.dict === dict && hit.unknown === unknown) return hit.uses;
  const uses: Use[] = [];
  const known = new Map<number, AcronymHit>();
  for (const hit of a.acronyms) if (!known.has(hit.start)) known.set(hit.start, hit);
  // Jargon matches (an entry may list a capitalised term) are reported by their own rule. By
  // start, when first needed (an image's alt text comes after its paragraph): they never overlap.
  let jargon: ChunkAnalysis['matches'] | undefined;
  for (const { block, tokens } of a.blocks) {
    const heading = block.kind === 'heading';
    // Whether the block is in capitals, worked out only when an unknown acronym needs it.
    let shoutingBlock: boolean | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t.hasUpper && known.size === 0) continue;
      const src = toSource(block, t.start);
      const hit = known.get(src);
      if (!hit && !t.hasUpper) continue;
      if (hit) {
        let j = i;
        while (j + 1 < tokens.length && toSource(block, tokens[j + 1].start) < hit.end) j++;
        // Capitals in a pronunciation guide mark stress: "hemoglobin (HEE-muh-glow-bin)" is no
        // use of HEE, and its fix would break the word.
        if (j === i && isRespelling(block.text, tokens, ...hyphenRun(block.text, tokens, i))) continue;
        // A unit of size after a number ("a 2 TB disk") is no use of the acronym it spells (tuberculosis).
        if (j === i && i > 0 && t.joined && SIZE_UNITS.has(t.text) && endsWithNumber(tokens[i - 1])) continue;
        // Nor is a US state in an address or a place ("Detroit, MI: Wayne State", "Bethesda, MD 20892").
        if (j === i && isUsState(block.text, tokens, i)) continue;
        // Nor a credit line's name ("Source: NINDS <http://…>").
        if (isCredit(block.text, tokens, i)) {
          i = j;
          continue;
        }
        // An acronym talked about, not used: "Use 'ethnic minorities', not 'BAME'".
        if (isQuotedAlone(block.text, tokens[i].start, tokens[j].end)) {
          i = j;
          continue;
        }
        uses.push({
          entry: hit.entry,
          key: `#${hit.entry}`,
          start: hit.start,
          end: hit.end,
          text: hit.text,
          // A use in another sense ("erectile dysfunction (ED)", "a DNA test") is not flagged,
          // and one sense per document: a later bare "ED" is read in that sense too.
          explained: hit.explained || hit.otherSense === true || explainedAround(block.text, tokens, i, j),
          heading,
          sentenceStart: hit.sentenceStart,
          article: articleBefore(block, tokens, i),
          hit,
        });
        i = j;
        continue;
      }
      if (!unknown || (shoutingBlock ??= isShouting(tokens))) continue;
      const written = t.possessive ? t.text.slice(0, -2) : t.text;
      const core = acronymShape(written);
      if (!core) continue;
      if (isQuotedAlone(block.text, t.start, t.end)) continue;
      // Part of a dotted name or address: GOV.UK, NHS.UK.
      if (dotted(block.text, t.start, t.start + written.length)) continue;
      // Part of a reference joined by slashes, with a number: "REC reference 24/LO/0001".
      if (inSlashedCode(block.text, t.start, t.end)) continue;
      // A unit, time zone or grade after a number ("349 KB", "4:30 ET", "WCAG 2.2 AA", "WCAG2.1 AA"), or a grade
      // after "level" ("Level AA"), is no acronym.
      if (i > 0 && t.joined && ((endsWithNumber(tokens[i - 1]) && AFTER_NUMBERS.has(core)) || tokens[i - 1].lower === 'level')) continue;
      // A legal citation, volume then section ("29 CFR 1910.38", "68 FR 7426", "14 CFR part 95",
      // "25 CFR §1.4"), is a reference, not a use.
      if (i > 0 && t.joined && isWholeNumber(tokens[i - 1]) && citedSection(block.text, tokens, i)) continue;
      // A US state before a ZIP code in an address ("Bethesda, MD 20892"), or after a place and a
      // comma ("Washington, DC", "New York, NY: Harper and Row"), is no acronym.
      if (isUsState(block.text, tokens, i, written)) continue;
      if (isCredit(block.text, tokens, i)) continue;
      // A pronunciation guide ("ah-RITH-me-ahs", "mitral (MI-trul)") is not an acronym, nor is a
      // word of three hyphen-joined parts or more ("SARS-CoV-2", "1-800-CDC-INFO", "BSD-3-Clause").
      const [first, last] = hyphenRun(block.text, tokens, i);
      if (last - first >= 2 || isRespelling(block.text, tokens, first, last) || guideAfterWord(block.text, tokens, first, last)) continue;
      // Known acronyms not matched here (inside a protected name such as "NHS England").
      if (dict.acronyms.has(t.text) || dict.acronyms.has(core)) continue;
      // Capitals for emphasis ("PLEASE NOTE", "DO NOT", "URGENT:") are not acronyms.
      if (isCommonWord(core.toLowerCase()) || shouting(tokens, i) || (core.length >= 4 && dictionaryWords(dict).has(core.toLowerCase()))) continue;
      // Inside a jargon match (they are in order and never overlap: the last one starting here or before).
      jargon ??= (a.explains ? a.matches.concat(a.explains) : a.matches.slice()).sort((x, y) => x.start - y.start);
      const m = firstAtOrAfter(jargon, src + 1, (x) => x.start) - 1;
      if (m >= 0 && src < jargon[m].end) continue;
      if (isProtected(dict, tokens, i)) continue;
      const end = toSourceEnd(block, t.start + written.length);
      uses.push({
        entry: -1,
        key: core,
        start: src,
        end: end,
        text: written,
        explained: explainedAround(block.text, tokens, i, i),
        heading,
        sentenceStart: i === 0 || tokens[i - 1].sentence !== t.sentence,
      });
    }
  }
  uses.sort((x, y) => x.start - y.start);
  a.memo.uses = { dict, unknown, uses };
  return uses;
}

/** A dot joins the word to letters on either side: "GOV.UK", "NHS.UK". */
function dotted(text: string, start: number, end: number): boolean {
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (text.charCodeAt(end) === 46 && letter(text.charCodeAt(end + 1))) || (text.charCodeAt(start - 1) === 46 && letter(text.charCodeAt(start - 2)));
}


/**
 * The words the dictionary itself writes in lower case, in its explanations and suggestions
 * (the examples are not in the bundled dictionary): thousands of English words ("urgent",
 * "confidential", "warning"), so a word in capitals that is one of them ("URGENT: call us") is
 * shouted, not an acronym. Built once per dictionary, when a word in capitals first needs it.
 */
const vocabularies = new WeakMap<CompiledDictionary, Set<string>>();

function dictionaryWords(dict: CompiledDictionary): Set<string> {
  let words = vocabularies.get(dict);
  if (!words) {
    const found = new Set<string>();
    const add = (s: string | undefined) => {
      if (s) for (const m of s.matchAll(/(?<![\p{L}\p{N}'’-])\p{Ll}{4,}(?![\p{L}\p{N}'’-])/gu)) found.add(m[0]);
    };
    for (const { entry } of dict.entries) {
      add(entry.why);
      for (const r of entry.replacements ?? []) add(typeof r === 'string' ? r : r.text);
    }
    vocabularies.set(dict, (words = found));
  }
  return words;
}

/** Next to other capitalised common words in the same sentence: text in capitals, not an acronym. */
function shouting(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  for (const k of [i - 1, i + 1]) {
    const o = tokens[k];
    if (o && o.sentence === t.sentence && isAllCapsWord(o) && o.text.length >= 2 && isCommonWord(o.lower)) return true;
  }
  return false;
}

/** Inside a proper name or an allowed phrase of the dictionary or project. */
function isProtected(dict: CompiledDictionary, tokens: Token[], i: number): boolean {
  const trie = dict.trie;
  const depth = Math.max(1, trie.maxDepth);
  for (let k = Math.max(0, i - depth + 1); k <= i; k++) {
    let nodes: Array<TrieNode<Terminal>> = [trie.root];
    for (let j = k; j < tokens.length && j - k < depth && nodes.length; j++) {
      const tok = tokens[j];
      if (j > k && !tok.joined) break;
      const next: Array<TrieNode<Terminal>> = [];
      for (const node of nodes) TokenTrie.step(node, tok.lower, tok.text, tok.hasUpper, next);
      nodes = next;
      if (j >= i && nodes.some((node) => node.values?.some((v) => v.kind === 'protect'))) return true;
    }
  }
  return false;
}

function gapText(text: string, from: number, to: number): string {
  return text.slice(from, to).trim();
}

/**
 * Explained where it stands: "words (ACR)" or "ACR (words)" where the words in brackets start
 * with the acronym's first letter, or "words, or ACR" where they spell it (spelledOutBefore).
 */
function explainedAround(text: string, tokens: Token[], i: number, j: number): boolean {
  const first = tokens[i];
  const last = tokens[j];
  const prev = tokens[i - 1];
  const next = tokens[j + 1];
  // "integrated care board (ICB)": a word, then "(" right before (a closing quote may come
  // first: "'single point of contact' (SPOC)"), ")" right after.
  if (prev && prev.sentence === first.sentence && isBracketAfterWords(text.slice(prev.end, first.start))) {
    const after = text.slice(last.end, next ? next.start : text.length).trimStart();
    if (after.startsWith(')')) return true;
  }
  // "ICB (integrated care board)": "(" then at least two words before any ")", the first with
  // the same initial. Only the two words are read (reading on to the ")" made a paragraph of
  // many "ICB (" quadratic).
  const second = tokens[j + 2];
  if (next && second && gapText(text, last.end, next.start) === '(' && next.lower[0] === first.text[0].toLowerCase()) {
    let k = next.start;
    while (k < second.end && text.charCodeAt(k) !== 41) k++;
    if (k === second.end) return true;
  }
  return i === j && (spelledOutBefore(text, tokens, i) || definedAfter(tokens, i) || spelledOutAfter(text, tokens, i) || spelledBeforeBracket(text, tokens, i));
}

/**
 * "transient ischemic attacks (TIAs, also known as mini-strokes)", "an electrocardiogram (EKG
 * or ECG)", "UK General Data Protection Regulation (UK GDPR)": the acronym opens the brackets,
 * or follows other acronyms and "or" or a comma in them, or one in capitals; and the words just
 * before the "(" spell it (spelledBackFrom). Anything may follow it in the brackets, so the
 * words must spell it: "guidance (NICE, 2019)" explains nothing.
 */
function spelledBeforeBracket(text: string, tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  let k = i;
  for (let alternatives = 0; alternatives < 3 && k > 1; alternatives++) {
    const p = tokens[k - 1];
    if (p.sentence !== sentence) break;
    if (p.lower === 'or' && acronymShape(tokens[k - 2].text) && gapText(text, tokens[k - 2].end, p.start) === '' && gapText(text, p.end, tokens[k].start) === '') k -= 2;
    else if (acronymShape(p.text) && gapText(text, p.end, tokens[k].start) === ',') k -= 1;
    // A qualifier in capitals right before it: "UK General Data Protection Regulation (UK GDPR)".
    else if (alternatives === 0 && acronymShape(p.text) && gapText(text, p.end, tokens[k].start) === '') k -= 1;
    else break;
  }
  const prev = tokens[k - 1];
  if (!prev || prev.sentence !== sentence || !isBracketAfterWords(text.slice(prev.end, tokens[k].start))) return false;
  return spelledBackFrom(text, tokens, k - 1, acronymKeyText(tokens[i].text), true) >= 0;
}

/** What joins an acronym to the words it stands for, after it: "GUM is short for", "TLC stands for". */
const DEFINERS = [['stands', 'for'], ['is', 'short', 'for'], ['means'], ['is', 'an', 'abbreviation', 'for'], ['is', 'an', 'abbreviation', 'of'], ['is', 'an', 'acronym', 'for'], ['is', 'an', 'acronym', 'of']];

/**
 * "GUM is short for genito-urinary medicine", "TLC stands for Therapeutic Lifestyle Changes":
 * then at least two words in the sentence, the first with the acronym's initial (as in "ICB
 * (integrated care board)"). "FA means that it…" is no definition.
 */
function definedAfter(tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  const at = (k: number) => (k < tokens.length && tokens[k].sentence === sentence ? tokens[k].lower : undefined);
  const definer = DEFINERS.find((words) => words.every((w, n) => at(i + 1 + n) === w));
  if (!definer) return false;
  const k = i + 1 + definer.length;
  return at(k)?.[0] === tokens[i].text[0].toLowerCase() && at(k + 1) !== undefined;
}

/**
 * "ARDS, or acute respiratory distress syndrome", "a TIA or a transient ischemic attack": "or"
 * (after a comma or nothing), perhaps "a", "an" or "the", then words that spell the acronym:
 * reading back from one of the next words (spelledBackFrom, as for "words, or ACR"), they spell
 * it from the first. A word in capitals ends the search ("CK or CKMB" spells nothing out). "PCR
 * or virus isolation", "CSS or JavaScript" are no definitions.
 */
function spelledOutAfter(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const or = tokens[i + 1];
  if (!or || or.lower !== 'or' || or.sentence !== t.sentence) return false;
  const gap = text.slice(t.end, or.start).trim();
  if (gap !== '' && gap !== ',') return false;
  let k = i + 2;
  if (!tokens[k] || tokens[k].sentence !== t.sentence || text.slice(or.end, tokens[k].start).trim() !== '') return false;
  const article = tokens[k].lower;
  if ((article === 'a' || article === 'an' || article === 'the') && tokens[k + 1]?.sentence === t.sentence) k++;
  const letters = acronymKeyText(t.text);
  for (let last = k; last < tokens.length && last < k + 4 * letters.length + 12 && tokens[last].sentence === t.sentence; last++) {
    if ((tokens[last].flags & (HAS_UPPER | HAS_LOWER)) === HAS_UPPER) return false;
    if (spelledBackFrom(text, tokens, last, letters, true) === k) return true;
  }
  return false;
}

/** What joins words to the acronym they spell, after a hedge or not: "(also) called", "(sometimes) known as". */
const CONNECTORS = [['called'], ['known', 'as'], ['referred', 'to', 'as']];

/** Words that may come before a connector: "also called", "sometimes known as", "often referred to as". */
const HEDGES = new Set(['also', 'sometimes', 'commonly', 'often', 'usually']);

/**
 * "chronic obstructive pulmonary disease, or COPD", "hemolytic uremic syndrome, also called
 * HUS", "atrial fibrillation (A-tre-al fi-bri-LA-shun), or AF", "cyclic vomiting syndrome,
 * sometimes referred to as CVS": the words just before "or", "called", "known as" or "referred
 * to as" spell the acronym (spelledBackFrom).
 */
function spelledOutBefore(text: string, tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  const at = (k: number) => (k >= 0 && tokens[k].sentence === sentence ? tokens[k].lower : undefined);
  let k = i - 1;
  if (at(k) === 'a' || at(k) === 'an' || at(k) === 'the') k--;
  if (at(k) === 'or') k--;
  else {
    const connector = CONNECTORS.find((words) => words.every((w, n) => at(k - words.length + 1 + n) === w));
    if (!connector) return false;
    k -= connector.length;
    if (HEDGES.has(at(k) ?? '')) k--;
  }
  return at(k) !== undefined && spelledBackFrom(text, tokens, k, acronymKeyText(tokens[i].text), true) >= 0;
}

/** Acronyms a chunk's glossary explains, and the offsets of its table cells (ChunkMemo.glossary). */
export interface Glossary {
  explained: Set<string>;
  cells: Set<number>;
}

/**
 * Acronyms a chunk explains in a glossary table: a row with a cell that is just the acronym and
 * another cell with words. Table rows are one line each in markdown, so cells are grouped by
 * line, and a row never spans chunks. Cell offsets are relative to the chunk. Abbreviation
 * definitions ("*[GDS]: Government Digital Service", which sites built with kramdown, PHP
 * Markdown Extra or Python-Markdown show as the acronym's title wherever it is used) explain
 * theirs too.
 */
function chunkGlossary(doc: DocumentAnalysis, chunk: DocumentAnalysis['chunks'][number]): Glossary {
  const hit = chunk.analysis.memo.glossary;
  if (hit) return hit;
  const explained = new Set<string>();
  const cells = new Set<number>();
  let row: Array<{ block: Block; tokens: Token[] }> = [];
  let rowLine = -1;
  const flush = () => {
    if (row.length >= 2) {
      for (const cell of row) {
        const value = cell.block.text.replace(/[*_`]/g, '').trim();
        if (cell.tokens.length !== 1 || !/^[A-Z][A-Za-z&\d-]*[A-Z\d]s?$/.test(value) || value !== cell.tokens[0].text) continue;
        const meaning = row.some((other) => other !== cell && other.tokens.some((t) => t.text !== value && /\p{L}/u.test(t.text)));
        if (!meaning) continue;
        explained.add(acronymKeyText(value));
        cells.add(toSource(cell.block, cell.tokens[0].start));
      }
    }
    row = [];
  };
  for (const ab of chunk.analysis.blocks) {
    if (ab.block.kind !== 'tableCell') continue;
    const line = doc.lines.position(ab.block.start + chunk.start).line;
    if (line !== rowLine) {
      flush();
      rowLine = line;
    }
    row.push({ block: ab.block, tokens: ab.tokens });
  }
  flush();
  // Read for markdown only (acronymFindings), where abbreviation definitions are. From the
  // analysis's own copy of the chunk when it has one (editors): the abbreviations kept here would
  // otherwise be slices of this version of the document, and keep all of it alive.
  const text = chunk.analysis.source ?? doc.text.slice(chunk.start, chunk.end);
  if (text.includes('*[')) for (const abbreviation of definedAbbreviations(text)) explained.add(acronymKeyText(abbreviation));
  const out = { explained, cells };
  chunk.analysis.memo.glossary = out;
  return out;
}
