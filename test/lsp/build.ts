// Builds dist/ for tests that run the bundles, when a bundle is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    t = Math.max(t, st.isDirectory() ? newest(full) : st.mtimeMs);
  }
  return t;
}

/** Make sure these bundles (paths under dist/) are at least as new as server/src. */
export function ensureBuilt(bundles: string[]): void {
  const sources = newest(join(root, 'server', 'src'));
  const stale = () => bundles.filter((b) => !existsSync(join(root, b)) || statSync(join(root, b)).mtimeMs < sources);
  if (!stale().length) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
  const still = stale();
  if (still.length) throw new Error(`npm run build did not produce ${still.join(', ')}:\n${r.stderr}${r.stdout}`);
}
