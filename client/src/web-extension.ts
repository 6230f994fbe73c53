/**
 * Web entry (vscode.dev, github.dev): runs the bundled browser language server
 * (dist/browser-server.js) in a Worker.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, CLIENT_ID, CLIENT_NAME, type PlainWordsApi } from './common.js';

export function activate(context: vscode.ExtensionContext): Promise<PlainWordsApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  return activateClient(
    context,
    (options) => {
      const worker = new Worker(serverMain.toString(true));
      return { client: new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, options), release: () => worker.terminate() };
    },
    'web',
  );
}

export function deactivate(): void {
  /* the client is stopped through context.subscriptions */
}
