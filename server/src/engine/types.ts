/**
 * Public types of the Plain Words engine. Plain data only: no classes, no platform types.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export type Audience = 'public' | 'staff';
export type DocumentFormat = 'markdown' | 'text';

export const CATEGORIES = [
  'nhs-jargon',
  'care-services',
  'medical',
  'co-production',
  'government-jargon',
  'wordy-phrase',
  'respectful-language',
  'acronym',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Inflection classes a match (and so its replacement) can carry. */
export type FormClass = 'base' | 'plural' | 'third' | 'past' | 'participle' | 'gerund';

export interface Forms {
  plural?: string;
  third?: string;
  past?: string;
  participle?: string;
  gerund?: string;
}

export interface ReplacementSpec {
  text: string;
  forms?: Forms;
  fixable?: boolean;
  /** 'clause': applied only when a clause follows the match ("make sure you are…"), not a thing ("make sure compliance"). */
  before?: 'clause';
}

/** One dictionary entry as written in `dictionaries/entries/<category>/<id>.json`. */
export interface Entry {
  id: string;
  kind?: 'term' | 'acronym';
  terms: string[];
  inflect?: 'auto' | 'noun' | 'verb' | 'none';
  forms?: Record<string, Forms>;
  variants?: string[];
  caseSensitive?: boolean;
  action?: 'replace' | 'omit' | 'explain';
  replacements?: Array<string | ReplacementSpec>;
  expansion?: string;
  noExpansion?: boolean;
  why: string;
  category: Category;
  severity?: Severity;
  audiences?: Partial<Record<Audience, SeverityOrOff>>;
  unless?: { before?: string[]; after?: string[]; near?: string[]; within?: number; possessive?: boolean };
  /** Flagged only with one of these words close by, in every form: one sense of a word with two ("mobilise" near "walk"). */
  only?: { near: string[]; within?: number };
  /** The base form is flagged only in this context (words that are both nouns and verbs). */
  when?: { before?: string[]; after?: string[] };
  allowIn?: string[];
  overlaps?: string[];
  source: string;
  sourceUrl?: string;
  examples: {
    flag: Array<{ text: string; fixed?: string; audience?: Audience }>;
    ok?: string[];
  };
}

/** A proper name that is never flagged inside (e.g. "NHS Talking Therapies"). */
export interface ProperName {
  name: string;
  source?: string;
  note?: string;
}

/** A dictionary as loaded: entries plus allow-listed names. Where each came from is kept for messages. */
export interface DictionaryData {
  entries: Entry[];
  names?: ProperName[];
  /** Words or phrases never flagged (a project's word list). */
  allow?: string[];
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Replacement {
  /** The replacement as it reads in place (case and inflection applied). */
  text: string;
  /** The edit that applies it. Its range is the finding's range, or the finding's range plus a directly preceding "a"/"an" when that article must change. */
  edit: TextEdit;
  /** False when it needs the writer's judgement: offered, never applied by fix all. */
  fixable: boolean;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset in the line. */
  character: number;
}

export interface Finding {
  /** The rule kind: 'jargon', 'acronym', 'long-sentence', 'reading-age', ... */
  ruleId: string;
  /** The dictionary entry id, when the finding comes from an entry. */
  entryId?: string;
  category?: Category;
  /** Start offset in UTF-16 code units of the checked text. */
  start: number;
  end: number;
  range: { start: Position; end: Position };
  /** The text flagged, as it appears. */
  actual: string;
  message: string;
  severity: Severity;
  /** Ordered replacements, best first. */
  replacements: Replacement[];
  /** Why this matters, in plain English. */
  explanation?: string;
  /** Where the entry's facts come from. */
  source?: string;
  /** Documentation for the entry or rule. */
  url?: string;
}

export type {
  ReadabilityReport,
  ReadabilityPart,
  ReadabilityScores,
  ReadabilityCounts,
  SectionReadability,
  ParagraphReadability,
  SentenceReadability,
  FormulaValues,
  FormulaName,
  Agreement,
  Span,
} from './readability/types.js';
import type { ReadabilityReport } from './readability/types.js';

export interface CheckResult {
  findings: Finding[];
  /** Reading age and formula scores for the document, its sections and paragraphs (docs/readability.md). */
  readability?: ReadabilityReport;
  /** Problems with the options (e.g. an unknown entry id in the config); never thrown. */
  warnings?: string[];
}
