// The language server under fault: malformed and out-of-order messages, edits that cannot
// apply, versions going backwards, requests after shutdown, broken JSON-RPC frames, 10,000
// rapid edits and rules that throw. It must answer with errors where due, keep serving, and
// end with the diagnostics a fresh check of the final text gives.
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, editsFor, startHarness, type Harness } from '../lsp/harness.js';
import { ensureBuilt } from '../lsp/build.js';
import { freshDiagnostics, RawServer, shape } from './server-support.js';
import { isWellFormed } from '../property/oracles.js';

let h: Harness | undefined;
let raw: RawServer | undefined;
afterEach(() => {
  h?.dispose();
  h = undefined;
  raw?.kill();
  raw = undefined;
});

const URI = 'file:///tmp/plainwords-robust/doc.md';

/** A client-side copy of a document, updated exactly as an editor would (the oracle). */
class Mirror {
  doc: TextDocument;
  constructor(text: string, version = 1) {
    this.doc = TextDocument.create(URI, 'markdown', version, text);
  }
  change(h: Harness, changes: TextDocumentContentChangeEvent[], version = this.doc.version + 1, uri = URI): number {
    this.doc = TextDocument.update(this.doc, changes, version);
    void h.client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }
}

const pos = (line: number, character: number) => ({ line, character });

describe('malformed and out-of-order messages', () => {
  it('ignores edits to documents never opened, applies impossible edits as the editor does, and ends right', async () => {
    h = await startHarness();
    const ghost = 'file:///tmp/plainwords-robust/never-opened.md';
    void h.client.sendNotification('textDocument/didChange', { textDocument: { uri: ghost, version: 7 }, contentChanges: [{ text: 'We utilise it.' }] });
    void h.client.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    const m = new Mirror('Line one.\r\n\r\nWe utilise 😀 it.\n');
    h.open(URI, m.doc.getText());
    await h.diagnosticsFor(URI, 1);
    // L16-L21: reversed, out of range (huge and negative), several in one notification, no range,
    // a wrong rangeLength, and positions inside a CRLF and inside a surrogate pair.
    m.change(h, [{ range: { start: pos(0, 4), end: pos(0, 1) }, text: 'leverage ' }]);
    m.change(h, [{ range: { start: pos(10_000, 10_000), end: pos(10_000, 10_000) }, text: '\nin order to go' }]);
    m.change(h, [{ range: { start: pos(-3, -5), end: pos(-1, -1) }, text: 'utilise ' }]);
    m.change(h, [
      { range: { start: pos(0, 0), end: pos(0, 0) }, text: 'A' },
      { range: { start: pos(0, 1), end: pos(0, 2) }, text: 'BC' },
    ]);
    m.change(h, [{ range: { start: pos(0, 0), end: pos(0, 3) }, rangeLength: 99, text: 'x' } as TextDocumentContentChangeEvent]);
    m.change(h, [{ range: { start: pos(0, 9999), end: pos(0, 9999) }, text: ' leverage' }]);
    const emoji = m.doc.getText().split(/\r\n|\r|\n/).findIndex((l) => l.includes('😀'));
    const col = m.doc.getText().split(/\r\n|\r|\n/)[emoji].indexOf('😀') + 1;
    m.change(h, [{ range: { start: pos(emoji, col), end: pos(emoji, col) }, text: ' utilise ' }]);
    let v = m.change(h, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'utilise' }]);
    const full = await h.diagnosticsFor(URI, v);
    expect(shape(full)).toEqual(shape(freshDiagnostics(m.doc.getText())));
    // A change with only text replaces the whole document.
    v = m.change(h, [{ text: 'Now we leverage it.' }]);
    expect(shape(await h.diagnosticsFor(URI, v))).toEqual(shape(freshDiagnostics('Now we leverage it.')));
    expect(h.published.some((p) => p.uri === ghost && p.diagnostics.length > 0)).toBe(false);
    expect(h.logs.filter((l) => l.message.includes(ghost))).toHaveLength(1);
  });

  it('follows the text when versions go backwards or repeat, and publishes for the latest text', async () => {
    h = await startHarness();
    const m = new Mirror('We utilise it.');
    h.open(URI, m.doc.getText());
    await h.diagnosticsFor(URI, 1);
    m.change(h, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'Now ' }], 9);
    m.change(h, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'leverage ' }], 3);
    m.change(h, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'in order to ' }], 3);
    const d = await h.diagnosticsFor(URI, 3);
    // Version 3 came twice: the text of the first may be checked and published as version 3
    // before the second arrives. What must come is a publish for the latest text: the wait is
    // the assertion, and fails the test by its time limit, naming what never came.
    const want = JSON.stringify(shape(freshDiagnostics(m.doc.getText())));
    const last = () => h!.published.filter((p) => p.uri === URI).at(-1);
    await h.until('diagnostics for the latest text', () => h!.server.inspect(URI)?.resultVersion === 3 && last()?.version === 3 && JSON.stringify(shape(last()!.diagnostics)) === want);
    expect(d.length).toBeGreaterThan(0);
  });

  it('checks the new text when a version number comes again after its diagnostics were sent (push and pull)', async () => {
    h = await startHarness();
    const m = new Mirror('We utilise it.');
    h.open(URI, m.doc.getText());
    await h.diagnosticsFor(URI, 1);
    m.change(h, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'Now ' }], 2);
    await h.diagnosticsFor(URI, 2);
    await h.until('version 2 published', () => h!.published.filter((p) => p.uri === URI).at(-1)?.version === 2);
    const pulled = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { resultId: string };
    const sent = h.published.length;
    // Version 2 again, with different text: the result for the first version 2 must not be reused.
    m.change(h, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'We will leverage this. ' }], 2);
    await h.until('a publication for the new text', () => h!.published.length > sent);
    expect(shape(h.published.filter((p) => p.uri === URI).at(-1)!.diagnostics)).toEqual(shape(freshDiagnostics(m.doc.getText())));
    expect(h.published.filter((p) => p.uri === URI).at(-1)!.diagnostics.some((d) => String(d.message).includes('leverage'))).toBe(true);
    const again = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId: pulled.resultId })) as { kind: string; items: Array<{ message: string }> };
    expect(again.kind).toBe('full');
    expect(again.items.some((d) => d.message.includes('leverage'))).toBe(true);
  });

  it('takes a second didOpen as replacing the first, and forgets a closed document', async () => {
    h = await startHarness();
    h.open(URI, 'We utilise it.', 'markdown', 1);
    await h.diagnosticsFor(URI, 1);
    void h.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'markdown', version: 5, text: 'We leverage it.' } });
    expect(shape(await h.diagnosticsFor(URI, 5))).toEqual(shape(freshDiagnostics('We leverage it.')));
    expect(h.server.openDocuments).toBe(1);
    h.close(URI);
    await h.until('empty diagnostics after close', () => h!.published.at(-1)?.uri === URI && h!.published.at(-1)!.diagnostics.length === 0);
    await expect(h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: pos(0, 0) })).rejects.toMatchObject({ code: -32602 });
    expect(h.server.inspect(URI)).toBeUndefined();
    expect(h.server.openDocuments).toBe(0);
  });

  it('answers bad requests with errors and keeps serving', async () => {
    h = await startHarness();
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    const bad: Array<[string, unknown, number]> = [
      ['textDocument/hover', { textDocument: { uri: 'file:///nope.md' }, position: pos(0, 0) }, -32602],
      ['textDocument/hover', { textDocument: { uri: URI }, position: pos(-1, 0) }, -32602],
      ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 'x', character: null } }, -32602],
      ['textDocument/hover', { textDocument: { uri: URI } }, -32602],
      ['textDocument/hover', null, -32602],
      ['textDocument/codeAction', { textDocument: { uri: URI }, range: { start: pos(0, 0), end: pos(99, 0) }, context: { diagnostics: [] } }, -32602],
      ['textDocument/codeAction', { textDocument: { uri: URI } }, -32602],
      ['textDocument/codeLens', { textDocument: {} }, -32602],
      ['plainwords/readability', {}, -32602],
      ['plainwords/noSuchRequest', {}, -32601],
    ];
    for (const [method, params, code] of bad) {
      await expect(h.client.sendRequest(method, params), method).rejects.toMatchObject({ code });
    }
    // L4: positions inside a surrogate pair (the emoji is at 0-1 of line 1).
    const v0 = h.change(URI, [{ range: { start: pos(1, 0), end: pos(1, 0) }, text: '\n😀 utilise' }]);
    await h.diagnosticsFor(URI, v0);
    const inside = { textDocument: { uri: URI }, position: pos(1, 1) };
    expect(await h.client.sendRequest('textDocument/hover', inside)).toBeNull();
    const actions = (await h.client.sendRequest('textDocument/codeAction', { ...inside, range: { start: pos(1, 1), end: pos(1, 1) }, context: { diagnostics: [] } })) as CodeAction[];
    for (const a of actions) for (const e of editsFor(a.edit, URI).edits) expect(() => applyEdits(h!.text(URI), [e])).not.toThrow();
    void h.client.sendNotification('$/plainwords/unknown', { x: 1 });
    void h.client.sendNotification('plainwords/unknownNotification', null);
    // Still serving: a change is checked and a hover answered.
    const v = h.change(URI, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'Now ' }]);
    expect(shape(await h.diagnosticsFor(URI, v))).toEqual(shape(freshDiagnostics(h.text(URI))));
    expect(await h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: pos(0, 8) })).toMatchObject({ range: { start: pos(0, 7) } });
  });

  it('refuses requests after shutdown and ignores changes', async () => {
    h = await startHarness();
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    await h.client.sendRequest('shutdown');
    await expect(h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: pos(0, 4) })).rejects.toMatchObject({ code: -32600 });
    const before = h.published.length;
    void h.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 'leverage' }] });
    await expect(h.client.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [] } })).rejects.toMatchObject({ code: -32600 });
    expect(h.published.length).toBe(before);
  });
});

describe('stale fixes', () => {
  it('code actions carry the version they were made for; after edits, the client can tell old from new, and new ones fit the new text', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    h = await startHarness({ beforeCheck: (_u, v) => (v === 3 ? gate : undefined) });
    h.open(URI, 'We utilise it and leverage it.');
    await h.diagnosticsFor(URI, 1);
    const at = { start: pos(0, 5), end: pos(0, 5) };
    const first = (await h.codeActions(URI, at, ['quickfix'])).find((a) => a.isPreferred)!;
    expect(editsFor(first.edit, URI).version).toBe(1);
    // The document moves on twice; a request made while version 3 is still being checked.
    h.change(URI, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'Now ' }]);
    h.change(URI, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: 'So ' }]);
    const pending = h.codeActions(URI, { start: pos(0, 12), end: pos(0, 12) }, ['quickfix']);
    release();
    const fresh = (await pending).find((a) => a.isPreferred)!;
    const { edits, version } = editsFor(fresh.edit, URI);
    // A client refuses an edit whose version is not the document's (LSP): the first one is stale.
    expect(editsFor(first.edit, URI).version).not.toBe(h.mirror(URI).version);
    expect(version).toBe(h.mirror(URI).version);
    expect(applyEdits(h.text(URI), edits)).toBe('So Now We use it and leverage it.');
    // Fix all at the current version: every edit against the current text.
    const all = await h.codeActions(URI, { start: pos(0, 0), end: pos(0, 0) }, ['source.fixAll.plainwords']);
    for (const a of all) {
      const e = editsFor(a.edit, URI);
      expect(e.version).toBe(h.mirror(URI).version);
      expect(() => applyEdits(h!.text(URI), e.edits)).not.toThrow();
    }
  });
});

describe('load', () => {
  it('stays correct through 10,000 rapid edits: never publishes an older version after a newer one, and ends with a fresh check', async () => {
    h = await startHarness({ initializationOptions: { debounce: 20 } });
    const m = new Mirror('We utilise it.\r\n\r\nThe GP will leverage 😀 this.\n');
    h.open(URI, m.doc.getText());
    await h.diagnosticsFor(URI, 1);
    const pieces = ['a', ' ', 'utilise', '\r\n', '\n\n', '😀', 'in order to', 'GP', '.', 'é', '`', '*'];
    let seed = 42;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let v = 1;
    for (let i = 0; i < 10_000; i++) {
      const text = m.doc.getText();
      const lines = text.split(/\r\n|\r|\n/);
      const line = rand(lines.length + 1);
      const character = rand((lines[line]?.length ?? 0) + 2);
      const start = pos(line, character);
      const remove = rand(4) === 0 ? rand(6) : 0;
      const end = m.doc.positionAt(m.doc.offsetAt(start) + remove);
      // Keep the document small enough that the test measures the protocol, not the engine.
      const insert = text.length > 4000 ? '' : pieces[rand(pieces.length)];
      v = m.change(h, [{ range: { start, end: text.length > 4000 ? m.doc.positionAt(m.doc.offsetAt(start) + 50) : end }, text: insert }]);
    }
    const last = await h.diagnosticsFor(URI, v, 60000);
    expect(shape(last)).toEqual(shape(freshDiagnostics(m.doc.getText())));
    const versions = h.published.filter((p) => p.uri === URI).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThanOrEqual(versions[i - 1]);
    // Debounced: far fewer checks than edits.
    expect(h.server.inspect(URI)!.checks).toBeLessThan(2000);
  }, 120000);

  it('keeps serving when a rule throws, and a failing check, request or async hook does not stop it', async () => {
    let hookFails = 0;
    const rule = {
      id: 'fragile',
      check(text: string) {
        if (text.includes('BOOM')) throw new Error('fragile rule broke');
        return [];
      },
    };
    h = await startHarness({
      rules: [rule],
      beforeCheck(uri, version) {
        // Async failure in the scheduling path: the version it hits is lost, later ones are not.
        if (uri.endsWith('hook.md') && version === 2) {
          hookFails++;
          return Promise.reject(new Error('hook failed'));
        }
      },
      onRequest(method) {
        if (method === 'textDocument/codeLens') throw new TypeError('lens broke');
      },
    });
    const docs = ['a.md', 'b.md', 'hook.md'].map((n) => `file:///tmp/plainwords-robust/${n}`);
    h.open(docs[0], 'BOOM we utilise it.');
    h.open(docs[1], 'Fine: we utilise it.');
    h.open(docs[2], 'We utilise it.');
    for (let i = 0; i < 10; i++) {
      for (const uri of docs) h.change(uri, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: uri === docs[0] && i % 2 ? 'BOOM ' : 'x ' }]);
      await expect(h.client.sendRequest('textDocument/codeLens', { textDocument: { uri: docs[1] } })).rejects.toMatchObject({ code: -32603 });
    }
    for (const uri of docs) {
      const v = h.mirror(uri).version;
      expect(shape(await h.diagnosticsFor(uri, v)), uri).toEqual(shape(freshDiagnostics(h.text(uri))));
    }
    expect(hookFails).toBe(1);
    expect(h.logs.filter((l) => l.message.includes('fragile rule broke'))).toHaveLength(1);
    expect(h.logs.some((l) => l.message.includes('hook failed'))).toBe(true);
  });

  it('opens and closes 1,000 documents in a burst: diagnostics for each, then nothing tracked (L47)', async () => {
    h = await startHarness();
    const uris = Array.from({ length: 1000 }, (_, i) => `file:///tmp/plainwords-robust/many/${i}.md`);
    for (const [i, uri] of uris.entries()) h.open(uri, `Document ${i}: we utilise it.`);
    await h.until('diagnostics for every document', () => new Set(h!.published.map((p) => p.uri)).size >= 1000, 60000);
    expect(h.server.openDocuments).toBe(1000);
    for (const uri of uris) h.close(uri);
    await h.until('all closed', () => h!.server.openDocuments === 0, 30000);
    // The last word on every document is an empty list (nothing published after a close).
    const lastCounts = () => new Map(h!.published.map((p) => [p.uri, p.diagnostics.length]));
    await h.until('empty diagnostics for every closed document', () => [...lastCounts().values()].every((n) => n === 0), 30000);
    expect(lastCounts().size).toBe(1000);
  }, 90000);

  it('never checks a document over plainwords.maxFileSize: one note says so at once', async () => {
    h = await startHarness({ configuration: () => ({}) });
    const big = 'We utilise it. '.repeat(200_000); // 3 MB: over the 2 MB default
    h.open(URI, big);
    const d = await h.diagnosticsFor(URI, 1);
    expect(d.map((x) => [x.code, x.severity])).toEqual([['too-large', 3]]);
    expect(d[0].message).toMatch(/plainwords\.maxFileSize/);
    expect(d[0].message).toMatch(/npx plainwords check/);
    expect(h.server.inspect(URI)!.checks).toBe(0);
  });
});

describe('the bundled server over stdio (real framing)', () => {
  it('survives a body that is not JSON and one that is not JSON-RPC, answers the next request, and exits 0 after shutdown and exit', async () => {
    ensureBuilt(['dist/server.js']);
    raw = new RawServer();
    await raw.initialize();
    // A body that is not JSON, then a request with a body that is JSON but not JSON-RPC.
    raw.write('Content-Length: 9\r\n\r\n{"bad": }');
    raw.write('Content-Length: 2\r\n\r\n[]');
    const id = raw.request('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: pos(0, 0) });
    expect((await raw.response(id)).error?.code).toBe(-32602);
    const uri = 'file:///tmp/plainwords-robust/raw.md';
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'We utilise it.' } });
    expect((await raw.published(uri, 1)).map((d) => d.code)).toContain('utilise');
    const down = raw.request('shutdown', null);
    await raw.response(down);
    const after = raw.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 4) });
    expect((await raw.response(after)).error?.code).toBe(-32600);
    raw.notify('exit', null);
    expect(await raw.exit).toMatchObject({ code: 0 });
  }, 60000);

  it('answers requests before initialize with ServerNotInitialized and stays up (L33)', async () => {
    ensureBuilt(['dist/server.js']);
    raw = new RawServer();
    const early = raw.request('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: pos(0, 0) });
    expect((await raw.response(early)).error?.code).toBe(-32002);
    await raw.initialize();
    const after = raw.request('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: pos(0, 0) });
    expect((await raw.response(after)).error?.code).toBe(-32602);
  }, 60000);

  it('exits 1 on exit without shutdown, and exits when its input closes', async () => {
    ensureBuilt(['dist/server.js']);
    raw = new RawServer();
    await raw.initialize();
    raw.notify('exit', null);
    expect(await raw.exit).toMatchObject({ code: 1 });
    raw = new RawServer();
    await raw.initialize();
    raw.child.stdin!.end();
    expect((await raw.exit).signal).toBeNull();
  }, 60000);

  it('writes only well-formed UTF-8 frames of the declared length, even for text with lone surrogates, CJK and emoji (L5, L6)', async () => {
    ensureBuilt(['dist/server.js']);
    raw = new RawServer();
    await raw.initialize();
    const uri = 'file:///tmp/plainwords-robust/surrogates.md';
    const text = '\uD800 We utilise 漢字 😀 it \uDC00. ' + 'Long words go on and on, '.repeat(20) + '\uD83D utilise.\n';
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnostics = await raw.published(uri, 1);
    expect(diagnostics.length).toBeGreaterThan(1);
    const hover = raw.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 5) });
    await raw.response(hover);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const f of raw.frames) {
      expect(f.body.length).toBe(f.length);
      const body = strict.decode(f.body);
      expect(f.message).toBeDefined();
      // No escaped lone surrogate either (strict JSON parsers in other editors reject them).
      expect(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i.test(body), body.slice(0, 200)).toBe(false);
      expect(isWellFormed(JSON.stringify(f.message))).toBe(true);
    }
  }, 60000);
});
