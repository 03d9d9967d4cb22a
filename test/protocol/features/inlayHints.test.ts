import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InlayHint } from 'vscode-languageserver-protocol';
import { openMarked, useFeatureServer } from './featureClient';

// Each hint sits where a cursor `|` is: right after the FROM image (or the stage it builds on).
const FILE = [
  'ARG GO_IMAGE=golang:1.22',
  'FROM ${GO_IMAGE}| AS build',
  'RUN go build -o /out/app .',
  'FROM build| AS test',
  'FROM mycorp/runtime:1 AS unknown',
  'FROM --platform=$BUILDPLATFORM gcr.io/distroless/static-debian12| AS static',
  'FROM alpine:3.20|',
  'COPY --from=build /out/app /app',
  '',
].join('\n');

describe('libc inlay hints', () => {
  const client = useFeatureServer();

  async function hints(uri: string, endLine = 100): Promise<InlayHint[]> {
    return client.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: endLine, character: 0 } },
    });
  }

  it('advertises the capability', () => {
    assert.ok(client.initializeResult.capabilities.inlayHintProvider);
  });

  for (const crlf of [false, true]) {
    it(`labels each known image with its C library and release${crlf ? ' (CRLF)' : ''}`, async () => {
      const document = await openMarked(client, FILE, { crlf });
      const answer = await hints(document.uri);
      assert.deepEqual(
        answer.map((hint) => [hint.position, hint.label]),
        [
          [document.cursors[0], 'glibc 2.36 · debian 12'],
          [document.cursors[1], 'glibc 2.36 · debian 12'],
          [document.cursors[2], 'no libc · debian 12'],
          [document.cursors[3], 'musl · alpine 3.20'],
        ],
      );
      assert.ok(answer.every((hint) => hint.paddingLeft === true));
      assert.match(typeof answer[0]?.tooltip === 'string' ? answer[0].tooltip : '', /libc\.md/);
    });
  }

  it('answers only for the requested lines', async () => {
    const document = await openMarked(client, FILE);
    assert.deepEqual(
      (await hints(document.uri, 2)).map((hint) => hint.label),
      ['glibc 2.36 · debian 12'],
    );
  });

  it('uses the images setting for images the knowledge base does not know', async () => {
    client.settings = { images: { 'mycorp/*': { libc: 'musl', release: 'alpine 3.20' } } };
    await client.configurationChanged();
    const document = await openMarked(client, 'FROM mycorp/runtime:1\n');
    assert.deepEqual(
      (await hints(document.uri)).map((hint) => hint.label),
      ['musl · alpine 3.20'],
    );
  });

  it('shows nothing when dockerfileStages.inlayHints.libc is false', async () => {
    client.settings = { inlayHints: { libc: false } };
    await client.configurationChanged();
    const document = await openMarked(client, FILE);
    assert.deepEqual(await hints(document.uri), []);
    client.settings = {};
    await client.configurationChanged();
  });
});
