/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per dictionary entry
 * (short and full description, help, helpUri), one result per finding with its region in UTF-16
 * columns, fixes as artifactChanges/replacements, and read errors as tool notifications.
 */
import { CATEGORY_DEFAULTS, DOCS_URL, LineIndex, type Entry, type Severity } from '../engine/index.js';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../node/version.js';
import { contextHash } from './baseline.js';
import type { FileResult, RuleSeen, RunSummary } from './report.js';
import { wellFormedJson } from './terminal.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/plainwords/plainwords';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** Coded rules (not dictionary entries), described for SARIF viewers. */
const CODED_RULES: Record<string, { name: string; short: string; full: string }> = {
  'long-sentence': { name: 'LongSentence', short: 'Long sentence.', full: 'Long sentences are hard to follow: split them, or cut words that do no work.' },
  'hard-sentence': { name: 'HardSentence', short: 'Hard sentence.', full: 'The sentence needs a much higher reading age than the target: use shorter words and a shorter sentence.' },
  'reading-age': { name: 'ReadingAgeOverTarget', short: 'Reading age over the target.', full: 'The text needs a higher reading age than its readers have: use shorter sentences and everyday words.' },
  'passive-voice': { name: 'PassiveVoice', short: 'Passive voice.', full: 'Say who does what: active sentences are easier to read.' },
  acronym: { name: 'UnexplainedAcronym', short: 'Acronym not explained.', full: 'Spell out an acronym the first time you use it, unless every reader knows it.' },
};

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function replacementTexts(entry: Entry): string[] {
  return (entry.replacements ?? []).map((r) => (typeof r === 'string' ? r : r.text)).filter((t) => t !== '');
}

function entryRule(entry: Entry) {
  const terms = entry.terms.map((t) => `“${t}”`).join(', ');
  const options = replacementTexts(entry);
  const action = entry.action ?? 'replace';
  const short =
    entry.kind === 'acronym' || entry.category === 'acronym'
      ? `Explain ${terms} the first time it is used.`
      : action === 'omit'
        ? `Leave out ${terms}.`
        : action === 'explain'
          ? `Explain ${terms} in plain words.`
          : `Use plain words instead of ${terms}.`;
  const helpLines = [sentence(entry.why)];
  if (entry.expansion) helpLines.push(`Expansion: ${entry.expansion}.`);
  if (options.length) helpLines.push(`Try: ${options.map((o) => `“${o}”`).join(', ')}.`);
  helpLines.push(`Source: ${sentence(entry.source)}`);
  const markdown = [
    sentence(entry.why),
    '',
    ...(entry.expansion ? [`**Expansion:** ${entry.expansion}`, ''] : []),
    ...(options.length ? [`**Try:** ${options.map((o) => `“${o}”`).join(', ')}`, ''] : []),
    `**Source:** ${entry.sourceUrl ? `[${entry.source}](${entry.sourceUrl})` : entry.source}`,
  ].join('\n');
  const verb = entry.kind === 'acronym' || entry.category === 'acronym' || action === 'explain' ? 'Explain' : action === 'omit' ? 'Omit' : 'Avoid';
  return {
    id: entry.id,
    // A friendly name that differs from the id (SARIF asks for both to differ).
    name: verb + (pascal(entry.id) || 'Entry'),
    shortDescription: { text: short },
    fullDescription: { text: sentence(entry.why) },
    help: { text: helpLines.join(' '), markdown },
    helpUri: `${DOCS_URL}#${entry.id}`,
    defaultConfiguration: { level: LEVEL[entry.severity ?? CATEGORY_DEFAULTS[entry.category] ?? 'warning'] },
    properties: { category: entry.category, tags: ['plain-english', entry.category], precision: 'high' },
  };
}

function codedRule(id: string, example?: RuleSeen) {
  const known = CODED_RULES[id];
  const short = known?.short ?? sentence(`Plain Words rule ${id}`);
  const full = known?.full ?? sentence(example?.explanation ?? example?.message ?? short);
  const name = known?.name ?? (pascal(id) || 'Rule');
  return {
    id,
    name: name.toLowerCase() === id.toLowerCase() ? `${name}Rule` : name,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: full, markdown: full },
    helpUri: example?.url ?? `${DOCS_URL}#${id}`,
    defaultConfiguration: { level: LEVEL[example?.severity ?? 'warning'] },
    properties: { tags: ['plain-english'], precision: 'high' },
  };
}

/** A relative URI for a path (each segment percent-encoded), or a file: URI for an absolute path. */
export function pathUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** Where a file is: relative to the checkout root (%SRCROOT%), as GitHub code scanning expects. */
function artifactLocation(path: string) {
  return isAbsolute(path) ? { uri: pathUri(path) } : { uri: pathUri(path), uriBaseId: '%SRCROOT%' };
}

function region(lines: LineIndex, start: number, end: number) {
  const s = lines.position(start);
  const e = lines.position(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function stringify(value: unknown, indent: number): string {
  const s = wellFormedJson(value, 2);
  return s.replace(/\n/g, '\n' + ' '.repeat(indent));
}

/** The start of the log, up to the results array (the tool and its rules come after the results). */
export function sarifHead(): string {
  return `{\n  "$schema": "${SARIF_SCHEMA}",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [`;
}

/** A file's results (items of the results array; the caller puts commas between files). */
export function sarifFile(r: FileResult): string {
  if (!r.findings.length) return '';
  const lines = new LineIndex(r.text);
  const location = artifactLocation(r.path);
  const results = r.findings.map((f) => {
    const id = f.entryId ?? f.ruleId;
    const fixes = f.replacements.map((x) => ({
      description: { text: x.edit.newText ? `Replace with “${x.edit.newText}”.` : 'Delete it.' },
      artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: region(lines, x.edit.start, x.edit.end), insertedContent: { text: x.edit.newText } }] }],
    }));
    return {
      ruleId: id,
      level: LEVEL[f.severity],
      message: { text: sentence(f.message) },
      locations: [{ physicalLocation: { artifactLocation: location, region: { ...region(lines, f.start, f.end), snippet: { text: f.actual } } } }],
      partialFingerprints: { 'plainwords/v1': `${id}:${contextHash(r.text, f.start, f.end)}` },
      ...(fixes.length ? { fixes } : {}),
    };
  });
  return results.map((x) => `\n        ${stringify(x, 8)}`).join(',');
}

/** The end of the log: the tool with one rule per entry (or coded rule) that has results, invocations. */
export function sarifTail(s: RunSummary): string {
  // Listing every entry of a large dictionary in every log would add a megabyte for nothing.
  const entries = new Map(s.dictionary.entries.map((e) => [e.id, e]));
  const rules = [...s.rules.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => (entries.has(id) ? entryRule(entries.get(id)!) : codedRule(id, s.rules.get(id))));
  const tool = {
    driver: {
      name: 'Plain Words',
      fullName: 'Plain Words: plain English for health and social care writing',
      informationUri: INFORMATION_URI,
      version: VERSION,
      semanticVersion: VERSION,
      rules,
    },
  };
  const invocations = [
    {
      executionSuccessful: s.errors.length === 0,
      toolExecutionNotifications: s.errors.map((e) => ({
        level: 'error',
        message: { text: sentence(`${e.path}: ${e.message}`) },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.path) } }],
      })),
    },
  ];
  const anyResults = s.files.some((f) => f.counts.error + f.counts.warning + f.counts.info + f.counts.hint > 0);
  return (
    `${anyResults ? '\n      ' : ''}],\n      "tool": ${stringify(tool, 6)},\n      "invocations": ${stringify(invocations, 6)},\n` +
    `      "columnKind": "utf16CodeUnits"\n    }\n  ]\n}\n`
  );
}
