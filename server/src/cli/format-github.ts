/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
 * changed lines. `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
import type { Severity } from '../engine/index.js';
import { plural, SEVERITIES, totals, type FileResult, type RunSummary } from './report.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escape a command's message: % and line breaks. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property's value: as data, plus the separators : and ,. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubFile(r: FileResult): string {
  let out = '';
  for (const f of r.findings) {
    const props = [
      `file=${escapeProperty(r.path)}`,
      `line=${f.range.start.line + 1}`,
      `col=${f.range.start.character + 1}`,
      `endLine=${f.range.end.line + 1}`,
      `endColumn=${f.range.end.character + 1}`,
      `title=${escapeProperty(`Plain Words (${f.entryId ?? f.ruleId})`)}`,
    ];
    out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
  }
  return out;
}

export function githubTail(s: RunSummary): string {
  let out = '';
  for (const f of s.files) {
    if (f.overMax) out += `::error file=${escapeProperty(f.path)},title=${escapeProperty('Plain Words (max-reading-age)')}::${escapeData(`The reading age is ${Math.round(f.readingAge!.age!)}, over the maximum of ${s.maxReadingAge}.`)}\n`;
  }
  for (const e of s.errors) out += `::error file=${escapeProperty(e.path)},title=${escapeProperty('Plain Words: file not checked')}::${escapeData(e.message)}\n`;
  const t = totals(s.files);
  const total = SEVERITIES.reduce((n, k) => n + t[k], 0);
  out += `Plain Words: ${plural(total, 'finding')} in ${plural(s.files.length, 'file')} checked`;
  out += s.errors.length ? `, ${plural(s.errors.length, 'file')} could not be checked.\n` : '.\n';
  return out;
}
