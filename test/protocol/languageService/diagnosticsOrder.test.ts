import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startInProcessServer, useClient } from '../lspTestClient';

const OURS = 'dockerfile-stages';
const THEIRS = 'dockerfile-utils';

/** Stage name casing for our rules, a relative WORKDIR for dockerfile-utils. */
const BOTH = 'FROM alpine:3.20 AS Build\nWORKDIR rel\nFROM alpine:3.20\nCOPY --from=Build /a /b\n';

function codes(diagnostics: readonly Diagnostic[], source: string): string[] {
  return diagnostics.filter((diagnostic) => diagnostic.source === source).map((d) => String(d.code));
}

function isMerged(params: PublishDiagnosticsParams): boolean {
  return params.diagnostics.some((diagnostic) => diagnostic.source === THEIRS);
}

let counter = 0;
function freshUri(): string {
  counter++;
  return `file:///work/service-diagnostics/${counter}/Dockerfile`;
}

describe('diagnostics with the general features on', () => {
  const client = useClient(() => startInProcessServer({}, { generalFeatures: true, dockerDx: false }));

  const publishedFor = (uri: string) => client.published.filter((params) => params.uri === uri);

  it('publishes ours first, then ours merged with the service’s for the same version', async () => {
    const uri = freshUri();
    const merged = client.waitForDiagnostics(uri, isMerged);
    await client.open(uri, BOTH, 4);
    const final = await merged;
    const [first] = publishedFor(uri);
    assert.ok(first);
    assert.equal(first.version, 4);
    assert.deepEqual(codes(first.diagnostics, OURS), ['StageNameCasing']);
    assert.deepEqual(codes(first.diagnostics, THEIRS), []);

    assert.equal(final.version, 4);
    // Ours lead the merged list, unchanged.
    assert.deepEqual(final.diagnostics.slice(0, first.diagnostics.length), first.diagnostics);
    assert.deepEqual(codes(final.diagnostics, THEIRS), ['WORKDIR_IS_NOT_ABSOLUTE']);
    const workdir = final.diagnostics.find((diagnostic) => diagnostic.source === THEIRS);
    assert.deepEqual(workdir?.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } });
    assert.equal(Object.keys(workdir ?? {}).includes('instructionLine'), false);
  });

  it('leaves the checks our rules make to our rules', async () => {
    const uri = freshUri();
    const merged = client.waitForDiagnostics(uri, isMerged);
    await client.open(uri, 'FROM alpine:3.20 AS build\nfrom alpine:3.20 AS build\nFROM alpine:3.20 AS 1st\n');
    const final = await merged;
    const ours = codes(final.diagnostics, OURS);
    assert.ok(ours.includes('DuplicateStageName') && ours.includes('InvalidStageName'), ours.join());
    // dockerfile-utils reports the duplicate and the invalid name too; only its other findings remain.
    assert.deepEqual(codes(final.diagnostics, THEIRS), ['CASING_INSTRUCTION']);
  });

  it('never publishes the service’s diagnostics with another version’s', async () => {
    const uri = freshUri();
    // Odd versions: an uppercase stage name (ours) and a relative WORKDIR (theirs); even versions: neither.
    const textOf = (version: number) =>
      version % 2 === 1
        ? 'FROM alpine:3.20 AS Build\nWORKDIR rel\n'
        : 'FROM alpine:3.20 AS build\nWORKDIR /abs\n';
    const last = 41;
    const settled = client.waitForDiagnostics(uri, (params) => params.version === last && isMerged(params));
    await client.open(uri, textOf(1), 1);
    for (let version = 2; version <= last; version++) {
      await client.change(uri, version, [{ text: textOf(version) }]);
      if (version % 10 === 0) {
        // Let some follow-ups start, so cancellation is exercised as well as coalescing.
        await delay(40);
      }
    }
    await settled;
    for (const params of publishedFor(uri)) {
      const version = params.version ?? -1;
      const odd = version % 2 === 1;
      assert.deepEqual(codes(params.diagnostics, OURS), odd ? ['StageNameCasing'] : [], `ours at ${version}`);
      const theirs = codes(params.diagnostics, THEIRS);
      assert.ok(
        theirs.length === 0 || (odd && theirs.join() === 'WORKDIR_IS_NOT_ABSOLUTE'),
        `theirs at ${version}: ${theirs.join()}`,
      );
    }
    assert.equal(publishedFor(uri).at(-1)?.version, last);
  });

  it('republishes the service’s diagnostics at once when our settings change', async () => {
    const uri = freshUri();
    const merged = client.waitForDiagnostics(uri, isMerged);
    await client.open(uri, BOTH);
    await merged;
    client.settings = { rules: { StageNameCasing: 'error' } };
    const next = client.waitForDiagnostics(uri);
    await client.configurationChanged();
    const params = await next;
    assert.equal(params.diagnostics.find((d) => d.code === 'StageNameCasing')?.severity, 1);
    assert.deepEqual(codes(params.diagnostics, THEIRS), ['WORKDIR_IS_NOT_ABSOLUTE']);
    client.settings = {};
    await client.configurationChanged();
  });

  it('clears on close and publishes nothing for the document afterwards', async () => {
    const uri = freshUri();
    const ours = client.waitForDiagnostics(uri);
    await client.open(uri, BOTH);
    await ours;
    const cleared = client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
    const countAtClose = publishedFor(uri).length;
    // Longer than the follow-up would wait for a document this small.
    await delay(300);
    assert.equal(publishedFor(uri).length, countAtClose);
    assert.deepEqual(publishedFor(uri).at(-1)?.diagnostics, []);
  });
});
