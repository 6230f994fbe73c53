/**
 * `plainwords check`: check files, report findings in one of several formats, fix what can be
 * fixed, compare with a baseline, and end with an exit code a CI job can gate on:
 * 0 passed, 1 findings over the gate, 2 usage, config or read error.
 */
import { resolve, dirname } from 'node:path';
import { formatProblem, type Audience, type Severity } from '../engine/index.js';
import { findConfig } from '../node/config.js';
import { BaselineFilter, baselinePath, buildBaseline, readBaseline, writeBaseline, type BaselineInput } from './baseline.js';
import { collectFiles, decodeText, displayPath, type FileError } from './files.js';
import { formatGithub } from './format-github.js';
import { formatHtml } from './format-html.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { CHECK_HELP, parseArgs, UsageError } from './main.js';
import { defaultJobs, runTasks } from './pool.js';
import { makeChecker, openProject, processText, SEVERITY_RANK, type Outcome, type RunSettings, type Task } from './process.js';
import { Progress } from './progress.js';
import { formatJson, formatStylish, overMaxReadingAge, readingAgeOf, totals, type FileResult, type Report } from './report.js';
import { sanitize, useColor } from './terminal.js';
import { writeAtomic } from './write.js';

const SPEC = {
  format: 'string',
  f: 'string',
  output: 'string',
  o: 'string',
  config: 'string',
  c: 'string',
  audience: 'string',
  stdin: 'boolean',
  'stdin-filename': 'string',
  'max-warnings': 'string',
  'min-severity': 'string',
  'max-reading-age': 'string',
  fix: 'boolean',
  'fix-dry-run': 'boolean',
  baseline: 'string',
  'write-baseline': 'string',
  jobs: 'string',
  j: 'string',
  'no-progress': 'boolean',
  'no-builtin': 'boolean',
  help: 'boolean',
  h: 'boolean',
} as const;

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Below this many files, checking in this thread is faster than starting workers. */
const PARALLEL_FROM = 12;

function wholeNumber(name: string, value: string | boolean | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`--${name} needs a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${value}"`);
  }
  return n;
}

/** Write to standard output; a closed pipe (`| head`) is not an error. */
function writeStdout(s: string): Promise<void> {
  return new Promise((done) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') process.stderr.write(`plainwords: cannot write the report: ${e.message}\n`);
      done();
    };
    process.stdout.once('error', onError);
    process.stdout.write(s, () => {
      process.stdout.off('error', onError);
      done();
    });
  });
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function runCheck(args: string[]): Promise<number> {
  const { positionals, options } = parseArgs(args, SPEC);
  if (options.help || options.h) {
    process.stdout.write(CHECK_HELP + '\n');
    return 0;
  }
  const str = (...names: string[]) => names.map((n) => options[n]).find((v) => v !== undefined) as string | undefined;
  const format = (str('format', 'f') ?? 'stylish') as Format;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  const audience = options.audience as Audience | undefined;
  if (audience !== undefined && audience !== 'public' && audience !== 'staff') throw new UsageError(`unknown audience "${audience}" (use public or staff)`);
  const minSeverity = (options['min-severity'] ?? 'hint') as Severity;
  if (!(minSeverity in SEVERITY_RANK)) throw new UsageError(`unknown severity "${minSeverity}" for --min-severity (use error, warning, info or hint)`);
  const maxWarnings = wholeNumber('max-warnings', options['max-warnings'], 0);
  const maxReadingAge = wholeNumber('max-reading-age', options['max-reading-age'], 1);
  const jobsOption = wholeNumber('jobs', str('jobs', 'j'), 1);
  const fix = !!options.fix;
  const dryRun = !!options['fix-dry-run'];
  const useStdin = !!options.stdin;
  const stdinFilename = options['stdin-filename'] as string | undefined;
  if (fix && dryRun) throw new UsageError('give --fix or --fix-dry-run, not both');
  if (useStdin && positionals.length) throw new UsageError('give either --stdin or files, not both');
  if (stdinFilename !== undefined && !useStdin) throw new UsageError('--stdin-filename needs --stdin');
  if (fix && useStdin) throw new UsageError('--fix cannot write to standard input (use --fix-dry-run to see the changes as a diff)');
  const output = str('output', 'o');
  const baselineOption = options.baseline as string | undefined;
  const writeBaselineOption = options['write-baseline'] as string | undefined;
  const cwd = process.cwd();

  // Project config and dictionaries. A broken config is an error, never silently ignored.
  const stdinFile = useStdin ? resolve(cwd, stdinFilename ?? 'stdin.md') : undefined;
  const configOption = str('config', 'c');
  const configFile = configOption ? resolve(cwd, configOption) : findConfig(stdinFile ? dirname(stdinFile) : cwd);
  const settings: RunSettings = { configFile, noBuiltin: !!options['no-builtin'], audience, minSeverity, mode: fix ? 'fix' : dryRun ? 'fix-dry-run' : 'check' };
  const project = openProject(settings);
  if (project.problems.length) {
    for (const p of project.problems) process.stderr.write(`plainwords: ${sanitize(formatProblem({ ...p, file: displayPath(resolve(cwd, p.file), cwd) }))}\n`);
    return 2;
  }
  let baselineFilter: BaselineFilter | undefined;
  if (baselineOption !== undefined) {
    const read = readBaseline(resolve(cwd, baselineOption), baselineOption);
    if (!read.baseline) {
      for (const p of read.problems) process.stderr.write(`plainwords: ${sanitize(p)}\n`);
      return 2;
    }
    baselineFilter = new BaselineFilter(read.baseline);
  }

  // The files, checked (in parallel when there are many).
  const errors: FileError[] = [];
  const notices: string[] = [];
  let outcomes: Outcome[] = [];
  const absolute: string[] = [];
  if (useStdin) {
    const display = stdinFilename ?? '<stdin>';
    let bytes: Buffer | undefined;
    try {
      bytes = await readStdin();
    } catch (e) {
      errors.push({ path: display, message: `cannot read standard input: ${(e as Error).message}` });
    }
    if (bytes) {
      const decoded = decodeText(bytes);
      if (decoded.error !== undefined) errors.push({ path: display, message: decoded.error });
      else {
        outcomes = [processText(settings, makeChecker(settings, project), 0, display, decoded.text!, !!decoded.bom, stdinFile)];
        absolute.push(stdinFile!);
      }
    }
  } else {
    const paths = positionals.length ? positionals : ['.'];
    const collected = collectFiles(paths, cwd);
    errors.push(...collected.errors);
    for (const i of collected.ignored) notices.push(`${i.path}: not checked: ignored by ${i.by}`);
    if (!collected.files.length && !collected.errors.length && !collected.ignored.length) {
      errors.push({ path: paths.join(' '), message: 'no markdown (.md) or text (.txt) files to check here' });
    }
    const tasks: Task[] = collected.files.map((file, index) => ({ index, file, display: displayPath(file, cwd) }));
    absolute.push(...collected.files);
    const jobs = jobsOption ?? (tasks.length >= PARALLEL_FROM ? defaultJobs() : 1);
    const progress = new Progress(tasks.length, process.stderr, !options['no-progress'] && Progress.wanted(process.stderr, process.env));
    try {
      outcomes = await runTasks(tasks, settings, project, jobs, (o) => progress.tick(o.path));
    } finally {
      progress.end();
    }
  }

  const results: FileResult[] = [];
  const resultFiles: string[] = [];
  let fixedFindings = 0;
  let fixedFiles = 0;
  for (const o of outcomes) {
    if (o.error !== undefined) {
      errors.push({ path: o.path, message: o.error });
      continue;
    }
    const r: FileResult = { path: o.path, text: o.text!, findings: o.findings, readability: o.readability };
    if (o.fix) {
      if (fix) r.fixed = o.fix.applied;
      if (o.fix.applied) {
        fixedFindings += o.fix.applied;
        fixedFiles++;
      }
      if (o.fix.unsettled) notices.push(`${o.path}: fixes were still changing the text after ${o.fix.passes} passes; the last changes were not applied (a dictionary replacement may contain a flagged word)`);
    }
    results.push(r);
    resultFiles.push(absolute[o.index]);
  }
  for (const e of errors) process.stderr.write(`plainwords: ${sanitize(e.path)}: ${sanitize(e.message)}\n`);
  for (const n of notices) process.stderr.write(`plainwords: ${sanitize(n)}\n`);

  if (maxReadingAge !== undefined && results.some((r) => !readingAgeOf(r.readability))) {
    process.stderr.write('plainwords: --max-reading-age needs reading ages, and this version of the engine does not report them\n');
    return 2;
  }

  // Baselines: record today's findings, or keep only findings that are new.
  if (writeBaselineOption !== undefined) {
    const inputs: BaselineInput[] = results.map((r, i) => ({ file: resultFiles[i], text: r.text, findings: r.findings }));
    const baseline = buildBaseline(writeBaselineOption, inputs, cwd);
    const error = writeBaseline(resolve(cwd, writeBaselineOption), baseline);
    if (error) {
      process.stderr.write(`plainwords: ${sanitize(writeBaselineOption)}: ${error}\n`);
      return 2;
    }
    const n = baseline.findings.reduce((k, e) => k + e.count, 0);
    process.stderr.write(`plainwords: wrote a baseline of ${n} finding${n === 1 ? '' : 's'} to ${sanitize(writeBaselineOption)}\n`);
  }
  if (baselineFilter) {
    results.forEach((r, i) => {
      r.findings = baselineFilter!.filter(baselinePath(baselineOption!, resultFiles[i], cwd), r.text, r.findings);
    });
  }

  // The gate.
  const t = totals(results);
  const over = overMaxReadingAge(results, maxReadingAge);
  const findingsFail = writeBaselineOption === undefined && (t.error > 0 || (maxWarnings !== undefined && t.warning > maxWarnings));
  const exitCode = errors.length ? 2 : findingsFail || over.length ? 1 : 0;
  if (maxWarnings !== undefined && t.warning > maxWarnings && writeBaselineOption === undefined) {
    process.stderr.write(`plainwords: ${t.warning} warning${t.warning === 1 ? '' : 's'}: more than --max-warnings ${maxWarnings}\n`);
  }

  // The report.
  const report: Report = { results, errors, dictionary: project.data, baselined: baselineFilter?.suppressed ?? 0, maxReadingAge, exitCode };
  let out: string;
  if (dryRun) out = outcomes.map((o) => (o.error === undefined ? o.fix?.diff ?? '' : '')).join('');
  else {
    switch (format) {
      case 'json':
        out = formatJson(results, report);
        break;
      case 'sarif':
        out = formatSarif(report);
        break;
      case 'github':
        out = formatGithub(report);
        break;
      case 'junit':
        out = formatJunit(report);
        break;
      case 'html':
        out = formatHtml(report);
        break;
      default:
        out = formatStylish(results, { color: useColor(process.stdout, process.env, output !== undefined), report });
    }
  }
  if (output !== undefined) {
    const error = writeAtomic(resolve(cwd, output), out, false);
    if (error) {
      process.stderr.write(`plainwords: ${sanitize(output)}: ${error}\n`);
      return 2;
    }
  } else await writeStdout(out);
  if (fix) process.stderr.write(`plainwords: fixed ${fixedFindings} finding${fixedFindings === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);
  if (dryRun) process.stderr.write(`plainwords: --fix would fix ${fixedFindings} finding${fixedFindings === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);
  return exitCode;
}
