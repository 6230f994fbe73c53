// Shared by the server robustness tests: the oracle (a fresh engine check of a text, as the
// server would publish it) and a raw stdio client for the bundled server (real framing).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { check, compileDictionary, type DictionaryData } from '../../server/src/engine/index.js';
import { toDiagnostics } from '../../server/src/lsp/convert.js';
import { effectiveConfig, readSettings } from '../../server/src/lsp/settings.js';
import { TEST_DICTIONARY } from '../lsp/harness.js';
import { root } from '../lsp/build.js';

const compiled = new Map<DictionaryData, ReturnType<typeof compileDictionary>>();

/** The diagnostics a fresh check of `text` gives under the default settings and no project file. */
export function freshDiagnostics(text: string, data: DictionaryData = TEST_DICTIONARY, format: 'markdown' | 'text' = 'markdown'): Diagnostic[] {
  let dictionary = compiled.get(data);
  if (!dictionary) compiled.set(data, (dictionary = compileDictionary(data)));
  const config = effectiveConfig(readSettings(null).settings, {});
  return toDiagnostics(check(text, { dictionary, format, config }).findings).diagnostics;
}

/** A comparable form of diagnostics: all of each one (they hold nothing version-specific). */
export function shape(ds: Diagnostic[]): string[] {
  return ds.map((d) => JSON.stringify(d));
}

export interface Frame {
  /** The raw bytes of the body. */
  body: Buffer;
  /** The declared Content-Length. */
  length: number;
  message?: { id?: number | string; method?: string; params?: any; result?: any; error?: { code: number; message: string } };
}

/**
 * dist/server.js over stdio with a hand-written transport: the test writes exact bytes (so it
 * can send broken frames) and reads every frame back byte for byte.
 */
export class RawServer {
  readonly child: ChildProcess;
  readonly frames: Frame[] = [];
  stderr = '';
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private buffer = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  private nextId = 1;

  constructor(args: string[] = ['--stdio']) {
    this.child = spawn(process.execPath, [join(root, 'dist', 'server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.child.stdin!.on('error', () => undefined);
    this.exit = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`a frame without Content-Length: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) break;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length);
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      let message: Frame['message'];
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch {
        message = undefined;
      }
      this.frames.push({ body: Buffer.from(body), length, message });
      // Answer the server's own requests the way a minimal client does.
      if (message?.id !== undefined && message.method) this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null });
    }
    for (const w of this.waiters.splice(0)) w();
  }

  /** Write raw bytes. */
  write(bytes: string | Buffer): void {
    this.child.stdin!.write(bytes);
  }

  /** Write one well-formed frame. */
  send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request(method: string, params: unknown): number {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return id;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async until<T>(what: string, test: () => T | undefined, timeout = 20000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const v = test();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 500);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  response(id: number): Promise<NonNullable<Frame['message']>> {
    return this.until(`the answer to request ${id}`, () => this.frames.find((f) => f.message?.id === id && !f.message.method)?.message);
  }

  async initialize(initializationOptions: unknown = { debounce: 0 }): Promise<void> {
    const id = this.request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions });
    await this.response(id);
    this.notify('initialized', {});
  }

  published(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri}`, () => {
      for (let i = this.frames.length - 1; i >= 0; i--) {
        const m = this.frames[i].message;
        if (m?.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version)) return m.params.diagnostics as Diagnostic[];
      }
      return undefined;
    });
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}
