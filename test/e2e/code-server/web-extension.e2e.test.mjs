// End-to-end for the web extension (dist/web-extension.js starting dist/browser-server.js in a
// Worker), as it runs in vscode.dev and github.dev: the packaged .vsix in code-server, forced into
// the browser's web worker extension host with the `remote.extensionKind` setting.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artefactPath, waitFor } from '../support/code-server.mjs';
import { workbenchSuite } from '../support/suite.mjs';
import * as wb from '../support/workbench.mjs';

let page;
const suite = workbenchSuite({
  name: 'plainwords-web-e2e-',
  settings: { 'remote.extensionKind': { 'plainwords.plainwords': ['web'] } },
  // The browser server reads the project file through the client (plainwords/readFile).
  prepare: (sandbox) => writeFileSync(join(sandbox.workspace, '.plainwords.json'), JSON.stringify({ allow: ['going forward', 'in order to'] }, null, 2)),
  ready: (s) => {
    page = s.page;
  },
});

suite.step('in the web worker extension host: findings, reading age and report', async () => {
  await wb.openFile(page, 'guide.md');
  await page.keyboard.press('Control+Shift+M');
  const problems = await wb.problemsShowing(page, ['“utilise”', 'medication']);
  assert.ok(!problems.includes('Going forward'), '"going forward" is in the project word list');
  const { age, target } = await wb.readingAgeStatus(page);
  assert.equal(target, '9');
  await page.screenshot({ path: artefactPath('web-01-problems.png') });

  await page.locator('.statusbar-item', { hasText: /Reading age/ }).first().click();
  const view = wb.reportView(page);
  await view.locator('#reading-age').waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal((await view.locator('#reading-age').innerText()).trim(), age);
  assert.equal(await view.locator('svg.bar').count(), 2);
  await page.screenshot({ path: artefactPath('web-02-report.png') });

  // It really is the web extension: its log says so.
  await wb.runCommand(page, 'Output: Show Output Channels...', { opensPicker: true });
  const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: /^Plain Words/ }).first();
  await pick.waitFor({ state: 'visible', timeout: 10_000 });
  await pick.click();
  await waitFor('the Plain Words log to say the server runs in the browser', async () => {
    const text = (await page.locator('.panel .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    return /server started \(web, workspace trusted\)/.test(text);
  });
  await page.screenshot({ path: artefactPath('web-03-log.png') });

  // A document in a subfolder: the server looks for .plainwords.json in docs/ (none) and then finds the project's.
  await wb.openFile(page, 'docs/letter.md');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.panel .viewpane-filter input').first().fill('**/letter.md');
  const letter = await wb.problemsShowing(page, ['letter.md', '“medication”']);
  assert.ok(!letter.includes('“in order to”'), `the project word list applies in docs/ too: ${letter}`);
  await page.locator('.panel .viewpane-filter input').first().fill('**/.plainwords.json');
  await page.locator('.markers-panel', { hasText: /No results found/ }).waitFor({ state: 'visible', timeout: 10_000 });

});
