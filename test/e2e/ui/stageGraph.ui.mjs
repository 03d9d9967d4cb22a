// The stage graph view draws the workspace's multi-stage Dockerfile: the edge that carries a glibc binary
// into Alpine is drawn in the warning colour, the stage only built with --target is greyed, and clicking a
// node moves the editor's cursor to that stage's FROM line.
import { openFile, resetWorkbench, runCommand } from './workbench.mjs';

export async function run({ page, screenshot }) {
  await resetWorkbench(page);
  await openFile(page, 'Dockerfile.graph');
  await runCommand(page, 'Dockerfile Stages: Show Stage Graph');

  // A webview is an iframe holding another iframe with the extension's page.
  const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const mismatch = view.locator('svg .edge.mismatch');
  await mismatch.first().waitFor({ state: 'visible', timeout: 30_000 });
  const mismatchCount = await mismatch.count();
  if (mismatchCount !== 1) {
    throw new Error(`Expected exactly one mismatch edge, found ${mismatchCount}`);
  }
  const tooltip = await mismatch.locator('title').textContent();
  if (!tooltip?.includes('LibcMismatch')) {
    throw new Error(`The mismatch edge's tooltip should name LibcMismatch: ${tooltip}`);
  }
  const stroke = await mismatch
    .locator('path')
    .evaluate((path) => path.ownerDocument.defaultView.getComputedStyle(path).stroke);
  const normalStroke = await view
    .locator('svg .edge:not(.mismatch) path')
    .first()
    .evaluate((path) => path.ownerDocument.defaultView.getComputedStyle(path).stroke);
  if (stroke === normalStroke) {
    throw new Error(`The mismatch edge should be drawn in another colour than the others (${stroke})`);
  }

  const unused = view.locator('svg .node.unused');
  if ((await unused.count()) !== 1 || !(await unused.textContent())?.includes('only with --target')) {
    throw new Error('The test stage should be the one greyed node, labelled "only with --target"');
  }
  await screenshot('stage-graph');

  // `FROM alpine:3.20 AS assets` is line 12: clicking its node selects that FROM in the editor.
  await view.locator('svg .node', { hasText: 'assets' }).click();
  const status = page.locator('.statusbar-item[id="status.editor.selection"]');
  try {
    await status.filter({ hasText: /Ln 12,/ }).waitFor({ state: 'visible', timeout: 15_000 });
  } catch (error) {
    const where = (await status.count()) > 0 ? await status.innerText() : 'no editor selection shown';
    const tabs = await page.locator('.tab.active').allInnerTexts();
    throw new Error(`Clicking 'assets' should select line 12: ${where}; active tabs: ${tabs.join(', ')}`, {
      cause: error,
    });
  }
}
