// The browser language server bundle (dist/browser-server.js) in a real web worker, in headless
// chromium: a page served from 127.0.0.1 starts it in a Worker and talks LSP to it with
// postMessage (JSON-RPC), as vscode.dev's client does.
//   npm run test:web   (builds first; needs Debian's chromium: scripts/install-code-server.sh)
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const BUNDLE = join(ROOT, 'dist/browser-server.js');
const CHROMIUM = process.env.PLAINWORDS_CHROMIUM ?? '/usr/bin/chromium';

// The page: starts the worker and exposes a small JSON-RPC client as `window.lsp`. Requests the
// server sends (workspace/configuration, plainwords/readFile, ...) are answered from `files`.
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Plain Words browser server</title></head><body>
<script>
const worker = new Worker('/browser-server.js');
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
const serverRequests = [];
const errors = [];
const files = {};
worker.onerror = (e) => errors.push(String(e.message || e));
worker.onmessage = (event) => {
  const m = event.data;
  if (m.id !== undefined && m.method === undefined) {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (p) m.error ? p.reject(new Error(m.error.message)) : p.resolve(m.result);
  } else if (m.method && m.id !== undefined) {
    serverRequests.push({ method: m.method, params: m.params });
    let result = null;
    if (m.method === 'plainwords/readFile') result = m.params.uri in files ? { text: files[m.params.uri] } : null;
    else if (m.method === 'plainwords/listJsonFiles') result = Object.keys(files).filter((u) => u.startsWith(m.params.uri) && u.endsWith('.json'));
    else if (m.method === 'workspace/configuration') result = m.params.items.map(() => null);
    worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
  } else if (m.method === 'textDocument/publishDiagnostics') {
    diagnostics.set(m.params.uri, m.params.diagnostics);
  }
};
window.lsp = {
  files, diagnostics, errors, serverRequests,
  request(method, params) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  },
  notify(method, params) { worker.postMessage({ jsonrpc: '2.0', method, params }); },
};
</script></body></html>`;

let server;
let baseUrl;
let context;
let page;
let profile;

before(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-code-server.sh (it installs Debian's chromium)`);
  server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (req.url === '/browser-server.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync(BUNDLE));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = await import('playwright-core');
  profile = mkdtempSync(join(tmpdir(), 'plainwords-web-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  await page.goto(baseUrl);
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const DOC = '# Leaving hospital\n\nWe will utilise a care plan in order to help you at home.\n';

test('initialize: the worker answers with the server capabilities', async () => {
  const started = Date.now();
  const result = await page.evaluate(() =>
    window.lsp.request('initialize', {
      processId: null,
      rootUri: 'file:///project',
      workspaceFolders: [{ uri: 'file:///project', name: 'project' }],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
      initializationOptions: { trusted: true, debounce: 0 },
    }),
  );
  await page.evaluate(() => window.lsp.notify('initialized', {}));
  assert.equal(result.serverInfo.name, 'plainwords');
  assert.equal(result.capabilities.textDocumentSync.openClose, true);
  assert.ok(result.capabilities.codeActionProvider.codeActionKinds.includes('source.fixAll.plainwords'));
  assert.equal(result.capabilities.diagnosticProvider, undefined, 'push diagnostics for a client without pull support');
  console.log(`worker started and initialised in ${Date.now() - started} ms`);
});

test('a document outside any project gets the expected diagnostics', async () => {
  const uri = 'file:///elsewhere/letter.md';
  await page.evaluate(([uri, text]) => window.lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }), [uri, DOC]);
  await page.waitForFunction((uri) => window.lsp.diagnostics.has(uri), uri);
  const diagnostics = await page.evaluate((uri) => window.lsp.diagnostics.get(uri), uri);
  const found = diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`).sort();
  const line = DOC.split('\n')[2];
  const at = (words) => `${line.indexOf(words)}-${line.indexOf(words) + words.length}`;
  assert.deepEqual(found, [`in-order-to@2:${at('in order to')}`, `utilise@2:${at('utilise')}`]);
  for (const d of diagnostics) {
    assert.equal(d.source, 'Plain Words');
    assert.match(d.message, /^Try “/);
  }
  assert.deepEqual(await page.evaluate(() => window.lsp.errors), []);
});

test('the project file is read through the editor (plainwords/readFile) and its word list applies', async () => {
  const uri = 'file:///project/docs/guide.md';
  await page.evaluate(() => {
    window.lsp.files['file:///project/.plainwords.json'] = JSON.stringify({ allow: ['utilise'] });
  });
  await page.evaluate(([uri, text]) => window.lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } }), [uri, DOC]);
  await page.waitForFunction((uri) => window.lsp.diagnostics.has(uri), uri);
  const codes = await page.evaluate((uri) => window.lsp.diagnostics.get(uri).map((d) => d.code), uri);
  assert.deepEqual(codes, ['in-order-to'], '"utilise" is in the project word list');
  const asked = await page.evaluate(() => window.lsp.serverRequests.filter((r) => r.method === 'plainwords/readFile').map((r) => r.params.uri));
  assert.ok(asked.includes('file:///project/.plainwords.json'), `asked for ${asked.join(', ')}`);
});

test('plainwords/readability answers with the document and section report', async () => {
  const report = await page.evaluate(() => window.lsp.request('plainwords/readability', { textDocument: { uri: 'file:///elsewhere/letter.md' } }));
  assert.equal(report.uri, 'file:///elsewhere/letter.md');
  assert.equal(report.target, 9);
  assert.equal(report.audience, 'public');
  assert.equal(report.sections.length, 1);
  assert.equal(report.sections[0].heading.text, 'Leaving hospital');
  assert.ok(report.document.words >= 10, `words: ${report.document.words}`);
});

test('source.fixAll.plainwords replaces the flagged words', async () => {
  const uri = 'file:///elsewhere/letter.md';
  const actions = await page.evaluate(
    (uri) => window.lsp.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.plainwords'] } }),
    uri,
  );
  assert.equal(actions.length, 1);
  const edits = actions[0].edit.documentChanges[0].edits.map((e) => e.newText);
  assert.deepEqual(edits.sort(), ['to', 'use']);
});
