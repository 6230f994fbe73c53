/**
 * The language server in a browser web worker (vscode.dev, github.dev): the same server as on
 * Node, with a host that has no file system. The built-in dictionary is bundled. Project files
 * (.plainwords.json and its dictionaries) are read by asking the editor with two requests,
 * `plainwords/readFile` and `plainwords/listJsonFiles` (docs/editors.md); an editor that does not
 * answer them gets the built-in dictionary and its settings only.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/browser';
import builtin from 'plainwords:dictionary';
import type { DictionaryData } from '../engine/index.js';
import type { Host } from './host.js';
import { createServer } from './server.js';

declare const self: object;
declare const PLAINWORDS_VERSION: string | undefined;

export const READ_FILE_REQUEST = 'plainwords/readFile';
export const LIST_JSON_FILES_REQUEST = 'plainwords/listJsonFiles';

/** A host that asks the editor for files. */
export function createBrowserHost(connection: Connection, data: DictionaryData = builtin): Host {
  let unsupported = false;
  const ask = async <T>(method: string, uri: string): Promise<T | undefined> => {
    if (unsupported) return undefined;
    try {
      return (await connection.sendRequest(method, { uri })) as T;
    } catch (e) {
      if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound) {
        unsupported = true;
        connection.console.info('Plain Words: this editor cannot give the server project files, so .plainwords.json is not read here.');
        return undefined;
      }
      throw new Error((e as Error)?.message ?? String(e));
    }
  };
  return {
    builtin: data,
    canRead: (uri) => !uri.startsWith('untitled:'),
    async readFile(uri) {
      const r = await ask<{ text?: unknown } | null>(READ_FILE_REQUEST, uri);
      return r && typeof r.text === 'string' ? r.text : undefined;
    },
    async listJsonFiles(uri) {
      const r = await ask<unknown>(LIST_JSON_FILES_REQUEST, uri);
      return Array.isArray(r) ? r.filter((u): u is string => typeof u === 'string').sort() : [];
    },
  };
}

export function startBrowserServer(port: object = self): void {
  const connection = createConnection(new BrowserMessageReader(port as never), new BrowserMessageWriter(port as never));
  createServer(connection, { host: createBrowserHost(connection), version: typeof PLAINWORDS_VERSION === 'string' ? PLAINWORDS_VERSION : undefined });
  connection.listen();
}

startBrowserServer();
