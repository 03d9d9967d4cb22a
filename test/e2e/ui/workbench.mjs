// Helpers for the UI tests (*.ui.mjs), which drive code-server's workbench through Playwright.

/**
 * Runs a command from the Command Palette by its title, as a user would. Using the palette instead
 * of a keyboard shortcut keeps tests independent of keybindings that the browser may claim.
 */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ state: 'visible' });
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
}
