// Workspace Trust: in Restricted Mode the project file (.plainwords.json) and the workspace's
// values of restricted settings are not used; once the writer trusts the folder, they are.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artefactPath, waitFor } from '../support/code-server.mjs';
import { workbenchSuite } from '../support/suite.mjs';
import * as wb from '../support/workbench.mjs';

let page;
const suite = workbenchSuite({
  name: 'plainwords-trust-e2e-',
  settings: {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
  },
  // The project allows "utilise"; the folder's settings turn "going-forward" off.
  prepare: (sandbox) => {
    writeFileSync(join(sandbox.workspace, '.plainwords.json'), JSON.stringify({ allow: ['utilise'] }, null, 2));
    mkdirSync(join(sandbox.workspace, '.vscode'), { recursive: true });
    writeFileSync(join(sandbox.workspace, '.vscode/settings.json'), JSON.stringify({ 'plainwords.rules': { 'going-forward': 'off' } }, null, 2));
  },
  server: { workspaceTrust: true },
  ready: (s) => {
    page = s.page;
  },
});

suite.step('in Restricted Mode the project file and restricted workspace settings are not used', async () => {
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await wb.openFile(page, 'guide.md');
  await page.keyboard.press('Control+Shift+M');
  await wb.problemsShowing(page, ['“utilise”', 'Going forward', 'medication']);
  await page.screenshot({ path: artefactPath('trust-01-restricted.png') });
});

suite.step('after trusting the folder, they are', async () => {
  await wb.runCommand(page, 'Workspaces: Manage Workspace Trust');
  const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
  await trust.waitFor({ state: 'visible', timeout: 15_000 });
  await trust.click();
  await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'hidden', timeout: 30_000 });
  await page.locator('.tabs-container .tab[aria-label^="guide.md"]').first().click();
  await page.keyboard.press('Control+Shift+M');
  const text = await waitFor('only "medication" to be left in the Problems panel', async () => {
    const t = await page.locator('.markers-panel').innerText();
    return t.includes('medication') && !t.includes('“utilise”') && !t.includes('Going forward') ? t : false;
  }, { timeoutMs: 60_000 });
  assert.match(text, /medication/);
  await page.screenshot({ path: artefactPath('trust-02-trusted.png') });
});
