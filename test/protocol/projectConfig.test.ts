import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startInProcessServer, type TestClient } from './lspTestClient';

const TEXT =
  'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM registry.example.com/base/runtime:1\nCOPY --from=build /out/app /app\n';

describe('.dockerfile-stages.json in the server', () => {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dockerfile-stages-project-'));
    mkdirSync(join(root, 'services', 'api'), { recursive: true });
    writeFileSync(
      join(root, '.dockerfile-stages.json'),
      JSON.stringify({
        images: { 'registry.example.com/base/*': { libc: 'musl', release: 'alpine 3.20' } },
        rules: { LibcMismatch: 'error' },
      }),
    );
    client = await startInProcessServer({});
  });
  after(async () => {
    await client.dispose();
  });

  it('classifies images and sets severities from the nearest file above the document', async () => {
    const uri = pathToFileURL(join(root, 'services', 'api', 'Dockerfile')).toString();
    const published = client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, TEXT);
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line]),
      [['LibcMismatch', 1, 3]],
    );
    assert.match(diagnostics[0]?.message ?? '', /musl · alpine 3\.20/);
  });

  it('lets the user settings win over the file', async () => {
    client.settings = { rules: { LibcMismatch: 'information' } };
    await client.configurationChanged();
    const uri = pathToFileURL(join(root, 'services', 'api', 'other.Dockerfile')).toString();
    const published = client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    await client.open(uri, TEXT);
    assert.deepEqual(
      (await published).diagnostics.map((diagnostic) => diagnostic.severity),
      [3],
    );
    client.settings = {};
    await client.configurationChanged();
  });

  it('puts the problems of an invalid file on that file, keeps analysing, and clears them once fixed', async () => {
    const folder = join(root, 'broken');
    mkdirSync(folder, { recursive: true });
    const configPath = join(folder, '.dockerfile-stages.json');
    const configUri = pathToFileURL(configPath).toString();
    writeFileSync(configPath, '{\n  "images": {\n    "x": { "libc": "musl" },\n  }\n}\n');
    await client.configurationChanged();

    const onConfig = client.waitForDiagnostics(configUri, (params) => params.diagnostics.length > 0);
    const uri = pathToFileURL(join(folder, 'Dockerfile')).toString();
    const onDockerfile = client.waitForDiagnostics(uri);
    await client.open(uri, 'FROM alpine:3.20 AS Build\n');
    const [config] = (await onConfig).diagnostics;
    assert.equal(config?.severity, 1);
    assert.match(config?.message ?? '', /^not valid JSON/);
    // The trailing comma before `}` on line 4 is where JSON.parse stops.
    assert.equal(config?.range.start.line, 3);
    assert.deepEqual(
      (await onDockerfile).diagnostics.map((diagnostic) => diagnostic.code),
      ['StageNameCasing'],
    );

    writeFileSync(configPath, '{ "images": { "x": { "libc": "musl" } } }\n');
    const cleared = client.waitForDiagnostics(configUri, (params) => params.diagnostics.length === 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: 2 }],
    });
    await cleared;
  });

  it('ignores the file for documents that are not files', async () => {
    const uri = 'untitled:Untitled-1';
    assert.deepEqual((await client.openForDiagnostics(uri, TEXT)).diagnostics, []);
  });
});
