// The bundled servers: dist/server.js over stdio and IPC, `plainwords lsp --stdio`, and the
// browser worker bundle, each driven through the protocol.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createContext, runInContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ensureBuilt, root } from './build.js';
import { applyEdits, editsFor } from './harness.js';

let dir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  ensureBuilt(['dist/server.js', 'dist/cli.js', 'dist/browser-server.js']);
  // A project with its own dictionary, so the test does not depend on the built-in entries.
  dir = mkdtempSync(join(tmpdir(), 'plainwords-bundle-'));
  mkdirSync(join(dir, 'words', 'wordy-phrase'), { recursive: true });
  writeFileSync(join(dir, '.plainwords.json'), JSON.stringify({ dictionaries: ['words'] }));
  writeFileSync(
    join(dir, 'words', 'wordy-phrase', 'plinkify.json'),
    JSON.stringify({ id: 'plinkify', terms: ['plinkify'], inflect: 'verb', replacements: ['tidy'], why: 'A made-up word.', category: 'wordy-phrase', source: 'Test', examples: { flag: [{ text: 'We plinkify it.', fixed: 'We tidy it.' }] } }),
  );
}, 120000);

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function session(connection: ProtocolConnection, uri: string, text: string) {
  const published: PublishDiagnosticsParams[] = [];
  let wake: () => void = () => undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    wake();
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } },
  })) as { capabilities: { textDocumentSync: unknown; codeActionProvider: unknown }; serverInfo: { name: string } };
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const deadline = Date.now() + 20000;
  let diagnostics: Diagnostic[] | undefined;
  while (!(diagnostics = published.find((p) => p.uri === uri)?.diagnostics)) {
    if (Date.now() > deadline) throw new Error('no diagnostics from the bundled server');
    await new Promise<void>((r) => {
      wake = r;
      setTimeout(r, 200);
    });
  }
  return { init, diagnostics };
}

async function shutdown(child: ChildProcess, connection: ProtocolConnection): Promise<number | null> {
  await connection.sendRequest('shutdown');
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await connection.sendNotification('exit');
  return exited;
}

describe('dist/server.js', () => {
  it('serves over stdio: diagnostics, a quick fix, and a clean exit', async () => {
    const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    const { init, diagnostics } = await session(connection, uri, '# Notes\n\nWe plinkify 😀 the room.\n');
    expect(init.serverInfo.name).toBe('plainwords');
    const mine = diagnostics.filter((d) => d.code === 'plinkify');
    expect(mine.map((d) => d.range)).toEqual([{ start: { line: 2, character: 3 }, end: { line: 2, character: 11 } }]);
    const actions = (await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mine[0].range, context: { diagnostics: mine } })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(applyEdits('# Notes\n\nWe plinkify 😀 the room.\n', editsFor(fix.edit, uri).edits)).toBe('# Notes\n\nWe tidy 😀 the room.\n');
    expect(await shutdown(child, connection)).toBe(0);
  });

  it('serves over node IPC', async () => {
    const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--node-ipc'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    children.push(child);
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const uri = pathToFileURL(join(dir, 'ipc.md')).href;
    const { diagnostics } = await session(connection, uri, 'Plinkify it.');
    expect(diagnostics.filter((d) => d.code === 'plinkify')).toHaveLength(1);
    expect(await shutdown(child, connection)).toBe(0);
  });

  it('serves over a socket the editor listens on (--socket=<port>)', async () => {
    const server = createServer();
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), `--socket=${port}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    const socket = await accepted;
    const connection = createProtocolConnection(new StreamMessageReader(socket), new StreamMessageWriter(socket));
    const uri = pathToFileURL(join(dir, 'socket.md')).href;
    const { diagnostics } = await session(connection, uri, 'Plinkify it.');
    expect(diagnostics.filter((d) => d.code === 'plinkify')).toHaveLength(1);
    expect(await shutdown(child, connection)).toBe(0);
    server.close();
  });

  it('starts once however it is loaded, and says how to start it without a transport', () => {
    const server = join(root, 'dist', 'server.js');
    const required = spawnSync(process.execPath, ['-e', `const m = require(${JSON.stringify(server)}); process.stdout.write(typeof m.startServer)`], { encoding: 'utf8', timeout: 20000 });
    expect(required.stdout).toBe('function');
    expect(required.stderr).toBe('');
    expect(required.status).toBe(0);
    const bare = spawnSync(process.execPath, [server], { encoding: 'utf8', timeout: 20000 });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('--stdio');
    // Two starts in one process make one server: the second returns the first.
    const twice = spawnSync(
      process.execPath,
      ['-e', `const m = require(${JSON.stringify(server)}); const a = m.startServer(['--stdio']); const b = m.startServer(['--stdio']); process.stderr.write(String(a === b && a !== undefined)); process.stdin.destroy(); process.exit(0)`],
      { encoding: 'utf8', timeout: 20000, input: '' },
    );
    expect(twice.stderr).toBe('true');
  });

  it('keeps the young generation from growing once started, unless the command line sets its growth', () => {
    // Objects that survive scavenges (as a long document's analyses do) make V8 grow the young
    // generation up to 2 × 16 MB; the started server keeps it at the size it has (node-main.ts).
    const server = join(root, 'dist', 'server.js');
    const script = `const m = require(${JSON.stringify(server)}); m.startServer(['--stdio']);
      const young = () => require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20;
      const before = young(); const kept = []; for (let i = 0; i < 3e6; i++) kept.push({ i, s: 'w' + i });
      process.stderr.write(JSON.stringify([before, young()])); process.stdin.destroy(); process.exit(0)`;
    const youngMb = (flags: string[]) => JSON.parse(spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8', timeout: 60000, input: '' }).stderr) as [number, number];
    const [before, after] = youngMb([]);
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(8);
    // The same allocations with V8's own growth factor (2) on the command line: it grows.
    const [controlBefore, controlAfter] = youngMb(['--semi-space-growth-factor=2']);
    expect(controlAfter).toBeGreaterThan(controlBefore);
    expect(controlAfter).toBeGreaterThanOrEqual(16);
  });

  it('is ASCII only, so V8 holds its source in one byte a character (esbuild.mjs)', () => {
    // The other tests here run these bundles, so the escapes are tried for meaning the same.
    for (const file of ['server.js', 'cli.js', 'engine.mjs', 'browser-server.js']) {
      const code = readFileSync(join(root, 'dist', file), 'utf8');
      expect({ file, nonAscii: code.match(/[^\x00-\x7f]/g)?.length ?? 0 }).toEqual({ file, nonAscii: 0 });
    }
  });
});

describe('plainwords lsp', () => {
  it('starts the same server from the command line', async () => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const uri = pathToFileURL(join(dir, 'cli.md')).href;
    const { diagnostics } = await session(connection, uri, 'They plinkified it.');
    expect(diagnostics.filter((d) => d.code === 'plinkify').map((d) => d.range.start.character)).toEqual([5]);
    expect(await shutdown(child, connection)).toBe(0);
  });
});

describe('dist/browser-server.js', () => {
  it('uses no Node modules and serves in a worker-like sandbox', async () => {
    const code = readFileSync(join(root, 'dist', 'browser-server.js'), 'utf8');
    expect(code).not.toMatch(/\brequire\(["'](node:)?(fs|path|os|child_process|worker_threads|net)["']\)/);
    // A web worker's global scope: messages in and out, no process, no require.
    const toServer: Array<(e: { data: unknown }) => void> = [];
    const fromServer: unknown[] = [];
    let wake: () => void = () => undefined;
    const self: Record<string, unknown> = {
      postMessage: (m: unknown) => {
        fromServer.push(m);
        wake();
      },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(self, 'onmessage', { set: (f: (e: { data: unknown }) => void) => toServer.push(f), get: () => toServer[0] });
    const sandbox = createContext({ self, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, console, TextEncoder, TextDecoder, URL });
    runInContext(code, sandbox);
    expect(toServer).toHaveLength(1);
    const send = (m: object) => toServer[0]({ data: { jsonrpc: '2.0', ...m } });
    const until = async (pred: () => unknown) => {
      const end = Date.now() + 20000;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out; got ${JSON.stringify(fromServer).slice(0, 500)}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 100);
        });
      }
    };
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await until(() => fromServer.some((m) => (m as { id?: number }).id === 1));
    send({ method: 'initialized', params: {} });
    // The built-in dictionary is bundled: "utilise" is one of its oldest entries.
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'vscode-vfs://github/o/r/a.md', languageId: 'markdown', version: 1, text: 'We utilise it.' } } });
    // Project files are asked of the editor; this one does not know the request.
    await until(() => fromServer.some((m) => (m as { method?: string }).method === 'plainwords/readFile'));
    for (const m of fromServer as Array<{ id?: number; method?: string }>) {
      if (m.method === 'plainwords/readFile') toServer[0]({ data: { jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Unhandled method' } } });
    }
    await until(() => fromServer.some((m) => (m as { method?: string }).method === 'textDocument/publishDiagnostics'));
    const published = fromServer.find((m) => (m as { method?: string }).method === 'textDocument/publishDiagnostics') as { params: PublishDiagnosticsParams };
    expect(published.params.diagnostics.filter((d) => d.code === 'utilise').map((d) => d.range.start.character)).toEqual([3]);
  });
});
