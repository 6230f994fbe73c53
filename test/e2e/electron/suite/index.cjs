// Runs inside VS Code's extension host (extensionTestsPath): the smoke tests one after another,
// each with a time limit, and a closing line "N passed, N failed". Rejects when any failed.
const { tests } = require('./smoke.cjs');

const LIMIT_MS = 60_000;

async function run() {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests) {
    const started = Date.now();
    let timer;
    try {
      await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${LIMIT_MS / 1000} s`)), LIMIT_MS)))]);
      passed++;
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.error(`  ✖ ${name}\n    ${(e && e.stack) || e}`);
    } finally {
      clearTimeout(timer);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} smoke test(s) failed`);
}

module.exports = { run };
