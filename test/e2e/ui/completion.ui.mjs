// Completion after `COPY --from=` offers the stages defined before the instruction, with their images; the
// outline shows one entry per stage.
import { goToPosition, openFile, resetWorkbench, runCommand } from './workbench.mjs';

export async function run({ page, workspace, screenshot }) {
  await resetWorkbench(page);
  await openFile(page, workspace, 'Dockerfile.graph');
  // Line 17 is `COPY --from=assets /assets /srv/assets`; column 13 is right after `--from=`.
  await goToPosition(page, 17, 13);
  // The editor's own shortcut: from the Command Palette the suggestion list closes again with the palette.
  const suggest = page.locator('.suggest-widget.visible');
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.keyboard.press('Control+Space');
    try {
      await suggest.waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
  }
  const rows = suggest.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  const labels = await rows.locator('.label-name').allInnerTexts();
  for (const stage of ['build', 'assets']) {
    if (!labels.includes(stage)) {
      throw new Error(`Completion after --from= should offer '${stage}': ${labels.join(', ')}`);
    }
  }
  if (labels.includes('stage 3') || labels.some((label) => label.startsWith('alpine'))) {
    throw new Error(`Completion after --from= should offer earlier stages only: ${labels.join(', ')}`);
  }
  const box = await page.locator('.part.editor').first().boundingBox();
  await screenshot('completion', { clip: box ?? undefined });
  await page.keyboard.press('Escape');

  await runCommand(page, 'Explorer: Focus on Outline View');
  const outline = page.locator('.outline-pane .monaco-list-row');
  // The pane is short: the first stages, with their images, are what it shows without scrolling.
  await outline.filter({ hasText: 'test (build)' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const entries = await outline.allInnerTexts();
  for (const stage of ['build (golang:${GO_VERSION})', 'test (build)']) {
    if (!entries.some((entry) => entry.startsWith(stage))) {
      throw new Error(`The outline should list stage '${stage}': ${entries.join(' | ')}`);
    }
  }
  const sideBar = await page.locator('.part.sidebar').first().boundingBox();
  await screenshot('outline', { clip: sideBar ?? undefined });
}
