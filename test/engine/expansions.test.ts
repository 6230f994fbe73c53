// Entry expansions worked out ahead (esbuild.mjs puts the built-in entries' expansions in the
// bundles and primes the engine with them): a dictionary compiled from primed expansions must be
// the dictionary compiled from scratch.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import builtin from 'plainwords:dictionary';
import { check, compileDictionary, expandEntry, primeExpansions, type CompiledDictionary, type DictionaryData, type Entry, type Finding } from '../../server/src/engine/index.js';
import type { TrieNode } from '../../server/src/engine/trie.js';

/** A trie as plain data, children in key order, so two tries compare with toEqual. */
function plainTrie(node: TrieNode<unknown>): unknown {
  const kids = (m: Map<string, TrieNode<unknown>> | undefined) =>
    m ? Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, plainTrie(v)])) : null;
  return { next: kids(node.next), exact: kids(node.exact), values: node.values ?? null };
}

function plain(d: CompiledDictionary): unknown {
  return {
    entries: d.entries.map(({ entry, ...rest }) => ({ id: entry.id, ...rest })),
    byId: [...d.byId],
    acronyms: [...d.acronyms],
    trie: plainTrie(d.trie.root as TrieNode<unknown>),
    maxDepth: d.trie.maxDepth,
  };
}

/** Fresh copies of the built-in entries (expansions are kept per entry object). */
const copies = (): DictionaryData => structuredClone({ entries: builtin.entries, names: builtin.names });

describe('entry expansions worked out ahead', () => {
  it('compile the built-in dictionary to the same matcher as compiling from scratch', () => {
    const fresh = copies();
    const primed = copies();
    // As a bundle carries them: worked out on other objects, as JSON text.
    primeExpansions(primed.entries, JSON.stringify(copies().entries.map(expandEntry)));
    const a = compileDictionary(fresh);
    const b = compileDictionary(primed);
    expect(b.entries.length).toBeGreaterThan(1000);
    expect(plain(b)).toEqual(plain(a));
  });

  it('are what compiling reads: a primed expansion is matched', () => {
    const data = copies();
    const i = data.entries.findIndex((e) => e.id === 'utilise');
    expect(i).toBeGreaterThanOrEqual(0);
    const expansions = data.entries.map(expandEntry);
    // A phrase the entry's terms do not give: matched only if compiling reads the expansion.
    expansions[i] = { ...expansions[i], phrases: [...expansions[i].phrases, [['zorbify'], 'base', false]] };
    primeExpansions(data.entries, JSON.stringify(expansions));
    const found = check('We zorbify the notes.', { dictionary: compileDictionary(data), format: 'text' }).findings;
    expect(found.map((f) => f.entryId)).toEqual(['utilise']);
    expect(compileDictionary(copies()).trie.root.next?.has('zorbify')).toBe(false);
  });

  it('are ignored unless there is one per entry', () => {
    const data = copies();
    const expansions = data.entries.map(expandEntry);
    expansions[0] = { ...expansions[0], phrases: [[['zorbify'], 'base', false]] };
    primeExpansions(data.entries, JSON.stringify(expansions.slice(1)));
    expect(compileDictionary(data).trie.root.next?.has('zorbify')).toBe(false);
  });

  it('of a project entry replacing a built-in one are its own', () => {
    const data = copies();
    const own: Entry = { ...data.entries.find((e) => e.id === 'utilise')!, terms: ['zorbify'] };
    primeExpansions(data.entries, JSON.stringify(data.entries.map(expandEntry)));
    const d = compileDictionary({ ...data, entries: [...data.entries, own] });
    expect(check('We zorbify the notes but utilise the room.', { dictionary: d, format: 'text' }).findings.filter((f) => f.ruleId === 'jargon').map((f) => f.actual)).toEqual(['zorbify']);
  });
});

describe('the bundled command line, whose dictionary is compiled from the build’s expansions', () => {
  it('finds on every entry’s examples what the engine finds from source', () => {
    const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
    expect(existsSync(cli), 'dist/ is built (npm test builds it first)').toBe(true);
    // Every example that must be flagged, each a paragraph: every built-in entry is matched.
    const text = builtin.entries.flatMap((e: Entry) => e.examples.flag.map((x) => x.text)).join('\n\n') + '\n';
    const dir = mkdtempSync(join(tmpdir(), 'plainwords-expansions-'));
    try {
      const file = join(dir, 'examples.md');
      writeFileSync(file, text);
      const r = spawnSync(process.execPath, [cli, 'check', '--no-progress', '--format', 'json', file], { encoding: 'utf8', cwd: dir, maxBuffer: 1 << 28 });
      expect(r.stderr).toBe('');
      const bundled = (JSON.parse(r.stdout) as { files: Array<{ findings: Finding[] }> }).files[0].findings;
      const source = check(text, { dictionary: compileDictionary(builtin), format: 'markdown' }).findings;
      const row = (f: Pick<Finding, 'ruleId' | 'entryId' | 'start' | 'end' | 'message'>) => `${f.ruleId}/${f.entryId ?? ''} ${f.start}-${f.end} ${f.message}`;
      expect(new Set(source.map((f) => f.entryId)).size).toBeGreaterThan(1000);
      expect(bundled.map(row)).toEqual(source.map(row));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
