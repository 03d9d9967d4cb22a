import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startStdioServer, useClient } from './lspTestClient';

const CASING =
  'FROM golang:1.22-alpine AS Build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=Build /out/app /app\n';

describe('language server over stdio', () => {
  const client = useClient(() => startStdioServer());

  it('answers initialize with incremental sync and its name', () => {
    assert.equal(client.initializeResult.serverInfo?.name, 'dockerfile-stages');
    assert.deepEqual(client.initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  it('publishes diagnostics on open with code, source, link and version', async () => {
    const uri = 'file:///work/open/Dockerfile';
    const params = await client.openForDiagnostics(uri, CASING, 3);
    assert.equal(params.version, 3);
    assert.equal(params.diagnostics.length, 1);
    const [diagnostic] = params.diagnostics;
    assert.equal(diagnostic?.code, 'StageNameCasing');
    assert.equal(diagnostic?.source, 'dockerfile-stages');
    assert.equal(diagnostic?.severity, 2);
    assert.deepEqual(diagnostic?.range, {
      start: { line: 0, character: 27 },
      end: { line: 0, character: 32 },
    });
    assert.match(diagnostic?.codeDescription?.href ?? '', /docs\/rules\.md#stagenamecasing$/);
  });

  it('republishes after an incremental change', async () => {
    const uri = 'file:///work/change/Dockerfile';
    const opened = client.waitForDiagnostics(uri);
    await client.open(uri, CASING, 1);
    await opened;
    const changed = client.waitForDiagnostics(uri, (params) => params.version === 2);
    // Lowercase the stage name in place: `Build` → `build` on line 0.
    await client.change(uri, 2, [
      { range: { start: { line: 0, character: 27 }, end: { line: 0, character: 28 } }, text: 'b' },
    ]);
    const params = await changed;
    // The COPY still says `Build`, which resolves case-insensitively, so nothing is left to report.
    assert.deepEqual(params.diagnostics, []);
  });

  it('clears diagnostics on close', async () => {
    const uri = 'file:///work/close/Dockerfile';
    const opened = client.waitForDiagnostics(uri);
    await client.open(uri, CASING);
    assert.equal((await opened).diagnostics.length, 1);
    const cleared = client.waitForDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('applies settings and re-applies them when they change', async () => {
    const uri = 'file:///work/settings/Dockerfile';
    const opened = client.waitForDiagnostics(uri);
    await client.open(uri, CASING);
    assert.equal((await opened).diagnostics[0]?.severity, 2);

    client.settings = { rules: { StageNameCasing: 'error' } };
    const raised = client.waitForDiagnostics(uri);
    await client.configurationChanged();
    assert.equal((await raised).diagnostics[0]?.severity, 1);

    client.settings = { rules: { StageNameCasing: 'off' } };
    const silenced = client.waitForDiagnostics(uri);
    await client.configurationChanged();
    assert.deepEqual((await silenced).diagnostics, []);
    // Code lenses and inlay hints depend on settings too: the client is asked to pull them again.
    assert.ok(client.refreshes.includes('workspace/codeLens/refresh'));
    assert.ok(client.refreshes.includes('workspace/inlayHint/refresh'));
  });

  it('falls back to defaults for invalid settings and says so once', async () => {
    const uri = 'file:///work/invalid-settings/Dockerfile';
    client.settings = { rules: { StageNameCasing: 'loud' } };
    await client.configurationChanged();
    assert.equal((await client.openForDiagnostics(uri, CASING)).diagnostics[0]?.severity, 2);
    const notes = client.logs.filter((line) => line.includes('dockerfileStages.rules.StageNameCasing'));
    assert.equal(notes.length, 1);
    client.settings = {};
    await client.configurationChanged();
  });

  it('uses the target setting for UnusedStage', async () => {
    const uri = 'file:///work/target/Dockerfile';
    const text = 'FROM alpine:3.20 AS test\nRUN true\nFROM alpine:3.20 AS runtime\n';
    client.settings = { target: 'test' };
    await client.configurationChanged();
    const { diagnostics } = await client.openForDiagnostics(uri, text);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.tags]),
      [['UnusedStage', 2, [1]]],
    );
    client.settings = {};
    await client.configurationChanged();
  });
});
