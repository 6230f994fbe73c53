/**
 * Project configuration as the engine sees it (already parsed; the adapters read files).
 */
import type { Audience, Category, Entry, Severity, SeverityOrOff } from './types.js';

export interface PlainwordsConfig {
  /** Audience when a document does not say (front matter `audience:`). */
  audience?: Audience;
  /** Glob → audience, applied by the adapters that know file paths. */
  audiences?: Record<string, Audience>;
  /** Extra dictionary folders or files, relative to the config file (read by the adapters). */
  dictionaries?: string[];
  /** Words and phrases never flagged in this project. */
  allow?: string[];
  /** Severity (or off) per category. */
  categories?: Partial<Record<Category, SeverityOrOff>>;
  /** Severity (or off) per entry id or rule id. */
  rules?: Record<string, SeverityOrOff>;
  /** Target UK reading age per audience. */
  readingAge?: Partial<Record<Audience, number>>;
  /** Sentences longer than this many words are flagged. */
  longSentence?: number;
  /** Passive voice hints (off by default). */
  passive?: boolean;
}

export const CATEGORY_DEFAULTS: Record<Category, Severity> = {
  'nhs-jargon': 'warning',
  'care-services': 'warning',
  medical: 'warning',
  'co-production': 'warning',
  'government-jargon': 'warning',
  'wordy-phrase': 'info',
  'respectful-language': 'warning',
  acronym: 'warning',
};

/** The severity of an entry for an audience under a config, or 'off'. */
export function entrySeverity(entry: Entry, audience: Audience, config: PlainwordsConfig | undefined): SeverityOrOff {
  // Own properties only: an entry with the id "constructor" must not read Object.prototype.
  const byRule = ownValue(config?.rules, entry.id);
  if (byRule) return byRule;
  const byCategory = config?.categories?.[entry.category];
  if (byCategory === 'off') return 'off';
  const byAudience = entry.audiences?.[audience];
  if (byAudience) return byAudience;
  if (byCategory) return byCategory;
  return entry.severity ?? CATEGORY_DEFAULTS[entry.category] ?? 'warning';
}

/** The severity of a coded rule (long sentences, reading age, ...) under a config. */
export function ruleSeverity(ruleId: string, fallback: SeverityOrOff, config: PlainwordsConfig | undefined): SeverityOrOff {
  return ownValue(config?.rules, ruleId) ?? fallback;
}

function ownValue<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
