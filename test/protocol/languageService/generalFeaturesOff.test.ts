import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { at, openMarked } from '../features/featureClient';
import { startInProcessServer, useClient } from '../lspTestClient';

// One in-process server per file: closing its streams ends the process, as a real server would exit.

function labels(items: CompletionItem[] | null): string[] {
  return (items ?? []).map((item) => item.label);
}

describe('general Dockerfile features turned off', () => {
  const client = useClient(() => startInProcessServer({}, { generalFeatures: false, dockerDx: false }));

  it('completes stage names only', async () => {
    const keyword = await openMarked(client, 'FROM alpine:3.20\nWOR|\n');
    assert.deepEqual(labels(await client.connection.sendRequest('textDocument/completion', at(keyword))), []);
    const stage = await openMarked(
      client,
      'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=| /a /b\n',
    );
    assert.deepEqual(labels(await client.connection.sendRequest('textDocument/completion', at(stage))), [
      'build',
    ]);
  });

  it('has no keyword hover', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\nWORK|DIR /app\n');
    assert.equal(await client.connection.sendRequest('textDocument/hover', at(document)), null);
  });

  it('publishes our diagnostics and never the service’s', async () => {
    const uri = 'file:///work/general-off/Dockerfile';
    const ours = client.waitForDiagnostics(uri);
    await client.open(uri, 'FROM alpine:3.20 AS Build\nWORKDIR rel\n');
    assert.deepEqual(
      (await ours).diagnostics.map((diagnostic) => diagnostic.code),
      ['StageNameCasing'],
    );
    // Well past the moment a follow-up would have been published.
    await delay(300);
    const published = client.published.filter((params) => params.uri === uri);
    assert.equal(published.length, 1);
  });
});
