// End-to-end: the packaged extension (.vsix) installed into a real VS Code served by
// code-server, driven through Debian's chromium with the keyboard and mouse, as a writer would.
//   npm run test:e2e   (packages the .vsix first; scripts/install-code-server.sh installs what it needs)
// Screenshots of every step go to test-results/e2e/*.png.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, artefactPath, waitFor } from '../support/code-server.mjs';
import { workbenchSuite } from '../support/suite.mjs';
import * as wb from '../support/workbench.mjs';

const runCommand = (title) => wb.runCommand(page, title);
const openFile = (path) => wb.openFile(page, path);
const problemsShowing = (expected, timeoutMs) => wb.problemsShowing(page, expected, timeoutMs);

const STEP_TIMEOUT = 60_000;
const timings = {};
let sandbox;
let page;
const { step } = workbenchSuite({
  name: 'plainwords-e2e-',
  timings,
  workbenchTimeout: STEP_TIMEOUT,
  ready: (s) => ({ sandbox, page } = s),
});

async function shot(name) {
  await page.screenshot({ path: artefactPath(name) });
}

/**
 * Open the quick fix menu with Ctrl+. once the light bulb says there are fixes here. If the editor
 * answers "No code actions available" (the server was re-checking after a settings change), wait
 * for the light bulb again and retry, at most three times.
 */
async function openQuickFixMenu() {
  const menu = page.locator('.action-widget');
  const none = page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions' });
  for (let attempt = 1; ; attempt++) {
    await page.locator('.editor-group-container.active .lightBulbWidget').first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Control+.');
    await menu.or(none).first().waitFor({ state: 'visible', timeout: 15_000 });
    if (await menu.isVisible()) return menu;
    if (attempt === 3) throw new Error('Ctrl+. found no code actions three times');
    await none.waitFor({ state: 'hidden', timeout: 15_000 });
  }
}




step('a markdown file with jargon: the Problems panel lists the findings', async () => {
  const t = Date.now();
  await openFile('guide.md');
  await page.keyboard.press('Control+Shift+M');
  await problemsShowing(['utilise', '“use”', 'Going forward', 'medication', 'Plain Words']);
  timings.firstDiagnosticsMs = Date.now() - t;
  await shot('01-problems.png');
});

step('a quick fix chosen with the keyboard changes exactly the flagged words', async () => {
  const file = join(sandbox.workspace, 'guide.md');
  const before = readFileSync(file, 'utf8');
  // Focus the editor, go to the top, then to the first problem (F8) and open the quick fixes.
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  await page.locator('.marker-widget').first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Escape');
  await page.locator('.marker-widget').first().waitFor({ state: 'hidden', timeout: 10_000 });
  const menu = await openQuickFixMenu();
  const wanted = /Replace “utilise” with “use”/;
  await waitFor('the quick fix "Replace “utilise” with “use”" in the menu', async () => (await menu.innerText()).match(wanted));
  await shot('02-quick-fix-menu.png');
  // Move the keyboard focus down to that action (bounded), then apply it with Enter.
  for (let i = 0; i < 12; i++) {
    const focused = await menu.locator('.monaco-list-row.focused').first().innerText().catch(() => '');
    if (wanted.test(focused)) break;
    await page.keyboard.press('ArrowDown');
    await waitFor('the menu focus to move', async () => (await menu.locator('.monaco-list-row.focused').first().innerText().catch(() => '')) !== focused, { timeoutMs: 5000 });
  }
  assert.match(await menu.locator('.monaco-list-row.focused').first().innerText(), wanted);
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('Control+S');
  const i = before.indexOf('utilise');
  const expected = before.slice(0, i) + 'use' + before.slice(i + 'utilise'.length);
  const saved = await waitFor('guide.md to be saved with the fix', async () => {
    const now = readFileSync(file, 'utf8');
    return now !== before ? now : false;
  });
  assert.equal(saved, expected, 'only "utilise" changed, to "use"');
  // The finding is gone from the Problems panel; the others stay.
  await waitFor('the fixed finding to leave the Problems panel', async () => {
    const text = await page.locator('.markers-panel').innerText();
    return !text.includes('“utilise”') && text.includes('medication');
  });
  await shot('03-after-quick-fix.png');
});

step('the status bar shows the reading age against its target', async () => {
  const item = page.locator('.statusbar-item', { hasText: /Reading age/ }).first();
  await item.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  const text = await waitFor('a reading age in the status bar', async () => {
    const s = (await item.innerText()).trim();
    return /Reading age (\d+|–) · target \d+/.test(s) ? s : false;
  });
  const [, age, target] = /Reading age (\d+|–) · target (\d+)/.exec(text);
  assert.equal(target, '9', 'the public target by default');
  if (age !== '–' && Number(age) > Number(target)) assert.match((await item.getAttribute('class')) ?? '', /warning-kind/, 'over target: warning colours');
  timings.statusBar = text;
  await item.screenshot({ path: artefactPath('04-status-bar-item.png') });
  await shot('04-status-bar.png');
});

step('selecting the status bar item opens the readability report', async () => {
  await page.locator('.statusbar-item', { hasText: /Reading age/ }).first().click();
  const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await view.locator('#reading-age').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  // The report and the status bar agree (both refresh after the last edit).
  await waitFor('the report and the status bar to show the same reading age', async () => {
    const status = (await page.locator('.statusbar-item', { hasText: /Reading age/ }).first().innerText()).trim();
    const age = (await view.locator('#reading-age').innerText()).trim();
    return status.includes(`Reading age ${age} ·`);
  });
  assert.equal(await view.locator('table.sections tbody tr').count(), 2, 'two sections (two headings)');
  assert.equal(await view.locator('svg.bar').count(), 2, 'a bar per section');
  const jargon = await view.locator('table.jargon').innerText();
  assert.match(jargon, /medication/);
  await shot('05-readability-report.png');
  // Selecting a section reveals it in the editor.
  await view.locator('table.sections button.jump').nth(1).click();
  // The editor takes the focus, with the heading selected.
  await page.locator('.editor-group-container .monaco-editor.focused .selected-text').first().waitFor({ state: 'visible', timeout: 15_000 });
  await waitFor('the status bar to show the selection', async () => /\(\d+ selected\)/.test(await page.locator('#workbench\\.parts\\.statusbar').innerText()));
});

step('Check Workspace lists findings of files that are not open', async () => {
  const t = Date.now();
  await runCommand('Plain Words: Check Workspace');
  await page.locator('.notifications-toasts', { hasText: /Plain Words: checked \d+ of \d+ document/ }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  timings.checkWorkspaceMs = Date.now() - t;
  await page.keyboard.press('Control+Shift+M');
  // The Problems list is long: filter it to each file the check opened (its files are not open in editors).
  const filter = page.locator('.panel .viewpane-filter input').first();
  for (const [glob, expected] of [
    ['**/letter.md', ['letter.md', '“in order to”', '“medication”']],
    ['**/notes.txt', ['notes.txt', '“utilise”']],
    ['**/discharge.md', ['discharge.md', '“domiciliary”']],
  ]) {
    await filter.fill(glob);
    await problemsShowing(expected);
  }
  await shot('06-check-workspace.png');
  await filter.fill('');
});

step('Fix All in This Document applies every fix with one clear answer', async () => {
  await openFile('docs/letter.md');
  const file = join(sandbox.workspace, 'docs/letter.md');
  const before = readFileSync(file, 'utf8');
  await problemsShowing(['“medication”']);
  await runCommand('Plain Words: Fix All in This Document');
  // Save once the fixes are in the editor (its tab shows unsaved changes).
  await page.locator('.tabs-container .tab.active.dirty[aria-label^="letter.md"]').waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Control+S');
  const saved = await waitFor('docs/letter.md to be saved with the fixes', async () => {
    const now = readFileSync(file, 'utf8');
    return now !== before ? now : false;
  });
  assert.equal(saved, before.replace('your medication', 'your medicine').replace('in order to plan', 'to plan'));
  await shot('07-fix-all.png');
});

step('the readability report from the Command Palette, for a longer leaflet', async () => {
  await openFile('docs/discharge.md');
  await problemsShowing(['“care package”', '“domiciliary”', 'Long sentence']);
  await runCommand('Plain Words: Show Readability Report');
  const view = wb.reportView(page);
  await view.locator('h1', { hasText: 'Readability of discharge.md' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  const rows = view.locator('table.sections tbody tr');
  assert.equal(await rows.count(), 5, 'one row per section');
  assert.equal(await view.locator('table.sections tbody tr.over').count() >= 1, true, 'the care package section is over the target');
  assert.match(await view.locator('table.sections tbody tr.over').first().innerText(), /Your care package/);
  assert.match(await view.locator('ol.sentences').innerText(), /comprehensive multidisciplinary assessment/);
  const carePackage = view.locator('table.jargon tr', { hasText: 'care package' });
  assert.match(await carePackage.innerText(), /care package\s+2\s/);
  await shot('08-report-leaflet.png');
  await page.locator('iframe.webview.ready').screenshot({ path: artefactPath('08-report-leaflet-view.png') });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await shot('09-leaflet-problems.png');
});

step('screenshots of the whole workbench and of the full report', async () => {
  await runCommand('Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
  await shot('10-overview.png');
  // A taller window, with the report on its own, shows the whole report.
  await page.setViewportSize({ width: 1100, height: 1400 });
  await page.locator('.tabs-container .tab[aria-label^="Readability: discharge.md"]').first().click();
  await runCommand('View: Toggle Maximize Editor Group');
  const view = wb.reportView(page);
  await view.locator('table.jargon').waitFor({ state: 'visible', timeout: 15_000 });
  await waitFor('the report to fill the window', async () => ((await page.locator('iframe.webview.ready').boundingBox())?.height ?? 0) > 1000);
  await page.locator('iframe.webview.ready').screenshot({ path: artefactPath('11-report-full.png') });
  await runCommand('View: Toggle Maximize Editor Group');
  await page.setViewportSize({ width: 1440, height: 900 });
  // Leave the focus in a text editor, not in the report.
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  if (process.env.PLAINWORDS_E2E_DOCS_SCREENSHOTS) {
    // Refresh the pictures in docs/vscode.md from this run.
    const dir = join(ROOT, 'images/screenshots');
    mkdirSync(dir, { recursive: true });
    for (const [from, to] of [['10-overview.png', 'overview.png'], ['02-quick-fix-menu.png', 'quick-fix.png'], ['11-report-full.png', 'report.png']]) copyFileSync(artefactPath(from), join(dir, to));
  }
});

step('Add Selected Term to Project Word List writes .plainwords.json and the finding goes', async () => {
  await openFile('guide.md');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.panel .viewpane-filter input').first().fill('**/guide.md');
  await problemsShowing(['“medication”']);
  // Select the word with Find (Ctrl+F), then close Find: the match stays selected.
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-group-container.active .find-widget.visible textarea, .editor-group-container.active .find-widget.visible input').first();
  await find.waitFor({ state: 'visible', timeout: 10_000 });
  await find.fill('medication');
  await page.locator('.editor-group-container.active .find-widget .matchesCount', { hasText: /1 of 1/ }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Escape');
  await waitFor('the word to be selected', async () => /\(10 selected\)/.test(await page.locator('#workbench\\.parts\\.statusbar').innerText()));
  await runCommand('Plain Words: Add Selected Term to Project Word List');
  const config = join(sandbox.workspace, '.plainwords.json');
  const written = await waitFor('.plainwords.json to be written', async () => {
    try {
      return JSON.parse(readFileSync(config, 'utf8'));
    } catch {
      return false;
    }
  });
  assert.deepEqual(written, { allow: ['medication'] });
  await waitFor('the "medication" finding to leave guide.md', async () => {
    const text = await page.locator('.markers-panel').innerText();
    return !text.includes('“medication”');
  });
  await shot('12-word-list.png');
  await page.locator('.panel .viewpane-filter input').first().fill('');
});

step('a dictionary entry and the project file are checked against their schemas while typing', async () => {
  const dir = join(sandbox.workspace, 'dictionaries/entries/wordy-phrase');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'at-this-point-in-time.json'), '{\n  "id": "at-this-point-in-time",\n  "terms": "at this point in time"\n}\n');
  writeFileSync(join(sandbox.workspace, '.plainwords.json'), '{\n  "audience": "everyone"\n}\n');
  await openFile('dictionaries/entries/wordy-phrase/at-this-point-in-time.json');
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.panel .viewpane-filter input').first().fill('**/at-this-point-in-time.json');
  await problemsShowing(['Incorrect type. Expected "array".', 'Missing property "why"']);
  await shot('13-entry-schema.png');
  await openFile('.plainwords.json');
  await page.locator('.panel .viewpane-filter input').first().fill('**/.plainwords.json');
  await problemsShowing(['Value is not accepted. Valid values: "public", "staff".']);
  await page.locator('.panel .viewpane-filter input').first().fill('');
});
