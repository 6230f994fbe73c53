// Properties of the whole programs, shared by the test suite and `npm run fuzz`: the language
// server keeps its copy of a document in step through random (also impossible) edits, and the
// command line reports and fixes exactly what the engine finds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, compileDictionary, type DictionaryData } from '../../server/src/engine/index.js';
import { startHarness, TEST_DICTIONARY, type Harness } from '../lsp/harness.js';
import { root } from '../lsp/build.js';
import { freshDiagnostics, shape } from '../robustness/server-support.js';
import { Docs } from './arbitraries.js';
import { fixToEnd, type NamedProperty } from './properties.js';

const pos = (line: number, character: number) => ({ line, character });

/** Random content changes: ranges anywhere (also reversed, negative or past the end), or whole text. */
export function changes(): fc.Arbitrary<TextDocumentContentChangeEvent[][]> {
  const change = fc.record({
    sl: fc.integer({ min: -2, max: 12 }),
    sc: fc.integer({ min: -2, max: 40 }),
    el: fc.integer({ min: -2, max: 12 }),
    ec: fc.integer({ min: -2, max: 40 }),
    text: fc.constantFrom('', 'a', 'utilise', ' in order to ', '\r\n', '\n\n', '\r', '😀', '\uD83D', '```', '\n```\n', 'GP', '<!--', '-->', '> ', 'leverage '),
    full: fc.integer({ min: 0, max: 30 }).map((n) => n === 0),
  });
  return fc.array(
    fc.array(change, { minLength: 1, maxLength: 3 }).map((batch) => batch.map((c): TextDocumentContentChangeEvent => (c.full ? { text: c.text } : { range: { start: pos(c.sl, c.sc), end: pos(c.el, c.ec) }, text: c.text }))),
    { minLength: 1, maxLength: 12 },
  );
}

const START = fc.array(fc.constantFrom('We ', 'utilise', ' it', '.', '\r\n', '\n', '\n\n', '😀', 'é', 'in order to ', 'GP ', '`', '```\n', '> ', '- ', 'leverage', '\uFEFF', '<!-- plainwords-disable -->'), { maxLength: 30 }).map((a) => a.join(''));

/** L22: after random edits the server publishes what a fresh check of the client's copy gives. */
export function serverSyncProperty(harness: () => Promise<Harness>): NamedProperty {
  let n = 0;
  return {
    id: 'L22',
    title: 'server: incremental sync equals a fresh check of the client copy after random edits',
    cost: 4,
    property: fc.asyncProperty(START, changes(), async (start, batches) => {
      const h = await harness();
      const uri = `file:///tmp/plainwords-fuzz/sync-${n++}.md`;
      let mirror = TextDocument.create(uri, 'markdown', 1, start);
      h.open(uri, start);
      for (const batch of batches) {
        mirror = TextDocument.update(mirror, batch, mirror.version + 1);
        void h.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: mirror.version }, contentChanges: batch });
      }
      const got = await h.diagnosticsFor(uri, mirror.version, 20000);
      h.close(uri);
      const want = freshDiagnostics(mirror.getText());
      if (JSON.stringify(shape(got)) !== JSON.stringify(shape(want))) {
        throw new Error(`server and fresh check differ for ${JSON.stringify(mirror.getText())}:\n  server: ${shape(got).join('\n          ')}\n  fresh:  ${shape(want).join('\n          ')}`);
      }
    }),
  };
}

/** A started in-memory server, shared by the runs of a property. */
export function sharedHarness(): { get: () => Promise<Harness>; dispose: () => void } {
  let h: Promise<Harness> | undefined;
  return {
    get: () => (h ??= startHarness()),
    dispose: () => void h?.then((x) => x.dispose()),
  };
}

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { PATH: process.env.PATH ?? '', HOME: cwd } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * F4 and Q13: the command line's JSON findings are the engine's (1-based lines and columns of
 * the text without its byte order mark), its exit code is 0 or 1, and --fix writes exactly the
 * engine's fix-all result, BOM and line breaks kept.
 */
export function cliProperty(data: DictionaryData, options: { asProject?: boolean } = {}): NamedProperty {
  const dictionary = compileDictionary(data);
  const docs = new Docs(data);
  // As a project dictionary (with --no-builtin), the test does not depend on when dist/ was built.
  const project = (dir: string): string[] => {
    if (!options.asProject) return [];
    for (const e of data.entries) {
      mkdirSync(join(dir, 'words', e.category), { recursive: true });
      writeFileSync(join(dir, 'words', e.category, `${e.id}.json`), JSON.stringify({ ...e, $schema: undefined }));
    }
    writeFileSync(join(dir, '.plainwords.json'), JSON.stringify({ dictionaries: ['words'] }));
    return ['--no-builtin'];
  };
  return {
    id: 'F4-Q13',
    title: 'command line: JSON findings equal the engine’s, exit code 0 or 1 (2 for a binary file), --fix writes the engine’s fix-all',
    cost: 20,
    property: fc.property(docs.doc({ maxLines: 12 }), fc.constantFrom('md', 'txt'), (doc, ext) => {
      const dir = mkdtempSync(join(tmpdir(), 'plainwords-fuzz-cli-'));
      try {
        const file = join(dir, `doc.${ext}`);
        writeFileSync(file, doc, 'utf8');
        // What is on disk (a lone surrogate is written as U+FFFD), without its BOM: what the CLI checks.
        const disk = readFileSync(file, 'utf8');
        const bom = disk.startsWith('\uFEFF');
        const text = bom ? disk.slice(1) : disk;
        const format = ext === 'md' ? 'markdown' : 'text';
        const extra = project(dir);
        const r = cli(['check', `doc.${ext}`, '--format', 'json', '--no-progress', '-j', '1', ...extra], dir);
        if (text.includes('\u0000')) {
          // A NUL byte: a binary file, which is a read error (exit 2) naming the file, never checked.
          if (r.code !== 2 || !r.stderr.includes(`doc.${ext}: looks like a binary file`)) throw new Error(`a text with a NUL byte gave exit code ${r.code}: ${r.stderr}`);
          return;
        }
        if (r.code !== 0 && r.code !== 1) throw new Error(`exit code ${r.code}: ${r.stderr}`);
        const report = JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ ruleId: string; entryId?: string; start: number; end: number; line: number; column: number; endLine: number; endColumn: number }> }> };
        const got = report.files[0].findings.map((f) => `${f.ruleId}/${f.entryId ?? ''} ${f.start}-${f.end} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
        const want = check(text, { dictionary, format }).findings.map((f) => `${f.ruleId}/${f.entryId ?? ''} ${f.start}-${f.end} ${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`);
        if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`CLI and engine differ:\n  cli:    ${got.join('\n          ')}\n  engine: ${want.join('\n          ')}`);
        const fixed = cli(['check', `doc.${ext}`, '--fix', '--format', 'json', '--no-progress', '-j', '1', ...extra], dir);
        if (fixed.code !== 0 && fixed.code !== 1) throw new Error(`--fix exit code ${fixed.code}: ${fixed.stderr}`);
        const expected = (bom ? '\uFEFF' : '') + fixToEnd(text, dictionary, format).final;
        const after = readFileSync(file, 'utf8');
        if (after !== expected) throw new Error(`--fix wrote ${JSON.stringify(after)}\n  the engine gives ${JSON.stringify(expected)}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  };
}

export { TEST_DICTIONARY };
