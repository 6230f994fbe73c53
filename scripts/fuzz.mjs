// npm run fuzz: long property campaigns over the engine, fixing, the language server and the
// command line (the same properties as test/property, with far more cases).
//
//   npm run fuzz                       3 minutes, a new random seed
//   npm run fuzz -- --minutes 10       longer
//   npm run fuzz -- --seed 123         replay a whole campaign (same rounds, same cases)
//   npm run fuzz -- --property Q5 --seed 123 --path 4:2:1    replay one shrunk failure
//   npm run fuzz -- --runs 400         cases per round (for a property of cost 1; default 200)
//   npm run fuzz -- --no-cli           without the command-line property (it starts processes)
//
// Prints the seed, the cases run per property and every failure with the command that replays
// it; exits 1 when anything failed. PLAINWORDS_FUZZ_MINUTES sets the default duration.
import * as esbuild from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

function parse(argv) {
  const o = { seed: undefined, minutes: Number(process.env.PLAINWORDS_FUZZ_MINUTES) || 3, runs: 200, only: [], path: undefined, noCli: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--seed') o.seed = Number(value());
    else if (a === '--minutes') o.minutes = Number(value());
    else if (a === '--runs') o.runs = Number(value());
    else if (a === '--property') o.only.push(...value().split(','));
    else if (a === '--path') o.path = value();
    else if (a === '--no-cli') o.noCli = true;
    else if (a === '--help' || a === '-h') {
      console.log(fileURLToPath(import.meta.url));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw new Error('--seed needs a whole number');
  if (!(o.minutes > 0) || !(o.runs > 0)) throw new Error('--minutes and --runs need positive numbers');
  if (o.path && o.only.length !== 1) throw new Error('--path replays one property: give --property too');
  return o;
}

let options;
try {
  options = parse(process.argv.slice(2));
} catch (e) {
  console.error(`fuzz: ${e.message}`);
  process.exit(2);
}
const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;

// The properties are TypeScript shared with the test suite: bundle them (dependencies stay in
// node_modules). The bundle sits two folders below the root, as the test files do, so their
// paths relative to the root (dictionaries/, dist/) hold.
const outfile = join(root, 'out', 'fuzz', 'campaign.mjs');
await esbuild.build({
  entryPoints: [join(root, 'test', 'property', 'campaign.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  alias: { 'plainwords:dictionary': join(root, 'test', 'support', 'builtin-dictionary.ts') },
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { runCampaign } = await import(pathToFileURL(outfile).href);

console.log(`fuzz: seed ${seed}, ${options.minutes} min, ${options.runs} cases per round${options.only.length ? `, properties ${options.only.join(', ')}` : ''}`);
console.log(`fuzz: replay with: npm run fuzz -- --seed ${seed}${options.only.length ? ` --property ${options.only.join(',')}` : ''}`);
const started = Date.now();
const result = await runCampaign({
  seed,
  budgetMs: options.minutes * 60_000,
  runsPerRound: options.runs,
  only: options.only,
  path: options.path,
  noCli: options.noCli,
  log: (line) => console.log(line),
});
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nfuzz: cases per property: ${Object.entries(result.perProperty).map(([id, n]) => `${id} ${n}`).join(', ')}`);
console.log(`fuzz: ${result.cases} cases ran in ${seconds} s, found ${result.failures.length} failure${result.failures.length === 1 ? '' : 's'} (seed ${seed})`);
for (const f of result.failures) console.log(`  ${f.id}: npm run fuzz -- --property ${f.id} --seed ${f.seed} --path ${f.path}`);
process.exit(result.failures.length ? 1 : 0);
