import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { openMarked, useFeatureServer } from './featureClient';

// Ranges mark, in order: the global ARG, stage 0's name, stage 1's FROM keyword, stage 2's name.
const FILE = [
  '# escape=`',
  '«ARG GO=1.22»',
  'FROM golang:${GO}-alpine AS «build»',
  'RUN go build `',
  '    -o /out/app .',
  '',
  '«FROM» alpine:3.20',
  'COPY --from=build /out/app /app',
  'FROM node:20 AS «web»',
  '',
].join('\n');

describe('stage symbols', () => {
  const client = useFeatureServer();

  for (const crlf of [false, true]) {
    it(`outlines global ARGs, then stages with their instructions${crlf ? ' (CRLF)' : ''}`, async () => {
      const document = await openMarked(client, FILE, { crlf });
      const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri: document.uri },
      });
      assert.deepEqual(
        symbols.map((symbol) => symbol.name),
        ['ARG GO', 'build (golang:${GO}-alpine)', 'stage 1 (alpine:3.20)', 'web (node:20)'],
      );
      assert.deepEqual(
        symbols.map((symbol) => symbol.selectionRange),
        [
          { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } },
          document.ranges[1],
          document.ranges[2],
          document.ranges[3],
        ],
      );
      const [, build, runtime] = symbols;
      // The ARG default expands the base, so the stage's libc family is known.
      assert.match(build?.detail ?? '', /^musl/);
      assert.deepEqual(build?.range, { start: { line: 2, character: 0 }, end: { line: 5, character: 0 } });
      assert.deepEqual(
        build?.children?.map((child) => [child.name, child.range.start.line, child.range.end.line]),
        [['RUN go build -o /out/app .', 3, 4]],
      );
      assert.deepEqual(
        runtime?.children?.map((child) => child.name),
        ['COPY --from=build /out/app /app'],
      );
    });
  }

  it('finds stages across open Dockerfiles by a fuzzy query', async () => {
    const first = await openMarked(client, 'FROM golang:1.22 AS «builder»\nFROM alpine AS runtime\n', {
      name: 'api.Dockerfile',
    });
    const second = await openMarked(client, 'FROM rust:1 AS «build-rust»\n', { name: 'Dockerfile' });
    const symbols = await client.connection.sendRequest<SymbolInformation[]>('workspace/symbol', {
      query: 'BLD',
    });
    const mine = symbols.filter(
      (symbol) => symbol.location.uri === first.uri || symbol.location.uri === second.uri,
    );
    assert.deepEqual(
      mine.map((symbol) => [symbol.name, symbol.containerName, symbol.location]),
      [
        ['builder', 'golang:1.22', { uri: first.uri, range: first.ranges[0] }],
        ['build-rust', 'rust:1', { uri: second.uri, range: second.ranges[0] }],
      ],
    );
  });

  it('outlines half-typed text without failing', async () => {
    const document = await openMarked(client, 'FROM \nCOPY --from= \nFROM alpine AS\n');
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: document.uri },
    });
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['stage 0', 'stage 1 (alpine)'],
    );
  });
});
