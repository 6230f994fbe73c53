/**
 * What `plainwords check` reports. Every format is written in three parts: a head, one part per
 * file (rendered where the file was checked, in a worker thread when there are several, and
 * written in file order as soon as its turn comes, so that memory stays flat on large runs) and
 * a tail built from the run's summary. This file has the shared types and helpers and the two
 * main formats: `stylish` (people at a terminal) and `json` (machines; schema in
 * schemas/report.schema.json, documented in docs/json-report.md). The others are format-*.ts.
 */
import { fixAll, LineIndex, type DictionaryData, type Finding, type ReadabilityReport, type Severity } from '../engine/index.js';
import { VERSION } from '../node/version.js';
import type { FileError } from './files.js';
import { sanitize, wellFormedJson } from './terminal.js';

/** One checked file, as the formats see it. */
export interface FileResult {
  path: string;
  text: string;
  findings: Finding[];
  /** The engine's readability report for the file. */
  readability?: ReadabilityReport;
  /** With --fix: edits applied to the file. */
  fixed?: number;
}

/** What a file's part of the report depends on besides the file. */
export interface RenderContext {
  color: boolean;
  maxReadingAge?: number;
}

/** A rule seen in the run, with one of its findings (SARIF describes coded rules from it). */
export interface RuleSeen {
  id: string;
  severity: Severity;
  message: string;
  explanation?: string;
  url?: string;
}

export interface ReadingAge {
  age: number | null;
  target: number;
  reliable: boolean;
}

/** What the run's summary keeps of a file once its part is written. */
export interface FileSummary {
  /** Position in the run's list of files (stable ids in the HTML report). */
  index: number;
  path: string;
  counts: Record<Severity, number>;
  fixable: number;
  readingAge?: ReadingAge;
  overMax: boolean;
}

/** The run as a whole, for heads and tails. */
export interface RunSummary {
  files: FileSummary[];
  errors: FileError[];
  /** Entries of the dictionary in use, by id (SARIF rules). */
  dictionary: DictionaryData;
  rules: Map<string, RuleSeen>;
  baselined: number;
  maxReadingAge?: number;
  exitCode: number;
  color: boolean;
}

export const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function emptyCounts(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

export function totals(files: Array<{ counts: Record<Severity, number> }>): Record<Severity, number> {
  const t = emptyCounts();
  for (const f of files) for (const s of SEVERITIES) t[s] += f.counts[s];
  return t;
}

export function countsOf(findings: Finding[]): Record<Severity, number> {
  const c = emptyCounts();
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The fix --fix would apply for a finding (its single unambiguous fixable replacement), if any. */
export function fixOf(f: Finding): Finding['replacements'][number] | undefined {
  return fixAll([f]).length ? f.replacements.find((r) => r.fixable) : undefined;
}

/** The document's reading age and target from the engine's readability report. */
export function readingAgeOf(readability: ReadabilityReport | undefined): ReadingAge | undefined {
  if (!readability?.document) return undefined;
  const age = readability.document.readingAge;
  return { age: typeof age === 'number' && Number.isFinite(age) ? age : null, target: readability.target, reliable: readability.document.reliable };
}

/** Sections with their first line (0-based) and reading age (null when too short to score reliably). */
export function sectionsOf(readability: ReadabilityReport | undefined): Array<{ title: string; line: number; age: number | null }> {
  return (readability?.sections ?? []).map((s) => ({
    title: s.heading?.text ?? 'Opening',
    line: s.range.start.line,
    age: s.reliable && typeof s.readingAge === 'number' ? s.readingAge : null,
  }));
}

/** Whether a reading age counts against --max-reading-age (only reliable scores do). */
export function isOverMax(ra: ReadingAge | undefined, max: number | undefined): boolean {
  return max !== undefined && !!ra && ra.reliable && ra.age !== null && Math.round(ra.age) > max;
}

/** One line about a file's readability (stylish), or undefined when there is no report. */
export function readabilitySummary(readability: ReadabilityReport | undefined): string | undefined {
  const ra = readingAgeOf(readability);
  if (!ra) return undefined;
  const d = readability!.document;
  const size = `${d.words} word${d.words === 1 ? '' : 's'}, ${d.sentences} sentence${d.sentences === 1 ? '' : 's'}`;
  if (ra.age === null || !ra.reliable) return `reading age: too little text to score (target ${ra.target}; ${size})`;
  return `reading age ${Math.round(ra.age)}, target ${ra.target} (${size})`;
}

// ---------------------------------------------------------------------------------------------
// stylish

const MAX_LINE = 110;
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };

function paint(color: boolean) {
  return (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
}

/** The line of a finding, cut to a window around the match when long, with the match's columns in it. */
function lineWindow(lines: LineIndex, f: Finding): { text: string; from: number; to: number } {
  const line = lines.lineText(f.range.start.line);
  let from = f.range.start.character;
  let to = f.range.end.line === f.range.start.line ? f.range.end.character : line.length;
  to = Math.max(from + 1, to);
  if (line.length <= MAX_LINE) return { text: sanitize(line), from, to };
  const start = Math.max(0, Math.min(from - 40, line.length - MAX_LINE));
  const end = Math.min(line.length, start + MAX_LINE);
  const prefix = start > 0 ? '…' : '';
  const text = prefix + sanitize(line.slice(start, end)) + (end < line.length ? '…' : '');
  from = from - start + prefix.length;
  to = Math.min(to - start + prefix.length, text.length);
  return { text, from, to: Math.max(from + 1, to) };
}

/** A file's part of the stylish report: its findings, each with its line marked and its fix. */
export function stylishFile(r: FileResult, ctx: RenderContext): string {
  const c = paint(ctx.color);
  const over = isOverMax(readingAgeOf(r.readability), ctx.maxReadingAge);
  if (!r.findings.length && !over) return '';
  const ra = readabilitySummary(r.readability);
  let out = c('4', sanitize(r.path)) + (ra ? `  ${c('2', ra)}` : '') + '\n';
  if (over) out += `  ${''.padEnd(8)} ${c('31', 'error'.padEnd(8))} The reading age is over the maximum of ${ctx.maxReadingAge}.  ${c('2', 'max-reading-age')}\n`;
  const lines = new LineIndex(r.text);
  for (const f of r.findings) {
    const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
    out += `  ${pos.padEnd(8)} ${c(SEVERITY_COLOR[f.severity], f.severity.padEnd(8))} ${sanitize(f.message)}  ${c('2', sanitize(f.entryId ?? f.ruleId))}\n`;
    // The line of text with the match marked.
    const w = lineWindow(lines, f);
    out += `           ${c('2', '│')} ${w.text}\n`;
    out += `           ${c('2', '│')} ${' '.repeat(w.from)}${c(SEVERITY_COLOR[f.severity], '^'.repeat(w.to - w.from))}\n`;
    const fix = fixOf(f);
    if (fix) out += `           ${c('2', '└')} ${c('32', 'fix:')} “${sanitize(f.actual)}” → “${sanitize(fix.text)}”\n`;
  }
  return out + '\n';
}

/** The end of the stylish report: files, findings by severity, fixes, reading ages, errors. */
export function stylishTail(s: RunSummary): string {
  const c = paint(s.color);
  const t = totals(s.files);
  const total = SEVERITIES.reduce((n, k) => n + t[k], 0);
  const counts = SEVERITIES.filter((k) => t[k]).map((k) => (k === 'info' ? `${t[k]} info` : plural(t[k], k)));
  const withFindings = s.files.filter((f) => SEVERITIES.some((k) => f.counts[k])).length;
  let out = total
    ? c(t.error ? '31' : '33', `${plural(total, 'finding')} (${counts.join(', ')}) in ${withFindings} of ${plural(s.files.length, 'file')} checked.`) + '\n'
    : c('32', `No findings in ${plural(s.files.length, 'file')} checked.`) + '\n';
  const fixable = s.files.reduce((n, f) => n + f.fixable, 0);
  if (fixable) out += `${plural(fixable, 'finding')} can be fixed with --fix.\n`;
  if (s.baselined) out += `${plural(s.baselined, 'finding')} in the baseline not shown.\n`;
  const scored = s.files.filter((f) => f.readingAge?.reliable && f.readingAge.age !== null);
  if (scored.length) {
    const sorted = scored.map((f) => f.readingAge!.age!).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    const top = scored.reduce((a, b) => (b.readingAge!.age! > a.readingAge!.age! ? b : a));
    const overTarget = scored.filter((f) => Math.round(f.readingAge!.age!) > f.readingAge!.target).length;
    out += `Reading age: median ${Math.round(median)}, highest ${Math.round(top.readingAge!.age!)} (${sanitize(top.path)})`;
    out += overTarget ? `; ${overTarget} of ${plural(scored.length, 'file')} scored ${overTarget === 1 ? 'is' : 'are'} over the target.\n` : '.\n';
  }
  const over = s.files.filter((f) => f.overMax).length;
  if (over) out += c('31', `${plural(over, 'file')} over the maximum reading age of ${s.maxReadingAge}.`) + '\n';
  if (s.errors.length) out += c('31', `Not everything could be checked: ${plural(s.errors.length, 'error')} (see above).`) + '\n';
  return out;
}

export function fileSummary(r: FileResult, ctx: RenderContext, index: number): FileSummary {
  const readingAge = readingAgeOf(r.readability);
  return {
    index,
    path: r.path,
    counts: countsOf(r.findings),
    fixable: r.findings.filter((f) => fixOf(f)).length,
    readingAge,
    overMax: isOverMax(readingAge, ctx.maxReadingAge),
  };
}

export function rulesOf(results: Array<{ findings: Finding[] }>, into = new Map<string, RuleSeen>()): Map<string, RuleSeen> {
  for (const r of results) {
    for (const f of r.findings) {
      const id = f.entryId ?? f.ruleId;
      if (!into.has(id)) into.set(id, { id, severity: f.severity, message: f.message, explanation: f.explanation, url: f.url });
    }
  }
  return into;
}

// ---------------------------------------------------------------------------------------------
// json

/** JSON report, schema version 1 (schemas/report.schema.json, docs/json-report.md). */
export const JSON_REPORT_VERSION = 1;

function json(value: unknown, indent: number): string {
  const s = wellFormedJson(value, 2);
  return indent ? s.replace(/\n/g, '\n' + ' '.repeat(indent)) : s;
}

export function jsonHead(): string {
  return `{\n  "version": ${JSON_REPORT_VERSION},\n  "tool": ${json({ name: 'plainwords', version: VERSION }, 2)},\n  "files": [`;
}

/** A file's entry in the "files" array (the caller puts the commas between entries). */
export function jsonFile(r: FileResult): string {
  const file = {
    path: r.path,
    findings: r.findings.map((f) => {
      const fix = fixOf(f);
      return {
        ruleId: f.ruleId,
        ...(f.entryId !== undefined ? { entryId: f.entryId } : {}),
        ...(f.category !== undefined ? { category: f.category } : {}),
        severity: f.severity,
        message: f.message,
        actual: f.actual,
        start: f.start,
        end: f.end,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        replacements: f.replacements.map((x) => ({ text: x.text, fixable: x.fixable, edit: x.edit })),
        fix: fix ? fix.edit : null,
        ...(f.explanation !== undefined ? { explanation: f.explanation } : {}),
        ...(f.source !== undefined ? { source: f.source } : {}),
        ...(f.url !== undefined ? { url: f.url } : {}),
      };
    }),
    ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
    ...(r.readability !== undefined ? { readability: r.readability } : {}),
  };
  return `\n    ${json(file, 4)}`;
}

export function jsonTail(s: RunSummary): string {
  const t = totals(s.files);
  const summary = {
    files: s.files.length,
    filesWithFindings: s.files.filter((f) => SEVERITIES.some((k) => f.counts[k])).length,
    findings: SEVERITIES.reduce((n, k) => n + t[k], 0),
    ...t,
    fixable: s.files.reduce((n, f) => n + f.fixable, 0),
    baselined: s.baselined,
    errors: s.errors.length,
    ...(s.maxReadingAge !== undefined ? { maxReadingAge: s.maxReadingAge, overMaxReadingAge: s.files.filter((f) => f.overMax).map((f) => f.path) } : {}),
    exitCode: s.exitCode,
  };
  const errors = s.errors.map((e) => ({ path: e.path, message: e.message }));
  return `${s.files.length ? '\n  ' : ''}],\n  "errors": ${json(errors, 2)},\n  "summary": ${json(summary, 2)}\n}\n`;
}

