/**
 * The work done for one file, the same in a worker thread and in the main thread: read it,
 * check it, and (with --fix or --fix-dry-run) fix it until it is stable.
 */
import { dirname, relative, sep } from 'node:path';
import { AnalysisCache, applyFixes, check, fixAll, type Audience, type CheckResult, type Finding, type ReadabilityReport, type Severity } from '../engine/index.js';
import { loadProject, type Project } from '../node/config.js';
import { builtinDictionary } from '../node/builtin.js';
import { unifiedDiff } from './diff.js';
import { formatOf, readText } from './files.js';
import { writeAtomic } from './write.js';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** What every worker needs to know to check files the same way (plain data: it is cloned). */
export interface RunSettings {
  configFile?: string;
  /** Use only the dictionaries the config names, not the built-in one. */
  noBuiltin: boolean;
  audience?: Audience;
  minSeverity: Severity;
  mode: 'check' | 'fix' | 'fix-dry-run';
}

export interface Task {
  index: number;
  /** Absolute path. */
  file: string;
  /** The path shown in reports. */
  display: string;
}

export interface FixOutcome {
  /** Edits applied over all passes. */
  applied: number;
  passes: number;
  /** True when fixes still changed the text after the last allowed pass. */
  unsettled: boolean;
  /** The unified diff (--fix-dry-run). */
  diff?: string;
  /** Whether the file was written (--fix). */
  written: boolean;
}

export interface Outcome {
  index: number;
  path: string;
  /** The text the findings refer to (after fixing, with --fix and --fix-dry-run). */
  text?: string;
  bom?: boolean;
  findings: Finding[];
  readability?: ReadabilityReport;
  error?: string;
  fix?: FixOutcome;
}

/** Fixing stops after this many passes (a fix that reveals another is fixed in the next pass). */
export const MAX_FIX_PASSES = 10;

export function openProject(settings: RunSettings): Project {
  return loadProject(settings.configFile, settings.noBuiltin ? { entries: [], names: [] } : builtinDictionary);
}

export type Checker = (text: string, display: string, file?: string, cache?: AnalysisCache) => CheckResult;

/** A checker for one run: the project's dictionary, config and audience rules. */
export function makeChecker(settings: RunSettings, project: Project): Checker {
  const root = project.configFile ? dirname(project.configFile) : undefined;
  // The engine applies the audience order: --audience, front matter, the config's `audiences`
  // patterns (matched against the path relative to the config file), its `audience`, public.
  const pathOf = (display: string, file?: string): string => (root && file ? relative(root, file).split(sep).join('/') : display);
  return (text, display, file, cache) =>
    check(text, {
      cache,
      dictionary: project.dictionary,
      config: project.config,
      audience: settings.audience,
      path: pathOf(display, file),
      format: formatOf(display) ?? 'markdown',
    });
}

function keep(findings: Finding[], min: Severity): Finding[] {
  const rank = SEVERITY_RANK[min];
  return findings.filter((f) => SEVERITY_RANK[f.severity] <= rank);
}

/** Check (and maybe fix) a text already read. Never throws: a failure becomes `error`. */
export function processText(settings: RunSettings, checker: Checker, index: number, display: string, text: string, bom: boolean, file?: string): Outcome {
  try {
    // When fixing, each pass re-checks the text: unchanged paragraphs are not analysed again.
    const cache = settings.mode === 'check' ? undefined : new AnalysisCache();
    let result = checker(text, display, file, cache);
    let findings = keep(result.findings, settings.minSeverity);
    if (settings.mode === 'check') return { index, path: display, text, bom, findings, readability: result.readability };
    let current = text;
    let applied = 0;
    let passes = 0;
    let unsettled = false;
    for (;;) {
      const edits = fixAll(findings);
      if (!edits.length) break;
      if (passes === MAX_FIX_PASSES) {
        unsettled = true;
        break;
      }
      const next = applyFixes(current, edits);
      if (next.text === current) break;
      current = next.text;
      applied += next.applied.length;
      passes++;
      result = checker(current, display, file, cache);
      findings = keep(result.findings, settings.minSeverity);
    }
    const fix: FixOutcome = { applied, passes, unsettled, written: false };
    if (settings.mode === 'fix-dry-run') {
      // The byte order mark is part of the file, so the diff applies to it.
      const b = bom ? '\ufeff' : '';
      fix.diff = unifiedDiff(display, b + text, b + current);
    } else if (current !== text && file) {
      // Written only if the file still holds the text that was fixed (else the fix is stale).
      const error = writeAtomic(file, (bom ? '\ufeff' : '') + current, true, (bom ? '\ufeff' : '') + text);
      if (error) return { index, path: display, text, bom, findings: [], error };
      fix.written = true;
    }
    return { index, path: display, text: current, bom, findings, readability: result.readability, fix };
  } catch (e) {
    return { index, path: display, findings: [], error: `internal error while checking: ${(e as Error)?.stack ?? e}` };
  }
}

/** Read, check and maybe fix one file. */
export function processFile(settings: RunSettings, checker: Checker, task: Task): Outcome {
  const r = readText(task.file);
  if (r.error !== undefined) return { index: task.index, path: task.display, findings: [], error: r.error };
  return processText(settings, checker, task.index, task.display, r.text!, !!r.bom, task.file);
}
