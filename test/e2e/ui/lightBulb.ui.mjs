// On the LibcMismatch, the light bulb offers the fixes; choosing "switch the runtime to Debian" rewrites
// the FROM line in the editor.
import { resetWorkbench, editorAreaClip, goToPosition, openFile, visibleEditorText } from './workbench.mjs';

export async function run({ page, workspace, screenshot }) {
  await resetWorkbench(page);
  await openFile(page, workspace, 'Dockerfile');
  // `COPY --from=build ...` is line 12; column 14 is inside `build`, where LibcMismatch is reported.
  const bulb = await showLightBulb(page, 12, 14, { line: 'COPY --from=build', text: 'build' });
  await bulb.click();
  const menu = page.locator('.action-widget');
  await menu.waitFor({ state: 'visible' });
  const fix = menu.locator('.monaco-list-row', { hasText: 'debian:bookworm-slim' }).first();
  await fix.waitFor({ state: 'visible', timeout: 10_000 });
  // The menu blocks pointer events while it is open, so the fix is chosen with the keyboard, as the
  // menu's own hint ("Enter to Apply") suggests.
  const focused = menu.locator('.monaco-list-row.focused');
  for (let step = 0; !(await focused.innerText()).includes('debian:bookworm-slim'); step++) {
    if (step > 20) {
      throw new Error('The light bulb menu never focused the fix.');
    }
    await page.keyboard.press('ArrowDown');
  }
  await screenshot('light-bulb', { clip: await editorAreaClip(page) });
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
  await waitForEditorText(page, 'FROM debian:bookworm-slim', 'The fix did not rewrite the FROM line');
  await screenshot('light-bulb-applied', { clip: await editorAreaClip(page) });
  // The Problems test reads the Dockerfile as it is on disk, so the fix is undone, as one edit.
  await page.keyboard.press('Control+Z');
  await waitForEditorText(page, 'FROM alpine:3.20', 'Undo did not restore the FROM line');
}

async function waitForEditorText(page, expected, failure) {
  const deadline = Date.now() + 10_000;
  while (!(await visibleEditorText(page)).includes(expected)) {
    if (Date.now() > deadline) {
      throw new Error(`${failure}:\n${await visibleEditorText(page)}`);
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Puts the cursor on a position and waits for the light bulb that VS Code draws in the glyph margin (or
 * in the text when the margin is taken). The bulb only shows in an editor that has the focus, which the
 * in-editor suite may have left elsewhere, so the page is brought to the front and the word is clicked, as
 * a user would, before the cursor is placed exactly. The editor asks for code actions when the cursor
 * settles, so the cursor is moved again if the first request came too early, for up to 60 seconds (CI
 * machines are shared).
 */
async function showLightBulb(page, line, column, word) {
  const bulb = page
    .locator(
      '.glyph-margin-widgets [class*="lightbulb"]:visible, .lightBulbWidget [class*="lightbulb"]:visible',
    )
    .first();
  const deadline = Date.now() + 60_000;
  for (let nudge = 0; ; nudge++) {
    await page.bringToFront();
    await page
      .locator('.editor-instance .view-line', { hasText: word.line })
      .first()
      .locator('span span', { hasText: new RegExp(`^${word.text}$`) })
      .first()
      .click();
    await goToPosition(page, line, column - (nudge % 2));
    try {
      await bulb.waitFor({ state: 'visible', timeout: 5_000 });
      return bulb;
    } catch (error) {
      if (Date.now() > deadline) {
        // Explain the failure: ask for the quick fixes directly, as Ctrl+. does, and report what shows.
        // The expression runs in the page, on the workbench's document.
        const pageHasFocus = await page.evaluate('document.hasFocus()');
        await page.keyboard.press('Control+.');
        await page.waitForTimeout(3_000);
        const menu = await page.locator('.action-widget').allInnerTexts();
        const message = await page.locator('.monaco-editor-overlaymessage').allInnerTexts();
        throw new Error(
          `${error.message}\nThe page had the focus: ${pageHasFocus}. Ctrl+. then showed: ${JSON.stringify({ menu, message })}`,
        );
      }
    }
  }
}
