// Property tests of fixing (engine fixAll + applyFixes, shared by the editor and the command
// line): locality, convergence, idempotence, re-check, and applyFixes on arbitrary edits.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import builtin from '../support/builtin-dictionary.js';
import { fixProperties } from './properties.js';
import { suiteRuns } from './runs.js';

describe('fix properties (built-in dictionary)', () => {
  for (const p of fixProperties(builtin)) {
    it(`${p.id}: ${p.title}`, () => {
      fc.assert(p.property, { numRuns: suiteRuns(p.cost) });
    });
  }
});
