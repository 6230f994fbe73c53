/**
 * Desktop entry: runs the bundled Node language server (dist/server.js) over IPC.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, CLIENT_ID, CLIENT_NAME, deactivateClient, type PlainWordsApi } from './common.js';

export function activate(context: vscode.ExtensionContext): Promise<PlainWordsApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  return activateClient(context, (options) => ({ client: new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options) }), 'desktop');
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
