// The command line beyond the golden cases: the built-in dictionary on examples/, the
// reading-age gate, parallel runs that print exactly what a single thread prints, a worker that
// runs out of memory, a closed pipe, help, and the npm package's contents.
import { cpSync, createReadStream, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { projectMaker, CLI, cleanEnv, ROOT, runCli, tempDir } from './harness.js';

const root = tempDir('plainwords-run-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const project = projectMaker(root);

describe('the built-in dictionary on examples/', () => {
  it('finds jargon in both examples and reports a well-formed JSON report (structure, not exact findings)', async () => {
    const r = await runCli(['check', '--format', 'json', 'examples'], { cwd: ROOT });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['examples/invitation.md', 'examples/letter.txt']);
    let total = 0;
    for (const file of report.files) {
      const jargon = file.findings.filter((f: { ruleId: string }) => f.ruleId === 'jargon');
      expect(jargon.length, file.path).toBeGreaterThan(2);
      for (const f of file.findings) {
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.endLine).toBeGreaterThanOrEqual(f.line);
        expect(['error', 'warning', 'info', 'hint']).toContain(f.severity);
        expect(f.message.length).toBeGreaterThan(5);
        if (f.entryId) expect(f.url).toContain(`#${f.entryId}`);
      }
      expect(file.readability.document.words).toBeGreaterThan(20);
      total += file.findings.length;
    }
    const s = report.summary;
    expect(s.findings).toBe(total);
    expect(s.error + s.warning + s.info + s.hint).toBe(total);
    expect(s.exitCode).toBe(r.code);
    const invitation = report.files[0].findings.map((f: { actual: string }) => f.actual.toLowerCase());
    expect(invitation).toContain('utilise');
    expect(invitation).toContain('in order to');
  });
});

describe('--max-reading-age', () => {
  const hard =
    'Notwithstanding the aforementioned considerations, the organisational infrastructure necessitates comprehensive reconfiguration. ' +
    'Multidisciplinary collaboration facilitates the operationalisation of evidence-based interventions throughout the commissioning environment. ';
  const doc = `# Report\n\n${hard.repeat(6)}\n`;

  it('fails a document whose reading age is over the maximum, and passes it under a higher one', async () => {
    const dir = project({ 'docs/hard.md': doc });
    const over = await runCli(['check', '--no-builtin', '--max-reading-age', '9', 'docs/hard.md'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/^docs\/hard\.md {2}reading age \d+, target 9.*\n {11}error {4}The reading age is over the maximum of 9\. {2}max-reading-age\n/);
    expect(over.stdout).toContain('1 file over the maximum reading age of 9.\n');
    const github = await runCli(['check', '--no-builtin', '--max-reading-age', '9', '--format', 'github', 'docs/hard.md'], { cwd: dir });
    expect(github.stdout).toMatch(/^::error file=docs\/hard\.md,title=Plain Words \(max-reading-age\)::The reading age is \d+, over the maximum of 9\.\n/);
    const under = await runCli(['check', '--no-builtin', '--max-reading-age', '25', 'docs/hard.md'], { cwd: dir });
    expect(under.code).toBe(0);
  });

  it('does not judge a document too short to score', async () => {
    const dir = project();
    const r = await runCli(['check', '--no-builtin', '--max-reading-age', '5', 'docs/clean.md'], { cwd: dir });
    expect(r.code).toBe(0);
  });
});

describe('parallel checking', () => {
  const many = () => {
    const dir = project();
    const docs = ['invitation.md', 'letter.txt', 'warnings.md', 'clean.md'];
    for (let i = 0; i < 40; i++) {
      const src = docs[i % docs.length];
      cpSync(join(dir, 'docs', src), join(dir, 'docs', `n${String(i).padStart(2, '0')}-${src}`));
    }
    writeFileSync(join(dir, 'docs/bad.md'), Buffer.from([0x61, 0xc0, 0xaf]));
    return dir;
  };

  it('prints exactly what one thread prints, in every format', async () => {
    const dir = many();
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'html']) {
      const one = await runCli(['check', '--no-builtin', '--jobs', '1', '--format', format, 'docs'], { cwd: dir });
      const two = await runCli(['check', '--no-builtin', '--jobs', '3', '--format', format, 'docs'], { cwd: dir });
      expect(two.stdout, format).toBe(one.stdout);
      expect(two.stderr, format).toBe(one.stderr);
      expect(two.code, format).toBe(2);
      expect(one.code, format).toBe(2);
    }
  });

  it('writes the same bytes to a file (--output) and in a --fix-dry-run diff, text beyond ASCII included', async () => {
    const dir = many();
    // Report parts come from the workers as UTF-8 bytes: characters of 2, 3 and 4 bytes must survive.
    writeFileSync(join(dir, 'docs/n05-accents.md'), '# Café résumé 👩‍⚕️\n\nWe will utilise the café in order to meet you — déjà vu.\n');
    for (const format of ['sarif', 'html']) {
      const one = await runCli(['check', '--no-builtin', '--jobs', '1', '--format', format, 'docs'], { cwd: dir });
      const two = await runCli(['check', '--no-builtin', '--jobs', '3', '--format', format, '--output', `out.${format}`, 'docs'], { cwd: dir });
      expect(two.code, format).toBe(2);
      expect(readFileSync(join(dir, `out.${format}`), 'utf8'), format).toBe(one.stdout);
      expect(one.stdout, format).toContain(format === 'html' ? 'Café résumé 👩‍⚕️' : 'n05-accents.md');
    }
    const one = await runCli(['check', '--no-builtin', '--jobs', '1', '--fix-dry-run', 'docs'], { cwd: dir });
    const two = await runCli(['check', '--no-builtin', '--jobs', '3', '--fix-dry-run', 'docs'], { cwd: dir });
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('+We will use the café to meet you — déjà vu.');
  });

  it('a worker that runs out of memory hands its files to the main thread', async () => {
    const dir = many();
    const one = await runCli(['check', '--no-builtin', '--jobs', '1', '--format', 'json', 'docs'], { cwd: dir });
    const tiny = await runCli(['check', '--no-builtin', '--jobs', '2', '--format', 'json', 'docs'], { cwd: dir, env: { PLAINWORDS_WORKER_MEMORY_MB: '1' } });
    expect(tiny.stdout).toBe(one.stdout);
    expect(tiny.stderr).toMatch(/plainwords: a worker ran out of memory/);
    expect(tiny.code).toBe(2);
  });

  it('--fix in parallel writes what one thread writes', async () => {
    const a = many();
    const b = many();
    const one = await runCli(['check', '--no-builtin', '--jobs', '1', '--fix', 'docs'], { cwd: a });
    const two = await runCli(['check', '--no-builtin', '--jobs', '2', '--fix', 'docs'], { cwd: b });
    expect(two.stderr).toBe(one.stderr);
    expect(one.stderr).toMatch(/plainwords: fixed \d+ findings in 33 files\n/);
    const read = (dir: string) => readdirSync(join(dir, 'docs')).sort().map((f) => readFileSync(join(dir, 'docs', f), 'latin1'));
    expect(read(b)).toEqual(read(a));
    expect(readFileSync(join(b, 'docs/n01-letter.txt'), 'utf8')).toBe('Dear Ms Khan,\n\nWe use a new booking system. Please call us to book.\n');
  });
});

describe('process behaviour', () => {
  it('a closed pipe (| head) ends quietly with the run\'s exit code', async () => {
    const dir = project();
    for (let i = 0; i < 30; i++) cpSync(join(dir, 'docs/invitation.md'), join(dir, `docs/copy${i}.md`));
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', '--no-builtin', '--jobs', '1', 'docs'], { cwd: dir, env: cleanEnv() });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it('--output to a pipe (or a device) writes to it and never replaces it', async () => {
    const dir = project();
    const fifo = join(dir, 'report.pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    let received = '';
    const reader = new Promise<void>((resolve, reject) => {
      createReadStream(fifo, 'utf8').on('data', (d) => (received += d)).on('end', resolve).on('error', reject);
    });
    const r = await runCli(['check', '--no-builtin', '--format', 'github', '--output', fifo, 'docs/letter.txt'], { cwd: dir });
    await reader;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(received).toContain('::warning file=docs/letter.txt,line=3,col=4');
    expect(statSync(fifo).isFIFO()).toBe(true);
    const folder = await runCli(['check', '--no-builtin', '--output', 'docs', 'docs/letter.txt'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('plainwords: docs: is a folder\n');
  });

  it('prints help for check with every option', async () => {
    const r = await runCli(['check', '--help'], { cwd: root });
    expect(r.code).toBe(0);
    for (const option of ['--format', '--output', '--config', '--audience', '--stdin', '--stdin-filename', '--max-warnings', '--min-severity', '--max-reading-age', '--fix', '--fix-dry-run', '--baseline', '--write-baseline', '--jobs']) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).not.toContain('--no-builtin');
  });
});

describe('the npm package', () => {
  it('holds the command line and what it needs, and nothing else', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path).sort();
    expect(files).toContain('package.json');
    expect(files).toContain('dist/cli.js');
    const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^dist\/(cli|server)\.js$/, /^schemas\/[a-z-]+\.schema\.json$/, /^dictionaries\/[a-z]+\.schema\.json$/];
    for (const f of files) expect(allowed.some((a) => a.test(f)), `${f} should not be in the package`).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.plainwords).toBe('dist/cli.js');
    expect(pkg.engines.node).toMatch(/^>=\d+/);
    expect(readFileSync(join(ROOT, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
