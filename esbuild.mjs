// Bundles Plain Words: the command line, the language server (Node and browser), and the
// VS Code extension (desktop and web). The built-in dictionary is read from dictionaries/,
// checked, and inlined as data.
//   node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBuiltinDictionary } from './scripts/dictionary-files.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * Works out the built-in entries' expansions (engine/dictionary.ts, expandEntry: every spelling,
 * variant and inflection of their terms) with the engine's own code, bundled for this build.
 */
async function expansionsOf(entries) {
  const out = await esbuild.build({ entryPoints: ['server/src/engine/dictionary.ts'], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const { expandEntry } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
  return entries.map((e) => expandEntry(e));
}

/**
 * The built-in dictionary as string literals for the virtual module: its data and, when a bundle
 * asks, its expansions. Read once for all the bundles of a build; with --watch, at every load (a
 * rebuild follows a change to dictionaries/ or the engine).
 */
let source;
function dictionarySource() {
  if (source && !watch) return source;
  source = (async () => {
    // A broken entry is left out of the bundle with a warning; the test suite and
    // `plainwords dictionary check` fail on it with its file, line and field.
    const { entries, names, errors } = readBuiltinDictionary();
    for (const e of entries) delete e.examples;
    const literal = (value) => JSON.stringify(JSON.stringify(value));
    let expansions;
    return { data: literal({ entries, names }), errors, expansions: () => (expansions ??= expansionsOf(entries).then(literal)) };
  })();
  return source;
}

/**
 * The virtual module plainwords:dictionary: the built-in dictionary as data. Each entry's
 * examples are left out (they are the test suite's and `plainwords dictionary check`'s, read
 * from dictionaries/; no bundle reads them), and the data is a JSON.parse of one string, which
 * V8 reads faster than the same object written as code. With `prime`, the module also hands the
 * engine the entries' expansions worked out here, as JSON text the engine reads when it compiles,
 * so a server starting up compiles the dictionary without generating them (about 40 ms).
 */
const dictionaryPlugin = (prime) => ({
  name: 'plainwords-dictionary',
  setup(build) {
    build.onResolve({ filter: /^plainwords:dictionary$/ }, () => ({ path: 'dictionary', namespace: 'plainwords' }));
    build.onLoad({ filter: /.*/, namespace: 'plainwords' }, async () => {
      const { data, errors, expansions } = await dictionarySource();
      const lines = [`const data = JSON.parse(${data});`];
      if (prime) {
        lines.unshift(`import { primeExpansions } from ${JSON.stringify(fileURLToPath(new URL('./server/src/engine/dictionary.ts', import.meta.url)))};`);
        lines.push(`primeExpansions(data.entries, ${await expansions()});`);
      }
      lines.push('export default data;');
      return { contents: lines.join('\n'), loader: 'js', resolveDir: process.cwd(), warnings: errors.map((text) => ({ text })), watchDirs: ['dictionaries/entries', 'server/src/engine'] };
    });
  },
});

/**
 * Bundles in ASCII only. esbuild escapes strings but leaves comments and regular expressions as
 * written, and one curly quote there makes V8 hold the whole source as two-byte text: the
 * server's source then takes 3.9 MB of its heap instead of 1.9 MB, in every process. Each other
 * character becomes a \uXXXX escape, which means the same in strings, templates, regular
 * expressions (with or without the u flag, astral characters as surrogate pairs) and comments.
 * Columns after an escape on the same line move, so source maps are a few columns off there.
 */
const asciiPlugin = {
  name: 'plainwords-ascii',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length || !file || !existsSync(file)) return;
      const code = readFileSync(file, 'utf8');
      if (!/[^\x00-\x7f]/.test(code)) return;
      // Two cases where an escape would not mean the character: String.raw, and a backslash before it.
      if (code.includes('String.raw') || /\\[^\x00-\x7f]/.test(code)) throw new Error(`${file}: the ASCII step cannot rewrite this bundle (String.raw, or a backslash before a non-ASCII character)`);
      writeFileSync(file, code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [dictionaryPlugin(true), asciiPlugin],
  define: { PLAINWORDS_VERSION: JSON.stringify(pkg.version) },
  legalComments: 'none',
  mainFields: ['module', 'main'],
};

const targets = [
  // The engine as an ES module (library use, benchmarks, browser workers of other tools).
  { entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.mjs', platform: 'neutral', format: 'esm', target: 'es2022', mainFields: ['module', 'main'] },
  // The built-in dictionary as data (benchmarks and reports pair it with engine.mjs, so it carries no
  // engine code and no expansions).
  { entryPoints: ['server/src/node/builtin.ts'], outfile: 'dist/dictionary.mjs', platform: 'neutral', format: 'esm', target: 'es2022', plugins: [dictionaryPlugin(false), asciiPlugin] },
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20' },
  { entryPoints: ['server/src/lsp/node-main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20', footer: { js: 'module.exports.startServer(process.argv.slice(2));' } },
  { entryPoints: ['server/src/lsp/browser-main.ts'], outfile: 'dist/browser-server.js', platform: 'browser', format: 'iife', target: 'es2022', conditions: ['worker'] /* a web worker has no DOM: take packages' worker builds */ },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { entryPoints: ['client/src/web-extension.ts'], outfile: 'dist/web-extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'] },
].filter((t) => existsSync(t.entryPoints[0]));

// --outdir=DIR writes the bundles to DIR instead of dist/ (`npm run package` builds the .vsix from
// its own copy, so a build running at the same time cannot mix development bundles into it).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);
if (outdir) for (const t of targets) t.outfile = `${outdir}/${t.outfile.split("/").pop()}`;

if (watch) {
  for (const t of targets) (await esbuild.context({ ...common, ...t })).watch();
} else {
  const results = await Promise.allSettled(targets.map((t) => esbuild.build({ ...common, ...t })));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) {
    for (const f of failed) console.error(f.reason?.message ?? f.reason);
    process.exit(1);
  }
}
