import path from 'node:path';

// Helpers for the UI tests (*.ui.mjs), which drive code-server's workbench through Playwright.

/**
 * Runs a command from the Command Palette by its title, as a user would. Using the palette instead
 * of a keyboard shortcut keeps tests independent of keybindings that the browser may claim.
 */
export async function runCommand(page, title) {
  const input = await openQuickInput(page);
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ state: 'visible' });
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/**
 * Opens a workspace file through Quick Open, as a user would, and waits until its editor is active:
 * `openFile(page, workspace, 'Dockerfile')`, or `openFile(page, 'Dockerfile.graph')` for a name that
 * only one file has. The absolute path is typed when given because the in-editor suite leaves more files
 * named `Dockerfile` in the workspace.
 */
export async function openFile(page, workspaceOrName, relativePath) {
  const query = relativePath === undefined ? workspaceOrName : path.join(workspaceOrName, relativePath);
  const fileName = path.basename(query);
  const input = await openQuickInput(page);
  // Quick Open without the `>` prefix searches files instead of commands.
  await input.fill(query);
  const item = page
    .locator('.quick-input-list .monaco-list-row', { has: page.getByText(fileName, { exact: true }) })
    .first();
  await item.waitFor({ state: 'visible' });
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await page.locator(`.tab.active[aria-label^="${fileName}"]`).waitFor({ state: 'visible' });
}

/** Moves the cursor of the active editor with Go to Line (`:line:column`, counting from 1). */
export async function goToPosition(page, line, column) {
  const input = await openQuickInput(page);
  await input.fill(`:${line}:${column}`);
  await input.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Dismisses notification toasts, so that they do not cover what a screenshot is meant to show. */
export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/** The text of the active editor's visible lines, as the user sees it. */
export async function visibleEditorText(page) {
  // The editor renders spaces as no-break spaces.
  const text = await page.locator('.editor-instance .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Opens the Command Palette and returns its input. A workbench that is still starting up ignores F1,
 * so the key is pressed again until the palette shows, for up to 30 seconds.
 */
async function openQuickInput(page) {
  const input = page.locator('.quick-input-widget input');
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 2_000 });
      return input;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
  }
}

/**
 * A screenshot clip around the editor area and, when it is open, the panel below it: the part of the
 * workbench that pictures of a feature need, without the side bar.
 */
export async function editorAreaClip(page) {
  const boxes = [];
  for (const selector of ['.part.editor', '.part.panel']) {
    const part = page.locator(`.monaco-workbench ${selector}`).first();
    if (await part.isVisible()) {
      const box = await part.boundingBox();
      if (box !== null) {
        boxes.push(box);
      }
    }
  }
  if (boxes.length === 0) {
    return undefined;
  }
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Puts the workbench in a known state for a UI test: no notifications, no editors left open by the
 * in-editor suite or an earlier UI test (saved first, so that closing them asks nothing).
 */
export async function resetWorkbench(page) {
  await clearNotifications(page);
  await runCommand(page, 'File: Save All Files');
  // Saving is asynchronous: closing an editor whose save is still running would ask to save it.
  const modified = page.locator('.tab.dirty');
  const deadline = Date.now() + 10_000;
  while ((await modified.count()) > 0) {
    if (Date.now() > deadline) {
      throw new Error(`Save All left modified editors: ${(await modified.allInnerTexts()).join(', ')}`);
    }
    await page.waitForTimeout(100);
  }
  await runCommand(page, 'View: Close All Editors');
}
