// Clarity rules: long sentences, acronyms (glossary and unknown), passive voice, audiences.
import { describe, expect, it } from 'vitest';
import { analyseDocument, applyFixes, audienceForPath, check, matchGlob, scoredBlocks, type CheckOptions, type Finding } from '../../server/src/engine/index.js';
import { tinyDictionary } from '../support/engine.js';

const dict = tinyDictionary([
  { id: 'icb', kind: 'acronym', category: 'acronym', terms: ['ICB'], expansion: 'integrated care board' },
  { id: 'pcn', kind: 'acronym', category: 'acronym', terms: ['PCN'], expansion: 'primary care network' },
  { id: 'nhs', kind: 'acronym', category: 'acronym', terms: ['NHS'], expansion: 'National Health Service', noExpansion: true },
  { id: 'gp', kind: 'acronym', category: 'acronym', terms: ['GP'], expansion: 'general practitioner', noExpansion: true },
  { id: 'a-and-e', kind: 'acronym', category: 'acronym', terms: ['A&E'], expansion: 'accident and emergency', noExpansion: true },
  { id: 'ed', kind: 'acronym', category: 'acronym', terms: ['ED'], expansion: 'emergency department', unless: { near: ['erectile'] } },
  { id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] },
  { id: 'sdc', kind: 'acronym', category: 'acronym', terms: ['SDC'], expansion: 'step-down care' },
  { id: 'step-down', terms: ['step-down care'], inflect: 'none', replacements: ['care after hospital'], audiences: { public: 'error', staff: 'off' } },
  { id: 'icb-plan', terms: ['ICB plan'], inflect: 'noun', replacements: ['local health plan'] },
  { id: 'pcn-hub', terms: ['PCN hub'], inflect: 'noun', action: 'explain', replacements: ['a shared clinic of local GP surgeries'] },
  { id: 'tb', kind: 'acronym', category: 'acronym', terms: ['TB'], expansion: 'tuberculosis' },
  { id: 'mi', kind: 'acronym', category: 'acronym', terms: ['MI'], expansion: 'myocardial infarction' },
]);

const run = (text: string, options: Partial<CheckOptions> = {}) => check(text, { dictionary: dict, ...options });
const byRule = (rule: string, text: string, options: Partial<CheckOptions> = {}): Finding[] => run(text, options).findings.filter((f) => f.ruleId === rule);
const acronyms = (text: string, options: Partial<CheckOptions> = {}) => byRule('acronym', text, options).map((f) => [f.actual, f.entryId ?? null, f.severity]);

describe('long sentences', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Word' : 'word')).join(' ') + '.';

  it('flags a sentence over 25 words, with the word count in the message', () => {
    expect(byRule('long-sentence', words(25))).toEqual([]);
    const [f] = byRule('long-sentence', `Short one. ${words(26)} Another short one.`);
    expect(f.message).toContain('26 words');
    expect(f.message).toContain('25 words or fewer');
    expect(f.actual).toBe(words(26));
    expect(f.severity).toBe('warning');
    expect(f.range.start).toEqual({ line: 0, character: 11 });
  });

  it('ends a sentence at an HTML line break, as at a markdown one', () => {
    const two = (br: string) => `${words(20)}${br}${words(20)}`;
    for (const br of ['<br>', '<br/>', '<BR />', '</br>', '<br><br>', '\\\n']) expect(byRule('long-sentence', two(br)), br).toEqual([]);
    expect(byRule('long-sentence', `| a |\n| --- |\n| ${two('<br>')} |`)).toEqual([]);
    expect(byRule('long-sentence', `Some *emphasis* and [a link](x). ${two('<br>')}`)).toEqual([]);
    // Other HTML stands for something that is not a sentence end.
    expect(byRule('long-sentence', two('<span></span>'))).toHaveLength(1);
    // A line break with no full stop before it does not end the sentence, and a line ending
    // before the tag makes two line breaks, which do, with any line endings (a lone "\r" too).
    expect(byRule('long-sentence', `${words(20).slice(0, -1)}<br>${words(20)}`)).toHaveLength(1);
    for (const eol of ['\n', '\r\n', '\r']) expect(byRule('long-sentence', `${words(20).slice(0, -1)}${eol}<br> ${words(20)}`), JSON.stringify(eol)).toEqual([]);
    // Reports give it as a line break, "\n", in sentences, headings and paragraphs alike.
    const doc = '# Head<br>ing\n\nLine one<br>line two and some more words.';
    const report = JSON.stringify(run(doc).readability);
    expect(report).not.toContain('\u2028');
    expect(report).toContain(JSON.stringify('Line one\nline two and some more words.'));
    expect(scoredBlocks(analyseDocument(doc, { dictionary: dict })).map((b) => b.text)).toEqual(['Head\ning', 'Line one\nline two and some more words.']);
  });

  it('follows config longSentence and rule severity', () => {
    expect(byRule('long-sentence', words(12), { config: { longSentence: 10 } }).map((f) => f.message)).toEqual([expect.stringContaining('12 words')]);
    expect(byRule('long-sentence', words(40), { config: { rules: { 'long-sentence': 'off' } } })).toEqual([]);
    expect(byRule('long-sentence', words(40), { config: { rules: { 'long-sentence': 'error' } } })[0].severity).toBe('error');
  });

  it('counts a heading and a list item as their own sentences, never run together', () => {
    const doc = ['# ' + words(15).slice(0, -1), '', words(15), '', '- ' + words(15).slice(0, -1), '- ' + words(15).slice(0, -1)].join('\n');
    expect(byRule('long-sentence', doc)).toEqual([]);
  });

  it('counts a hyphenated word as one word and leaves code and URLs out', () => {
    const base = Array.from({ length: 24 }, () => 'co-production').join(' ');
    expect(byRule('long-sentence', `${base} \`some code here\` https://example.org/a/b/c.`)).toEqual([]);
    expect(byRule('long-sentence', `${base} one two.`)[0].message).toContain('26 words');
  });

  it('does not end a sentence at "Dr." or before a lower-case word', () => {
    const text = 'See Dr. Patel or Dr. Jones today, e.g. on Monday, or approx. ten days later at the clinic in town with your letter and the form you filled in.';
    const [f] = byRule('long-sentence', text);
    expect(f.actual).toBe(text);
  });

  it('can be switched off for a region with a suppression comment', () => {
    const doc = `<!-- plainwords-disable long-sentence -->\n\n${words(30)}\n\n<!-- plainwords-enable long-sentence -->\n\n${words(30)}`;
    expect(byRule('long-sentence', doc)).toHaveLength(1);
  });
});

describe('acronyms from the glossary', () => {
  it('flags the first unexplained use and fixes it with the expansion', () => {
    const text = 'Ask your ICB. The ICB will reply.';
    const fs = byRule('acronym', text);
    expect(fs.map((f) => f.actual)).toEqual(['ICB']);
    expect(applyFixes(text, [fs[0].replacements[0].edit]).text).toBe('Ask your integrated care board (ICB). The ICB will reply.');
  });

  it('accepts both explanation orders and plurals', () => {
    expect(acronyms('The integrated care board (ICB) met. The ICB agreed.')).toEqual([]);
    expect(acronyms('The ICB (integrated care board) met. The ICB agreed.')).toEqual([]);
    expect(acronyms('Integrated care boards (ICBs) met. ICBs agreed.')).toEqual([]);
    expect(acronyms('All ICBs met.')).toEqual([['ICBs', 'icb', 'warning']]);
    const fixed = byRule('acronym', 'All ICBs met.')[0].replacements[0].text;
    expect(fixed).toBe('integrated care boards (ICBs)');
  });

  it('leaves an acronym inside a longer phrase flagged as a whole to that phrase: the longest match wins', () => {
    const found = run('Read the ICB plans. Ask the ICB.').findings.map((f) => [f.ruleId, f.entryId, f.actual]);
    // The later bare use is the first use to explain; the phrase is flagged once, not also its acronym.
    expect(found).toEqual([
      ['jargon', 'icb-plan', 'ICB plans'],
      ['acronym', 'icb', 'ICB'],
    ]);
    expect(run('Read the ICB plans.').findings.map((f) => f.entryId)).toEqual(['icb-plan']);
    // A term to explain too, at its first use and at later ones (only the first is flagged).
    expect(run('Go to the PCN hub. The PCN hub opens. Ask the PCN.').findings.map((f) => [f.entryId, f.actual])).toEqual([
      ['pcn-hub', 'PCN hub'],
      ['pcn', 'PCN'],
    ]);
  });

  it('flags a use before the explanation', () => {
    expect(acronyms('The ICB met. Later: the integrated care board (ICB) agreed.')).toEqual([['ICB', 'icb', 'warning']]);
  });

  it('reads an acronym in one sense per document: after a use its context words excuse, later uses are not flagged', () => {
    expect(acronyms('Erectile dysfunction (ED) is common. ED can be treated.')).toEqual([]);
    expect(acronyms('Ask about ED and erectile problems.\n\nED is treatable.')).toEqual([]);
    // In the glossary's sense the first use is flagged, as always; so is a use before the other sense appears.
    expect(acronyms('Go to the ED. Later: erectile dysfunction (ED).')).toEqual([['ED', 'ed', 'warning']]);
    expect(acronyms('Go to the ED.')).toEqual([['ED', 'ed', 'warning']]);
    // The sense belongs to that acronym only.
    expect(acronyms('Erectile dysfunction (ED) is common. Ask the ICB.')).toEqual([['ICB', 'icb', 'warning']]);
  });

  it('accepts an explanation in the document’s own glossary table, wherever it is', () => {
    const doc = ['Ask the ICB or your PCN.', '', '## Glossary', '', '| Term | Meaning |', '| --- | --- |', '| ICB | integrated care board |', '| PCN | primary care network |'].join('\n');
    expect(acronyms(doc)).toEqual([]);
    // A table that does not pair the acronym with words is not a glossary.
    const notGlossary = ['Ask the ICB.', '', '| ICB | 2024 |', '| --- | --- |', '| 1 | 2 |'].join('\n');
    expect(acronyms(notGlossary)).toEqual([['ICB', 'icb', 'warning']]);
  });

  it('accepts "ICB stands for …" and "ICB is short for …" where the acronym is used', () => {
    expect(acronyms('The ICB stands for integrated care board. Ask the ICB.')).toEqual([]);
    expect(acronyms('GUM is short for genito-urinary medicine.')).toEqual([]);
    expect(acronyms('TLC stands for Therapeutic Lifestyle Changes. It is a plan.')).toEqual([]);
    expect(acronyms('QXZ means quality exchange zone here.')).toEqual([]);
    expect(acronyms('PCN is an abbreviation for primary care network.')).toEqual([]);
    // Words that do not start with its letter, or none after the verb, or a later sentence.
    expect(acronyms('QXZ means that it is late.')).toEqual([['QXZ', null, 'info']]);
    expect(acronyms('What the ICB stands for.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('Ask the ICB. It stands for integrated care board.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('The ICB stands for. Integrated care boards meet.')).toEqual([['ICB', 'icb', 'warning']]);
  });

  it('accepts an abbreviation definition (*[ICB]: …), which sites show as the title of every use', () => {
    // Definitions go anywhere, often at the end (an include); the known and the unknown alike.
    const doc = ['Ask the ICB or your QXZ team.', '', 'The ICBs meet.', '', '*[ICB]: integrated care board', '*[QXZ]: Quality Exchange Zone'].join('\n');
    expect(acronyms(doc)).toEqual([]);
    expect(acronyms(doc.split('\n\n*[')[0])).toEqual([['ICB', 'icb', 'warning'], ['QXZ', null, 'info']]);
    expect(acronyms(['*[ICB]: integrated care board', '', 'Ask the ICB.'].join('\n'))).toEqual([]);
    // Only the acronyms it defines, only with words, and only as a definition on a line of its own.
    expect(acronyms(['Ask the ICB or your QXZ team.', '', '*[QXZ]: Quality Exchange Zone'].join('\n'))).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms(['Ask the ICB.', '', '*[ICB]: 2024'].join('\n'))).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('Ask the ICB. See *[ICB]: integrated care board')).toEqual([['ICB', 'icb', 'warning']]);
    // Plain text has no such definitions.
    expect(acronyms(['Ask the ICB.', '', '*[ICB]: integrated care board'].join('\n'), { format: 'text' })).toEqual([['ICB', 'icb', 'warning']]);
  });

  it('leaves the capitals of a pronunciation guide alone: their fix would write into the word', () => {
    // Capitals mark the stressed syllable: "hemoglobin (HEE-muh-glow-bin)", "mitral (MI-trul)".
    expect(acronyms('It is called ICB-muh-glow-bin by some.')).toEqual([]);
    expect(acronyms('Atrial fibrillation (A-tre-al fi-bri-ICB-shun) is common.')).toEqual([]);
    expect(acronyms("The heart's mitral (ICB-trul) valve.")).toEqual([]);
    expect(acronyms('Chorionic villus (ko-re-ON-ik ICB-us) sampling.')).toEqual([]);
    expect(acronyms('Polycythemia vera (PCN-rah or ICB-rah) is rare.')).toEqual([]);
    // Not a guide: parts joined by "to", a prefix, an inflected word, no lower case, digits, a
    // bracket that holds other words, or two parts outside brackets.
    expect(acronyms('An ICB-to-PCN transfer.')).toEqual([['ICB', 'icb', 'warning'], ['PCN', 'pcn', 'warning']]);
    expect(acronyms('It works (anti-ICB) here.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('It works (ICB-based) here.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('It works (ICB-PCN) here.')).toEqual([['ICB', 'icb', 'warning'], ['PCN', 'pcn', 'warning']]);
    expect(acronyms('It works (ICB-trul therapy) here.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('The ICB-trul unit.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('The ICB-19-trul unit.')).toEqual([['ICB', 'icb', 'warning']]);
  });

  it('never flags acronyms everyone knows', () => {
    expect(acronyms('See your GP or go to A&E. The NHS can help.')).toEqual([]);
  });

  it('flags nothing inside the expansion written beside the acronym, before or after it', () => {
    const jargon = (text: string) => byRule('jargon', text).map((f) => f.actual);
    expect(jargon('Ask about SDC (step-down care) today.')).toEqual([]);
    expect(jargon('Ask about step-down care (SDC) today.')).toEqual([]);
    expect(jargon('Ask about step-down care today.')).toEqual(['step-down care']);
    expect(jargon('Ask about SDC, or step-down care, today.')).toEqual(['step-down care']);
  });
});

describe('unknown acronyms', () => {
  it('flags the first use of an acronym not in the glossary, at info, with advice and no fix', () => {
    const fs = byRule('acronym', 'The SDEC unit is open. The SDEC unit closes at 8pm.');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ actual: 'SDEC', severity: 'info', replacements: [] });
    expect(fs[0].entryId).toBeUndefined();
    expect(fs[0].message).toMatch(/Spell out “SDEC”/);
  });

  it('counts words that spell the acronym just before "or", "called", "known as" or "referred to as"', () => {
    expect(acronyms('Same day emergency care, or SDEC, is open. SDEC closes at 8pm.')).toEqual([]);
    expect(acronyms('Same day emergency care, also called SDEC, is open.')).toEqual([]);
    expect(acronyms('Same day emergency care (a hospital unit), sometimes known as an SDEC, is open.')).toEqual([]);
    expect(acronyms('Same day emergency care, often referred to as SDEC, is open.')).toEqual([]);
    expect(acronyms('Same day emergency care, referred to as SDEC, is open.')).toEqual([]);
    expect(acronyms('Care plans, referred to as SDEC, help.')).toEqual([['SDEC', null, 'info']]);
    expect(acronyms('Care plans, or SDEC, help.')).toEqual([['SDEC', null, 'info']]);
    expect(acronyms('Same day emergency care. Or SDEC.')).toEqual([['SDEC', null, 'info']]);
    expect(acronyms('Same day emergency care or the SDEC ward.')).toEqual([]);
    expect(acronyms('Same day emergency care or the SDECs.')).toEqual([]);
    // A glossary acronym spelled out that way counts too.
    expect(acronyms('The integrated care board, or ICB, met.')).toEqual([]);
    // One word may spell several letters, in order: P and C in "polycystic", E, C and G in
    // "electrocardiogram"; the letters must all be there.
    expect(acronyms('You have polycystic ovary syndrome, also called PCOS.')).toEqual([]);
    expect(acronyms('Your electrocardiogram, or ECG, is normal.')).toEqual([]);
    expect(acronyms('Your cardiogram, or ECG, is normal.')).toEqual([['ECG', null, 'info']]);
    expect(acronyms('You have ovary syndrome, also called PCOS.')).toEqual([['PCOS', null, 'info']]);
  });

  it('accepts "transient ischemic attacks (TIAs, also…)" and "an electrocardiogram (EKG or ECG)" when the words before the bracket spell it', () => {
    expect(acronyms('It raises the risk of transient ischemic attacks (TIAs, also known as mini-strokes). TIAs pass.')).toEqual([]);
    // A glossary acronym spelled by other words than its expansion ("primary care network").
    expect(acronyms('Practice care networks (PCNs, which group practices) met.')).toEqual([]);
    expect(acronyms('Practice groups (PCNs, which group practices) met.')).toEqual([['PCNs', 'pcn', 'warning']]);
    expect(acronyms('Tests include an electrocardiogram (EKG or ECG) and an x-ray.')).toEqual([['EKG', null, 'info']]);
    expect(acronyms('Tests include an electrocardiogram (EKG, ECG) and an x-ray.')).toEqual([['EKG', null, 'info']]);
    expect(acronyms('Tests include electrocardiograms (EKGs or ECGs) and x-rays.')).toEqual([['EKGs', null, 'info']]);
    expect(acronyms('Same day emergency care (SDEC; open daily) helps.')).toEqual([]);
    // Part of a reference code joined by slashes, with a number, is no acronym; without a number it may be.
    const unknown = (text: string) => acronyms(text).map(([actual]) => actual);
    expect(unknown('It was approved (REC reference 24/LO/0001).')).toEqual(['REC']);
    expect(unknown('Quote HR/QZ/2024 when you write.')).toEqual([]);
    expect(unknown('We tested it with QZ/XW users.')).toEqual(['QZ', 'XW']);
    // A word in capitals that the dictionary itself writes in lower case (its explanations and
    // suggestions) is shouted, not an acronym: "URGENT:". Other capitals still are.
    const withWords = tinyDictionary([{ id: 'utilise', terms: ['utilise'], replacements: ['use'], why: 'Say when it is urgent, and say why.' }]);
    const shouted = (d: typeof withWords, text: string) => check(text, { dictionary: d }).findings.filter((f) => f.ruleId === 'acronym').map((f) => f.actual);
    expect(shouted(withWords, 'URGENT: call the ward today.')).toEqual([]);
    expect(shouted(tinyDictionary([{ id: 'utilise', terms: ['utilise'], replacements: ['use'] }]), 'URGENT: call the ward today.')).toEqual(['URGENT']);
    expect(shouted(withWords, 'SAYQ: call the ward today.')).toEqual(['SAYQ']);
    // A qualifier in capitals before it in the brackets: the words still spell the acronym.
    const gdpr = (text: string) => acronyms(text).filter(([actual]) => actual === 'GDPR');
    expect(gdpr('Data is kept under the UK General Data Protection Regulation (UK GDPR) by law.')).toEqual([]);
    expect(gdpr('Data is kept under the new UK guidance (UK GDPR) by law.')).toEqual([['GDPR', null, 'info']]);
    // The words must spell it once anything but ")" follows: a citation explains nothing.
    expect(acronyms('Read the new guidance (QXZ, 2019) first.')).toEqual([['QXZ', null, 'info']]);
    expect(acronyms('Tests include a scan (EKG or ECG) and an x-ray.')).toEqual([
      ['EKG', null, 'info'],
      ['ECG', null, 'info'],
    ]);
    expect(acronyms('The quixotic zone (QXZ or QXZs) opens.')).toEqual([]);
  });

  it('accepts "ARDS, or acute respiratory distress syndrome": "or", then words that spell the acronym', () => {
    expect(acronyms('ARDS, or acute respiratory distress syndrome, is a lung condition.')).toEqual([]);
    expect(acronyms('You might be having a TIA or a transient ischemic attack.')).toEqual([]);
    expect(acronyms('HUS, or hemolytic-uremic syndrome, is rare. HUS can be treated.')).toEqual([]);
    // One word may spell several letters; small words may be left out.
    expect(acronyms('The QXZ, or quixotic zone, opens.')).toEqual([]);
    expect(acronyms('The ZQB, or Zone of Quiet Beds, opens.')).toEqual([]);
    // Words that do not spell it, another acronym, or words in the next sentence.
    expect(acronyms('Detect it by PCR or virus isolation.')).toEqual([['PCR', null, 'info']]);
    expect(acronyms('We ran CK or CKMB tests.')).toEqual([['CK', null, 'info'], ['CKMB', null, 'info']]);
    expect(acronyms('Ask the QXZ or quality. Exchange zones open.')).toEqual([['QXZ', null, 'info']]);
    expect(acronyms('The QXZ; or quality exchange zone.')).toEqual([['QXZ', null, 'info']]);
  });

  it('leaves alone an acronym talked about in quotes, and flags its first use', () => {
    expect(acronyms('Use "ethnic minorities", not "BAME" or ‘BME’.')).toEqual([]);
    expect(acronyms("Do not write 'ICB'. Write “integrated care board”.")).toEqual([]);
    expect(acronyms("Do not write 'ICB'. The ICB met.")).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('Say "text message", not "SDEC". Our SDEC unit is open.')).toEqual([['SDEC', null, 'info']]);
    // Quotes around more than the acronym do not make it a mention.
    expect(acronyms("He said 'ask the SDEC team'.")).toEqual([['SDEC', null, 'info']]);
  });

  it('leaves alone units, time zones and grades after a number, and grades after "level"', () => {
    expect(acronyms('The file is 349 KB. Call by 4:30 ET. Meet WCAG 2.2 AA and Level AA.')).toEqual([['WCAG', null, 'info']]);
    expect(acronyms('We have 3 SDEC units.')).toEqual([['SDEC', null, 'info']]);
    // A unit of size is no use of a known acronym it spells; the acronym's own use still is.
    expect(acronyms('The server has a 2 TB disk.')).toEqual([]);
    expect(acronyms('The server has a 2 TB disk. Book a TB test.')).toEqual([['TB', 'tb', 'warning']]);
    // A US state in an address or after a place is no use of a known acronym either.
    expect(acronyms('Detroit, MI: Wayne State University Press. Write to Lansing, MI 48909.')).toEqual([]);
    expect(acronyms('After an MI, rest.')).toEqual([['MI', 'mi', 'warning']]);
    expect(acronyms('Pass AA guidelines.')).toEqual([['AA', null, 'info']]);
    // A number with its name: "WCAG2.1 AA".
    expect(acronyms('It passes WCAG2.1 AA.')).toEqual([]);
    // A US state before a ZIP code, in an address; not before another number, nor another code.
    expect(acronyms('Write to 31 Center Drive, Bethesda, MD 20892 or Washington, DC 20001-1234.')).toEqual([]);
    expect(acronyms('The MD 2 team and IEC 60601 apply.')).toEqual([['MD', null, 'info'], ['IEC', null, 'info']]);
    // A legal citation, volume then section; not a count of things.
    expect(acronyms('Under 29 CFR 1910.38, 68 FR 7426, 14 CFR part 95 and 25 CFR §1.4(b) we act.')).toEqual([]);
    expect(acronyms('We had 2 QXZ and 5 more.')).toEqual([['QXZ', null, 'info']]);
    expect(acronyms('Section 1.4 of 25 QXZ allows it.')).toEqual([['QXZ', null, 'info']]);
    // A US state after a place and a comma; not after a word in capitals, nor without the comma.
    expect(acronyms('Write to us in Washington, DC or Clifton Park, NY: Delmar.')).toEqual([]);
    expect(acronyms('Ask the GP, MD or nurse.')).toEqual([['MD', null, 'info']]);
    expect(acronyms('Ask Washington DC today.')).toEqual([['DC', null, 'info']]);
  });

  it('offers, but never applies, an expansion for an acronym that starts a hyphenated word', () => {
    const fixable = (text: string) => byRule('acronym', text).map((f) => [f.actual, f.replacements.map((r) => r.fixable)]);
    expect(fixable('We run ICB-led services.')).toEqual([['ICB', [false]]]);
    expect(fixable('We run ICB services.')).toEqual([['ICB', [true]]]);
    expect(fixable('Ask the ICB - they know.')).toEqual([['ICB', [true]]]);
  });

  it('offers, but never applies, an expansion that would write brackets in brackets', () => {
    const fixable = (text: string) => byRule('acronym', text).map((f) => [f.actual, f.replacements.map((r) => r.fixable)]);
    expect(fixable('Help is free (paid by the ICB).')).toEqual([['ICB', [false]]]);
    expect(fixable('Help is free (paid by the ICB ).')).toEqual([['ICB', [false]]]);
    expect(fixable('Help is free (paid by the ICB team).')).toEqual([['ICB', [true]]]);
  });

  it('leaves alone the name on a credit line, and flags the first use in the text instead', () => {
    expect(acronyms('# Tuberculosis\n\nSource: ICB <http://example.org/tb>\n\nPhoto credit: QXZ\n\nImage: PCN')).toEqual([]);
    const found = byRule('acronym', 'Source: ICB <http://example.org>\n\nThe ICB runs research. The ICB funds it.');
    expect(found.map((f) => [f.actual, f.range.start.line])).toEqual([['ICB', 2]]);
    // Not a credit: no colon, the label inside a sentence, or a later word.
    expect(acronyms('Our source ICB data is here.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('The main source: ICB data.')).toEqual([['ICB', 'icb', 'warning']]);
    expect(acronyms('Source: the ICB and QXZ.')).toEqual([['ICB', 'icb', 'warning'], ['QXZ', null, 'info']]);
  });

  it('leaves a two-part guide in brackets after the word it says alone: "Asthma (AZ-ma)"', () => {
    expect(acronyms('Asthma (AZ-ma) is common. Bouchards (boo-SHARDZ) nodes form.')).toEqual([]);
    // Another first letter, a part that is no syllable, or a known acronym ("care (CQC-ma)" may be).
    expect(acronyms('Homes (QXR-ma) open.')).toEqual([['QXR', null, 'info']]);
    expect(acronyms('Homes (HXR-run) open.')).toEqual([['HXR', null, 'info']]);
    expect(acronyms('Homes (HXR-based) open.')).toEqual([['HXR', null, 'info']]);
    expect(acronyms('Items (ICB-ma) go.')).toEqual([['ICB', 'icb', 'warning']]);
    // Only a word and a space before the bracket.
    expect(acronyms('Homes: (HXR-ma) open.')).toEqual([['HXR', null, 'info']]);
  });

  it('counts an explanation in the text: "words (XYZ)" or "XYZ (words)"', () => {
    expect(acronyms('Same day emergency care (SDEC) is open. SDEC closes at 8pm.')).toEqual([]);
    expect(acronyms('The SDEC (same day emergency care) unit is open.')).toEqual([]);
    // Brackets that do not explain it: other initials, or one word before the ")".
    expect(acronyms('The SDEC (read below) unit is open.')).toEqual([['SDEC', null, 'info']]);
    expect(acronyms('The SDEC (same) day unit is open.')).toEqual([['SDEC', null, 'info']]);
    // The words may be in quotes: "'same day emergency care' (SDEC)", and so may a glossary acronym's.
    expect(acronyms("Ask the 'same day emergency care' (SDEC) unit. SDEC is open.")).toEqual([]);
    expect(acronyms('Ask the “same day emergency care” (SDEC) unit. SDEC is open.')).toEqual([]);
    expect(acronyms("Our 'integrated care board' (ICB) meets. The ICB decides.")).toEqual([]);
    expect(acronyms("Ask the 'unit' ' (SDEC) now.")).toEqual([['SDEC', null, 'info']]);
    // Two words with no ")" after them (an unclosed bracket) explain it.
    expect(acronyms('The SDEC (same day emergency care unit is open.')).toEqual([]);
  });

  it('groups plurals and possessives with the singular', () => {
    expect(acronyms('Two SDECs opened. The SDEC team is new.')).toEqual([['SDECs', null, 'info']]);
    expect(acronyms("The SDEC's hours changed.")).toEqual([['SDEC', null, 'info']]);
  });

  it('is explained by a glossary table too', () => {
    expect(acronyms('The SDEC is open.\n\n| Short | Long |\n| --- | --- |\n| SDEC | same day emergency care |')).toEqual([]);
  });

  it('skips roman numerals, single letters, words in capitals, dotted names and pronunciation guides', () => {
    expect(acronyms('See part II and part IV of annex B.')).toEqual([]);
    expect(acronyms('PLEASE NOTE: BRING YOUR LETTER.')).toEqual([]);
    expect(acronyms('Visit GOV.UK for more.')).toEqual([]);
    expect(acronyms('An arrhythmia (ah-RITH-me-ah) is a problem with the heartbeat.')).toEqual([]);
    expect(acronyms('Situs inversus (SI-tus in-VER-sus) is rare.')).toEqual([]);
    expect(acronyms('Treat it with anti-SDEC drugs (anti-SDEC).')).toEqual([['SDEC', null, 'info']]);
    // Nor a word of three parts or more: "SARS-CoV-2", "1-800-CDC-INFO".
    expect(acronyms('Tests for SDEC-CoV-2 and 1-800-XQZ-INFO.')).toEqual([]);
    expect(acronyms('It is OK to ask.')).toEqual([]);
  });

  it('leaves code and URLs alone', () => {
    expect(acronyms('Run `XYZ --help` or see https://example.org/XYZ today.')).toEqual([]);
  });

  it('flags an acronym used only in a heading, but not a heading use when the text uses it', () => {
    expect(acronyms('# About SDEC\n\nWe run the service every day.')).toEqual([['SDEC', null, 'info']]);
    const doc = '# About SDEC\n\nSame day emergency care (SDEC) is open.';
    expect(acronyms(doc)).toEqual([]);
    const unexplained = '# About SDEC\n\nThe SDEC unit is open.';
    const fs = byRule('acronym', unexplained);
    expect(fs.map((f) => f.range.start.line)).toEqual([2]);
  });

  it('has its own severity key and can be switched off', () => {
    expect(acronyms('The SDEC is open.', { config: { rules: { 'unknown-acronym': 'off' } } })).toEqual([]);
    expect(acronyms('The SDEC is open.', { config: { rules: { 'unknown-acronym': 'warning' } } })).toEqual([['SDEC', null, 'warning']]);
    expect(acronyms('The SDEC and the ICB.', { config: { rules: { acronym: 'off' } } })).toEqual([]);
  });

  it('respects suppression comments by rule id', () => {
    expect(acronyms('<!-- plainwords-disable-next-line unknown-acronym -->\nThe SDEC is open.')).toEqual([]);
    expect(acronyms('<!-- plainwords-disable-next-line acronym -->\nThe SDEC is open.')).toEqual([]);
  });
});

describe('passive voice', () => {
  const text = 'Your form was reviewed by the team. Letters will be sent. We are not told. I am worried.';

  it('is off by default', () => {
    expect(byRule('passive-voice', text)).toEqual([]);
  });

  it('hints at "be" + past participle when config passive is true', () => {
    const fs = byRule('passive-voice', text, { config: { passive: true } });
    expect(fs.map((f) => f.actual)).toEqual(['was reviewed', 'be sent', 'are not told']);
    expect(fs.every((f) => f.severity === 'hint')).toBe(true);
    expect(fs[0].message).toMatch(/say who does what/);
  });

  it('can be turned on with a rule severity instead', () => {
    expect(byRule('passive-voice', 'It was done.', { config: { rules: { 'passive-voice': 'info' } } }).map((f) => f.severity)).toEqual(['info']);
  });

  it('does not cross sentences or punctuation', () => {
    expect(byRule('passive-voice', 'It was. Finished work is good. It is, decided.', { config: { passive: true } })).toEqual([]);
  });
});

describe('audiences', () => {
  const text = 'We offer step-down care.';
  const severity = (options: Partial<CheckOptions>) => run(text, options).findings.filter((f) => f.entryId === 'step-down').map((f) => f.severity);

  it('come from front matter, then config globs, then config audience, then public', () => {
    expect(severity({})).toEqual(['error']);
    expect(severity({ config: { audience: 'staff' } })).toEqual([]);
    expect(run(`---\naudience: staff\n---\n\n${text}`).findings.filter((f) => f.entryId === 'step-down')).toEqual([]);
    const config = { audiences: { 'docs/staff/**': 'staff' as const, '*.public.md': 'public' as const } };
    expect(severity({ config, path: 'docs/staff/handbook.md' })).toEqual([]);
    expect(severity({ config, path: 'docs\\staff\\deep\\handbook.md' })).toEqual([]);
    expect(severity({ config, path: 'docs/leaflets/a.md' })).toEqual(['error']);
    // Front matter beats the glob; the explicit option beats both.
    expect(run(`---\naudience: public\n---\n\n${text}`, { config, path: 'docs/staff/a.md' }).findings.some((f) => f.entryId === 'step-down')).toBe(true);
    expect(run(text, { config, path: 'docs/leaflets/a.md', audience: 'staff' }).findings.some((f) => f.entryId === 'step-down')).toBe(false);
  });

  it('switch the target reading age', () => {
    expect(run('Hello.').readability?.target).toBe(9);
    expect(run('Hello.', { audience: 'staff' }).readability?.target).toBe(14);
    expect(run('Hello.', { config: { readingAge: { public: 11, staff: 16 } } }).readability?.target).toBe(11);
    expect(run('Hello.', { audience: 'staff', config: { readingAge: { public: 11, staff: 16 } } }).readability).toMatchObject({ target: 16, audience: 'staff' });
  });
});

describe('glob matcher', () => {
  it('matches *, **, ?, sets, braces and folder patterns', () => {
    const yes: Array<[string, string]> = [
      ['docs/staff/**', 'docs/staff/a.md'],
      ['docs/staff/**', 'docs/staff/x/y/z.md'],
      ['docs/**/*.md', 'docs/a.md'],
      ['docs/**/*.md', 'docs/a/b/c.md'],
      ['*.md', 'deep/down/file.md'],
      ['staff/', 'staff/a/b.md'],
      ['./docs/*.md', 'docs/a.md'],
      ['docs/?.md', 'docs/a.md'],
      ['docs/[a-c]*.md', 'docs/b1.md'],
      ['docs/[!a]*.md', 'docs/b.md'],
      ['docs/{staff,internal}/**', 'docs/internal/x.md'],
      ['**', 'anything/at/all.txt'],
    ];
    const no: Array<[string, string]> = [
      ['docs/staff/**', 'docs/staffing/a.md'],
      ['docs/*.md', 'docs/a/b.md'],
      ['docs/?.md', 'docs/ab.md'],
      ['docs/[a-c]*.md', 'docs/d.md'],
      ['docs/[!a]*.md', 'docs/a.md'],
      ['docs/**/x.md', 'docs/ax.md'],
      ['Docs/*.md', 'docs/a.md'],
    ];
    for (const [p, s] of yes) expect(matchGlob(p, s), `${p} ~ ${s}`).toBe(true);
    for (const [p, s] of no) expect(matchGlob(p, s), `${p} !~ ${s}`).toBe(false);
  });

  it('takes the first matching pattern, in order', () => {
    expect(audienceForPath('docs/staff/a.md', { 'docs/**': 'public', 'docs/staff/**': 'staff' })).toBe('public');
    expect(audienceForPath('docs/staff/a.md', { 'docs/staff/**': 'staff', 'docs/**': 'public' })).toBe('staff');
    expect(audienceForPath(undefined, { '**': 'staff' })).toBeUndefined();
  });

  it('answers patterns that make backtracking matchers run for minutes (within the test timeout)', () => {
    expect(matchGlob('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
    expect(matchGlob('**/'.repeat(30) + 'x', 'a/'.repeat(2000) + 'y')).toBe(false);
    expect(matchGlob('**/'.repeat(30) + 'y', 'a/'.repeat(2000) + 'y')).toBe(true);
  });
});

describe('documentation', () => {
  it('has the anchor every clarity finding links to', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/readability.md', import.meta.url), 'utf8');
    const long = Array.from({ length: 30 }, (_, i) => (i ? 'word' : 'Word')).join(' ');
    const text = `# Title\n\nThe SDEC and the ICB met. It was done. Comprehensive multidisciplinary rehabilitation necessitates individualised, evidence-based interventions, systematically coordinated across organisational boundaries. ${long}.\n\n${'Comprehensive multidisciplinary rehabilitation necessitates individualised interventions. '.repeat(12)}`;
    const fs = check(text, { dictionary: dict, config: { passive: true } }).findings.filter((f) => f.ruleId !== 'jargon' && !f.entryId);
    expect(new Set(fs.map((f) => f.ruleId))).toEqual(new Set(['acronym', 'passive-voice', 'hard-sentence', 'long-sentence', 'reading-age']));
    for (const f of fs) {
      const anchor = f.url!.split('#')[1];
      expect(f.url).toMatch(/docs\/readability\.md#/);
      expect(doc, f.ruleId).toContain(`<a id="${anchor}"></a>`);
    }
  });
});
