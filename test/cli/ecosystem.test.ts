// The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml). The action's
// script is run here with a stand-in for npx that records the command it is given, so the way
// inputs become arguments (and the exit code output) is tested without GitHub.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, copyProject, ROOT, tempDir } from './harness.js';

const root = tempDir('plainwords-eco-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');

/** The block scalar of the step's `run: |`. */
function runScript(): string {
  const lines = action.split('\n');
  const at = lines.findIndex((l) => /^\s+run: \|\s*$/.test(l));
  expect(at).toBeGreaterThan(0);
  const indent = lines[at + 1].match(/^\s*/)![0].length;
  const body: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l.trim() && l.match(/^\s*/)![0].length < indent) break;
    body.push(l.slice(indent));
  }
  return body.join('\n');
}

function runAction(env: Record<string, string>, npxExit = 1): { args: string[]; code: number | null; output: string } {
  const dir = join(root, `run${Math.random().toString(36).slice(2)}`);
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const record = join(dir, 'args.txt');
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${record}"\nexit ${npxExit}\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const output = join(dir, 'github-output');
  writeFileSync(output, '');
  const r = spawnSync('bash', ['-e', '-c', runScript()], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, PW_VERSION: 'latest', PW_FORMAT: 'github', PW_PATHS: '.', ...env },
  });
  return { args: readFileSync(record, 'utf8').trim().split('\n'), code: r.status, output: readFileSync(output, 'utf8') };
}

describe('action.yml', () => {
  it('is a composite action that sets up Node.js, then runs npx plainwords check', () => {
    expect(action).toMatch(/^runs:\n {2}using: composite\n/m);
    expect(action).toMatch(/uses: actions\/setup-node@v4/);
    for (const input of ['paths', 'format', 'output', 'max-warnings', 'min-severity', 'max-reading-age', 'config', 'baseline', 'version', 'node-version']) {
      expect(action, input).toMatch(new RegExp(`^ {2}${input}:\\n {4}description: `, 'm'));
    }
    // Inputs reach the script through the environment only: an input can never become shell code.
    expect(runScript()).not.toContain('${{');
  });

  it('turns inputs into arguments (paths split on spaces and new lines) and reports the exit code', () => {
    const r = runAction({ PW_PATHS: 'docs\nREADME.md', PW_FORMAT: 'sarif', PW_OUTPUT: 'plain words.sarif', PW_MAX_WARNINGS: '5', PW_MIN_SEVERITY: 'warning', PW_MAX_READING_AGE: '12', PW_BASELINE: 'base.json', PW_CONFIG: 'cfg.json', PW_VERSION: '0.1.0' });
    expect(r.args).toEqual([
      '--yes', 'plainwords@0.1.0', 'check', '--format', 'sarif', '--no-progress', '--output', 'plain words.sarif', '--max-warnings', '5',
      '--min-severity', 'warning', '--max-reading-age', '12', '--config', 'cfg.json', '--baseline', 'base.json', '--', 'docs', 'README.md',
    ]);
    expect(r.code).toBe(1);
    expect(r.output).toBe('exit-code=1\n');
  });

  it('passes defaults through and leaves empty inputs out', () => {
    const r = runAction({ PW_PATHS: '' }, 0);
    expect(r.args).toEqual(['--yes', 'plainwords@latest', 'check', '--format', 'github', '--no-progress', '--', '.']);
    expect(r.code).toBe(0);
    expect(r.output).toBe('exit-code=0\n');
  });

  it('a shell metacharacter in an input stays a plain argument', () => {
    const r = runAction({ PW_PATHS: '$(touch pwned) `id`', PW_OUTPUT: 'x;rm -rf /' });
    expect(r.args).toContain('$(touch');
    expect(r.args).toContain('x;rm -rf /');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares node hooks that run plainwords check on Markdown and text files', () => {
    expect(hooks).toMatch(/^- id: plainwords\n/m);
    expect(hooks).toMatch(/^ {2}entry: plainwords check --no-progress\n/m);
    expect(hooks).toMatch(/^ {2}language: node\n/m);
    const files = new RegExp(/^ {2}files: (.+)$/m.exec(hooks)![1]);
    for (const f of ['README.md', 'docs/a.markdown', 'notes.txt', 'page.mdx']) expect(files.test(f), f).toBe(true);
    for (const f of ['index.js', 'data.json', 'md.html']) expect(files.test(f), f).toBe(false);
  });

  it('the entry works the way pre-commit calls it: with the changed files as arguments', () => {
    const dir = join(root, 'precommit');
    copyProject('basic', dir);
    const entry = /^ {2}entry: plainwords (.+)$/m.exec(hooks)![1].split(' ');
    const r = spawnSync(process.execPath, [CLI, ...entry, '--no-builtin', 'docs/letter.txt', 'docs/clean.md'], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2 findings (1 warning, 1 info) in 1 of 2 files checked.');
  });
});
