// Protocol tests: the real server over an in-memory connection, with a small fixed dictionary.
import { writeFileSync, mkdirSync, readFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, CodeLens } from 'vscode-languageserver-protocol';
import { applyEdits, editsFor, FULL_CAPABILITIES, startHarness, tempDir, type Harness } from './harness.js';

let h: Harness | undefined;
let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  h?.dispose();
  h = undefined;
  tmp?.remove();
  tmp = undefined;
});

const URI = 'file:///tmp/plainwords-test/doc.md';
const ENTRY_IDS = new Set(['utilise', 'leverage', 'in-order-to', 'gp']);
/** Dictionary findings only (the engine's readability rules are tested elsewhere). */
const entries = (d: Diagnostic[]) => d.filter((x) => ENTRY_IDS.has(String(x.code)));
const where = (d: Diagnostic[]) => entries(d).map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character]);

const WORDS = ['care', 'home', 'visit', 'nurse', 'doctor', 'family', 'room', 'plan', 'help', 'week', 'meal', 'walk', 'call'];
/** Paragraphs that differ enough for the engine to group them into many chunks. */
function paragraphs(n: number): string {
  const para = (i: number) => `Paragraph ${i}: we utilise the ${WORDS[(i * 7) % WORDS.length]} and the ${WORDS[(i * 11 + 3) % WORDS.length]} on day ${(i * 37) % 101}${'!'.repeat(i % 3)}.`;
  return Array.from({ length: n }, (_, i) => para(i)).join('\n\n') + '\n';
}

describe('diagnostics', () => {
  it('publishes findings with UTF-16 positions after emoji, combining marks and CRLF', async () => {
    h = await startHarness();
    const text = '😀 We utilise it.\r\ncafe\u0301 utilise\r\n👨‍👩‍👧 and 🇺🇸 utilise';
    h.open(URI, text);
    const d = await h.diagnosticsFor(URI, 1);
    expect(where(d)).toEqual([
      ['utilise', 0, 6, 0, 13],
      ['utilise', 1, 6, 1, 13],
      ['utilise', 2, 18, 2, 25],
    ]);
    const first = entries(d)[0];
    expect(first.message).toContain('use');
    expect(first.source).toBe('Plain Words');
    expect(first.codeDescription?.href).toMatch(/#utilise$/);
    // Nothing else: every edit sends every diagnostic again, so none carries what no client
    // reads (code actions come from the server's own findings, not from a diagnostic's data).
    expect(Object.keys(first).sort()).toEqual(['code', 'codeDescription', 'message', 'range', 'severity', 'source']);
    // Each range covers exactly the word in the client's own text.
    const mirror = h.mirror(URI);
    for (const x of entries(d)) expect(mirror.getText(x.range)).toBe('utilise');
  });

  it('counts a byte order mark as a character on line 0', async () => {
    h = await startHarness();
    h.open(URI, '\uFEFFutilise this');
    expect(where(await h.diagnosticsFor(URI, 1))).toEqual([['utilise', 0, 1, 0, 8]]);
  });

  it('applies incremental edits exactly as the client does (incremental equals full)', async () => {
    h = await startHarness();
    h.open(URI, 'Line one.\r\n\r\nWe will use it.\n');
    await h.diagnosticsFor(URI, 1);
    // Several changes in one notification apply in order; a reversed and an out-of-range range are clamped like the client's copy.
    h.change(URI, [
      { range: { start: { line: 2, character: 8 }, end: { line: 2, character: 11 } }, text: 'utilise' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '😀 leverage ' },
    ]);
    h.change(URI, [{ range: { start: { line: 0, character: 16 }, end: { line: 0, character: 12 } }, text: '' }]);
    const v = h.change(URI, [{ range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } }, text: '\r\nin order to leave' }]);
    const incremental = await h.diagnosticsFor(URI, v);
    const fresh = 'file:///tmp/plainwords-test/fresh.md';
    h.open(fresh, h.text(URI));
    const full = await h.diagnosticsFor(fresh, 1);
    expect(where(incremental)).toEqual(where(full));
    expect(where(incremental).map((x) => x[0])).toEqual(['leverage', 'utilise', 'in-order-to']);
    for (const x of entries(incremental)) expect(['leverage', 'utilise', 'in order to']).toContain(h.mirror(URI).getText(x.range));
  });

  it('re-analyses only the part of the document an edit touched', async () => {
    h = await startHarness();
    h.open(URI, paragraphs(200));
    await h.diagnosticsFor(URI, 1);
    const opened = h.server.inspect(URI)!;
    // The engine groups blank-line separated paragraphs into chunks; each is analysed once.
    expect(opened.chunks).toBeGreaterThan(5);
    expect(opened).toMatchObject({ cacheMisses: opened.chunks, cacheHits: 0 });
    const v = h.change(URI, [{ range: { start: { line: 200, character: 0 }, end: { line: 200, character: 0 } }, text: 'Now ' }]);
    const d = await h.diagnosticsFor(URI, v);
    const edited = h.server.inspect(URI)!;
    expect(edited).toMatchObject({ cacheMisses: 1, cacheHits: edited.chunks - 1 });
    expect(entries(d)).toHaveLength(200);
    expect(entries(d)[100].range.start).toEqual({ line: 200, character: 22 });
  });

  it('never publishes results for an older version than the document has', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    h = await startHarness({ beforeCheck: (_uri, version) => (version === 1 ? gate : undefined) });
    h.open(URI, 'We utilise it.');
    // Version 1 is being checked (held at the gate) when version 2 arrives.
    await h.until('version 1 check to start', () => h!.server.inspect(URI)?.version === 1);
    const v2 = h.change(URI, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } }, text: 'use' }]);
    await h.until('version 2 to arrive', () => h!.server.inspect(URI)?.version === 2);
    release();
    const d = await h.diagnosticsFor(URI, v2);
    expect(entries(d)).toEqual([]);
    expect(h.published.filter((p) => p.uri === URI).map((p) => p.version)).toEqual([2]);
  });

  it('calls afterCheck once after each check; one that throws is logged and the server goes on', async () => {
    const seen: number[][] = [];
    let calls = 0;
    h = await startHarness({
      afterCheck: () => {
        const state = h!.server.inspect(URI)!;
        seen.push([state.version, state.checks]);
        if (++calls === 1) throw new Error('heap probe failed');
      },
    });
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    await h.until('the first afterCheck', () => calls === 1);
    const v2 = h.change(URI, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } }, text: 'use' }]);
    expect(entries(await h.diagnosticsFor(URI, v2))).toEqual([]);
    await h.until('the second afterCheck', () => calls === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([
      [1, 1],
      [v2, 2],
    ]);
    expect(h.logs.filter((l) => l.message.includes('heap probe failed'))).toHaveLength(1);
  });

  it('debounces typing: a burst of changes is checked once, at the last version', async () => {
    h = await startHarness({ initializationOptions: { debounce: 200 } });
    h.open(URI, 'We ');
    await h.diagnosticsFor(URI, 1);
    const checks = h.server.inspect(URI)!.checks;
    let v = 1;
    for (const ch of 'utilise it') v = h.change(URI, [{ range: { start: { line: 0, character: 100 }, end: { line: 0, character: 100 } }, text: ch }]);
    const d = await h.diagnosticsFor(URI, v);
    expect(where(d)).toEqual([['utilise', 0, 3, 0, 10]]);
    expect(h.server.inspect(URI)!.checks - checks).toBe(1);
    expect(h.published.filter((p) => p.uri === URI).map((p) => p.version)).toEqual([1, v]);
  });

  it('takes a second open of the same document as a fresh start', async () => {
    h = await startHarness();
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    h.open(URI, 'Then we leverage it.', 'markdown', 7);
    expect(where(await h.diagnosticsFor(URI, 7))).toEqual([['leverage', 0, 8, 0, 16]]);
    expect(h.server.openDocuments).toBe(1);
  });

  it('clears diagnostics when a document is closed, and ignores changes to documents never opened', async () => {
    h = await startHarness();
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    h.close(URI);
    await h.until('empty diagnostics', () => h!.published.some((p) => p.uri === URI && p.diagnostics.length === 0));
    void h.client.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never.md', version: 2 }, contentChanges: [{ text: 'utilise' }] });
    await h.until('a log line', () => h!.logs.find((l) => l.message.includes('never.md')));
    expect(h.published.some((p) => p.uri === 'file:///never.md')).toBe(false);
    expect(h.server.openDocuments).toBe(0);
  });
});

describe('pull diagnostics', () => {
  const pullCapabilities = { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } };

  it('answers textDocument/diagnostic and workspace/diagnostic, and does not push as well', async () => {
    h = await startHarness({ capabilities: pullCapabilities });
    h.open(URI, 'We utilise it.');
    const first = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { kind: string; resultId: string; items: Diagnostic[] };
    expect(first.kind).toBe('full');
    expect(where(first.items)).toEqual([['utilise', 0, 3, 0, 10]]);
    const again = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId: first.resultId })) as { kind: string };
    expect(again.kind).toBe('unchanged');
    h.change(URI, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } }, text: 'use' }]);
    const after = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI }, previousResultId: first.resultId })) as { kind: string; items: Diagnostic[] };
    expect(after.kind).toBe('full');
    expect(entries(after.items)).toEqual([]);
    const ws = (await h.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: Array<{ uri: string; version: number; kind: string }> };
    expect(ws.items.map((i) => [i.uri, i.version, i.kind])).toEqual([[URI, 2, 'full']]);
    expect(h.server.inspect(URI)!.checks).toBe(2);
    expect(h.published.filter((p) => p.uri === URI)).toEqual([]);
  });

  it('asks the editor to pull again when the document changes during a pull, never answering with stale results', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    h = await startHarness({ capabilities: pullCapabilities, beforeCheck: (_u, v) => (v === 1 ? gate : undefined) });
    h.open(URI, 'We utilise it.');
    const pending = h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
    await h.until('the check to start', () => h!.server.inspect(URI)?.version === 1);
    h.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'So ' }]);
    await h.until('version 2', () => h!.server.inspect(URI)?.version === 2);
    release();
    await expect(pending).rejects.toMatchObject({ code: -32802, data: { retriggerRequest: true } });
    const again = (await h.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    expect(where(again.items)).toEqual([['utilise', 0, 6, 0, 13]]);
  });

  it('pushes when the editor asks for push even though it could pull', async () => {
    h = await startHarness({ capabilities: pullCapabilities, initializationOptions: { debounce: 0, diagnostics: 'push' } });
    h.open(URI, 'We utilise it.');
    expect(where(await h.diagnosticsFor(URI, 1))).toEqual([['utilise', 0, 3, 0, 10]]);
  });
});

describe('code actions', () => {
  async function actionsAt(text: string, line: number, character: number, only?: string[]) {
    h = await startHarness();
    h.open(URI, text);
    await h.diagnosticsFor(URI, 1);
    return h.codeActions(URI, { start: { line, character }, end: { line, character } }, only);
  }

  function apply(action: CodeAction | undefined): string {
    expect(action).toBeDefined();
    const { edits, version } = editsFor(action!.edit, URI);
    expect(version).toBe(h!.mirror(URI).version);
    return applyEdits(h!.text(URI), edits);
  }

  it('offers one quick fix per replacement, the first preferred, each with its versioned edit', async () => {
    const actions = await actionsAt('Let us leverage 😀 the fund.\r\n', 0, 9);
    const fixes = actions.filter((a) => a.title.startsWith('Replace'));
    expect(fixes.map((a) => [a.title, a.isPreferred, a.kind])).toEqual([
      ['Replace “leverage” with “use”', true, 'quickfix'],
      ['Replace “leverage” with “make the most of”', false, 'quickfix'],
    ]);
    expect(fixes[0].diagnostics?.[0].code).toBe('leverage');
    expect(apply(fixes[0])).toBe('Let us use 😀 the fund.\r\n');
    expect(apply(fixes[1])).toBe('Let us make the most of 😀 the fund.\r\n');
  });

  it('marks no quick fix preferred when its replacement needs the writer\'s judgement (fixable: false)', async () => {
    const actions = await actionsAt('Go to the outpatient centre.', 0, 12);
    const fixes = actions.filter((a) => a.title.startsWith('Replace'));
    expect(fixes.map((a) => [a.title, a.isPreferred])).toEqual([['Replace “outpatient” with “hospital”', false]]);
    expect(apply(fixes[0])).toBe('Go to the hospital centre.');
  });

  it('builds actions from its own findings, whatever diagnostics the client sends back', async () => {
    h = await startHarness();
    h.open(URI, 'One.\n\nWe utilise it.');
    await h.diagnosticsFor(URI, 1);
    const bogus = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, message: 'x', code: 'utilise' };
    const actions = (await h.client.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
      context: { diagnostics: [bogus] },
    })) as CodeAction[];
    expect(actions.filter((a) => a.kind === 'quickfix')).toEqual([]);
    // A range that covers the finding gets its fix, computed against the server's copy.
    const hit = await h.codeActions(URI, { start: { line: 2, character: 0 }, end: { line: 2, character: 14 } }, ['quickfix']);
    expect(apply(hit.find((a) => a.isPreferred))).toBe('One.\n\nWe use it.');
  });

  it('fixes all unambiguous findings at once, leaving choices to the writer', async () => {
    const text = 'Ask your GP.\n\nIn order to help, we utilise and leverage 👨‍👩‍👧 funds.\r\nWe utilised it.\n';
    const actions = await actionsAt(text, 0, 0, ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.plainwords']);
    expect(apply(actions[0])).toBe('Ask your general practitioner (GP).\n\nTo help, we use and leverage 👨‍👩‍👧 funds.\r\nWe used it.\n');
    // Only the kinds asked for.
    expect(await h!.codeActions(URI, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['refactor'])).toEqual([]);
  });

  it('explains an acronym on first use', async () => {
    const actions = await actionsAt('See a GP soon.', 0, 7, ['quickfix']);
    const explain = actions.find((a) => a.isPreferred)!;
    expect(explain.title).toBe('Explain “GP”: “general practitioner (GP)”');
    expect(apply(explain)).toBe('See a general practitioner (GP) soon.');
  });

  it('ignores a finding here with a comment the engine reads, without splitting the paragraph', async () => {
    const text = 'Intro.\n\nWe utilise it.\nThen we utilise more.\n';
    let actions = await actionsAt(text, 2, 5, ['quickfix']);
    const before = apply(actions.find((a) => a.title === 'Ignore “utilise” here'));
    expect(before).toBe('Intro.\n\n<!-- plainwords-disable-next-line utilise -->\nWe utilise it.\nThen we utilise more.\n');
    actions = await h!.codeActions(URI, { start: { line: 3, character: 10 }, end: { line: 3, character: 10 } }, ['quickfix']);
    const inline = apply(actions.find((a) => a.title === 'Ignore “utilise” here'));
    expect(inline).toBe('Intro.\n\nWe utilise it.\nThen we utilise<!-- plainwords-disable-line utilise --> more.\n');
    // Both comments silence exactly their finding.
    const both = 'Intro.\n\n<!-- plainwords-disable-next-line utilise -->\nWe utilise it.\nThen we utilise<!-- plainwords-disable-line utilise --> more.\n';
    h!.open('file:///tmp/plainwords-test/ignored.md', both);
    expect(entries(await h!.diagnosticsFor('file:///tmp/plainwords-test/ignored.md', 1))).toEqual([]);
  });

  it('writes no markup into plain text: it offers the project file instead of "Ignore here"', async () => {
    h = await startHarness();
    const uri = URI.replace('.md', '.txt');
    h.open(uri, 'Some text.\r\nWe utilise it.', 'plaintext');
    await h.diagnosticsFor(uri, 1);
    const actions = await h.codeActions(uri, { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, ['quickfix']);
    expect(actions.map((a) => a.title)).toEqual([
      'Replace “utilise” with “use”',
      'Add “utilise” to the project word list (.plainwords.json)',
      'Turn off “utilise” for this project (.plainwords.json)',
    ]);
  });

  it('answers a code action for a document that moved on with nothing stale', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    h = await startHarness({ beforeCheck: (_u, v) => (v === 2 ? gate : undefined) });
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    h.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'So ' }]);
    const pending = h.codeActions(URI, { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, ['quickfix']);
    release();
    const actions = await pending;
    const fix = actions.find((a) => a.isPreferred)!;
    expect(editsFor(fix.edit, URI).version).toBe(2);
    expect(applyEdits(h.text(URI), editsFor(fix.edit, URI).edits)).toBe('So We use it.');
  });

  it('falls back to unversioned edits for clients without documentChanges', async () => {
    h = await startHarness({ capabilities: { textDocument: {} } });
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    const actions = await h.codeActions(URI, { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.edit?.changes?.[URI]).toBeDefined();
    expect(applyEdits(h.text(URI), fix.edit!.changes![URI])).toBe('We use it.');
  });
});

describe('project word list', () => {
  /**
   * Opens `text` in a folder with no config, takes the "Add … to the project word list" action
   * at `character`, writes the file it creates and reports the change: returns the action and
   * the file, after the document is checked again with no findings left.
   */
  async function addToNewWordList(text: string, character: number, title: string) {
    tmp = tempDir();
    const uri = tmp.uri('notes/a.md');
    h = await startHarness({ rootUri: tmp.uri('') });
    h.open(uri, text);
    await h.diagnosticsFor(uri, 1);
    const actions = await h.codeActions(uri, { start: { line: 0, character }, end: { line: 0, character } }, ['quickfix']);
    const add = actions.find((a) => a.title.startsWith(title));
    expect(add, title).toBeDefined();
    const configUri = tmp.uri('.plainwords.json');
    const created = applyEdits('', editsFor(add!.edit, configUri).edits);
    writeFileSync(join(tmp.dir, '.plainwords.json'), created);
    void h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await h.until('re-check with the word list', () => {
      const mine = h!.published.filter((p) => p.uri === uri);
      return mine.length >= 2 && entries(mine.at(-1)!.diagnostics).length === 0;
    });
    return { add: add!, configUri, created };
  }

  it('creates .plainwords.json with the word when there is none, and the word is then allowed', async () => {
    const { add, configUri, created } = await addToNewWordList('We utilise it.', 5, 'Add “utilise” to the project word list');
    expect(add.edit!.documentChanges![0]).toEqual({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
    expect(JSON.parse(created)).toEqual({ allow: ['utilise'] });
  });

  it('adds a phrase written across inline formatting as written, and that allows it', async () => {
    const { created } = await addToNewWordList('We met in *order* to plan.', 8, 'Add “in *order* to” to the project word list');
    expect(JSON.parse(created)).toEqual({ allow: ['in *order* to'] });
  });

  it('adds to the allow list of the existing file, keeping its layout, and can turn an entry off', async () => {
    tmp = tempDir();
    const config = '{\n    // Our words\n    "audience": "public",\n    "allow": ["NHS App"]\n}\n';
    writeFileSync(join(tmp.dir, '.plainwords.json'), config);
    const uri = tmp.uri('a.md');
    h = await startHarness();
    h.open(uri, 'We utilise it.');
    await h.diagnosticsFor(uri, 1);
    const actions = await h.codeActions(uri, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, ['quickfix']);
    const configUri = tmp.uri('.plainwords.json');
    const add = actions.find((a) => a.title.startsWith('Add “utilise”'))!;
    expect(add.edit!.documentChanges!.some((c) => 'kind' in c)).toBe(false);
    const added = applyEdits(config, editsFor(add.edit, configUri).edits);
    expect(added).toContain('// Our words');
    expect(added).toContain('"allow": [\n        "NHS App",\n        "utilise"\n    ]');
    const off = actions.find((a) => a.title.startsWith('Turn off “utilise”'))!;
    const turned = applyEdits(config, editsFor(off.edit, configUri).edits);
    expect(turned).toContain('"rules": {\n        "utilise": "off"\n    }');
  });
});

describe('hover', () => {
  it('explains a finding: why, replacements, source and a link', async () => {
    h = await startHarness();
    h.open(URI, 'We leverage it.');
    await h.diagnosticsFor(URI, 1);
    const hover = (await h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('Why: Say what you mean.');
    expect(value).toContain('Replacements: “use”, “make the most of”');
    expect(value).toContain('Source: Test source');
    expect(value).toMatch(/\[About “leverage”\]\(https:\/\/[^)]+#leverage\)/);
    expect(hover.range).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 11 } });
    const none = await h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
    expect(none).toBeNull();
  });

  it('shows a section’s reading age and target on its heading, and the report on request', async () => {
    h = await startHarness({ configuration: () => ({ codeLens: true }) });
    const long = 'The cat sat on the mat. It was a warm day and the sun was out. ';
    const text = `# Easy part\n\n${long.repeat(10)}\n\n## Hard part\n\nNotwithstanding considerable organisational complexity, interdisciplinary collaboration necessitates comprehensive documentation.\n`;
    h.open(URI, text);
    await h.diagnosticsFor(URI, 1);
    const hover = (await h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 3 } })) as Hover;
    expect((hover.contents as { value: string }).value).toMatch(/^\*\*Reading age \d+, target 9\*\*/);
    const report = (await h.client.sendRequest('plainwords/readability', { textDocument: { uri: URI } })) as {
      target: number;
      documentVersion: number;
      sections: Array<{ title: string; level: number; readingAge: number | null; heading?: { text: string } }>;
      readingAge: number | null;
    };
    expect(report.target).toBe(9);
    expect(report.documentVersion).toBe(1);
    expect(report.sections.map((s) => [s.title, s.level])).toEqual([
      ['Easy part', 1],
      ['Hard part', 2],
    ]);
    expect(report.sections[1].readingAge!).toBeGreaterThan(report.sections[0].readingAge!);
    // The summary a status bar asks for: the same document figures, no sections or paragraphs.
    const summary = (await h.client.sendRequest('plainwords/readability', { textDocument: { uri: URI }, summary: true })) as typeof report & { paragraphs: unknown[]; document: unknown; words: number };
    const full = report as typeof report & { document: unknown; words: number };
    expect(summary.readingAge).toBe(report.readingAge);
    expect(summary.document).toEqual(full.document);
    expect(summary.words).toBe(full.words);
    expect(summary.target).toBe(9);
    expect(summary.sections).toEqual([]);
    expect(summary.paragraphs).toEqual([]);
    // Asked first, before any full report exists, it gives the same figures.
    const other = 'file:///tmp/plainwords-test/same.md';
    h.open(other, text);
    await h.diagnosticsFor(other, 1);
    const first = (await h.client.sendRequest('plainwords/readability', { textDocument: { uri: other }, summary: true })) as typeof summary;
    expect(first.document).toEqual(full.document);
    expect(first.sections).toEqual([]);
    // Without paragraphs (the report view): the full report's sections and figures, paragraphs
    // left empty; on the document that had a full report and on one that never had.
    const fullParagraphs = (full as typeof full & { paragraphs: unknown[] }).paragraphs;
    expect(fullParagraphs.length).toBeGreaterThan(1);
    for (const uri of [URI, other]) {
      const sectionsOnly = (await h.client.sendRequest('plainwords/readability', { textDocument: { uri }, paragraphs: false })) as typeof summary;
      expect(sectionsOnly.paragraphs).toEqual([]);
      expect(sectionsOnly.sections).toEqual(report.sections);
      expect(sectionsOnly.document).toEqual(full.document);
      expect(sectionsOnly.readingAge).toBe(report.readingAge);
    }
    // And a full report after it still has every paragraph.
    const fullAgain = (await h.client.sendRequest('plainwords/readability', { textDocument: { uri: other } })) as typeof summary;
    expect(fullAgain.paragraphs).toEqual(fullParagraphs);
    const lenses = (await h.client.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as CodeLens[];
    expect(lenses.map((l) => l.range.start.line)).toEqual([0, 4]);
    expect(lenses[0].command!.title).toMatch(/^Reading age \d+, target 9$/);
  });
});

describe('settings', () => {
  it('works with defaults when the editor answers null', async () => {
    h = await startHarness({ configuration: () => null });
    h.open(URI, 'We utilise it.');
    expect(where(await h.diagnosticsFor(URI, 1))).toEqual([['utilise', 0, 3, 0, 10]]);
  });

  it('works with defaults when the editor cannot be asked, and takes pushed settings', async () => {
    h = await startHarness({ capabilities: { textDocument: {} } });
    h.open(URI, 'We utilise it. In order to go.');
    expect(where(await h.diagnosticsFor(URI, 1)).map((x) => x[0])).toEqual(['utilise', 'in-order-to']);
    void h.client.sendNotification('workspace/didChangeConfiguration', { settings: { plainwords: { categories: { 'wordy-phrase': 'off' }, rules: { utilise: 'error' } } } });
    await h.until('re-check', () => h!.published.length >= 2);
    const d = entries(h.published.at(-1)!.diagnostics);
    expect(d.map((x) => [x.code, x.severity])).toEqual([['utilise', 1]]);
  });

  it('reads settings per document, ignoring values of the wrong type', async () => {
    h = await startHarness({ configuration: () => ({ allow: ['utilise', 7, '&'], audience: 'martians', categories: { 'wordy-phrase': 'loud' } }) });
    h.open(URI, 'We utilise it. In order to go.');
    expect(where(await h.diagnosticsFor(URI, 1)).map((x) => x[0])).toEqual(['in-order-to']);
    expect(h.logs.some((l) => l.message.includes('plainwords.audience'))).toBe(true);
    expect(h.logs.some((l) => l.message.includes('plainwords.allow: "&" is not a word or phrase'))).toBe(true);
  });

  it('does not check a document over the size limit, and says how to check it', async () => {
    h = await startHarness({ configuration: () => ({ maxFileSize: 1000 }) });
    h.open(URI, 'We utilise it. '.repeat(100));
    const d = await h.diagnosticsFor(URI, 1);
    expect(d).toHaveLength(1);
    expect(d[0].severity).toBe(3);
    expect(d[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(d[0].message).toContain('npx plainwords check');
    expect(await h.client.sendRequest('plainwords/readability', { textDocument: { uri: URI } })).toBeNull();
  });

  it('counts the size limit in UTF-8 bytes, kept up to date as the document is edited', async () => {
    h = await startHarness({ configuration: () => ({ maxFileSize: 1000 }) });
    // 300 emoji: 600 UTF-16 code units, 1200 bytes.
    h.open(URI, 'We utilise it. ' + '😀'.repeat(300));
    expect((await h.diagnosticsFor(URI, 1)).map((d) => d.code)).toEqual(['too-large']);
    let v = h.change(URI, [{ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 315 } }, text: '' }]);
    expect(where(await h.diagnosticsFor(URI, v))).toEqual([['utilise', 0, 3, 0, 10]]);
    v = h.change(URI, [{ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } }, text: 'é'.repeat(500) }]);
    expect((await h.diagnosticsFor(URI, v)).map((d) => d.code)).toEqual(['too-large']);
    v = h.change(URI, [{ text: 'We utilise it.' }]);
    expect(where(await h.diagnosticsFor(URI, v))).toEqual([['utilise', 0, 3, 0, 10]]);
  });
});

describe('limits', () => {
  it('shows at most 1000 diagnostics, the most severe first, and says how many more there are; fix all still fixes all', async () => {
    h = await startHarness({ configuration: () => ({ rules: { leverage: 'error' } }) });
    const text = Array.from({ length: 1100 }, (_, i) => (i === 1050 ? 'We leverage it.' : `Line ${i}: we utilise it.`)).join('\n\n');
    h.open(URI, text);
    const d = await h.diagnosticsFor(URI, 1);
    expect(d).toHaveLength(1001);
    expect(d.at(-1)!.code).toBe('more-problems');
    expect(d.at(-1)!.message).toMatch(/found \d+ problems here and shows the 1000 most important/);
    expect(d.some((x) => x.code === 'leverage')).toBe(true);
    const all = await h.codeActions(URI, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll.plainwords']);
    const fixed = applyEdits(text, editsFor(all[0].edit, URI).edits);
    expect(fixed.match(/utilise/g)).toBeNull();
    expect(fixed.match(/we use it/g)).toHaveLength(1099);
  });
});

describe('project config', () => {
  it('applies the config\'s audiences by path, relative to the config file', async () => {
    tmp = tempDir();
    writeFileSync(join(tmp.dir, '.plainwords.json'), JSON.stringify({ audiences: { 'staff/**': 'staff' } }));
    mkdirSync(join(tmp.dir, 'staff'));
    h = await startHarness();
    const staff = tmp.uri('staff/briefing.md');
    const pub = tmp.uri('leaflet.md');
    h.open(staff, '# Briefing\n\nWe will meet.\n');
    h.open(pub, '# Leaflet\n\nWe will meet.\n');
    await h.diagnosticsFor(staff, 1);
    await h.diagnosticsFor(pub, 1);
    const target = async (uri: string) => ((await h!.client.sendRequest('plainwords/readability', { textDocument: { uri } })) as { audience: string; target: number });
    expect(await target(staff)).toMatchObject({ audience: 'staff', target: 14 });
    expect(await target(pub)).toMatchObject({ audience: 'public', target: 9 });
  });


  it('reloads .plainwords.json when it changes', async () => {
    tmp = tempDir();
    writeFileSync(join(tmp.dir, '.plainwords.json'), '{ "allow": [] }');
    mkdirSync(join(tmp.dir, 'docs'));
    const uri = tmp.uri('docs/a.md');
    h = await startHarness();
    h.open(uri, 'We utilise it.');
    expect(where(await h.diagnosticsFor(uri, 1))).toEqual([['utilise', 0, 3, 0, 10]]);
    expect(JSON.stringify(h.registrations)).toContain('**/.plainwords.json');
    writeFileSync(join(tmp.dir, '.plainwords.json'), '{ "allow": ["utilise"] }');
    void h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: tmp.uri('.plainwords.json'), type: 2 }] });
    await h.until('re-check without the word', () => h!.published.filter((p) => p.uri === uri).length >= 2);
    expect(entries(h.published.filter((p) => p.uri === uri).at(-1)!.diagnostics)).toEqual([]);
  });

  it('watches the config itself when the editor cannot, also when it is saved by replacing the file', async () => {
    tmp = tempDir();
    const configPath = join(tmp.dir, '.plainwords.json');
    writeFileSync(configPath, '{ "allow": [] }');
    const uri = tmp.uri('a.md');
    h = await startHarness({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
    h.open(uri, 'We utilise it.');
    expect(where(await h.diagnosticsFor(uri, 1))).toEqual([['utilise', 0, 3, 0, 10]]);
    expect(h.registrations).toEqual([]);
    writeFileSync(configPath + '.tmp', '{ "allow": ["utilise"] }');
    renameSync(configPath + '.tmp', configPath);
    await h.until('re-check without the word', () => {
      const mine = h!.published.filter((p) => p.uri === uri);
      return mine.length >= 2 && entries(mine.at(-1)!.diagnostics).length === 0;
    });
  });

  it('reports a broken config on that file, at the line, and keeps the last good config', async () => {
    tmp = tempDir();
    const configPath = join(tmp.dir, '.plainwords.json');
    const configUri = tmp.uri('.plainwords.json');
    writeFileSync(configPath, '{ "allow": ["utilise"] }');
    const uri = tmp.uri('a.md');
    h = await startHarness();
    h.open(uri, 'We utilise it. In order to go.');
    expect(where(await h.diagnosticsFor(uri, 1)).map((x) => x[0])).toEqual(['in-order-to']);
    writeFileSync(configPath, '{\n  "allow": ["utilise"],\n  "categories": { "wordy-phrase": "loud" }\n}\n');
    void h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const problems = await h.diagnosticsFor(configUri);
    expect(problems).toHaveLength(1);
    expect(problems[0].range.start.line).toBe(2);
    expect(problems[0].severity).toBe(1);
    expect(problems[0].message).toContain('wordy-phrase');
    await h.until('a message', () => h!.messages.find((m) => m.message.includes('.plainwords.json') && m.message.includes('last good')));
    // Still the last good config: "utilise" stays allowed and wordy phrases are still shown.
    await h.until('re-check', () => h!.published.filter((p) => p.uri === uri).length >= 2);
    expect(where(h.published.filter((p) => p.uri === uri).at(-1)!.diagnostics).map((x) => x[0])).toEqual(['in-order-to']);
    // Mending it clears the problem.
    writeFileSync(configPath, '{ "allow": ["utilise"], "categories": { "wordy-phrase": "off" } }');
    void h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await h.until('problems cleared', () => h!.published.filter((p) => p.uri === configUri).at(-1)!.diagnostics.length === 0);
    await h.until('re-check with the mended config', () => entries(h!.published.filter((p) => p.uri === uri).at(-1)!.diagnostics).length === 0);
  });

  it('reports a broken project dictionary entry on that file', async () => {
    tmp = tempDir();
    mkdirSync(join(tmp.dir, 'words', 'wordy-phrase'), { recursive: true });
    writeFileSync(join(tmp.dir, '.plainwords.json'), '{ "dictionaries": ["words"] }');
    const entry = {
      id: 'plinkify',
      terms: ['plinkify'],
      replacements: ['tidy'],
      why: 'A made-up word.',
      category: 'wordy-phrase',
      source: 'Test',
      examples: { flag: [{ text: 'We plinkify it.', fixed: 'We tidy it.' }] },
    };
    writeFileSync(join(tmp.dir, 'words', 'wordy-phrase', 'plinkify.json'), JSON.stringify(entry, null, 2));
    const uri = tmp.uri('a.md');
    h = await startHarness();
    h.open(uri, 'We plinkify and utilise it.');
    expect((await h.diagnosticsFor(uri, 1)).map((d) => d.code).filter((c) => c === 'plinkify' || c === 'utilise')).toEqual(['plinkify', 'utilise']);
    const dictionaryWatch = JSON.stringify(h.registrations);
    expect(dictionaryWatch).toContain('**/*.json');
    const entryUri = tmp.uri('words/wordy-phrase/plinkify.json');
    writeFileSync(join(tmp.dir, 'words', 'wordy-phrase', 'plinkify.json'), JSON.stringify({ ...entry, replacements: 'tidy' }, null, 2));
    void h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: entryUri, type: 2 }] });
    const problems = await h.diagnosticsFor(entryUri);
    const broken = JSON.stringify({ ...entry, replacements: 'tidy' }, null, 2).split('\n');
    expect(problems[0].range.start.line).toBe(broken.findIndex((l) => l.includes('"replacements"')));
    expect(problems[0].message).toContain('replacements');
  });
});

describe('faults', () => {
  it('answers requests for unknown documents and impossible positions with errors, not a crash', async () => {
    h = await startHarness();
    await expect(h.client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.md' }, position: { line: 0, character: 0 } })).rejects.toMatchObject({ code: -32602 });
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    await expect(h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 0 } })).rejects.toMatchObject({ code: -32602 });
    await expect(h.codeActions(URI, { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } })).rejects.toMatchObject({ code: -32602 });
    await expect(h.client.sendRequest('plainwords/readability', { textDocument: { uri: 'file:///nope.md' } })).rejects.toMatchObject({ code: -32602 });
    // A character past the end of a line means the end of the line (LSP).
    const hover = await h.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 999 } });
    expect(hover).toBeNull();
    expect(where(await h.diagnosticsFor(URI, 1))).toHaveLength(1);
  });

  it('keeps serving when a rule throws: logged and shown once, turned off for that document only', async () => {
    const rule = {
      id: 'explosive',
      check(text: string) {
        if (text.includes('BOOM')) throw new Error('the rule broke');
        return [];
      },
    };
    h = await startHarness({ rules: [rule] });
    const bad = 'file:///tmp/plainwords-test/bad.md';
    const good = 'file:///tmp/plainwords-test/good.md';
    h.open(bad, 'BOOM: we utilise it.');
    h.open(good, 'All is fine here, and we utilise it.');
    expect(where(await h.diagnosticsFor(bad, 1))).toEqual([['utilise', 0, 9, 0, 16]]);
    let v = 1;
    for (let i = 0; i < 10; i++) v = h.change(bad, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await h.diagnosticsFor(bad, v);
    const errors = h.logs.filter((l) => l.message.includes('the rule broke'));
    expect(errors).toHaveLength(1);
    expect(errors[0].type).toBe(1);
    expect(h.messages.filter((m) => m.message.includes('internal error'))).toHaveLength(1);
    expect(where(await h.diagnosticsFor(good, 1))).toEqual([['utilise', 0, 25, 0, 32]]);
  });

  it('takes any number of findings from a rule of its own (250,000 here): the most severe are shown', async () => {
    const rule = {
      id: 'every-letter',
      check(text: string) {
        return Array.from({ length: 250_000 }, (_, i) => ({ ruleId: 'every-letter', start: i % text.length, end: (i % text.length) + 1, range: { start: { line: 0, character: i % text.length }, end: { line: 0, character: (i % text.length) + 1 } }, actual: 'x', message: 'A letter.', severity: 'hint' as const, replacements: [], explanation: '' }));
      },
    };
    h = await startHarness({ rules: [rule] });
    h.open(URI, 'We utilise it.');
    const shown = await h.diagnosticsFor(URI, 1);
    // The jargon finding (a warning) is shown before hints, and the note says how many there are.
    expect(shown.some((d) => d.code === 'utilise')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(1001);
    expect(shown.some((d) => d.code === 'more-problems' && String(d.message).includes('250001 problems'))).toBe(true);
    expect(h.logs.filter((l) => l.type === 1)).toEqual([]);
  });

  it('answers a request that fails inside with an error, and the next one normally', async () => {
    let fail = true;
    h = await startHarness({
      onRequest(method) {
        if (method === 'textDocument/hover' && fail) throw new Error('hover broke');
      },
    });
    h.open(URI, 'We utilise it.');
    await h.diagnosticsFor(URI, 1);
    const at = { textDocument: { uri: URI }, position: { line: 0, character: 4 } };
    await expect(h.client.sendRequest('textDocument/hover', at)).rejects.toMatchObject({ code: -32603 });
    fail = false;
    expect(await h.client.sendRequest('textDocument/hover', at)).toMatchObject({ range: { start: { line: 0, character: 3 } } });
    expect(h.logs.some((l) => l.message.includes('hover broke'))).toBe(true);
  });

  it('reads no project files in an untrusted workspace', async () => {
    tmp = tempDir();
    writeFileSync(join(tmp.dir, '.plainwords.json'), '{ "allow": ["utilise"] }');
    const uri = tmp.uri('a.md');
    h = await startHarness({ initializationOptions: { debounce: 0, trusted: false } });
    h.open(uri, 'We utilise it.');
    expect(where(await h.diagnosticsFor(uri, 1))).toEqual([['utilise', 0, 3, 0, 10]]);
    const actions = await h.codeActions(uri, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } });
    expect(actions.some((a) => a.title.includes('.plainwords.json'))).toBe(false);
    expect(existsSync(join(tmp.dir, '.plainwords.json')) && readFileSync(join(tmp.dir, '.plainwords.json'), 'utf8')).toBe('{ "allow": ["utilise"] }');
  });
});

describe('code actions while settings change', () => {
  it('answers quick fixes while settings notifications keep starting new checks', async () => {
    h = await startHarness({ configuration: () => ({}) });
    h.open(URI, 'We utilise it.\n');
    await h.diagnosticsFor(URI, 1);
    // Settings notifications start new checks; the request waits for a current one. (This does not
    // reproduce the editor's race reliably in memory; it pins the behaviour.)
    const pending = h.codeActions(URI, { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, ['quickfix']);
    for (let i = 0; i < 8; i++) {
      void h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const actions = await pending;
    expect(actions.map((a) => a.title)).toContain('Replace “utilise” with “use”');
  });
});
