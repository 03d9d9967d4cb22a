// Hovering the image of a FROM line shows what the extension knows about it: here, that alpine:3.20
// runs on musl.
import { resetWorkbench, editorAreaClip, openFile } from './workbench.mjs';

export async function run({ page, workspace, screenshot }) {
  await resetWorkbench(page);
  await openFile(page, workspace, 'Dockerfile');
  const fromLine = page.locator('.editor-instance .view-line', { hasText: /^FROM.alpine:3\.20/ }).first();
  await fromLine.waitFor({ state: 'visible' });
  // The mouse rests on the image name, as a user's would; the hover shows after the editor's delay.
  await fromLine
    .locator('span', { hasText: /^alpine$/ })
    .last()
    .hover();
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'musl' }).first();
  await hover.waitFor({ state: 'visible', timeout: 30_000 });
  const text = await hover.innerText();
  if (!text.includes('alpine')) {
    throw new Error(`The hover should describe alpine:3.20: ${text}`);
  }
  await screenshot('hover', { clip: await editorAreaClip(page) });
}
