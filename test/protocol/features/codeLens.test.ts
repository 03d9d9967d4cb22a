import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { openMarked, useFeatureServer } from './featureClient';

const FILE = [
  '# escape=`',
  '«FROM» golang:1.22 AS «build»',
  'RUN go build -o /out/app .',
  '«FROM» «build» AS test',
  'RUN go test ./...',
  '«FROM» alpine:3.20',
  '«FROM» debian:12-slim AS runner',
  'COPY --from=«build» `',
  '  /out/app /app',
  'RUN --mount=from=«build»,target=/src true',
  '',
].join('\n');

describe('stage code lenses', () => {
  const client = useFeatureServer();

  async function lenses(uri: string): Promise<CodeLens[]> {
    return client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  }

  for (const crlf of [false, true]) {
    it(`says who uses each stage, which are unused and which is final${crlf ? ' (CRLF)' : ''}`, async () => {
      const document = await openMarked(client, FILE, { crlf });
      const [fromBuild, buildName, fromTest, buildInTest, fromUnnamed, fromRunner, copy, mount] =
        document.ranges;
      const answer = await lenses(document.uri);
      assert.deepEqual(
        answer.map((lens) => [lens.range, lens.command?.title]),
        [
          [fromBuild, 'used by test, runner · 3 references'],
          [fromTest, 'unused — built only with --target test'],
          [fromUnnamed, 'unused — no name, so no build reaches it'],
          [fromRunner, 'final stage'],
        ],
      );
      assert.deepEqual(answer[0]?.command?.command, 'dockerfileStages.showStageReferences');
      assert.deepEqual(answer[0]?.command?.arguments, [
        document.uri,
        buildName?.start,
        [buildInTest, copy, mount].map((range) => ({ uri: document.uri, range })),
      ]);
      assert.equal(answer[1]?.command?.command, '');
    });
  }

  it('follows the target setting and counts numeric references', async () => {
    client.settings = { target: 'test' };
    await client.configurationChanged();
    const document = await openMarked(
      client,
      ['FROM golang AS build', 'FROM build AS test', 'FROM alpine AS runner', 'COPY --from=0 /a /b', ''].join(
        '\n',
      ),
    );
    assert.deepEqual(
      (await lenses(document.uri)).map((lens) => lens.command?.title),
      ['used by test, runner · 2 references', 'build target', 'unused — built only with --target runner'],
    );
    client.settings = {};
    await client.configurationChanged();
  });

  it('marks a stage used only by unused stages as not needed', async () => {
    const document = await openMarked(
      client,
      ['FROM golang AS deps', 'FROM deps AS test', 'FROM alpine AS runner', ''].join('\n'),
    );
    assert.deepEqual(
      (await lenses(document.uri)).map((lens) => lens.command?.title),
      [
        'used by test · 1 reference · not needed for runner',
        'unused — built only with --target test',
        'final stage',
      ],
    );
  });

  it('shows nothing when dockerfileStages.codeLens is false', async () => {
    client.settings = { codeLens: false };
    await client.configurationChanged();
    const document = await openMarked(client, FILE);
    assert.deepEqual(await lenses(document.uri), []);
    client.settings = {};
    await client.configurationChanged();
  });

  it('lenses half-typed text', async () => {
    const document = await openMarked(client, 'FROM golang AS build\nCOPY --from= /a /b\nFROM \n');
    assert.deepEqual(
      (await lenses(document.uri)).map((lens) => lens.command?.title),
      ['unused — built only with --target build', 'final stage'],
    );
  });
});
