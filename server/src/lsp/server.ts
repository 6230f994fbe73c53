/**
 * The Plain Words language server, shared by Node and the browser: document sync, scheduling,
 * diagnostics (push, or pull when the client supports it), code actions, hover, code lenses,
 * settings and project config. The platform comes in through a Connection and a Host.
 *
 * One check per document version: push and pull, code actions, hovers and lenses all read the
 * same result, so nothing is checked twice. Each open document has its own AnalysisCache, so
 * an edit re-analyses only the chunks (paragraphs) it touched.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileSystemWatcher,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import {
  AnalysisCache,
  analyseDocument,
  compileDictionary,
  findingsOf,
  placeKept,
  pushAll,
  visitFindings,
  type ChunkMove,
  type KeptFinding,
  type CheckOptions,
  type CompiledDictionary,
  type DictionaryData,
  type DocumentAnalysis,
  type DocumentFormat,
  type Finding,
  type PlainwordsConfig,
  type Problem,
  type TextChange,
} from '../engine/index.js';
import { documentReadability, readabilityReport, sectionsReadability } from '../engine/readability/report.js';
import type { ReadabilityReport, SectionReadability } from '../engine/readability/types.js';
import { codeActions, kindMatches, FIX_ALL_KIND, type ProjectFile } from './actions.js';
import { formatSize, moreProblems, problemDiagnostic, severityRank, shownCut, shownFilter, SOURCE, toDiagnostic, toDiagnostics, utf8Size } from './convert.js';
import type { Disposable, Host } from './host.js';
import { warmCache, WARM_THRESHOLD } from './warm.js';
import { CONFIG_NAME, Projects, type Project } from './project.js';
import { effectiveConfig, readSettings, type Settings } from './settings.js';

/** A check the server runs after the engine's (tests inject a throwing one here). */
export interface ServerRule {
  id: string;
  check(text: string, format: DocumentFormat): Finding[];
}

export interface ServerOptions {
  host: Host;
  /** Extra rules, run after the engine; one that throws is turned off for that document. */
  rules?: ServerRule[];
  /** Called before each check of a document version (tests delay here to force races). */
  beforeCheck?(uri: string, version: number): Promise<void> | void;
  /** Called soon after each check of a document, once its result is on its way (the Node server bounds its heap here). */
  afterCheck?(): void;
  /** Called at the start of each request (tests throw here). */
  onRequest?(method: string): void;
  version?: string;
}

/** Options an editor can pass in `initializationOptions`. */
export interface InitializationOptions {
  /** Wait after typing before checking, in milliseconds (push diagnostics). Default 100. */
  debounce?: number;
  /** 'auto' (default): pull when the client supports it, else push. 'push' forces push. */
  diagnostics?: 'auto' | 'push' | 'pull';
  /** False in an untrusted workspace: project files (.plainwords.json, dictionaries) are not read. */
  trusted?: boolean;
  /** Settings for clients that cannot answer workspace/configuration. */
  settings?: unknown;
}

interface Result {
  version: number;
  generation: number;
  resultId: string;
  /** The document's change count when checked (DocState.edits): the text this result is for. */
  edits: number;
  /** The findings shown as diagnostics (the same order): code actions and hovers use these. */
  findings: Finding[];
  /** Every finding, shown or not (fix all and the readability answer use these). */
  allFindings: Finding[];
  diagnostics: Diagnostic[];
  /** Absent when the document was too large or the check failed. */
  analysis?: DocumentAnalysis;
  config: PlainwordsConfig;
  project: Project;
  settings: Settings;
  tooLarge: boolean;
}

interface DocState {
  uri: string;
  doc: TextDocument;
  format: DocumentFormat;
  cache: AnalysisCache;
  result?: Result;
  running?: { edits: number; generation: number; promise: Promise<Result | undefined> };
  timer?: ReturnType<typeof setTimeout>;
  disabledRules: Set<string>;
  publishedId?: string;
  checks: number;
  /**
   * Changes received. Results are kept for a change count, not a version number: a client that
   * repeats or lowers a version (a bug on its side) has still changed the text.
   */
  edits: number;
  /** UTF-8 size of the text. */
  bytes: number;
  /** The dictionary the cache was last filled with in slices (long documents). */
  warmedWith?: CompiledDictionary;
  /**
   * How the text differs from the one last analysed (undefined: it is the same; 'all': unknown),
   * for the engine to split again only around it (CheckOptions.change).
   */
  changed?: TextChange | 'all';
}

export interface DocumentInspection {
  version: number;
  resultVersion?: number;
  checks: number;
  cacheHits: number;
  cacheMisses: number;
  chunks: number;
}

export interface PlainwordsServer {
  /** State of an open document (for tests and figures). */
  inspect(uri: string): DocumentInspection | undefined;
  /** Number of open documents. */
  readonly openDocuments: number;
}

/** The diagnostics of each chunk's list of kept findings (FindingVisitor.keptRun), with the line shift they were built for (see diagnosticsOf) and their severities' ranks. */
const keptLists = new WeakMap<readonly KeptFinding[], { lineShift: number; diagnostics: Array<Diagnostic | undefined>; ranks: Uint8Array }>();

/**
 * Findings as visitFindings handed them over (see diagnosticsOf): `list[from]` to `list[to - 1]`,
 * kept findings with their chunk's move, or one placed finding (no move), with the diagnostics
 * and severity ranks (severityRank) of the whole list.
 */
interface Handed {
  list: ReadonlyArray<KeptFinding | Finding>;
  from: number;
  to: number;
  move?: ChunkMove;
  /** Built when first shown (diagnosticAt): a long document has far more findings than are shown. */
  diagnostics: Array<Diagnostic | undefined>;
  ranks: ArrayLike<number>;
}

/** The diagnostic of `h.list[i]`, built the first time it is shown and kept with the list. */
function diagnosticAt(h: Handed, i: number): Diagnostic {
  return (h.diagnostics[i] ??= toDiagnostic(h.move ? placeKept(h.list[i] as KeptFinding, h.move) : (h.list[i] as Finding)));
}

/**
 * The change since the last analysed text (`since`, in that text and the current one) followed by
 * [start, end) of the current text replaced by `length` characters.
 */
export function mergeChange(since: TextChange | 'all' | undefined, start: number, end: number, length: number): TextChange | 'all' {
  if (since === 'all') return 'all';
  const newEnd = start + length;
  if (!since) return { start, oldEnd: end, newEnd };
  // Past both changes, the current text is the analysed one moved by the first change's length,
  // and the new text the current one moved by this change's.
  const last = Math.max(since.newEnd, end);
  return { start: Math.min(since.start, start), oldEnd: last - since.newEnd + since.oldEnd, newEnd: last + newEnd - end };
}

const MARKDOWN_IDS = new Set(['markdown', 'mdx', 'quarto', 'rmd', 'rmarkdown']);
const TEXT_IDS = new Set(['plaintext', 'text', 'txt', 'git-commit', 'scminput']);

export function formatOf(languageId: string, uri: string): DocumentFormat {
  if (MARKDOWN_IDS.has(languageId)) return 'markdown';
  if (TEXT_IDS.has(languageId)) return 'text';
  const path = uri.toLowerCase().replace(/[?#].*$/, '');
  if (/\.(txt|text)$/.test(path)) return 'text';
  return 'markdown';
}

export function createServer(connection: Connection, options: ServerOptions): PlainwordsServer {
  const { host } = options;
  const docs = new Map<string, DocState>();
  let capabilities: ClientCapabilities = {};
  let init: InitializationOptions = {};
  let pullMode = false;
  let debounce = 100;
  let trusted = true;
  let workspaceFolders: string[] = [];
  let generation = 0;
  /** Checks made, for result ids. */
  let checkSerial = 0;
  let shuttingDown = false;
  /** LSP: requests before initialize are answered with ServerNotInitialized (-32002). */
  let initialized = false;
  let globalSettings: unknown = undefined;
  const settingsCache = new Map<string, Promise<Settings>>();
  const compiled = new WeakMap<DictionaryData, Map<string, CompiledDictionary>>();
  const reported = new Set<string>();
  let shownError = false;
  /** Problem diagnostics on config and dictionary files, by config URI → file URIs. */
  const problemFiles = new Map<string, string[]>();
  const lastProblemText = new Map<string, string>();
  const watcherDisposables: Disposable[] = [];
  const registeredRoots = new Set<string>();
  let watchedFilesDynamic = false;
  let relativePatterns = false;

  // ---------------------------------------------------------------- errors

  function log(message: string): void {
    try {
      connection.console.log(message);
    } catch {
      host.log?.(message);
    }
  }

  /** Log an unexpected error once (by where and message), and tell the writer once per session. */
  function report(e: unknown, where: string): void {
    const err = e instanceof Error ? e : new Error(String(e));
    const key = `${where}|${err.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    try {
      connection.console.error(`Plain Words: internal error in ${where}: ${err.stack ?? err.message}`);
      if (!shownError) {
        shownError = true;
        void connection.window.showErrorMessage(`Plain Words hit an internal error (in ${where}) and carries on. Details are in the Plain Words log.`);
      }
    } catch {
      host.log?.(`internal error in ${where}: ${err.stack ?? err.message}`);
    }
  }

  function guard<P, R>(method: string, handler: (params: P, token: CancellationToken) => Promise<R> | R) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized: send initialize first.');
        if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
        options.onRequest?.(method);
        // Some clients send no cancellation token (or null) for custom requests.
        return await handler(params, token ?? CancellationToken.None);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        report(e, method);
        throw new ResponseError(ErrorCodes.InternalError, `Plain Words could not answer ${method}: ${(e as Error)?.message ?? e}`);
      }
    };
  }

  function guardNote<P>(method: string, handler: (params: P) => void | Promise<void>) {
    return (params: P): void => {
      try {
        const r = handler(params);
        if (r) r.catch((e) => report(e, method));
      } catch (e) {
        report(e, method);
      }
    };
  }

  function requireDoc(uri: string | undefined): DocState {
    const state = uri ? docs.get(uri) : undefined;
    if (!state) throw new ResponseError(ErrorCodes.InvalidParams, `Plain Words does not have ${uri ?? 'that document'} open: open it first (textDocument/didOpen).`);
    return state;
  }

  function requirePosition(doc: TextDocument, p: Position | undefined, what = 'position'): void {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) {
      throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} ${JSON.stringify(p)} is outside the document (${doc.lineCount} lines).`);
    }
  }

  function requireRange(doc: TextDocument, r: Range | undefined): void {
    if (!r) throw new ResponseError(ErrorCodes.InvalidParams, 'A range is required.');
    requirePosition(doc, r.start, 'range start');
    requirePosition(doc, r.end, 'range end');
  }

  // ---------------------------------------------------------------- settings and projects

  const projects = new Projects(host, {
    onProblems(configUri, problems, texts) {
      publishProblems(configUri, problems, texts);
    },
    onGood(configUri) {
      publishProblems(configUri, [], new Map());
    },
  });

  function publishProblems(configUri: string, problems: Problem[], texts: Map<string, string>): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const p of problems) {
      const list = byFile.get(p.file) ?? [];
      list.push(problemDiagnostic(p, texts.get(p.file)));
      byFile.set(p.file, list);
    }
    for (const old of problemFiles.get(configUri) ?? []) if (!byFile.has(old)) connection.sendDiagnostics({ uri: old, diagnostics: [] });
    for (const [file, diagnostics] of byFile) connection.sendDiagnostics({ uri: file, diagnostics });
    problemFiles.set(configUri, [...byFile.keys()]);
    const summary = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n');
    if (problems.length && lastProblemText.get(configUri) !== summary) {
      const p = problems[0];
      const where = displayPath(p.file);
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
      log(`Plain Words: problems in the project config:\n${problems.map((q) => `${displayPath(q.file)}:${q.line}:${q.column}: ${q.message}`).join('\n')}`);
      void connection.window.showErrorMessage(
        `Plain Words: ${where} line ${p.line}: ${p.message}${more}. ${configUri ? 'The last good settings stay in use until it is fixed.' : ''}`,
      );
    }
    if (problems.length) lastProblemText.set(configUri, summary);
    else lastProblemText.delete(configUri);
  }

  function displayPath(uri: string): string {
    try {
      const u = URI.parse(uri);
      return u.scheme === 'file' ? u.fsPath : uri;
    } catch {
      return uri;
    }
  }

  function settingsFor(uri: string): Promise<Settings> {
    let p = settingsCache.get(uri);
    if (!p) {
      const fromClient = capabilities.workspace?.configuration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'plainwords' }).then(
            (raw: unknown) => raw ?? globalSettings,
            (e: unknown) => {
              log(`Plain Words: the editor did not answer workspace/configuration (${(e as Error)?.message ?? e}); using the defaults.`);
              return globalSettings;
            },
          )
        : Promise.resolve(globalSettings);
      p = fromClient.then((raw) => {
        const { settings, problems } = readSettings(raw);
        for (const problem of problems) {
          if (!reported.has(problem)) {
            reported.add(problem);
            log(`Plain Words: ${problem}`);
          }
        }
        return settings;
      });
      settingsCache.set(uri, p);
    }
    return p;
  }

  function dictionaryFor(project: Project, settings: Settings): CompiledDictionary {
    let byAllow = compiled.get(project.data);
    if (!byAllow) {
      byAllow = new Map();
      compiled.set(project.data, byAllow);
    }
    const key = settings.allow.join('\u0000');
    let dict = byAllow.get(key);
    if (!dict) {
      dict = compileDictionary(settings.allow.length ? { ...project.data, allow: [...(project.data.allow ?? []), ...settings.allow] } : project.data);
      byAllow.set(key, dict);
    }
    return dict;
  }

  /** Everything changed (settings, config, trust): re-check every open document once. */
  function invalidateAll(): void {
    generation++;
    for (const state of docs.values()) schedule(state, 0);
    if (pullMode && capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  // ---------------------------------------------------------------- checking

  function tooLargeDiagnostic(state: DocState, size: number, limit: number): Diagnostic {
    const uri = URI.parse(state.uri);
    const path = uri.scheme === 'file' ? uri.fsPath : Utils.basename(uri);
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'too-large',
      message: `This document is ${formatSize(size)}, over the ${formatSize(limit)} limit for checking as you type (setting plainwords.maxFileSize), so it is not checked here. Check it from the command line: npx plainwords check "${path}"`,
    };
  }

  function resultFor(state: DocState): Promise<Result | undefined> {
    const edits = state.edits;
    if (state.result && state.result.edits === edits && state.result.generation === generation) return Promise.resolve(state.result);
    if (state.running && state.running.edits === edits && state.running.generation === generation) return state.running.promise;
    const promise = compute(state, edits, generation);
    state.running = { edits, generation, promise };
    // After the result has gone out (a timer runs after the promise's followers).
    if (options.afterCheck) void promise.then(() => setTimeout(afterCheck, 0), () => undefined);
    // A failed check is not kept: the next request for this version tries again.
    promise.catch(() => {
      if (state.running?.promise === promise) state.running = undefined;
    });
    return promise;
  }

  function afterCheck(): void {
    try {
      options.afterCheck?.();
    } catch (e) {
      report(e, 'after a check');
    }
  }

  async function compute(state: DocState, edits: number, gen: number): Promise<Result | undefined> {
    const version = state.doc.version;
    await options.beforeCheck?.(state.uri, version);
    const settings = await settingsFor(state.uri);
    const configUri = await projects.configFor(state.uri, workspaceFolders);
    const project = await projects.get(configUri);
    updateWatchers();
    // Superseded while waiting: the newer text has its own check coming.
    if (docs.get(state.uri) !== state || state.edits !== edits || gen !== generation) return undefined;
    const text = state.doc.getText();
    const config = effectiveConfig(settings, project.config);
    // Unique per check (pull clients compare it): never the same for different text or settings.
    const resultId = String(++checkSerial);
    const base = { version, edits, generation: gen, resultId, config, project, settings };
    if (settings.maxFileSize > 0 && state.bytes > settings.maxFileSize) {
      state.cache = new AnalysisCache();
      state.warmedWith = undefined;
      const result: Result = { ...base, findings: [], allFindings: [], diagnostics: [tooLargeDiagnostic(state, state.bytes, settings.maxFileSize)], tooLarge: true };
      state.result = result;
      return result;
    }
    const dictionary = dictionaryFor(project, settings);
    // A long document seen for the first time (or with a new dictionary): analyse it in slices first.
    if (text.length >= WARM_THRESHOLD && state.warmedWith !== dictionary) {
      const current = () => docs.get(state.uri) === state && state.edits === edits && gen === generation && !shuttingDown;
      try {
        if (!(await warmCache(text, state.format, dictionary, state.cache, current))) return undefined;
      } catch (e) {
        report(e, `checking ${state.uri}`);
      }
      if (!current()) return undefined;
      state.warmedWith = dictionary;
    }
    let result: Result;
    try {
      state.checks++;
      const changed = state.changed ?? { start: text.length, oldEnd: text.length, newEnd: text.length };
      const checkOptions: CheckOptions = { dictionary, format: state.format, config, cache: state.cache, path: pathInProject(state.uri, project), change: changed === 'all' ? undefined : changed };
      const analysis = analyseDocument(text, checkOptions);
      state.changed = undefined;
      if (!options.rules?.length) {
        const d = diagnosticsOf(analysis, checkOptions);
        // The findings are getters: placed on the first request that needs them.
        result = Object.defineProperties({ ...base, diagnostics: d.diagnostics, analysis, tooLarge: false } as unknown as Result, {
          findings: { get: d.findings, enumerable: true },
          allFindings: { get: d.allFindings, enumerable: true },
        });
        state.result = result;
        return result;
      }
      const findings = findingsOf(analysis, checkOptions);
      for (const rule of options.rules) {
        if (state.disabledRules.has(rule.id)) continue;
        try {
          pushAll(findings, rule.check(text, state.format));
        } catch (e) {
          state.disabledRules.add(rule.id);
          report(e, `rule "${rule.id}" (turned off for ${state.uri})`);
        }
      }
      findings.sort((a, b) => a.start - b.start || a.end - b.end);
      const shown = toDiagnostics(findings);
      result = { ...base, findings: shown.shown, allFindings: findings, diagnostics: shown.diagnostics, analysis, tooLarge: false };
    } catch (e) {
      report(e, `checking ${state.uri}`);
      state.cache = new AnalysisCache();
      state.warmedWith = undefined;
      const diagnostic: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: 'internal-error',
        message: `Plain Words could not check this document (internal error: ${(e as Error)?.message ?? e}). Details are in the Plain Words log.`,
      };
      result = { ...base, findings: [], allFindings: [], diagnostics: [diagnostic], tooLarge: false };
    }
    state.result = result;
    return result;
  }

  /**
   * Diagnostics of a document analysis. A chunk's kept findings come in runs of the same list
   * while the chunk and the settings are unchanged, and their diagnostics are reused while the
   * chunk stays on the same lines: typing in one paragraph rebuilds only that paragraph's
   * diagnostics (and the few that depend on the whole document). The findings themselves (for
   * code actions, hovers, fix all) are placed only when a request asks for them.
   */
  function diagnosticsOf(analysis: DocumentAnalysis, checkOptions: CheckOptions): { diagnostics: Diagnostic[]; findings: () => Finding[]; allFindings: () => Finding[] } {
    // What was handed over, in order: runs of a list of kept findings (with their chunk's move),
    // and single placed findings, each with its diagnostics and severity ranks.
    const handed: Handed[] = [];
    const counts = [0, 0, 0, 0, 0];
    let total = 0;
    visitFindings(analysis, checkOptions, {
      keptRun(list, from, to, move) {
        let c = keptLists.get(list);
        if (!c || c.lineShift !== move.lineShift) {
          keptLists.set(list, (c = { lineShift: move.lineShift, diagnostics: new Array<Diagnostic | undefined>(list.length), ranks: Uint8Array.from(list, (k) => severityRank(k.finding.severity)) }));
        }
        for (let i = from; i < to; i++) counts[c.ranks[i]]++;
        total += to - from;
        handed.push({ list, from, to, move, diagnostics: c.diagnostics, ranks: c.ranks });
      },
      placed(f) {
        const rank = severityRank(f.severity);
        counts[rank]++;
        total++;
        handed.push({ list: [f], from: 0, to: 1, diagnostics: [undefined], ranks: [rank] });
      },
    });
    // The most severe findings when there are too many (shownCut), in document order.
    const cut = shownCut(counts, total);
    // `each` gets the run, the index in its list and the index among all findings handed over.
    const shownOf = <T>(each: (h: Handed, i: number, n: number) => T): T[] => {
      const out: T[] = [];
      const isShown = shownFilter(cut);
      let n = 0;
      for (const h of handed) for (let i = h.from; i < h.to; i++, n++) if (isShown(h.ranks[i])) out.push(each(h, i, n));
      return out;
    };
    const diagnostics = shownOf(diagnosticAt);
    if (cut) diagnostics.push(moreProblems(total));
    let all: Finding[] | undefined;
    const allFindings = () => {
      if (!all) {
        all = [];
        for (const h of handed) for (let i = h.from; i < h.to; i++) all.push(h.move ? placeKept(h.list[i] as KeptFinding, h.move) : (h.list[i] as Finding));
      }
      return all;
    };
    let shown: Finding[] | undefined;
    return { diagnostics, allFindings, findings: () => (shown ??= cut ? shownOf((h, i, n) => allFindings()[n]) : allFindings()) };
  }

  /** The document's path relative to its config file's folder (for the config's "audiences" patterns). */
  function pathInProject(uri: string, project: Project): string | undefined {
    if (!project.configUri) return undefined;
    const dir = Utils.dirname(URI.parse(project.configUri)).toString();
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    if (!uri.startsWith(prefix)) return undefined;
    try {
      return decodeURIComponent(uri.slice(prefix.length).replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
  }

  /** The result for the document's current version, or undefined when it keeps changing. */
  async function currentResult(state: DocState): Promise<Result | undefined> {
    // A check can be superseded by a newer version or new settings while it runs: ask again
    // (bounded) rather than answer from nothing.
    for (let attempt = 0; attempt < 20; attempt++) {
      const r = await resultFor(state);
      if (docs.get(state.uri) !== state) return undefined;
      if (r && r.edits === state.edits) return r;
    }
    return undefined;
  }

  function schedule(state: DocState, delay: number): void {
    if (pullMode) return;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void publish(state);
    }, delay);
  }

  async function publish(state: DocState): Promise<void> {
    try {
      const r = await resultFor(state);
      // Never publish for an older version than the document now has, nor after close.
      if (!r || docs.get(state.uri) !== state || r.edits !== state.edits || shuttingDown) return;
      if (state.publishedId === r.resultId) return;
      state.publishedId = r.resultId;
      await connection.sendDiagnostics({ uri: state.uri, version: r.version, diagnostics: r.diagnostics });
    } catch (e) {
      report(e, `publishing diagnostics for ${state.uri}`);
    }
  }

  // ---------------------------------------------------------------- file watching

  function watcherFor(root: string): FileSystemWatcher {
    const isFile = root.endsWith('.json');
    const base = isFile ? Utils.dirname(URI.parse(root)).toString() : root;
    const pattern = isFile ? Utils.basename(URI.parse(root)) : '**/*.json';
    if (relativePatterns) return { globPattern: { baseUri: base, pattern } };
    const fsBase = URI.parse(base).fsPath.replace(/\\/g, '/');
    return { globPattern: `${fsBase}/${pattern}` };
  }

  /** Watch the config files and dictionary folders in use: through the editor when it can, else through the host. */
  function updateWatchers(): void {
    if (watchedFilesDynamic) {
      const roots = projects.dictionaryUris().filter((r) => !registeredRoots.has(r));
      if (!roots.length) return;
      for (const r of roots) registeredRoots.add(r);
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: roots.map(watcherFor) }).then(
        (d) => watcherDisposables.push(d),
        (e) => log(`Plain Words: could not watch dictionary folders: ${(e as Error)?.message ?? e}`),
      );
    } else refreshHostWatch();
  }

  let hostWatch: Disposable | undefined;
  let hostWatched = '';
  function refreshHostWatch(): void {
    if (watchedFilesDynamic || !host.watch || shuttingDown) return;
    const uris = projects.watchedUris().sort();
    const key = uris.join('\n');
    if (key === hostWatched) return;
    hostWatched = key;
    hostWatch?.dispose();
    hostWatch = uris.length ? host.watch(uris, (uri) => filesChanged([{ uri, type: FileChangeType.Changed }])) : undefined;
  }

  function filesChanged(changes: Array<{ uri: string; type: number }>): void {
    let affected = false;
    for (const c of changes) {
      if (projects.fileChanged(c.uri)) affected = true;
      if (c.type === FileChangeType.Deleted && Utils.basename(URI.parse(c.uri)) === CONFIG_NAME) publishProblems(c.uri, [], new Map());
    }
    if (affected) {
      invalidateAll();
      // Reload the projects of open documents now, so broken files are reported without waiting for a check.
      for (const state of docs.values()) {
        void projects
          .configFor(state.uri, workspaceFolders)
          .then((c) => projects.get(c))
          .then(() => refreshHostWatch())
          .catch((e) => report(e, 'reloading the project config'));
      }
    }
  }

  // ---------------------------------------------------------------- lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initialized = true;
    capabilities = params.capabilities ?? {};
    init = (params.initializationOptions && typeof params.initializationOptions === 'object' ? params.initializationOptions : {}) as InitializationOptions;
    if (typeof init.debounce === 'number' && init.debounce >= 0) debounce = init.debounce;
    trusted = init.trusted !== false;
    projects.reset(trusted);
    if (init.settings !== undefined) globalSettings = init.settings;
    const clientPull = !!capabilities.textDocument?.diagnostic;
    pullMode = init.diagnostics === 'pull' || (init.diagnostics !== 'push' && clientPull);
    if (params.workspaceFolders?.length) workspaceFolders = params.workspaceFolders.map((f) => f.uri);
    else if (params.rootUri) workspaceFolders = [params.rootUri];
    watchedFilesDynamic = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    relativePatterns = !!capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(pullMode ? { diagnosticProvider: { identifier: 'plainwords', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'plainwords', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (watchedFilesDynamic) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_NAME}` }] }).then(
        (d) => watcherDisposables.push(d),
        (e) => log(`Plain Words: could not watch ${CONFIG_NAME} files: ${(e as Error)?.message ?? e}`),
      );
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        workspaceFolders = workspaceFolders.filter((f) => !removed.has(f)).concat(e.added.map((f) => f.uri));
        projects.reset();
        invalidateAll();
      });
    }
    if (!trusted) log('Plain Words: the workspace is not trusted, so project files (.plainwords.json and its dictionaries) are not read.');
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const state of docs.values()) if (state.timer) clearTimeout(state.timer);
    for (const d of watcherDisposables) d.dispose();
    hostWatch?.dispose();
  });

  connection.onDidChangeConfiguration(
    guardNote('workspace/didChangeConfiguration', (params) => {
      const raw = (params as { settings?: unknown })?.settings;
      if (raw !== undefined && raw !== null) globalSettings = raw;
      settingsCache.clear();
      invalidateAll();
    }),
  );

  connection.onDidChangeWatchedFiles(guardNote('workspace/didChangeWatchedFiles', (params) => filesChanged(params.changes ?? [])));

  // ---------------------------------------------------------------- documents

  connection.onDidOpenTextDocument(
    guardNote('textDocument/didOpen', (params) => {
      if (shuttingDown) return;
      const { uri, languageId, version, text } = params.textDocument;
      const old = docs.get(uri);
      if (old?.timer) clearTimeout(old.timer);
      const state: DocState = {
        uri,
        doc: TextDocument.create(uri, languageId, version, text),
        format: formatOf(languageId, uri),
        cache: new AnalysisCache(),
        disabledRules: new Set(),
        checks: 0,
        edits: 0,
        bytes: utf8Size(text),
        changed: 'all',
      };
      docs.set(uri, state);
      schedule(state, 0);
    }),
  );

  connection.onDidChangeTextDocument(
    guardNote('textDocument/didChange', (params) => {
      if (shuttingDown) return;
      const state = docs.get(params.textDocument.uri);
      if (!state) {
        const key = `change-unknown|${params.textDocument.uri}`;
        if (!reported.has(key)) {
          reported.add(key);
          log(`Plain Words: ignored a change to ${params.textDocument.uri}, which is not open.`);
        }
        return;
      }
      const version = params.textDocument.version ?? state.doc.version + 1;
      state.edits++;
      // Keep the UTF-8 size up to date edit by edit (the size limit is in bytes).
      for (const change of params.contentChanges) {
        if ('range' in change && change.range) {
          const removed = utf8Size(state.doc.getText(change.range));
          const start = state.doc.offsetAt(change.range.start);
          const end = state.doc.offsetAt(change.range.end);
          state.doc = TextDocument.update(state.doc, [change], version);
          state.bytes += utf8Size(change.text) - removed;
          state.changed = mergeChange(state.changed, Math.min(start, end), Math.max(start, end), change.text.length);
        } else {
          state.doc = TextDocument.update(state.doc, [change], version);
          state.bytes = utf8Size(change.text);
          state.changed = 'all';
        }
      }
      schedule(state, debounce);
    }),
  );

  connection.onDidCloseTextDocument(
    guardNote('textDocument/didClose', (params) => {
      const state = docs.get(params.textDocument.uri);
      if (!state) return;
      if (state.timer) clearTimeout(state.timer);
      docs.delete(state.uri);
      settingsCache.delete(state.uri);
      if (!pullMode) void connection.sendDiagnostics({ uri: state.uri, diagnostics: [] });
    }),
  );

  // ---------------------------------------------------------------- pull diagnostics

  function serverCancelled(): ResponseError<{ retriggerRequest: boolean }> {
    return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; ask again.', { retriggerRequest: true });
  }

  connection.languages.diagnostics.on(
    guard('textDocument/diagnostic', async (params, token): Promise<DocumentDiagnosticReport> => {
      const state = requireDoc(params.textDocument?.uri);
      const r = await resultFor(state);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
      if (!r || r.edits !== state.edits) throw serverCancelled();
      if (params.previousResultId === r.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: r.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: r.resultId, items: r.diagnostics };
    }),
  );

  connection.languages.diagnostics.onWorkspace(
    guard('workspace/diagnostic', async (params, token) => {
      const previous = new Map((params.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const state of [...docs.values()]) {
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
        const r = await resultFor(state);
        if (!r || r.edits !== state.edits || docs.get(state.uri) !== state) continue;
        if (previous.get(state.uri) === r.resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: state.uri, version: r.version, resultId: r.resultId });
        else items.push({ kind: DocumentDiagnosticReportKind.Full, uri: state.uri, version: r.version, resultId: r.resultId, items: r.diagnostics });
      }
      return { items };
    }),
  );

  // ---------------------------------------------------------------- code actions

  async function projectFileFor(state: DocState, r: Result): Promise<ProjectFile | undefined> {
    if (!trusted) return undefined;
    let uri = r.project.configUri;
    if (!uri) {
      const docUri = URI.parse(state.uri);
      const folder = workspaceFolders
        .filter((f) => state.uri.startsWith(f.endsWith('/') ? f : f + '/'))
        .sort((a, b) => b.length - a.length)[0];
      if (folder) uri = Utils.joinPath(URI.parse(folder), CONFIG_NAME).toString();
      else if (host.canRead(state.uri)) uri = Utils.joinPath(Utils.dirname(docUri), CONFIG_NAME).toString();
      else if (workspaceFolders[0]) uri = Utils.joinPath(URI.parse(workspaceFolders[0]), CONFIG_NAME).toString();
      else return undefined;
    }
    const open = docs.get(uri);
    let text: string | undefined;
    let version: number | null = null;
    if (open) {
      text = open.doc.getText();
      version = open.doc.version;
    } else {
      try {
        text = await host.readFile(uri);
      } catch {
        return undefined;
      }
    }
    const config = r.project.configUri === uri && !r.project.problems.length ? r.project.config : {};
    return { uri, text, version, allow: config.allow ?? [], rules: (config.rules ?? {}) as Record<string, string> };
  }

  connection.onCodeAction(
    guard('textDocument/codeAction', async (params, token): Promise<CodeAction[]> => {
      const state = requireDoc(params.textDocument?.uri);
      requireRange(state.doc, params.range);
      const r = await currentResult(state);
      if (!r || token.isCancellationRequested) return [];
      const doc = state.doc;
      let start = doc.offsetAt(params.range.start);
      let end = doc.offsetAt(params.range.end);
      if (start > end) [start, end] = [end, start];
      const only = params.context?.only;
      const wantsProjectFile = kindMatches(CodeActionKind.QuickFix, only) && r.findings.some((f) => f.start <= end && f.end >= start);
      const projectFile = wantsProjectFile ? await projectFileFor(state, r) : undefined;
      if (doc !== state.doc || docs.get(state.uri) !== state) return [];
      const edits = capabilities.workspace?.workspaceEdit;
      return codeActions({
        doc,
        format: state.format,
        findings: r.findings,
        diagnostics: r.diagnostics,
        allFindings: r.allFindings,
        start,
        end,
        only,
        documentChanges: !!edits?.documentChanges,
        createFiles: !!edits?.resourceOperations?.includes('create'),
        projectFile,
      });
    }),
  );

  // ---------------------------------------------------------------- hover

  function markdownHover(): boolean {
    const formats = capabilities.textDocument?.hover?.contentFormat;
    return !formats || formats.includes(MarkupKind.Markdown);
  }

  function findingHover(f: Finding, md: boolean): string {
    const lines: string[] = [];
    const q = (s: string) => `“${s}”`;
    lines.push(md ? `**${f.message}**` : f.message);
    if (f.explanation) lines.push(md ? `Why: ${f.explanation}` : `Why: ${f.explanation}`);
    if (f.replacements.length) lines.push(`${f.replacements.length === 1 ? 'Replacement' : 'Replacements'}: ${f.replacements.map((r) => (r.text.trim() ? q(r.text) : '(leave it out)')).join(', ')}`);
    if (f.source) lines.push(`Source: ${f.source}`);
    if (f.url) lines.push(md ? `[About ${q(f.entryId ?? f.ruleId)}](${f.url})` : `About ${f.entryId ?? f.ruleId}: ${f.url}`);
    return lines.join('\n\n');
  }

  /** The readability report; `paragraphs` false: without them (sections and the document only, far less on a long document). */
  function readabilityOf(r: Result, paragraphs = true): ReadabilityReport | undefined {
    if (!r.analysis) return undefined;
    return paragraphs ? readabilityReport(r.analysis, r.config) : sectionsReadability(r.analysis, r.config);
  }

  function sectionLine(section: SectionReadability, target: number): string {
    if (section.readingAge === null) return `Reading age: too few words to score, target ${target}`;
    const age = Math.round(section.readingAge);
    const note = section.reliable ? '' : ` (only ${section.words} words: a rough guide)`;
    return `Reading age ${age}, target ${target}${note}`;
  }

  connection.onHover(
    guard('textDocument/hover', async (params, token): Promise<Hover | null> => {
      const state = requireDoc(params.textDocument?.uri);
      requirePosition(state.doc, params.position);
      const r = await currentResult(state);
      if (!r || token.isCancellationRequested) return null;
      const offset = state.doc.offsetAt(params.position);
      const md = markdownHover();
      const hits = r.allFindings.filter((f) => f.start <= offset && offset < f.end);
      if (hits.length) {
        const f = hits[0];
        return {
          contents: { kind: md ? MarkupKind.Markdown : MarkupKind.PlainText, value: hits.map((h) => findingHover(h, md)).join(md ? '\n\n---\n\n' : '\n\n') },
          range: f.range,
        };
      }
      const report = readabilityOf(r, false);
      const section = report?.sections.find((s) => s.heading && s.heading.start <= offset && offset <= s.heading.end);
      if (report && section?.heading) {
        const parts = [md ? `**${sectionLine(section, report.target)}**` : sectionLine(section, report.target)];
        parts.push(`For ${report.audience === 'staff' ? 'staff' : 'the public'}: section “${section.heading.text}”, ${section.words} words in ${section.sentences} sentences.`);
        if (section.agreement) parts.push(section.agreement.text);
        if (section.hardest.length) {
          parts.push(md ? 'Hardest sentences:' : 'Hardest sentences:');
          parts.push(section.hardest.map((h) => `${md ? '- ' : '• '}Reading age ${Math.round(h.readingAge)} (line ${h.range.start.line + 1}): ${h.text.length > 120 ? h.text.slice(0, 117) + '…' : h.text}`).join('\n'));
        }
        return { contents: { kind: md ? MarkupKind.Markdown : MarkupKind.PlainText, value: parts.join('\n\n') }, range: section.heading.range };
      }
      return null;
    }),
  );

  // ---------------------------------------------------------------- readability and code lenses

  /**
   * The `plainwords/readability` answer: the engine's report (document, sections, paragraphs)
   * plus the summary fields a status bar or report view needs without digging.
   */
  function readabilityResponse(uri: string, r: Result, report: ReadabilityReport, withJargon = true) {
    const jargon = new Map<string, { text: string; entryId?: string; category?: string; count: number; replacement?: string }>();
    for (const f of withJargon ? r.allFindings : []) {
      if (!f.entryId) continue;
      const seen = jargon.get(f.entryId);
      if (seen) seen.count++;
      else jargon.set(f.entryId, { text: f.actual, entryId: f.entryId, category: f.category, count: 1, replacement: f.replacements[0]?.text });
    }
    return {
      ...report,
      uri,
      documentVersion: r.version,
      readingAge: report.document.readingAge,
      words: report.document.words,
      sentences: report.document.sentences,
      sections: report.sections.map((s) => ({ ...s, title: s.heading?.text ?? 'Opening', level: s.heading?.depth ?? 0 })),
      hardestSentences: report.document.hardest.map((h) => ({ text: h.text, readingAge: h.readingAge, words: h.words, range: h.range })),
      jargon: [...jargon.values()].sort((a, b) => b.count - a.count),
    };
  }

  connection.onCodeLens(
    guard('textDocument/codeLens', async (params, token): Promise<CodeLens[]> => {
      const state = requireDoc(params.textDocument?.uri);
      const r = await currentResult(state);
      if (!r || token.isCancellationRequested || !r.settings.codeLens) return [];
      const report = readabilityOf(r, false);
      if (!report) return [];
      return report.sections
        .filter((s) => s.heading)
        .map((s) => ({ range: s.heading!.range, command: { title: sectionLine(s, report.target), command: '' } }));
    }),
  );

  connection.onRequest(
    'plainwords/readability',
    guard('plainwords/readability', async (params: { textDocument?: { uri?: string }; summary?: boolean; paragraphs?: boolean }, token) => {
      const state = requireDoc(params?.textDocument?.uri);
      const r = await currentResult(state);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
      if (!r) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document keeps changing; ask again.');
      if (!r.analysis) return null;
      // `summary`: the document's scores only (sections, paragraphs and jargon left empty), for
      // a status bar that asks after every change.
      if (params?.summary === true) return readabilityResponse(state.uri, r, documentReadability(r.analysis, r.config), false);
      // `paragraphs: false`: sections and the document only (a report view that lists sections).
      const report = readabilityOf(r, params?.paragraphs !== false);
      if (!report) return null;
      return readabilityResponse(state.uri, r, report);
    }),
  );

  return {
    inspect(uri: string): DocumentInspection | undefined {
      const state = docs.get(uri);
      if (!state) return undefined;
      return {
        version: state.doc.version,
        resultVersion: state.result?.version,
        checks: state.checks,
        cacheHits: state.cache.hits,
        cacheMisses: state.cache.misses,
        chunks: state.result?.analysis?.chunks.length ?? 0,
      };
    },
    get openDocuments() {
      return docs.size;
    },
  };
}
