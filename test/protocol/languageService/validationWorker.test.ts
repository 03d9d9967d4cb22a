import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startStdioServer, useClient } from '../lspTestClient';

const THEIRS = 'dockerfile-utils';

function isMerged(params: PublishDiagnosticsParams): boolean {
  return params.diagnostics.some((diagnostic) => diagnostic.source === THEIRS);
}

/** About 9,000 lines: dockerfile-utils takes a few hundred milliseconds to validate it. */
function largeDockerfile(): string {
  const lines = ['FROM debian:bookworm-slim AS base'];
  for (let stage = 0; stage < 400; stage++) {
    lines.push(
      `FROM base AS stage${stage}`,
      'WORKDIR relative',
      'RUN apt-get update \\',
      '    && apt-get install -y --no-install-recommends ca-certificates curl \\',
      '    && rm -rf /var/lib/apt/lists/*',
      ...Array.from({ length: 16 }, (_, line) => `ENV VALUE_${line}=${stage}`),
    );
  }
  return lines.join('\n') + '\n';
}

describe('dockerfile-utils validation in a worker thread', () => {
  // The bundled server: only it has the worker next to it (sources run in process validate on their thread).
  const client = useClient(() => startStdioServer({ generalFeatures: true, dockerDx: false }));

  it('does not hold back our diagnostics for another document while it validates a large one', async () => {
    const large = 'file:///work/validation-worker/large/Dockerfile';
    const small = 'file:///work/validation-worker/small/Dockerfile';
    const largeMerged = client.waitForDiagnostics(large, isMerged, 60_000);
    await client.openForDiagnostics(large, largeDockerfile());
    // The follow-up starts 30 ms after our diagnostics; give it time to be well into the large text.
    await delay(80);
    const smallOurs = await client.openForDiagnostics(small, 'FROM alpine:3.20 AS Build\n');
    assert.deepEqual(
      smallOurs.diagnostics.map((diagnostic) => diagnostic.code),
      ['StageNameCasing'],
    );
    const merged = await largeMerged;
    assert.ok(merged.diagnostics.some((diagnostic) => diagnostic.code === 'WORKDIR_IS_NOT_ABSOLUTE'));
    // On the server's thread the small document's open would have waited for the validation to end.
    const smallAt = client.published.indexOf(smallOurs);
    const mergedAt = client.published.indexOf(merged);
    assert.ok(smallAt >= 0 && mergedAt >= 0);
    assert.ok(smallAt < mergedAt, 'our diagnostics for the small document came after the validation');
    assert.equal(
      client.logs.filter((line) => /validation worker/.test(line)).join('\n'),
      '',
      'the worker reported a failure',
    );
  });
});
