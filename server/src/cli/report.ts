/**
 * Output formats of `plainwords check`.
 */
import { LineIndex, type Finding, type Severity } from '../engine/index.js';
import { VERSION } from '../node/version.js';

export interface FileResult {
  path: string;
  text: string;
  findings: Finding[];
  readability?: unknown;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStylish(results: FileResult[], opts: { color: boolean }): string {
  const c = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  let out = '';
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    out += c('4', r.path) + '\n';
    const lines = new LineIndex(r.text);
    for (const f of r.findings) {
      totals[f.severity]++;
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out += `  ${pos.padEnd(8)} ${c(sevColor[f.severity], f.severity.padEnd(8))} ${f.message}  ${c('2', f.entryId ?? f.ruleId)}\n`;
      // The line of text with the match marked.
      const lineText = lines.lineText(f.range.start.line);
      const endChar = f.range.end.line === f.range.start.line ? f.range.end.character : lineText.length;
      out += `           ${c('2', '│')} ${lineText.replace(/\t/g, ' ')}\n`;
      out += `           ${c('2', '│')} ${' '.repeat(f.range.start.character)}${c(sevColor[f.severity], '^'.repeat(Math.max(1, endChar - f.range.start.character)))}\n`;
    }
    out += '\n';
  }
  const total = SEVERITIES.reduce((n, s) => n + totals[s], 0);
  const files = results.length;
  const counts = SEVERITIES.filter((s) => totals[s]).map((s) => plural(totals[s], s === 'info' ? 'info' : s).replace(/infos$/, 'info'));
  out += total
    ? `${plural(total, 'finding')} (${counts.join(', ')}) in ${plural(files, 'file')} checked.\n`
    : `No findings in ${plural(files, 'file')} checked.\n`;
  return out;
}

/** JSON report, schema version 1 (see docs/json-report.md). */
export function formatJson(results: FileResult[]): string {
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const files = results.map((r) => ({
    path: r.path,
    findings: r.findings.map((f) => {
      totals[f.severity]++;
      return {
        ruleId: f.ruleId,
        entryId: f.entryId,
        category: f.category,
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
        explanation: f.explanation,
        source: f.source,
        url: f.url,
      };
    }),
    ...(r.readability !== undefined ? { readability: r.readability } : {}),
  }));
  return JSON.stringify({ version: 1, tool: { name: 'plainwords', version: VERSION }, files, summary: { files: results.length, ...totals } }, null, 2) + '\n';
}
