import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FoldingRange } from 'vscode-languageserver-protocol';
import { openMarked, useFeatureServer } from './featureClient';

const FILE = [
  'FROM golang:1.22 AS build', // 0: stage 0 folds to line 8
  'RUN --mount=type=cache,target=/root/.cache \\', // 1: continued instruction folds to 3
  '    go build \\',
  '    -o /out/app .',
  'COPY <<EOF /etc/app.conf', // 4: heredoc folds to its delimiter on 7
  'port=80',
  'host=0',
  'EOF',
  'RUN echo done',
  '',
  '',
  'FROM alpine:3.20', // 11: stage 1 folds to line 14
  'RUN \\', // 12: the instruction folds to 14, its heredoc from 13
  '  <<EOT sh',
  'EOT',
  '',
].join('\n');

describe('folding ranges', () => {
  const client = useFeatureServer();

  for (const crlf of [false, true]) {
    it(`folds stages, continued instructions and heredocs${crlf ? ' (CRLF)' : ''}`, async () => {
      const document = await openMarked(client, FILE, { crlf });
      const ranges = await client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
        textDocument: { uri: document.uri },
      });
      assert.deepEqual(
        ranges.map((range) => [range.startLine, range.endLine, range.kind]),
        [
          [0, 8, 'region'],
          [1, 3, undefined],
          [4, 7, undefined],
          [11, 14, 'region'],
          [12, 14, undefined],
          [13, 14, undefined],
        ],
      );
    });
  }

  it('folds with the escape directive and leaves a single-line file alone', async () => {
    const continued = await openMarked(client, '# escape=`\nFROM alpine AS a\nRUN echo `\n  one\n');
    const ranges = await client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri: continued.uri },
    });
    assert.deepEqual(
      ranges.map((range) => [range.startLine, range.endLine]),
      [
        [1, 3],
        [2, 3],
      ],
    );
    const single = await openMarked(client, 'FROM alpine');
    assert.deepEqual(
      await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: single.uri } }),
      [],
    );
  });
});
