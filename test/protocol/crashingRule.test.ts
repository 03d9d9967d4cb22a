import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../server/src/analysis/rules';
import type { Rule } from '../../server/src/analysis/rules/rule';
import { startInProcessServer, useClient } from './lspTestClient';

const crashingRule: Rule = {
  id: 'AlwaysThrows',
  defaultSeverity: 'error',
  description: 'A rule that fails on every document, to prove the server survives it.',
  check() {
    throw new Error('boom');
  },
};

describe('a rule that throws', () => {
  const client = useClient(() => startInProcessServer({ rules: [crashingRule, ...ALL_RULES] }));

  it('is logged, and the other rules still publish; the server keeps serving', async () => {
    const uri = 'file:///work/crash/Dockerfile';
    const first = client.waitForDiagnostics(uri);
    await client.open(uri, 'FROM alpine:3.20 AS Build\n');
    assert.deepEqual(
      (await first).diagnostics.map((diagnostic) => diagnostic.code),
      ['StageNameCasing'],
    );
    assert.ok(client.logs.some((line) => line.includes('Rule AlwaysThrows failed') && line.includes('boom')));

    const second = client.waitForDiagnostics(uri, (params) => params.version === 2);
    await client.change(uri, 2, [{ text: 'FROM alpine:3.20 AS build\n' }]);
    assert.deepEqual((await second).diagnostics, []);
  });
});
