// One end-to-end suite's workbench: a fresh sandbox with the packaged extension (.vsix),
// code-server and Chromium, set up before the suite's tests and torn down after them.
import { after, before, test } from 'node:test';
import { artefactPath, installVsix, launchChromium, makeSandbox, prerequisites, startCodeServer } from './code-server.mjs';
import { openWorkbench } from './workbench.mjs';

/**
 * Register the suite's set-up and tear-down. `prepare(sandbox)` writes the workspace's files
 * before code-server starts; `ready(suite)` runs once the workbench is open; `timings` (an
 * object), when given, gets the set-up times and is logged at the end. The returned object holds sandbox, server, context and page once the
 * set-up has run, and `step(name, fn)`: a test that leaves a screenshot when it fails.
 */
export function workbenchSuite({ name, settings = {}, prepare, server: serverOptions, workbenchTimeout = 60_000, timings, ready } = {}) {
  const suite = { sandbox: undefined, server: undefined, context: undefined, page: undefined, step };
  before(async () => {
    const { vsix } = prerequisites();
    suite.sandbox = makeSandbox(name, settings);
    prepare?.(suite.sandbox);
    let t = Date.now();
    installVsix(suite.sandbox, vsix);
    if (timings) timings.installVsixMs = Date.now() - t;
    t = Date.now();
    suite.server = await startCodeServer(suite.sandbox, serverOptions);
    suite.context = await launchChromium(suite.sandbox.chromeProfile);
    suite.page = suite.context.pages()[0] ?? (await suite.context.newPage());
    suite.page.setDefaultTimeout(20_000);
    await openWorkbench(suite.page, suite.server.url, suite.sandbox.workspace, workbenchTimeout);
    if (timings) timings.workbenchMs = Date.now() - t;
    ready?.(suite);
  });
  after(async () => {
    await suite.context?.close().catch(() => {});
    await suite.server?.stop();
    if (process.env.PLAINWORDS_E2E_KEEP) console.log(`sandbox kept in ${suite.sandbox?.dir}`);
    else suite.sandbox?.cleanup();
    if (timings) console.log(`timings: ${JSON.stringify(timings)}`);
  });
  function step(title, fn) {
    test(title, async () => {
      try {
        await fn();
      } catch (e) {
        const file = `failed-${(name ?? 'e2e').replace(/-+$/, '')}-${title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
        await suite.page?.screenshot({ path: artefactPath(file) }).catch(() => {});
        throw e;
      }
    });
  }
  return suite;
}
