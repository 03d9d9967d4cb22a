/**
 * A document closed before its analysis is published gets its diagnostics cleared, and nothing is
 * published for it afterwards: neither our rules' result nor a follow-up source's.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, it } from 'node:test';
import { startStdioServer, type TestClient } from '../lspTestClient';

/** Large enough that its analysis is still queued or running when the close arrives. */
const LARGE = Array.from(
  { length: 300 },
  (_, index) =>
    `FROM golang:1.22 AS Stage${index}\nRUN go build -o /out/app${index} .\nCOPY --from=Stage${Math.max(0, index - 1)} /out /out\n`,
).join('');

async function assertClosedQuietly(client: TestClient, uri: string): Promise<void> {
  const cleared = client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0, 30_000);
  await client.open(uri, LARGE, 1);
  await client.change(uri, 2, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' },
  ]);
  await client.close(uri);
  const clearing = await cleared;
  // Long enough for a queued analysis and a follow-up source (30 ms to 1 s after ours) to have run.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const forDocument = client.published.filter((params) => params.uri === uri);
  const after = forDocument.slice(forDocument.indexOf(clearing) + 1);
  assert.deepEqual(after, [], 'nothing is published after the diagnostics were cleared');
  assert.equal(clearing.version, undefined, 'the clearing is not tied to a version that no longer exists');
}

describe('closing a document while it is being analysed', () => {
  let client: (TestClient & { process: ChildProcess }) | undefined;

  afterEach(async () => {
    await client?.dispose();
  });

  it('clears its diagnostics and publishes nothing after', async () => {
    client = await startStdioServer();
    await assertClosedQuietly(client, 'file:///stress/close/Dockerfile');
  });

  it('also cancels the follow-up diagnostics of the general features', async () => {
    client = await startStdioServer({ generalFeatures: true });
    await assertClosedQuietly(client, 'file:///stress/close-general/Dockerfile');
  });
});
