/**
 * Builds the replacements of a match: the replacement text in the form and capitals of the
 * matched words, and the edit that applies it (fixing "a"/"an" in front when needed).
 */
import { FUNCTION_WORDS, inflectWord, nounHead } from './inflect.js';
import { nextAfterSpaces } from './text.js';
import type { Entry, FormClass, Replacement, ReplacementSpec, TextEdit } from './types.js';

/** An "a" or "an" as written before a match, with its source range (analyse.ts articleBefore). */
export interface Article {
  text: string;
  start: number;
  end: number;
}

export interface MatchContext {
  /** Source text. */
  source: string;
  /** Source range of the match. */
  start: number;
  end: number;
  /** The matched text as written. */
  actual: string;
  form: FormClass;
  /** True when the match begins a sentence. */
  sentenceStart: boolean;
  /** Directly preceding article ("a"/"an"/"A"/"An") and its source range, when joined to the match by spaces only. */
  article?: Article;
  /** Source range from the end of the match to the next word, and that word's first letter (for omit). */
  following?: { gapEnd: number; firstChar: string };
  /** Whether the entry matches exact capitals (acronyms). */
  caseSensitive: boolean;
}

function normaliseSpec(r: string | ReplacementSpec): ReplacementSpec {
  return typeof r === 'string' ? { text: r } : r;
}

/** Words that end a phrasal verb ("build on", "set up"): a replacement ending in one is a verb, never a noun. */
const PARTICLES = new Set(['on', 'to', 'up', 'out', 'in', 'off', 'with', 'for', 'about', 'down', 'over', 'back', 'away', 'through', 'into', 'from']);

/** The replacement in the form of the match as the entry writes it: the text for the base form, else its own `forms` (a participle may be the past); undefined when it gives none. */
function givenForm(spec: ReplacementSpec, form: FormClass): string | undefined {
  if (form === 'base') return spec.text;
  const own = spec.forms?.[form as keyof NonNullable<ReplacementSpec['forms']>];
  if (own) return own;
  if (form === 'participle' && spec.forms?.past) return spec.forms.past;
  return undefined;
}

/** Put a replacement into the form of the match: verb forms on the first word, plurals on the noun's head (nounHead). */
export function inflectReplacement(spec: ReplacementSpec, form: FormClass): string {
  const given = givenForm(spec, form);
  if (given !== undefined) return given;
  const words = spec.text.split(' ');
  // "leverages" is a verb or a plural noun, and its replacement "build on" says which: "builds on".
  if (form === 'plural' && words.length > 1 && PARTICLES.has(words[words.length - 1])) form = 'third';
  if (form === 'plural') {
    const head = nounHead(words);
    // A phrase whose noun is already a plural ("care arrangements", "changes we make to our
    // services", "good ways of working") stays as it is: it read "care arrangementses". One word
    // is still inflected ("bonus").
    if (head < 0 || (words.length > 1 && /[^s]s$/i.test(words[head]))) return spec.text;
    words[head] = inflectWord(words[head], 'plural');
  } else {
    words[0] = inflectWord(words[0], form);
  }
  return words.join(' ');
}

/** Is the text in capitals throughout (two letters or more: "NOON", "IN ORDER TO")? */
function isShouted(actual: string): boolean {
  const letters = actual.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Copy capitals from the matched text to the replacement. `afterLowerCase`: the word before the
 * match, in its sentence, is in lower case ("What causes Hypoglycemia?"): a capital there is the
 * term's own, not a title's, and the replacement keeps its own ("What causes low blood sugar?").
 */
export function applyCase(actual: string, replacement: string, caseSensitive: boolean, sentenceStart: boolean, afterLowerCase = false): string {
  if (!caseSensitive && isShouted(actual)) return replacement.toUpperCase();
  const first = actual.charAt(0);
  const capital = first !== first.toLowerCase();
  if (capital && (!caseSensitive || sentenceStart)) {
    // Inside a sentence the capital is a title's ("What causes Hyperthyroidism?"): a replacement
    // that starts with an article is a phrase of the sentence ("an overactive thyroid", not "An").
    if (!sentenceStart && (afterLowerCase || startsWithArticle(replacement))) return replacement;
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** Whether a replacement starts with "a", "an" or "the" and more words ("an overactive thyroid"). */
function startsWithArticle(text: string): boolean {
  return /^(?:a|an|the) /i.test(text);
}

const AN_WORDS = ['hour', 'honest', 'honour', 'honor', 'heir'];
const A_PREFIXES = ['uni', 'use', 'usu', 'ura', 'ure', 'uri', 'uro', 'eu', 'one', 'once', 'ewe', 'utr', 'uti', 'ubi'];

/** "a" or "an" for the word that follows. */
export function articleFor(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (!w) return 'a';
  if (AN_WORDS.some((p) => w.startsWith(p))) return 'an';
  if (A_PREFIXES.some((p) => w.startsWith(p))) return 'a';
  // Acronyms and single letters said letter by letter: an MDT, an NHS, a GP, an X-ray, a U-turn.
  const head = word.split('-')[0];
  if ((head.length > 1 && head === head.toUpperCase() && /^[A-Z]+$/.test(head)) || (head.length === 1 && word.length > 1 && /^[A-Za-z]$/.test(head))) {
    return 'AEFHILMNORSX'.includes(head[0].toUpperCase()) ? 'an' : 'a';
  }
  return 'aeiou'.includes(w[0]) ? 'an' : 'a';
}

/**
 * The edit that puts `text` at [start, end), taking in the "a"/"an" before it (`article`, from
 * the prose) when the new first word needs the other one ("an MDT" → "a multidisciplinary team
 * (MDT)", "an *MDT*" too): changedArticle, as for a replacement.
 */
export function editWithArticle(source: string, start: number, end: number, text: string, article?: Article): TextEdit {
  const changed = changedArticle(source, article, start, text.split(' ')[0], false);
  return changed ? { start: article!.start, end, newText: changed.text + changed.gap + text } : { start, end, newText: text };
}

/**
 * The "a"/"an" before a replacement starting at `start` as the replacement needs it, and the
 * source between the two, when it must change; undefined when it stays: no article, the right
 * one already, or more than spaces, line breaks and emphasis marks between ("an *overarching*"
 * changes; "a <!-- note --> 12 midday" keeps its "a", as a comment is not prose). `word` is the
 * replacement's first word as the entry writes it: "MIDDAY", in capitals only because the text
 * shouts, is a word ("a MIDDAY"), not letters said one by one ("an MDT"). `shout`: the matched
 * words are in capitals, and an article in capitals shouts with them (`shouted`).
 */
function changedArticle(source: string, article: Article | undefined, start: number, word: string, shout: boolean): { text: string; gap: string; shouted: boolean } | undefined {
  if (!article || article.end > start) return undefined;
  const gap = source.slice(article.end, start);
  if (!isArticleGap(gap)) return undefined;
  const want = articleFor(word);
  const given = article.text;
  if (want === given.toLowerCase()) return undefined;
  // "AN OPTIMAL PLAN" → "A BEST PLAN".
  if (shout && given === given.toUpperCase()) return { text: want.toUpperCase(), gap, shouted: true };
  return { text: given[0] === 'A' ? want.charAt(0).toUpperCase() + want.slice(1) : want, gap, shouted: false };
}

/**
 * The replacements of a match, and whether the match is part of a name or a title of a work
 * (`inName`: "the Lived Experience Framework", "_Literacy and Health Outcomes_"), which the
 * message says: a name is what something is called, not the writer's wording.
 */
export function buildReplacements(entry: Entry, ctx: MatchContext): { replacements: Replacement[]; inName: boolean } {
  const action = entry.action ?? 'replace';
  const out: Replacement[] = [];
  // How a capital starting the match reads in its sentence: worked out once for all its replacements.
  const caps = capitalsOf(ctx);
  const inName = caps?.name === true;
  // Where the match stands makes every replacement of it doubtful, whatever its kind: inside a
  // name ("British Association of Dermatologists") or right after inline code ("`@container`
  // queries"). Worked out once for all its replacements.
  const placeDoubtful = inName || afterCode(ctx);
  if (action === 'omit') {
    out.push({ text: '', edit: omitEdit(ctx), fixable: !placeDoubtful && !ofBeforeNoun(ctx) });
    for (const r of entry.replacements ?? []) out.push(replaceWith(normaliseSpec(r), ctx, caps, placeDoubtful));
    return { replacements: out, inName };
  }
  for (const r of entry.replacements ?? []) {
    const spec = normaliseSpec(r);
    if (action === 'explain') {
      // An explanation is a phrase of its own ("a medicine that helps stop blood clots"): it
      // takes the form the entry gives for the matched word's ("anticoagulants"), never one made
      // up from its last word.
      const said = givenForm(spec, ctx.form) ?? spec.text;
      // Never applied inside a compound ("obstetrician (a doctor who…)-gynecologist"), nor inside
      // a name or a title in capitals ("Primary Care (GPs, pharmacies…) Support England").
      // Nor between a noun and the noun it names a kind of ("catheter (a thin, flexible tube)
      // ablation", "imaging (scans and X-rays) tests").
      // (A plural is seldom the first part of one: "lesions appear" goes on with a verb.)
      // A term whose explanation starts with "a" or "an" is a noun whatever its entry's
      // inflections: "spirometry (a breathing test) test", "a naloxone (a medicine…) kit".
      const noun = entry.inflect === 'noun' || /^an? /i.test(spec.text);
      const compound = noun && ctx.form !== 'plural' && nounFollows(ctx);
      // Nor at the end of a bracket: it would write brackets in brackets ("(peripheral
      // neuropathy (nerve damage))"); nor before brackets of its own ("responsible clinician
      // (RC)"), where it would write two in a row: the writer says where the explanation goes.
      const next = nextAfterSpaces(ctx.source, ctx.end);
      const fixable = spec.fixable !== false && !placeDoubtful && !beforeHyphen(ctx) && caps?.next !== 'upper' && !compound && next !== ')' && next !== '(';
      out.push({ text: `${ctx.actual} (${said})`, edit: { start: ctx.end, end: ctx.end, newText: ` (${said})` }, fixable });
    } else {
      const r = replaceWith(spec, ctx, caps, placeDoubtful);
      // Two replacements may come out the same in this form ("time periods": "periods" from
      // "period" and from "time"): offered once.
      if (!out.some((o) => o.text === r.text)) out.push(r);
    }
  }
  return { replacements: out, inName };
}

/**
 * The case of the last word before `start` in its line that is not a small word such as "of",
 * "and" or "to" (one space and emphasis marks between, no punctuation): 'lower' in "What causes
 * Hypoglycemia", 'upper' in "Other Causes of Hypoglycemia" (a title in capitals), undefined when
 * there is none.
 */
function previousWordCase(source: string, start: number): 'lower' | 'upper' | undefined {
  let k = start;
  for (let words = 0; words < 4; words++) {
    // One space between (emphasis marks aside): a wider gap is a layout's ("- eGFR    Health").
    let e = k - 1;
    let spaces = 0;
    for (; e >= 0 && (source[e] === ' ' || source[e] === '*' || source[e] === '_'); e--) if (source[e] === ' ') spaces++;
    if (e < 0 || spaces !== 1 || !letterAt(source, e)) return undefined;
    let w = e;
    while (w > 0 && letterAt(source, w - 1)) w--;
    const word = source.slice(w, e + 1);
    if (!FUNCTION_WORDS.has(word)) {
      if (/\p{Ll}/u.test(word[0])) return 'lower';
      // A sentence's or a line's first word has its capital for that: it says nothing of a title.
      return /(?:^|[.!?:]\s+|\n[\s#>*+-]*|^[\s#>*+-]+)$/u.test(source.slice(Math.max(0, w - 12), w)) ? undefined : 'upper';
    }
    k = w;
  }
  return undefined;
}

/**
 * How a match that starts with a capital (not an acronym's, not shouted) reads in its sentence:
 * - `next`: the case of the next word (nextWordCase);
 * - `own`: the capital is the term's own, after a word in lower case and with none after ("What
 *   causes Hypoglycemia?"): the replacement keeps its lower case ("low blood sugar");
 * - `title`: the match is in a title in capitals: several capitalised words ("Drug Abuse"), or a
 *   capitalised next word ("Colorectal Cancer"), or, with no next word, one before it in the
 *   sentence ("Other Causes of Hypoglycemia"). A lower-case next word makes it a sentence ("In
 *   addition to surgery").
 * Undefined for any other match: most are in lower case, and their replacements need none of this.
 */
interface Capitals {
  next: 'lower' | 'upper' | undefined;
  own: boolean;
  title: boolean;
  /**
   * The match is part of a name in a sentence: capitalised words run on from it ("the British
   * Association of Dermatologists", "The Special Pathogens Branch at CDC used…"), or it is
   * several capitalised words itself, and the sentence around is in lower case, so it is no
   * title. A name is what something is called: its replacement is offered, never applied.
   */
  name: boolean;
}

function capitalsOf(ctx: MatchContext): Capitals | undefined {
  const first = ctx.actual.charAt(0);
  if (ctx.caseSensitive || first === first.toLowerCase() || isShouted(ctx.actual)) return undefined;
  const next = nextWordCase(ctx);
  const before = ctx.sentenceStart ? undefined : previousWordCase(ctx.source, ctx.start);
  const words = ctx.actual.split(/\s+/).filter((w) => !FUNCTION_WORDS.has(w));
  const capitalWords = words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w));
  // A word of its own in lower case after the first says the match is written in a sentence,
  // whatever follows: "In accordance with the Council's policy" is no title.
  const sentenceCased = words.slice(1).some((w) => /^\p{Ll}/u.test(w));
  const title = !sentenceCased && (capitalWords || (next ? next === 'upper' : before === 'upper'));
  // A sentence's first word has its capital for that: there, only a capitalised word right after
  // a one-word match makes a name ("Assistance Dogs help…", but "In addition to the Exit this
  // page button…" and "It is important to note that Alzheimer's…" are sentences).
  const following = nextWord(ctx);
  const inRun = ctx.sentenceStart ? capitalWords || (words.length === 1 && !ctx.actual.includes(' ') && caseOf(following) === 'upper') : capitalWords || next === 'upper' || before === 'upper';
  // Before capitalised words that end with the last word of an organisation's or a document's
  // name it is a name wherever it stands, in a title too: "The Patient and Public Involvement
  // Team" (headEndsRun; but "Blood Glucose Levels" is a title's).
  // In emphasis it is the title of a work: "ask for _Evidence Report No. 87, Literacy and Health Outcomes_".
  const name = inRun && (headEndsRun(ctx.source, ctx.end) || inEmphasis(ctx.source, ctx.start, ctx.end) || inLowerCaseSentence(ctx.source, ctx.start, ctx.end));
  return { next, own: before === 'lower' && next !== 'upper', title, name };
}

/** Small words inside names: "Patient and Public Involvement Team", "Department of Health". */
const NAME_JOINERS = new Set(['and', '&', 'of']);

/**
 * Whether the capitalised words that run on from `end` in its line end with one of
 * ORGANISATION_HEADS: "[Financial Assessment] and Benefits Team", "[Care Package] Review Board",
 * "[Stakeholder Engagement] Team". Words in capitals (NHS) and NAME_JOINERS may come between; a
 * word in lower case, punctuation or the end of the line ends the run. Reads at most 6 words.
 */
function headEndsRun(source: string, end: number): boolean {
  const re = /^[ \t]+([\p{L}&]+)/u;
  let at = end;
  let last: string | undefined;
  for (let n = 0; n < 6; n++) {
    const m = re.exec(source.slice(at, at + 40));
    if (!m) break;
    const w = m[1];
    if (/^\p{Lu}/u.test(w)) last = w;
    else if (!NAME_JOINERS.has(w)) break;
    at += m[0].length;
  }
  return last !== undefined && ORGANISATION_HEADS.has(last);
}

/**
 * Last words of the names of organisations and their parts ("… Involvement Team", "… Assistance
 * Programme"), and of named documents, laws and schemes ("… Lived Experience Framework", "Our
 * Co-production Strategy", "the Care Act").
 */
const ORGANISATION_HEADS = new Set([
  'Team', 'Teams', 'Service', 'Services', 'Group', 'Board', 'Trust', 'Programme', 'Program', 'Network', 'Partnership',
  'Forum', 'Panel', 'Committee', 'Unit', 'Office', 'Alliance', 'Council', 'Agency', 'Institute', 'Association',
  'Foundation', 'Society', 'Centre', 'Center', 'Department', 'Directorate', 'Hub', 'Branch', 'Collaborative', 'Commission',
  'Strategy', 'Framework', 'Policy', 'Charter', 'Toolkit', 'Handbook', 'Guidance', 'Guidelines', 'Act', 'Scheme', 'Fund',
  'Project', 'Initiative', 'Campaign', 'Organisation', 'Organization',
]);

/** The word right after the match, in its line, as written (spaces between only). */
function nextWord(ctx: MatchContext): string | undefined {
  return /^[ \t]+(\p{L}+)/u.exec(ctx.source.slice(ctx.end, ctx.end + 40))?.[1];
}

/**
 * Whether [start, end) is inside emphasis on its line: an "_" or "*" before it and another after
 * it, with no line break between ("_Literacy and Health Outcomes_", "*Care Act*").
 */
function inEmphasis(source: string, start: number, end: number): boolean {
  let k = start - 1;
  for (; k >= 0 && start - k <= SENTENCE_REACH; k--) {
    const c = source.charCodeAt(k);
    if (c === 10 || c === 13) return false;
    if (c === 95 || c === 42) break;
  }
  if (k < 0 || start - k > SENTENCE_REACH || (k > 0 && isWordChar(source.charCodeAt(k - 1)) && source.charCodeAt(k) === 95)) return false;
  const mark = source.charCodeAt(k);
  for (let e = end; e < source.length && e - end <= SENTENCE_REACH; e++) {
    const c = source.charCodeAt(e);
    if (c === 10 || c === 13) return false;
    if (c === mark) return !(c === 95 && e + 1 < source.length && isWordChar(source.charCodeAt(e + 1)));
  }
  return false;
}

/** An ASCII letter or digit: an "_" between two of them is part of a word ("snake_case"), not emphasis. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Words after a noun that start the rest of the sentence, not a compound: verbs, conjunctions, relatives. */
const AFTER_NOUN = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'can', 'could', 'may', 'might', 'will', 'would', 'should', 'must', 'has', 'have',
  'had', 'does', 'do', 'did', 'also', 'often', 'usually', 'then', 'who', 'which', 'that', 'where', 'when', 'whose', 'while',
  'because', 'such', 'like', 'including', 'called', 'known', 'helps', 'help', 'shows', 'uses', 'goes', 'takes', 'makes',
  'causes', 'needs', 'means', 'gives', 'lets', 'works', 'looks', 'checks', 'finds', 'tests', 'measures', 'lasts', 'happens',
  'through', 'across', 'along', 'between', 'during', 'after', 'before', 'without', 'within', 'around', 'near', 'below',
  'above', 'inside', 'outside', 'against', 'toward', 'towards', 'throughout', 'among', 'past', 'beyond', 'until', 'since',
  'taken', 'given', 'seen', 'shown', 'known', 'done', 'made', 'put', 'set',
]);

/**
 * Whether a word in lower case follows the match right away (one space) that is not a small
 * word or a verb such as "is" or "helps" (AFTER_NOUN): likely a noun the match names a kind of
 * ("catheter ablation", "imaging tests").
 */
function nounFollows(ctx: MatchContext): boolean {
  const m = /^ ([a-z][a-z-]*)(?=[\s.,;:!?)]|$)/.exec(ctx.source.slice(ctx.end, ctx.end + 40));
  if (!m) return false;
  const w = m[1];
  // Words in -s after a singular are mostly verbs ("neuropathy describes"), and -ing, -ed and
  // -ly words go on with the sentence ("a referral indicating…").
  return !FUNCTION_WORDS.has(w) && !AFTER_NOUN.has(w) && !/(?:[^s]s|ing|ed|ly)$/.test(w);
}

/** How far a sentence is read either side of a match for inLowerCaseSentence. */
const SENTENCE_REACH = 200;

/**
 * Whether the sentence around [start, end) (to a full stop, question or exclamation mark, or a
 * line break, either side) has two words or more in lower case that are not small words ("of",
 * "the", "is"): a sentence, not a title in capitals ("What are the Signs of Colorectal Cancer").
 */
function inLowerCaseSentence(source: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < SENTENCE_REACH && !isSentenceBreak(source.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < source.length && to - end < SENTENCE_REACH && !isSentenceBreak(source.charCodeAt(to))) to++;
  let lower = 0;
  for (const m of (source.slice(from, start) + ' ' + source.slice(end, to)).matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (/^\p{Ll}/u.test(w) && !FUNCTION_WORDS.has(w) && ++lower >= 2) return true;
  }
  return false;
}

function isSentenceBreak(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10 || c === 13;
}

/**
 * The case of the first word after the match in its line, small words passed over ("Hypoglycemia
 * in children", "Hypoglycemia In Children"), undefined when there is none.
 */
function nextWordCase(ctx: MatchContext): 'lower' | 'upper' | undefined {
  const after = /^(?:[ \t]+\p{L}+){1,4}/u.exec(ctx.source.slice(ctx.end, ctx.end + 60))?.[0].trim().split(/[ \t]+/) ?? [];
  return caseOf(after.find((w) => !FUNCTION_WORDS.has(w.toLowerCase())));
}

/** 'upper' for a word with a capital and then a lower-case letter (no acronym), 'lower' for one in lower case. */
function caseOf(word: string | undefined): 'lower' | 'upper' | undefined {
  if (!word) return undefined;
  return /^\p{Lu}\p{Ll}/u.test(word) ? 'upper' : /^\p{Ll}/u.test(word) ? 'lower' : undefined;
}

/** Every word in capitals but the small ones after the first: "low blood sugar" → "Low Blood Sugar", "scans and X-rays" → "Scans and X-rays". */
function titleCased(text: string): string {
  return text.replace(/\p{L}[\p{L}\p{M}'’-]*/gu, (w, at: number) => (at > 0 && FUNCTION_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));
}

/**
 * Whether the replacement would write a word twice: its first word is the word just before the
 * match, or its last the word just after ("we need to in order to respond" → "to to respond").
 * Such a sentence needs the writer: the replacement is offered, not applied.
 */
function doublesWord(ctx: MatchContext, replacement: string): boolean {
  const space = replacement.indexOf(' ');
  const first = space < 0 ? replacement : replacement.slice(0, space);
  const last = space < 0 ? replacement : replacement.slice(replacement.lastIndexOf(' ') + 1);
  if (wordBefore(ctx.source, ctx.start, first) || wordAfter(ctx.source, ctx.end, last)) return true;
  // Or its last words, those the text goes on with: "residential respite in a care home" → "a
  // short stay in a care home in a care home".
  if (space < 0) return false;
  const words = replacement.split(' ');
  for (let k = 2; k <= Math.min(4, words.length - 1); k++) {
    if (wordAfter(ctx.source, ctx.end, words.slice(-k).join(' '))) return true;
  }
  return false;
}

/** A space or a tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whether the character at k is a letter (an ASCII test first: this runs for every finding). */
function letterAt(source: string, k: number): boolean {
  const c = source.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return /\p{L}/u.test(source[k]);
}

/** Whether `word` (any case) is the whole word before `start`, blanks between. */
function wordBefore(source: string, start: number, word: string): boolean {
  let e = start;
  while (e > 0 && isBlank(source.charCodeAt(e - 1))) e--;
  const s = e - word.length;
  if (e === start || s < 0 || (s > 0 && letterAt(source, s - 1))) return false;
  return source.slice(s, e).toLowerCase() === word.toLowerCase();
}

/** Whether `word` (any case) is the whole word after `end`, blanks between. */
function wordAfter(source: string, end: number, word: string): boolean {
  let s = end;
  while (s < source.length && isBlank(source.charCodeAt(s))) s++;
  const e = s + word.length;
  if (s === end || e > source.length || (e < source.length && letterAt(source, e))) return false;
  return source.slice(s, e).toLowerCase() === word.toLowerCase();
}

/**
 * Whether a match that starts with "in" and ends in "of" is followed by a word that is no "-ing"
 * form, or does not follow a form of "be": "we are in the process of updating" loses its "in the
 * process of", but "early on in the process of service design" would lose its meaning ("early on
 * service design"), and so would "at a point in the process of applying". At a sentence's
 * start it may go. Such a left-out is otherwise offered only.
 */
function ofBeforeNoun(ctx: MatchContext): boolean {
  // Phrases such as "in the process of" only: "a total of 5", "the month of May" are left out whatever follows.
  if (!/^in\b.*\bof$/i.test(ctx.actual)) return false;
  const next = /^[ \t\r\n]+(\p{L}+)/u.exec(ctx.source.slice(ctx.end, ctx.end + 40))?.[1];
  if (next === undefined || !/ing$/i.test(next)) return true;
  // And only after a form of "be" ("we are (now) in the process of updating"): after a noun it
  // says where ("at a point in the process of applying" would lose its point).
  // At a sentence's start it leaves a clause: "In the process of updating it, we…" → "Updating it, we…".
  if (ctx.sentenceStart) return false;
  const before = /([\p{L}'\u2019]+)(?:[ \t]+([\p{L}'\u2019]+))?[ \t\r\n]+$/u.exec(ctx.source.slice(Math.max(0, ctx.start - 40), ctx.start));
  if (!before) return true;
  const last = before[2] ?? before[1];
  return !(isBeForm(last) || (before[2] !== undefined && NOW_WORDS.has(last.toLowerCase()) && isBeForm(before[1])));
}

/** A form of "be", or a word ending in its contraction: "is", "were", "we're", "it’s", "I'm". */
function isBeForm(word: string): boolean {
  const w = word.toLowerCase().replace(/\u2019/g, "'");
  return BE_FORMS.has(w) || /'(?:re|s|m)$/.test(w);
}

const BE_FORMS = new Set(['be', 'is', 'are', 'am', 'was', 'were', 'been', 'being']);
/** Words that may stand between "be" and "in the process of": "we are now in the process of". */
const NOW_WORDS = new Set(['now', 'currently', 'still', 'already', 'also', 'presently', 'just']);

/**
 * Whether the match comes right after inline code, a space between: "`@container` queries",
 * "the `npm` packages". The word often names what the code is, in the code's own sense: its
 * replacement is offered, not applied.
 */
function afterCode(ctx: MatchContext): boolean {
  let k = ctx.start;
  while (k > 0 && isBlank(ctx.source.charCodeAt(k - 1))) k--;
  return k < ctx.start && ctx.source.charCodeAt(k - 1) === 96;
}

/** Words that say which one: a replacement with its own article cannot follow them ("whose an underactive thyroid"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'whose', 'their', 'his', 'her', 'its', 'our', 'your', 'my', 'any', 'no', 'some', 'each', 'every']);
/** Verbs with an adjective's ending, that may come before a replacement's article: "is called an underactive thyroid". */
const NOT_MODIFIERS = new Set(['called', 'named', 'termed', 'caused', 'diagnosed', 'developed', 'treated', 'prevent', 'represent', 'resemble']);
/** Adjectives without an adjective's ending, often before a condition: "mild hyperthyroidism". */
const MODIFIERS = new Set(['mild', 'severe', 'new', 'early', 'late', 'overt', 'primary', 'secondary', 'transient', 'small', 'large', 'big', 'slight', 'major', 'minor']);

/**
 * Whether the word before the match (one space between, same line) is a determiner or looks
 * like an adjective (MODIFIERS, or an ending such as -al, -ed, -ent, -ic, -ive or -ous:
 * "congenital", "untreated", "permanent", "subclinical"): a replacement that brings its own
 * article cannot go after it.
 */
function modifiedBefore(ctx: MatchContext): boolean {
  const word = previousWord(ctx);
  if (!word || NOT_MODIFIERS.has(word)) return false;
  return DETERMINERS.has(word) || MODIFIERS.has(word) || /(?:al|ed|ent|ant|ary|ic|ive|ous|ble)$/.test(word);
}

/** The word right before the match, in lower case, one space or tab between; undefined when there is none. */
function previousWord(ctx: MatchContext): string | undefined {
  return /(\p{L}+)[ \t]$/u.exec(ctx.source.slice(Math.max(0, ctx.start - 30), ctx.start))?.[1]?.toLowerCase();
}

/** Words no "a" or "an" goes before: a replacement starting with one is not applied after an article. */
const NO_ARTICLE_BEFORE = new Set(['too', 'some', 'several', 'many', 'much', 'more', 'most', 'few', 'all', 'any', 'no', 'every', 'each', 'enough', 'lots', 'both']);

/** Words that start a clause after a verb such as "make sure": "make sure that…", "make sure you…". */
const CLAUSE_STARTS = new Set(['that', 'i', 'you', 'we', 'they', 'he', 'she', 'it', 'everyone', 'everybody', 'someone', 'somebody', 'nobody', 'no-one', 'there', 'this', 'these', 'those']);

/** Verbs that make what follows a match a clause: "make sure the discussion is focused". */
const CLAUSE_VERBS = new Set([
  'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must',
  'does', 'do', 'did', "isn't", "aren't", "doesn't", "don't", 'gets', 'get', 'stays', 'stay', 'remains', 'remain', 'meets', 'meet', 'works', 'knows', 'know',
]);

/**
 * Whether a clause follows the match in its sentence: its first word is "that" or a pronoun
 * (CLAUSE_STARTS), or one of the next six words, before any punctuation, is a verb such as "is",
 * "can" or "has" (CLAUSE_VERBS). "Ensure compliance with the rules" and "ensure prompt
 * recognition" have none: "make sure" cannot replace their "ensure".
 */
function clauseFollows(ctx: MatchContext): boolean {
  // A line break may wrap the sentence; a blank line ends it.
  if (/^[ \t]*\r?\n[ \t]*\r?\n/.test(ctx.source.slice(ctx.end, ctx.end + 40))) return false;
  const after = /^[ \t]*(?:\r?\n)?[ \t]*([^.,;:!?()\n\r]*(?:\r?\n[ \t]*[^.,;:!?()\n\r]+)?)/u.exec(ctx.source.slice(ctx.end, ctx.end + 80))?.[1] ?? '';
  const words = after.toLowerCase().replace(/\u2019/g, "'").split(/[ \t\r\n]+/).filter(Boolean).slice(0, 6);
  if (words.length === 0) return false;
  // "they're", "it's", "you'll": a pronoun and its verb.
  const first = words[0].replace(/'.*$/, '');
  return CLAUSE_STARTS.has(first) || words.some((w) => CLAUSE_VERBS.has(w));
}

/** Whether an apostrophe follows the match: a possessive, "respondents' views", "the ICB's plan". */
function beforeApostrophe(ctx: MatchContext): boolean {
  const c = ctx.source.charCodeAt(ctx.end);
  return c === 39 || c === 0x2019;
}

/** Whether the match is the first part of a hyphenated compound ("hypoglycemia-associated"). */
function beforeHyphen(ctx: MatchContext): boolean {
  return ctx.source.charCodeAt(ctx.end) === 45 && /^\p{L}/u.test(ctx.source.slice(ctx.end + 1, ctx.end + 3));
}

function replaceWith(spec: ReplacementSpec, ctx: MatchContext, caps: Capitals | undefined, placeDoubtful: boolean): Replacement {
  let inflected = inflectReplacement(spec, ctx.form);
  // After a word that says which one, a replacement brings no article of its own: "a
  // pneumothorax" → "a collapsed lung" (not "an a collapsed lung"), "whose hypothyroidism" →
  // "whose underactive thyroid". The "a" or "an" before is then made to agree.
  const before = startsWithArticle(inflected) ? previousWord(ctx) : undefined;
  if (before !== undefined && DETERMINERS.has(before)) {
    inflected = inflected.slice(inflected.indexOf(' ') + 1);
  }
  let text = applyCase(ctx.actual, inflected, ctx.caseSensitive, ctx.sentenceStart, caps?.own);
  // In a title in capitals, the replacement's words are in capitals too: "Illicit Drug Abuse" →
  // "Illicit Drug Use", not "Illicit Drug use".
  // (Not when the capital was left out: the term's own, or before an article.)
  if (caps?.title && text !== inflected && text.includes(' ')) text = titleCased(text);
  // Words of several before a hyphen break the compound ("low blood sugar-associated"): offered,
  // never applied. One word is fine ("medication-related" → "medicine-related").
  const fixable =
    spec.fixable !== false &&
    !placeDoubtful &&
    !(inflected.includes(' ') && beforeHyphen(ctx)) &&
    // A replacement with a clause in it cannot go before a possessive or a noun it would
    // describe: "respondents' views" → "people who replied' views", "the homeless situation" →
    // "people who are homeless situation". Offered, not applied ("the old age pensioner's card" →
    // "the older person's card" is fine).
    // (A plural is seldom the first part of a compound: "respondents complete the survey".)
    !(/ (?:who|that|which|where|whose) /.test(inflected) && (beforeApostrophe(ctx) || (ctx.form !== 'plural' && nounFollows(ctx)))) &&
    !doublesWord(ctx, inflected) &&
    (spec.before !== 'clause' || clauseFollows(ctx)) &&
    // "an excessive amount" → "a too much amount": no article goes before such words.
    !(ctx.article && NO_ARTICLE_BEFORE.has(inflected.split(' ')[0].toLowerCase())) &&
    // "permanent hypothyroidism" → "permanent an underactive thyroid".
    !(startsWithArticle(inflected) && modifiedBefore(ctx));
  const changed = changedArticle(ctx.source, ctx.article, ctx.start, inflected.split(' ')[0], !ctx.caseSensitive && isShouted(ctx.actual));
  if (changed) {
    // After "A"/"An", the replacement itself is not sentence-initial: keep its own capitals.
    const body = !changed.shouted && changed.text[0] === 'A' && !ctx.caseSensitive ? inflected : text;
    return { text: body, edit: { start: ctx.article!.start, end: ctx.end, newText: changed.text + changed.gap + body }, fixable };
  }
  return { text, edit: { start: ctx.start, end: ctx.end, newText: text }, fixable };
}

/** Spaces, line breaks and the emphasis marks "*", "_" and "~" only. */
function isArticleGap(gap: string): boolean {
  for (let k = 0; k < gap.length; k++) {
    const c = gap.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 42 && c !== 95 && c !== 126) return false;
  }
  return true;
}

/** Words that may follow the last of two words joined by "and": "quickly and easily by eating". */
const PREPOSITIONS = new Set(['by', 'with', 'in', 'on', 'at', 'for', 'to', 'from', 'through', 'using', 'via', 'without', 'as']);

/**
 * The edit that also takes away the "and" or "or" joining the words to another, when leaving it
 * would leave it dangling: "quickly and easily." → "quickly.", "quickly and easily by eating" →
 * "quickly by eating", "can easily and quickly find" → "can quickly find". Not when the words
 * are followed by another word they could qualify: "forgetful and easily confused" keeps its
 * "and" ("forgetful and confused").
 */
function omitWithConjunction(ctx: MatchContext): Replacement['edit'] | undefined {
  const { source, start, end } = ctx;
  const before = /[ \t](?:and|or)[ \t]+$/.exec(source.slice(Math.max(0, start - 6), start));
  if (before) {
    const next = /^[ \t]*(?:([.,;:!?)\]]|$)|(\p{L}+))/u.exec(source.slice(end, end + 16));
    if (next && (next[1] !== undefined || PREPOSITIONS.has(next[2].toLowerCase()))) return { start: start - before[0].length, end, newText: '' };
    return undefined;
  }
  const after = /^[ \t]+(?:and|or)[ \t]+(?=\p{L})/u.exec(source.slice(end, end + 8));
  if (!after) return undefined;
  const from = end + after[0].length;
  if (ctx.sentenceStart) {
    // "Easily and quickly done." → "Quickly done."
    return capitalisedFrom(source, start, from);
  }
  if (start > 0 && (source[start - 1] === ' ' || source[start - 1] === '\t')) return { start, end: from, newText: '' };
  return undefined;
}

/**
 * The edit that takes a comma with the words when the words open a list or a sentence, or end
 * one: "(hereby, therein)" → "(therein)", "Hereby, we agree" → "We agree", "therein, hereby)"
 * → "therein)". A comma left behind ("(, therein") was the fix's own mistake.
 */
function omitFromList(ctx: MatchContext): Replacement['edit'] | undefined {
  const { source, start, end } = ctx;
  const comma = /^,[ \t]*/.exec(source.slice(end, end + 4));
  const before = start > 0 ? source[start - 1] : '';
  if (comma && (ctx.sentenceStart || before === '(' || before === '[' || before === '' || before === '\n')) {
    const from = end + comma[0].length;
    return ctx.sentenceStart ? capitalisedFrom(source, start, from) : { start, end: from, newText: '' };
  }
  if (start >= 2 && source.slice(start - 2, start) === ', ' && /^[,;:)\]]/.test(source.slice(end, end + 1))) return { start: start - 2, end, newText: '' };
  return undefined;
}

/**
 * The edit that removes source[start, from) and puts the character at `from` in capitals (a
 * sentence's new first word). That character is whole: its code point (an astral letter is two
 * code units) and its combining marks, never cut in the middle.
 */
function capitalisedFrom(source: string, start: number, from: number): Replacement['edit'] {
  const first = /^.\p{M}*/su.exec(source.slice(from, from + 32))?.[0] ?? '';
  return { start, end: from + first.length, newText: first.toUpperCase() };
}

/** Remove the words and one space; at a sentence start, capitalise the next word. */
function omitEdit(ctx: MatchContext): Replacement['edit'] {
  const joined = omitWithConjunction(ctx);
  if (joined) return joined;
  const listed = omitFromList(ctx);
  if (listed) return listed;
  const { source, start, end } = ctx;
  // Only across blank space: a gap with punctuation or markup in it ("Overarching. We") must not
  // be deleted.
  if (ctx.sentenceStart && ctx.following && /^\s*$/.test(source.slice(end, ctx.following.gapEnd))) return capitalisedFrom(source, start, ctx.following.gapEnd);
  if (start > 0 && source[start - 1] === ' ') return { start: start - 1, end, newText: '' };
  if (source[end] === ' ') return { start, end: end + 1, newText: '' };
  return { start, end, newText: '' };
}
