// The client's reading of `plainwords/readability` against the engine's real report, so a change
// in the report's shape breaks this test rather than the report view.
import { describe, expect, it } from 'vitest';
import { analyseDocument, check, sectionsReadability } from '../../server/src/engine/index.js';
import { countJargon, ReportShapeError, toReportView } from '../../client/src/protocol.js';
import { dictionary } from '../support/engine.js';

const TEXT = [
  '# Leaving hospital',
  '',
  'We will utilise a care plan to support you at home. Going forward, your nurse will phone you each week to see how you are getting on with everything.',
  '',
  '## Your medicines',
  '',
  'Your GP will review your medication. If you have questions, call us. The pharmacist will explain the appropriate pharmacological interventions considering your comorbidities.',
  '',
].join('\n');

function serverAnswer(text = TEXT) {
  const result = check(text, { dictionary, format: 'markdown' });
  // What the server sends: the engine report plus uri and version.
  return { answer: { uri: 'file:///guide.md', version: 3, ...(result.readability as object) }, findings: result.findings };
}

describe('toReportView', () => {
  it('reads the engine report: document totals, one row per section, the hardest sentences', () => {
    const { answer } = serverAnswer();
    const view = toReportView(answer);
    expect(view.uri).toBe('file:///guide.md');
    expect(view.audience).toBe('public');
    expect(view.target).toBe(9);
    expect(view.readingAge).toEqual(expect.any(Number));
    expect(view.words).toBeGreaterThan(40);
    expect(view.sentences).toBe((answer as unknown as { document: { sentences: number } }).document.sentences);
    expect(view.sentences).toBeGreaterThanOrEqual(5);
    expect(view.sections.map((s) => [s.title, s.level])).toEqual([
      ['Leaving hospital', 1],
      ['Your medicines', 2],
    ]);
    expect(view.sections[1].range.start.line).toBe(4);
    expect(view.hardestSentences.length).toBeGreaterThan(0);
    const ages = view.hardestSentences.map((s) => s.readingAge);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    expect(view.hardestSentences[0].text).toContain('pharmacological');
  });

  it('reads the same view from an answer without paragraphs, which is what it asks for', () => {
    const { answer } = serverAnswer();
    expect((answer as unknown as { paragraphs: unknown[] }).paragraphs.length).toBeGreaterThan(0);
    const sectionsOnly = { uri: 'file:///guide.md', version: 3, ...(sectionsReadability(analyseDocument(TEXT, { dictionary, format: 'markdown' })) as object) } as { paragraphs?: unknown };
    expect(sectionsOnly.paragraphs).toEqual([]);
    expect(toReportView(sectionsOnly)).toEqual(toReportView(answer));
  });

  it('names text before the first heading', () => {
    const view = toReportView(serverAnswer('Some words before any heading are here for you.\n\n# Then a heading\n\nAnd more words follow it.\n').answer);
    expect(view.sections[0].title).toBe('Before the first heading');
    expect(view.sections[0].level).toBe(0);
  });

  it('rejects an answer of the wrong shape with a clear error', () => {
    expect(() => toReportView(null)).toThrow(ReportShapeError);
    expect(() => toReportView({ target: 9 })).toThrow(/not in the expected form/);
    expect(() => toReportView({ target: '9', document: {}, sections: [] })).toThrow(ReportShapeError);
  });

  it('survives odd values without throwing', () => {
    const view = toReportView({ target: 9, document: { readingAge: 'x', words: -3, hardest: [{ text: 1 }, { text: 'ok words here now', readingAge: 12 }] }, sections: [null, { heading: { text: '' } }] });
    expect(view.readingAge).toBeNull();
    expect(view.words).toBe(0);
    expect(view.sections).toHaveLength(1);
    expect(view.hardestSentences).toHaveLength(1);
  });
});

describe('countJargon', () => {
  it('groups the findings by entry, most frequent first, leaving out sentence rules', () => {
    const { findings } = serverAnswer(`${TEXT}\nWe utilise it. They utilised more.\n`);
    const jargon = countJargon(findings.map((f) => ({ code: f.entryId ?? f.ruleId, actual: f.actual, message: f.message })));
    expect(jargon[0]).toMatchObject({ id: 'utilise', count: 3, text: 'utilise' });
    expect(jargon.map((j) => j.id)).toEqual(expect.arrayContaining(['going-forward', 'medication']));
    expect(jargon.some((j) => ['hard-sentence', 'long-sentence', 'reading-age', 'passive-voice'].includes(j.id))).toBe(false);
  });

  it('counts each unexplained acronym on its own', () => {
    const jargon = countJargon([
      { code: 'acronym', actual: 'CQC', message: 'Explain CQC' },
      { code: 'acronym', actual: 'ICB', message: 'Explain ICB' },
      { code: 'acronym', actual: 'CQC', message: 'Explain CQC' },
    ]);
    expect(jargon.map((j) => [j.text, j.count])).toEqual([
      ['CQC', 2],
      ['ICB', 1],
    ]);
  });
});
