// Hovering the image of a FROM line shows what the extension knows about it: here, that alpine:3.20
// runs on musl.
import { clearNotifications, goToPosition, openFile, runCommand } from './workbench.mjs';

export async function run({ page, screenshot }) {
  await clearNotifications(page);
  await openFile(page, 'Dockerfile');
  // `FROM alpine:3.20` is line 10; column 8 is inside the image name.
  await goToPosition(page, 10, 8);
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'musl' }).first();
  await hover.waitFor({ state: 'visible', timeout: 30_000 });
  await screenshot('hover');
}
