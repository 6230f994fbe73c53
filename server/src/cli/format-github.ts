/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull request's
 * changed lines. `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
import type { Severity } from '../engine/index.js';
import { plural, SEVERITIES, totals, type Report } from './report.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escape a command's message: % and line breaks. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a command property's value: as data, plus the separators : and ,. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: Report): string {
  let out = '';
  for (const e of report.errors) out += `::error file=${escapeProperty(e.path)},title=${escapeProperty('Plain Words: file not checked')}::${escapeData(e.message)}\n`;
  for (const r of report.results) {
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
  }
  const t = totals(report.results);
  const total = SEVERITIES.reduce((n, s) => n + t[s], 0);
  out += `Plain Words: ${plural(total, 'finding')} in ${plural(report.results.length, 'file')} checked`;
  out += report.errors.length ? `, ${plural(report.errors.length, 'file')} could not be checked.\n` : '.\n';
  return out;
}
