import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerCapabilities } from 'vscode-languageserver-protocol';
import { startStdioServer } from '../lspTestClient';

/** The capabilities only the general Dockerfile features (dockerfile-language-service) declare. */
const GENERAL_CAPABILITIES: readonly (keyof ServerCapabilities)[] = [
  'documentFormattingProvider',
  'documentRangeFormattingProvider',
  'documentOnTypeFormattingProvider',
  'signatureHelpProvider',
  'semanticTokensProvider',
  'documentLinkProvider',
];

async function capabilitiesWith(initializationOptions: unknown): Promise<ServerCapabilities> {
  const client = await startStdioServer(initializationOptions);
  try {
    return client.initializeResult.capabilities;
  } finally {
    await client.dispose();
  }
}

describe('general Dockerfile features: declared capabilities', () => {
  it('declares formatting, signature help, semantic tokens and links when the client turns them on', async () => {
    const capabilities = await capabilitiesWith({ generalFeatures: true, dockerDx: false });
    for (const name of GENERAL_CAPABILITIES) {
      assert.ok(capabilities[name], `${name} should be declared`);
    }
    assert.deepEqual(capabilities.documentOnTypeFormattingProvider, {
      firstTriggerCharacter: '\\',
      moreTriggerCharacter: ['`'],
    });
    assert.equal(capabilities.semanticTokensProvider?.legend.tokenTypes[0], 'keyword');
    // Completion also fires on `$` (variables) and `-` (flags) for the service's items.
    assert.deepEqual([...(capabilities.completionProvider?.triggerCharacters ?? [])].sort(), [
      ' ',
      '$',
      '-',
      '=',
    ]);
  });

  for (const [label, options] of [
    ['off', { generalFeatures: false, dockerDx: false }],
    ['not mentioned by the client', undefined],
  ] as const) {
    it(`declares none of them when they are ${label}, and keeps the stage-aware ones`, async () => {
      const capabilities = await capabilitiesWith(options);
      for (const name of GENERAL_CAPABILITIES) {
        assert.equal(capabilities[name], undefined, `${name} should not be declared`);
      }
      assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['=', ' ']);
      assert.ok(capabilities.definitionProvider);
      assert.ok(capabilities.hoverProvider);
    });
  }
});
