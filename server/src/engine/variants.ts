/**
 * Spelling variants generated from a dictionary term: British and American spellings of a word,
 * and hyphen, space and closed forms of a compound. Only literal strings come out.
 */

/** Words whose -ise ending is not the -ise/-ize suffix. */
const ISE_EXCEPTIONS = new Set([
  'advise', 'advertise', 'apprise', 'arise', 'chastise', 'circumcise', 'comprise', 'compromise', 'demise',
  'despise', 'devise', 'disguise', 'enterprise', 'excise', 'exercise', 'franchise', 'improvise', 'incise',
  'merchandise', 'premise', 'prise', 'promise', 'revise', 'rise', 'supervise', 'surmise', 'surprise',
  'televise', 'wise', 'likewise', 'otherwise', 'noise', 'poise', 'praise', 'raise', 'cruise', 'bruise',
  'precise', 'concise', 'expertise', 'paradise', 'treatise', 'guise', 'anise', 'valise', 'reprise',
]);

/** British ↔ American variants of one lower-case word (including the word itself). */
export function spellingVariants(word: string): string[] {
  const out = new Set<string>([word]);
  const add = (w: string) => out.add(w);
  // -ise/-ize and inflections: utilise, utilised, utilises, utilising, utilisation.
  const ise = /^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (ise && !ISE_EXCEPTIONS.has(ise[1] + 'ise')) add(`${ise[1]}iz${ise[2]}`);
  const ize = /^(.{3,})iz(e|es|ed|ing|ation|ations|er|ers)$/.exec(word);
  if (ize) add(`${ize[1]}is${ize[2]}`);
  // -yse/-yze: analyse.
  const yse = /^(.{2,})ys(e|es|ed|ing)$/.exec(word);
  if (yse) add(`${yse[1]}yz${yse[2]}`);
  // ae / oe in medical words: anaemia, paediatric, haemorrhage, oedema, oesophagus, diarrhoea.
  for (const [uk, us] of [['ae', 'e'], ['oe', 'e']] as const) {
    if (word.length > 5 && word.includes(uk)) {
      const idx = word.indexOf(uk);
      // Keep the digraph at the very start of short particles out (e.g. "does" is not a term).
      if (idx >= 0) add(word.slice(0, idx) + us + word.slice(idx + 2));
      add(word.split(uk).join(us));
    }
  }
  // -our/-or: behaviour, colour, favour (not four, hour, your, our).
  const our = /^(.{3,})our(s|ed|ing|al|able|ite|ites)?$/.exec(word);
  if (our) add(`${our[1]}or${our[2] ?? ''}`);
  // -tre/-ter: centre, litre, metre, theatre.
  const tre = /^(.{3,})tre(s|d)?$/.exec(word);
  if (tre) add(`${tre[1]}ter${tre[2] === 'd' ? 'ed' : tre[2] ?? ''}`);
  // -ogue/-og: dialogue, catalogue.
  const ogue = /^(.{3,})ogue(s)?$/.exec(word);
  if (ogue) add(`${ogue[1]}og${ogue[2] ?? ''}`);
  // -lled/-lling (British) vs -led/-ling (American): travelled, cancelling.
  const lled = /^(.{2,}[aeiou])ll(ed|ing|er|ers)$/.exec(word);
  if (lled) add(`${lled[1]}l${lled[2]}`);
  // -ence/-ense nouns: licence, defence, offence.
  const ence = /^(lic|def|off|pret)ence(s)?$/.exec(word);
  if (ence) add(`${ence[1]}ense${ence[2] ?? ''}`);
  // programme → program only as a closed list would be wrong (computer program); skip.
  return [...out];
}
