/**
 * Answers the server's requests for project files: `plainwords/readFile` and
 * `plainwords/listJsonFiles`. The browser server has no file system, so it reads
 * .plainwords.json and project dictionaries through VS Code (which also works in virtual
 * workspaces such as github.dev). Only JSON files inside an open workspace folder are given,
 * never anything in an untrusted workspace, and nothing read is ever run.
 */
import * as vscode from 'vscode';

export const READ_FILE_REQUEST = 'plainwords/readFile';
export const LIST_JSON_FILES_REQUEST = 'plainwords/listJsonFiles';

const MAX_FILE_BYTES = 2_000_000;
const MAX_FILES = 10_000;
const SKIP_FOLDERS = new Set(['node_modules', '.git']);

export class FileRequestError extends Error {}

/** The URI if the server may read it (trusted workspace, inside a workspace folder), else undefined. */
function allowed(raw: unknown): vscode.Uri | undefined {
  if (!raw || typeof raw !== 'object' || typeof (raw as { uri?: unknown }).uri !== 'string') throw new FileRequestError('expected { uri: string }');
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse((raw as { uri: string }).uri, true);
  } catch {
    throw new FileRequestError(`not a URI: ${(raw as { uri: string }).uri}`);
  }
  if (!vscode.workspace.isTrusted || !vscode.workspace.getWorkspaceFolder(uri) || uri.path.split('/').includes('..')) return undefined;
  return uri;
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return undefined;
    throw e;
  }
}

/**
 * `{ text }` for a JSON file in the workspace; null when it does not exist, or is outside the
 * workspace folders (the server looks for .plainwords.json in every folder above a document).
 */
export async function readFileRequest(params: unknown): Promise<{ text: string } | null> {
  const uri = allowed(params);
  if (!uri) return null;
  if (!uri.path.endsWith('.json')) throw new FileRequestError('only .json files are given to the server');
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText() };
  const st = await statOf(uri);
  if (!st || st.type & vscode.FileType.Directory) return null;
  if (st.size > MAX_FILE_BYTES) throw new FileRequestError(`it is larger than ${MAX_FILE_BYTES / 1_000_000} MB`);
  return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
}

/** The *.json files under a folder (or the file itself), as URI strings, sorted. */
export async function listJsonFilesRequest(params: unknown): Promise<string[]> {
  const root = allowed(params);
  if (!root) throw new FileRequestError('only folders inside a trusted workspace folder are read');
  const st = await statOf(root);
  if (!st) throw new FileRequestError(`${vscode.workspace.asRelativePath(root)} does not exist`);
  if (!(st.type & vscode.FileType.Directory)) return root.path.endsWith('.json') ? [root.toString()] : [];
  const out: string[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    const entries = await vscode.workspace.fs.readDirectory(dir);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      if (out.length >= MAX_FILES) return;
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!SKIP_FOLDERS.has(name) && !(type & vscode.FileType.SymbolicLink)) await walk(child);
      } else if (name.endsWith('.json')) out.push(child.toString());
    }
  };
  await walk(root);
  return out.sort();
}
