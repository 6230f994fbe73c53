// --fix and --fix-dry-run: fixes converge and a second run changes nothing, code and front
// matter are never touched, writes are atomic and keep the file's mode, BOM and line endings,
// symbolic links are kept, read-only files are refused, and the dry run's diff is exactly
// what --fix writes.
import { chmodSync, lstatSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FIX_PASSES, processText, type RunSettings } from '../../server/src/cli/process.js';
import type { Finding } from '../../server/src/engine/index.js';
import { projectMaker, runCli, tempDir } from './harness.js';

const root = tempDir('plainwords-fix-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const project = projectMaker(root);

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, 'docs')).sort()) out[name] = readFileSync(join(dir, 'docs', name), 'latin1');
  return out;
}

const PROTECTED = [
  '---\ntitle: We utilise and leverage this\naudience: public\n---\n',
  '```\nWe utilise code blocks in order to show code.\n```\n',
  '    indented code: utilise it\n',
  '`utilise` inline',
  '<!-- utilise in a comment -->',
  '[a link](https://example.org/utilise-leverage)',
  '<span title="utilise">html</span>',
];

describe('--fix', () => {
  it('converges: a second run changes nothing and finds none of the fixed findings', async () => {
    const dir = project();
    const first = await runCli(['check', '--no-builtin', '--fix', 'docs'], { cwd: dir });
    expect(first.stderr).toBe('plainwords: fixed 9 findings in 3 files\n');
    const after = snapshot(dir);
    const second = await runCli(['check', '--no-builtin', '--fix', 'docs'], { cwd: dir });
    expect(second.stderr).toBe('plainwords: fixed 0 findings in 0 files\n');
    expect(snapshot(dir)).toEqual(after);
    const json = JSON.parse((await runCli(['check', '--no-builtin', '--format', 'json', 'docs'], { cwd: dir })).stdout);
    const left = json.files.flatMap((f: { findings: Array<{ fix: unknown }> }) => f.findings);
    expect(left.filter((f: { fix: unknown }) => f.fix !== null)).toEqual([]);
  });

  it('never touches front matter, code, comments, link targets or HTML attributes', async () => {
    const doc = `${PROTECTED[0]}\nWe utilise it.\n\n${PROTECTED[1]}\n${PROTECTED[2]}\nText with ${PROTECTED[3]} and ${PROTECTED[4]} and ${PROTECTED[5]} and ${PROTECTED[6]}. We leverage it.\n`;
    const dir = project({ 'docs/protected.md': doc });
    const r = await runCli(['check', '--no-builtin', '--fix', 'docs/protected.md'], { cwd: dir });
    expect(r.code).toBe(0);
    const fixed = readFileSync(join(dir, 'docs/protected.md'), 'utf8');
    for (const p of PROTECTED) expect(fixed).toContain(p);
    expect(fixed).toContain('We use it.');
    expect(fixed).toContain('We use it.\n');
    // The engine reports nothing there in the first place.
    const json = JSON.parse((await runCli(['check', '--no-builtin', '--format', 'json', 'docs/protected.md'], { cwd: project({ 'docs/protected.md': doc }) })).stdout);
    expect(json.files[0].findings.map((f: { line: number; actual: string }) => `${f.line}:${f.actual}`)).toEqual(['6:utilise', '14:leverage']);
  });

  it('writes atomically, keeping the mode, a symbolic link, the BOM and CRLF line endings', async () => {
    const dir = project({ 'docs/target.md': '\ufeffWe utilise it.\r\nWe leverage it.\r\n' });
    chmodSync(join(dir, 'docs/target.md'), 0o640);
    symlinkSync('target.md', join(dir, 'docs/link.md'));
    const r = await runCli(['check', '--no-builtin', '--fix', 'docs/link.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'docs/link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'docs/link.md'))).toBe('target.md');
    expect(readFileSync(join(dir, 'docs/target.md'), 'utf8')).toBe('\ufeffWe use it.\r\nWe use it.\r\n');
    expect(statSync(join(dir, 'docs/target.md')).mode & 0o777).toBe(0o640);
    // No temporary file is left behind.
    expect(readdirSync(join(dir, 'docs')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses a read-only file with exit code 2 and leaves it alone', async () => {
    const dir = project();
    chmodSync(join(dir, 'docs/letter.txt'), 0o444);
    const before = readFileSync(join(dir, 'docs/letter.txt'), 'utf8');
    const r = await runCli(['check', '--no-builtin', '--fix', 'docs/letter.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plainwords: docs/letter.txt: is read-only: not fixed\n');
    expect(readFileSync(join(dir, 'docs/letter.txt'), 'utf8')).toBe(before);
  });

  it('--fix-dry-run changes nothing, and its diff applied with git apply gives what --fix writes', async () => {
    const a = project({ 'docs/crlf.md': '\ufeffWe utilise it\r\nin order to help.\r\n\r\nNo final newline: leverage' });
    const b = project({ 'docs/crlf.md': '\ufeffWe utilise it\r\nin order to help.\r\n\r\nNo final newline: leverage' });
    const before = snapshot(a);
    const dry = await runCli(['check', '--no-builtin', '--fix-dry-run', 'docs'], { cwd: a });
    expect(dry.stdout).toMatch(/^--- a\/docs\/crlf\.md\n\+\+\+ b\/docs\/crlf\.md\n@@ /);
    expect(dry.stdout).toContain('\\ No newline at end of file\n');
    expect(snapshot(a)).toEqual(before);
    writeFileSync(join(a, 'fix.patch'), dry.stdout);
    const applied = spawnSync('git', ['apply', '--unidiff-zero', 'fix.patch'], { cwd: a, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    const fix = await runCli(['check', '--no-builtin', '--fix', 'docs'], { cwd: b });
    expect(fix.code).toBe(dry.code);
    expect(snapshot(a)).toEqual(snapshot(b));
  });

  it('--fix with --stdin is a usage error', async () => {
    const r = await runCli(['check', '--no-builtin', '--stdin', '--fix'], { cwd: project(), stdin: 'We utilise it.' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fix cannot write to standard input');
  });
});

describe('fix passes', () => {
  const settings: RunSettings = { noBuiltin: true, minSeverity: 'hint', mode: 'fix-dry-run' };
  const finding = (text: string, from: string, to: string): Finding => {
    const start = text.indexOf(from);
    const end = start + from.length;
    const pos = { line: 0, character: start };
    return {
      ruleId: 'jargon', entryId: 'x', start, end, range: { start: pos, end: { line: 0, character: end } }, actual: from,
      message: 'm', severity: 'warning', replacements: [{ text: to, edit: { start, end, newText: to }, fixable: true }],
    };
  };

  it('a fix that reveals another is fixed in the next pass', () => {
    // "a" → "b", then "b" → "c": two passes, then stable.
    const checker = (text: string) => ({ findings: text.includes('a') ? [finding(text, 'a', 'b')] : text.includes('b') ? [finding(text, 'b', 'c')] : [] });
    const o = processText(settings, checker, 0, 'x.md', 'xa', false);
    expect(o.text).toBe('xc');
    expect(o.fix).toMatchObject({ applied: 2, passes: 2, unsettled: false });
  });

  it('a cycle (a → b → a) stops after a bounded number of passes and says so', () => {
    const checker = (text: string) => ({ findings: text.includes('a') ? [finding(text, 'a', 'b')] : [finding(text, 'b', 'a')] });
    const o = processText(settings, checker, 0, 'x.md', 'xa', false);
    expect(o.fix).toMatchObject({ passes: MAX_FIX_PASSES, unsettled: true });
  });
});
