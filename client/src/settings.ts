/**
 * The client's own settings (the server reads the rest of the `plainwords` section itself).
 */
import * as vscode from 'vscode';

export const SECTION = 'plainwords';
export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

/** The language ids to check, from `plainwords.languages`; bad values are dropped, never thrown. */
export function checkedLanguages(): string[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('languages', DEFAULT_LANGUAGES);
  if (!Array.isArray(raw)) return DEFAULT_LANGUAGES;
  const ids = raw.filter((l): l is string => typeof l === 'string' && /^[\w.+-]{1,64}$/.test(l));
  return [...new Set(ids)];
}

export function isChecked(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && checkedLanguages().includes(document.languageId);
}

/** Glob of file extensions for the checked languages, for finding workspace files. */
export function workspaceGlob(languages: string[]): string | undefined {
  const exts = new Set<string>();
  for (const id of languages) for (const ext of LANGUAGE_EXTENSIONS[id] ?? []) exts.add(ext);
  return exts.size ? `**/*.{${[...exts].sort().join(',')}}` : undefined;
}

/** Well-known file extensions of prose languages; other ids are checked in open editors only. */
const LANGUAGE_EXTENSIONS: Record<string, string[]> = {
  markdown: ['md', 'markdown', 'mdown', 'mkd'],
  plaintext: ['txt'],
  mdx: ['mdx'],
  asciidoc: ['adoc', 'asciidoc'],
  restructuredtext: ['rst'],
};
