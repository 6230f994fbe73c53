// npm run bench: runs every section in scripts/bench/ (the files named NN-name.mjs) in name order.
// Each section prints its own figures. Sections that need ../shared/corpus say so when it is
// absent. The other files there are helpers the sections use (corpus.mjs, peer-pipeline.mjs).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const only = process.argv.slice(2);
let failed = 0;
for (const name of readdirSync(dir).filter((n) => /^\d+-.*\.mjs$/.test(n)).sort()) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n=== ${name.replace(/\.mjs$/, '')} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', dir + name], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`(section ${name} exited with ${r.status})`);
    failed++;
  }
}
process.exitCode = failed ? 1 : 0;
