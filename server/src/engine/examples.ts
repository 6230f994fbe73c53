/**
 * Runs a dictionary entry's own examples: each 'flag' sentence must be flagged by the entry and
 * fixed to exactly 'fixed' by its first replacement; each 'ok' sentence must not be flagged by it.
 */
import { check } from './check.js';
import type { CompiledDictionary } from './dictionary.js';
import { applyFixes } from './fix.js';
import type { Audience, Entry } from './types.js';

export interface ExampleFailure {
  entryId: string;
  /** JSON path of the example: examples.flag[0] */
  field: Array<string | number>;
  message: string;
}

export function runEntryExamples(entry: Entry, dictionary: CompiledDictionary): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const isAcronym = entry.kind === 'acronym';
  const ruleOf = isAcronym ? 'acronym' : 'jargon';
  const run = (text: string, audience: Audience) =>
    check(text, { dictionary, audience, format: 'text', config: { rules: { [entry.id]: 'warning' } } }).findings.filter(
      (f) => f.entryId === entry.id && f.ruleId === ruleOf,
    );
  entry.examples.flag.forEach((ex, i) => {
    const field = ['examples', 'flag', i];
    const found = run(ex.text, ex.audience ?? 'public');
    if (isAcronym && entry.noExpansion) {
      if (found.length) failures.push({ entryId: entry.id, field, message: `"${ex.text}": ${entry.terms[0]} needs no expansion but was flagged` });
      return;
    }
    if (found.length === 0) {
      failures.push({ entryId: entry.id, field, message: `"${ex.text}" was not flagged by ${entry.id}` });
      return;
    }
    if (found.length > 1) {
      failures.push({ entryId: entry.id, field, message: `"${ex.text}" was flagged ${found.length} times by ${entry.id}; examples should have one match` });
      return;
    }
    if (ex.fixed !== undefined) {
      const replacement = found[0].replacements[0];
      if (!replacement) {
        failures.push({ entryId: entry.id, field, message: `"${ex.text}" has no replacement to apply` });
        return;
      }
      const fixed = applyFixes(ex.text, [replacement.edit]).text;
      if (fixed !== ex.fixed) failures.push({ entryId: entry.id, field: [...field, 'fixed'], message: `fixing "${ex.text}" gives "${fixed}", expected "${ex.fixed}"` });
    }
  });
  (entry.examples.ok ?? []).forEach((text, i) => {
    for (const audience of ['public'] as Audience[]) {
      const found = run(text, audience);
      if (found.length) failures.push({ entryId: entry.id, field: ['examples', 'ok', i], message: `"${text}" should not be flagged by ${entry.id}, but “${found[0].actual}” was` });
    }
  });
  return failures;
}
