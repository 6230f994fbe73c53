/**
 * The Node host: reads project files from disk (file: URIs only) and watches them when the
 * editor cannot. Reads only; nothing read is ever run.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import { listJsonFiles } from '../node/dictionary.js';
import { builtinDictionary } from '../node/builtin.js';
import type { Disposable, Host } from './host.js';

/** Project files larger than this are refused (the engine's JSON limit). */
const MAX_FILE_BYTES = 2_000_000;

function pathOf(uri: string): string | undefined {
  const u = URI.parse(uri);
  return u.scheme === 'file' ? u.fsPath : undefined;
}

export function createNodeHost(): Host {
  return {
    builtin: builtinDictionary,
    canRead: (uri) => pathOf(uri) !== undefined,
    async readFile(uri) {
      const path = pathOf(uri);
      if (!path) return undefined;
      try {
        const st = await stat(path);
        if (!st.isFile()) return undefined;
        if (st.size > MAX_FILE_BYTES) throw new Error(`it is larger than ${MAX_FILE_BYTES / 1_000_000} MB`);
        return await readFile(path, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw e;
      }
    },
    async listJsonFiles(uri) {
      const path = pathOf(uri);
      if (!path) throw new Error('only files on disk can be read');
      return listJsonFiles(path).map((p) => URI.file(p).toString());
    },
    watch(uris, onChange): Disposable {
      // Config files are watched through their folder: editors often save by replacing the file.
      const watchers: FSWatcher[] = [];
      const files = new Map<string, Map<string, string>>();
      for (const uri of uris) {
        const path = pathOf(uri);
        if (!path) continue;
        if (path.endsWith('.json')) {
          const dir = dirname(path);
          if (!files.has(dir)) files.set(dir, new Map());
          files.get(dir)!.set(basename(path), uri);
        } else {
          try {
            const w = watch(path, { persistent: false, recursive: true }, (_event, name) => onChange(name ? URI.file(join(path, String(name))).toString() : uri));
            w.on('error', () => undefined);
            watchers.push(w);
          } catch {
            // Missing or unwatchable: the editor's own notifications (if any) still work.
          }
        }
      }
      for (const [dir, names] of files) {
        try {
          const w = watch(dir, { persistent: false }, (_event, name) => {
            const uri = name ? names.get(String(name)) : undefined;
            if (uri) onChange(uri);
          });
          w.on('error', () => undefined);
          watchers.push(w);
        } catch {
          // As above.
        }
      }
      return { dispose: () => watchers.forEach((w) => w.close()) };
    },
    log(message) {
      process.stderr.write(message.endsWith('\n') ? message : message + '\n');
    },
  };
}
