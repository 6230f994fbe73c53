// Runs a real VS Code (code-server) with the packaged extension installed, and Debian's
// chromium driven by playwright-core. Everything listens on 127.0.0.1 only; every wait is on a
// condition with a timeout, never a fixed sleep.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
export const CHROMIUM = process.env.PLAINWORDS_CHROMIUM ?? '/usr/bin/chromium';
export const CODE_SERVER_DIR = process.env.PLAINWORDS_CODE_SERVER_DIR ?? join(homedir(), '.cache/plainwords/code-server');
export const CODE_SERVER = join(CODE_SERVER_DIR, 'node_modules/.bin/code-server');
export const ARTEFACTS = resolve(ROOT, process.env.PLAINWORDS_E2E_ARTEFACTS ?? 'test-results/e2e');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The newest plainwords-*.vsix in the repository root. */
export function findVsix() {
  const files = readdirSync(ROOT).filter((f) => /^plainwords-.*\.vsix$/.test(f)).sort();
  return files.length ? join(ROOT, files[files.length - 1]) : undefined;
}

/** Stop with one clear message when something the suite needs is missing. */
export function prerequisites() {
  const missing = [];
  if (!existsSync(CODE_SERVER)) missing.push(`code-server is not installed in ${CODE_SERVER_DIR}: run scripts/install-code-server.sh`);
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} is missing: run scripts/install-code-server.sh (it installs Debian's chromium)`);
  const vsix = findVsix();
  if (!vsix) missing.push('no plainwords-*.vsix in the repository: run npm run package');
  if (missing.length) throw new Error(`The end-to-end suite cannot run:\n  - ${missing.join('\n  - ')}`);
  return { vsix };
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** A fresh folder for one run: user data, extensions, a copy of the fixture workspace, chromium profile. */
export function makeSandbox(name = 'plainwords-e2e-', extraSettings = {}) {
  const dir = mkdtempSync(join(tmpdir(), name));
  const dirs = {
    dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    workspace: join(dir, 'workspace'),
    chromeProfile: join(dir, 'chromium'),
    config: join(dir, 'code-server.yaml'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.chromeProfile]) mkdirSync(d, { recursive: true });
  cpSync(join(ROOT, 'test/e2e/fixtures/workspace'), dirs.workspace, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'editor.minimap.enabled': false,
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'editor.wordWrap': 'on',
        'files.autoSave': 'off',
        'window.commandCenter': false,
        'workbench.colorTheme': 'Default Light Modern',
        'chat.commandCenter.enabled': false,
        ...extraSettings,
      },
      null,
      2,
    ),
  );
  writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return { ...dirs, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** code-server's environment: its config in the sandbox, and no extension gallery (nothing is fetched from the internet). */
function codeServerEnv(sandbox) {
  return { ...process.env, XDG_CONFIG_HOME: sandbox.dir, XDG_DATA_HOME: sandbox.dir, EXTENSIONS_GALLERY: '{}' };
}

/** Install the .vsix into the sandbox's extensions folder with code-server's own CLI. */
export function installVsix(sandbox, vsix) {
  const r = spawnSync(
    CODE_SERVER,
    ['--config', sandbox.config, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000, env: codeServerEnv(sandbox) },
  );
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
  return out.trim();
}

/** Start code-server on a free loopback port; resolves once it listens. */
export async function startCodeServer(sandbox, { timeoutMs = 60_000, workspaceTrust = false } = {}) {
  const port = await freePort();
  const child = spawn(
    CODE_SERVER,
    [
      '--config', sandbox.config,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir', sandbox.userData,
      '--extensions-dir', sandbox.extensions,
      sandbox.workspace,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: codeServerEnv(sandbox) },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  await new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs / 1000} s:\n${log}`)), timeoutMs);
    const onData = () => {
      if (/HTTP server listening on/.test(log)) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${log}`));
    });
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      try {
        process.kill(-child.pid, 'SIGTERM'); // its whole process group: the server and its extension host
      } catch {
        done();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000).unref();
    });
  return { url: `http://127.0.0.1:${port}/`, port, stop, log: () => log };
}

/** Launch Debian's chromium through playwright-core with a fresh profile. */
export async function launchChromium(profileDir, viewport = { width: 1440, height: 900 }) {
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: run npm ci');
  }
  return playwright.chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor: 1,
    locale: 'en-GB',
  });
}

export function artefactPath(name) {
  mkdirSync(ARTEFACTS, { recursive: true });
  return join(ARTEFACTS, name);
}

/** Poll a condition (not a fixed sleep: it returns as soon as the condition holds). */
export async function waitFor(what, fn, { timeoutMs = 30_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
