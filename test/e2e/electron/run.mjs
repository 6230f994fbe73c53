// Smoke tests of the extension in VS Code for the desktop, with @vscode/test-electron.
//   npm run test:e2e:electron
// VS Code is downloaded into .vscode-test/ on first use. Where it cannot be downloaded, set
// VSCODE_EXECUTABLE to an installed VS Code (the `code` binary's real executable), or use
// `npm run test:e2e` (the same kind of checks in code-server). Without either, this stops with a
// clear message instead of waiting: the download has an idle timeout and an overall limit.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
const DOWNLOAD_LIMIT_MS = Number(process.env.PLAINWORDS_VSCODE_DOWNLOAD_LIMIT_MS ?? 5 * 60_000);
const TEST_LIMIT_MS = 10 * 60_000;

function fail(message) {
  console.error(`test:e2e:electron: ${message}`);
  process.exit(1);
}

function withLimit(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron').catch(() => fail('@vscode/test-electron is not installed: run npm ci'));

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
if (!vscodeExecutablePath) {
  const version = process.env.VSCODE_VERSION ?? 'stable';
  console.log(`Downloading VS Code ${version} (set VSCODE_EXECUTABLE to use an installed one)…`);
  try {
    vscodeExecutablePath = await withLimit(downloadAndUnzipVSCode({ version, timeout: 20_000, cachePath: join(ROOT, '.vscode-test') }), DOWNLOAD_LIMIT_MS, 'downloading VS Code');
  } catch (e) {
    fail(
      `VS Code could not be downloaded (${e?.message ?? e}).\n` +
        'This machine cannot reach the VS Code download. Run this suite where it can, or set VSCODE_EXECUTABLE to an installed VS Code;\n' +
        'here, `npm run test:e2e` runs the end-to-end checks in code-server instead.',
    );
  }
}

const sandbox = mkdtempSync(join(tmpdir(), 'plainwords-electron-'));
const workspace = join(sandbox, 'workspace');
cpSync(join(ROOT, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
try {
  const code = await withLimit(
    runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, 'test/e2e/electron/suite/index.cjs'),
      extensionTestsEnv: { PLAINWORDS_E2E_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${join(sandbox, 'user-data')}`],
    }),
    TEST_LIMIT_MS,
    'the VS Code test run',
  );
  process.exitCode = code;
} catch (e) {
  console.error(`test:e2e:electron: ${e?.message ?? e}`);
  process.exitCode = 1;
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
