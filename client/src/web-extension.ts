/**
 * Web entry (vscode.dev, github.dev, and any browser VS Code): runs the bundled browser
 * language server (dist/browser-server.js) in a Worker.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, CLIENT_ID, CLIENT_NAME, deactivateClient, type PlainWordsApi } from './common.js';

/**
 * A worker running the script. VS Code cannot start a worker from a script on a remote
 * (vscode-remote:, for example code-server or a remote machine opened in the browser), so such a
 * script is read through VS Code and started from a blob: URL instead.
 */
async function startWorker(script: vscode.Uri, urls: string[]): Promise<Worker> {
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const code = await vscode.workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' }));
  urls.push(url);
  return new Worker(url);
}

export function activate(context: vscode.ExtensionContext): Promise<PlainWordsApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  return activateClient(
    context,
    (options) => {
      let worker: Worker | undefined;
      const urls: string[] = [];
      // Transports rather than the Worker: VS Code's own Worker wrapper fails the client's `instanceof Worker` test.
      const client = new LanguageClient(
        CLIENT_ID,
        CLIENT_NAME,
        async () => {
          worker = await startWorker(serverMain, urls);
          return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
        },
        options,
      );
      return {
        client,
        release: () => {
          worker?.terminate();
          for (const url of urls) URL.revokeObjectURL(url);
        },
      };
    },
    'web',
  );
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
