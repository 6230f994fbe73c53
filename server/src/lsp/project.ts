/**
 * Project config for open documents: finds the nearest `.plainwords.json` at or above a
 * document (or in a workspace folder), reads it and the dictionaries it names through the
 * host, and keeps the last good project when a file is broken. Data only: nothing read is run.
 */
import { URI, Utils } from 'vscode-uri';
import { crossCheck, parseConfig, parseEntry, parseJson, parseNames, pushAll, type DictionaryData, type LoadedEntry, type PlainwordsConfig, type Problem, type ProperName } from '../engine/index.js';
import type { Host } from './host.js';

export const CONFIG_NAME = '.plainwords.json';

const CATEGORY_FOLDERS = new Set(['nhs-jargon', 'care-services', 'medical', 'co-production', 'government-jargon', 'wordy-phrase', 'respectful-language', 'acronym']);

export interface Project {
  /** The config file in use; undefined when the document has none. */
  configUri?: string;
  config: PlainwordsConfig;
  /** Built-in dictionary plus the project's dictionaries and allow list. */
  data: DictionaryData;
  /** Dictionary paths (files or folders) the config names, as URIs. */
  dictionaryUris: string[];
  /** Problems of the latest read; when there are some, this is the last good project (or the defaults). */
  problems: Problem[];
}

export interface LoadResult {
  project?: Project;
  problems: Problem[];
  /** Text of each file read, by URI (to place problem diagnostics). */
  texts: Map<string, string>;
  dictionaryUris: string[];
}

function basename(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

function folderName(uri: string): string {
  return Utils.basename(Utils.dirname(URI.parse(uri)));
}

/** Read a config file and the dictionaries it names, layered over the built-in dictionary. */
export async function loadProjectFiles(host: Host, configUri: string): Promise<LoadResult> {
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  const problem = (file: string, message: string): Problem => ({ file, line: 1, column: 1, message });
  let text: string | undefined;
  try {
    text = await host.readFile(configUri);
    if (text === undefined) problems.push(problem(configUri, 'cannot be read: it no longer exists'));
  } catch (e) {
    problems.push(problem(configUri, `cannot be read: ${(e as Error).message}`));
  }
  if (text === undefined) return { problems, texts, dictionaryUris: [] };
  texts.set(configUri, text);
  const parsed = parseConfig(text, configUri);
  pushAll(problems, parsed.problems);
  if (!parsed.config) return { problems, texts, dictionaryUris: [] };
  const config = parsed.config;
  const base = host.builtin;
  const data: DictionaryData = { entries: [...base.entries], names: [...(base.names ?? [])], allow: [...(config.allow ?? [])] };
  const dictionaryUris: string[] = [];
  if (config.dictionaries?.length) {
    const root = Utils.dirname(URI.parse(configUri));
    const entries: LoadedEntry[] = [];
    const names: ProperName[] = [];
    for (const d of config.dictionaries) {
      const isAbsolute = d.startsWith('/') || /^[A-Za-z]:[\\/]/.test(d);
      const target = isAbsolute ? (root.scheme === 'file' ? URI.file(d) : undefined) : Utils.resolvePath(root, d.replace(/\\/g, '/'));
      if (!target) {
        problems.push({ ...problem(configUri, `dictionaries: "${d}" is an absolute path, which cannot be read here; use a path relative to ${CONFIG_NAME}`), field: 'dictionaries' });
        continue;
      }
      // Project dictionaries must be inside the config file's folder (as on the command line):
      // a project cannot make the server read files elsewhere ("../../etc"). docs/robustness.md
      const base = root.path.endsWith('/') ? root.path : root.path + '/';
      if (target.scheme !== root.scheme || target.authority !== root.authority || (target.path !== root.path && !target.path.startsWith(base))) {
        const i = config.dictionaries.indexOf(d);
        const at = parseJson(text, configUri, { comments: true }).locate(['dictionaries', i]);
        problems.push({ file: configUri, ...at, field: `dictionaries[${i}]`, message: `dictionaries[${i}] "${d}" is not read: it is outside the folder of the config file; project dictionaries must be inside it` });
        continue;
      }
      const targetUri = target.toString();
      dictionaryUris.push(targetUri);
      let files: string[];
      try {
        files = await host.listJsonFiles(targetUri);
      } catch (e) {
        problems.push({ ...problem(configUri, `dictionaries: "${d}" cannot be read: ${(e as Error).message}`), field: 'dictionaries' });
        continue;
      }
      for (const file of files) {
        let entryText: string | undefined;
        try {
          entryText = await host.readFile(file);
        } catch (e) {
          problems.push(problem(file, `cannot be read: ${(e as Error).message}`));
          continue;
        }
        if (entryText === undefined) continue;
        texts.set(file, entryText);
        const name = basename(file);
        if (name === 'proper-names.json' || name.endsWith('.names.json')) {
          const r = parseNames(entryText, file);
          pushAll(names, r.names);
          pushAll(problems, r.problems);
          continue;
        }
        const folder = folderName(file);
        const r = parseEntry(entryText, file, { id: name.replace(/\.json$/, ''), category: CATEGORY_FOLDERS.has(folder) ? folder : undefined });
        if (r.entry) entries.push(r.entry);
        pushAll(problems, r.problems);
      }
    }
    pushAll(problems, crossCheck(entries));
    // A project entry with the id of a built-in entry replaces it.
    const ids = new Set(entries.map((e) => e.entry.id));
    data.entries = data.entries.filter((e) => !ids.has(e.id)).concat(entries.map((e) => e.entry));
    pushAll(data.names!, names);
  }
  if (problems.length) return { problems, texts, dictionaryUris };
  return { project: { configUri, config, data, dictionaryUris, problems: [] }, problems, texts, dictionaryUris };
}

export interface ProjectEvents {
  /** A load found problems (the last good project stays in use). */
  onProblems(configUri: string, problems: Problem[], texts: Map<string, string>): void;
  /** A load was good (clear earlier problems). */
  onGood(configUri: string): void;
}

/** Finds and caches projects; reloads them when their files change. */
export class Projects {
  /** Folder URI → the config that applies there (null: none). */
  private folders = new Map<string, Promise<string | null>>();
  private loaded = new Map<string, Promise<Project>>();
  private lastGood = new Map<string, Project>();
  /** Config URI → dictionary folders it reads (to know which changes matter). */
  private dictionaryRoots = new Map<string, string[]>();
  readonly defaults: Project;

  constructor(
    private host: Host,
    private events: ProjectEvents,
    /** False in untrusted workspaces: project files are not read at all. */
    private readProjectFiles = true,
  ) {
    this.defaults = { config: {}, data: host.builtin, dictionaryUris: [], problems: [] };
  }

  /** The config file for a document: nearest at or above it, else in a workspace folder. */
  async configFor(documentUri: string, workspaceFolders: string[]): Promise<string | undefined> {
    if (!this.readProjectFiles) return undefined;
    if (this.host.canRead(documentUri)) {
      let dir = Utils.dirname(URI.parse(documentUri));
      for (let depth = 0; depth < 64; depth++) {
        const found = await this.inFolder(dir.toString());
        if (found) return found;
        const parent = Utils.dirname(dir);
        if (parent.path === dir.path) break;
        dir = parent;
      }
      return undefined;
    }
    for (const folder of workspaceFolders) {
      if (!this.host.canRead(folder)) continue;
      const found = await this.inFolder(folder);
      if (found) return found;
    }
    return undefined;
  }

  private inFolder(folderUri: string): Promise<string | null> {
    let p = this.folders.get(folderUri);
    if (!p) {
      const candidate = Utils.joinPath(URI.parse(folderUri), CONFIG_NAME).toString();
      p = this.host.readFile(candidate).then(
        (text) => (text === undefined ? null : candidate),
        () => candidate, // exists but unreadable: loading it reports why
      );
      this.folders.set(folderUri, p);
    }
    return p;
  }

  /** The project of a config file (the defaults when there is none). */
  get(configUri: string | undefined): Promise<Project> {
    if (!configUri) return Promise.resolve(this.defaults);
    let p = this.loaded.get(configUri);
    if (!p) {
      p = this.load(configUri);
      this.loaded.set(configUri, p);
    }
    return p;
  }

  private async load(configUri: string): Promise<Project> {
    const r = await loadProjectFiles(this.host, configUri);
    this.dictionaryRoots.set(configUri, r.dictionaryUris);
    if (r.project) {
      this.lastGood.set(configUri, r.project);
      this.events.onGood(configUri);
      return r.project;
    }
    this.events.onProblems(configUri, r.problems, r.texts);
    const good = this.lastGood.get(configUri);
    return { ...(good ?? { ...this.defaults, configUri }), problems: r.problems };
  }

  /** Every config and dictionary path in use (for watching). */
  watchedUris(): string[] {
    const out = new Set<string>();
    for (const uri of this.loaded.keys()) out.add(uri);
    for (const roots of this.dictionaryRoots.values()) for (const r of roots) out.add(r);
    return [...out];
  }

  dictionaryUris(): string[] {
    return [...new Set([...this.dictionaryRoots.values()].flat())];
  }

  /**
   * A file changed, was created or was deleted. Returns true when a project may differ now
   * (the caller re-checks open documents).
   */
  fileChanged(uri: string): boolean {
    let affected = false;
    if (basename(uri) === CONFIG_NAME) {
      // A config appearing or going away can change which config applies anywhere.
      this.folders.clear();
      if (this.loaded.delete(uri)) affected = true;
      affected = true;
    }
    const path = URI.parse(uri).toString();
    for (const [configUri, roots] of this.dictionaryRoots) {
      if (roots.some((r) => path === r || path.startsWith(r.endsWith('/') ? r : r + '/'))) {
        this.loaded.delete(configUri);
        affected = true;
      }
    }
    return affected;
  }

  /** Forget everything read (for example when trust changes). */
  reset(readProjectFiles = this.readProjectFiles): void {
    this.readProjectFiles = readProjectFiles;
    this.folders.clear();
    this.loaded.clear();
    this.dictionaryRoots.clear();
  }
}
