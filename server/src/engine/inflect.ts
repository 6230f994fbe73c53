/**
 * English inflection for dictionary terms and their replacements.
 *
 * Two jobs with different needs:
 * - matching: every plausible spelling of a form (over-generation is harmless, because a
 *   spelling that is not a word never occurs in text);
 * - replacing: the one right spelling of a form of an everyday word ("use" → "used").
 */
import type { FormClass, Forms } from './types.js';

/** Common irregular verbs: base → [past, participle]. Facts of English grammar. */
const IRREGULAR_VERBS: Record<string, [string, string]> = {
  arise: ['arose', 'arisen'], be: ['was', 'been'], bear: ['bore', 'borne'], beat: ['beat', 'beaten'],
  become: ['became', 'become'], begin: ['began', 'begun'], bend: ['bent', 'bent'], bind: ['bound', 'bound'],
  bite: ['bit', 'bitten'], bleed: ['bled', 'bled'], blow: ['blew', 'blown'], break: ['broke', 'broken'],
  breed: ['bred', 'bred'], bring: ['brought', 'brought'], build: ['built', 'built'], burn: ['burnt', 'burnt'],
  buy: ['bought', 'bought'], catch: ['caught', 'caught'], choose: ['chose', 'chosen'], come: ['came', 'come'],
  cost: ['cost', 'cost'], cut: ['cut', 'cut'], deal: ['dealt', 'dealt'], dig: ['dug', 'dug'], do: ['did', 'done'],
  draw: ['drew', 'drawn'], drink: ['drank', 'drunk'], drive: ['drove', 'driven'], eat: ['ate', 'eaten'],
  fall: ['fell', 'fallen'], feed: ['fed', 'fed'], feel: ['felt', 'felt'], fight: ['fought', 'fought'],
  find: ['found', 'found'], fly: ['flew', 'flown'], forbid: ['forbade', 'forbidden'], forget: ['forgot', 'forgotten'],
  forgive: ['forgave', 'forgiven'], freeze: ['froze', 'frozen'], get: ['got', 'got'], give: ['gave', 'given'],
  go: ['went', 'gone'], grow: ['grew', 'grown'], hang: ['hung', 'hung'], have: ['had', 'had'], hear: ['heard', 'heard'],
  hide: ['hid', 'hidden'], hit: ['hit', 'hit'], hold: ['held', 'held'], hurt: ['hurt', 'hurt'], keep: ['kept', 'kept'],
  know: ['knew', 'known'], lay: ['laid', 'laid'], lead: ['led', 'led'], lean: ['leant', 'leant'], learn: ['learnt', 'learnt'],
  leave: ['left', 'left'], lend: ['lent', 'lent'], let: ['let', 'let'], lie: ['lay', 'lain'], light: ['lit', 'lit'],
  lose: ['lost', 'lost'], make: ['made', 'made'], mean: ['meant', 'meant'], meet: ['met', 'met'], pay: ['paid', 'paid'],
  put: ['put', 'put'], quit: ['quit', 'quit'], read: ['read', 'read'], rid: ['rid', 'rid'], ride: ['rode', 'ridden'],
  ring: ['rang', 'rung'], rise: ['rose', 'risen'], run: ['ran', 'run'], say: ['said', 'said'], see: ['saw', 'seen'],
  seek: ['sought', 'sought'], sell: ['sold', 'sold'], send: ['sent', 'sent'], set: ['set', 'set'], shake: ['shook', 'shaken'],
  shine: ['shone', 'shone'], shoot: ['shot', 'shot'], show: ['showed', 'shown'], shut: ['shut', 'shut'], sing: ['sang', 'sung'],
  sink: ['sank', 'sunk'], sit: ['sat', 'sat'], sleep: ['slept', 'slept'], slide: ['slid', 'slid'], speak: ['spoke', 'spoken'],
  spend: ['spent', 'spent'], split: ['split', 'split'], spread: ['spread', 'spread'], stand: ['stood', 'stood'],
  steal: ['stole', 'stolen'], stick: ['stuck', 'stuck'], sting: ['stung', 'stung'], strike: ['struck', 'struck'],
  swear: ['swore', 'sworn'], sweep: ['swept', 'swept'], swim: ['swam', 'swum'], swing: ['swung', 'swung'],
  take: ['took', 'taken'], teach: ['taught', 'taught'], tear: ['tore', 'torn'], tell: ['told', 'told'],
  think: ['thought', 'thought'], throw: ['threw', 'thrown'], understand: ['understood', 'understood'],
  undertake: ['undertook', 'undertaken'], upset: ['upset', 'upset'], wake: ['woke', 'woken'], wear: ['wore', 'worn'],
  win: ['won', 'won'], withdraw: ['withdrew', 'withdrawn'], write: ['wrote', 'written'], oversee: ['oversaw', 'overseen'],
  overcome: ['overcame', 'overcome'], undergo: ['underwent', 'undergone'], foresee: ['foresaw', 'foreseen'],
  stride: ['strode', 'stridden'], spin: ['spun', 'spun'], bid: ['bid', 'bid'], broadcast: ['broadcast', 'broadcast'],
  forecast: ['forecast', 'forecast'], input: ['input', 'input'], output: ['output', 'output'],
};

const IRREGULAR_THIRD: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };

/** Irregular plurals: singular → plural. */
const IRREGULAR_PLURALS: Record<string, string> = {
  person: 'people', child: 'children', man: 'men', woman: 'women', foot: 'feet', tooth: 'teeth',
  mouse: 'mice', criterion: 'criteria', phenomenon: 'phenomena', analysis: 'analyses', diagnosis: 'diagnoses',
  prognosis: 'prognoses', crisis: 'crises', thesis: 'theses', basis: 'bases', index: 'indices',
  appendix: 'appendices', medium: 'media', datum: 'data', life: 'lives', knife: 'knives', wife: 'wives',
  half: 'halves', self: 'selves', leaf: 'leaves', shelf: 'shelves', thief: 'thieves', calf: 'calves',
  staff: 'staff', sheep: 'sheep', series: 'series', species: 'species', information: 'information',
  advice: 'advice', equipment: 'equipment', feedback: 'feedback', research: 'research', news: 'news',
  stimulus: 'stimuli', nucleus: 'nuclei', fungus: 'fungi', bacterium: 'bacteria', vertebra: 'vertebrae',
  larva: 'larvae', formula: 'formulae', ovum: 'ova', embryo: 'embryos', foetus: 'foetuses', fetus: 'fetuses',
};

/** Words never inflected inside phrases (function words). */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'onto', 'upon', 'as',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'than', 'that', 'this', 'these', 'those', 'it', 'its', 'is',
  'are', 'be', 'was', 'were', 'not', 'no', 'off', 'up', 'down', 'out', 'over', 'under', 'about', 'per', 'via',
  'our', 'your', 'their', 'my', 'his', 'her', 'we', 'you', 'they', 'he', 'she', 'who', 'which', 'what',
]);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowel = (c: string) => VOWELS.has(c);
const isConsonant = (c: string) => c >= 'a' && c <= 'z' && !VOWELS.has(c);

/** Rough syllable count, enough to decide consonant doubling. */
function vowelGroups(word: string): number {
  let groups = 0;
  let inGroup = false;
  for (const c of word) {
    const v = isVowel(c) || c === 'y';
    if (v && !inGroup) groups++;
    inGroup = v;
  }
  if (word.endsWith('e') && !word.endsWith('le') && groups > 1) groups--;
  return groups;
}

/** Ends consonant-vowel-consonant (not w, x, y): "stop", "plan", "refer". */
function endsCVC(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const [a, b, c] = [word[n - 3], word[n - 2], word[n - 1]];
  return isConsonant(a) && isVowel(b) && isConsonant(c) && !'wxy'.includes(c);
}

/** Stressed-final multi-syllable verbs that double: commit → committed. */
const DOUBLING_VERBS = new Set([
  'commit', 'admit', 'submit', 'permit', 'omit', 'emit', 'transmit', 'refer', 'prefer', 'confer', 'defer',
  'occur', 'recur', 'incur', 'control', 'patrol', 'compel', 'expel', 'propel', 'regret', 'forget', 'begin',
  'equip', 'excel', 'rebut', 'abet', 'upset', 'outfit', 'unpin', 'acquit', 'deter', 'infer', 'concur', 'transfer', 'embed', 'overlap',
]);

/** Should the final consonant double before -ed / -ing (British spelling)? */
function doubles(word: string): boolean {
  if (!endsCVC(word)) return false;
  if (DOUBLING_VERBS.has(word)) return true;
  // British English doubles a final l after a single vowel: travel → travelled, cancel → cancelled.
  if (word.endsWith('l') && !word.endsWith('ll') && isVowel(word[word.length - 2]) && !isVowel(word[word.length - 3])) return true;
  return vowelGroups(word) === 1;
}

function sForm(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';
  if (word.endsWith('y') && word.length > 1 && isConsonant(word[word.length - 2])) return word.slice(0, -1) + 'ies';
  if (word.endsWith('o') && word.length > 1 && isConsonant(word[word.length - 2]) && ['go', 'do', 'veto', 'echo', 'tomato', 'potato', 'hero'].includes(word)) return word + 'es';
  return word + 's';
}

function edForm(word: string): string {
  if (word.endsWith('e')) return word + 'd';
  if (word.endsWith('y') && word.length > 1 && isConsonant(word[word.length - 2])) return word.slice(0, -1) + 'ied';
  if (word.endsWith('c') && ['panic', 'picnic', 'traffic', 'mimic'].includes(word)) return word + 'ked';
  if (doubles(word)) return word + word[word.length - 1] + 'ed';
  return word + 'ed';
}

function ingForm(word: string): string {
  if (word.endsWith('ie')) return word.slice(0, -2) + 'ying';
  if (word.endsWith('e') && !word.endsWith('ee') && !word.endsWith('ye') && !word.endsWith('oe') && word.length > 2) return word.slice(0, -1) + 'ing';
  if (word.endsWith('c') && ['panic', 'picnic', 'traffic', 'mimic'].includes(word)) return word + 'king';
  if (doubles(word)) return word + word[word.length - 1] + 'ing';
  return word + 'ing';
}

/** The one correct spelling of a form of an everyday word (for replacements). */
export function inflectWord(word: string, form: FormClass): string {
  if (form === 'base') return word;
  const lower = word.toLowerCase();
  const keep = (out: string) => matchCase(word, out);
  switch (form) {
    case 'plural': {
      const irregular = IRREGULAR_PLURALS[lower];
      if (irregular) return keep(irregular);
      return keep(sForm(lower));
    }
    case 'third':
      return keep(IRREGULAR_THIRD[lower] ?? sForm(lower));
    case 'past':
      return keep(IRREGULAR_VERBS[lower]?.[0] ?? edForm(lower));
    case 'participle':
      return keep(IRREGULAR_VERBS[lower]?.[1] ?? edForm(lower));
    case 'gerund':
      return keep(ingForm(lower));
  }
}

/** Copy the capitals of `model` (all caps or initial capital) onto `text`. */
function matchCase(model: string, text: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return text.toUpperCase();
  if (model[0] && model[0] !== model[0].toLowerCase()) return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}

/** All plausible spellings of a word in a form class, for matching. */
export function formsForMatching(word: string, form: FormClass, overrides?: Forms): string[] {
  if (form === 'base') return [word];
  const out = new Set<string>();
  const override = overrides?.[form as keyof Forms];
  if (override) out.add(override);
  const lower = word.toLowerCase();
  switch (form) {
    case 'plural':
      if (IRREGULAR_PLURALS[lower]) out.add(IRREGULAR_PLURALS[lower]);
      out.add(sForm(lower));
      if (lower.endsWith('sis')) out.add(lower.slice(0, -3) + 'ses');
      break;
    case 'third':
      out.add(IRREGULAR_THIRD[lower] ?? sForm(lower));
      break;
    case 'past':
    case 'participle': {
      const irregular = IRREGULAR_VERBS[lower];
      if (irregular) out.add(form === 'past' ? irregular[0] : irregular[1]);
      out.add(edForm(lower));
      // Over-generate doubling both ways (target → targeted, refer → referred); a non-word never matches.
      if (endsCVC(lower)) {
        out.add(lower + 'ed');
        out.add(lower + lower[lower.length - 1] + 'ed');
      }
      break;
    }
    case 'gerund':
      out.add(ingForm(lower));
      if (endsCVC(lower)) {
        out.add(lower + 'ing');
        out.add(lower + lower[lower.length - 1] + 'ing');
      }
      break;
  }
  // Keep acronym capitals: ICB → ICBs.
  if (word !== lower && word === word.toUpperCase()) {
    return [...out].map((s) => (form === 'plural' || form === 'third' ? word + 's' : s.toUpperCase()));
  }
  return [...out];
}

export const NOUN_FORMS: FormClass[] = ['plural'];
export const VERB_FORMS: FormClass[] = ['third', 'past', 'participle', 'gerund'];

const WH_WORDS = new Set(['what', 'how', 'who', 'where', 'when', 'why', 'which', 'whether']);

/**
 * Words before "of" that are no noun taking the plural: "instead of", "one of", "most of", "hard
 * of hearing", "short of breath", and "lack of", which has none.
 */
const NOT_HEAD_BEFORE_OF = new Set([
  'instead', 'because', 'ahead', 'outside', 'inside', 'regardless', 'irrespective', 'one', 'each', 'all', 'most', 'some', 'any', 'none',
  'both', 'many', 'few', 'several', 'more', 'less', 'much', 'part', 'lack', 'hard', 'short', 'full', 'free', 'aware', 'capable', 'afraid',
  'sure', 'tired', 'sick', 'proud', 'fond', 'unaware', 'independent',
]);

/**
 * The word of a noun phrase that takes the plural: the last ("care plans"), but the word before
 * "of" when the phrase has one ("periods of time", "good ways of working", "minimum numbers of
 * members"). After a word such as "out" ("out of area placements") the last word again; -1 when
 * no word takes it ("lack of energy", "hard of hearing", "instead of", "what works well").
 */
export function nounHead(words: string[]): number {
  // A clause ("what works well", "how to get help") has no plural.
  if (words.length > 1 && WH_WORDS.has(words[0].toLowerCase())) return -1;
  const of = words.findIndex((w, i) => i > 0 && i < words.length - 1 && w.toLowerCase() === 'of');
  if (of > 0) {
    const before = words[of - 1].toLowerCase();
    if (NOT_HEAD_BEFORE_OF.has(before)) return -1;
    if (!FUNCTION_WORDS.has(before)) return of - 1;
  }
  return words.length - 1;
}
