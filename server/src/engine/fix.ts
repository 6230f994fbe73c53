/**
 * Applying fixes. Shared by the language server and the command line so both behave the same:
 * edits never overlap, text outside the edits never changes, and fixing again changes nothing.
 */
import type { Finding, TextEdit } from './types.js';

/** Apply non-overlapping edits (overlapping ones after the first are dropped). */
export function applyFixes(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = edits
    .filter((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
    applied.push(e);
  }
  out += text.slice(at);
  return { text: out, applied };
}

/** The edits of "fix all": each finding's single unambiguous, fixable replacement. */
export function fixAll(findings: Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fixable = f.replacements.filter((r) => r.fixable);
    if (f.replacements.length === 1 && fixable.length === 1) edits.push(fixable[0].edit);
  }
  return edits;
}
