/**
 * What the desktop and web clients share: starting the language server, the commands, the
 * status bar and the report view. The two entry points only say how the server is started.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { LIST_JSON_FILES_REQUEST, listJsonFilesRequest, READ_FILE_REQUEST, readFileRequest } from './file-requests.js';
import { addSelectionToWordList, fixAll, openDictionaryEntry, plainWordsDiagnostics } from './commands.js';
import { countJargon, READABILITY_REQUEST, toReportView, type ReportView } from './protocol.js';
import { ReportPanel } from './report-panel.js';
import { checkedLanguages, isChecked, SECTION } from './settings.js';
import { ReadingAgeStatus } from './status-bar.js';
import { checkWorkspace, disposeWorkspaceResults } from './workspace-check.js';

export type Platform = 'desktop' | 'web';
/** Makes a client for the options; `release` frees what the client does not (the web worker). */
export type ClientFactory = (options: LanguageClientOptions) => { client: BaseLanguageClient; release?: () => void };

/** What the extension returns from activate(), for tests and other extensions. */
export interface PlainWordsApi {
  readonly client: BaseLanguageClient | undefined;
  readability(uri: vscode.Uri): Promise<ReportView | undefined>;
  restart(): Promise<void>;
}

export const CLIENT_ID = 'plainwords';
export const CLIENT_NAME = 'Plain Words';

/** Options sent with `initialize`: the server loads nothing from the workspace unless `trusted`. */
export function initializationOptions(platform: Platform): Record<string, unknown> {
  return { trusted: vscode.workspace.isTrusted, platform, languages: checkedLanguages() };
}

let stopCurrent: (() => Promise<void>) | undefined;

/** Stop the language server (from deactivate(), which VS Code waits for). */
export function deactivateClient(): Promise<void> {
  const stop = stopCurrent;
  stopCurrent = undefined;
  return stop ? stop() : Promise.resolve();
}

export async function activateClient(context: vscode.ExtensionContext, createClient: ClientFactory, platform: Platform): Promise<PlainWordsApi> {
  const log = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(log);
  let client: BaseLanguageClient | undefined;
  let release: (() => void) | undefined;
  let starting: Promise<void> | undefined;

  const options = (): LanguageClientOptions => ({
    documentSelector: checkedLanguages().map((language) => ({ language })),
    initializationOptions: initializationOptions(platform),
    // The server reads settings with workspace/configuration and is told when they really change
    // (see settingsChanged below); it watches .plainwords.json and project dictionaries itself.
    outputChannel: log,
    diagnosticCollectionName: CLIENT_ID,
    markdown: { isTrusted: false, supportHtml: false },
  });

  const start = async (): Promise<void> => {
    const made = createClient(options());
    const next = made.client;
    client = next;
    release = made.release;
    // The browser server reads project files through these (the Node server reads the disk).
    next.onRequest(READ_FILE_REQUEST, readFileRequest);
    next.onRequest(LIST_JSON_FILES_REQUEST, listJsonFilesRequest);
    try {
      await next.start();
      log.info(`Plain Words server started (${platform}, workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted'}).`);
    } catch (e) {
      log.error(`Plain Words server failed to start: ${(e as Error).message ?? e}`);
      void vscode.window.showErrorMessage(`Plain Words: the language server failed to start. ${(e as Error).message ?? ''}`, 'Show log').then((c) => c && log.show());
    }
    status.schedule(0);
  };

  const stop = async (): Promise<void> => {
    const current = client;
    const free = release;
    client = undefined;
    release = undefined;
    if (current) {
      try {
        if (current.isRunning()) await current.stop(5000);
        await current.dispose();
      } catch (e) {
        log.warn(`Stopping the server: ${(e as Error).message ?? e}`);
      }
    }
    free?.();
  };

  const restart = async (): Promise<void> => {
    await starting;
    starting = (async () => {
      await stop();
      await start();
    })();
    await starting;
  };

  /** The readability report; `summary`: the document's figures only (the status bar asks after every change). */
  const readability = async (uri: vscode.Uri, token?: vscode.CancellationToken, summary = false): Promise<ReportView | undefined> => {
    await starting;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!client || !client.isRunning() || !isChecked(document)) return undefined;
    // The report view lists sections, never paragraphs: it asks without them (most of a long document's report).
    const params = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) }, ...(summary ? { summary: true } : { paragraphs: false }) };
    // No token argument at all when there is none: an undefined one would be sent as a parameter.
    const raw = token ? await client.sendRequest<unknown>(READABILITY_REQUEST, params, token) : await client.sendRequest<unknown>(READABILITY_REQUEST, params);
    if (raw === null || raw === undefined) return undefined;
    if (summary) return toReportView(raw, []);
    const findings = plainWordsDiagnostics(uri).map((d) => ({
      code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''),
      actual: document.getText(d.range),
      message: d.message,
    }));
    return toReportView(raw, countJargon(findings));
  };

  const status = new ReadingAgeStatus((uri, token) => readability(uri, token, true), log);
  const report = new ReportPanel(readability, log);
  context.subscriptions.push(status, report);

  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg('plainwords.restartServer', async () => {
    await restart();
    void vscode.window.setStatusBarMessage('Plain Words: server restarted', 3000);
  });
  reg('plainwords.showReadabilityReport', async (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri ?? report.visibleDocument;
    const document = uri && (await vscode.workspace.openTextDocument(uri));
    if (!isChecked(document)) {
      void vscode.window.showInformationMessage(`Plain Words: open a ${checkedLanguages().join(' or ')} document to see its readability report.`);
      return;
    }
    await report.show(document.uri);
  });
  reg('plainwords.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!isChecked(editor?.document)) {
      void vscode.window.showInformationMessage('Plain Words: open a document to fix.');
      return;
    }
    const changed = await fixAll(editor.document);
    if (!changed) void vscode.window.setStatusBarMessage('Plain Words: nothing to fix automatically', 4000);
  });
  reg('plainwords.addToWordList', (term?: unknown, uri?: unknown) => addSelectionToWordList(term, uri));
  reg('plainwords.openDictionaryEntry', (arg?: unknown) => openDictionaryEntry(arg));
  reg('plainwords.checkWorkspace', () => checkWorkspace(() => client, log));

  const snapshot = () =>
    JSON.stringify([vscode.workspace.getConfiguration(SECTION), ...(vscode.workspace.workspaceFolders ?? []).map((f) => vscode.workspace.getConfiguration(SECTION, f.uri))]);
  let lastSettings = snapshot();
  const settingsChanged = (): boolean => {
    const now = snapshot();
    const changed = now !== lastSettings;
    lastSettings = now;
    return changed;
  };

  // Menus show "when editorLangId in plainwords.languages".
  const setLanguagesContext = () => void vscode.commands.executeCommand('setContext', 'plainwords.languages', checkedLanguages());
  setLanguagesContext();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.languages`)) setLanguagesContext();
      if (e.affectsConfiguration(`${SECTION}.languages`)) void restart();
      else if (e.affectsConfiguration(SECTION) && settingsChanged()) {
        // Every notification makes the server re-check all open documents: send one only when a
        // value changed (VS Code also reports changes that leave the values as they were).
        if (client?.isRunning()) void client.sendNotification('workspace/didChangeConfiguration', { settings: null });
        status.schedule(200);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info('Workspace trusted: restarting the server so that it reads the project config and dictionaries.');
      void restart();
    }),
    { dispose: () => void stop() },
    { dispose: disposeWorkspaceResults },
  );

  stopCurrent = stop;
  starting = start();
  await starting;
  return {
    get client() {
      return client;
    },
    readability: (uri) => readability(uri),
    restart,
  };
}
