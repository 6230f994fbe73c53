// An in-memory LSP client for the Plain Words server: two streams, the real server code and a
// JSON-RPC client, so tests exercise the protocol without a process or an editor.
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { createProtocolConnection, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  WorkspaceEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createServer, type PlainwordsServer, type ServerOptions } from '../../server/src/lsp/server.js';
import { createNodeHost } from '../../server/src/lsp/node-host.js';
import type { Host } from '../../server/src/lsp/host.js';
import type { DictionaryData, Entry } from '../../server/src/engine/index.js';

/** A small, fixed dictionary so protocol tests do not move when the built-in one grows. */
export const TEST_DICTIONARY: DictionaryData = {
  entries: [
    { id: 'utilise', terms: ['utilise'], inflect: 'verb', replacements: ['use'], why: 'Say use.', category: 'government-jargon', source: 'Test source', examples: { flag: [] } },
    { id: 'leverage', terms: ['leverage'], inflect: 'verb', replacements: ['use', 'make the most of'], why: 'Say what you mean.', category: 'government-jargon', source: 'Test source', examples: { flag: [] } },
    { id: 'in-order-to', terms: ['in order to'], inflect: 'none', replacements: ['to'], why: 'Shorter.', category: 'wordy-phrase', source: 'Test source', examples: { flag: [] } },
    { id: 'outpatient', terms: ['outpatient'], inflect: 'none', replacements: [{ text: 'hospital', fixable: false }], why: 'Not everyone knows it.', category: 'nhs-jargon', source: 'Test source', examples: { flag: [] } },
    { id: 'gp', kind: 'acronym', terms: ['GP'], caseSensitive: true, expansion: 'general practitioner', why: 'Not everyone knows it.', category: 'acronym', source: 'Test source', examples: { flag: [] } },
  ] as Entry[],
  names: [],
};

export function testHost(data: DictionaryData = TEST_DICTIONARY): Host {
  return { ...createNodeHost(), builtin: data };
}

export interface Message {
  type: number;
  message: string;
}

export interface HarnessOptions extends Partial<ServerOptions> {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answer to workspace/configuration (per item); undefined: the capability is not declared. */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  rootUri?: string | null;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    configuration: true,
  },
  textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
};

export class Harness {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: Message[] = [];
  readonly logs: Message[] = [];
  readonly registrations: unknown[] = [];
  private waiters: Array<() => void> = [];
  private mirrors = new Map<string, TextDocument>();

  constructor(
    readonly client: ProtocolConnection,
    readonly server: PlainwordsServer,
  ) {}

  notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Wait until a condition holds, re-checking on every message from the server. */
  async until<T>(what: string, check: () => T | undefined | false, timeout = 10000): Promise<T> {
    const end = Date.now() + timeout;
    for (;;) {
      const v = check();
      if (v) return v;
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The diagnostics published for a document version. */
  diagnosticsFor(uri: string, version?: number, timeout?: number): Promise<Diagnostic[]> {
    return this.until(`diagnostics for ${uri}${version !== undefined ? ` version ${version}` : ''}`, () => {
      for (let i = this.published.length - 1; i >= 0; i--) {
        const p = this.published[i];
        if (p.uri === uri && (version === undefined || p.version === version)) return p.diagnostics;
      }
      return undefined;
    }, timeout);
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.mirrors.set(uri, TextDocument.create(uri, languageId, version, text));
    void this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const doc = this.mirrors.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.mirrors.set(uri, next);
    void this.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  close(uri: string): void {
    this.mirrors.delete(uri);
    void this.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.mirrors.get(uri)!.getText();
  }

  mirror(uri: string): TextDocument {
    return this.mirrors.get(uri)!;
  }

  codeActions(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, only?: string[]): Promise<CodeAction[]> {
    return this.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only } }) as Promise<CodeAction[]>;
  }

  dispose(): void {
    this.client.dispose();
  }
}

/** The edits of a workspace edit for one document (versioned or not). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): { edits: TextEdit[]; version?: number | null } {
  if (!edit) return { edits: [] };
  if (edit.documentChanges) {
    for (const c of edit.documentChanges) {
      if ('textDocument' in c && c.textDocument.uri === uri) return { edits: c.edits as TextEdit[], version: c.textDocument.version };
    }
    return { edits: [] };
  }
  return { edits: edit.changes?.[uri] ?? [] };
}

/** Apply text edits the way an editor does (throws on overlapping edits). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'x', 0, text), edits);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const up = new PassThrough();
  const down = new PassThrough();
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
  const server = createServer(connection, { host: options.host ?? testHost(), rules: options.rules, beforeCheck: options.beforeCheck, afterCheck: options.afterCheck, onRequest: options.onRequest });
  connection.listen();
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const h = new Harness(client, server);
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    h.published.push(p);
    h.notify();
  });
  client.onNotification('window/showMessage', (p: Message) => {
    h.messages.push(p);
    h.notify();
  });
  client.onNotification('window/logMessage', (p: Message) => {
    h.logs.push(p);
    h.notify();
  });
  client.onRequest('window/showMessageRequest', (p: Message) => {
    h.messages.push(p);
    h.notify();
    return null;
  });
  client.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
    h.registrations.push(...p.registrations);
    h.notify();
    return null;
  });
  client.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string; section?: string }> }) => p.items.map((i) => (options.configuration ? options.configuration(i) : null)));
  client.onRequest('workspace/diagnostic/refresh', () => null);
  client.listen();
  const capabilities: ClientCapabilities = { ...(options.capabilities ?? FULL_CAPABILITIES) };
  if (options.configuration === undefined && capabilities.workspace) capabilities.workspace = { ...capabilities.workspace, configuration: false };
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: options.rootUri ?? null,
    capabilities,
    initializationOptions: options.initializationOptions ?? { debounce: 0 },
  });
  await client.sendNotification('initialized', {});
  return h;
}

export function tempDir(): { dir: string; uri: (rel: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plainwords-lsp-'));
  return { dir, uri: (rel) => pathToFileURL(join(dir, rel)).href, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
