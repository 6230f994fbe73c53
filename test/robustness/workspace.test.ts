// A hostile workspace: config and dictionary files that are huge, deeply nested, invalid, carry
// "__proto__" keys, point outside the project, or sit beside JavaScript files named like
// configs. Nothing is ever run, nothing outside the config's folder is read, prototypes stay
// clean, and every problem is an error that names the file and line (exit code 2 on the
// command line; a diagnostic on the file in the editor). Untrusted workspaces read no project
// file at all.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { check, compileDictionary, type Entry } from '../../server/src/engine/index.js';
import { loadProject } from '../../server/src/node/config.js';
import { runCli, tempDir } from '../cli/harness.js';
import { ensureBuilt } from '../lsp/build.js';
import { startHarness, testHost, type Harness } from '../lsp/harness.js';
import type { Host } from '../../server/src/lsp/host.js';

beforeAll(() => ensureBuilt(['dist/cli.js']), 120000);

let h: Harness | undefined;
afterEach(() => {
  h?.dispose();
  h = undefined;
  // Whatever a test did, nothing may have touched Object.prototype.
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** A valid project dictionary entry. */
function entry(id: string, term: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    terms: [term],
    inflect: 'none',
    replacements: ['tidy'],
    why: 'A made-up word for tests.',
    category: 'wordy-phrase',
    source: 'Plain Words tests',
    examples: { flag: [{ text: `We ${term} it.`, fixed: 'We tidy it.' }] },
    ...extra,
  } as Entry;
}

/** A project folder: files by relative path (objects are written as JSON). */
function project(files: Record<string, unknown>): string {
  const dir = tempDir('plainwords-hostile-');
  for (const [rel, content] of Object.entries(files)) {
    const full = join(dir, rel);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** JavaScript files that would leave a mark if anything ran them. */
const TRAPS = {
  '.plainwords.js': "require('fs').writeFileSync(__dirname + '/RAN-plainwords.js', 'x'); module.exports = { allow: ['utilise'] };",
  'plainwords.config.js': "require('fs').writeFileSync(__dirname + '/RAN-config.js', 'x'); module.exports = { allow: ['utilise'] };",
  '.plainwords.cjs': "require('fs').writeFileSync(__dirname + '/RAN-cjs', 'x');",
  '.plainwords.mjs': "import fs from 'node:fs'; fs.writeFileSync(new URL('./RAN-mjs', import.meta.url), 'x');",
  'words/wordy-phrase/evil.js': "require('fs').writeFileSync(__dirname + '/../../RAN-dictionary', 'x');",
  'evil.js': "require('fs').writeFileSync(__dirname + '/RAN-evil', 'x');",
};
const ran = (dir: string) => ['RAN-plainwords.js', 'RAN-config.js', 'RAN-cjs', 'RAN-mjs', 'RAN-dictionary', 'RAN-evil'].filter((f) => existsSync(join(dir, f)));

describe('project dictionaries stay inside the project (command line)', () => {
  it('refuses "../../etc", an absolute path and a symbolic link leading out, naming the config file and line', async () => {
    const outside = project({ 'words/wordy-phrase/plinkify.json': entry('plinkify', 'plinkify') });
    const dir = project({ 'doc.md': 'We plinkify it.\n' });
    symlinkSync(join(outside, 'words'), join(dir, 'linked'));
    const cases: Array<[string[], RegExp]> = [
      [['../../etc'], /\.plainwords\.json:3:5: dictionaries\[0\] "\.\.\/\.\.\/etc" is not read: it is outside the folder of the config file/],
      [[join(outside, 'words')], /\.plainwords\.json:3:5: dictionaries\[0\] ".*" is not read: it is outside the folder of the config file/],
      [['linked'], /dictionaries\[0\] "linked" is not read: it leads outside the folder of the config file through a symbolic link/],
      [['words', '../x'], /\.plainwords\.json:4:5: dictionaries\[1\] "\.\.\/x" is not read/],
    ];
    for (const [dictionaries, message] of cases) {
      writeFileSync(join(dir, '.plainwords.json'), `{\n  "dictionaries": [\n${dictionaries.map((d) => `    ${JSON.stringify(d)}`).join(',\n')}\n  ]\n}\n`);
      const r = await runCli(['check', 'doc.md', '--no-progress'], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('reads a dictionary inside the project', async () => {
    const dir = project({ 'doc.md': 'We plinkify it.\n', '.plainwords.json': { dictionaries: ['words'] }, 'words/wordy-phrase/plinkify.json': entry('plinkify', 'plinkify') });
    const r = await runCli(['check', 'doc.md', '--format', 'json', '--no-progress'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { entryId: string }) => f.entryId)).toContain('plinkify');
  });
});

describe('nothing in a workspace is ever run', () => {
  it('the command line never runs .plainwords.js, plainwords.config.js or JavaScript in a dictionary folder', async () => {
    const dir = project({ ...TRAPS, 'doc.md': 'We utilise it.\n', '.plainwords.json': { dictionaries: ['words'] } });
    const r = await runCli(['check', '.', '--format', 'json', '--no-progress'], { cwd: dir });
    expect([0, 1]).toContain(r.code);
    // The JavaScript configs' "allow" was not applied: utilise is still flagged.
    expect(JSON.parse(r.stdout).files.flatMap((f: { findings: Array<{ entryId: string }> }) => f.findings.map((x) => x.entryId))).toContain('utilise');
    // A dictionary path naming a .js file is read as JSON, and refused as invalid JSON.
    writeFileSync(join(dir, '.plainwords.json'), JSON.stringify({ dictionaries: ['evil.js'] }));
    const r2 = await runCli(['check', 'doc.md', '--no-progress'], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/evil\.js:1:1: invalid JSON/);
    expect(ran(dir)).toEqual([]);
  });

  it('the language server never runs them either', async () => {
    const dir = project({ ...TRAPS, 'doc.md': 'We utilise it.\n', '.plainwords.json': { dictionaries: ['words', 'evil.js'] } });
    h = await startHarness({ rootUri: pathToFileURL(dir).href });
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    h.open(uri, 'We utilise it.\n');
    const d = await h.diagnosticsFor(uri, 1);
    expect(d.map((x) => x.code)).toContain('utilise');
    const problems = await h.until('a problem on evil.js', () => h!.published.find((p) => p.uri.endsWith('evil.js') && p.diagnostics.length));
    expect(problems.diagnostics[0].message).toMatch(/invalid JSON/);
    expect(ran(dir)).toEqual([]);
  });
});

describe('prototype keys are data, never structure', () => {
  it('refuses "__proto__" and "constructor" as config fields, and takes them as plain ids in rules', async () => {
    for (const config of ['{ "__proto__": { "polluted": "yes" } }', '{ "constructor": { "prototype": { "polluted": "yes" } } }', '{ "categories": { "__proto__": "off" } }']) {
      const dir = project({ 'doc.md': 'We utilise it.\n', '.plainwords.json': config });
      const r = await runCli(['check', 'doc.md', '--no-progress'], { cwd: dir });
      expect(r.code, config).toBe(2);
      expect(r.stderr).toMatch(/\.plainwords\.json:1:\d+: .*(__proto__|constructor).* is not a known field/);
    }
    const dir = project({ 'doc.md': 'We utilise it.\n', '.plainwords.json': '{ "rules": { "__proto__": "off", "constructor": "error", "toString": "off" } }' });
    const r = await runCli(['check', 'doc.md', '--format', 'json', '--no-progress'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { entryId: string; severity: string }) => [f.entryId, f.severity])).toContainEqual(['utilise', 'warning']);
  });

  it('an entry with "__proto__" keys is refused; an entry called "constructor" gets a real severity', async () => {
    const bad = { ...entry('plinkify', 'plinkify'), forms: JSON.parse('{"__proto__": {"polluted": "yes"}}') };
    const raw = JSON.stringify(bad).replace('"forms":{}', '"forms":{"__proto__":{"polluted":"yes"}}').replace('"id":"plinkify"', '"id":"plinkify","__proto__":{"polluted":"yes"}');
    const dir = project({ 'doc.md': 'We plinkify the constructor.\n', '.plainwords.json': { dictionaries: ['words'] }, 'words/wordy-phrase/plinkify.json': raw });
    const r = await runCli(['check', 'doc.md', '--no-progress'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plinkify\.json:\d+:\d+: .*__proto__ is not a known field/);
    // In process: loading and checking with such data leaves prototypes alone.
    const loaded = loadProject(join(dir, '.plainwords.json'), { entries: [], names: [] });
    expect(loaded.problems.length).toBeGreaterThan(0);
    const dictionary = compileDictionary({ entries: [entry('constructor', 'constructor'), entry('to-string', 'toString')] });
    const findings = check('The constructor and toString.', { dictionary, config: { rules: {} } }).findings.filter((f) => f.ruleId === 'jargon');
    expect(findings.map((f) => [f.entryId, f.severity])).toEqual([
      ['constructor', 'info'],
      ['to-string', 'info'],
    ]);
  });
});

describe('broken, huge and deeply nested files are errors that name the file and line', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['invalid JSON', '{\n  "audience": "public",\n  "allow": [\n}\n', /\.plainwords\.json:4:1: invalid JSON/],
    ['not an object', '["utilise"]', /\.plainwords\.json:1:1: .*must be an object/],
    ['empty', '', /\.plainwords\.json:1:1: invalid JSON: expected a value/],
    ['deeply nested', '{ "allow": ' + '['.repeat(100_000) + ']'.repeat(100_000) + ' }', /\.plainwords\.json:1:\d+: is nested more than 64 levels deep/],
    ['unclosed and deep', '{'.repeat(50_000), /\.plainwords\.json:1:\d+: is nested more than 64 levels deep/],
    ['huge', JSON.stringify({ allow: Array.from({ length: 150_000 }, (_, i) => `word number ${i}`) }), /\.plainwords\.json:1:1: cannot be read: it is larger than 2 MB/],
    ['binary', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x7d]), /\.plainwords\.json:1:\d+: invalid JSON/],
    ['wrong types', '{ "allow": "utilise", "longSentence": "long" }', /\.plainwords\.json:1:3: allow must be an array/],
    ['keys that load code elsewhere (S6)', '{ "extends": "./x.js", "plugins": ["some-module"], "rules": "require(\'child_process\')" }', /\.plainwords\.json:1:3: extends is not a known field/],
  ];
  for (const [name, content, message] of cases) {
    it(`config: ${name}`, async () => {
      const dir = project({ 'doc.md': 'We utilise it.\n', '.plainwords.json': content });
      const r = await runCli(['check', 'doc.md', '--no-progress'], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
    });
  }

  it('dictionary entries: huge, deeply nested and binary files', async () => {
    const dir = project({
      'doc.md': 'We utilise it.\n',
      '.plainwords.json': { dictionaries: ['words'] },
      'words/wordy-phrase/deep.json': '['.repeat(200_000),
      'words/wordy-phrase/huge.json': JSON.stringify({ ...entry('huge', 'huge'), why: 'x'.repeat(3_000_000) }),
      'words/wordy-phrase/binary.json': Buffer.from([0x00, 0x01, 0xff]),
    });
    const r = await runCli(['check', 'doc.md', '--no-progress'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/deep\.json:1:65: is nested more than 64 levels deep/);
    expect(r.stderr).toMatch(/huge\.json:1:1: is too large/);
    expect(r.stderr).toMatch(/binary\.json:1:1: invalid JSON/);
    expect(r.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
  });

  it('the language server reports them on the file and keeps checking with what it had', async () => {
    const dir = project({ 'doc.md': 'We utilise it.\n', '.plainwords.json': '{ "allow": ' + '['.repeat(10_000) + ' }', 'elsewhere/x.json': '{}' });
    h = await startHarness({ rootUri: pathToFileURL(dir).href });
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    h.open(uri, 'We utilise it.\n');
    expect((await h.diagnosticsFor(uri, 1)).map((d) => d.code)).toContain('utilise');
    const config = pathToFileURL(join(dir, '.plainwords.json')).href;
    const p = await h.until('a problem on the config', () => h!.published.find((x) => x.uri === config && x.diagnostics.length));
    expect(p.diagnostics[0].message).toMatch(/nested more than 64 levels deep/);
    // Now a config that points outside its folder: refused, at its line.
    writeFileSync(join(dir, '.plainwords.json'), '{\n  "dictionaries": ["../elsewhere", "/etc"]\n}\n');
    await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    const outside = await h.until('outside-folder problems', () => {
      const last = h!.published.filter((x) => x.uri === config).at(-1);
      return last && last.diagnostics.length >= 2 && last.diagnostics.every((d) => /outside the folder/.test(String(d.message))) ? last : undefined;
    });
    expect(outside.diagnostics.map((d) => d.range.start.line)).toEqual([1, 1]);
    expect(outside.diagnostics[0].message).toMatch(/dictionaries\[0\] "\.\.\/elsewhere" is not read/);
  });
});

describe('untrusted workspaces', () => {
  /** A host that records every file the server asks for. */
  function spyHost(): { host: Host; reads: string[] } {
    const base = testHost();
    const reads: string[] = [];
    const host: Host = {
      ...base,
      readFile: (uri) => (reads.push(uri), base.readFile(uri)),
      listJsonFiles: (uri) => (reads.push(uri), base.listJsonFiles(uri)),
      watch: (uris, onChange) => (reads.push(...uris), base.watch!(uris, onChange)),
    };
    return { host, reads };
  }

  it('read no project file at all (and a trusted one does)', async () => {
    const dir = project({ 'doc.md': 'We utilise it.\n', '.plainwords.json': { allow: ['utilise'], dictionaries: ['words'] }, 'words/wordy-phrase/plinkify.json': entry('plinkify', 'plinkify') });
    const uri = pathToFileURL(join(dir, 'doc.md')).href;
    const untrusted = spyHost();
    h = await startHarness({ host: untrusted.host, rootUri: pathToFileURL(dir).href, initializationOptions: { debounce: 0, trusted: false } });
    h.open(uri, 'We utilise and plinkify it.\n');
    expect((await h.diagnosticsFor(uri, 1)).map((d) => d.code)).toContain('utilise');
    await h.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, context: { diagnostics: [] } });
    expect(untrusted.reads).toEqual([]);
    h.dispose();
    const trusted = spyHost();
    h = await startHarness({ host: trusted.host, rootUri: pathToFileURL(dir).href });
    h.open(uri, 'We utilise and plinkify it.\n');
    const d = await h.diagnosticsFor(uri, 1);
    expect(d.map((x) => x.code)).not.toContain('utilise');
    expect(d.map((x) => x.code)).toContain('plinkify');
    expect(trusted.reads.length).toBeGreaterThan(0);
  });
});
