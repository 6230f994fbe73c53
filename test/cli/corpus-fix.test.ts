// --fix on every document of ../shared/corpus (real health, care and government writing):
// a copy is fixed twice with the built-in dictionary on all cores. The second run must change
// nothing, and must find nothing left that --fix could fix. Runs when ../shared/corpus is beside
// the project (CI and the team's machines); says so plainly when it is not.
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './harness.js';

const corpus = join(ROOT, '../shared/corpus');
const root = tempDir('plainwords-corpus-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) snapshot(full, out);
    else out.set(full, readFileSync(full, 'latin1'));
  }
  return out;
}

function writable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) writable(full);
    else chmodSync(full, 0o644);
  }
}

describe('--fix on the shared corpus', () => {
  it('converges: the second run changes nothing and nothing fixable is left', async () => {
    if (!existsSync(corpus)) {
      console.log(`../shared/corpus is not here (${corpus}): the corpus fix test has nothing to run on. It runs in CI and on the team's machines, where the corpus is beside the project.`);
      return;
    }
    const copy = join(root, 'corpus');
    cpSync(corpus, copy, { recursive: true });
    writable(copy);
    const t0 = Date.now();
    const first = await runCli(['check', '--fix', '--no-progress', '--output', join(root, 'first.txt'), 'corpus'], { cwd: root, timeoutMs: 280_000 });
    expect(first.code, first.stderr).not.toBe(2);
    expect(first.stderr).toMatch(/^plainwords: fixed [1-9]\d* findings in [1-9]\d* files\n$/);
    const fixed = snapshot(copy);
    const second = await runCli(['check', '--fix', '--no-progress', '--output', join(root, 'second.txt'), 'corpus'], { cwd: root, timeoutMs: 280_000 });
    expect(second.stderr).toBe('plainwords: fixed 0 findings in 0 files\n');
    expect(snapshot(copy)).toEqual(fixed);
    // The report of the second run lists no finding that --fix would fix.
    const report = readFileSync(join(root, 'second.txt'), 'utf8');
    expect(report).not.toMatch(/└ fix:/);
    expect(report).not.toMatch(/can be fixed with --fix/);
    console.log(`corpus: ${first.stderr.trim()}; both runs took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }, 300_000);
});
