// The Problems view lists the LibcMismatch that the extension reports on the workspace Dockerfile, with
// its message: a Go binary linked against glibc that is shipped on Alpine.
import { resetWorkbench, editorAreaClip, openFile, runCommand } from './workbench.mjs';

export async function run({ page, workspace, screenshot }) {
  await resetWorkbench(page);
  await openFile(page, workspace, 'Dockerfile');
  await runCommand(page, 'View: Focus Problems');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'LibcMismatch' }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  const text = await row.innerText();
  for (const expected of ['dockerfile-stages', 'glibc', 'alpine']) {
    if (!text.includes(expected)) {
      throw new Error(`The Problems view row should mention "${expected}": ${text}`);
    }
  }
  await screenshot('problems', { clip: await editorAreaClip(page) });
}
