/**
 * Acronym rule: an acronym from the glossary is flagged the first time it is used without
 * being explained ("integrated care board (ICB)" or "ICB (integrated care board)"). The fix
 * writes the expansion before it. Acronyms everyone knows (noExpansion) are never flagged.
 */
import type { DocumentAnalysis } from '../check.js';
import type { CompiledDictionary } from '../dictionary.js';
import type { Finding, Severity } from '../types.js';

export function acronymFindings(doc: DocumentAnalysis, dict: CompiledDictionary, severity: Severity, docsUrl: string): Finding[] {
  const out: Finding[] = [];
  const done = new Set<number>();
  for (const chunk of doc.chunks) {
    for (const hit of chunk.analysis.acronyms) {
      if (done.has(hit.entry)) continue;
      done.add(hit.entry);
      const ce = dict.entries[hit.entry];
      if (!ce || ce.entry.noExpansion || hit.explained || !ce.entry.expansion) continue;
      const entry = ce.entry;
      const start = hit.start + chunk.start;
      const end = hit.end + chunk.start;
      const plural = hit.text.endsWith('s') && !entry.terms.includes(hit.text);
      let expansion = plural ? `${entry.expansion}s` : entry.expansion!;
      if (hit.sentenceStart) expansion = expansion.charAt(0).toUpperCase() + expansion.slice(1);
      const text = `${expansion} (${hit.text})`;
      out.push({
        ruleId: 'acronym',
        entryId: entry.id,
        category: 'acronym',
        start,
        end,
        range: { start: doc.lines.position(start), end: doc.lines.position(end) },
        actual: hit.text,
        message: `Explain “${hit.text}” the first time you use it: “${text}”.`,
        severity,
        replacements: [{ text, edit: { start, end, newText: text }, fixable: true }],
        explanation: entry.why,
        source: entry.source,
        url: `${docsUrl}#${entry.id}`,
      });
    }
  }
  return out;
}
