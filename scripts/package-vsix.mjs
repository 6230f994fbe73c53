// Builds the Marketplace package plainwords-<version>.vsix:
//   npm run package   (= node scripts/package-vsix.mjs)
// The package is made in its own folder (out/vsix) from production bundles built there, so a
// development build running at the same time cannot end up in it. Steps: manifest drift check,
// esbuild --production, copy the files .vscodeignore lets in, vsce package --no-dependencies
// (the bundles need no node_modules), then print the size and contents.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAGE = join(ROOT, 'out/vsix');
const BUNDLES = ['dist/extension.js', 'dist/web-extension.js', 'dist/server.js', 'dist/browser-server.js'];
const FILES = ['package.json', '.vscodeignore', 'LICENSE', 'CHANGELOG.md', 'docs/vscode.md', 'images/icon.png', 'schemas/config.schema.json', 'dictionaries/entry.schema.json', 'dictionaries/names.schema.json'];

function run(cmd, args, cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package: ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

const started = Date.now();
const missing = FILES.filter((f) => !existsSync(join(ROOT, f)));
if (missing.length) {
  console.error(`package: missing ${missing.join(', ')}`);
  process.exit(1);
}
run(process.execPath, ['scripts/generate-manifest.mjs', '--check']);

rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
run(process.execPath, ['esbuild.mjs', '--production', `--outdir=${join(STAGE, 'dist')}`]);
const unbuilt = BUNDLES.filter((f) => !existsSync(join(STAGE, f)));
if (unbuilt.length) {
  console.error(`package: the build made no ${unbuilt.join(', ')} (is its source there?)`);
  process.exit(1);
}
for (const f of FILES) cpSync(join(ROOT, f), join(STAGE, f));
// The Marketplace page is docs/vscode.md, moved to the top so that its relative links ("../images/x.png")
// point at the same files from there; vsce turns them into links into the repository.
writeFileSync(join(STAGE, 'README.md'), readFileSync(join(ROOT, 'docs/vscode.md'), 'utf8').replace(/\]\(\.\.\//g, ']('));
rmSync(join(STAGE, 'docs'), { recursive: true });

const pkg = JSON.parse(readFileSync(join(STAGE, 'package.json'), 'utf8'));
const out = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
const readme = ['--readme-path', 'README.md'];
run(process.execPath, [vsce, 'package', '--no-dependencies', ...readme, '--out', out], STAGE);

const ls = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies', ...readme], { cwd: STAGE, encoding: 'utf8' });
const files = ls.stdout.trim().split('\n').filter(Boolean);
if (files.some((f) => f.startsWith('node_modules/') || f.endsWith('.map'))) {
  console.error('package: node_modules or source maps ended up in the package; check .vscodeignore');
  process.exit(1);
}
const bytes = statSync(out).size;
console.log(`\n${out.slice(ROOT.length + 1)}: ${(bytes / 1024).toFixed(0)} KiB (${bytes} bytes) with ${files.length} files, made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const f of files) console.log(`  ${f.padEnd(34)} ${(statSync(join(STAGE, f)).size / 1024).toFixed(0).padStart(6)} KiB`);
