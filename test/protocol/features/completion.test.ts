import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { at, openMarked, useFeatureServer } from './featureClient';

const HEAD = [
  'FROM golang:1.22-alpine AS Build',
  'RUN go build -o /out/app .',
  'FROM node:20-slim AS assets',
];
const TAIL = ['FROM alpine:3.20 AS later', ''];

describe('stage completion', () => {
  const client = useFeatureServer();

  async function complete(lines: string[], options: { crlf?: boolean } = {}): Promise<CompletionItem[]> {
    const document = await openMarked(client, lines.join('\n'), options);
    const answer = await client.connection.sendRequest<CompletionItem[] | CompletionList | null>(
      'textDocument/completion',
      at(document),
    );
    return Array.isArray(answer) ? answer : (answer?.items ?? []);
  }

  const stageLabels = (items: CompletionItem[]) =>
    items.filter((item) => item.sortText?.startsWith('0-')).map((item) => item.label);

  for (const crlf of [false, true]) {
    it(`offers earlier stages after a bare COPY --from=${crlf ? ' (CRLF)' : ''}`, async () => {
      const items = await complete([...HEAD, 'COPY --from=| /out/app /app', ...TAIL], { crlf });
      assert.deepEqual(
        items.map((item) => item.label),
        ['Build'],
      );
      const [build] = items;
      // Base image as written, its libc family from the image knowledge, and the line of its FROM.
      assert.match(build?.detail ?? '', /^FROM golang:1\.22-alpine · musl\b.* · line 1$/);
      assert.deepEqual(build?.textEdit, {
        range: { start: { line: 3, character: 12 }, end: { line: 3, character: 12 } },
        newText: 'Build',
      });
    });
  }

  it('replaces the whole value typed around the cursor', async () => {
    const items = await complete([...HEAD, 'COPY --from=Bu|il /out/app /app', ...TAIL]);
    assert.deepEqual(items[0]?.textEdit, {
      range: { start: { line: 3, character: 12 }, end: { line: 3, character: 16 } },
      newText: 'Build',
    });
  });

  it('offers stages after from= inside RUN --mount=, on a continuation line', async () => {
    const items = await complete([
      ...HEAD,
      'FROM alpine:3.20',
      'RUN \\',
      '  --mount=type=cache,from=|,target=/cache \\',
      '  ls /cache',
      '',
    ]);
    assert.deepEqual(stageLabels(items), ['Build', 'assets']);
    assert.deepEqual((items[1]?.textEdit as TextEdit | undefined)?.range, {
      start: { line: 5, character: 26 },
      end: { line: 5, character: 26 },
    });
  });

  it('offers lowercased earlier stages first, then well-known images, after FROM', async () => {
    const items = await complete([...HEAD, 'FROM |', ...TAIL]);
    assert.deepEqual(stageLabels(items), ['build', 'assets']);
    assert.equal(items[0]?.label, 'build');
    const alpine = items.find((item) => item.label === 'alpine');
    assert.match(alpine?.detail ?? '', /^musl · alpine /);
    assert.ok((alpine?.sortText ?? '') > (items[1]?.sortText ?? ''));
    assert.ok(!items.some((item) => item.label === 'later'));
  });

  it('sees the image position after flags on a backtick-continued FROM', async () => {
    const items = await complete(['# escape=`', ...HEAD, 'FROM --platform=$BUILDPLATFORM `', '  ass|', '']);
    assert.deepEqual(stageLabels(items), ['build', 'assets']);
    assert.deepEqual((items[1]?.textEdit as TextEdit | undefined)?.range, {
      start: { line: 5, character: 2 },
      end: { line: 5, character: 5 },
    });
  });

  it('offers nothing in the first stage or away from stage positions', async () => {
    for (const lines of [
      ['FROM golang AS build', 'COPY --from=| /a /b'],
      [...HEAD, 'FROM alpine AS |'],
      [...HEAD, 'COPY --chown=| /a /b'],
      [...HEAD, 'RUN --mount=type=cache,target=| make'],
      [...HEAD, 'RUN echo --from=|'],
      [...HEAD, 'FR|'],
    ]) {
      assert.deepEqual(await complete(lines), [], lines.join('\n'));
    }
  });

  it('declares = and space as trigger characters', () => {
    assert.deepEqual(client.initializeResult.capabilities.completionProvider?.triggerCharacters, ['=', ' ']);
  });
});
