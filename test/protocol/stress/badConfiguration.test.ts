/**
 * Bad configuration never stops the diagnostics: every invalid `dockerfileStages.*` value falls back to its
 * default and is named once in the output channel however many documents and changes follow, and an
 * invalid `.dockerfile-stages.json` is named once (with its path) while the Dockerfiles under it are still
 * analysed with the defaults.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startInProcessServer, type TestClient } from '../lspTestClient';

const CASING =
  'FROM alpine:3.20 AS Build\nRUN echo hi > /out/notes\nFROM alpine:3.20\nCOPY --from=Build /out/notes /notes\n';

describe('bad configuration', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dockerfile-stages-bad-config-'));
    mkdirSync(join(root, 'not-json'));
    mkdirSync(join(root, 'bad-entries'));
    writeFileSync(
      join(root, 'not-json', '.dockerfile-stages.json'),
      '{ "rules": { "StageNameCasing": "error", }',
    );
    writeFileSync(
      join(root, 'bad-entries', '.dockerfile-stages.json'),
      JSON.stringify({ rules: { StageNameCasing: 'loud' }, colour: 'blue' }),
    );
    client = await startInProcessServer({});
  });
  // The in-process server ends this process when its input closes, so that happens after every test.
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('falls back for every invalid setting and names each once, across documents and changes', async () => {
    client.settings = {
      target: 42,
      rules: { StageNameCasing: 'loud', NoSuchRule: 'error' },
      buildArgs: 'nope',
      images: 7,
    };
    await client.configurationChanged();
    for (let index = 0; index < 5; index++) {
      const uri = `file:///bad-settings/${index}/Dockerfile`;
      const published = await client.openForDiagnostics(uri, CASING);
      // StageNameCasing keeps its default severity (warning) and the last stage is the target.
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
        [['StageNameCasing', 2]],
      );
      await client.configurationChanged();
    }
    for (const key of ['rules.StageNameCasing', 'rules.NoSuchRule', 'target', 'buildArgs', 'images']) {
      const notes = client.logs.filter((line) => line.includes(`dockerfileStages.${key}`));
      assert.equal(notes.length, 1, `${key}: ${JSON.stringify(notes)}`);
    }
    client.settings = {};
    await client.configurationChanged();
  });

  for (const [folder, says] of [
    ['not-json', /not valid JSON/],
    ['bad-entries', /unknown key "colour"/],
  ] as const) {
    it(`keeps analysing under a ${folder} .dockerfile-stages.json and names the file once`, async () => {
      for (const name of ['Dockerfile', 'other.Dockerfile']) {
        const uri = pathToFileURL(join(root, folder, name)).toString();
        const published = await client.openForDiagnostics(uri, CASING);
        assert.deepEqual(
          published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]),
          [['StageNameCasing', 2]],
        );
      }
      const notes = client.logs.filter((line) => line.includes(join(root, folder)) && says.test(line));
      assert.equal(notes.length, 1, JSON.stringify(client.logs));
    });
  }
});
