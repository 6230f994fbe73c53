// Runs the @vscode/test-electron smoke suite (test/e2e/electron/suite) inside code-server's
// extension host, so the same tests run on machines that cannot download VS Code for the
// desktop. The workbench is given the development extension (the repository, built) and the
// tests through its `payload` URL parameter, as VS Code's own browser test runner does; it reports
// the tests' output and exit code through window.codeAutomationLog / codeAutomationExit.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CHROMIUM, CODE_SERVER, CODE_SERVER_DIR, launchChromium, makeSandbox, ROOT, startCodeServer } from '../support/code-server.mjs';

const LIMIT_MS = 5 * 60_000;
let sandbox;
let server;
let context;

before(async () => {
  const missing = [];
  if (!existsSync(CODE_SERVER)) missing.push(`code-server is not installed in ${CODE_SERVER_DIR}: run scripts/install-code-server.sh`);
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} is missing: run scripts/install-code-server.sh`);
  if (!existsSync(join(ROOT, 'dist/extension.js')) || !existsSync(join(ROOT, 'dist/server.js'))) missing.push('the bundles are missing: run npm run build');
  if (missing.length) throw new Error(`The smoke suite cannot run:\n  - ${missing.join('\n  - ')}`);
  sandbox = makeSandbox('plainwords-smoke-');
  server = await startCodeServer(sandbox);
  context = await launchChromium(sandbox.chromeProfile);
});

after(async () => {
  await context?.close().catch(() => {});
  await server?.stop();
  sandbox?.cleanup();
});

test('the desktop smoke tests pass in the extension host of a real VS Code (code-server)', async () => {
  const page = context.pages()[0] ?? (await context.newPage());
  const lines = [];
  let exited;
  const exit = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    lines.push(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  const authority = new URL(server.url).host;
  const remote = (path) => `vscode-remote://${authority}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(join(ROOT, 'test/e2e/electron/suite/index.cjs'))],
  ]);
  const url = `${server.url}?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(payload)}`;
  await page.goto(url);
  let timer;
  const code = await Promise.race([exit, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no result within ${LIMIT_MS / 1000} s:\n${lines.join('\n')}`)), LIMIT_MS)))]).finally(() => clearTimeout(timer));
  // The suite's own notes ("plainwords smoke: ...", e.g. a retried request) are shown too, so a
  // race a retry hides stays visible in the log.
  const report = lines.filter((l) => /✔|✖|passed|failed|Error|plainwords smoke:/.test(l));
  console.log(report.join('\n'));
  assert.equal(code, 0, `the smoke suite failed:\n${lines.join('\n')}`);
  assert.ok(
    report.some((l) => /^\d+ passed, 0 failed/.test(l.trim())),
    `no summary line in:\n${lines.join('\n')}`,
  );
});
