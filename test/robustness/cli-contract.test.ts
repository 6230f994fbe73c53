// The command line's exit-code contract under every kind of bad input (0 clean, 1 findings over
// the gate, 2 a tool error, never 0 or 1 when something could not be checked), interrupted
// --fix runs (no temporary file left, every file either as it was or fully fixed), stale fixes
// refused, and an internal error in a check turned into an error for that file.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, IS_ROOT, openUp, runCli, tempDir } from '../cli/harness.js';
import { ensureBuilt } from '../lsp/build.js';
import { processText, type RunSettings } from '../../server/src/cli/process.js';
import { check, compileDictionary } from '../../server/src/engine/index.js';
import builtin from '../support/builtin-dictionary.js';

beforeAll(() => ensureBuilt(['dist/cli.js']), 120000);

interface Row {
  condition: string;
  files?: Record<string, string | Buffer>;
  setup?: (dir: string) => void;
  args: string[];
  code: number;
  stderr?: RegExp;
  asUser?: boolean;
}

const DOC = 'We utilise the room.\n';
const ROWS: Row[] = [
  { condition: 'no findings', files: { 'a.md': 'We use the room.\n' }, args: ['a.md'], code: 0 },
  { condition: 'warnings only, no gate', files: { 'a.md': DOC }, args: ['a.md'], code: 0 },
  { condition: 'an error-level finding', files: { 'a.md': DOC, '.plainwords.json': '{ "rules": { "utilise": "error" } }' }, args: ['a.md'], code: 1 },
  { condition: 'warnings over --max-warnings', files: { 'a.md': DOC }, args: ['a.md', '--max-warnings', '0'], code: 1 },
  { condition: 'an unknown option', files: { 'a.md': DOC }, args: ['a.md', '--frobnicate'], code: 2, stderr: /unknown option "--frobnicate"/ },
  { condition: 'a bad option value', files: { 'a.md': DOC }, args: ['a.md', '--max-warnings', 'many'], code: 2, stderr: /--max-warnings needs a whole number/ },
  { condition: 'an invalid config', files: { 'a.md': DOC, '.plainwords.json': '{ "audience": "everyone" }' }, args: ['a.md'], code: 2, stderr: /\.plainwords\.json:1:\d+: audience must be one of/ },
  { condition: 'a missing --config file', files: { 'a.md': DOC }, args: ['a.md', '--config', 'missing.json'], code: 2, stderr: /missing\.json/ },
  { condition: 'a missing path', args: ['nothing-here.md'], code: 2, stderr: /nothing-here\.md: no such file or folder/ },
  { condition: 'no files to check', files: { 'notes.rtf': 'x' }, args: ['.'], code: 2, stderr: /no markdown/ },
  { condition: 'a glob that matches nothing', files: { 'a.md': DOC }, args: ['docs/**/*.md'], code: 2, stderr: /no files match this pattern/ },
  { condition: 'invalid UTF-8', files: { 'a.md': Buffer.from([0x57, 0x65, 0x20, 0xc0, 0xaf, 0x0a]) }, args: ['a.md'], code: 2, stderr: /a\.md: is not valid UTF-8 \(first bad byte at offset 3\)/ },
  { condition: 'a CESU-8 surrogate', files: { 'a.md': Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x0a]) }, args: ['a.md'], code: 2, stderr: /not valid UTF-8 \(first bad byte at offset 1\)/ },
  { condition: 'a truncated sequence at the end', files: { 'a.md': Buffer.from([0x61, 0xe2, 0x82]) }, args: ['a.md'], code: 2, stderr: /not valid UTF-8/ },
  { condition: 'UTF-16', files: { 'a.md': Buffer.from('\ufeffWe utilise it.', 'utf16le') }, args: ['a.md'], code: 2, stderr: /UTF-16/ },
  { condition: 'a binary file', files: { 'a.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]) }, args: ['a.md'], code: 2, stderr: /binary/ },
  { condition: 'a device named explicitly', args: ['/dev/zero'], code: 2, stderr: /not a regular file/ },
  {
    condition: 'a FIFO named explicitly (no hang)',
    setup: (dir) => {
      if (spawnSync('mkfifo', [join(dir, 'pipe.md')]).status !== 0) throw new Error('mkfifo failed');
    },
    args: ['pipe.md'],
    code: 2,
    stderr: /not a regular file/,
  },
  { condition: 'an unreadable file', files: { 'a.md': DOC }, setup: (dir) => chmodSync(join(dir, 'a.md'), 0o000), args: ['a.md'], code: 2, stderr: /a\.md: cannot read: permission denied/, asUser: true },
  { condition: 'a tool error beside findings (error wins)', files: { 'a.md': DOC, 'b.md': Buffer.from([0xff, 0x0a]) }, args: ['.', '--max-warnings', '0'], code: 2, stderr: /b\.md: is not valid UTF-8/ },
];

describe('exit codes: 0 clean, 1 findings over the gate, 2 tool error', () => {
  it.each(ROWS.map((r) => [r.condition, r] as const))('%s', async (_, row) => {
    const dir = tempDir('plainwords-contract-');
    for (const [path, content] of Object.entries(row.files ?? {})) writeFileSync(join(dir, path), content);
    if (row.asUser && IS_ROOT) openUp(dir);
    row.setup?.(dir);
    const r = await runCli(['check', ...row.args, '--no-progress'], { cwd: dir, asUser: row.asUser, timeoutMs: 30000 });
    expect(r.code, `${row.condition}\n${r.stderr}`).toBe(row.code);
    if (row.stderr) expect(r.stderr).toMatch(row.stderr);
    // A tool error never prints a stack trace.
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('a tool error still lists every finding and every error in the JSON report', async () => {
    const dir = tempDir('plainwords-contract-');
    writeFileSync(join(dir, 'a.md'), DOC);
    writeFileSync(join(dir, 'b.md'), Buffer.from([0xff]));
    const r = await runCli(['check', '.', '--format', 'json', '--no-progress'], { cwd: dir });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string; findings: unknown[] }) => [f.path, f.findings.length > 0])).toEqual([['a.md', true]]);
    expect(report.errors).toEqual([{ path: 'b.md', message: expect.stringMatching(/not valid UTF-8/) }]);
  });
});

describe('errors inside a check', () => {
  const settings: RunSettings = { noBuiltin: false, minSeverity: 'hint', mode: 'check' };

  it('an exception in a rule becomes an error for that file (exit code 2), never a crash or a pass', () => {
    const broken = () => {
      throw new RangeError('a rule broke');
    };
    const out = processText(settings, broken, 0, 'a.md', 'We utilise it.', false);
    expect(out.error).toMatch(/internal error while checking: RangeError: a rule broke/);
    expect(out.findings).toEqual([]);
  });

  it('refuses a stale fix: a file changed since it was read is not written', () => {
    const dir = tempDir('plainwords-contract-');
    const file = join(dir, 'a.md');
    writeFileSync(file, 'Now the file says something else.\n');
    const dictionary = compileDictionary(builtin);
    const checker = (text: string) => check(text, { dictionary });
    // Fixing the text as it was read ("We utilise it."): the file has changed since.
    const out = processText({ ...settings, mode: 'fix' }, checker, 0, 'a.md', 'We utilise it.\n', false, file);
    expect(out.error).toMatch(/changed while it was being fixed: not written/);
    expect(readFileSync(file, 'utf8')).toBe('Now the file says something else.\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
    // Unchanged: written.
    writeFileSync(file, 'We utilise it.\n');
    expect(processText({ ...settings, mode: 'fix' }, checker, 0, 'a.md', 'We utilise it.\n', false, file).error).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe('We use it.\n');
  });
});

describe('interrupted --fix', () => {
  const ORIGINAL = 'We will utilise the room in order to help you. '.repeat(30) + '\n';

  /** Run --fix over many files and interrupt it once the first file has been fixed. */
  async function interrupt(signal: NodeJS.Signals, jobs: string[]): Promise<{ dir: string; code: number | null; stderr: string }> {
    const dir = tempDir('plainwords-interrupt-');
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, `f${String(i).padStart(3, '0')}.md`), ORIGINAL);
    const child = spawn(process.execPath, [CLI, 'check', '--fix', '--no-progress', ...jobs, '.'], { cwd: dir, env: cleanEnv({}, dir), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const deadline = Date.now() + 60000;
    // Poll the files (not a fixed sleep): interrupt as soon as one is fixed.
    while (!readdirSync(dir).some((n) => n.endsWith('.md') && readFileSync(join(dir, n), 'utf8') !== ORIGINAL)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no file was fixed: ${stderr}`);
      await new Promise((r) => setImmediate(r));
    }
    child.kill(signal);
    return { dir, code: await exited, stderr };
  }

  const fixedText = (() => {
    const dir = tempDir('plainwords-interrupt-');
    writeFileSync(join(dir, 'one.md'), ORIGINAL);
    spawnSync(process.execPath, [CLI, 'check', '--fix', '--no-progress', 'one.md'], { cwd: dir, env: cleanEnv({}, dir) });
    return () => readFileSync(join(dir, 'one.md'), 'utf8');
  })();

  for (const [signal, jobs, code] of [
    ['SIGINT', [], 130],
    ['SIGTERM', ['-j', '1'], 143],
    ['SIGINT', ['-j', '1'], 130],
  ] as const) {
    it(`${signal}${jobs.length ? ` with ${jobs.join(' ')}` : ' with workers'}: exit ${code}, no temporary file, every file original or fully fixed`, async () => {
      const fixed = fixedText();
      expect(fixed).not.toBe(ORIGINAL);
      const r = await interrupt(signal, [...jobs]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`interrupted \\(${signal}\\)`));
      const names = readdirSync(r.dir);
      expect(names.filter((n) => !/^f\d{3}\.md$/.test(n))).toEqual([]);
      const states = names.map((n) => readFileSync(join(r.dir, n), 'utf8'));
      for (const s of states) expect([ORIGINAL, fixed]).toContain(s);
      expect(states.filter((s) => s === fixed).length).toBeGreaterThan(0);
      expect(existsSync(join(r.dir, 'f199.md'))).toBe(true);
    }, 90000);
  }
});
