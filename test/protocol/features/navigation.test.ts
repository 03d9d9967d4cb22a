import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentHighlight, Location } from 'vscode-languageserver-protocol';
import { mark } from './markedText';
import { at, openMarked, useFeatureServer } from './featureClient';

// Every way a stage can be named: its definition, COPY --from by name and by index (on a continuation
// line), RUN --mount from=, and FROM <stage>; under the backtick escape directive.
const STAGES = [
  '# escape=`',
  'FROM golang:1.22-alpine AS «bu|ild»',
  'RUN go build -o /out/app .',
  'FROM alpine:3.20 AS runtime',
  'COPY --from=«build|» /out/app /app',
  'RUN --mount=type=cache,target=/root/.cache,from=«BUI|LD» true',
  'FROM «bu|ild» AS test',
  'COPY `',
  '  --from=«|0» /out/app /app',
  '',
].join('\n');

describe('stage navigation', () => {
  const client = useFeatureServer();

  for (const crlf of [false, true]) {
    const label = crlf ? ' (CRLF)' : '';

    it(`goes to the stage's AS name from the name and every kind of reference${label}`, async () => {
      const document = await openMarked(client, STAGES, { crlf });
      const definition = document.ranges[0];
      for (let cursor = 0; cursor < document.cursors.length; cursor++) {
        const location = await client.connection.sendRequest<Location | null>(
          'textDocument/definition',
          at(document, cursor),
        );
        assert.deepEqual(location, { uri: document.uri, range: definition }, `cursor #${cursor}`);
      }
    });

    it(`finds every reference from either side${label}`, async () => {
      const document = await openMarked(client, STAGES, { crlf });
      for (let cursor = 0; cursor < document.cursors.length; cursor++) {
        const withDeclaration = await client.connection.sendRequest<Location[]>('textDocument/references', {
          ...at(document, cursor),
          context: { includeDeclaration: true },
        });
        assert.deepEqual(
          withDeclaration.map((location) => location.range),
          document.ranges,
          `cursor #${cursor}`,
        );
        const withoutDeclaration = await client.connection.sendRequest<Location[]>(
          'textDocument/references',
          {
            ...at(document, cursor),
            context: { includeDeclaration: false },
          },
        );
        assert.deepEqual(
          withoutDeclaration.map((location) => location.range),
          document.ranges.slice(1),
        );
      }
    });

    it(`highlights the definition as written and the references as read${label}`, async () => {
      const document = await openMarked(client, STAGES, { crlf });
      const highlights = await client.connection.sendRequest<DocumentHighlight[]>(
        'textDocument/documentHighlight',
        at(document, 3),
      );
      assert.deepEqual(
        highlights,
        document.ranges.map((range, index) => ({ range, kind: index === 0 ? 3 : 2 })),
      );
    });
  }

  it('goes from a numeric index to the FROM of an unnamed stage', async () => {
    const document = await openMarked(
      client,
      ['«FROM» golang:1.22 ', 'FROM alpine:3.20', 'COPY --from=|0 /a /b', ''].join('\n'),
    );
    const location = await client.connection.sendRequest<Location | null>(
      'textDocument/definition',
      at(document),
    );
    assert.deepEqual(location, { uri: document.uri, range: document.ranges[0] });
  });

  it('answers nothing off stage names, on images and on half-typed references', async () => {
    const document = await openMarked(
      client,
      [
        'FROM gol|ang:1.22 AS build',
        'COPY --from=ngi|nx /etc/nginx /etc/nginx',
        'COPY --from=| /a /b',
        '',
      ].join('\n'),
    );
    for (let cursor = 0; cursor < document.cursors.length; cursor++) {
      assert.equal(
        await client.connection.sendRequest('textDocument/definition', at(document, cursor)),
        null,
      );
      assert.deepEqual(
        await client.connection.sendRequest('textDocument/references', {
          ...at(document, cursor),
          context: { includeDeclaration: true },
        }),
        [],
      );
      assert.deepEqual(
        await client.connection.sendRequest('textDocument/documentHighlight', at(document, cursor)),
        [],
      );
    }
  });

  it('declares the capabilities', () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.equal(capabilities.documentHighlightProvider, true);
  });

  it('marks fixtures consistently', () => {
    assert.deepEqual(mark('a«b|c»\r\nd|').cursors, [
      { line: 0, character: 2 },
      { line: 1, character: 1 },
    ]);
  });
});
