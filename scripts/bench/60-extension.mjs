// The VS Code extension's size: each production bundle, minified and gzipped, and the .vsix
// that `npm run package` makes from them. Small is a feature: it is what every user downloads,
// and what vscode.dev loads before it can check anything.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const out = mkdtempSync(join(tmpdir(), 'plainwords-bench-ext-'));
try {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, ['esbuild.mjs', '--production', `--outdir=${out}`], { cwd: ROOT, stdio: 'inherit' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`production build of all bundles: ${(ms / 1000).toFixed(1)} s`);
  const kib = (n) => `${(n / 1024).toFixed(0).padStart(5)} KiB`;
  console.log('bundle                     minified   gzipped');
  for (const name of ['extension.js', 'web-extension.js', 'server.js', 'browser-server.js']) {
    const file = join(out, name);
    if (!existsSync(file)) {
      console.log(`${name.padEnd(24)} (not built: its source is missing)`);
      continue;
    }
    const bytes = readFileSync(file);
    console.log(`${name.padEnd(24)} ${kib(bytes.length)} ${kib(gzipSync(bytes).length)}`);
  }
  const vsix = readdirSync(ROOT).filter((f) => /^plainwords-.*\.vsix$/.test(f)).sort().pop();
  if (vsix) console.log(`${vsix}: ${kib(statSync(join(ROOT, vsix)).size)} (from the last npm run package, ${statSync(join(ROOT, vsix)).mtime.toISOString()})`);
  else console.log('no .vsix yet: npm run package makes one');
} finally {
  rmSync(out, { recursive: true, force: true });
}
