import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-protocol';
import { startStdioServer, useClient } from '../lspTestClient';
import { at, openMarked } from './featureClient';

// The bundle in dist/ is what the extension runs: it must announce and answer the stage features too.
describe('stage features in the bundled server', () => {
  const client = useClient(() => startStdioServer());

  it('announces every stage-aware capability', () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.equal(capabilities.documentHighlightProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes('='));
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.workspaceSymbolProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
  });

  it('answers go to definition over stdio', async () => {
    const document = await openMarked(
      client,
      'FROM golang AS «build»\nFROM alpine\nCOPY --from=bu|ild /a /b\n',
    );
    const location = await client.connection.sendRequest<Location | null>(
      'textDocument/definition',
      at(document),
    );
    assert.deepEqual(location, { uri: document.uri, range: document.ranges[0] });
  });
});
