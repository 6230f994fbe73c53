// The command line applies the documented audience order: --audience, front matter, the config's
// `audiences` patterns (relative to the config file), its `audience`, then public.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'plainwords-audience-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function audiences(args: string[]): Record<string, string | undefined> {
  const r = spawnSync(process.execPath, [cli, 'check', 'docs', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; readability?: { audience: string } }> };
  return Object.fromEntries(report.files.map((f) => [f.path, f.readability?.audience]));
}

describe('audience order in the command line', () => {
  mkdirSync(join(dir, 'docs/staff'), { recursive: true });
  writeFileSync(join(dir, '.plainwords.json'), JSON.stringify({ audience: 'public', audiences: { 'docs/staff/**': 'staff' } }));
  writeFileSync(join(dir, 'docs/staff/front-matter-public.md'), '---\naudience: public\n---\n\nThe group met.\n');
  writeFileSync(join(dir, 'docs/staff/by-pattern.md'), 'The group met.\n');
  writeFileSync(join(dir, 'docs/by-config.md'), 'The group met.\n');

  it('front matter wins over patterns, patterns over the config default', () => {
    expect(audiences([])).toEqual({
      'docs/by-config.md': 'public',
      'docs/staff/by-pattern.md': 'staff',
      'docs/staff/front-matter-public.md': 'public',
    });
  });

  it('--audience wins over everything', () => {
    expect(Object.values(audiences(['--audience', 'staff']))).toEqual(['staff', 'staff', 'staff']);
  });
});
