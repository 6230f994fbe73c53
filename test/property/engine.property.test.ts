// Property tests of the engine: totality, range validity, incremental equals full, line-break
// independence and determinism over generated documents that mix real dictionary terms with
// emoji, combining marks, CRLF, BOM, lone surrogates, long lines and deep nesting.
// `npm run fuzz` runs the same properties with many more cases.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import builtin from '../support/builtin-dictionary.js';
import { engineProperties } from './properties.js';
import { suiteRuns } from './runs.js';

describe('engine properties (built-in dictionary)', () => {
  for (const p of engineProperties(builtin)) {
    it(`${p.id}: ${p.title}`, () => {
      fc.assert(p.property, { numRuns: suiteRuns(p.cost) });
    });
  }
});
