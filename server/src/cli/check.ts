/**
 * `plainwords check`: check files, report findings in one of several formats, fix what can be
 * fixed, compare with a baseline, and end with an exit code a CI job can gate on:
 * 0 passed, 1 findings over the gate, 2 usage, config or read error.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { formatProblem, pushAll, type Audience, type Severity } from '../engine/index.js';
import { findConfig } from '../node/config.js';
import { buildBaseline, readBaseline, writeBaseline, type BaselineEntry, type BaselineFile } from './baseline.js';
import { collectFiles, decodeText, displayPath, type FileError } from './files.js';
import { FORMATS, FORMATTERS, type Format } from './formats.js';
import { CHECK_HELP, parseArgs, UsageError } from './main.js';
import { defaultJobs, runTasks } from './pool.js';
import { makeChecker, openProject, processText, SEVERITY_RANK, type RunSettings, type Task } from './process.js';
import { Progress } from './progress.js';
import { Renderer, type FileRecord, type RenderSettings } from './render.js';
import { plural, totals, type FileSummary, type RuleSeen, type RunSummary } from './report.js';
import { sanitize, useColor } from './terminal.js';
import { removeTempFiles, ReportSink } from './write.js';

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

export { FORMATS };

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
  if (configOption && !existsSync(configFile!)) {
    process.stderr.write(`plainwords: ${sanitize(configOption)}: no such config file\n`);
    return 2;
  }
  const settings: RunSettings = { configFile, noBuiltin: !!options['no-builtin'], audience, minSeverity, mode: fix ? 'fix' : dryRun ? 'fix-dry-run' : 'check' };
  const project = openProject(settings);
  if (project.problems.length) {
    for (const p of project.problems) process.stderr.write(`plainwords: ${sanitize(formatProblem({ ...p, file: displayPath(resolve(cwd, p.file), cwd) }))}\n`);
    return 2;
  }
  let baselineContent: BaselineFile | undefined;
  if (baselineOption !== undefined) {
    const read = readBaseline(resolve(cwd, baselineOption), baselineOption);
    if (!read.baseline) {
      for (const p of read.problems) process.stderr.write(`plainwords: ${sanitize(p)}\n`);
      return 2;
    }
    baselineContent = read.baseline;
  }

  // The report is written as files finish, in file order.
  const formatter = FORMATTERS[format];
  const sink = new ReportSink(output === undefined ? undefined : resolve(cwd, output));
  if (sink.error) {
    process.stderr.write(`plainwords: ${sanitize(output!)}: ${sink.error}\n`);
    return 2;
  }
  const color = format === 'stylish' && useColor(process.stdout, process.env, output !== undefined);
  const render: RenderSettings = {
    format,
    ctx: { color, maxReadingAge },
    cwd,
    baseline: baselineContent && { path: baselineOption!, content: baselineContent },
    writeBaseline: writeBaselineOption,
  };
  const errors: FileError[] = [];
  const files: FileSummary[] = [];
  const rules = new Map<string, RuleSeen>();
  const parts: Array<string | Uint8Array> = [];
  const baselineFound: BaselineEntry[] = [];
  let baselined = 0;
  let fixedFindings = 0;
  let fixedFiles = 0;
  let wrotePart = false;
  let progress: Progress | undefined;
  const toTerminal = output === undefined && !!process.stdout.isTTY;
  const emitError = (e: FileError) => {
    progress?.end();
    errors.push(e);
    process.stderr.write(`plainwords: ${sanitize(e.path)}: ${sanitize(e.message)}\n`);
  };
  const emit = (r: FileRecord) => {
    if (r.error !== undefined) return emitError({ path: r.path, message: r.error });
    if (maxReadingAge !== undefined && !r.summary!.readingAge) return emitError({ path: r.path, message: 'has no reading age, which --max-reading-age needs' });
    files.push(r.summary!);
    for (const rule of r.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
    baselined += r.baselined;
    if (r.baselineEntries) pushAll(baselineFound, r.baselineEntries);
    if (r.fix?.applied) {
      fixedFindings += r.fix.applied;
      fixedFiles++;
    }
    if (r.fix?.unsettled) {
      progress?.end();
      process.stderr.write(`plainwords: ${sanitize(r.path)}: fixes were still changing the text after ${r.fix.passes} passes; the rest were not applied (a replacement may contain a flagged word)\n`);
    }
    if (!r.part.length) return;
    if (formatter.buffered && !dryRun) parts.push(r.part);
    else {
      if (toTerminal) progress?.end();
      if (wrotePart && !dryRun) sink.write(formatter.separator);
      sink.write(r.part);
      wrotePart = true;
    }
  };
  if (!formatter.buffered && !dryRun) sink.write(formatter.head(undefined));

  if (useStdin) {
    const display = stdinFilename ?? '<stdin>';
    let bytes: Buffer | undefined;
    try {
      bytes = await readStdin();
    } catch (e) {
      emitError({ path: display, message: `cannot read standard input: ${(e as Error).message}` });
    }
    if (bytes) {
      const decoded = decodeText(bytes);
      if (decoded.error !== undefined) emitError({ path: display, message: decoded.error });
      else emit(new Renderer(render).render(processText(settings, makeChecker(settings, project), 0, display, decoded.text!, !!decoded.bom, stdinFile), stdinFile!));
    }
  } else {
    const paths = positionals.length ? positionals : ['.'];
    const collected = collectFiles(paths, cwd);
    for (const e of collected.errors) emitError(e);
    for (const i of collected.ignored) process.stderr.write(`plainwords: ${sanitize(i.path)}: not checked: ignored by ${sanitize(i.by)}\n`);
    if (!collected.files.length && !collected.errors.length && !collected.ignored.length) {
      emitError({ path: paths.join(' '), message: 'no markdown (.md) or text (.txt) files to check here' });
    }
    const tasks: Task[] = collected.files.map((file, index) => ({ index, file, display: displayPath(file, cwd) }));
    const jobs = jobsOption ?? (tasks.length >= PARALLEL_FROM ? defaultJobs() : 1);
    progress = new Progress(tasks.length, process.stderr, !options['no-progress'] && Progress.wanted(process.stderr, process.env));
    // Records come in any order; each is written when all before it have been.
    const waiting = new Map<number, FileRecord>();
    let next = 0;
    // --fix writes files: on SIGINT/SIGTERM stop between files, remove any temporary file a
    // worker left, and exit 130/143; every file is then either as it was or fully fixed.
    const stop = new AbortController();
    let interrupted: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted ??= signal;
      stop.abort();
    };
    if (fix) {
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }
    try {
      await runTasks(tasks, settings, render, project, jobs, (r) => {
        progress!.tick(r.path);
        waiting.set(r.index, r);
        while (waiting.has(next)) {
          const record = waiting.get(next)!;
          waiting.delete(next++);
          emit(record);
        }
      }, (notice) => {
        progress!.end();
        process.stderr.write(`plainwords: ${sanitize(notice)}\n`);
      }, fix ? stop.signal : undefined);
    } catch (e) {
      if (!interrupted) throw e;
    } finally {
      progress.end();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    if (interrupted) {
      removeTempFiles(collected.files.map((f) => dirname(realpathOr(f))));
      process.stderr.write(`plainwords: interrupted (${interrupted}): files already fixed are complete, the others are unchanged\n`);
      return interrupted === 'SIGINT' ? 130 : 143;
    }
  }

  // Baselines: record today's findings.
  if (writeBaselineOption !== undefined && errors.length) {
    process.stderr.write(`plainwords: ${sanitize(writeBaselineOption)}: not written, because not every file could be checked\n`);
  } else if (writeBaselineOption !== undefined) {
    const baseline = buildBaseline(baselineFound);
    const error = writeBaseline(resolve(cwd, writeBaselineOption), baseline);
    if (error) emitError({ path: writeBaselineOption, message: error });
    else {
      const n = baseline.findings.reduce((k, e) => k + e.count, 0);
      process.stderr.write(`plainwords: wrote a baseline of ${n} finding${n === 1 ? '' : 's'} to ${sanitize(writeBaselineOption)}\n`);
    }
  }

  // The gate.
  const t = totals(files);
  const overMax = files.filter((f) => f.overMax).length;
  const warningsOver = maxWarnings !== undefined && t.warning > maxWarnings;
  const findingsFail = writeBaselineOption === undefined && (t.error > 0 || warningsOver);
  const exitCode = errors.length ? 2 : findingsFail || overMax ? 1 : 0;
  const summary: RunSummary = { files, errors, dictionary: project.data, rules, baselined, maxReadingAge, exitCode, color };
  if (!dryRun) {
    if (formatter.buffered) {
      sink.write(formatter.head(summary));
      parts.forEach((part, i) => {
        if (i) sink.write(formatter.separator);
        sink.write(part);
      });
    }
    sink.write(formatter.tail(summary));
  }
  const error = await sink.close();
  if (error) {
    process.stderr.write(`plainwords: ${sanitize(output ?? 'standard output')}: ${error}\n`);
    return 2;
  }
  if (warningsOver && writeBaselineOption === undefined) process.stderr.write(`plainwords: ${plural(t.warning, 'warning')}: more than --max-warnings ${maxWarnings}\n`);
  if (fix) process.stderr.write(`plainwords: fixed ${plural(fixedFindings, 'finding')} in ${plural(fixedFiles, 'file')}\n`);
  if (dryRun) process.stderr.write(`plainwords: --fix would fix ${plural(fixedFindings, 'finding')} in ${plural(fixedFiles, 'file')}\n`);
  return exitCode;
}

/** The real path of a file (where its temporary files go), or the path when it cannot be resolved. */
function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
