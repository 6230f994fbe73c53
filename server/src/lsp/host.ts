/**
 * What the language server needs from the platform it runs on. Node reads the file system;
 * the browser worker asks the editor. Everything else in the server is shared.
 */
import type { DictionaryData } from '../engine/index.js';

export interface Disposable {
  dispose(): void;
}

export interface Host {
  /** The built-in dictionary. */
  readonly builtin: DictionaryData;
  /** True when files under this URI can be read (for example only `file:` URIs in Node). */
  canRead(uri: string): boolean;
  /**
   * A text file's content; `undefined` when it does not exist. Throws an Error with a readable
   * message when it exists but cannot be read. Nothing read is ever run: JSON data only.
   */
  readFile(uri: string): Promise<string | undefined>;
  /** The `*.json` files under a dictionary path (a file or a folder), as URIs, sorted. */
  listJsonFiles(uri: string): Promise<string[]>;
  /**
   * Watch files and folders for changes, for clients that cannot tell the server
   * (workspace/didChangeWatchedFiles). Optional: hosts without it rely on the client.
   */
  watch?(uris: string[], onChange: (uri: string) => void): Disposable;
  /** Where the server writes its own last-resort log lines (stderr in Node). */
  log?(message: string): void;
}
