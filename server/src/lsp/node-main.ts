/**
 * The language server on Node: `node dist/server.js --stdio` (or `--node-ipc`,
 * `--socket=<port>`), and `plainwords lsp --stdio`. Starting twice in one process returns the
 * first server.
 */
import { setFlagsFromString } from 'node:v8';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageWriter, createServerSocketTransport, type Connection } from 'vscode-languageserver/node';
import { messageEncoder } from './encode.js';
import { VERSION } from '../node/version.js';
import { createNodeHost } from './node-host.js';
import { createServer, type PlainwordsServer } from './server.js';
import { heapKeeper } from './node-heap.js';

export const USAGE = 'Usage: plainwords lsp --stdio | --node-ipc | --socket=<port>';

let started: { connection: Connection; server: PlainwordsServer } | undefined;

function transport(argv: string[]): Connection | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--stdio') {
      // Standard input stays a stream, so the server still exits when the editor closes it; the
      // output is a writer of our own (createConnection wraps only streams), with the encoder
      // that keeps each diagnostic's JSON (encode.ts).
      const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: messageEncoder });
      return createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
    }
    if (arg === '--node-ipc') return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
    const socket = arg === '--socket' ? argv[i + 1] : arg.startsWith('--socket=') ? arg.slice('--socket='.length) : undefined;
    if (socket !== undefined) {
      const port = Number(socket);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--socket needs a port number, not "${socket}"`);
      const [reader, writer] = createServerSocketTransport(port);
      return createConnection(ProposedFeatures.all, reader, writer);
    }
  }
  return undefined;
}

/**
 * The server lives beside the editor for hours, so its resident memory matters more than the
 * last few per cent of check speed. V8 doubles the young generation (up to 2 × 16 MB) whenever
 * many objects survive a scavenge, which a first check of a long document always does (its
 * analyses are kept), and then keeps it at that size. Growth factor 1 keeps the young generation
 * at its starting size: just after a 5 MB document is opened the server holds about 45 MB less,
 * and after 200 edits in a 1 MB document about 35 MB less; typing p95 moves by up to 2 ms (npm
 * run bench, 20-lsp, A/B with the factor at 2 on the command line). The flag is read each time
 * V8 would grow the space, so setting it here, before any document, is enough; `node
 * --semi-space-growth-factor=N dist/server.js` still wins, as the flag is only set when the
 * command line does not.
 */
function keepYoungGenerationSmall(): void {
  if (process.execArgv.some((a) => /^--semi[-_]space[-_]growth[-_]factor/.test(a)) || /--semi[-_]space[-_]growth[-_]factor/.test(process.env.NODE_OPTIONS ?? '')) return;
  setFlagsFromString('--semi-space-growth-factor=1');
}

function isMainModule(): boolean {
  return typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module;
}

/** Start the server on the transport named in argv. Returns undefined (and says why) without one. */
export function startServer(argv: string[]): PlainwordsServer | undefined {
  if (started) return started.server;
  let connection: Connection | undefined;
  try {
    connection = transport(argv);
  } catch (e) {
    process.stderr.write(`plainwords lsp: ${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return undefined;
  }
  if (!connection) {
    // Run as a program without a transport: say how to start it. Loaded as a module: do nothing.
    if (isMainModule()) {
      process.stderr.write(`plainwords lsp: say how to talk to the editor.\n${USAGE}\n`);
      process.exitCode = 2;
    }
    return undefined;
  }
  const conn = connection;
  keepYoungGenerationSmall();
  if (argv.includes('--stdio')) {
    // Standard output carries the protocol: anything printed goes to the editor's log instead.
    console.log = (...a: unknown[]) => conn.console.log(a.map(String).join(' '));
    console.info = (...a: unknown[]) => conn.console.info(a.map(String).join(' '));
    console.warn = (...a: unknown[]) => conn.console.warn(a.map(String).join(' '));
    console.error = (...a: unknown[]) => conn.console.error(a.map(String).join(' '));
  }
  // An error that escapes a handler is logged; the server keeps serving.
  process.on('uncaughtException', (e) => {
    try {
      conn.console.error(`Plain Words: uncaught error: ${e?.stack ?? e}`);
    } catch {
      process.stderr.write(`plainwords lsp: uncaught error: ${e?.stack ?? e}\n`);
    }
  });
  process.on('unhandledRejection', (e) => {
    try {
      conn.console.error(`Plain Words: unhandled rejection: ${(e as Error)?.stack ?? e}`);
    } catch {
      process.stderr.write(`plainwords lsp: unhandled rejection: ${(e as Error)?.stack ?? e}\n`);
    }
  });
  const heap = heapKeeper();
  const server = createServer(conn, { host: createNodeHost(), version: VERSION, afterCheck: heap && (() => void heap.afterCheck()) });
  conn.listen();
  started = { connection: conn, server };
  return server;
}
