// Actions on the VS Code workbench in a page, by keyboard as a writer would use it. Every wait
// is on a DOM condition with a time limit.
import { waitFor } from './code-server.mjs';

/** Load the workbench for a folder and wait until the explorer shows it. */
export async function openWorkbench(page, serverUrl, folder, timeout = 60_000) {
  await page.goto(`${serverUrl}?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout });
}

/**
 * Open the quick input with F1 and type into it. The workbench closes the quick input when the
 * focus moves (a webview or a layout change can take it just after F1), so this tries again, at
 * most three times.
 */
async function quickInput(page, text) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(text, { timeout: 3000 });
      return input;
    } catch (e) {
      if (attempt === 3) throw e;
      // Give the focus back to the workbench (the side bar's title is never a webview) and try again.
      await page.locator('.part.sidebar .composite.title').first().click();
    }
  }
}

/** Run a command from the Command Palette (F1), by its title. `opensPicker`: the command shows a picker of its own. */
export async function runCommand(page, title, { opensPicker = false } = {}) {
  await quickInput(page, `>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  if (opensPicker) await row.waitFor({ state: 'detached', timeout: 10_000 });
  else await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Open a workspace file with Quick Open and wait until its editor is active. F1 opens the picker
 * from anywhere (Ctrl+P does not reach the workbench from inside a webview); typing a path
 * without ">" searches files.
 */
export async function openFile(page, relativePath) {
  const name = relativePath.split('/').pop();
  await quickInput(page, relativePath);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The Problems panel's text once it shows every expected piece. */
export async function problemsShowing(page, expected, timeoutMs = 60_000) {
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 15_000 });
  return waitFor(
    `the Problems panel to list ${expected.map((e) => JSON.stringify(e)).join(', ')}`,
    async () => {
      const text = await panel.innerText();
      return expected.every((e) => text.includes(e)) ? text : false;
    },
    { timeoutMs },
  );
}

/** The Plain Words status bar item once it shows a reading age: [text, age, target]. */
export async function readingAgeStatus(page, timeoutMs = 60_000) {
  const item = page.locator('.statusbar-item', { hasText: /Reading age/ }).first();
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const text = await waitFor('a reading age in the status bar', async () => {
    const s = (await item.innerText()).trim();
    return /Reading age (\d+|–) · target \d+/.test(s) ? s : false;
  }, { timeoutMs });
  const [, age, target] = /Reading age (\d+|–) · target (\d+)/.exec(text);
  return { item, text, age, target };
}

/** The readability report webview's inner document. */
export function reportView(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}
