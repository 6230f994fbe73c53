// The server picks the diagnostics it shows from severity counts over runs of findings
// (shownCut); a fresh check picks them finding by finding (shownIndexes). Both must agree.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DIAGNOSTICS, severityRank, shownCut, shownIndexes } from '../../server/src/lsp/convert.js';
import type { Severity } from '../../server/src/engine/index.js';

function byCut(severities: Severity[]): number[] | undefined {
  const counts = [0, 0, 0, 0, 0];
  for (const s of severities) counts[severityRank(s)]++;
  const cut = shownCut(counts, severities.length);
  if (!cut) return undefined;
  let quota = cut.quota;
  const out: number[] = [];
  severities.forEach((s, i) => {
    const rank = severityRank(s);
    if (rank < cut.rank || (rank === cut.rank && quota-- > 0)) out.push(i);
  });
  return out;
}

describe('the diagnostics shown', () => {
  it('are the same whether picked from severity counts or finding by finding', () => {
    const severity = fc.constantFrom<Severity>('error', 'warning', 'warning', 'info', 'info', 'hint');
    // Around the limit, and lists where one severity fills it exactly.
    const lists = fc.oneof(
      fc.array(severity, { minLength: MAX_DIAGNOSTICS - 5, maxLength: MAX_DIAGNOSTICS * 3 }),
      fc.tuple(fc.nat(MAX_DIAGNOSTICS), fc.nat(50), severity).map(([n, more, s]) => [...Array(MAX_DIAGNOSTICS - n).fill(s), ...Array(n + more).fill('hint')] as Severity[]),
    );
    fc.assert(
      fc.property(lists, (severities) => {
        expect(byCut(severities)).toEqual(shownIndexes(severities));
      }),
      { numRuns: 300 },
    );
  });
});
