import { describe, expect, it } from 'vitest';
import { check, applyFixes, fixAll } from '../../server/src/engine/index.js';
import { firstFixWith, jargonWith, fixableWith, offersWith, tinyDictionary } from '../support/engine.js';

const dict = tinyDictionary(
  [
    { id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] },
    { id: 'stakeholder', terms: ['stakeholder'], inflect: 'noun', replacements: [{ text: 'person involved', forms: { plural: 'people involved' } }] },
    { id: 'key', terms: ['key'], inflect: 'none', replacements: ['important'], unless: { after: ['to the door', 'card', 'safe'], near: ['unlock', 'lock'] } },
    { id: 'co-production', terms: ['co-production'], inflect: 'noun', replacements: ['working together'] },
    { id: 'co-produce', terms: ['co-produce'], inflect: 'verb', replacements: ['design together'] },
    { id: 'icb-term', terms: ['ICB'], inflect: 'noun', replacements: ['local NHS'] },
    { id: 'dna', terms: ['DNA'], inflect: 'none', replacements: ['missed appointment'], unless: { after: ['test', 'sample', 'testing'] } },
    { id: 'step-down', terms: ['step-down'], inflect: 'none', replacements: ['short-term'] },
    { id: 'step-down-pathway', terms: ['step-down pathway'], inflect: 'noun', replacements: ['support after hospital'] },
    { id: 'therapies', terms: ['talking therapies'], inflect: 'none', replacements: ['counselling'] },
    { id: 'support', terms: ['care'], inflect: 'none', replacements: ['care and support'] },
    { id: 'agenda', terms: ['agenda'], inflect: 'noun', replacements: ['plan'], unless: { near: ['meeting'], within: 8 } },
    { id: 'deliver', terms: ['deliver'], inflect: 'verb', replacements: ['provide'], unless: { after: ['post', 'medicine', 'medicines', 'parcels'] } },
    { id: 'lead', terms: ['lead on'], inflect: 'verb', replacements: ['run'] },
    { id: 'overarching', terms: ['overarching'], inflect: 'none', replacements: ['general'] },
    { id: 'notify', terms: ['notify'], inflect: 'verb', replacements: ['tell'] },
    { id: 'hypertension', terms: ['hypertension'], inflect: 'none', replacements: ['high blood pressure'] },
    { id: 'submit', terms: ['submit'], inflect: 'verb', forms: { submit: { third: 'submits', past: 'submitted', participle: 'submitted', gerund: 'submitting' } }, replacements: ['give'] },
    { id: 'leverage', terms: ['leverage'], inflect: 'auto', replacements: ['build on'] },
  ],
  { names: [{ name: 'NHS Talking Therapies' }, { name: 'GOV.UK Notify' }] },
);

const actuals = jargonWith(dict);
const fixFirst = firstFixWith(dict);

describe('matching', () => {
  it('matches whole words only', () => {
    expect(actuals('Press any key on the keyboard. Turnkey solutions.')).toEqual(['key']);
  });

  it('is case-insensitive for words and case-sensitive for acronyms', () => {
    expect(actuals('UTILISE it. Utilise it. utilise it.')).toEqual(['UTILISE', 'Utilise', 'utilise']);
    expect(actuals('The ICB met. The icb met. Icb.')).toEqual(['ICB']);
  });

  it('matches acronym plurals', () => {
    expect(actuals('All ICBs must reply.')).toEqual(['ICBs']);
  });

  it('matches every inflection generated from the base form', () => {
    expect(actuals('We utilise, she utilises, they utilised, utilising it.')).toEqual(['utilise', 'utilises', 'utilised', 'utilising']);
    expect(actuals('One stakeholder, many stakeholders.')).toEqual(['stakeholder', 'stakeholders']);
    expect(actuals('We co-produce, we co-produced, co-producing.')).toEqual(['co-produce', 'co-produced', 'co-producing']);
  });

  it('matches hyphen, space and closed spellings', () => {
    expect(actuals('co-production, co production and coproduction')).toEqual(['co-production', 'co production', 'coproduction']);
  });

  it('matches British and American spellings', () => {
    expect(actuals('They utilize it and utilized it.')).toEqual(['utilize', 'utilized']);
  });

  it('prefers the longest match and never overlaps', () => {
    const fs = check('A step-down pathway and a step-down bed.', { dictionary: dict }).findings;
    expect(fs.map((f) => [f.entryId, f.actual])).toEqual([
      ['step-down-pathway', 'step-down pathway'],
      ['step-down', 'step-down'],
    ]);
    for (let i = 1; i < fs.length; i++) expect(fs[i].start).toBeGreaterThanOrEqual(fs[i - 1].end);
  });

  it('never flags a term inside an allow-listed proper name', () => {
    expect(actuals('Refer yourself to NHS Talking Therapies today.')).toEqual([]);
    expect(actuals('We offer talking therapies.')).toEqual(['talking therapies']);
    // A name written with a web address in it.
    expect(actuals("We send texts with GOV.UK Notify. GOV.UK Notify's letters. We notify you.")).toEqual(['notify']);
  });

  it('leaves alone the words of a name the text defines with its acronym', () => {
    expect(actuals('Try the Dietary Approaches to Stop Hypertension (DASH) eating plan.')).toEqual([]);
    expect(actuals('Read about the End-Stage Hypertension Disease (ESHD) study.')).toEqual([]);
    expect(actuals('State Hypertension Programs (SHPs) help.')).toEqual([]);
    // The acronym's letters must be the name's capitals, in order; the name in capitals; the
    // acronym right after it, in brackets.
    expect(actuals('Treat Hypertension (HT) early.')).toEqual(['Hypertension']);
    expect(actuals('Try the Dietary Approaches to Stop hypertension (DASH) plan.')).toEqual(['hypertension']);
    expect(actuals('Try the Dietary Approaches to Stop Hypertension, (DASH) plan.')).toEqual(['Hypertension']);
    expect(actuals('Try the Dietary Approaches to Stop Hypertension (DASH plan).')).toEqual(['Hypertension']);
    expect(actuals('Ask about Hypertension Clinics (HC). Hypertension is common.')).toEqual(['Hypertension']);
  });

  it('leaves alone a word made part of another by a hyphen: "pre-hypertension" is not "hypertension"', () => {
    expect(actuals('You have pre-hypertension. Take anti-hypertension medicines.')).toEqual([]);
    // Not only after a prefix: "computer-utilised", "long-hypertension" are compounds too.
    expect(actuals('You have pre hypertension, or long-hypertension. It is computer-utilised.')).toEqual(['hypertension']);
    expect(actuals('We co-produce it. We will re-utilise it.')).toEqual(['co-produce']);
  });

  it('leaves alone a term followed by how to say it: it is being taught', () => {
    expect(actuals('This is called hypertension (HI-per-TEN-shun).')).toEqual([]);
    expect(actuals('Leg hypertension (hi-PER-tens) is rare.')).toEqual([]);
    // Brackets that hold something else.
    expect(actuals('This is called hypertension (see below).')).toEqual(['hypertension']);
    expect(actuals('This is called hypertension (HT-related).')).toEqual(['hypertension']);
    expect(actuals('This is called hypertension, (HI-per-TEN-shun).')).toEqual(['hypertension']);
  });

  it('never flags a term inside its own replacement', () => {
    expect(actuals('We give care and support at home.')).toEqual([]);
    expect(actuals('We give care at home.')).toEqual(['care']);
  });

  it('honours context conditions from the entry', () => {
    expect(actuals('The agenda for the meeting is attached.')).toEqual([]);
    expect(actuals('Prevention is on our agenda.')).toEqual(['agenda']);
    expect(actuals('Use the key to the door. Take your key card.')).toEqual([]);
    expect(actuals('Unlock it with the key.')).toEqual([]);
    expect(actuals('This is a key priority.')).toEqual(['key']);
    expect(actuals('You need a DNA test. The DNA sample.')).toEqual([]);
    expect(actuals('Our DNA rate is high.')).toEqual(['DNA']);
    expect(actuals('We deliver medicines to your door.')).toEqual([]);
    expect(actuals('We deliver services.')).toEqual(['deliver']);
  });

  it('excuses a term after a possessive when its entry says so, but not after "it\'s" or "let\'s"', () => {
    const d = tinyDictionary([{ id: 'progress', terms: ['progress'], inflect: 'verb', replacements: ['work on'], unless: { possessive: true } }, { id: 'deliver', terms: ['deliver'], inflect: 'verb', replacements: ['provide'] }]);
    const found = jargonWith(d);
    expect(found("We track the patient's progress and your son’s progress.")).toEqual([]);
    expect(found("The carers' progress. The carers’ progress.")).toEqual([]);
    expect(found("Let's progress this. It's progressing. Carers progress it.")).toEqual(['progress', 'progressing', 'progress']);
    // Only the entries that say so: "Parkinson's" before a verb is its subject.
    expect(found("The service's deliver.")).toEqual(['deliver']);
  });

  it('does not carry context across sentences', () => {
    expect(actuals('This is the agenda. Meeting rooms are upstairs.')).toEqual(['agenda']);
  });

  it('does not match across punctuation or inline code', () => {
    expect(actuals('step, down pathway')).toEqual([]);
    expect(actuals('a step-`down` pathway')).toEqual([]);
  });
});

describe('replacements', () => {
  it('preserve case', () => {
    expect(fixFirst('Utilise it.')).toBe('Use it.');
    expect(fixFirst('UTILISE IT.')).toBe('USE IT.');
    expect(fixFirst('We utilise it.')).toBe('We use it.');
  });

  it('preserve inflection', () => {
    expect(fixFirst('We utilised it.')).toBe('We used it.');
    expect(fixFirst('We are utilising it.')).toBe('We are using it.');
    expect(fixFirst('She utilises it.')).toBe('She uses it.');
    expect(fixFirst('Ask the stakeholders.')).toBe('Ask the people involved.');
    expect(fixFirst('She led on it.')).toBe('She ran it.');
    expect(fixFirst('We are leading on it.')).toBe('We are running it.');
  });

  it('give a participle after "be", "have" or "get" where past and participle are written alike', () => {
    expect(fixFirst('We submitted it.')).toBe('We gave it.');
    expect(fixFirst('It must be submitted.')).toBe('It must be given.');
    expect(fixFirst('It has already been submitted.')).toBe('It has already been given.');
    expect(fixFirst('They have *submitted* it.')).toBe('They have *given* it.');
    expect(fixFirst('It was quickly submitted.')).toBe('It was quickly given.');
    // Contractions of "have" and "has", with a straight or a curly apostrophe.
    expect(fixFirst("They've submitted it.")).toBe("They've given it.");
    expect(fixFirst('We’ve submitted it.')).toBe('We’ve given it.');
    expect(fixFirst("She'd submitted it.")).toBe("She'd given it.");
    expect(fixFirst("She's submitted it.")).toBe("She's given it.");
    // Before "by", and after an article (an adverb in -ly between or not), it is a participle too.
    expect(fixFirst('The form submitted by you is here.')).toBe('The form given by you is here.');
    expect(fixFirst('An easily submitted form.')).toBe('An easily given form.');
    expect(fixFirst('The submitted form is here.')).toBe('The given form is here.');
    expect(fixFirst('We submitted the form by post.')).toBe('We gave the form by post.');
    // And in a question, after "have" and its subject.
    expect(fixFirst('Have they submitted it?')).toBe('Have they given it?');
    expect(fixFirst('Why they submitted it is clear.')).toBe('Why they gave it is clear.');
    // The second of two participles after one "be".
    expect(fixFirst('It can be checked or submitted.')).toBe('It can be checked or given.');
    expect(fixFirst('It was written and submitted.')).toBe('It was written and given.');
    expect(fixFirst('We checked it and submitted it.')).toBe('We checked it and gave it.');
    expect(fixFirst('We checked and submitted it.')).toBe('We checked and gave it.');
  });

  it('read a replacement ending in a particle as a verb: "leverages" gives "builds on", not "build ons"', () => {
    expect(fixFirst('It leverages the work.')).toBe('It builds on the work.');
  });

  it('fix "a"/"an" in front when the first sound changes', () => {
    expect(fixFirst('It is an overarching plan.')).toBe('It is a general plan.');
    expect(fixFirst('An overarching plan.')).toBe('A general plan.');
    expect(fixFirst('It is a stakeholder list.')).toBe('It is a person involved list.');
  });

  it('fix "a"/"an" in shouted text by the replacement as a word, in capitals like the rest', () => {
    // "GENERAL" is in capitals only because the text is: a word, not letters said one by one.
    expect(fixFirst('IT IS AN OVERARCHING PLAN.')).toBe('IT IS A GENERAL PLAN.');
    expect(fixFirst('It is AN OVERARCHING plan.')).toBe('It is A GENERAL plan.');
    // A capital "A" before shouted words shouts too; before words in lower case it starts a sentence.
    expect(fixFirst('A KEY STEP.')).toBe('AN IMPORTANT STEP.');
    expect(fixFirst('A key step.')).toBe('An important step.');
  });

  it('fixes "a"/"an" across spaces and emphasis marks, never across a comment between it and the term', () => {
    // In plain text a comment stays in the text; the fix used to rewrite it with the article
    // (npm run fuzz, property Q6-Q9).
    const text = 'It is an <!-- note --> overarching plan.';
    const [f] = check(text, { dictionary: dict, format: 'text' }).findings.filter((x) => x.ruleId === 'jargon');
    expect(f.replacements[0].edit).toEqual({ start: f.start, end: f.end, newText: 'general' });
    expect(fixFirst('It is an *overarching* plan.')).toBe('It is a *general* plan.');
  });

  it('keep acronym replacements as written mid-sentence', () => {
    expect(fixFirst('Ask your ICB today.')).toBe('Ask your local NHS today.');
  });

  it('offer ordered replacements, each with its edit', () => {
    const d = tinyDictionary([{ id: 'x', terms: ['facilitate'], inflect: 'verb', replacements: ['help', 'run', { text: 'make easier', fixable: false }] }]);
    const [f] = check('We facilitated it.', { dictionary: d }).findings.filter((x) => x.ruleId === 'jargon');
    expect(f.replacements.map((r) => [r.text, r.fixable])).toEqual([
      ['helped', true],
      ['ran', true],
      ['made easier', false],
    ]);
  });

  it('omit and explain actions', () => {
    const d = tinyDictionary([
      { id: 'very', terms: ['very'], inflect: 'none', action: 'omit' },
      { id: 'dysphagia', terms: ['dysphagia'], inflect: 'none', action: 'explain', replacements: ['difficulty swallowing'] },
    ]);
    const fix = firstFixWith(d);
    expect(fix('It is very hard.')).toBe('It is hard.');
    expect(fix('Very few came.')).toBe('Few came.');
    expect(fix('You may have dysphagia after a stroke.')).toBe('You may have dysphagia (difficulty swallowing) after a stroke.');
  });

  it('omits the "and" or "or" that joined an omitted word when it would dangle, and only then', () => {
    const d = tinyDictionary([{ id: 'easily', terms: ['easily'], inflect: 'none', action: 'omit' }]);
    const fix = firstFixWith(d);
    expect(fix('Find it quickly and easily.')).toBe('Find it quickly.');
    expect(fix('It is treated quickly and easily by eating.')).toBe('It is treated quickly by eating.');
    expect(fix('Do it quickly or easily, as you like.')).toBe('Do it quickly, as you like.');
    expect(fix('So I can easily and quickly find it.')).toBe('So I can quickly find it.');
    // A word after it that it qualifies: the "and" joins that word, and stays.
    expect(fix('They become forgetful and easily confused.')).toBe('They become forgetful and confused.');
    expect(fix('It is short, and easily treated.')).toBe('It is short, and treated.');
    // No "and" or "or": one space goes, as before.
    expect(fix('You can easily find it.')).toBe('You can find it.');
    expect(fix('Easily and quickly done.')).toBe('Quickly done.');
  });

  it('offers a replacement once when two come out the same in the form matched', () => {
    const d = tinyDictionary([{ id: 'time-period', terms: ['time period'], inflect: 'noun', replacements: ['period', { text: 'time', forms: { plural: 'periods' } }] }]);
    const offers = offersWith(d);
    expect(offers('Over two time periods.')).toEqual([['time periods', ['periods'], [true]]]);
    expect(offers('Within the time period.')).toEqual([['time period', ['period', 'time'], [true, true]]]);
  });

  it('keeps an article that starts a replacement in lower case inside a sentence, where a capital is a title\'s', () => {
    const d = tinyDictionary([{ id: 'hyperthyroidism', terms: ['hyperthyroidism'], inflect: 'none', replacements: ['an overactive thyroid'] }]);
    const fix = firstFixWith(d);
    expect(fix('## What causes Hyperthyroidism?')).toBe('## What causes an overactive thyroid?');
    expect(fix('Hyperthyroidism is common.')).toBe('An overactive thyroid is common.');
    expect(fix('HYPERTHYROIDISM IS COMMON.')).toBe('AN OVERACTIVE THYROID IS COMMON.');
  });

  it('keeps a replacement in lower case for a capital that is the term\'s own, after a word in lower case', () => {
    const d = tinyDictionary([
      { id: 'hypoglycaemia', terms: ['hypoglycemia'], inflect: 'none', replacements: ['low blood sugar'] },
      { id: 'colorectal', terms: ['colorectal'], inflect: 'none', replacements: ['bowel'] },
      { id: 'drug-abuse', terms: ['drug abuse'], inflect: 'none', replacements: ['drug use'] },
    ]);
    const fix = firstFixWith(d);
    expect(fix('## What causes Hypoglycemia?')).toBe('## What causes low blood sugar?');
    // Capitals of the term's own, words of several or not, are not a title's.
    expect(fix('We treat Drug Abuse daily.')).toBe('We treat drug use daily.');
    expect(fix('## Illicit Drug Abuse')).toBe('## Illicit Drug Use');
    // A title in capitals keeps them, small words between or not, and puts the replacement's words in capitals too.
    expect(fix('## Other Causes of Hypoglycemia')).toBe('## Other Causes of Low Blood Sugar');
    expect(fix('## Hypoglycemia In Children')).toBe('## Low Blood Sugar In Children');
    // Not a sentence's first word and a word in lower case after the match: no title.
    expect(fix('Ask about Hypoglycemia services.')).toBe('Ask about Low blood sugar services.');
    expect(fix('Vascular Work Hypoglycemia in children.')).toBe('Vascular Work Low blood sugar in children.');
    expect(fix('## Treatments For Colorectal Cancer')).toBe('## Treatments For Bowel Cancer');
    // A name in capitals after a word in lower case ("Cancer" follows).
    expect(fix('Who is at risk for Colorectal Cancer?')).toBe('Who is at risk for Bowel Cancer?');
    expect(fix('Hypoglycemia is common.')).toBe('Low blood sugar is common.');
    // A wide gap is layout, not a sentence going on.
    expect(fix('- eGFR    Hypoglycemia is common.')).toBe('- eGFR    Low blood sugar is common.');
  });

  it('offers, but never applies, a replacement inside a name in capitals in a sentence', () => {
    const d = tinyDictionary([
      { id: 'dermatologist', terms: ['dermatologist'], inflect: 'noun', replacements: ['skin specialist'] },
      { id: 'pathogen', terms: ['pathogen'], inflect: 'noun', replacements: ['germ'] },
      { id: 'assistance', terms: ['assistance'], inflect: 'none', replacements: ['help'] },
      { id: 'in-addition-to', terms: ['in addition to'], inflect: 'none', replacements: ['as well as'] },
      { id: 'colorectal', terms: ['colorectal'], inflect: 'none', replacements: ['bowel'] },
    ]);
    const fixable = fixableWith(d);
    // Capitalised words before the match, after it, or the match itself in capitals, in a sentence in lower case.
    expect(fixable('We worked with the British Association of Dermatologists on this guide.')).toEqual([['Dermatologists', [false]]]);
    expect(fixable('The Special Pathogens Branch at CDC used tissue from a mouse.')).toEqual([['Pathogens', [false]]]);
    expect(fixable('You can call your State Medical Assistance office for more.')).toEqual([['Assistance', [false]]]);
    expect(fixable('People get Disaster Unemployment Assistance when their job is lost.')).toEqual([['Assistance', [false]]]);
    // The words are still fixed in lower case, in a title in capitals, and at a sentence's start.
    expect(fixable('We asked the dermatologists and the pathogens team for assistance.')).toEqual([
      ['dermatologists', [true]],
      ['pathogens', [true]],
      ['assistance', [true]],
    ]);
    expect(fixable('## Financial Assistance for Families')).toEqual([['Assistance', [true]]]);
    expect(fixable('## Treatments For Colorectal Cancer')).toEqual([['Colorectal', [true]]]);
    expect(fixable('In addition to the Exit this page button, users have two other ways.')).toEqual([['In addition to', [true]]]);
    expect(fixable('Assistance from Age UK helps people who live alone.')).toEqual([['Assistance', [true]]]);
    // In emphasis, capitalised words are the title of a work, after a full stop too.
    const d3 = tinyDictionary([{ id: 'health-outcomes', terms: ['health outcomes'], inflect: 'none', replacements: ['health'] }]);
    const fixable3 = fixableWith(d3);
    expect(fixable3('Ask for _Report No. 87, Literacy and Health Outcomes_.')).toEqual([['Health Outcomes', [false]]]);
    expect(fixable3('Ask for *Report No. 87, Literacy and Health Outcomes*.')).toEqual([['Health Outcomes', [false]]]);
    expect(fixable3('Ask for Report No. 87, Literacy and Health Outcomes.')).toEqual([['Health Outcomes', [true]]]);
    expect(fixable3('_Improve health outcomes_ for all.')).toEqual([['health outcomes', [true]]]);
    // Before a word that ends the names of organisations, it is a name in a title too.
    const d2 = tinyDictionary([{ id: 'ppi', terms: ['patient and public involvement'], inflect: 'none', replacements: ['involving patients and the public'] }]);
    const fixable2 = fixableWith(d2);
    expect(fixable2('Kind regards,\n\nThe Patient and Public Involvement Team')).toEqual([['Patient and Public Involvement', [false]]]);
    expect(fixable2('## About Patient and Public Involvement')).toEqual([['Patient and Public Involvement', [true]]]);
    expect(fixable2('## Patient and Public Involvement in Research')).toEqual([['Patient and Public Involvement', [true]]]);
    expect(fixable2('## Patient and Public Involvement Levels')).toEqual([['Patient and Public Involvement', [true]]]);
    // At a sentence's start, a capitalised word right after one word makes a name.
    expect(fixable('Assistance Dogs help people who cannot see.')).toEqual([['Assistance', [false]]]);
    // A run of capitalised words (and "and", "of") after the match that ends with such a word
    // makes a name too: a letter's sign-off, a board named in a short sentence.
    const d4 = tinyDictionary([
      { id: 'financial-assessment', terms: ['financial assessment'], inflect: 'noun', replacements: ['check of your income and savings'] },
      { id: 'care-package', terms: ['care package'], inflect: 'noun', replacements: ['care and support'] },
    ]);
    const fixable4 = fixableWith(d4);
    expect(fixable4('Yours sincerely\n\nFinancial Assessment and Benefits Team')).toEqual([['Financial Assessment', [false]]]);
    expect(fixable4('See the Care Package Review Board.')).toEqual([['Care Package', [false]]]);
    expect(fixable4('See the Care Package Organisation.')).toEqual([['Care Package', [false]]]);
    expect(fixable4('## Financial Assessment for Care at Home')).toEqual([['Financial Assessment', [true]]]);
    expect(fixable4('## Financial Assessment Explained')).toEqual([['Financial Assessment', [true]]]);
  });

  it('keeps a replacement in sentence case when the match is, whatever capitalised word follows', () => {
    const d = tinyDictionary([{ id: 'in-accordance-with', terms: ['in accordance with'], inflect: 'none', replacements: ['in line with'] }]);
    const offers = offersWith(d);
    expect(offers("In accordance with the Council's Charging Policy, you pay.")).toEqual([['In accordance with', ['In line with'], [true]]]);
    // A title in capitals still gets its replacement in capitals.
    expect(offers('## Acting In Accordance With the Law')).toEqual([['In Accordance With', ['In Line with'], [true]]]);
  });

  it('flags an entry with only (one sense of a word) only with its words near, in every form, and the other sense elsewhere', () => {
    const d = tinyDictionary([
      { id: 'mobilise', terms: ['mobilise'], inflect: 'verb', replacements: ['organise'], unless: { near: ['frame', 'ward'] }, overlaps: ['mobilise-walking'] },
      { id: 'mobilise-walking', terms: ['mobilise'], inflect: 'verb', replacements: ['walk'], only: { near: ['frame', 'ward'], within: 4 }, overlaps: ['mobilise'] },
    ]);
    const ids = (text: string) => check(text, { dictionary: d }).findings.filter((f) => f.ruleId === 'jargon').map((f) => [f.actual, f.entryId, f.replacements[0]?.text]);
    expect(ids('He should mobilise with a frame.')).toEqual([['mobilise', 'mobilise-walking', 'walk']]);
    expect(ids('She was mobilising on the ward today.')).toEqual([['mobilising', 'mobilise-walking', 'walking']]);
    expect(ids('We will mobilise volunteers.')).toEqual([['mobilise', 'mobilise', 'organise']]);
    // The words must be within reach, and in the same sentence.
    expect(ids('We will mobilise volunteers across the whole county to help on the ward.')).toEqual([['mobilise', 'mobilise', 'organise']]);
    expect(ids('We will mobilise volunteers. The ward is new.')).toEqual([['mobilise', 'mobilise', 'organise']]);
    // Alone, or listed first, the entry still keeps to its sense.
    for (const entries of [[d.entries[1].entry], [d.entries[1].entry, d.entries[0].entry]]) {
      const only = tinyDictionary(entries);
      const flagged = (text: string) => check(text, { dictionary: only }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.entryId);
      expect(flagged('He should mobilise with a frame.')).toEqual(['mobilise-walking']);
      expect(flagged('We will mobilise volunteers.')).toEqual(entries.length === 1 ? [] : ['mobilise']);
    }
    // A word of the term itself keeps it to its sense.
    const teeth = tinyDictionary([{ id: 'extraction', terms: ['tooth extraction', 'extraction'], inflect: 'noun', replacements: ['tooth removal'], only: { near: ['tooth', 'dentist'] } }]);
    const pulled = (text: string) => check(text, { dictionary: teeth }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.actual);
    expect(pulled('You may need a tooth extraction.')).toEqual(['tooth extraction']);
    expect(pulled('Your dentist may suggest an extraction.')).toEqual(['extraction']);
    expect(pulled('Data extraction is quick.')).toEqual([]);
  });

  it('says so when a match looks like part of a name or title, and words its message for that', () => {
    const d = tinyDictionary([
      { id: 'lived-experience', terms: ['lived experience'], inflect: 'none', replacements: ['personal experience', 'first-hand experience'] },
      { id: 'stakeholder-engagement', terms: ['stakeholder engagement'], inflect: 'none', replacements: ['involving people'] },
      { id: 'co-production', terms: ['co-production'], inflect: 'none', replacements: ['working together'] },
      { id: 'reablement', terms: ['reablement'], inflect: 'none', action: 'explain', replacements: ['short-term help at home'] },
    ]);
    const messages = (text: string) => check(text, { dictionary: d }).findings.map((f) => [f.actual, f.message, f.replacements.map((r) => r.fixable)]);
    const named = (actual: string, options: string) =>
      `“${actual}” looks like part of a name or title. Keep the name if readers need it, and say in plain words what it is; otherwise try ${options}.`;
    // Before the last word of a document's or a team's name, in a sentence of any length.
    expect(messages('It should be read with the Lived Experience Framework.')).toEqual([['Lived Experience', named('Lived Experience', '“Personal Experience” or “First-hand Experience”'), [false, false]]]);
    expect(messages('Our Co-production Strategy was published in May.')).toEqual([['Co-production', named('Co-production', '“Working Together”'), [false]]]);
    expect(messages('Please contact the Stakeholder Engagement Team for help.')).toEqual([['Stakeholder Engagement', named('Stakeholder Engagement', '“Involving People”'), [false]]]);
    // The same words in the writer's own prose, and in a heading of their own, get the usual message.
    expect(messages('We value lived experience.')).toEqual([['lived experience', 'Try “personal experience” or “first-hand experience” instead of “lived experience”.', [true, true]]]);
    expect(messages('## Co-production in Practice')).toEqual([['Co-production', 'Try “Working Together” instead of “Co-production”.', [true]]]);
    // A name is explained like any other term.
    expect(messages('The Reablement Service can help.')[0][1]).toBe('Explain “Reablement” in plain words: “short-term help at home”.');
  });

  it('applies a replacement that needs a clause after it (before: clause) only before one', () => {
    const d = tinyDictionary([
      { id: 'ensure', terms: ['ensure'], inflect: 'verb', replacements: [{ text: 'make sure', forms: { third: 'makes sure', past: 'made sure', participle: 'made sure', gerund: 'making sure' }, before: 'clause' }] },
    ]);
    const fixable = (t: string) => offersWith(d)(t).map(([actual, texts, fixable]) => [actual, texts[0], fixable[0]]);
    // "that", a pronoun (contracted too), or a verb such as "is" or "has" within six words.
    expect(fixable('Please ensure that you bring it.')).toEqual([['ensure', 'make sure', true]]);
    expect(fixable('Please ensure you bring it.')).toEqual([['ensure', 'make sure', true]]);
    expect(fixable('Ensure they’re as clear as they can be.')).toEqual([['Ensure', 'Make sure', true]]);
    expect(fixable('We are ensuring every patient has a named nurse.')).toEqual([['ensuring', 'making sure', true]]);
    expect(fixable('Run it on each node and ensure\nthat each node runs the code.')).toEqual([['ensure', 'make sure', true]]);
    // A thing after it: offered, not applied.
    expect(fixable('It ensures compliance with the rules.')).toEqual([['ensures', 'makes sure', false]]);
    expect(fixable('Work with a dietitian to ensure adequate nutrition.')).toEqual([['ensure', 'make sure', false]]);
    expect(fixable('To help ensure coordinated and safe care, ask.')).toEqual([['ensure', 'make sure', false]]);
    expect(fixable('You want to ensure:')).toEqual([['ensure', 'make sure', false]]);
    // A verb after a comma or a blank line belongs to another clause.
    expect(fixable('Ensure safety, and it is fine.')).toEqual([['Ensure', 'Make sure', false]]);
    expect(fixable('We ensure\n\nit is fine.')).toEqual([['ensure', 'make sure', false]]);
  });

  it('offers, but never applies, a replacement no article can go before, after an article', () => {
    const d = tinyDictionary([{ id: 'excessive', terms: ['excessive'], inflect: 'none', replacements: ['too much'] }]);
    const offers = offersWith(d);
    expect(offers('It is an excessive dose.')).toEqual([['excessive', ['too much'], [false]]]);
    expect(offers('It is excessive drinking.')).toEqual([['excessive', ['too much'], [true]]]);
  });

  it('offers, but never applies, a replacement with its own article after a determiner or an adjective', () => {
    const d = tinyDictionary([{ id: 'hypothyroidism', terms: ['hypothyroidism'], inflect: 'none', replacements: ['an underactive thyroid'] }]);
    const fixable = (t: string) => fixableWith(d)(t).map(([actual, fixable]) => [actual, fixable[0]]);
    for (const t of ['It becomes permanent hypothyroidism.', 'Treat congenital hypothyroidism.', 'Untreated hypothyroidism harms.', 'It is mild hypothyroidism.', 'A small hypothyroidism may go away.']) {
      expect(fixable(t), t).toEqual([['hypothyroidism', false]]);
    }
    for (const t of ['Some people develop hypothyroidism.', 'Symptoms of hypothyroidism vary.', 'Hypothyroidism is common.', 'It can worsen hypothyroidism.', 'Too little is called hypothyroidism.', 'The chance that hypothyroidism returns.']) {
      expect(fixable(t)[0][1], t).toBe(true);
    }
    // After a word that says which one, the replacement leaves its own article out, and an "a"
    // or "an" before agrees with what follows.
    const fix = (t: string) => applyFixes(t, fixAll(check(t, { dictionary: d }).findings)).text;
    expect(fix('People whose hypothyroidism is mild.')).toBe('People whose underactive thyroid is mild.');
    expect(fix('The hypothyroidism came back.')).toBe('The underactive thyroid came back.');
    expect(fix('It is a hypothyroidism of the elderly.')).toBe('It is an underactive thyroid of the elderly.');
    expect(fix('Some people develop hypothyroidism.')).toBe('Some people develop an underactive thyroid.');
  });

  it('offers, but never applies, a replacement for a word right after inline code', () => {
    const d = tinyDictionary([{ id: 'query', terms: ['query'], inflect: 'noun', replacements: ['question'] }]);
    const fixable = fixableWith(d);
    expect(fixable('Write `@container` queries in Sass.')).toEqual([['queries', [false]]]);
    expect(fixable('Run `npm test`  queries first.')).toEqual([['queries', [false]]]);
    expect(fixable('Write `@container`: queries are answered.')).toEqual([['queries', [true]]]);
    expect(fixable('Send your queries to us.')).toEqual([['queries', [true]]]);
    // Every kind of replacement: a word to leave out, an explanation.
    const kinds = tinyDictionary([
      { id: 'very', terms: ['very'], inflect: 'none', action: 'omit' },
      { id: 'rheumatology', terms: ['rheumatology'], inflect: 'none', action: 'explain', replacements: ['joint, muscle and bone conditions'] },
    ]);
    const kindsFixable = fixableWith(kinds);
    expect(kindsFixable('Use `very` very rarely.')).toEqual([['very', [false]]]);
    expect(kindsFixable('It is very rare.')).toEqual([['very', [true]]]);
    expect(kindsFixable('Ask `npm` rheumatology questions.')).toEqual([['rheumatology', [false]]]);
    // Inside a name, an explanation is not applied either.
    expect(kindsFixable('The American College of Rheumatology recommends biopsies for all people.')).toEqual([['Rheumatology', [false]]]);
    expect(kindsFixable('We read about rheumatology today.')).toEqual([['rheumatology', [true]]]);
  });

  it('offers, but never applies, a replacement that would write a word twice', () => {
    const d = tinyDictionary([
      { id: 'in-order-to', terms: ['in order to'], inflect: 'none', replacements: ['to'] },
      { id: 'signpost', terms: ['signpost'], inflect: 'verb', replacements: ['point to'] },
    ]);
    const offers = offersWith(d);
    expect(offers('We need to in order to respond.')).toEqual([['in order to', ['to'], [false]]]);
    expect(offers('You can signpost to 111.')).toEqual([['signpost', ['point to'], [false]]]);
    expect(offers('We met in order to respond. You can signpost 111.')).toEqual([
      ['in order to', ['to'], [true]],
      ['signpost', ['point to'], [true]],
    ]);
    // Or write its last words twice, where the text goes on with them.
    const stay = offersWith(tinyDictionary([{ id: 'residential-respite', terms: ['residential respite'], inflect: 'none', replacements: ['a short stay in a care home'] }]));
    expect(stay('We offer residential respite in a care home.')).toEqual([['residential respite', ['a short stay in a care home'], [false]]]);
    expect(stay('We offer residential respite in a hospice.')).toEqual([['residential respite', ['a short stay in a care home'], [true]]]);
    expect(stay('We offer residential respite at home.')).toEqual([['residential respite', ['a short stay in a care home'], [true]]]);
  });

  it('leaves out "in the process of" only before an -ing form', () => {
    const d = tinyDictionary([
      { id: 'in-the-process-of', terms: ['in the process of'], inflect: 'none', action: 'omit' },
      { id: 'a-total-of', terms: ['a total of'], inflect: 'none', action: 'omit' },
    ]);
    const offers = offersWith(d);
    expect(offers('We are in the process of updating it.')).toEqual([['in the process of', [''], [true]]]);
    expect(offers('Test early on in the process of service design.')).toEqual([['in the process of', [''], [false]]]);
    // After a form of "be" only (a word such as "now" between): after a noun it says where.
    expect(offers('We’re now in the process of updating it.')).toEqual([['in the process of', [''], [true]]]);
    expect(offers('It was in the process of closing.')).toEqual([['in the process of', [''], [true]]]);
    expect(offers('Stop at a point in the process of applying.')).toEqual([['in the process of', [''], [false]]]);
    // At a sentence's start it leaves a clause.
    expect(offers('In the process of updating it, we lost data.')).toEqual([['In the process of', [''], [true]]]);
    expect(firstFixWith(d)('In the process of updating it, we lost data.')).toBe('Updating it, we lost data.');
    expect(offers('A total of 5 people came.')).toEqual([['A total of', [''], [true]]]);
  });

  it('takes a comma with a left-out word that opens or ends a list or a sentence', () => {
    const d = tinyDictionary([{ id: 'hereby', terms: ['hereby'], inflect: 'none', action: 'omit' }]);
    const fix = firstFixWith(d);
    expect(fix('Avoid legal words (hereby, therein, whereupon).')).toBe('Avoid legal words (therein, whereupon).');
    expect(fix('Hereby, we agree to the terms.')).toBe('We agree to the terms.');
    expect(fix('Avoid therein, hereby; and others.')).toBe('Avoid therein; and others.');
    expect(fix('I hereby agree.')).toBe('I agree.');
  });

  it('never applies words of several, nor an explanation, to the first part of a hyphenated compound', () => {
    const d = tinyDictionary([
      { id: 'hypoglycaemia', terms: ['hypoglycemia'], inflect: 'none', replacements: ['low blood sugar'] },
      { id: 'medication', terms: ['medication'], inflect: 'noun', replacements: ['medicine'] },
      { id: 'obstetrician', terms: ['obstetrician'], inflect: 'noun', action: 'explain', replacements: ['a doctor who specialises in pregnancy and birth'] },
    ]);
    const fixable = fixableWith(d);
    expect(fixable('It is hypoglycemia-associated failure.')).toEqual([['hypoglycemia', [false]]]);
    expect(fixable('Ask an obstetrician-gynecologist.')).toEqual([['obstetrician', [false]]]);
    // Nor inside a name or a title in capitals.
    expect(fixable('Ask the Obstetrician Support Team.')).toEqual([['Obstetrician', [false]]]);
    expect(fixable('Ask the Obstetrician on call.')).toEqual([['Obstetrician', [true]]]);
    // A capital after a term in lower case is the next word's own: "chronic (long-term) Chagas disease".
    expect(fixable('Ask an obstetrician Dr Lee will name.')).toEqual([['obstetrician', [true]]]);
    // One word keeps the compound whole; and a match that is no compound's part is fixed as before.
    expect(fixable('Check medication-related causes.')).toEqual([['medication', [true]]]);
    expect(fixable('It is hypoglycemia. Ask an obstetrician.')).toEqual([['hypoglycemia', [true]], ['obstetrician', [true]]]);
    expect(firstFixWith(d)('Check medication-related causes.')).toBe('Check medicine-related causes.');
  });

  it('offers, but never applies, a noun explanation between a noun and the noun it names a kind of', () => {
    const d = tinyDictionary([
      { id: 'catheter', terms: ['catheter'], inflect: 'noun', action: 'explain', replacements: [{ text: 'a thin, flexible tube', forms: { plural: 'thin, flexible tubes' } }] },
      { id: 'chronic', terms: ['chronic'], inflect: 'none', action: 'explain', replacements: ['long-term'] },
    ]);
    const fixable = (t: string) => fixableWith(d)(t).map(([actual, fixable]) => [actual, fixable[0]]);
    expect(fixable('Catheter ablation treats it.')).toEqual([['Catheter', false]]);
    expect(fixable('They use a stent and catheter insertion.')).toEqual([['catheter', false]]);
    // A verb, a preposition, punctuation or a plural after it: the sentence goes on.
    for (const t of ['A catheter is put in.', 'They insert the catheter through the urethra.', 'A catheter helps.', 'It needs a catheter.', 'A catheter, then a tube.', 'The catheters appear small.', 'A catheter taken out.']) {
      expect(fixable(t)[0][1], t).toBe(true);
    }
    // An adjective's explanation may go before its noun.
    expect(fixable('It causes chronic pain.')).toEqual([['chronic', true]]);
    // A term whose explanation starts with "a" or "an" is a noun, whatever its inflections.
    const spirometry = (t: string) => fixableWith(tinyDictionary([{ id: 'spirometry', terms: ['spirometry'], inflect: 'none', action: 'explain', replacements: ['a breathing test'] }]))(t).map(([actual, fixable]) => [actual, fixable[0]]);
    expect(spirometry('Book a spirometry test.')).toEqual([['spirometry', false]]);
    expect(spirometry('You may need spirometry at the clinic.')).toEqual([['spirometry', true]]);
  });

  it('doubles the last consonant of verbs stressed on it, in terms and replacements', () => {
    const d = tinyDictionary([
      { id: 'disincentivise', terms: ['disincentivise'], inflect: 'verb', replacements: ['deter'] },
      { id: 'deduce', terms: ['deduce'], inflect: 'verb', replacements: ['infer'] },
    ]);
    const fix = firstFixWith(d);
    expect(fix('Fees disincentivised people.')).toBe('Fees deterred people.');
    expect(fix('Fees are disincentivising people.')).toBe('Fees are deterring people.');
    expect(fix('We deduced it.')).toBe('We inferred it.');
    expect(fix('She deduces it.')).toBe('She infers it.');
  });

  it('puts "X of Y" phrases in the plural on their first word, terms and replacements alike', () => {
    const d = tinyDictionary([
      { id: 'period-of-time', terms: ['period of time'], inflect: 'noun', replacements: ['time'] },
      { id: 'standard', terms: ['gold standard'], inflect: 'noun', replacements: ['point of reference'] },
      { id: 'out-of-area', terms: ['out of area placement'], inflect: 'noun', replacements: ['place far from home'] },
    ]);
    const fix = firstFixWith(d);
    expect(jargonWith(d)('For long periods of time. For a short period of time.')).toEqual(['periods of time', 'period of time']);
    // "period of times" is no form of the term.
    expect(jargonWith(d)('The period of times table.')).toEqual([]);
    expect(fix('For long periods of time.')).toBe('For long times.');
    expect(fix('Two gold standards.')).toBe('Two points of reference.');
    // Longer phrases keep the plural on the last word.
    expect(jargonWith(d)('Out of area placements. Outs of area placement.')).toEqual(['Out of area placements']);
  });

  it('leaves a replacement whose noun is already a plural, or that has none to take it, as it is for a plural match', () => {
    const d = tinyDictionary([
      { id: 'care-package', terms: ['care package'], inflect: 'noun', replacements: ['care arrangements'] },
      { id: 'bonus', terms: ['added bonus'], inflect: 'noun', replacements: ['bonus'] },
      { id: 'best-practice', terms: ['best practice'], inflect: 'noun', replacements: ['good ways of working', 'what works well'] },
      { id: 'quorum', terms: ['quorum'], inflect: 'noun', replacements: ['minimum number of members'] },
      { id: 'lethargy', terms: ['lethargy'], inflect: 'noun', replacements: ['lack of energy'] },
    ]);
    const fix = firstFixWith(d);
    const offers = offersWith(d);
    expect(fix('Your care packages start on Monday.')).toBe('Your care arrangements start on Monday.');
    expect(fix('Share best practices.')).toBe('Share good ways of working.');
    expect(offers('Share best practices.')).toEqual([['best practices', ['good ways of working', 'what works well'], [true, true]]]);
    expect(fix('Both quorums were met.')).toBe('Both minimum numbers of members were met.');
    // Not "lacks of energy" nor "lack of energies": an entry that wants a plural gives it.
    expect(offers('Lethargies vary.')).toEqual([['Lethargies', ['Lack of energy'], [true]]]);
    // One word is still put in the plural.
    expect(fix('Two added bonuses.')).toBe('Two bonuses.');
  });

  it('explains a plural with the plural the entry gives, and never makes one up from the explanation', () => {
    const d = tinyDictionary([
      { id: 'stent', terms: ['stent'], inflect: 'noun', action: 'explain', replacements: [{ text: 'a small tube that holds a passage open', forms: { plural: 'small tubes that hold a passage open' } }] },
      { id: 'cannula', terms: ['cannula'], inflect: 'noun', action: 'explain', replacements: ['a thin tube put into a vein'] },
    ]);
    const fix = firstFixWith(d);
    expect(fix('You have a stent.')).toBe('You have a stent (a small tube that holds a passage open).');
    expect(fix('You have 2 stents.')).toBe('You have 2 stents (small tubes that hold a passage open).');
    expect(fix('Stents can move.')).toBe('Stents (small tubes that hold a passage open) can move.');
    // No plural given: the explanation as written.
    expect(fix('Cannulas can hurt.')).toBe('Cannulas (a thin tube put into a vein) can hurt.');
  });

  it('flags a term to explain at its first use in the document only, as acronyms are', () => {
    const d = tinyDictionary([
      { id: 'dysphagia', terms: ['dysphagia'], inflect: 'none', action: 'explain', replacements: ['difficulty swallowing'] },
      { id: 'chronic', terms: ['chronic'], inflect: 'none', action: 'explain', replacements: ['long-term'] },
      { id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] },
    ]);
    const found = (t: string) => check(t, { dictionary: d }).findings.filter((f) => f.ruleId === 'jargon').map((f) => [f.actual, f.range.start.line]);
    // Later uses, in the same paragraph or in others, are not flagged; other entries still are.
    expect(found('Dysphagia is common.\n\nWe utilise tests for dysphagia. We utilise them.\n\nDysphagia can last.')).toEqual([
      ['Dysphagia', 0],
      ['utilise', 2],
      ['utilise', 2],
    ]);
    // Explained at its first use: nothing, then or later.
    expect(found('Dysphagia (difficulty swallowing) is common.\n\nDysphagia can last.')).toEqual([]);
    expect(found('Difficulty swallowing, or dysphagia, is common. Dysphagia can last.')).toEqual([]);
    // Or by a few words set off with commas, "or" first.
    expect(found('A chronic, or long lasting, illness. Chronic pain.')).toEqual([]);
    expect(found('This is called dysphagia, or difficulty swallowing. Dysphagia can last.')).toEqual([]);
    expect(found('It is chronic, or long-lasting')).toEqual([]);
    // Not an explanation: the last item of a list, an acronym, more than 4 words, no comma before "or".
    expect(found('Tests include scans, dysphagia, or pain.')).toEqual([['dysphagia', 0]]);
    expect(found('It is called dysphagia, or DS, here.')).toEqual([['dysphagia', 0]]);
    expect(found('It is dysphagia, or a very hard time with food, here.')).toEqual([['dysphagia', 0]]);
    expect(found('It is dysphagia or trouble eating.')).toEqual([['dysphagia', 0]]);
    // Set off on both sides, it is an explanation even after a list's comma.
    expect(found('Causes are sudden, or acute, and chronic, or long lasting, illness.')).toEqual([]);
    // A heading counts only when the text never uses the term; its explanation counts.
    expect(found('# Living with dysphagia\n\nDysphagia is common. Chronic pain too.')).toEqual([['Dysphagia', 2], ['Chronic', 2]]);
    expect(found('# Living with dysphagia\n\nIt is common.')).toEqual([['dysphagia', 0]]);
    expect(found('# Living with dysphagia (difficulty swallowing)\n\nDysphagia is common.')).toEqual([]);
    // Flagged in a heading, its explanation is offered, not applied: it would make a long title.
    const fixable = (t: string) => check(t, { dictionary: d }).findings.filter((f) => f.ruleId === 'jargon').map((f) => [f.actual, f.replacements.map((r) => r.fixable)]);
    expect(fixable('# Living with dysphagia\n\nIt is common.')).toEqual([['dysphagia', [false]]]);
    expect(fixable('Living with dysphagia.\n\nIt is common.')).toEqual([['dysphagia', [true]]]);
    // Fix all writes the explanation once.
    const text = 'Chronic pain and chronic fatigue.\n\nMore chronic pain.';
    const all = check(text, { dictionary: d }).findings.filter((f) => f.ruleId === 'jargon');
    expect(applyFixes(text, all.map((f) => f.replacements[0].edit)).text).toBe('Chronic (long-term) pain and chronic fatigue.\n\nMore chronic pain.');
  });

  it('leaves to the writer a fix that would change the words an acronym after them stands for', () => {
    const d = tinyDictionary([
      { id: 'diabetes-mellitus', terms: ['diabetes mellitus'], inflect: 'none', replacements: ['diabetes'] },
      { id: 'stakeholder', terms: ['stakeholder engagement'], inflect: 'none', replacements: ['involving people'] },
    ]);
    const jargon = (t: string) => check(t, { dictionary: d }).findings.filter((f) => f.ruleId === 'jargon');
    const text = 'Neonatal diabetes mellitus (NDM) is rare. We run stakeholder engagement (SE) events. Diabetes mellitus (DM) is common.';
    const found = jargon(text);
    expect(found.map((f) => [f.actual, f.replacements.map((r) => r.fixable)])).toEqual([
      ['diabetes mellitus', [false]],
      ['stakeholder engagement', [false]],
      ['Diabetes mellitus', [false]],
    ]);
    expect(found[0].message).toBe('Try “diabetes” instead of “diabetes mellitus”. “NDM” stands for these words: if you change them, change or drop “NDM” too.');
    // Or after ", or".
    const afterOr = jargon('Mild diabetes mellitus, or MDM, is rare.');
    expect(afterOr.map((f) => [f.actual, f.replacements.map((r) => r.fixable)])).toEqual([['diabetes mellitus', [false]]]);
    expect(jargon('Diabetes mellitus or DM is rare.').map((f) => f.replacements[0].fixable)).toEqual([true]);
    // The quick fix is still there to choose; fix all leaves the text as it is.
    expect(found[0].replacements[0].edit).toEqual({ start: 9, end: 26, newText: 'diabetes' });
    expect(applyFixes(text, fixAll(found)).text).toBe(text);
    // Brackets that spell something else, or hold words, or stand further away: fixed as ever.
    for (const other of ['Diabetes mellitus (DX) is common.', 'Diabetes mellitus (see below) is common.', 'Diabetes mellitus is common (DMC).', 'Diabetes mellitus, a disease (DM), is common.']) {
      const f = jargon(other);
      expect(f.map((x) => [x.actual, x.replacements.map((r) => r.fixable)]), other).toEqual([['Diabetes mellitus', [true]]]);
      expect(f[0].message, other).toBe('Try “Diabetes” instead of “Diabetes mellitus”.');
    }
  });

  it('leaves a term glossed by its own replacement in brackets: a fix would write the plain words twice', () => {
    const d = tinyDictionary([
      { id: 'pertussis', terms: ['pertussis'], inflect: 'none', category: 'medical', replacements: ['whooping cough'] },
      { id: 'haematologist', terms: ['haematologist'], inflect: 'noun', category: 'medical', replacements: ['blood specialist'] },
      { id: 'very', terms: ['very'], inflect: 'none', action: 'omit' },
    ]);
    const terms = jargonWith(d);
    expect(terms('Whooping cough (pertussis) is back.')).toEqual([]);
    expect(terms('Pertussis (Whooping Cough) is back.')).toEqual([]);
    expect(terms('Ask the blood specialists ( haematologists ).')).toEqual([]);
    expect(terms('Haematologists (blood specialists) can help.')).toEqual([]);
    // The plain words may be in quotes, as an acronym's expansion may.
    expect(terms("It is 'whooping cough' (pertussis).")).toEqual([]);
    // Not glossed: other words in the brackets (for a term that is not medical), a bracket not
    // closed after them, the gloss split by punctuation, or brackets round something else.
    expect(jargonWith(tinyDictionary([{ id: 'bame', terms: ['BAME'], inflect: 'none', category: 'respectful-language', replacements: ['ethnic minority'] }]))('Avoid BAME (Black, Asian and minority ethnic).')).toEqual(['BAME']);
    expect(terms('Pertussis (whooping cough is back.')).toEqual(['Pertussis']);
    // Or joined by "or", either way round.
    expect(terms('Pertussis, or whooping cough, is back.')).toEqual([]);
    expect(terms('It causes whooping cough or pertussis.')).toEqual([]);
    expect(terms('Ask blood specialists, or haematologists.')).toEqual([]);
    expect(terms('Is it pertussis or flu?')).toEqual(['pertussis']);
    expect(terms('It is whooping cough. Or pertussis.')).toEqual(['pertussis']);
    expect(terms('It is whooping cough; or pertussis.')).toEqual(['pertussis']);
    expect(terms('It is whooping. Cough (pertussis, the old name) is back.')).toEqual(['pertussis']);
    expect(terms('Pertussis (see below) is back.')).toEqual(['Pertussis']);
    expect(terms('It is very (very) hard.')).toEqual(['very', 'very']);
    // The plain words in brackets after a medical term, with other words and in any order.
    expect(terms('Pertussis (whooping cough in babies) is back.')).toEqual([]);
    expect(terms('A haematologist (a blood disease specialist) can help.')).toEqual([]);
    expect(terms('Ask the haematologists (specialists in blood).')).toEqual([]);
    expect(terms('A haematologist (a specialist) can help.')).toEqual(['haematologist']);
    expect(terms('A haematologist (see the blood tests page and ask a specialist there) can help.')).toEqual(['haematologist']);
    // A medical term alone in brackets after words is their name ("difficulty swallowing
    // (dysphagia)"): those words explain it, whatever they are, and a fix wrote brackets in brackets.
    expect(terms('Ask a doctor who treats blood (haematologist).')).toEqual([]);
    expect(terms('It is whooping. Cough (pertussis) is back.')).toEqual([]);
    expect(terms('Ask a doctor (haematologist or nurse).')).toEqual(['haematologist']);
    expect(terms('Ask the bleeding team (also called a haematologist).')).toEqual([]);
    // Still flagged at the end of a bracket with other words, an explanation there is offered, not
    // applied: it would write brackets in brackets.
    const explainIt = fixableWith(tinyDictionary([{ id: 'neuropathy', terms: ['neuropathy'], inflect: 'none', category: 'medical', action: 'explain', replacements: ['nerve damage'] }]));
    expect(explainIt('Numb feet (peripheral neuropathy) are common.')).toEqual([['neuropathy', [false]]]);
    expect(explainIt('Peripheral neuropathy is common.')).toEqual([['neuropathy', [true]]]);
    // An acronym alone in brackets after a term to explain is its short name, not what it means:
    // still flagged, and the explanation offered, not applied (two brackets in a row).
    const rc = fixableWith(tinyDictionary([{ id: 'responsible-clinician', terms: ['responsible clinician'], inflect: 'noun', category: 'care-services', action: 'explain', replacements: ['the senior professional in charge of your care'] }]));
    expect(rc('Your responsible clinician (RC) may grant you leave.')).toEqual([['responsible clinician', [false]]]);
    expect(rc('Your responsible clinician (the senior doctor in charge) may grant you leave.')).toEqual([]);
    expect(rc('Your responsible clinician (RC and nurse) may grant you leave.')).toEqual([]);
    expect(rc('Your responsible clinician may grant you leave.')).toEqual([['responsible clinician', [true]]]);
    // A term in capitals alone in brackets after words that spell it is being defined.
    const wc = jargonWith(tinyDictionary([{ id: 'wc', terms: ['WC'], caseSensitive: true, inflect: 'noun', category: 'government-jargon', replacements: ['toilet'] }]));
    expect(wc('A team of Wood Cutters (WC) was set up.')).toEqual([]);
    expect(wc('It has a water closet (WC) downstairs.')).toEqual([]);
    expect(wc('It has a downstairs WC.')).toEqual(['WC']);
    expect(wc('It has a room (WC) downstairs.')).toEqual(['WC']);
    // Nor do brackets that say who, when or where: an age, a page, a number.
    const impetigo = jargonWith(tinyDictionary([{ id: 'impetigo', terms: ['impetigo'], inflect: 'none', category: 'medical', action: 'explain', replacements: ['a skin infection'] }]));
    expect(impetigo('- Impetigo (aged 1 and over)')).toEqual(['Impetigo']);
    expect(impetigo('- Impetigo (adults and children over 12)')).toEqual(['Impetigo']);
    // One list of such words for both: a word list's headword and an explanation.
    expect(impetigo('- Impetigo (babies and toddlers)')).toEqual(['Impetigo']);
    expect(impetigo('Read about impetigo (people with eczema get it more).')).toEqual(['impetigo']);
    expect(impetigo('- impetigo (unless it is mild)')).toEqual([]);
    expect(impetigo('Read about impetigo (see page 4).')).toEqual(['impetigo']);
    expect(impetigo('Read about impetigo (2 pages).')).toEqual(['impetigo']);
    expect(impetigo('Read about impetigo (a skin infection with sores).')).toEqual([]);
    expect(impetigo('Read about impetigo (sores on the skin).')).toEqual([]);
    // A definition after the acronym explains the term too, in its sentence or the next.
    const tia = jargonWith(tinyDictionary([{ id: 'tia', terms: ['transient ischaemic attack'], inflect: 'noun', category: 'medical', action: 'explain', replacements: ['a mini-stroke'] }]));
    expect(tia('A transient ischaemic attack (TIA) is a short stroke that passes.')).toEqual([]);
    expect(tia('It can cause a transient ischaemic attack (TIA). A TIA is a short stroke that passes.')).toEqual([]);
    expect(tia('It can cause a transient ischaemic attack (TIA). A stroke is an attack that hurts.')).toEqual(['transient ischaemic attack']);
    expect(tia('It can cause a transient ischaemic attack (TIA) and more. Call us. A TIA is a short stroke that passes.')).toEqual(['transient ischaemic attack']);
    expect(tia('A transient ischaemic attack (TIA), is a short stroke that passes.')).toEqual(['transient ischaemic attack']);
    // Words to avoid in brackets after "not" are talked about.
    const noon = jargonWith(tinyDictionary([{ id: 'twelve-noon', terms: ['12 noon', '12pm'], inflect: 'none', replacements: ['midday'] }]));
    expect(noon('* midday (not 12 noon, noon or 12pm)')).toEqual([]);
    expect(noon('Come at 12 noon (not later).')).toEqual(['12 noon']);
    expect(noon('Come (not before 9) at 12 noon.')).toEqual(['12 noon']);
    // A replacement's article is no part of its gloss.
    const withArticle = jargonWith(tinyDictionary([{ id: 'hypothyroidism', terms: ['hypothyroidism'], inflect: 'none', replacements: ['an underactive thyroid'] }]));
    expect(withArticle('It is caused by underactive thyroid (hypothyroidism).')).toEqual([]);
    expect(withArticle('It is caused by hypothyroidism (underactive thyroid).')).toEqual([]);
    expect(withArticle('It is caused by hypothyroidism (an thyroid).')).toEqual(['hypothyroidism']);
  });

  it('leaves a medical term, or a term to explain, that names the words before it: "a thin tube called a catheter"', () => {
    const d = tinyDictionary([
      { id: 'catheter', terms: ['catheter'], inflect: 'noun', category: 'medical', action: 'explain', replacements: [{ text: 'a thin tube', forms: { plural: 'thin tubes' } }] },
      { id: 'haematologist', terms: ['haematologist'], inflect: 'noun', category: 'medical', replacements: ['blood specialist'] },
      { id: 'stakeholder', terms: ['stakeholder'], inflect: 'noun', category: 'government-jargon', replacements: ['partner'] },
    ]);
    const terms = jargonWith(d);
    expect(terms('The nurse puts a thin, soft tube called a catheter into your bladder.')).toEqual([]);
    expect(terms('You may see a blood doctor, known as a haematologist.')).toEqual([]);
    expect(terms('A doctor who treats blood is called a haematologist.')).toEqual([]);
    // Only a kind of thing, or nothing before it, names nothing.
    expect(terms('You have a condition called haematologist syndrome.')).toEqual(['haematologist']);
    expect(terms('Called a haematologist, she came.')).toEqual(['haematologist']);
    expect(terms('She called a haematologist.')).toEqual(['haematologist']);
    expect(terms('It is called a haematologist.')).toEqual(['haematologist']);
    // Other jargon is still jargon.
    expect(terms('Local groups, called stakeholders, met.')).toEqual(['stakeholders']);
  });

  it('leaves a medical term, or a term to explain, that its sentence defines: "A paediatrician is a doctor who…"', () => {
    const d = tinyDictionary([
      { id: 'paediatrician', terms: ['paediatrician'], inflect: 'noun', category: 'medical', replacements: ["children's doctor"] },
      { id: 'renal', terms: ['renal'], inflect: 'none', category: 'medical', replacements: ['kidney'] },
      { id: 'cerebral-hypoxia', terms: ['cerebral hypoxia'], inflect: 'none', category: 'medical', replacements: ['lack of oxygen to the brain'] },
      { id: 'cerebral', terms: ['cerebral'], inflect: 'none', category: 'medical', replacements: ['brain'] },
      { id: 'stakeholder', terms: ['stakeholder'], inflect: 'noun', category: 'government-jargon', replacements: ['partner'] },
    ]);
    const terms = jargonWith(d);
    expect(terms('A paediatrician is a doctor who looks after children.')).toEqual([]);
    expect(terms('Paediatricians are doctors who look after children.')).toEqual([]);
    expect(terms('The paediatrician is an expert whose job is children.')).toEqual([]);
    expect(terms('Renal means kidney.')).toEqual([]);
    expect(terms('Renal means fewer trips to hospital.')).toEqual(['Renal']);
    // Its words are explained with it: no use of "cerebral" of its own.
    expect(terms('Cerebral hypoxia is a condition in which the brain gets too little oxygen.')).toEqual([]);
    // Not a definition: not the sentence's subject, "is" or "are" not followed by what it is, or no "who", "that"...
    expect(terms('Ask if a paediatrician is a person who can help.')).toEqual(['paediatrician']);
    expect(terms('A paediatrician is also given notes that help.')).toEqual(['paediatrician']);
    expect(terms('Paediatricians are often asked where to go.')).toEqual(['Paediatricians']);
    expect(terms('Paediatricians are busy.')).toEqual(['Paediatricians']);
    expect(terms('A paediatrician is a doctor.')).toEqual(['paediatrician']);
    expect(terms('Cerebral hypoxia is common. It is a condition that harms the brain.')).toEqual(['Cerebral hypoxia']);
    // Or followed by what it means.
    expect(terms('Tumours can be paediatrician, which means not cancerous.')).toEqual([]);
    expect(terms('The damage is renal, meaning it is in the kidneys.')).toEqual([]);
    expect(terms('The damage is renal (which means in the kidneys).')).toEqual([]);
    expect(terms('The damage is renal, which we measure.')).toEqual(['renal']);
    expect(terms('You may have a paediatrician, which is a doctor for children.')).toEqual([]);
    expect(terms('You may have a paediatrician, which is rare.')).toEqual(['paediatrician']);
    expect(terms('You may need a paediatrician, which is an important step.')).toEqual(['paediatrician']);
    expect(terms('The damage is renal; meaning is unclear.')).toEqual(['renal']);
    // Jargon of other kinds is still jargon when defined: the plain word is better.
    expect(terms('A stakeholder is a person who cares about the service.')).toEqual(['stakeholder']);
  });
});

describe('findings', () => {
  it('carry rule id, entry id, offsets, positions, message, severity, explanation and source', () => {
    const [f] = check('Line one.\nWe utilise it.', { dictionary: dict }).findings.filter((x) => x.ruleId === 'jargon');
    expect(f).toMatchObject({
      ruleId: 'jargon',
      entryId: 'utilise',
      category: 'government-jargon',
      start: 13,
      end: 20,
      range: { start: { line: 1, character: 3 }, end: { line: 1, character: 10 } },
      actual: 'utilise',
      severity: 'warning',
      explanation: 'test entry',
      source: 'test',
    });
    expect(f.message).toContain('“use”');
    expect(f.url).toMatch(/#utilise$/);
  });
});

describe('acronyms and capitals in terms', () => {
  const d = tinyDictionary([
    { id: 'opel-level', terms: ['OPEL level'], inflect: 'noun', replacements: ['pressure level'] },
    { id: 'gp-practice', terms: ['GP practice'], caseSensitive: false, inflect: 'noun', replacements: ['GP surgery'] },
    { id: 'gp', kind: 'acronym', terms: ['GP'], expansion: 'general practitioner', noExpansion: true },
    { id: 'kpi', kind: 'acronym', terms: ['KPI'], expansion: 'key performance indicator' },
    { id: 'key', terms: ['key'], inflect: 'none', replacements: ['important'] },
    { id: 'ppi', kind: 'acronym', terms: ['PPI'], expansion: 'patient and public involvement', unless: { near: ['omeprazole'] } },
    { id: 'oap', terms: ['OAP', 'old age pensioner'], inflect: 'noun', replacements: ['older person'] },
    { id: 'radiograph', terms: ['radiograph'], inflect: 'noun', replacements: ['X-ray'] },
  ]);
  const jargon = (t: string) => check(t, { dictionary: d }).findings.filter((f) => f.ruleId === 'jargon');
  const acronyms = (t: string) => check(t, { dictionary: d }).findings.filter((f) => f.ruleId === 'acronym').map((f) => f.actual);
  const fix = (t: string) => applyFixes(t, [jargon(t)[0].replacements[0].edit]).text;

  it('matches lower-case words of a case-sensitive phrase', () => {
    expect(jargon('The hospital is at OPEL level 4.').map((f) => f.actual)).toEqual(['OPEL level']);
    expect(jargon('The hospital is at opel level 4.')).toEqual([]);
  });

  it('follows both the exact and the lower-case branch of a shared first word', () => {
    expect(jargon('Contact your GP practice.').map((f) => f.actual)).toEqual(['GP practice']);
  });

  it('matches a possessive and leaves the apostrophe out of the range', () => {
    expect(jargon("The OAP's card.").map((f) => f.actual)).toEqual(['OAP']);
    expect(fix("The old age pensioner's card.")).toBe("The older person's card.");
    // A replacement with a clause in it cannot take the possessive: offered, not applied.
    const offers = offersWith(tinyDictionary([{ id: 'respondent', terms: ['respondent'], inflect: 'noun', replacements: [{ text: 'person who replied', forms: { plural: 'people who replied' } }] }]));
    expect(offers('It was led by respondents\u2019 own views.')).toEqual([['respondents', ['people who replied'], [false]]]);
    expect(offers("It was led by the respondent's own views.")).toEqual([['respondent', ['person who replied'], [false]]]);
    expect(offers('It was led by respondents and staff.')).toEqual([['respondents', ['people who replied'], [true]]]);
    // Nor before a noun it would describe.
    expect(offers('It was a respondent survey.')).toEqual([['respondent', ['person who replied'], [false]]]);
    expect(offers('It was a respondent, who spoke.')).toEqual([['respondent', ['person who replied'], [true]]]);
    expect(offers('We watch how respondents complete it.')).toEqual([['respondents', ['people who replied'], [true]]]);
  });

  it('keeps the case rule of the term that matched in a mixed entry', () => {
    expect(fix('Every OAP can get a free flu vaccine.')).toBe('Every older person can get a free flu vaccine.');
    expect(fix('Every OLD AGE PENSIONER can apply.')).toBe('Every OLDER PERSON can apply.');
  });

  it('uses the sound of a letter for a/an', () => {
    expect(fix('You will have a radiograph today.')).toBe('You will have an X-ray today.');
  });

  it('applies context conditions to acronyms', () => {
    expect(acronyms('Your GP may suggest a PPI such as omeprazole.')).toEqual([]);
    expect(acronyms('Join our PPI group.')).toEqual(['PPI']);
  });

  it('does not flag words inside an acronym expansion written in place', () => {
    expect(jargon('Our key performance indicator (KPI) is waiting time.')).toEqual([]);
    expect(acronyms('Our key performance indicator (KPI) is waiting time.')).toEqual([]);
    expect(jargon('This is key.').length).toBe(1);
  });

  it('does not treat text in capitals as acronyms', () => {
    expect(acronyms('CUT DOWN ON PPI AND SALT TODAY')).toEqual([]);
  });
});

describe('abbreviations and flag-only entries', () => {
  const d = tinyDictionary([
    { id: 'eg', terms: ['e.g.'], inflect: 'none', replacements: ['for example'] },
    { id: 'pain-point', terms: ['pain point'], inflect: 'noun', replacements: ['problem'] },
    { id: 'simple', terms: ['simple'], inflect: 'none', why: 'Calling something simple can make people feel bad. Show the steps, e.g. a list.' },
  ]);
  const jargon = (t: string) => check(t, { dictionary: d }).findings.filter((f) => f.ruleId === 'jargon');

  it('matches a dotted abbreviation with its full stop, and fixes it cleanly', () => {
    const t = 'Bring some ID, e.g. a passport.';
    const [f] = jargon(t);
    expect(f.actual).toBe('e.g.');
    expect(applyFixes(t, [f.replacements[0].edit]).text).toBe('Bring some ID, for example a passport.');
  });

  it('inflects the last word of a phrase even when it is a common noun', () => {
    expect(jargon('We asked about the pain points in booking.').map((f) => f.actual)).toEqual(['pain points']);
  });

  it('flags an entry with no replacement and offers no fix', () => {
    const [f] = jargon('It is simple to apply.');
    expect(f.replacements).toEqual([]);
    // Its message is what is wrong, in the entry's first sentence: no plain word is on offer.
    expect(f.message).toBe('“simple”: Calling something simple can make people feel bad.');
  });
});

describe('plural possessives', () => {
  const d = tinyDictionary([
    { id: 'carers-assessment', terms: ["carer's assessment", 'carers assessment'], inflect: 'none', replacements: ['check of what help you need'] },
    { id: 'commissioner', terms: ['commissioner'], inflect: 'noun', replacements: ['funder'], allowIn: ["Victims' Commissioner"] },
  ]);
  const jargon = jargonWith(d);

  it("reads the apostrophe of a plural possessive with its word, so phrases match across it", () => {
    expect(jargon("Ask for a carers' assessment. Ask for a carers’ assessment. Ask for a carer's assessment.")).toEqual(["carers' assessment", 'carers’ assessment', "carer's assessment"]);
    expect(jargon("The Victims' Commissioner and the Victims’ Commissioner spoke; the commissioner agreed.")).toEqual(['commissioner']);
    // A quote that closes after a word in s is still a gap at the end of a sentence or before punctuation.
    expect(jargon("We say 'carers'. Assessment follows.")).toEqual([]);
  });
});

describe('mentions', () => {
  const d = tinyDictionary([{ id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'] }]);
  const jargon = jargonWith(d);

  it('does not flag a word in quotes talked about rather than used', () => {
    expect(jargon('Say “use”, not “utilise”. Avoid \'utilise\' and "utilised".')).toEqual([]);
    expect(jargon('He said "we will utilise it" today.')).toEqual(['utilise']);
  });

  it('does not flag a heading, table cell or list item that is only the term', () => {
    expect(jargon('## Utilise\n\n| utilise | use |\n|---|---|\n| utilise | use |\n\n- utilise')).toEqual([]);
    expect(jargon('## We utilise data')).toEqual(['utilise']);
  });

  it('does not flag the headword of a word list: a list item that starts with the term, then a bracket or a spaced dash', () => {
    expect(jargon("- utilise (use 'use')\n- utilised - say 'used'\n- *utilising* – say 'using'\n- utilise — no")).toEqual([]);
    // A list item that uses the term, or a dash that is a hyphen, is prose.
    expect(jargon('- utilise the form (page 2)\n- We utilise (sometimes) data\n- utilise-ready\n- utilise: the new form')).toEqual(['utilise', 'utilise', 'utilise', 'utilise']);
    expect(jargon('- utilise (unless you mean it), use "use"')).toEqual([]);
    // A list written on one line, a bracket the item goes on after, a bracket never closed.
    expect(jargon('- utilise  - plan - run\n- utilise (U). It helps.\n- utilise (see')).toEqual(['utilise', 'utilise', 'utilise']);
    // Not in a paragraph of its own.
    expect(jargon('Utilise (if you can) the form.')).toEqual(['Utilise']);
  });

  it('does not flag the words inside a longer term that is only mentioned', () => {
    const d2 = tinyDictionary([
      { id: 'hypertension', terms: ['hypertension'], inflect: 'none', replacements: ['high blood pressure'] },
      { id: 'pulmonary-hypertension', terms: ['pulmonary hypertension'], inflect: 'none', action: 'explain', replacements: ['high blood pressure in the lungs'] },
    ]);
    const found = jargonWith(d2);
    expect(found('# Pulmonary hypertension\n\nSome text.')).toEqual([]);
    expect(found("We say 'pulmonary hypertension' here.")).toEqual([]);
    expect(found('| pulmonary hypertension | high pressure |\n|---|---|')).toEqual([]);
    // Used, not mentioned: the longer term, and the shorter one elsewhere.
    expect(found('# Pulmonary hypertension and hypertension')).toEqual(['Pulmonary hypertension', 'hypertension']);
  });

  it('does not flag the headword of a word list that gives its advice after a comma', () => {
    expect(jargon("* utilise, use 'use'\n* utilised, say 'used'\n* utilising, usually not needed")).toEqual([]);
    // A comma and more words of the item.
    expect(jargon('- utilise, or plan, the form\n- utilise, then plan\n- We utilise, use and reuse')).toEqual(['utilise', 'utilise', 'utilise']);
  });
});

describe('when: context the base form needs', () => {
  const d = tinyDictionary([
    { id: 'action', terms: ['action'], inflect: 'verb', replacements: [{ text: 'deal with', forms: { past: 'dealt with', gerund: 'dealing with', third: 'deals with' } }], when: { before: ['will', 'please', 'to be'] } },
  ]);
  const jargon = jargonWith(d);

  it('flags the base form only in the context given, and inflected forms always', () => {
    expect(jargon('Please action this. We will action it. It is yet to be action.')).toEqual(['action', 'action', 'action']);
    expect(jargon('Take action now. The action level is 80.')).toEqual([]);
    expect(jargon('We actioned it and are actioning more.')).toEqual(['actioned', 'actioning']);
  });
});

describe('acronym fixes', () => {
  const d = tinyDictionary([
    { id: 'mdt', kind: 'acronym', terms: ['MDT'], expansion: 'multidisciplinary team', category: 'acronym' },
    { id: 'hca', kind: 'acronym', terms: ['HCA'], expansion: 'healthcare assistant', category: 'acronym' },
    { id: 'lac', kind: 'acronym', terms: ['LAC'], expansion: 'looked-after child', category: 'acronym' },
  ]);
  const fix = (t: string) => {
    const [f] = check(t, { dictionary: d }).findings.filter((x) => x.ruleId === 'acronym');
    return applyFixes(t, [f.replacements[0].edit]).text;
  };

  it('correct "a"/"an" in front of the expansion', () => {
    expect(fix('We had an MDT meeting.')).toBe('We had a multidisciplinary team (MDT) meeting.');
    expect(fix('An HCA will call.')).toBe('A healthcare assistant (HCA) will call.');
    expect(fix('Ask a nurse or an HCA today.')).toBe('Ask a nurse or a healthcare assistant (HCA) today.');
  });

  it('correct the article as a jargon fix does: across emphasis and a line break, never across other text', () => {
    const cases: Array<[string, string]> = [
      ['We had an *MDT* meeting.', 'We had a *multidisciplinary team (MDT)* meeting.'],
      ['We had an **MDT** meeting.', 'We had a **multidisciplinary team (MDT)** meeting.'],
      ['We had an\nMDT meeting.', 'We had a\nmultidisciplinary team (MDT) meeting.'],
      ['An _HCA_ will call.', 'A _healthcare assistant (HCA)_ will call.'],
      ['Plan an MDT.', 'Plan a multidisciplinary team (MDT).'],
      // Link syntax or a comment between them (text the prose leaves out), or a full stop: kept.
      ['We had an [MDT](https://example.org) meeting.', 'We had an [multidisciplinary team (MDT)](https://example.org) meeting.'],
      ['We had an <!-- x --> MDT meeting.', 'We had an <!-- x --> multidisciplinary team (MDT) meeting.'],
      ['It was an. MDT meeting.', 'It was an. Multidisciplinary team (MDT) meeting.'],
    ];
    for (const [text, fixed] of cases) expect(fix(text), text).toBe(fixed);
  });

  it('use the plural of the expansion for a plural acronym', () => {
    expect(fix('Two LACs live here.')).toBe('Two looked-after children (LACs) live here.');
  });
});
