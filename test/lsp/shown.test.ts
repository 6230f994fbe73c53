// Past MAX_DIAGNOSTICS findings, the diagnostics shown are the most severe, in document order
// within a severity. The server picks them from severity counts over runs of findings (shownCut,
// shownFilter) and a fresh check through toDiagnostics: both are compared with a plain stable
// sort by severity here.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DIAGNOSTICS, severityRank, shownCut, shownFilter, toDiagnostics } from '../../server/src/lsp/convert.js';
import type { Finding, Severity } from '../../server/src/engine/index.js';

const ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

/** The indexes shown: sorted by severity (stable), the first MAX_DIAGNOSTICS, back in document order. */
function expected(severities: Severity[]): number[] {
  const byRank = severities.map((s, i) => i).sort((a, b) => ORDER.indexOf(severities[a]) - ORDER.indexOf(severities[b]));
  return byRank.slice(0, MAX_DIAGNOSTICS).sort((a, b) => a - b);
}

function byCut(severities: Severity[]): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const s of severities) counts[severityRank(s)]++;
  const isShown = shownFilter(shownCut(counts, severities.length));
  const out: number[] = [];
  severities.forEach((s, i) => {
    if (isShown(severityRank(s))) out.push(i);
  });
  return out;
}

const finding = (severity: Severity, i: number): Finding => ({
  ruleId: 'jargon',
  start: i,
  end: i + 1,
  range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } },
  actual: 'x',
  message: `Finding ${i}.`,
  severity,
  replacements: [],
  explanation: '',
});

describe('the diagnostics shown', () => {
  it('are the most severe, in document order, from severity counts or from the findings', () => {
    const severity = fc.constantFrom<Severity>('error', 'warning', 'warning', 'info', 'info', 'hint');
    // Around the limit, and lists where one severity fills it exactly.
    const lists = fc.oneof(
      fc.array(severity, { minLength: MAX_DIAGNOSTICS - 5, maxLength: MAX_DIAGNOSTICS * 3 }),
      fc.tuple(fc.nat(MAX_DIAGNOSTICS), fc.nat(50), severity).map(([n, more, s]) => [...Array(MAX_DIAGNOSTICS - n).fill(s), ...Array(n + more).fill('hint')] as Severity[]),
    );
    fc.assert(
      fc.property(lists, (severities) => {
        const want = expected(severities);
        expect(byCut(severities)).toEqual(want);
        const findings = severities.map(finding);
        const { diagnostics, shown } = toDiagnostics(findings);
        expect(shown).toEqual(want.map((i) => findings[i]));
        // One more diagnostic, the note, when some are left out.
        expect(diagnostics.length).toBe(shown.length + (severities.length > MAX_DIAGNOSTICS ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });
});
