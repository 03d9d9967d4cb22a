import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { TestClient } from '../lspTestClient';
import { at, openMarked, useFeatureServer } from './featureClient';

// The definition is written `Build`; references keep their own casing style when renamed.
const STAGES = [
  'FROM golang:1.22-alpine AS «Bu|ild»',
  'FROM alpine:3.20 AS runtime',
  'COPY --from=«Build» /out/app /app',
  'RUN --mount=type=cache,target=/root/.cache,from=«build» true',
  'COPY --from=«BUILD» \\',
  '  /a /b',
  'COPY --from=0 /x /y',
  'FROM «build» AS test',
  '',
].join('\n');

function rename(client: TestClient, document: Parameters<typeof at>[0], newName: string, cursor = 0) {
  return client.connection.sendRequest<WorkspaceEdit | null>('textDocument/rename', {
    ...at(document, cursor),
    newName,
  });
}

async function rejection(promise: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; message: string };
  }
  assert.fail('the request was expected to fail');
}

describe('stage rename', () => {
  const client = useFeatureServer();

  for (const crlf of [false, true]) {
    it(`renames the stage and every named reference in its casing style${crlf ? ' (CRLF)' : ''}`, async () => {
      const document = await openMarked(client, STAGES, { crlf });
      const prepared = await client.connection.sendRequest('textDocument/prepareRename', at(document));
      assert.deepEqual(prepared, { range: document.ranges[0], placeholder: 'Build' });

      const edit = await rename(client, document, 'Compile');
      const edits = edit?.changes?.[document.uri] ?? [];
      const byRange = (a: TextEdit, b: TextEdit) => a.range.start.line - b.range.start.line;
      assert.deepEqual([...edits].sort(byRange), [
        { range: document.ranges[0], newText: 'Compile' },
        { range: document.ranges[1], newText: 'Compile' },
        { range: document.ranges[2], newText: 'compile' },
        { range: document.ranges[3], newText: 'COMPILE' },
        { range: document.ranges[4], newText: 'compile' },
      ]);
    });
  }

  it('renames from a reference on a continuation line and from a numeric index', async () => {
    const document = await openMarked(
      client,
      [
        'FROM golang:1.22 AS «build»',
        'FROM alpine',
        'COPY \\',
        '  --from=«bu|ild» /a /b',
        'COPY --from=|0 /c /d',
        '',
      ].join('\n'),
    );
    for (const cursor of [0, 1]) {
      const edits = (await rename(client, document, 'compile', cursor))?.changes?.[document.uri] ?? [];
      assert.deepEqual(
        edits.map((edit) => edit.range),
        document.ranges,
      );
    }
    const prepared = await client.connection.sendRequest('textDocument/prepareRename', at(document, 1));
    // The editor's rename box covers the `0` under the cursor and proposes the stage's name.
    assert.deepEqual(prepared, {
      range: { start: { line: 4, character: 12 }, end: { line: 4, character: 13 } },
      placeholder: 'build',
    });
  });

  it('refuses reserved, invalid and taken names with a message', async () => {
    // Names that BuildKit would read as images today must not be captured by the renamed stage.
    const document = await openMarked(
      client,
      `${STAGES}COPY --from=nginx /etc/nginx /etc/nginx\nFROM alpine\n`,
    );
    for (const [newName, pattern] of [
      ['scratch', /'scratch' is reserved by BuildKit/],
      ['Context', /'Context' is reserved by BuildKit/],
      ['1st', /not a valid stage name/],
      ['my stage', /not a valid stage name/],
      ['', /cannot be empty/],
      ['RUNTIME', /already named 'runtime'/],
      ['Nginx', /'nginx' on line 9 names an image; a stage called 'Nginx' would take its place there/],
      ['alpine', /'alpine' on line 10 names an image/],
    ] as const) {
      const error = await rejection(rename(client, document, newName));
      assert.equal(error.code, -32803, newName);
      assert.match(error.message, pattern);
    }
  });

  it('refuses an unnamed stage and a stage reached through a build argument', async () => {
    const document = await openMarked(
      client,
      [
        'ARG BASE=build',
        'FROM golang:1.22',
        'FROM alpine AS bu|ild',
        'COPY --from=|0 /a /b',
        'FROM ${BASE}',
        '',
      ].join('\n'),
    );
    const viaVariable = await rejection(
      client.connection.sendRequest('textDocument/prepareRename', at(document, 0)),
    );
    assert.match(viaVariable.message, /'\$\{BASE\}' on line 5/);
    const unnamed = await rejection(
      client.connection.sendRequest('textDocument/prepareRename', at(document, 1)),
    );
    assert.match(unnamed.message, /Stage 0 has no name/);
  });

  it('answers null where there is nothing to rename, including half-typed text', async () => {
    const document = await openMarked(
      client,
      ['FROM golang:1.22 AS build', 'COPY --from=| /a /b', 'RUN ec|ho', ''].join('\n'),
    );
    for (const cursor of [0, 1]) {
      assert.equal(
        await client.connection.sendRequest('textDocument/prepareRename', at(document, cursor)),
        null,
      );
    }
  });

  it('declares prepareRename support', () => {
    assert.deepEqual(client.initializeResult.capabilities.renameProvider, { prepareProvider: true });
  });
});
