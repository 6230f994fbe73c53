/**
 * The `plainwords.*` commands that act on the editor: fix all, add to the word list, open the
 * dictionary entry for a finding.
 */
import * as vscode from 'vscode';
import { addToWordList, CONFIG_FILE } from './word-list.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('plainwords');

/** Findings from Plain Words (by diagnostic source) in a document. */
export function plainWordsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => isPlainWords(d));
}

export function isPlainWords(d: vscode.Diagnostic): boolean {
  return (d.source ?? '').toLowerCase().replace(/\s+/g, '') === 'plainwords';
}

/** Apply the server's `source.fixAll.plainwords` action to a document; returns whether anything changed. */
export async function fixAll(document: vscode.TextDocument): Promise<boolean> {
  const full = new vscode.Range(0, 0, document.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, full, FIX_ALL_KIND.value)) ?? [];
  let changed = false;
  for (const action of actions) {
    if (!action.kind || !FIX_ALL_KIND.contains(action.kind)) continue;
    if (action.edit && action.edit.size > 0) changed = (await vscode.workspace.applyEdit(action.edit)) || changed;
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  return changed;
}

/** The folder whose .plainwords.json a document belongs to (nearest config at or above it inside the folder). */
async function configFor(document: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const folder = (document && vscode.workspace.getWorkspaceFolder(document)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  if (document && document.scheme === folder.uri.scheme) {
    let dir = vscode.Uri.joinPath(document, '..');
    while (dir.path.length >= folder.uri.path.length && dir.path.startsWith(folder.uri.path)) {
      const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE);
      try {
        await vscode.workspace.fs.stat(candidate);
        return candidate;
      } catch {
        /* not here: look one level up */
      }
      const parent = vscode.Uri.joinPath(dir, '..');
      if (parent.path === dir.path) break;
      dir = parent;
    }
  }
  return vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
}

/** Add a term (the argument, else the selection, else the word at the cursor) to the project word list. */
export async function addSelectionToWordList(term?: unknown, target?: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  let text = typeof term === 'string' ? term : undefined;
  if (text === undefined && editor) {
    const sel = editor.selection;
    const range = sel.isEmpty ? editor.document.getWordRangeAtPosition(sel.active, /[\p{L}\p{N}'’-]+/u) : sel;
    text = range ? editor.document.getText(range) : undefined;
  }
  if (!text) {
    void vscode.window.showWarningMessage('Plain Words: select a word or phrase to add to the project word list.');
    return;
  }
  const docUri = typeof target === 'string' ? vscode.Uri.parse(target) : target instanceof vscode.Uri ? target : editor?.document.uri;
  const configUri = await configFor(docUri);
  if (!configUri) {
    void vscode.window.showWarningMessage('Plain Words: open a folder to keep a project word list (.plainwords.json).');
    return;
  }
  let current: string | undefined;
  try {
    current = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
  } catch {
    current = undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  if (open) current = open.getText();
  const eol = current?.includes('\r\n') ? '\r\n' : '\n';
  const result = addToWordList(current, text, eol);
  if (!result.ok) {
    const choice = await vscode.window.showErrorMessage(`Plain Words: ${result.error}`, 'Open file');
    if (choice) await vscode.window.showTextDocument(configUri);
    return;
  }
  if (!result.added) {
    void vscode.window.showInformationMessage(`Plain Words: “${text.trim()}” is already in the project word list.`);
    return;
  }
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(configUri, new vscode.Range(0, 0, open.lineCount, 0), result.text);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(result.text));
  }
  void vscode.window.setStatusBarMessage(`Plain Words: added “${text.trim()}” to ${vscode.workspace.asRelativePath(configUri)}`, 5000);
}

function findingUrl(d: vscode.Diagnostic): vscode.Uri | undefined {
  const code = d.code;
  if (code && typeof code === 'object' && code.target) return code.target;
  return undefined;
}

/** Open the dictionary entry (its documentation) for the finding under the cursor, or for a URL given. */
export async function openDictionaryEntry(arg?: unknown): Promise<void> {
  if (typeof arg === 'string' && /^https?:\/\//.test(arg)) {
    await vscode.env.openExternal(vscode.Uri.parse(arg));
    return;
  }
  if (arg instanceof vscode.Uri) {
    await vscode.env.openExternal(arg);
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Plain Words: put the cursor on a finding to open its dictionary entry.');
    return;
  }
  const at = editor.selection.active;
  const all = plainWordsDiagnostics(editor.document.uri).filter((d) => findingUrl(d));
  const here = all.filter((d) => d.range.contains(at));
  const candidates = here.length ? here : all;
  if (!candidates.length) {
    void vscode.window.showInformationMessage('Plain Words: there is no finding here with a dictionary entry.');
    return;
  }
  let chosen = candidates[0]!;
  if (candidates.length > 1) {
    const pick = await vscode.window.showQuickPick(
      candidates.map((d) => ({ label: editor.document.getText(d.range), description: `line ${d.range.start.line + 1}`, detail: d.message, d })),
      { placeHolder: 'Open the dictionary entry for which finding?' },
    );
    if (!pick) return;
    chosen = pick.d;
  }
  await vscode.env.openExternal(findingUrl(chosen)!);
}
