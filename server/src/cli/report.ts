/**
 * What `plainwords check` reports, and its two main formats: `stylish` (people at a terminal)
 * and `json` (machines; schema in schemas/report.schema.json, documented in docs/json-report.md).
 * The other formats are in format-*.ts.
 */
import { fixAll, LineIndex, type DictionaryData, type Finding, type ReadabilityReport, type Severity } from '../engine/index.js';
import { VERSION } from '../node/version.js';
import type { FileError } from './files.js';
import { sanitize, wellFormed } from './terminal.js';

export interface FileResult {
  path: string;
  text: string;
  findings: Finding[];
  /** The engine's readability report for the file, when the engine produces one. */
  readability?: ReadabilityReport;
  /** With --fix: edits applied to the file. */
  fixed?: number;
}

/** Everything a format needs. */
export interface Report {
  results: FileResult[];
  /** Files that could not be read or checked (exit code 2). */
  errors: FileError[];
  /** The dictionary in use (SARIF lists one rule per entry). */
  dictionary: DictionaryData;
  /** Findings hidden because the baseline has them. */
  baselined: number;
  /** --max-reading-age, when given. */
  maxReadingAge?: number;
  /** The exit code the run ends with. */
  exitCode: number;
}

export const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function totals(results: FileResult[]): Record<Severity, number> {
  const t: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) t[f.severity]++;
  return t;
}

/** The fix --fix would apply for a finding (its single unambiguous fixable replacement), if any. */
export function fixOf(f: Finding): Finding['replacements'][number] | undefined {
  return fixAll([f]).length ? f.replacements.find((r) => r.fixable) : undefined;
}

/** The document's reading age and target from the engine's readability report. */
export function readingAgeOf(readability: ReadabilityReport | undefined): { age: number | null; target: number; reliable: boolean } | undefined {
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

/** Files whose reading age is over the maximum. */
export function overMaxReadingAge(results: FileResult[], max: number | undefined): Array<{ path: string; age: number }> {
  if (max === undefined) return [];
  const out: Array<{ path: string; age: number }> = [];
  for (const r of results) {
    const ra = readingAgeOf(r.readability);
    if (ra?.age != null && ra.reliable && Math.round(ra.age) > max) out.push({ path: r.path, age: ra.age });
  }
  return out;
}

/** One line about a file's readability (stylish), or undefined when there is no report. */
export function readabilitySummary(readability: ReadabilityReport | undefined): string | undefined {
  const ra = readingAgeOf(readability);
  if (!ra) return undefined;
  if (ra.age === null) return 'reading age: not enough text to score';
  return `reading age ${Math.round(ra.age)}${ra.reliable ? '' : ' (too little text to be sure)'}, target ${ra.target}`;
}

const MAX_LINE = 110;

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

export function formatStylish(results: FileResult[], opts: { color: boolean; report?: Omit<Report, 'results'> }): string {
  const c = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const over = new Set(overMaxReadingAge(results, opts.report?.maxReadingAge).map((o) => o.path));
  let out = '';
  let fixable = 0;
  for (const r of results) {
    const ra = readabilitySummary(r.readability);
    if (!r.findings.length && !over.has(r.path)) continue;
    out += c('4', sanitize(r.path)) + (ra ? `  ${c('2', ra)}` : '') + '\n';
    if (over.has(r.path)) out += `  ${c('31', 'error'.padEnd(8))} ${`reading age is over the maximum of ${opts.report!.maxReadingAge}`}\n`;
    const lines = new LineIndex(r.text);
    for (const f of r.findings) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out += `  ${pos.padEnd(8)} ${c(sevColor[f.severity], f.severity.padEnd(8))} ${sanitize(f.message)}  ${c('2', sanitize(f.entryId ?? f.ruleId))}\n`;
      // The line of text with the match marked.
      const w = lineWindow(lines, f);
      out += `           ${c('2', '│')} ${w.text}\n`;
      out += `           ${c('2', '│')} ${' '.repeat(w.from)}${c(sevColor[f.severity], '^'.repeat(w.to - w.from))}\n`;
      const fix = fixOf(f);
      if (fix) {
        fixable++;
        out += `           ${c('2', '└')} ${c('32', 'fix:')} “${sanitize(f.actual)}” → “${sanitize(fix.text)}”\n`;
      }
    }
    out += '\n';
  }
  const t = totals(results);
  const total = SEVERITIES.reduce((n, s) => n + t[s], 0);
  const files = results.length;
  const counts = SEVERITIES.filter((s) => t[s]).map((s) => (s === 'info' ? `${t[s]} info` : plural(t[s], s)));
  const withFindings = results.filter((r) => r.findings.length).length;
  out += total
    ? c(t.error ? '31' : '33', `${plural(total, 'finding')} (${counts.join(', ')}) in ${withFindings} of ${plural(files, 'file')} checked.`) + '\n'
    : c('32', `No findings in ${plural(files, 'file')} checked.`) + '\n';
  if (fixable) out += `${plural(fixable, 'finding')} can be fixed with --fix.\n`;
  const baselined = opts.report?.baselined ?? 0;
  if (baselined) out += `${plural(baselined, 'finding')} in the baseline not shown.\n`;
  const ages = results.map((r) => ({ path: r.path, ra: readingAgeOf(r.readability) })).filter((x) => x.ra?.age != null && x.ra.reliable);
  if (ages.length) {
    const sorted = ages.map((x) => x.ra!.age!).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    const top = ages.reduce((a, b) => (b.ra!.age! > a.ra!.age! ? b : a));
    const overTarget = ages.filter((x) => Math.round(x.ra!.age!) > x.ra!.target).length;
    out += `Reading age: median ${Math.round(median)}, highest ${Math.round(top.ra!.age!)} (${sanitize(top.path)})`;
    out += overTarget ? `; ${overTarget} of ${plural(ages.length, 'file')} scored ${overTarget === 1 ? 'is' : 'are'} over the target.\n` : '.\n';
  }
  if (over.size) out += c('31', `${plural(over.size, 'file')} over the maximum reading age of ${opts.report!.maxReadingAge}.`) + '\n';
  const errors = opts.report?.errors.length ?? 0;
  if (errors) out += c('31', `${plural(errors, 'file')} could not be checked (see the errors above).`) + '\n';
  return out;
}

/** JSON report, schema version 1 (schemas/report.schema.json, docs/json-report.md). */
export const JSON_REPORT_VERSION = 1;

export function formatJson(results: FileResult[], report?: Omit<Report, 'results'>): string {
  const t = totals(results);
  let fixable = 0;
  const files = results.map((r) => ({
    path: r.path,
    findings: r.findings.map((f) => {
      const fix = fixOf(f);
      if (fix) fixable++;
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
  }));
  const over = overMaxReadingAge(results, report?.maxReadingAge);
  const summary = {
    files: results.length,
    filesWithFindings: results.filter((r) => r.findings.length).length,
    findings: SEVERITIES.reduce((n, s) => n + t[s], 0),
    ...t,
    fixable,
    baselined: report?.baselined ?? 0,
    errors: report?.errors.length ?? 0,
    ...(report?.maxReadingAge !== undefined ? { maxReadingAge: report.maxReadingAge, overMaxReadingAge: over.map((o) => o.path) } : {}),
    ...(report ? { exitCode: report.exitCode } : {}),
  };
  const out = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'plainwords', version: VERSION },
    files,
    errors: (report?.errors ?? []).map((e) => ({ path: e.path, message: e.message })),
    summary,
  };
  return JSON.stringify(out, (_k, v) => (typeof v === 'string' ? wellFormed(v) : v), 2) + '\n';
}
