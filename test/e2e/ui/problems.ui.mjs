// The Problems view lists the diagnostics that the extension published for the workspace Dockerfile.
// The in-editor suite has already opened that Dockerfile and waited for them.
import { runCommand } from './workbench.mjs';

export async function run({ page, screenshot }) {
  await runCommand(page, 'View: Focus Problems');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'dockerfile-stages' }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await screenshot('problems');
}
