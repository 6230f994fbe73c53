/**
 * Analysis of one chunk of a document: prose extraction, tokens and dictionary matches. It
 * depends only on the chunk's text, its format and the compiled dictionary, so results can be
 * cached per chunk and reused while the document is edited.
 */
import { extractProse, toSource, toSourceEnd, type Block, type HtmlComment, type Prose } from './prose.js';
import { nextAfterSpaces, ownCopy } from './text.js';
import { HAS_DIGIT, HAS_LOWER, HAS_UPPER, NON_ASCII, isDigit, tokenize, type Token } from './tokenize.js';
import { TokenTrie, type TrieNode } from './trie.js';
import { hyphenRun, isHyphenJoined, isRespelling } from './respelling.js';
import { FUNCTION_WORDS } from './inflect.js';
import { isWelsh, type LanguageCounts } from './language.js';
import type { CompiledDictionary, CompiledEntry, Terminal } from './dictionary.js';
import type { DocumentFormat, FormClass } from './types.js';
import type { Article } from './replace.js';
import type { ChunkFindingsMemo } from './check.js';
import type { AcronymUses, Glossary } from './rules/acronyms.js';
import type { ChunkReadability } from './readability/sentences.js';
import type { ChunkReport } from './readability/report.js';

/** A dictionary match, offsets relative to the chunk. */
export interface Match {
  entry: number;
  form: FormClass;
  /** Matched with exact capitals (acronym-like term): replacements keep their own capitals. */
  caseSensitive: boolean;
  start: number;
  end: number;
  sentenceStart: boolean;
  article?: Article;
  following?: { gapEnd: number; firstChar: string };
  /**
   * For an 'explain' entry (set for those only): whether the term is explained right here (its
   * plain words in brackets after it, glossed, or taught by its pronunciation). Such a term is
   * flagged at its first use in the document only (check.ts, explainFindings).
   */
  explained?: boolean;
  /** For an 'explain' entry: the use is in a heading. */
  heading?: boolean;
  /**
   * The acronym in brackets after the match, when the matched words help spell it: "neonatal
   * diabetes mellitus (NDM)". Changing them alone would leave the acronym standing for words no
   * longer there, so the fix is the writer's to make (not fixable).
   */
  spells?: string;
}

/** An acronym from the glossary as used in the text, and whether it is explained right there. */
export interface AcronymHit {
  entry: number;
  start: number;
  end: number;
  text: string;
  /** Explained in place: "integrated care board (ICB)" or "ICB (integrated care board)". */
  explained: boolean;
  /**
   * Used in another sense, as the entry's context words tell ("ED" beside "erectile", "DNA
   * test"): not flagged, and the document's later uses are read in that sense too.
   */
  otherSense?: boolean;
  /** Token range [first, last] of the expansion written beside the acronym, when explained that way. */
  expansionTokens?: [number, number];
  sentenceStart: boolean;
}

export interface AnalysedBlock {
  readonly block: Block;
  /** The block's tokens: tokenize(block.text), kept or worked out again when asked for (see matchProse). */
  readonly tokens: Token[];
}

/**
 * A block whose tokens are not kept: they are worked out again from its text each time they are
 * asked for. Every use of a chunk's tokens after matching is memoized per chunk (findings per
 * settings, acronym uses, readability counts), so an editor that holds a long document keeps
 * the results and not the words, which are most of an analysis's memory. A caller asks once and
 * keeps the list while it works.
 */
class RetokenizedBlock implements AnalysedBlock {
  constructor(readonly block: Block) {}

  get tokens(): Token[] {
    return proseTokens(this.block.text);
  }
}

export interface ChunkAnalysis {
  blocks: AnalysedBlock[];
  matches: Match[];
  /**
   * Uses of 'explain' entries (each with `explained` and `heading`), apart from `matches`: they
   * are flagged at their first use in the document (check.ts, explainFindings), which reads
   * every chunk's list on every check, so chunks with none have none (undefined).
   */
  explains?: Match[];
  acronyms: AcronymHit[];
  html: HtmlComment[];
  frontMatter?: { value: string; start: number; end: number };
  /**
   * The chunk's text, for an analysis kept in a cache (its own copy, which the cache keeps
   * anyway): long quotes in kept findings (a paragraph, a sentence) are taken from it, not copied.
   */
  source?: string;
  /** What later steps work out from this analysis (see ChunkMemo). */
  memo: ChunkMemo;
}

/**
 * What later steps work out from a chunk's analysis, kept with it. Every check reads these for
 * every chunk of the document (an editor checks again at each keystroke), and a field is read
 * in a fraction of the time a WeakMap keyed by the analysis takes. Each slot has one owner,
 * the only code that writes it; all start undefined, so every memo has the same shape.
 */
export interface ChunkMemo {
  /** rules/acronyms.ts: the chunk's acronym uses. */
  uses: AcronymUses | undefined;
  /** rules/acronyms.ts: acronyms explained by a glossary table in the chunk. */
  glossary: Glossary | undefined;
  /** readability/sentences.ts: sentence counts. */
  readability: ChunkReadability | undefined;
  /** readability/report.ts: the chunk's share of the readability report. */
  report: ChunkReport | undefined;
  /** check.ts: findings that depend on this chunk only, per settings. */
  findings: ChunkFindingsMemo | undefined;
  /** check.ts: HTML comments that may hold a suppression directive. */
  directives: HtmlComment[] | undefined;
}

function newChunkMemo(): ChunkMemo {
  return { uses: undefined, glossary: undefined, readability: undefined, report: undefined, findings: undefined, directives: undefined };
}

interface Candidate {
  i: number;
  j: number;
  t: Terminal;
  /** The last token matched without its possessive "'s". */
  possessive?: boolean;
}

const NO_TOKENS: Token[] = [];
const languages: LanguageCounts = { welsh: 0, english: 0 };

/**
 * The words of a block for every rule: none for a block in Welsh (language.ts), so no rule and
 * no readability count reads it.
 */
function proseTokens(text: string): Token[] {
  const tokens = tokenize(text, languages);
  return isWelsh(tokens.length, languages) ? NO_TOKENS : tokens;
}

/** `keepTokens` false: see matchProse. */
export function analyseChunk(text: string, format: DocumentFormat, dict: CompiledDictionary, isFirst: boolean, keepTokens = true): ChunkAnalysis {
  return matchProse(extractProse(text, format, isFirst), dict, keepTokens);
}

/**
 * Tokens and dictionary matches of extracted prose (the part of a chunk's analysis after parsing).
 * With `keepTokens` false, blocks do not keep their tokens (RetokenizedBlock): for analyses that
 * outlive the check (an editor's cache), where memory matters more than tokenizing a chunk again
 * for a new setting.
 */
export function matchProse(prose: Prose, dict: CompiledDictionary, keepTokens = true): ChunkAnalysis {
  const out: ChunkAnalysis = { blocks: [], matches: [], explains: undefined, acronyms: [], html: prose.html, frontMatter: prose.frontMatter, source: undefined, memo: newChunkMemo() };
  for (const block of prose.blocks) {
    // Read character by character many times over (tokens, readability counts, acronyms): a flat
    // copy, one byte a character when it can be, reads about twice as fast as a slice or a
    // joined string (ownCopy). Analyses kept in an editor's cache come from a copy of the chunk
    // made the same way, and their blocks stay slices of it, for memory.
    if (keepTokens) block.text = ownCopy(block.text);
    const tokens = proseTokens(block.text);
    out.blocks.push(keepTokens ? { block, tokens } : new RetokenizedBlock(block));
    if (tokens.length) matchBlock(block, tokens, dict, out);
  }
  return out;
}

function matchBlock(block: Block, tokens: Token[], dict: CompiledDictionary, out: ChunkAnalysis): void {
  const trie = dict.trie;
  const maxDepth = trie.maxDepth;
  const roots = [trie.root];
  let candidates: Candidate[] | undefined;
  let protects: Candidate[] | undefined;
  // Nodes reached by the current token, and by the one before: two arrays used in turn, emptied
  // by pop (cheaper than setting their length). Most tokens start no phrase and touch neither.
  const bufA: Array<TrieNode<Terminal>> = [];
  const bufB: Array<TrieNode<Terminal>> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!startsPhrase(trie, tokens[i])) continue;
    let active = roots;
    let reached = bufA;
    for (let j = i; j < tokens.length && j - i < maxDepth; j++) {
      const tok = tokens[j];
      if (j > i && !tok.joined) break;
      const possessive = tok.possessive;
      const bareLower = possessive ? tok.lower.slice(0, -2) : '';
      const bareText = possessive ? tok.text.slice(0, -2) : '';
      for (const node of active) {
        TokenTrie.step(node, tok.lower, tok.text, tok.hasUpper, reached);
        // A possessive ends a phrase: "the ICB's plan" matches "ICB".
        if (possessive) {
          const before = reached.length;
          TokenTrie.step(node, bareLower, bareText, tok.hasUpper, reached);
          for (let k = before; k < reached.length; k++) {
            for (const t of reached[k].values ?? []) {
              const c = { i, j, t, possessive: true };
              if (t.kind === 'protect') (protects ??= []).push(c);
              else (candidates ??= []).push(c);
            }
          }
          while (reached.length > before) reached.pop();
        }
      }
      if (reached.length === 0) break;
      for (const node of reached) {
        if (!node.values) continue;
        for (const t of node.values) {
          if (t.kind === 'protect') (protects ??= []).push({ i, j, t });
          else (candidates ??= []).push({ i, j, t });
        }
      }
      const next = active === roots ? bufB : active;
      while (next.length) next.pop();
      active = reached;
      reached = next;
    }
    while (bufA.length) bufA.pop();
    while (bufB.length) bufB.pop();
  }
  if (!candidates) return;
  // Leftmost, then longest. Acronyms first: an acronym explained in place protects its
  // expansion, before or after it ("key performance indicator (KPI)", "KPI (key performance
  // indicator)" flag nothing inside the expansion).
  candidates.sort((a, b) => a.i - b.i || b.j - a.j);
  // Whether the block is in capitals, worked out for the first acronym only.
  let shouting: boolean | undefined;
  // Where this block's acronym hits start in out.acronyms (see the end: a longer phrase wins).
  const firstHit = out.acronyms.length;
  const firstMatch = out.matches.length;
  const firstExplain = out.explains?.length ?? 0;
  // Protected spans indexed once (checking each candidate against every span was quadratic in
  // a long paragraph). Spans added below cover words before the acronym that adds them, so
  // they can only matter to the terms, which are checked against a fresh index.
  let isProtected = protectIndex(protects);
  for (const c of candidates) {
    if (c.t.kind !== 'acronym' || (shouting ??= isShouting(tokens)) || isProtected(c)) continue;
    const ce = dict.entries[c.t.entry];
    if (!ce) continue;
    if (excusedByContext(ce, block.text, tokens, c.i, c.j)) {
      out.acronyms.push({ ...acronymHit(block, tokens, c, dict), expansionTokens: undefined, otherSense: true });
      continue;
    }
    const hit = acronymHit(block, tokens, c, dict);
    out.acronyms.push(hit);
    if (hit.expansionTokens) (protects ??= []).push({ i: hit.expansionTokens[0], j: hit.expansionTokens[1], t: { entry: -1, kind: 'protect', form: 'base', length: 0, caseSensitive: false } });
  }
  let next = 0;
  isProtected = protectIndex(protects);
  for (const c of candidates) {
    if (c.t.kind === 'acronym' || c.i < next) continue;
    if (isProtected(c)) continue;
    if (isMention(block, tokens, c)) {
      // The words inside it are mentioned too: "# Pulmonary hypertension", a heading that is the
      // term, is no use of "hypertension".
      next = c.j + 1;
      continue;
    }
    // Words that spell an acronym in brackets after them: left alone in a name, and otherwise
    // flagged with a fix left to the writer (check.ts).
    const spelled = spelledAcronymAfter(block.text, tokens, c);
    if (spelled && inDefinedName(tokens, c, spelled)) continue;
    // A word after another and a hyphen is part of a compound: "co-located" is not "located",
    // nor "computer-assisted" "assisted" (its fix wrote "computer-helped"), nor
    // "disease-modifying" "modifying".
    if (c.i > 0 && isHyphenJoined(block.text, tokens[c.i - 1], tokens[c.i])) continue;
    const ce = dict.entries[c.t.entry];
    if (!ce || excusedByContext(ce, block.text, tokens, c.i, c.j)) continue;
    // A term in capitals alone in brackets after words that spell it is being defined, maybe as
    // something else: "Wood Cutters (WC)" is no toilet, and "water closet (WC)" says what it is.
    if (c.i === c.j && c.i > 0 && ce.caseSensitive && definedAcronym(block.text, tokens, c.i)) continue;
    if (c.t.form === 'base' && !inRequiredContext(ce, tokens, c.i, c.j)) continue;
    // Two capitals are an acronym, not a short word in capitals: "prevent IE" (infective
    // endocarditis) is not "ie", nor "the EG form" "eg".
    if (c.i === c.j && !ce.caseSensitive && isTwoCapitals(tokens[c.i])) continue;
    // Explained right there, so not flagged (its fix would write the plain words twice, or leave
    // the pronunciation of a word no longer there): glossed by its own plain words, "whooping
    // cough (pertussis)", "pertussis (whooping cough)", "seizures or convulsions"; followed by how
    // to say it, "tachycardia (TAK-ih-KAR-de-ah)"; and for an 'explain' term, followed by "(…)"
    // as its own fix writes it, or by a few words set off with commas, "a chronic, or long-lasting,
    // illness".
    const explain = ce.entry.action === 'explain';
    // A medical term, or a term to explain, is also taught by the sentence around it: loosely
    // glossed in brackets, defined, or followed by what it means; or the name in brackets for the
    // plain words just before ("difficulty in swallowing (dysphagia)", "water pills (diuretics)":
    // its fix wrote brackets inside brackets). Other jargon is still jargon.
    const taught = explain || ce.entry.category === 'medical';
    // Its acronym alone in brackets after it ("responsible clinician (RC)") is its short name,
    // not what it means; a definition may follow the acronym instead of the term.
    const acronymAfter = taught && acronymInBracketsAfter(block.text, tokens, c.j);
    const explained =
      (ce.glosses.length > 0 && glossedInPlace(block.text, tokens, c.i, c.j, ce.glosses, taught)) ||
      (taught &&
        (definedAfter(tokens, c.i, acronymAfter ? c.j + 1 : c.j, acronymAfter ? block.text : undefined) ||
          (acronymAfter && acronymDefinedNext(tokens, c.j)) ||
          meaningAfter(block.text, tokens, c.j) ||
          fillsBracket(block.text, tokens, c.i, c.j) ||
          namedAfterWords(tokens, c.i))) ||
      pronouncedAfter(block.text, tokens, c.j) ||
      (explain && ((!acronymAfter && nextAfterSpaces(block.text, tokens[c.j].end) === '(' && bracketMayExplain(block.text, tokens, c.j)) || orGlossAfter(block.text, tokens, c.i, c.j)));
    if (explain) {
      // Flagged at its first use in the document (check.ts, explainFindings): every use is kept,
      // with whether it is explained there.
      const m = toMatch(block, tokens, c);
      m.explained = explained;
      m.heading = block.kind === 'heading';
      (out.explains ??= []).push(m);
    } else if (explained) {
      // Its words are explained with it: "Cerebral hypoxia is a condition that…" is no use of "cerebral".
      next = c.j + 1;
      continue;
    } else {
      const m = toMatch(block, tokens, c);
      if (spelled) m.spells = spelled.letters;
      out.matches.push(m);
    }
    next = c.j + 1;
  }
  // The longest match wins across kinds too: an acronym inside a phrase flagged as a whole ("DNA
  // rate", whose plain words leave no acronym), or inside a term to explain, is that phrase's,
  // not a use of its own. A later use is then the first. Uses in another sense stay: they tell
  // the document's sense.
  const explains = out.explains ?? [];
  if (out.acronyms.length > firstHit && (out.matches.length > firstMatch || explains.length > firstExplain)) {
    const m = { at: firstMatch };
    const x = { at: firstExplain };
    let keep = firstHit;
    for (let h = firstHit; h < out.acronyms.length; h++) {
      const hit = out.acronyms[h];
      const covered = !hit.otherSense && (coversHit(out.matches, m, hit) || coversHit(explains, x, hit));
      if (!covered) out.acronyms[keep++] = hit;
    }
    out.acronyms.length = keep;
  }
}

/** Whether a match in `list` (in order, read on from `from.at` as hits come in order) covers the hit. */
function coversHit(list: Match[], from: { at: number }, hit: AcronymHit): boolean {
  while (from.at < list.length && list[from.at].end <= hit.start) from.at++;
  return from.at < list.length && list[from.at].start <= hit.start && hit.end <= list[from.at].end;
}

/** Whether a phrase may start with the token (as written, lower case, or without its possessive 's). */
function startsPhrase(trie: TokenTrie<Terminal>, tok: Token): boolean {
  const lower = tok.lower;
  const text = tok.text;
  const upper = tok.hasUpper;
  if (trie.mayStart(lower, lower.length) || (upper && trie.mayStart(text, text.length))) return true;
  return tok.possessive && (trie.mayStart(lower, lower.length - 2) || (upper && trie.mayStart(text, text.length - 2)));
}

const OPEN_QUOTES = new Set(['"', '“', "'", '‘']);
const CLOSE_QUOTES = new Set(['"', '”', "'", '’']);

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Whether text[start, end) stands alone in quotes, a word talked about: "utilise", 'BAME'. */
export function isQuotedAlone(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && isBlank(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && isBlank(text.charCodeAt(b))) b++;
  return a > 0 && b < text.length && OPEN_QUOTES.has(text[a - 1]) && CLOSE_QUOTES.has(text[b]);
}

/**
 * First words in brackets that say who or how old ("(aged 1 and over)", "(adults only)", "(16 to
 * 64)"): neither a word list's advice after its headword nor what a term means.
 */
const FOR_WHOM = new Set(['aged', 'age', 'ages', 'adult', 'adults', 'child', 'children', 'babies', 'men', 'women', 'people', 'over', 'under']);

/** Whether a bracket's first word, in lower case, says who or how old: FOR_WHOM, or a number. */
function saysForWhom(word: string): boolean {
  return FOR_WHOM.has(word) || isDigit(word.charCodeAt(0));
}

/** What a word list says after a headword and a comma: "* collaborate, use 'work with'". */
const WORD_LIST_ADVICE = /^,\s+(?:use|say|write|try|describe|avoid|usually|instead)\b/i;

/**
 * A word talked about rather than used is not flagged: the whole of a quotation ("we say
 * 'use', not 'utilise'"), a heading, table cell or list item that is only the term (a glossary
 * headword), or the headword of a list item in a word list.
 */
function isMention(block: Block, tokens: Token[], c: Candidate): boolean {
  const text = block.text;
  const start = tokens[c.i].start;
  const end = tokens[c.j].end;
  // The quotes must hug the term: "utilise" or “utilise”, not a quoted sentence.
  if (isQuotedAlone(text, start, end)) return true;
  // Words to avoid in brackets after "not": "midday (not 12 noon, noon or 12pm)".
  if (inNotBrackets(text, tokens, c.i)) return true;
  // Headwords start their block: only a block's first word needs the text around it.
  if (c.i !== 0) return false;
  const before = text.slice(0, start).trimEnd();
  const after = text.slice(end).trimStart();
  if (c.j === tokens.length - 1 && (block.kind !== 'paragraph' || block.listItem)) {
    return /^[\s:.*_-]*$/.test(after) && /^[\s*_-]*$/.test(before);
  }
  // A word list: a list item that starts with the term, then says what to do about it in
  // brackets that end the item or a clause ("- going forward (unless you're giving directions)",
  // "* impact (unless talking about a collision), use ..."), after a dash ("- fulfil - use
  // 'meet'") or after a comma ("* collaborate, use 'work with'"). Not a list written on one line
  // ("- colonoscopy  - flexible sigmoidoscopy - ..."), nor a term that the item goes on to use
  // ("- Sexually transmitted diseases (STDs). STDs ..."), nor a comma and more of the same
  // ("- cirrhosis, or scarring of liver tissue").
  if (block.listItem && /^[\s*_]*$/.test(before)) {
    // Not a list of conditions with who they are for: "- Impetigo (aged 1 and over)".
    if (after.charAt(0) === '(' && !saysForWhom(/^\(\s*([\p{L}\d]*)/u.exec(after)![1].toLowerCase())) {
      const close = after.indexOf(')');
      const rest = close < 0 ? '' : after.slice(close + 1).trimStart();
      if (close > 0 && (rest === '' || rest.charAt(0) === ',')) return true;
    }
    const gap = text.slice(end, text.length - after.length);
    if ((gap === ' ' || gap === '\u00a0') && /^[-\u2013\u2014]\s/.test(after) && !/\s[-\u2013\u2014]\s/.test(after.slice(1))) return true;
    if (gap === '' && WORD_LIST_ADVICE.test(after)) return true;
  }
  return false;
}

/**
 * Whether token i is among the first eight words in brackets that open with "not" ("(not 12
 * noon, noon or 12pm)", "(not 'service user')"), the brackets closing after it: words a style
 * guide says not to use are talked about, not used.
 */
function inNotBrackets(text: string, tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  for (let k = i; k >= 0 && k > i - 8 && tokens[k].sentence === sentence; k--) {
    if (tokens[k].lower !== 'not') continue;
    const gap = text.slice(k > 0 ? tokens[k - 1].end : 0, tokens[k].start).trim();
    if (!gap.endsWith('(')) return false;
    return !text.slice(tokens[k].end, tokens[i].start).includes(')') && text.indexOf(')', tokens[i].end) >= 0;
  }
  return false;
}

/** Whether "(pronunciation)" follows token j: "edema (e-DE-mah)", "larynx (LAR-ingks)". */
function pronouncedAfter(text: string, tokens: Token[], j: number): boolean {
  const k = j + 1;
  if (k >= tokens.length || !onlyMark(text, tokens[j].end, tokens[k].start, '(')) return false;
  const [a, b] = hyphenRun(text, tokens, k);
  return a === k && isRespelling(text, tokens, a, b);
}

function isTwoCapitals(t: Token): boolean {
  const s = t.text;
  return s.length === 2 && s.charCodeAt(0) >= 65 && s.charCodeAt(0) <= 90 && s.charCodeAt(1) >= 65 && s.charCodeAt(1) <= 90;
}

/** Small words an acronym's letters may leave out: "Department of Health", "Dietary Approaches to Stop Hypertension". */
const LEFT_OUT = new Set(['of', 'and', 'the', 'to', 'for', 'in', 'on', 'with', 'at', 'by', 'a', 'an', '&']);

/** A word that starts with a capital letter (ASCII: names in English prose). */
export function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/**
 * Whether the brackets right after token j may say what it means (the caller has ruled out its
 * acronym alone): not when they open with a number or a word that says who or where, not what: "Impetigo (aged 1 and over)", "Sinusitis (adults and children aged 12 and
 * over)", "(see below)", "(PDF)", "(page 4)".
 */
function bracketMayExplain(text: string, tokens: Token[], j: number): boolean {
  const k = j + 1;
  if (k >= tokens.length || tokens[k].sentence !== tokens[j].sentence || !onlyMark(text, tokens[j].end, tokens[k].start, '(')) return true;
  return !saysForWhom(tokens[k].lower) && !NOT_EXPLAINING.has(tokens[k].lower);
}

/** First words in brackets, besides FOR_WHOM, that say when or where, not what a term means. */
const NOT_EXPLAINING = new Set(['see', 'page', 'pages', 'for', 'from', 'only', 'if', 'when', 'until', 'unless', 'not', 'opens', 'pdf', 'optional', 'required', 'where', 'excluding', 'except']);

/**
 * Whether brackets right after token j hold an acronym alone: "responsible clinician (RC)" gives
 * the short name, not what the words mean, so a term to explain is still unexplained.
 */
function acronymInBracketsAfter(text: string, tokens: Token[], j: number): boolean {
  return j + 1 < tokens.length && tokens[j + 1].sentence === tokens[j].sentence && bracketedAcronym(text, tokens, j + 1) !== undefined;
}

/** An acronym in brackets at token k: "(DASH)", "(SPAPs)". Returns its capitals, or undefined. */
function bracketedAcronym(text: string, tokens: Token[], k: number): string | undefined {
  const t = tokens[k];
  const letters = acronymLetters(t);
  if (!letters || nextAfterSpaces(text, t.end) !== ')') return undefined;
  return onlyMark(text, tokens[k - 1].end, t.start, '(') ? letters : undefined;
}

/** Whether token k is an acronym alone in brackets after words that spell it: "Wood Cutters (WC)". */
function definedAcronym(text: string, tokens: Token[], k: number): boolean {
  const letters = bracketedAcronym(text, tokens, k);
  return letters !== undefined && spelledBackFrom(text, tokens, k - 1, letters) >= 0;
}

/** The capitals of a token written as an acronym: 2 to 8 ASCII capitals, a plural s allowed ("PCOS", "SPAPs"). */
function acronymLetters(t: Token): string | undefined {
  // Most words have no capital: they are passed over without a string made.
  if ((t.flags & HAS_UPPER) === 0 || (t.flags & (HAS_DIGIT | NON_ASCII)) !== 0) return undefined;
  const letters = t.text.endsWith('s') ? t.text.slice(0, -1) : t.text;
  return letters.length >= 2 && letters.length <= 8 && letters === letters.toUpperCase() ? letters : undefined;
}

/**
 * The first of the words that spell an acronym's capitals, `letters`, reading back from token
 * `last`; -1 when the words of its sentence do not. Each letter, last first, is the first
 * letter of a word (in either case), or with `runs`, one word may spell a run of them
 * (coveredFrom: "polycystic ovary syndrome, also called PCOS"; a name's letters are its
 * capitals, so names do not); small words (LEFT_OUT) may be left out, and a bracket
 * between the words and `last` is passed over ("atrial fibrillation (A-tre-al fi-bri-LA-shun),
 * or AF"). Reads back only as far as the letters need. Used for names defined with their acronym
 * (spelledAcronymAfter), and for "words, or ACR" and "ACR, or words" (rules/acronyms.ts).
 */
export function spelledBackFrom(text: string, tokens: Token[], last: number, letters: string, runs = false): number {
  const sentence = tokens[last].sentence;
  let want = letters.length - 1;
  let depth = 0;
  for (let k = last, steps = 0; k >= 0 && steps < 4 * letters.length + 12; k--, steps++) {
    const t = tokens[k];
    if (t.sentence !== sentence) return -1;
    if (k + 1 < tokens.length && text.slice(t.end, tokens[k + 1].start).includes(')')) depth++;
    if (depth > 0) {
      if (text.slice(k > 0 ? tokens[k - 1].end : 0, t.start).includes('(')) depth--;
      continue;
    }
    if ((t.text.charCodeAt(0) & ~32) === letters.charCodeAt(want)) {
      if (--want < 0) return k;
      continue;
    }
    const from = runs ? coveredFrom(t.lower, letters, want) : -1;
    if (from >= 0) {
      want = from - 1;
      if (want < 0) return k;
    } else if (!LEFT_OUT.has(t.lower)) return -1;
  }
  return -1;
}

/**
 * One word that spells several of an acronym's letters, ending at `want`: it starts with the
 * first of them and holds the others in order ("polycystic" for the P and C of PCOS,
 * "electrocardiogram" for ECG). The index of the first letter it spells, or -1. At most four.
 */
function coveredFrom(lower: string, letters: string, want: number): number {
  for (let from = want - 1; from >= 0 && from >= want - 3; from--) {
    if (lower.charCodeAt(0) !== (letters.charCodeAt(from) | 32)) continue;
    let at = 1;
    let ok = true;
    for (let l = from + 1; l <= want && ok; l++) {
      const found = lower.indexOf(String.fromCharCode(letters.charCodeAt(l) | 32), at);
      if (found < 0) ok = false;
      else at = found + 1;
    }
    if (ok) return from;
  }
  return -1;
}

/**
 * The acronym in brackets a few words after candidate c whose letters c's words help spell,
 * reading back from the bracket: "neonatal diabetes mellitus (NDM)", "Dietary Approaches to
 * Stop Hypertension (DASH)". Its letters, and the first and last of the words that spell it
 * (joined to each other by spaces or hyphens only); undefined when there is none.
 */
function spelledAcronymAfter(text: string, tokens: Token[], c: Candidate): { letters: string; first: number; last: number } | undefined {
  const sentence = tokens[c.i].sentence;
  for (let k = c.j + 1; k < tokens.length && k <= c.j + 12; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence) return undefined;
    const letters = bracketedAcronym(text, tokens, k) ?? acronymAfterOr(text, tokens, k);
    if (letters) {
      const first = spelledBackFrom(text, tokens, k - 1, letters);
      return first >= 0 && first <= c.i ? { letters, first, last: k - 1 } : undefined;
    }
    if (!t.joined) return undefined;
  }
  return undefined;
}

/**
 * The capitals of an acronym after ", or" at token k ("Mild cognitive impairment, or MCI, is…"):
 * token k is "or" after a comma, and the next token is an acronym (acronymLetters).
 */
function acronymAfterOr(text: string, tokens: Token[], k: number): string | undefined {
  const or = tokens[k];
  const next = tokens[k + 1];
  if (or.lower !== 'or' || !next || !next.joined || k === 0 || text.slice(tokens[k - 1].end, or.start).trim() !== ',') return undefined;
  return acronymLetters(next);
}

/**
 * Inside a name the text defines with its acronym (spelled, from spelledAcronymAfter): "Dietary
 * Approaches to Stop Hypertension (DASH)", "End-Stage Renal Disease (ESRD)": capitalised words
 * (small words aside), with nothing but spaces or hyphens between them. A name is what something
 * is called, so its words are not the writer's to change, and a fix would break the acronym
 * beside it.
 */
function inDefinedName(tokens: Token[], c: Candidate, spelled: { first: number; last: number }): boolean {
  if (!isCapitalised(tokens[c.i])) return false;
  for (let m = spelled.first; m <= spelled.last; m++) {
    if (!(isCapitalised(tokens[m]) || LEFT_OUT.has(tokens[m].lower)) || (m > spelled.first && !tokens[m].joined)) return false;
  }
  return true;
}

/** The same word but for a plural ending: "board" and "boards", "child" and "children". */
function sameWordLoosely(a: string, b: string): boolean {
  return a === b || a === b + 's' || b === a + 's' || a === b + 'es' || (a.endsWith('ren') && a.slice(0, -3) === b);
}

/**
 * Tokens from `from` on are `words` (loosely). With `phrase`, also one phrase: in one sentence,
 * nothing but spaces or a hyphen between.
 */
function wordsAt(tokens: Token[], from: number, words: string[], phrase: boolean): boolean {
  if (from < 0 || from + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[from + k];
    if (!sameWordLoosely(t.lower, words[k]) || (phrase && k > 0 && (!t.joined || t.sentence !== tokens[from].sentence))) return false;
  }
  return true;
}

/** Only spaces and one `mark` between offsets `from` and `to`. */
function onlyMark(text: string, from: number, to: number, mark: string): boolean {
  return to > from && text.slice(from, to).trim() === mark;
}

/**
 * Whether the term at tokens i..j is followed by a short gloss set off with commas, "or" first:
 * "a chronic, or long-lasting, illness", "called dysphagia, or difficulty swallowing." The gloss
 * is 1 to 4 words in the same sentence, not an acronym ("intravenous, or IV, injection"). Ended
 * by a comma or a bracket, it is one; ended by a full stop (or the block), it may be the last
 * item of a list ("brain scans, biopsies, or spinal taps."), so a comma among the few words
 * before the term says it is not.
 */
function orGlossAfter(text: string, tokens: Token[], i: number, j: number): boolean {
  const or = j + 1;
  if (!isOrBetween(text, tokens, or) || text.slice(tokens[j].end, tokens[or].start).trim() !== ',') return false;
  const sentence = tokens[or].sentence;
  let words = false;
  for (let k = or + 1; k < tokens.length && k <= or + 4; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence || (k > or + 1 && !t.joined)) return false;
    if (t.flags & HAS_LOWER) words = true;
    const next = nextAfterSpaces(text, t.end);
    if (next === ',' || next === ')') return words;
    if (next === '.' || next === '') {
      if (!words) return false;
      for (let b = i; b > 0 && b > i - 6 && tokens[b - 1].sentence === sentence; b--) if (text.slice(tokens[b - 1].end, tokens[b].start).includes(',')) return false;
      return true;
    }
  }
  return false;
}

/** Token k is "or", with nothing but spaces and a comma between it and the tokens either side, all in one sentence. */
function isOrBetween(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || t.lower !== 'or' || k === 0 || k + 1 >= tokens.length) return false;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (prev.sentence !== t.sentence || next.sentence !== t.sentence) return false;
  const gap = (from: number, to: number) => {
    const g = text.slice(from, to).trim();
    return g === '' || g === ',';
  };
  return gap(prev.end, t.start) && gap(t.end, next.start);
}

/**
 * Whether the term at tokens i..j stands beside one of its replacements, the two joined by
 * brackets or by "or": "pertussis (whooping cough)", "whooping cough (pertussis)", "seizures or
 * convulsions", "pertussis, or whooping cough,". Words compare loosely (plurals), as in an
 * acronym's explanation.
 */
function glossedInPlace(text: string, tokens: Token[], i: number, j: number, glosses: string[][], loosely = false): boolean {
  for (const words of glosses) {
    const n = words.length;
    const after = j + 1;
    if (loosely && after < tokens.length && onlyMark(text, tokens[j].end, tokens[after].start, '(') && bracketHolds(text, tokens, after, words)) return true;
    if (after + n <= tokens.length && onlyMark(text, tokens[j].end, tokens[after].start, '(') && wordsAt(tokens, after, words, true) && nextAfterSpaces(text, tokens[after + n - 1].end) === ')') return true;
    if (isOrBetween(text, tokens, after) && wordsAt(tokens, after + 1, words, true)) return true;
    const before = i - n;
    if (before >= 0 && isBracketAfterWords(text.slice(tokens[i - 1].end, tokens[i].start)) && wordsAt(tokens, before, words, true) && nextAfterSpaces(text, tokens[j].end) === ')') return true;
    if (isOrBetween(text, tokens, i - 1) && wordsAt(tokens, i - 1 - n, words, true)) return true;
  }
  return false;
}

/**
 * Whether the brackets opening at token `from` close within eight words and hold every word of
 * `words` (loosely, in any order, small words aside): "A hematologist (a blood disease
 * specialist)" is glossed by "blood specialist". For medical terms and terms to explain
 * (glossedInPlace's `loosely`): other words, such as "BAME (Black, Asian and minority
 * ethnic)", are not made plain by spelling them out.
 */
function bracketHolds(text: string, tokens: Token[], from: number, words: string[]): boolean {
  const sentence = tokens[from].sentence;
  for (let k = from; k < tokens.length && k < from + 8 && tokens[k].sentence === sentence; k++) {
    if (nextAfterSpaces(text, tokens[k].end) !== ')') continue;
    return words.every((w) => FUNCTION_WORDS.has(w) || bracketHas(tokens, from, k, w));
  }
  return false;
}

/** Whether one of tokens from..to is `word`, loosely (sameWordLoosely). */
function bracketHas(tokens: Token[], from: number, to: number, word: string): boolean {
  for (let k = from; k <= to; k++) if (sameWordLoosely(tokens[k].lower, word)) return true;
  return false;
}

/** Text in capitals ("SALT AND SUGAR") is emphasis, not acronyms. */
export function isShouting(tokens: Token[]): boolean {
  let caps = 0;
  let words = 0;
  for (const t of tokens) {
    const f = t.flags;
    if (f & NON_ASCII) {
      if (t.text.length < 2 || /\d/.test(t.text)) continue;
      words++;
      if (t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase()) caps++;
    } else {
      // ASCII: the same test read from the token's flags.
      if (t.text.length < 2 || f & HAS_DIGIT) continue;
      words++;
      if (f & HAS_UPPER && !(f & HAS_LOWER)) caps++;
    }
  }
  return words >= 3 && caps / words > 0.6;
}

/**
 * Whether a candidate overlaps a protected span of its own entry or of every entry (-1). Per
 * entry, spans sorted by first token with the running maximum of their last token: some span
 * starting at or before the candidate's last token reaches its first token. O(log n) a query.
 */
function protectIndex(protects: Candidate[] | undefined): (c: Candidate) => boolean {
  if (!protects?.length) return () => false;
  const byEntry = new Map<number, { starts: number[]; reach: number[] }>();
  const sorted = protects.slice().sort((a, b) => a.i - b.i);
  for (const p of sorted) {
    let list = byEntry.get(p.t.entry);
    if (!list) byEntry.set(p.t.entry, (list = { starts: [], reach: [] }));
    list.reach.push(Math.max(p.j, list.reach.length ? list.reach[list.reach.length - 1] : -1));
    list.starts.push(p.i);
  }
  const hits = (list: { starts: number[]; reach: number[] } | undefined, c: Candidate): boolean => {
    if (!list || list.starts[0] > c.j) return false;
    let lo = 0;
    let hi = list.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list.starts[mid] <= c.j) lo = mid;
      else hi = mid - 1;
    }
    return list.reach[lo] >= c.i;
  };
  return (c) => hits(byEntry.get(-1), c) || (c.t.entry !== -1 && hits(byEntry.get(c.t.entry), c));
}

function sameWords(tokens: Token[], from: number, words: string[], sentence: number): boolean {
  if (from < 0 || from + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) {
    const tok = tokens[from + k];
    if (tok.sentence !== sentence || tok.lower !== words[k]) return false;
  }
  return true;
}

/** Words ending in 's that are a word and "is" or "has", not a possessive: "it's", "let's". */
const NOT_POSSESSIVE = new Set(["it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "let's", "where's", "how's", "when's", "why's"]);

/** A possessive: "patient's", "children's", or "carers'" (the apostrophe after the word, tokenize.ts). */
function isPossessiveNoun(text: string, tok: Token): boolean {
  if (tok.possessive) return !NOT_POSSESSIVE.has(tok.lower);
  const after = text.charCodeAt(tok.end);
  return (after === 39 || after === 0x2019) && tok.lower.endsWith('s');
}

/** The entry's 'unless' conditions: fine before/after/near given words. */
function excusedByContext(ce: CompiledEntry, text: string, tokens: Token[], i: number, j: number): boolean {
  const sentence = tokens[i].sentence;
  for (const p of ce.after) if (sameWords(tokens, j + 1, p, sentence)) return true;
  for (const p of ce.before) if (sameWords(tokens, i - p.length, p, sentence)) return true;
  if (ce.afterPossessive && i > 0 && tokens[i - 1].sentence === sentence && isPossessiveNoun(text, tokens[i - 1])) return true;
  if (ce.near.length && nearAny(ce.near, ce.within, tokens, i, j)) return true;
  // The entry is for one sense only ('only'): without its words near, the match is in another.
  // Its own words count: "tooth extraction" is in the dental sense its "tooth" names.
  return ce.onlyNear.length > 0 && !nearAny(ce.onlyNear, ce.onlyWithin, tokens, i, j, true);
}

/**
 * Whether one of `phrases` starts within `within` words of tokens i..j, in their sentence; with
 * `own`, inside them too (an 'unless' word in the term itself excuses nothing).
 */
function nearAny(phrases: string[][], within: number, tokens: Token[], i: number, j: number, own = false): boolean {
  const sentence = tokens[i].sentence;
  const lo = Math.max(0, i - within);
  const hi = Math.min(tokens.length - 1, j + within);
  for (let k = lo; k <= hi; k++) {
    if (!own && k >= i && k <= j) continue;
    for (const p of phrases) if (sameWords(tokens, k, p, sentence)) return true;
  }
  return false;
}

/** The entry's 'when' conditions for its base form: flagged only after/before given words. */
function inRequiredContext(ce: CompiledEntry, tokens: Token[], i: number, j: number): boolean {
  if (!ce.whenBefore.length && !ce.whenAfter.length) return true;
  const sentence = tokens[i].sentence;
  for (const p of ce.whenBefore) if (sameWords(tokens, i - p.length, p, sentence)) return true;
  for (const p of ce.whenAfter) if (sameWords(tokens, j + 1, p, sentence)) return true;
  return false;
}

/** Words that start what a definition says of its term: "a doctor who…", "a disorder that…". */
const DEFINING_WORDS = new Set(['who', 'that', 'which', 'whose', 'where']);

/**
 * Whether the term ending at token j is followed by what it means: ", which means not
 * cancerous", ", meaning inflammation", "(which means…)". Reads at most three tokens.
 */
function meaningAfter(text: string, tokens: Token[], j: number): boolean {
  const next = tokens[j + 1];
  if (!next || next.sentence !== tokens[j].sentence) return false;
  const gap = text.slice(tokens[j].end, next.start).trim();
  if (gap !== ',' && gap !== '(') return false;
  if (next.lower === 'meaning') return true;
  const after = tokens[j + 2];
  if (next.lower !== 'which' || after === undefined || !after.joined) return false;
  // ", which is a ringing or roaring in the ears": what it is, after "which is a" or "an".
  const what = tokens[j + 3];
  if (after.lower === 'means' || after.lower === 'meant') return true;
  if (after.lower !== 'is' || what === undefined || !what.joined || what.sentence !== next.sentence || (what.lower !== 'a' && what.lower !== 'an')) return false;
  // Not what it is but how much it matters: ", which is an important cause of…".
  const word = tokens[j + 4];
  return word !== undefined && word.sentence === next.sentence && !NOT_DEFINING.has(word.lower);
}

/** Words after ", which is a" that judge a thing rather than say what it is: "an important cause". */
const NOT_DEFINING = new Set(['important', 'common', 'rare', 'serious', 'major', 'key', 'big', 'growing', 'leading', 'main', 'good', 'great', 'useful', 'significant', 'frequent', 'known', 'well-known', 'possible', 'likely', 'real', 'particular', 'special', 'new']);

/** Words after "means" that say what a thing brings, not what a word is: "means fewer trips", "means that you…". */
const NOT_MEANING = new Set(['fewer', 'more', 'less', 'no', 'that', 'you', 'we', 'they', 'it', 'your', 'our', 'their', 'there', 'people', 'everyone', 'better', 'quicker', 'faster']);

/** Words after "are" that say how or when, not what: "are often asked where…". */
const NOT_WHAT = new Set(['often', 'also', 'sometimes', 'always', 'never', 'still', 'now', 'then', 'only', 'very', 'more', 'most', 'less', 'seldom', 'all', 'both', 'being', 'seen', 'made', 'found', 'told']);

/**
 * Whether the term at tokens i..j is the subject of a sentence that says what it is: "A
 * pediatrician is a doctor who specializes in treating children", "Cardiologists are doctors
 * who…", "Corticosteroids are medicines that…", "Renal means kidney". The sentence starts with
 * the term (an article aside), and it is followed by "refers to", by "means" (not "means
 * fewer…": NOT_MEANING), or by "is a", "is an" or "are" and a word (not one in -ly, -ed or
 * -en, nor NOT_WHAT: "are often used") and, within four words, "who", "that", "which", "whose"
 * or "where". The sentence is its explanation: a replacement would read "A children's doctor
 * is a doctor who…". Reads at most eight tokens.
 */
function definedAfter(tokens: Token[], i: number, j: number, bracketText?: string): boolean {
  const start = i > 0 && isArticle(tokens[i - 1].lower) ? i - 1 : i;
  if (!isSentenceStart(tokens, start)) return false;
  // With `bracketText`, token j is the term's acronym in brackets, and the verb comes after its
  // ")": "A transient ischaemic attack (TIA) is a stroke that…".
  const verb = tokens[j + 1];
  const sentence = tokens[i].sentence;
  if (!verb || verb.sentence !== sentence || !(bracketText !== undefined ? bracketText.slice(tokens[j].end, verb.start).trim() === ')' : verb.joined)) return false;
  if (verb.lower === 'refers' && tokens[j + 2]?.lower === 'to') return true;
  // "Renal means kidney", but "Telehealth means fewer trips" (what it brings) and "means that…".
  if (verb.lower === 'means') return tokens[j + 2]?.sentence === sentence && !NOT_MEANING.has(tokens[j + 2].lower);
  const what = tokens[j + 2];
  if (!what || what.sentence !== sentence) return false;
  if (verb.lower === 'is' ? what.lower !== 'a' && what.lower !== 'an' : verb.lower !== 'are' || /(?:ly|ed|en)$/.test(what.lower) || NOT_WHAT.has(what.lower) || FUNCTION_WORDS.has(what.lower)) return false;
  for (let k = j + 3; k < tokens.length && k <= j + 7; k++) {
    const t = tokens[k];
    if (t.sentence !== sentence) return false;
    if (DEFINING_WORDS.has(t.lower)) return true;
  }
  return false;
}

/**
 * Whether the next sentence says what the acronym in brackets after the term ending at token j
 * is (the caller has found it there): "…can cause a pulmonary embolism (PE) and lung damage. A
 * PE is a sudden blockage that…". Reads the few tokens up to the next sentence's verb.
 */
function acronymDefinedNext(tokens: Token[], j: number): boolean {
  const acronym = tokens[j + 1];
  let k = j + 2;
  // Up to the end of the sentence, a dozen words at most.
  while (k < tokens.length && k <= j + 14 && tokens[k].sentence === acronym.sentence) k++;
  if (k >= tokens.length || tokens[k].sentence === acronym.sentence) return false;
  const first = isArticle(tokens[k].lower) ? k + 1 : k;
  return tokens[first]?.text === acronym.text && tokens[first].sentence === tokens[k].sentence && definedAfter(tokens, first, first);
}

function isArticle(lower: string): boolean {
  return lower === 'a' || lower === 'an' || lower === 'the';
}

function isSentenceStart(tokens: Token[], i: number): boolean {
  return i === 0 || tokens[i - 1].sentence !== tokens[i].sentence;
}

function toMatch(block: Block, tokens: Token[], c: Candidate): Match {
  const first = tokens[c.i];
  const last = tokens[c.j];
  const m: Match = {
    entry: c.t.entry,
    // An -ed form that is both past and participle ("submitted") matches as past; after "be",
    // "have" or "get" it is the participle, and its replacement must be one too: "be given".
    // Read from the block's own words, so a chunk's findings depend on the chunk alone.
    form: c.t.form === 'past' && readsAsParticiple(tokens, c.i, c.j) ? 'participle' : c.t.form,
    start: toSource(block, first.start),
    end: toSourceEnd(block, c.possessive ? last.end - 2 : last.end),
    sentenceStart: isSentenceStart(tokens, c.i),
    caseSensitive: c.t.caseSensitive,
  };
  const article = articleBefore(block, tokens, c.i);
  if (article) m.article = article;
  const after = tokens[c.j + 1];
  if (after && after.sentence === last.sentence) {
    m.following = { gapEnd: toSource(block, after.start), firstChar: after.text[0] };
  }
  return m;
}

/** Forms of "be", "have" and "get", after which an -ed form is a participle: "must be submitted". */
const AUXILIARIES = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', 'am', 'has', 'have', 'had', 'having', 'get', 'gets', 'got', 'getting', 'gotten']);

/** Words that may stand between an auxiliary and its participle: "has already submitted". */
const BETWEEN = new Set(['not', 'already', 'also', 'just', 'never', 'now', 'then', 'all', 'still', 'since', 'ever', 'often']);

/**
 * Whether an -ed form at tokens i..j is a participle: after "be", "have" or "get"
 * (afterAuxiliary), or one of those and a pronoun in a question ("Have they participated…"),
 * before "by" ("a medicine administered by infusion"), or after an article, an adverb in -ly
 * between or not ("an easily administered test"). Otherwise it reads as the past.
 */
function readsAsParticiple(tokens: Token[], i: number, j: number): boolean {
  if (afterAuxiliary(tokens, i)) return true;
  const sentence = tokens[i].sentence;
  // The second of two participles after one "be": "can be removed or reallocated", "was
  // reviewed and allocated" (a word in -ed or -en, then "and" or "or").
  if (i >= 3 && (tokens[i - 1].lower === 'or' || tokens[i - 1].lower === 'and') && tokens[i - 2].sentence === sentence && /(?:ed|en)$/.test(tokens[i - 2].lower) && afterAuxiliary(tokens, i - 2)) return true;
  // A question: "Have they participated…", "Has it been…".
  if (i >= 2 && PRONOUNS.has(tokens[i - 1].lower) && tokens[i - 2].sentence === sentence && isAuxiliary(tokens[i - 2].lower)) return true;
  const next = tokens[j + 1];
  if (next && next.sentence === sentence && next.joined && next.lower === 'by') return true;
  let k = i - 1;
  if (k >= 0 && tokens[k].sentence === sentence && tokens[k].lower.length > 3 && tokens[k].lower.endsWith('ly')) k--;
  return k >= 0 && tokens[k].sentence === sentence && isArticle(tokens[k].lower);
}

/** Subjects that come after "have" in a question. */
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it']);

/** Whether token i follows a form of "be", "have" or "get" (or a contraction of one) in its sentence, maybe with an adverb between. */
function afterAuxiliary(tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  let k = i - 1;
  if (k >= 0 && tokens[k].sentence === sentence && (BETWEEN.has(tokens[k].lower) || (tokens[k].lower.length > 3 && tokens[k].lower.endsWith('ly')))) k--;
  return k >= 0 && tokens[k].sentence === sentence && isAuxiliary(tokens[k].lower);
}

/** "be", "have" or "get", or a contraction with "have", "had" or "has": "they've", "we'd", "she's" (the lower case has a straight apostrophe). */
function isAuxiliary(lower: string): boolean {
  return AUXILIARIES.has(lower) || lower.endsWith("'ve") || lower.endsWith("'d") || CONTRACTED_HAS.has(lower);
}

/** "'s" for "has" or "is" (both take a participle), after words that have no possessive. */
const CONTRACTED_HAS = new Set(["he's", "she's", "it's", "that's", "who's", "there's", "what's", "where's"]);

/**
 * The "a" or "an" directly before token i in its sentence (only blank space between them in the
 * prose: emphasis marks are not prose), in source offsets.
 */
export function articleBefore(block: Block, tokens: Token[], i: number): Article | undefined {
  const prev = i > 0 ? tokens[i - 1] : undefined;
  if (!prev || (prev.lower !== 'a' && prev.lower !== 'an') || prev.sentence !== tokens[i].sentence || !isSpaces(block.text, prev.end, tokens[i].start)) return undefined;
  return { text: prev.text, start: toSource(block, prev.start), end: toSourceEnd(block, prev.end) };
}

function isSpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
}

function acronymHit(block: Block, tokens: Token[], c: Candidate, dict: CompiledDictionary): AcronymHit {
  const tok = tokens[c.i];
  const ce = dict.entries[c.t.entry];
  const end = c.possessive ? tokens[c.j].end - 2 : tokens[c.j].end;
  const how = ce ? explainedInPlace(block.text, tokens, c.i, c.j, ce.expansion) : undefined;
  return {
    entry: c.t.entry,
    start: toSource(block, tok.start),
    end: toSourceEnd(block, end),
    text: block.text.slice(tok.start, end),
    explained: how !== undefined,
    expansionTokens: how,
    sentenceStart: isSentenceStart(tokens, c.i),
  };
}

/**
 * Whether the term at token i is the name given to words before it in its sentence: "a doctor
 * who treats blood, called a haematologist", "a thin tube known as an endoscope", "This is
 * called hypertension". Those words say what it is; "It is called…" and "This is called…" at
 * a sentence's start point elsewhere, and are not counted. Reads at most seven tokens back.
 */
function namedAfterWords(tokens: Token[], i: number): boolean {
  const sentence = tokens[i].sentence;
  let k = i - 1;
  if (k >= 0 && tokens[k].sentence === sentence && isArticle(tokens[k].lower)) k--;
  if (k < 1 || tokens[k].sentence !== sentence || !tokens[i].joined) return false;
  const w = tokens[k].lower;
  const named = w === 'called' || w === 'named' || w === 'termed' || (w === 'as' && tokens[k - 1].lower === 'known');
  const from = w === 'as' ? k - 2 : k - 1;
  // Something before it to name: not "Called a haematologist, she…" at the start. Nor only a
  // kind of thing: "a condition called hypoglycaemia unawareness" says nothing of what it is.
  if (!named || from < 0 || tokens[from].sentence !== sentence) return false;
  // "It is called…", "This is also called…": what it names is in another sentence, maybe none.
  let b = from;
  while (b >= 0 && from - b < 3 && tokens[b].sentence === sentence && (BE_FORMS.has(tokens[b].lower) || tokens[b].lower === 'also' || tokens[b].lower === 'sometimes' || tokens[b].lower === 'often')) b--;
  if (b >= 0 && tokens[b].sentence === sentence && PRONOUNS_NAMED.has(tokens[b].lower) && isSentenceStart(tokens, b)) return false;
  // "She called a haematologist": a verb, its subject before it.
  if (w === 'called' && SUBJECTS.has(tokens[from].lower)) return false;
  const before = tokens[from - 1];
  return !(KINDS.has(tokens[from].lower) && (!before || before.sentence !== sentence || isArticle(before.lower)));
}

/** Forms of "be" before "called": "is called", "are sometimes called". */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
/** Subjects of "called" as a verb: "she called a doctor". */
const SUBJECTS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'who', 'someone', 'somebody', 'nobody', 'everyone']);
/** Words that point to what another sentence said: "This is called…". */
const PRONOUNS_NAMED = new Set(['it', 'this', 'that', 'they', 'these', 'those']);

/** Words for a kind of thing that say nothing of what a name means: "a condition called…". */
const KINDS = new Set(['condition', 'conditions', 'disease', 'diseases', 'disorder', 'disorders', 'problem', 'problems', 'test', 'tests', 'procedure', 'procedures', 'operation', 'operations', 'treatment', 'treatments', 'medicine', 'medicines', 'medication', 'medications', 'drug', 'drugs', 'infection', 'infections', 'illness', 'syndrome', 'therapy', 'scan', 'technique', 'process', 'thing', 'something', 'one', 'specialist', 'doctor', 'device', 'tool', 'type', 'kind']);

/** Words that may come before a term in the brackets that name what was just said: "(also called a catheter)". */
const NAMING = new Set(['called', 'also', 'known', 'as', 'referred', 'to', 'sometimes', 'often', 'or', 'a', 'an', 'the']);

/**
 * Whether tokens i..j end a bracket after words of their sentence, with nothing before them in
 * it but naming words: "difficulty swallowing (dysphagia)", "a thin tube (called a catheter)",
 * "a spinal tap (also called a lumbar puncture)".
 */
function fillsBracket(text: string, tokens: Token[], i: number, j: number): boolean {
  if (nextAfterSpaces(text, tokens[j].end) !== ')') return false;
  let k = i;
  while (k > 0 && i - k < 5 && tokens[k - 1].sentence === tokens[i].sentence && NAMING.has(tokens[k - 1].lower) && tokens[k].joined) k--;
  const prev = tokens[k - 1];
  return prev !== undefined && prev.sentence === tokens[i].sentence && isBracketAfterWords(text.slice(prev.end, tokens[k].start));
}

/**
 * The gap between an explanation and its acronym in "words (ACR)": an opening bracket, maybe
 * after the quote that closes the words ("'single point of contact' (SPOC)").
 */
export function isBracketAfterWords(gap: string): boolean {
  const g = gap.trim();
  return g === '(' || /^['"\u2019\u201d]\s*\($/.test(g);
}

/**
 * "expansion (ACR)" or "ACR (expansion)" right here, comparing words and ignoring case and
 * plurals. Returns the expansion's token range, undefined when not explained.
 */
function explainedInPlace(text: string, tokens: Token[], i: number, j: number, words: string[]): [number, number] | undefined {
  if (!words.length) return undefined;
  // Before: words ... then "(" directly before the acronym.
  const from = i - words.length;
  if (wordsAt(tokens, from, words, false) && isBracketAfterWords(text.slice(tokens[i - 1].end, tokens[i].start))) return [from, i - 1];
  // After: "(" words ")".
  if (wordsAt(tokens, j + 1, words, false) && onlyMark(text, tokens[j].end, tokens[j + 1].start, '(')) return [j + 1, j + words.length];
  return undefined;
}
