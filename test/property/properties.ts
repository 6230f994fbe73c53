// The engine's properties, shared by the test suite (few runs) and `npm run fuzz` (many runs).
// Each property is a fast-check property over generated documents; a failure is shrunk to a
// small document and replays from the seed fast-check prints.
import fc from 'fast-check';
import { AnalysisCache, analyseDocument, applyFixes, check, compileDictionary, fixAll, type CompiledDictionary, type DictionaryData, type DocumentFormat, type Finding, type TextEdit } from '../../server/src/engine/index.js';
import { analyseChunk } from '../../server/src/engine/analyse.js';
import { Docs, applyEdit } from './arbitraries.js';
import { assertOnlyEditsChanged, assertValidFindings, badBoundary } from './oracles.js';

export interface NamedProperty {
  /** Stable id (also the vitest test title's prefix). */
  id: string;
  title: string;
  property: fc.IProperty<any> | fc.IAsyncProperty<any>;
  /** Relative cost: the suite gives expensive properties fewer runs. */
  cost: number;
}

/** Fix rounds before a document must have settled (as the CLI's --fix). */
export const MAX_ROUNDS = 10;

const FORMATS: DocumentFormat[] = ['markdown', 'text'];

function findings(text: string, dictionary: CompiledDictionary, format: DocumentFormat, cache?: AnalysisCache): Finding[] {
  return check(text, { dictionary, format, cache }).findings;
}

/** Fix until nothing fixable is left; returns every round's text. Throws when it does not settle. */
export function fixToEnd(text: string, dictionary: CompiledDictionary, format: DocumentFormat): { rounds: string[]; final: string } {
  const rounds = [text];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = fixAll(findings(current, dictionary, format));
    const next = applyFixes(current, edits).text;
    if (next === current) return { rounds, final: current };
    rounds.push(next);
    current = next;
  }
  throw new Error(`fixes did not settle after ${MAX_ROUNDS} rounds:\n${rounds.slice(-3).map((r) => JSON.stringify(r)).join('\n')}`);
}

function sameFindings(a: Finding[], b: Finding[], what: string): void {
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  if (ja === jb) return;
  const show = (fs: Finding[]) => fs.map((f) => `${f.ruleId}/${f.entryId ?? ''}@${f.start}-${f.end}:${f.severity}:${JSON.stringify(f.actual)}`).join('\n    ');
  throw new Error(`${what}\n  one:\n    ${show(a)}\n  other:\n    ${show(b)}`);
}

export function engineProperties(data: DictionaryData): NamedProperty[] {
  const dictionary = compileDictionary(data);
  const docs = new Docs(data);
  const format = fc.constantFrom(...FORMATS);
  return [
    {
      id: 'F1-F2',
      title: 'never throws; every range is inside the text, on character boundaries, at the right line and column',
      cost: 1,
      property: fc.property(docs.doc(), format, (text, fmt) => {
        assertValidFindings(text, findings(text, dictionary, fmt));
      }),
    },
    {
      id: 'F1-binary',
      title: 'never throws on arbitrary strings (any code units, lone surrogates included)',
      cost: 1,
      property: fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', 'a', ' ', '\n', '\r', '*', '[', '>', '-', '`', '<', 'é'), maxLength: 200 }), format, (a, b, fmt) => {
        const text = a + b;
        assertValidFindings(text, findings(text, dictionary, fmt));
      }),
    },
    {
      id: 'F3',
      title: 'checking after random edits with a reused AnalysisCache equals checking the text fresh',
      cost: 4,
      property: fc.property(docs.doc({ maxLines: 16 }), docs.edits(), format, (start, edits, fmt) => {
        const cache = new AnalysisCache();
        let text = start;
        findings(text, dictionary, fmt, cache);
        for (const e of edits) {
          text = applyEdit(text, e);
          const incremental = findings(text, dictionary, fmt, cache);
          sameFindings(incremental, findings(text, dictionary, fmt), `after an edit, the cached check differs from a fresh one for ${JSON.stringify(text)}`);
        }
      }),
    },
    {
      id: 'F5-chunks',
      title: 'matching chunk by chunk (what editors cache) finds what parsing the whole document at once finds',
      cost: 2,
      property: fc.property(docs.doc(), format, (text, fmt) => {
        const doc = analyseDocument(text, { dictionary, format: fmt });
        const key = (m: { entry: number; start: number; end: number }) => `${dictionary.entries[m.entry]?.entry.id}@${m.start}-${m.end}`;
        const chunked = doc.chunks.flatMap((c) => c.analysis.matches.map((m) => key({ ...m, start: m.start + c.start, end: m.end + c.start })));
        const whole = analyseChunk(text, fmt, dictionary, true).matches.map(key);
        if (JSON.stringify(chunked) !== JSON.stringify(whole)) {
          throw new Error(`chunked: ${chunked.join(' ')}\n  whole:   ${whole.join(' ')}\n  chunks: ${JSON.stringify(doc.chunks.map((c) => text.slice(c.start, c.end)))}`);
        }
      }),
    },
    {
      id: 'F7',
      title: 'LF, CRLF and CR give the same findings at the same lines and columns',
      cost: 2,
      property: fc.property(docs.doc(), format, (raw, fmt) => {
        // One document written with each line break (no lone CR or CRLF inside lines).
        const lf = raw.replace(/\r\n?/g, '\n');
        const at = (text: string) => findings(text, dictionary, fmt).map((f) => `${f.ruleId}/${f.entryId ?? ''} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.actual.replace(/\r\n?/g, '\n')}`);
        const want = at(lf);
        for (const eol of ['\r\n', '\r']) {
          const got = at(lf.replace(/\n/g, eol));
          if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${JSON.stringify(eol)} line breaks moved findings:\n  LF:   ${want.join('\n        ')}\n  other: ${got.join('\n        ')}`);
        }
      }),
    },
    {
      id: 'F8',
      title: 'is deterministic: the same text gives byte-identical findings',
      cost: 1,
      property: fc.property(docs.doc(), format, (text, fmt) => {
        sameFindings(findings(text, dictionary, fmt), findings(text, dictionary, fmt), 'two checks of the same text differ');
      }),
    },
  ];
}

export function fixProperties(data: DictionaryData): NamedProperty[] {
  const dictionary = compileDictionary(data);
  const docs = new Docs(data);
  const format = fc.constantFrom(...FORMATS);
  return [
    {
      id: 'Q6-Q9',
      title: 'fix all changes nothing outside the edits, each edit stays next to its finding and splits no character',
      cost: 1,
      property: fc.property(docs.doc(), format, (text, fmt) => {
        const fs = findings(text, dictionary, fmt);
        const edits = fixAll(fs);
        const { text: out, applied } = applyFixes(text, edits);
        assertOnlyEditsChanged(text, out, applied);
        for (const e of applied) {
          for (const o of [e.start, e.end]) {
            const bad = badBoundary(text, o);
            if (bad) throw new Error(`fix edit [${e.start}, ${e.end}) → ${JSON.stringify(e.newText)}: ${bad} in ${JSON.stringify(text)}`);
          }
          const f = fs.find((x) => x.replacements.some((r) => r.edit === e));
          if (!f) throw new Error('an applied edit belongs to no finding');
          // Outside the flagged words, an edit may only take an article before them ("a"/"an", with
          // the spaces and emphasis marks between), the space next to them, or the first letter of
          // the next word with its combining marks (to capitalise it).
          const before = text.slice(e.start, Math.max(e.start, f.start));
          const after = text.slice(Math.min(e.end, f.end), e.end);
          if (!/^(?:(?:an?|An?|AN?)[\s*_~]+|\s)?$/u.test(before) || !/^\s*(?:[\s\S](?<![\uD800-\uDBFF])\p{M}*)?$/u.test(after)) {
            throw new Error(`fix edit [${e.start}, ${e.end}) for ${f.entryId} [${f.start}, ${f.end}) reaches beyond the finding: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`);
          }
        }
      }),
    },
    {
      id: 'Q5',
      title: `fixing converges within ${MAX_ROUNDS} rounds, leaves nothing fixable, and is idempotent`,
      cost: 3,
      property: fc.property(docs.doc({ maxLines: 16 }), format, (text, fmt) => {
        const { final } = fixToEnd(text, dictionary, fmt);
        const left = fixAll(findings(final, dictionary, fmt));
        const again = applyFixes(final, left).text;
        if (again !== final) throw new Error(`fixing the fixed text changed it again: ${JSON.stringify(final)} → ${JSON.stringify(again)}`);
        // Fixing twice from the start gives the same text (no dependence on state or order).
        if (fixToEnd(text, dictionary, fmt).final !== final) throw new Error('two fix runs of the same text differ');
      }),
    },
    {
      id: 'Q5-recheck',
      title: 'a re-check after fixing flags nothing a fix wrote with the entry it fixed',
      cost: 2,
      property: fc.property(docs.doc(), format, (text, fmt) => {
        const fs = findings(text, dictionary, fmt);
        const { text: out, applied } = applyFixes(text, fixAll(fs));
        // Where each applied edit landed in the new text.
        let shift = 0;
        const landed: Array<{ start: number; end: number; entryId?: string; ruleId: string }> = [];
        for (const e of applied) {
          const f = fs.find((x) => x.replacements.some((r) => r.edit === e))!;
          landed.push({ start: e.start + shift, end: e.start + shift + e.newText.length, entryId: f.entryId, ruleId: f.ruleId });
          shift += e.newText.length - (e.end - e.start);
        }
        for (const g of findings(out, dictionary, fmt)) {
          // Flagged again within what the fix wrote: the replacement is itself the term. A finding
          // that also takes in text the fix did not write is the source's own ("outside of of" →
          // "outside of"): the fix cannot help a doubled word, and a re-check rightly flags it.
          const again = landed.find((l) => l.entryId === g.entryId && l.ruleId === g.ruleId && l.start <= g.start && g.end <= l.end);
          if (again) throw new Error(`fixed ${g.ruleId}/${g.entryId} is flagged again at [${g.start}, ${g.end}) in ${JSON.stringify(out)} (from ${JSON.stringify(text)})`);
        }
      }),
    },
    {
      id: 'Q4',
      title: 'applyFixes on arbitrary edits: sorted, non-overlapping, adjacent ones both applied, nothing else changed',
      cost: 1,
      property: fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.record({ a: fc.nat(70), b: fc.nat(70), newText: fc.string({ maxLength: 5 }) }), { maxLength: 12 }),
        (text, raw) => {
          const edits: TextEdit[] = raw.map(({ a, b, newText }) => ({ start: Math.min(a, b), end: Math.max(a, b), newText }));
          const { text: out, applied } = applyFixes(text, edits);
          assertOnlyEditsChanged(text, out, applied);
          const valid = edits.filter((e) => e.end <= text.length);
          for (const e of valid) {
            if (applied.includes(e)) continue;
            // A dropped edit overlaps an applied one: it starts inside it (touching is not overlapping).
            if (!applied.some((a) => a.start <= e.start && e.start < a.end)) {
              throw new Error(`edit ${JSON.stringify(e)} was dropped though it overlaps no applied edit (${JSON.stringify(applied)})`);
            }
          }
          if (edits.some((e) => e.end > text.length && applied.includes(e))) throw new Error('an edit outside the text was applied');
          // Same edits in the same order: same result.
          if (applyFixes(text, edits).text !== out) throw new Error('applyFixes is not deterministic');
        },
      ),
    },
  ];
}
