/**
 * `plainwords check`: check files and report findings.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { check, formatProblem, type Audience, type Finding, type Severity } from '../engine/index.js';
import { findConfig, loadProject } from '../node/config.js';
import { collectFiles, formatOf, readText } from './files.js';
import { parseArgs, UsageError } from './main.js';
import { formatJson, formatStylish, type FileResult } from './report.js';

const SPEC = {
  format: 'string',
  config: 'string',
  audience: 'string',
  stdin: 'boolean',
  'stdin-filename': 'string',
  'max-warnings': 'string',
  help: 'boolean',
  h: 'boolean',
} as const;

export const FORMATS = ['stylish', 'json'] as const;

export async function runCheck(args: string[]): Promise<number> {
  const { positionals, options } = parseArgs(args, SPEC);
  if (options.help || options.h) {
    const { HELP } = await import('./main.js');
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const format = (options.format as string | undefined) ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  const audience = options.audience as Audience | undefined;
  if (audience !== undefined && audience !== 'public' && audience !== 'staff') throw new UsageError(`unknown audience "${audience}" (use public or staff)`);
  let maxWarnings: number | undefined;
  if (options['max-warnings'] !== undefined) {
    maxWarnings = Number(options['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not "${options['max-warnings']}"`);
  }
  const cwd = process.cwd();
  const configFile = options.config ? resolve(cwd, options.config as string) : findConfig(cwd);
  const project = loadProject(configFile);
  if (project.problems.length) {
    for (const p of project.problems) process.stderr.write(`plainwords: ${formatProblem({ ...p, file: rel(p.file, cwd) })}\n`);
    return 2;
  }
  const results: FileResult[] = [];
  let readErrors = 0;
  const checkOne = (path: string, text: string) => {
    const fmt = formatOf(path) ?? 'markdown';
    const result = check(text, { dictionary: project.dictionary, config: project.config, audience, format: fmt });
    results.push({ path, text, findings: result.findings });
  };
  if (options.stdin) {
    if (positionals.length) throw new UsageError('give either --stdin or files, not both');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(0));
    } catch (e) {
      process.stderr.write(`plainwords: <stdin>: ${(e as Error).message.includes('encoded') ? 'is not valid UTF-8' : (e as Error).message}\n`);
      return 2;
    }
    checkOne((options['stdin-filename'] as string | undefined) ?? '<stdin>', text);
  } else {
    const { files, errors } = collectFiles(positionals.length ? positionals : ['.'], cwd);
    for (const e of errors) {
      process.stderr.write(`plainwords: ${e.path}: ${e.message}\n`);
      readErrors++;
    }
    for (const file of files) {
      const r = readText(file);
      if (r.error !== undefined) {
        process.stderr.write(`plainwords: ${rel(file, cwd)}: ${r.error}\n`);
        readErrors++;
        continue;
      }
      checkOne(rel(file, cwd), r.text!);
    }
  }
  const out = format === 'json' ? formatJson(results) : formatStylish(results, { color: !!process.stdout.isTTY && !process.env.NO_COLOR });
  process.stdout.write(out);
  if (readErrors) return 2;
  const count = (s: Severity) => results.reduce((n, r) => n + r.findings.filter((f: Finding) => f.severity === s).length, 0);
  if (count('error') > 0) return 1;
  if (maxWarnings !== undefined && count('warning') > maxWarnings) return 1;
  return 0;
}

function rel(p: string, cwd: string): string {
  const r = relative(cwd, p);
  return (r && !r.startsWith('..') ? r : p).split(sep).join('/');
}
