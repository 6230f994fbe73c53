// Runs the bundled command line (dist/cli.js) the way a CI job does, on copies of fixture
// projects in a temporary folder, and compares its output with golden files.
// UPDATE_GOLDEN=1 rewrites the golden files instead of comparing.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist/cli.js');
export const FIXTURES = join(ROOT, 'test/fixtures/cli');
export const UPDATE = process.env.UPDATE_GOLDEN === '1';
export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  stdin?: string | Buffer;
  /** Run as another user (uid/gid 65534) when we are root, so that permissions apply. */
  asUser?: boolean;
  timeoutMs?: number;
}

/** A clean environment: no colour or CI settings leak in from the machine running the tests. */
export function cleanEnv(extra: Record<string, string> = {}, home = tmpdir()): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', ...extra };
}

/** Spawn `node dist/cli.js ...args`; resolves when it exits (killed after the timeout). */
export function runCli(args: string[], opts: RunOptions): Promise<RunResult> {
  // Another user may not be able to reach the checkout: give it its own copy of the bundle.
  let cli = CLI;
  if (opts.asUser && IS_ROOT) {
    cli = join(opts.cwd, '.plainwords-cli.js');
    copyFileSync(CLI, cli);
    chmodSync(cli, 0o755);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: opts.cwd,
      env: cleanEnv(opts.env, opts.cwd),
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.asUser && IS_ROOT ? { uid: 65534, gid: 65534 } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`plainwords ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 60000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 60000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {
      // The command may exit before reading all of standard input.
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

export function tempDir(prefix = 'plainwords-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** Copy a fixture project; `_gitignore` files become `.gitignore` (a real one would hide fixture files from git). */
export function copyProject(name: string, to: string): void {
  cpSync(join(FIXTURES, '_projects', name), to, { recursive: true });
  const fix = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const full = join(dir, n);
      if (statSync(full).isDirectory()) fix(full);
      else if (n === '_gitignore') renameSync(full, join(dir, '.gitignore'));
    }
  };
  fix(to);
}

/** Make every file and folder readable by everyone (for runs as another user). */
export function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const n of readdirSync(dir)) {
    const full = join(dir, n);
    const st = statSync(full, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) openUp(full);
    else if (st.isFile()) chmodSync(full, 0o644);
  }
}

export interface CaseSpec {
  description: string;
  project?: string;
  files?: Record<string, string>;
  /** Files given as hex bytes (invalid UTF-8, binary). */
  bytes?: Record<string, string>;
  setup?: Array<{ symlink?: [string, string]; fifo?: string; chmod?: [string, string]; mkdir?: string; remove?: string }>;
  args: string[];
  cwd?: string;
  stdin?: string;
  stdinHex?: string;
  env?: Record<string, string>;
  asUser?: boolean;
  /** Files whose content after the run is compared with expected.after/<path>. */
  after?: string[];
  /** Compare stdout as a JSON report (each readability report replaced by a placeholder, checked for shape). */
  jsonReport?: boolean;
}

/** Build a case's folder in a temporary folder. */
export function buildCase(spec: CaseSpec, dir: string): void {
  if (spec.project) copyProject(spec.project, dir);
  for (const [path, text] of Object.entries(spec.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [path, hex] of Object.entries(spec.bytes ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
  }
  if (spec.asUser && IS_ROOT) openUp(dir);
  for (const step of spec.setup ?? []) {
    if (step.symlink) symlinkSync(step.symlink[1], join(dir, step.symlink[0]));
    if (step.fifo) {
      const r = spawnSync('mkfifo', [join(dir, step.fifo)]);
      if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
    }
    if (step.chmod) chmodSync(join(dir, step.chmod[0]), parseInt(step.chmod[1], 8));
    if (step.mkdir) mkdirSync(join(dir, step.mkdir), { recursive: true });
    if (step.remove) rmSync(join(dir, step.remove), { recursive: true, force: true });
  }
}

/** Output with the machine-specific parts replaced: the temporary folder and the version. */
export function normalise(s: string, dir: string): string {
  return s.split(dir).join('<TMP>').split(`"${VERSION}"`).join('"<VERSION>"').split(`Plain Words ${VERSION}`).join('Plain Words <VERSION>');
}

/** A JSON report with each readability report checked for shape and replaced by a placeholder. */
export function normaliseJsonReport(stdout: string): string {
  const report = JSON.parse(stdout);
  for (const f of report.files ?? []) {
    if (f.readability !== undefined) {
      expect(f.readability.version).toBe(1);
      expect(typeof f.readability.target).toBe('number');
      expect(Array.isArray(f.readability.sections)).toBe(true);
      f.readability = '<readability report>';
    }
  }
  return JSON.stringify(report, null, 2) + '\n';
}

/** Compare with a golden file, or write it under UPDATE_GOLDEN=1. */
export function golden(file: string, actual: string): void {
  if (UPDATE) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${file} is missing: run with UPDATE_GOLDEN=1 to create it`);
  expect(actual, file).toBe(readFileSync(file, 'utf8'));
}

/** Every case folder under test/fixtures/cli (those with a case.json). */
export function cases(): Array<{ name: string; dir: string; spec: CaseSpec }> {
  return readdirSync(FIXTURES)
    .filter((n) => !n.startsWith('_') && existsSync(join(FIXTURES, n, 'case.json')))
    .sort()
    .map((name) => ({ name, dir: join(FIXTURES, name), spec: JSON.parse(readFileSync(join(FIXTURES, name, 'case.json'), 'utf8')) as CaseSpec }));
}

/** Makes numbered projects under `root` from the basic fixture project, with extra files. */
export function projectMaker(root: string): (files?: Record<string, string>) => string {
  let n = 0;
  return (files = {}) => {
    const dir = join(root, `p${n++}`);
    buildCase({ description: '', project: 'basic', files, args: [] }, dir);
    return dir;
  };
}
