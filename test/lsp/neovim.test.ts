// A real editor as the client: headless Neovim (Debian package neovim) starts dist/server.js,
// receives the diagnostics, applies the preferred quick fix and saves the file.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, root } from './build.js';

let dir: string;

beforeAll(() => {
  ensureBuilt(['dist/server.js']);
  dir = mkdtempSync(join(tmpdir(), 'plainwords-nvim-'));
  // The project's own dictionary, so the test does not depend on the built-in entries.
  mkdirSync(join(dir, 'words', 'wordy-phrase'), { recursive: true });
  writeFileSync(join(dir, '.plainwords.json'), JSON.stringify({ dictionaries: ['words'] }));
  writeFileSync(
    join(dir, 'words', 'wordy-phrase', 'plinkify.json'),
    JSON.stringify({ id: 'plinkify', terms: ['plinkify'], inflect: 'verb', replacements: ['tidy', 'sort out'], why: 'A made-up word.', category: 'wordy-phrase', source: 'Test', examples: { flag: [{ text: 'We plinkify it.', fixed: 'We tidy it.' }] } }),
  );
}, 120000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Neovim', () => {
  it('shows the diagnostics and applies a quick fix, with emoji before the word', () => {
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    expect(version.error, 'Neovim is needed for this test: apt-get install -y neovim').toBeUndefined();
    const file = join(dir, 'notes.md');
    writeFileSync(file, '# Notes\n\nOn Monday 😀 we will plinkify the store room.\n');
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(root, 'test', 'lsp', 'nvim', 'quickfix.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, PLAINWORDS_SERVER: join(root, 'dist', 'server.js'), PLAINWORDS_FILE: file, PLAINWORDS_CODE: 'plinkify' },
    });
    expect(`${r.stderr}${r.stdout}`).toContain('applied: Replace “plinkify” with “tidy”');
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('# Notes\n\nOn Monday 😀 we will tidy the store room.\n');
  });
});
