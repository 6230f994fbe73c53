/**
 * Passive voice (a hint, off by default): a form of "be" followed by a past participle, with at
 * most two adverbs between ("was reviewed", "will be carefully checked", "are not given").
 * It is a heuristic: it finds forms, not meaning, so it only ever hints.
 */
import { toSource, toSourceEnd } from '../prose.js';
import type { Token } from '../tokenize.js';
import type { Finding, Severity } from '../types.js';
import type { DocumentAnalysis } from '../check.js';

export const PASSIVE_URL = 'https://github.com/plainwords/plainwords/blob/main/docs/readability.md#passive-voice';

const BE = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"]);

const BETWEEN = new Set(['not', 'also', 'always', 'never', 'often', 'usually', 'sometimes', 'then', 'now', 'still', 'all', 'both', 'just', 'only', 'already', 'being', 'been', 'be', 'either', 'rarely', 'normally', 'generally', 'typically']);

const IRREGULAR = new Set(
  (
    'arisen awoken borne born beaten become begun bent bet bid bitten bled blown broken bred brought built burnt bought caught chosen ' +
    'come cost crept cut dealt dug done drawn dreamt drunk driven eaten fallen fed felt fought found fled flown forbidden forgotten ' +
    'forgiven frozen got gotten given gone ground grown hung had heard hidden hit held hurt kept knelt known laid led leant learnt left ' +
    'lent let lain lit lost made meant met paid proven put quit read rid ridden rung risen run said seen sought sold sent set shaken ' +
    'shed shone shot shown shrunk shut sung sunk sat slain slept slid spoken sped spent spun spread stood stolen stuck stung struck ' +
    'sworn swept swum taken taught torn told thought thrown understood undertaken upset woken worn woven won withdrawn written'
  ).split(' '),
);

/** Words in -ed that are mostly adjectives after "be" ("I am worried", "we are based in Leeds" is still flagged). */
const ADJECTIVES = new Set(['interested', 'tired', 'worried', 'concerned', 'pleased', 'scared', 'excited', 'bored', 'married', 'divorced', 'engaged', 'retired', 'qualified', 'experienced', 'skilled', 'talented', 'ashamed', 'embarrassed', 'confused', 'surprised', 'shocked', 'disappointed', 'delighted', 'satisfied', 'relaxed', 'annoyed', 'frightened', 'amazed', 'exhausted', 'injured', 'disabled', 'advanced', 'detailed', 'limited', 'related', 'supposed', 'used', 'need', 'red', 'bed', 'shed', 'hundred', 'sacred', 'wicked', 'naked', 'aged', 'beloved', 'blessed', 'crooked', 'rugged', 'ragged', 'learned']);

function isParticiple(t: Token): boolean {
  const w = t.lower;
  if (IRREGULAR.has(w)) return true;
  return w.length >= 4 && w.endsWith('ed') && !ADJECTIVES.has(w) && !t.hasUpper;
}

/** Passive-voice hints in one chunk of the document. */
export function chunkPassiveFindings(doc: DocumentAnalysis, index: number, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const chunk = doc.chunks[index];
  for (const { block, tokens } of chunk.analysis.blocks) {
    for (let i = 0; i < tokens.length; i++) {
      if (!BE.has(tokens[i].lower)) continue;
      let k = i + 1;
      while (k < tokens.length && k - i <= 3 && tokens[k].joined && tokens[k].sentence === tokens[i].sentence && (BETWEEN.has(tokens[k].lower) || tokens[k].lower.endsWith('ly')) && !isParticiple(tokens[k])) k++;
      const p = tokens[k];
      if (!p || !p.joined || p.sentence !== tokens[i].sentence || !isParticiple(p)) continue;
      // "used to", "supposed to" are not passive; "is based on" and the like still are.
      const start = toSource(block, tokens[i].start) + chunk.start;
      const end = toSourceEnd(block, p.end) + chunk.start;
      const actual = doc.text.slice(start, end);
      out.push({
        ruleId: 'passive-voice',
        start,
        end,
        range: { start: doc.lines.position(start), end: doc.lines.position(end) },
        actual,
        message: `“${actual}” may be passive voice. If you can, say who does what: “we will check your form”, not “your form will be checked”.`,
        severity,
        replacements: [],
        explanation: 'Active sentences are usually shorter and clearer, and they tell the reader who is responsible.',
        url: PASSIVE_URL,
      });
      i = k;
    }
  }
  return out;
}
