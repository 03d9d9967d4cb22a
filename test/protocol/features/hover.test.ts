import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { at, openMarked, useFeatureServer } from './featureClient';

const FILE = [
  'ARG GO=1.22',
  'FROM --platform=$BUILDPLATFORM golang:${GO}-alpine AS «bu|ild»',
  'RUN go build -o /out/app .',
  'FROM build AS test',
  'RUN go test ./...',
  'FROM alpine:3.20 AS runtime',
  'COPY \\',
  '  --from=«bui|ld» /out/app /app',
  'COPY --from=«|0» /out/app /app2',
  '',
].join('\n');
const unmarked = FILE.replace(/[|«»]/g, '');

describe('stage hover', () => {
  const client = useFeatureServer();

  async function hover(document: Parameters<typeof at>[0], cursor: number): Promise<Hover | null> {
    return client.connection.sendRequest<Hover | null>('textDocument/hover', at(document, cursor));
  }
  const text = (answer: Hover | null) => (answer?.contents as MarkupContent | undefined)?.value ?? '';

  for (const crlf of [false, true]) {
    it(`describes a stage from its name and from references, continuation lines included${crlf ? ' (CRLF)' : ''}`, async () => {
      const document = await openMarked(client, FILE, { crlf });
      for (let cursor = 0; cursor < 3; cursor++) {
        const answer = await hover(document, cursor);
        assert.deepEqual(answer?.range, document.ranges[cursor]);
        const value = text(answer);
        assert.match(value, /\*\*Stage `build`\*\* · stage 0 · line 2/);
        assert.match(value, /Base image: `golang:\$\{GO\}-alpine` \(`golang:1\.22-alpine`\)/);
        assert.match(value, /C library: musl/);
        assert.match(value, /Platform: `\$BUILDPLATFORM`/);
        assert.match(
          value,
          /Used by: `test` \(FROM, line 4\), `runtime` \(COPY --from, line 8; COPY --from, line 9\)/,
        );
        assert.match(value, /Needed to build the target `runtime`/);
        assert.match(value, /\*Image facts: libc\.md/);
      }
      assert.match(text(await hover(document, 2)), /`0` names stage 0 by its position/);
    });
  }

  it('describes inheritance, inputs and reachability on FROM lines', async () => {
    const document = await openMarked(
      client,
      unmarked
        .replace('FROM build AS test', '|FROM build AS test')
        .replace('FROM alpine:3.20 AS runtime', 'FROM alp|ine:3.20 AS runtime'),
    );
    const test = text(await hover(document, 0));
    assert.match(test, /\*\*Stage `test`\*\*/);
    assert.match(test, /Built from `build`, on `golang:1\.22-alpine`/);
    assert.match(test, /Platform: `\$BUILDPLATFORM` \(from `build`\)/);
    assert.match(test, /Uses: `build` \(FROM\)/);
    assert.match(
      test,
      /Not needed to build the target `runtime`: BuildKit builds it only with `--target test`/,
    );

    const runtime = await hover(document, 1);
    assert.deepEqual(runtime?.range, { start: { line: 5, character: 5 }, end: { line: 5, character: 16 } });
    assert.match(text(runtime), /Uses: `build` \(COPY --from\)/);
    assert.match(text(runtime), /The final stage/);
    assert.match(text(runtime), /Used by no other stage/);
  });

  it('follows the target setting', async () => {
    client.settings = { target: 'test' };
    await client.configurationChanged();
    try {
      const document = await openMarked(
        client,
        unmarked.replace('FROM build AS test', 'FROM build AS te|st'),
      );
      assert.match(text(await hover(document, 0)), /The build target/);
    } finally {
      client.settings = {};
      await client.configurationChanged();
    }
  });

  it('describes an image read by COPY --from=<image>, with its C library', async () => {
    const document = await openMarked(
      client,
      ['FROM alpine:3.20', 'COPY --from=ngi|nx:1.27 /usr/sbin/nginx /usr/sbin/nginx', ''].join('\n'),
    );
    const answer = text(await hover(document, 0));
    assert.match(answer, /^\*\*`nginx:1\.27`\*\* · image/);
    assert.match(answer, /No stage has this name, so BuildKit pulls the image/);
    assert.match(answer, /C library: glibc/);
  });

  it('stays silent away from stages and on half-typed text', async () => {
    const document = await openMarked(
      client,
      ['FROM alpine AS a', 'RUN ec|ho', 'COPY --from=| /a /b', ''].join('\n'),
    );
    assert.equal(await hover(document, 0), null);
    assert.equal(await hover(document, 1), null);
  });
});
