/**
 * The Plain Words engine: text in, findings out. Pure TypeScript with no file system, network,
 * LSP or VS Code: it runs unchanged in Node, in CI and in a browser worker.
 */
export { check, analyseDocument, analyseChunkOf, findingsOf, visitFindings, placeKept, frontMatterAudience, AnalysisCache, DOCS_URL } from './check.js';
export type { CheckOptions, DocumentAnalysis, FindingVisitor, KeptFinding, ChunkMove } from './check.js';
export type { TextChange } from './chunks.js';
export { compileDictionary, expandEntry, primeExpansions, termWords, looksLikeAcronym } from './dictionary.js';
export type { CompiledDictionary, CompiledEntry, EntryExpansion } from './dictionary.js';
export { CATEGORY_DEFAULTS, entrySeverity, ruleSeverity } from './config.js';
export type { PlainwordsConfig } from './config.js';
export { applyFixes, fixAll } from './fix.js';
export { LineIndex, wellFormed } from './text.js';
export { pushAll, maxOf } from './lists.js';
export { extractProse } from './prose.js';
export { matchProse } from './analyse.js';
export { parseEntry, crossCheck, parseNames, parseConfig, formatProblem, hasWords } from './validate.js';
export type { LoadedEntry, Problem } from './validate.js';
export { parseJson } from './json.js';
export { runEntryExamples } from './examples.js';
export type { ExampleFailure } from './examples.js';
export * from './types.js';
export { readabilityReport, sectionsReadability, documentReadability, targetReadingAge, scoresOf, scoredBlocks, DEFAULT_READING_AGE, MIN_WORDS } from './readability/report.js';
export { FORMULAS, FORMULA_NAMES, gradeToAge } from './readability/formulas.js';
export { matchGlob, audienceForPath } from './readability/audience.js';
export { DEFAULT_LONG_SENTENCE } from './rules/readability.js';
