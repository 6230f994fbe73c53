/**
 * "Check Workspace": every file of a checked language in the workspace is opened (so the server
 * checks it), with progress and cancellation. Findings land in the Problems panel, and stay there
 * after VS Code closes a document it opened only for the check: they are kept in a second
 * diagnostic collection until the file is opened, changed or deleted.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { isPlainWords } from './commands.js';
import { checkedLanguages, workspaceGlob } from './settings.js';

const EXCLUDE = '**/{node_modules,.git,dist,out,build,coverage,.vscode-test}/**';
const MAX_FILES = 5000;
const PER_FILE_TIMEOUT_MS = 30_000;
/** Documents opened at once: the server checks them together. */
const CONCURRENCY = 16;

export class WorkspaceResults implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('plainwords-workspace');
  /** Documents the check opened that no editor asked for. */
  readonly opened = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.keep(d.uri)),
    );
    const glob = workspaceGlob(checkedLanguages());
    if (glob) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob, true, false, false);
      this.disposables.push(watcher, watcher.onDidChange((u) => this.forget(u)), watcher.onDidDelete((u) => this.forget(u)));
    }
  }

  /** A document the check opened is being closed: keep its findings visible. */
  private keep(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.opened.delete(key)) return;
    const findings = vscode.languages.getDiagnostics(uri).filter(isPlainWords);
    if (findings.length) this.collection.set(uri, findings);
  }

  private forget(uri: vscode.Uri): void {
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.collection.delete(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Resolve when the diagnostics of `uri` change (the server has checked it), or after a timeout. */
function diagnosticsChanged(uri: vscode.Uri, timeoutMs: number, token: vscode.CancellationToken): { promise: Promise<boolean>; dispose: () => void } {
  let done: (v: boolean) => void = () => {};
  const promise = new Promise<boolean>((resolve) => (done = resolve));
  const key = uri.toString();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === key)) done(true);
  });
  const cancel = token.onCancellationRequested(() => done(false));
  const timer = setTimeout(() => done(false), timeoutMs);
  const dispose = () => {
    sub.dispose();
    cancel.dispose();
    clearTimeout(timer);
  };
  void promise.then(dispose);
  return { promise, dispose };
}

let results: WorkspaceResults | undefined;

export interface WorkspaceCheckSummary {
  checked: number;
  total: number;
  cancelled: boolean;
  findings: number;
  files: number;
}

export async function checkWorkspace(getClient: () => BaseLanguageClient | undefined, log: vscode.LogOutputChannel): Promise<WorkspaceCheckSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Plain Words: open a folder to check its documents.');
    return undefined;
  }
  const languages = checkedLanguages();
  const glob = workspaceGlob(languages);
  if (!glob) {
    void vscode.window.showInformationMessage(`Plain Words: none of the checked languages (${languages.join(', ')}) has known file extensions to look for.`);
    return undefined;
  }
  const client = getClient();
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('Plain Words: the language server is not running. Run "Plain Words: Restart Server".');
    return undefined;
  }
  // A server that publishes (push) clears a document's findings when it is closed; keep them.
  // With pull diagnostics the client keeps workspace results itself.
  const push = !client.initializeResult?.capabilities.diagnosticProvider;
  if (push) results ??= new WorkspaceResults();
  const started = Date.now();
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Plain Words: checking the workspace', cancellable: true },
    async (progress, token) => {
      progress.report({ message: 'finding documents…' });
      const files = await vscode.workspace.findFiles(glob, EXCLUDE, MAX_FILES, token);
      files.sort((a, b) => a.toString().localeCompare(b.toString()));
      let checked = 0;
      let late = 0;
      let next = 0;
      const checkOne = async (uri: vscode.Uri): Promise<void> => {
        const key = uri.toString();
        if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
          checked++;
          return;
        }
        const wait = diagnosticsChanged(uri, PER_FILE_TIMEOUT_MS, token);
        if (push) results!.opened.add(key);
        try {
          // Opening the document (no editor) sends it to the server, which checks it.
          const document = await vscode.workspace.openTextDocument(uri);
          if (!languages.includes(document.languageId)) {
            wait.dispose();
            results?.opened.delete(key);
            return;
          }
          if (!(await wait.promise) && !token.isCancellationRequested) late++;
          checked++;
        } catch (e) {
          wait.dispose();
          results?.opened.delete(key);
          log.warn(`Check workspace: cannot open ${vscode.workspace.asRelativePath(uri)}: ${(e as Error).message ?? e}`);
        }
      };
      const worker = async () => {
        while (next < files.length && !token.isCancellationRequested) {
          if (!getClient()?.isRunning()) throw new Error('the language server stopped');
          const uri = files[next++]!;
          await checkOne(uri);
          progress.report({ message: `${checked} of ${files.length}: ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
      if (late) log.warn(`Check workspace: ${late} file(s) had no result within ${PER_FILE_TIMEOUT_MS / 1000} s; they may have no findings.`);
      return { checked, total: files.length, cancelled: token.isCancellationRequested };
    },
  );
  const findings = countFindings();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const text = `Plain Words: ${summary.cancelled ? 'stopped after' : 'checked'} ${summary.checked} of ${summary.total} document(s) in ${seconds} s: ${findings.findings} finding(s) in ${findings.files} file(s).`;
  log.info(text);
  void vscode.window.showInformationMessage(text, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return { ...summary, ...findings };
}

function countFindings(): { findings: number; files: number } {
  let findings = 0;
  let files = 0;
  for (const [, diags] of vscode.languages.getDiagnostics()) {
    const n = diags.filter(isPlainWords).length;
    if (n) {
      findings += n;
      files++;
    }
  }
  return { findings, files };
}

export function disposeWorkspaceResults(): void {
  results?.dispose();
  results = undefined;
}
