import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../../server/src/analysis/settings';
import { startInProcessServer, useClient } from '../lspTestClient';

/** Each rule that repeats a BuildKit check once, plus InvalidStageName, which Docker DX does not report. */
const DOCKERFILE = [
  'FROM alpine:3.20 AS Build',
  'from alpine:3.20 AS lower',
  'FROM alpine:3.20 AS dup',
  'FROM alpine:3.20 AS dup',
  'FROM alpine:3.20 AS scratch',
  'FROM alpine:3.20 AS 1st',
  '',
].join('\n');

const DX_RULES = ['DuplicateStageName', 'FromAsCasing', 'ReservedStageName', 'StageNameCasing'];

let counter = 0;

describe('with Docker DX reported by the client', () => {
  const client = useClient(() => startInProcessServer({}, { generalFeatures: false, dockerDx: true }));

  async function ruleIds(settings: Record<string, unknown>): Promise<string[]> {
    client.settings = settings;
    await client.configurationChanged();
    counter++;
    const uri = `file:///work/docker-dx/${counter}/Dockerfile`;
    const ids = (await client.openForDiagnostics(uri, DOCKERFILE)).diagnostics.map((diagnostic) =>
      String(diagnostic.code),
    );
    return [...new Set(ids)].filter((id) => id !== 'UnusedStage').sort();
  }

  it('leaves the rules that repeat BuildKit checks to Docker DX', async () => {
    assert.deepEqual(await ruleIds({}), ['InvalidStageName']);
  });

  it('treats `default` as not set', async () => {
    const settings = { rules: Object.fromEntries(DX_RULES.map((id) => [id, 'default'])) };
    assert.deepEqual(await ruleIds(settings), ['InvalidStageName']);
  });

  it('runs a rule the user set explicitly', async () => {
    assert.deepEqual(await ruleIds({ rules: { StageNameCasing: 'warning', ReservedStageName: 'error' } }), [
      'InvalidStageName',
      'ReservedStageName',
      'StageNameCasing',
    ]);
  });

  it('reports all of them without Docker DX', () => {
    // The same text through the rules with no DX override: every rule of the list fires on it.
    const ids = new Set(analyze(DOCKERFILE, DEFAULT_SETTINGS).findings.map((finding) => finding.ruleId));
    for (const id of DX_RULES) {
      assert.ok(ids.has(id), `${id} fires without Docker DX`);
    }
  });
});
