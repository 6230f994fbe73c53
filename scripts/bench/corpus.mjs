// Shared by bench sections: the documents of ../shared/corpus, or a clear note that it is absent.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

export function corpusFiles() {
  if (!existsSync(corpusDir)) return undefined;
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|markdown|txt)$/i.test(name) && name !== 'SOURCES.md') out.push(full);
    }
  };
  walk(corpusDir);
  return out.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

export function absent(what) {
  console.log(`../shared/corpus is not here (${corpusDir}): ${what} skipped. The corpus is only present beside the project in CI and on the team's machines.`);
}

export function mb(bytes) {
  return bytes / 1024 / 1024;
}

/** Median of several timed runs of fn, in ms. */
export function timeIt(fn, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
