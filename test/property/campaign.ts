// The properties `npm run fuzz` runs (scripts/fuzz.mjs bundles this file): every engine and fix
// property of the test suite, plus the server and command-line properties, in rounds until the
// time is up. Round r of property p runs with seed (seed + r * 7919 + p * 104729) | 0, so a run
// replays exactly from its seed.
import fc from 'fast-check';
import builtin from '../support/builtin-dictionary.js';
import { engineProperties, fixProperties, type NamedProperty } from './properties.js';
import { cliProperty, serverSyncProperty, sharedHarness } from './system.js';

export interface CampaignOptions {
  seed: number;
  /** Stop starting rounds after this many milliseconds. */
  budgetMs: number;
  /** Cases per round of a property of cost 1. */
  runsPerRound: number;
  /** Only properties whose id is in this list (all when empty). */
  only: string[];
  /** Replay one failure: fast-check's path (with --property and --seed). */
  path?: string;
  /** Skip the command-line property (it starts processes). */
  noCli?: boolean;
  log(line: string): void;
}

export interface Failure {
  id: string;
  seed: number;
  path?: string;
  message: string;
}

export async function runCampaign(o: CampaignOptions): Promise<{ cases: number; failures: Failure[]; perProperty: Record<string, number> }> {
  const server = sharedHarness();
  const properties: NamedProperty[] = [...engineProperties(builtin), ...fixProperties(builtin), serverSyncProperty(server.get)];
  if (!o.noCli) properties.push(cliProperty(builtin));
  const chosen = properties.filter((p) => !o.only.length || o.only.includes(p.id));
  if (!chosen.length) throw new Error(`no property called ${o.only.join(', ')} (there are ${properties.map((p) => p.id).join(', ')})`);
  const failures: Failure[] = [];
  const perProperty: Record<string, number> = {};
  let cases = 0;
  const started = Date.now();
  const failed = new Set<string>();
  try {
    for (let round = 0; ; round++) {
      for (const [index, p] of chosen.entries()) {
        if (failed.has(p.id)) continue;
        if (Date.now() - started > o.budgetMs && round > 0) return { cases, failures, perProperty };
        const seed = o.path ? o.seed : (o.seed + round * 7919 + index * 104729) | 0;
        const numRuns = o.path ? 1 : Math.max(1, Math.round(o.runsPerRound / p.cost));
        const details = await fc.check(p.property as unknown as fc.IAsyncProperty<unknown>, { seed, numRuns, path: o.path, endOnFailure: false });
        cases += details.numRuns;
        perProperty[p.id] = (perProperty[p.id] ?? 0) + details.numRuns;
        if (details.failed) {
          failed.add(p.id);
          const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
          failures.push({ id: p.id, seed: details.seed, path: details.counterexamplePath ?? undefined, message: `counterexample ${fc.stringify(details.counterexample)}\n${message}` });
          o.log(`FAILED ${p.id} (${p.title})\n  replay: npm run fuzz -- --property ${p.id} --seed ${details.seed} --path ${details.counterexamplePath}\n  counterexample: ${fc.stringify(details.counterexample)}\n  ${message.split('\n').join('\n  ')}`);
        }
      }
      o.log(`round ${round + 1}: ${cases} cases, ${failures.length} failure${failures.length === 1 ? '' : 's'}, ${Math.round((Date.now() - started) / 1000)} s`);
      if (o.path || failed.size === chosen.length) return { cases, failures, perProperty };
    }
  } finally {
    server.dispose();
  }
}
