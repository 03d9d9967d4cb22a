import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startInProcessServer, useClient } from '../lspTestClient';
import { at, openMarked } from './featureClient';

// With the general Dockerfile features on, stage completion and hover still answer first and
// dockerfile-language-service's answers are merged after them.
describe('stage features merged with the general Dockerfile features', () => {
  const client = useClient(() => startInProcessServer({}, { generalFeatures: true }));

  it('lists stage names once, first, after COPY --from=', async () => {
    const document = await openMarked(client, 'FROM golang AS build\nFROM alpine\nCOPY --from=| /a /b\n');
    const items = await client.connection.sendRequest<CompletionItem[]>(
      'textDocument/completion',
      at(document),
    );
    assert.equal(items[0]?.label, 'build');
    assert.equal(items.filter((item) => item.label === 'build').length, 1);
  });

  it('leaves instruction completion to the service', async () => {
    const document = await openMarked(client, 'FROM alpine\nRU|\n');
    const items = await client.connection.sendRequest<CompletionItem[]>(
      'textDocument/completion',
      at(document),
    );
    assert.ok(items.some((item) => item.label === 'RUN'));
  });

  it('puts the stage facts above the keyword documentation on a FROM', async () => {
    const document = await openMarked(client, 'FR|OM alpine:3.20 AS base\n');
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', at(document));
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    const [ours, theirs] = value.split('\n\n---\n\n');
    assert.match(ours ?? '', /^\*\*Stage `base`\*\*/);
    assert.ok((theirs ?? '').length > 0, 'the service documents FROM');
  });

  it('declares the union of both trigger characters', () => {
    const triggers = client.initializeResult.capabilities.completionProvider?.triggerCharacters ?? [];
    for (const trigger of ['=', ' ', '$', '-']) {
      assert.ok(triggers.includes(trigger), trigger);
    }
  });
});
