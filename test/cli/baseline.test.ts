// Baselines: findings recorded with --write-baseline are not reported with --baseline, even
// after lines move or paragraphs are reflowed; new findings are, and fail the gate.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectMaker, runCli, tempDir } from './harness.js';

const root = tempDir('plainwords-baseline-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const project = projectMaker(root);

const check = (dir: string, args: string[], cwd = dir) => runCli(['check', '--no-builtin', ...args], { cwd });

describe('baselines', () => {
  it('reports only new findings, whatever moved around them', async () => {
    const dir = project();
    const w = await check(dir, ['--write-baseline', 'baseline.json', 'docs']);
    expect(w.code).toBe(0);
    expect(w.stderr).toBe('plainwords: wrote a baseline of 10 findings to baseline.json\n');
    // Unchanged: nothing new, and the run passes although it has an error finding.
    const same = await check(dir, ['--baseline', 'baseline.json', 'docs']);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('No findings in 4 files checked.\n10 findings in the baseline not shown.\n');
    // Lines inserted above, a paragraph reflowed, and one new sentence with a new "utilise".
    const doc = readFileSync(join(dir, 'docs/invitation.md'), 'utf8')
      .replace('# Join our group\n', '# Join our group\n\nA new opening line.\nAnother one.\n')
      .replace('We will utilise your views in order to improve care.\nOur stakeholders', 'We will utilise your views in order to\nimprove care. Our stakeholders')
      .replace('The ICB meets monthly.', 'The ICB meets monthly. Staff utilise the new room.');
    writeFileSync(join(dir, 'docs/invitation.md'), doc);
    const moved = await check(dir, ['--baseline', 'baseline.json', '--format', 'json', 'docs']);
    const report = JSON.parse(moved.stdout);
    const found = report.files.flatMap((f: { path: string; findings: Array<{ line: number; actual: string }> }) => f.findings.map((x) => `${f.path}:${x.line}:${x.actual}`));
    expect(found).toEqual(['docs/invitation.md:18:utilise']);
    expect(report.summary.baselined).toBe(10);
    expect(moved.code).toBe(0);
    // A new error fails the gate.
    writeFileSync(join(dir, 'docs/clean.md'), 'Everything here is plain. We leverage nothing.\n');
    const failing = await check(dir, ['--baseline', 'baseline.json', 'docs']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('docs/clean.md');
    expect(failing.stdout).toContain('leverage');
  });

  it('counts: two identical findings are covered twice, a third is new', async () => {
    const dir = project({ 'docs/twice.md': 'We utilise it.\n\nWe utilise it.\n' });
    await check(dir, ['--write-baseline', 'b.json', 'docs/twice.md']);
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(b.findings).toEqual([{ file: 'docs/twice.md', rule: 'utilise', text: 'utilise', context: expect.stringMatching(/^[0-9a-f]{8}$/), count: 2 }]);
    writeFileSync(join(dir, 'docs/twice.md'), 'We utilise it.\n\nWe utilise it.\n\nWe utilise it.\n');
    const r = await check(dir, ['--baseline', 'b.json', '--format', 'json', 'docs/twice.md']);
    expect(JSON.parse(r.stdout).files[0].findings.length).toBe(1);
  });

  it('paths are relative to the baseline file, so it works from any folder', async () => {
    const dir = project();
    await check(dir, ['--write-baseline', 'baseline.json', 'docs']);
    const r = await check(dir, ['--baseline', '../baseline.json', '.'], join(dir, 'docs'));
    expect(r.stdout).toBe('No findings in 4 files checked.\n10 findings in the baseline not shown.\n');
  });

  it('a broken or missing baseline is an error that names the file and line', async () => {
    const dir = project({ 'bad.json': '{\n  "version": 1,\n  "findings": [\n}\n', 'old.json': '{ "version": 7, "findings": [] }\n' });
    const bad = await check(dir, ['--baseline', 'bad.json', 'docs']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^plainwords: bad\.json:4:1: invalid JSON/);
    const old = await check(dir, ['--baseline', 'old.json', 'docs']);
    expect(old.code).toBe(2);
    expect(old.stderr).toBe('plainwords: old.json: "version" must be 1 (this baseline says 7)\n');
    const missing = await check(dir, ['--baseline', 'none.json', 'docs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('plainwords: none.json: cannot read the baseline: no such file (create it with --write-baseline)\n');
  });
});
