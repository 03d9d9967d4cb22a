// Find All References, Rename Symbol, the multi-stage snippets and the status bar item, through the
// workbench as a user reaches them, each with a screenshot for the README.
import {
  editorAreaClip,
  goToPosition,
  openFile,
  resetWorkbench,
  runCommand,
  visibleEditorText,
} from './workbench.mjs';

export async function run({ page, workspace, screenshot }) {
  await resetWorkbench(page);
  await openFile(page, workspace, 'Dockerfile.graph');
  // The status bar item shows once the server has analysed the file; until the language client has
  // started, the editor offers neither Go to References nor Rename Symbol.
  const status = page.locator('.statusbar-item', { hasText: /4 stages/ }).first();
  await status.waitFor({ state: 'visible', timeout: 30_000 });
  const statusText = await status.innerText();
  if (!statusText.includes('glibc') || !statusText.includes('→ musl')) {
    throw new Error(`The status bar should show the C-library path into the final stage: ${statusText}`);
  }
  const statusBar = await page.locator('.part.statusbar').boundingBox();
  const item = await status.boundingBox();
  if (statusBar !== null && item !== null) {
    // The right half of the status bar, where the item sits among the editor's own.
    const x = Math.max(statusBar.x, item.x - 420);
    await screenshot('status-bar', {
      clip: { x, y: statusBar.y, width: statusBar.x + statusBar.width - x, height: statusBar.height },
    });
  }

  // Line 4 is `FROM golang:${GO_VERSION} AS build`; column 31 is inside `build`.
  await goToPosition(page, 4, 31);
  await runCommand(page, 'Go to References');
  const peek = page.locator('.reference-zone-widget');
  await peek.waitFor({ state: 'visible', timeout: 30_000 });
  const rows = peek.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  // FROM build, RUN --mount from=build and COPY --from=build, with the definition.
  const references = await rows.count();
  if (references < 4) {
    throw new Error(`References of 'build' should list 4 places: ${await peek.innerText()}`);
  }
  await screenshot('references', { clip: await editorAreaClip(page) });
  await page.keyboard.press('Escape');
  await peek.waitFor({ state: 'hidden' });

  await goToPosition(page, 4, 31);
  await runCommand(page, 'Rename Symbol');
  const renameInput = page.locator('.rename-box input');
  await renameInput.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await renameInput.inputValue()) !== 'build') {
    throw new Error(`Rename should start from the stage name: ${await renameInput.inputValue()}`);
  }
  await screenshot('rename', { clip: await editorAreaClip(page) });
  await page.keyboard.press('Escape');
  await renameInput.waitFor({ state: 'hidden' });

  // The snippets are offered after `ms-` on an empty line; the file is reverted afterwards, unsaved.
  await goToPosition(page, 20, 1);
  await page.keyboard.type('ms-go');
  const suggest = page.locator('.suggest-widget.visible');
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.keyboard.press('Control+Space');
    try {
      await suggest.locator('.monaco-list-row', { hasText: 'ms-go-static' }).first().waitFor({
        state: 'visible',
        timeout: 3_000,
      });
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
  }
  await screenshot('snippets', { clip: await editorAreaClip(page) });
  await page.keyboard.press('Escape');
  await runCommand(page, 'File: Revert File');
  // The visible text holds inlay hints that may arrive at any time, so it is not compared as a whole.
  const dirtyTab = page.locator('.tab.active.dirty');
  const reverted = Date.now() + 10_000;
  while ((await visibleEditorText(page)).includes('ms-go') || (await dirtyTab.count()) > 0) {
    if (Date.now() > reverted) {
      const state = (await dirtyTab.count()) > 0 ? 'still modified' : 'not modified';
      throw new Error(`Reverting should restore the file (${state}):\n${await visibleEditorText(page)}`);
    }
    await page.waitForTimeout(100);
  }
}
