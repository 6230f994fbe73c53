/**
 * Baselines: `--write-baseline FILE` records today's findings; `--baseline FILE` reports (and
 * fails on) only findings that are not in it. A finding is keyed by its file, its entry or rule
 * id, the text matched and a short hash of the words around it, with a count per key, never by
 * line numbers: edits elsewhere in a file (lines moving, paragraphs reflowed) keep old findings
 * matched, while a new use of the same word in a new sentence is reported.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { formatProblem, parseJson, type Finding } from '../engine/index.js';
import { VERSION } from '../node/version.js';
import { writeAtomic } from './write.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** File path relative to the baseline file's folder, with "/" separators. */
  file: string;
  /** Entry id, or rule id for findings that come from no entry. */
  rule: string;
  /** The text matched, as written. */
  text: string;
  /** 8 hex digits: FNV-1a hash of up to three words on each side of the match. */
  context: string;
  count: number;
}

export interface BaselineFile {
  version: number;
  tool: { name: string; version: string };
  findings: BaselineEntry[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Where a sentence (or a paragraph) ends. */
const SENTENCE_END = /[.!?]+["'’”)\]]*(?=\s)|\n[ \t]*\n/g;

/**
 * Up to three words before and after a match within its sentence, lower-cased: line breaks,
 * punctuation and edits to other sentences leave it unchanged.
 */
export function contextHash(text: string, start: number, end: number): string {
  let head = text.slice(Math.max(0, start - 120), start);
  const cut = [...head.matchAll(SENTENCE_END)].pop();
  if (cut) head = head.slice(cut.index! + cut[0].length);
  let tail = text.slice(end, end + 120);
  const stop = tail.search(SENTENCE_END);
  if (stop >= 0) tail = tail.slice(0, stop);
  const before = (head.match(WORD) ?? []).slice(-3);
  const after = (tail.match(WORD) ?? []).slice(0, 3);
  return fnv1a(`${before.join(' ')}|${after.join(' ')}`.toLowerCase());
}

export function findingKey(file: string, f: Finding, text: string): string {
  return `${file}\u0000${f.entryId ?? f.ruleId}\u0000${f.actual}\u0000${contextHash(text, f.start, f.end)}`;
}

/** The path a baseline stores for a file: relative to the baseline's folder. */
export function baselinePath(baselineFile: string, file: string, cwd: string): string {
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  return relative(dirname(resolve(cwd, baselineFile)), abs).split(sep).join('/');
}

/** Baseline entries for one file's findings (the file as the baseline stores it). */
export function baselineEntries(file: string, text: string, findings: Finding[]): BaselineEntry[] {
  const counts = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const key = findingKey(file, f, text);
    const e = counts.get(key);
    if (e) e.count++;
    else counts.set(key, { file, rule: f.entryId ?? f.ruleId, text: f.actual, context: contextHash(text, f.start, f.end), count: 1 });
  }
  return [...counts.values()];
}

/** A baseline of these entries, sorted so that the file diffs well. */
export function buildBaseline(entries: BaselineEntry[]): BaselineFile {
  const merged = new Map<string, BaselineEntry>();
  for (const e of entries) {
    const key = `${e.file}\u0000${e.rule}\u0000${e.text}\u0000${e.context}`;
    const m = merged.get(key);
    if (m) m.count += e.count;
    else merged.set(key, { ...e });
  }
  const findings = [...merged.values()].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.rule, b.rule) || cmp(a.text, b.text) || cmp(a.context, b.context),
  );
  return { version: BASELINE_VERSION, tool: { name: 'plainwords', version: VERSION }, findings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function writeBaseline(path: string, baseline: BaselineFile): string | undefined {
  return writeAtomic(path, JSON.stringify(baseline, null, 2) + '\n', false);
}

/** Read and validate a baseline file: problems name the file, line and field. */
export function readBaseline(path: string, shown: string): { baseline?: BaselineFile; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problems: [`${shown}: cannot read the baseline: ${code === 'ENOENT' ? 'no such file (create it with --write-baseline)' : code ?? (e as Error).message}`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    const parsed = parseJson(text, shown);
    return { problems: parsed.problems.length ? parsed.problems.map(formatProblem) : [`${shown}:1:1: invalid JSON`] };
  }
  const problems: string[] = [];
  const v = value as Partial<BaselineFile>;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { problems: [`${shown}: a baseline is a JSON object with "version" and "findings"`] };
  if (v.version !== BASELINE_VERSION) problems.push(`${shown}: "version" must be ${BASELINE_VERSION} (this baseline says ${JSON.stringify(v.version)})`);
  if (!Array.isArray(v.findings)) problems.push(`${shown}: "findings" must be an array`);
  else {
    v.findings.forEach((e, i) => {
      const ok =
        e && typeof e === 'object' && typeof e.file === 'string' && typeof e.rule === 'string' && typeof e.text === 'string' &&
        typeof e.context === 'string' && Number.isInteger(e.count) && e.count > 0;
      if (!ok) problems.push(`${shown}: findings[${i}] needs "file", "rule", "text", "context" (strings) and "count" (a whole number above 0)`);
    });
  }
  return problems.length ? { problems } : { baseline: v as BaselineFile, problems };
}

/** Split findings into new ones and ones the baseline covers (each baseline count covers that many). */
export class BaselineFilter {
  private left = new Map<string, number>();
  suppressed = 0;

  constructor(baseline: BaselineFile) {
    for (const e of baseline.findings) {
      const key = `${e.file}\u0000${e.rule}\u0000${e.text}\u0000${e.context}`;
      this.left.set(key, (this.left.get(key) ?? 0) + e.count);
    }
  }

  /** The findings of one file that are new. */
  filter(file: string, text: string, findings: Finding[]): Finding[] {
    return findings.filter((f) => {
      const key = findingKey(file, f, text);
      const n = this.left.get(key) ?? 0;
      if (n > 0) {
        this.left.set(key, n - 1);
        this.suppressed++;
        return false;
      }
      return true;
    });
  }
}
