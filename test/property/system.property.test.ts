// The server and the command line under random input (few cases; `npm run fuzz` runs more):
// the server's incremental sync equals a fresh check (L22) and the command line reports and
// fixes exactly what the engine finds (F4, Q13).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ensureBuilt } from '../lsp/build.js';
import builtin from '../support/builtin-dictionary.js';
import { cliProperty, serverSyncProperty, sharedHarness } from './system.js';
import { suiteRuns } from './runs.js';

const server = sharedHarness();
afterAll(() => server.dispose());
beforeAll(() => ensureBuilt(['dist/cli.js']), 120000);

describe('system properties', () => {
  const sync = serverSyncProperty(server.get);
  it(`${sync.id}: ${sync.title}`, async () => {
    await fc.assert(sync.property, { numRuns: suiteRuns(sync.cost) });
  }, 120000);

  // Every 20th built-in entry, written as a project dictionary (valid entries by construction:
  // an "overlaps" naming an entry left out would be an error, so only those kept are named).
  const picked = builtin.entries.filter((_, i) => i % 20 === 0);
  const ids = new Set(picked.map((e) => e.id));
  const entries = picked.map((e) => (e.overlaps ? { ...e, overlaps: e.overlaps.filter((id) => ids.has(id)) } : e));
  const cli = cliProperty({ entries, names: [] }, { asProject: true });
  it(`${cli.id}: ${cli.title}`, () => {
    fc.assert(cli.property, { numRuns: Math.max(4, Math.round(suiteRuns(cli.cost) / 2)) });
  }, 180000);
});
