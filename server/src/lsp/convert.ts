/**
 * Engine data → LSP data. Offsets and positions from the engine are UTF-16 code units of the
 * exact text the editor sent (BOM and line breaks included), so they are used as they are.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { LineIndex, wellFormed, type Finding, type Problem, type Severity } from '../engine/index.js';

export const SOURCE = 'Plain Words';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Editors show no more than about a thousand problems per file; more only slows every message. */
export const MAX_DIAGNOSTICS = 1000;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The diagnostics of a document's findings: all of them up to MAX_DIAGNOSTICS; past that the
 * most severe first (in document order within a severity), and a note at the top saying how
 * many more there are. Returns the findings shown, in the order of the diagnostics.
 */
export function toDiagnostics(findings: Finding[]): { diagnostics: Diagnostic[]; shown: Finding[] } {
  const counts = [0, 0, 0, 0, 0];
  for (const f of findings) counts[severityRank(f.severity)]++;
  const cut = shownCut(counts, findings.length);
  const isShown = shownFilter(cut);
  const shown = cut ? findings.filter((f) => isShown(severityRank(f.severity))) : findings;
  const diagnostics = shown.map((f) => toDiagnostic(f));
  if (cut) diagnostics.push(moreProblems(findings.length));
  return { diagnostics, shown };
}

/** A severity's rank for shownCut: 0 (error) to 3 (hint); 4 for anything else. */
export function severityRank(severity: Severity): number {
  return RANK[severity] ?? 4;
}

/** Which findings are shown (see shownCut and shownFilter). */
export interface ShownCut {
  rank: number;
  quota: number;
}

/**
 * Which of a document's findings are shown, from the number of findings of each rank
 * (severityRank) and the total: undefined when all of them are; else the MAX_DIAGNOSTICS most
 * severe, in document order within a rank: every finding of a rank below `rank`, and the first
 * `quota` of that rank. Counts are all it needs, so the server can pick from runs of findings.
 */
export function shownCut(counts: readonly number[], total: number): ShownCut | undefined {
  if (total <= MAX_DIAGNOSTICS) return undefined;
  let left = MAX_DIAGNOSTICS;
  for (let rank = 0; rank < 4; rank++) {
    if (counts[rank] >= left) return { rank, quota: left };
    left -= counts[rank];
  }
  // Fewer than MAX_DIAGNOSTICS of known severities: all of those.
  return { rank: 4, quota: 0 };
}

/** A test to put to each finding's rank, in document order: true for those `cut` shows. */
export function shownFilter(cut: ShownCut | undefined): (rank: number) => boolean {
  if (!cut) return () => true;
  let quota = cut.quota;
  return (rank) => rank < cut.rank || (rank === cut.rank && quota-- > 0);
}

/** The note over a document with more findings than are shown. */
export function moreProblems(total: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'more-problems',
    message: `Plain Words found ${total} problems here and shows the ${MAX_DIAGNOSTICS} most important; see them all with: npx plainwords check <file>`,
  };
}

/** The diagnostic of a finding. It holds nothing version-specific, so it can be sent again while the finding stays where it is. */
export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.entryId ?? f.ruleId,
    source: SOURCE,
    // The engine's messages are well formed already; rules added by an embedder may not be.
    message: wellFormed(f.message),
    // No `data`: code actions are built from the server's own findings, never from what a
    // client sends back, and every edit sends every diagnostic again (it was an eighth of each).
  };
  if (f.url) d.codeDescription = { href: f.url };
  return d;
}

/** A problem in a config or dictionary file (1-based line and column), over the rest of that line. */
export function problemDiagnostic(p: Problem, text: string | undefined): Diagnostic {
  const line = Math.max(0, p.line - 1);
  const character = Math.max(0, p.column - 1);
  let end = character + 1;
  if (text !== undefined) {
    const lines = new LineIndex(text);
    if (line < lines.lineCount) end = Math.max(character + 1, lines.lineEnd(line) - lines.starts[line]);
  }
  const range: Range = { start: { line, character }, end: { line, character: end } };
  return { range, severity: DiagnosticSeverity.Error, source: SOURCE, message: p.message };
}

/** UTF-8 size of a string, counting no further than `limit` (cheap for huge documents). */
export function utf8Size(s: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
    if (n > limit) return n;
  }
  return n;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} bytes`;
}
