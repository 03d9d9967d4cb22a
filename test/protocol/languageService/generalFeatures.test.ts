import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type {
  CompletionItem,
  DocumentLink,
  Hover,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  SEMANTIC_TOKENS_LEGEND,
  SEMANTIC_TOKENS_LINE_LIMIT,
} from '../../../server/src/features/languageService/semanticTokens';
import { at, openMarked } from '../features/featureClient';
import { startInProcessServer, useClient } from '../lspTestClient';

const FORMATTING_OPTIONS = { tabSize: 4, insertSpaces: true };

function labels(items: CompletionItem[] | null): string[] {
  return (items ?? []).map((item) => item.label);
}

function hoverText(hover: Hover | null): string {
  if (!hover) {
    return '';
  }
  const contents = hover.contents;
  const one = (part: unknown) => (typeof part === 'string' ? part : (part as { value: string }).value);
  return Array.isArray(contents) ? contents.map(one).join('\n') : one(contents);
}

function applyEdits(text: string, edits: TextEdit[] | null): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits ?? []);
}

describe('general Dockerfile features with the client turning them on', () => {
  const client = useClient(() => startInProcessServer({}, { generalFeatures: true, dockerDx: false }));

  it('completes instructions', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\nWOR|\n');
    const items = await client.connection.sendRequest<CompletionItem[]>(
      'textDocument/completion',
      at(document),
    );
    const workdir = items.find((item) => item.label === 'WORKDIR');
    assert.ok(workdir, `WORKDIR in ${labels(items).join(', ')}`);
    // Documentation is filled in at once: the server declares no completion resolve.
    assert.ok(workdir.documentation, 'WORKDIR comes with its documentation');
  });

  it('completes flags', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --ch|\n');
    const items = await client.connection.sendRequest<CompletionItem[]>(
      'textDocument/completion',
      at(document),
    );
    assert.ok(
      labels(items).some((label) => label.startsWith('--chown')),
      labels(items).join(', '),
    );
  });

  it('leaves stage names after COPY --from= to the stage-aware completion', async () => {
    const document = await openMarked(
      client,
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20 AS runtime\nCOPY --from=| /out/app /app\n',
    );
    const items = await client.connection.sendRequest<CompletionItem[]>(
      'textDocument/completion',
      at(document),
    );
    // The service would also offer the current stage `runtime`; ours offers earlier stages only, once.
    assert.deepEqual(labels(items), ['build']);
  });

  it('completes in a FROM image tag without asking any registry', async () => {
    const https = createRequire(__filename)('node:https') as Record<string, unknown>;
    const original = { get: https.get, request: https.request };
    const calls: string[] = [];
    https.get = (...args: unknown[]) => {
      calls.push(`get ${JSON.stringify(args[0])}`);
      throw new Error('no network in the language server');
    };
    https.request = (...args: unknown[]) => {
      calls.push(`request ${JSON.stringify(args[0])}`);
      throw new Error('no network in the language server');
    };
    try {
      const document = await openMarked(client, 'FROM alpine:3.|\n');
      const items = await client.connection.sendRequest<CompletionItem[]>(
        'textDocument/completion',
        at(document),
      );
      assert.ok(Array.isArray(items));
      assert.deepEqual(calls, []);
    } finally {
      Object.assign(https, original);
    }
  });

  it('documents instruction keywords on hover', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\nWORK|DIR /app\n');
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', at(document));
    assert.match(hoverText(hover), /working directory/);
  });

  it('keeps the stage hover for stage references', async () => {
    const document = await openMarked(
      client,
      'FROM golang:1.22-alpine AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=bu|ild /a /b\n',
    );
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', at(document));
    assert.match(hoverText(hover), /build/);
    assert.match(hoverText(hover), /golang:1\.22-alpine/);
  });

  it('gives signature help for an instruction', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\nCOPY |\n');
    const help = await client.connection.sendRequest<SignatureHelp | null>(
      'textDocument/signatureHelp',
      at(document),
    );
    assert.ok(help && help.signatures.length > 0);
    assert.match(help.signatures[0]?.label ?? '', /^COPY /);
  });

  it('formats the document', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\n    RUN true\n  CMD ["sh"]\n');
    const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: document.uri },
      options: FORMATTING_OPTIONS,
    });
    assert.equal(applyEdits(document.text, edits), 'FROM alpine:3.20\nRUN true\nCMD ["sh"]\n');
  });

  it('formats a range and leaves the rest alone', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\n    RUN true\n  CMD ["sh"]\n');
    const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri: document.uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } },
      options: FORMATTING_OPTIONS,
    });
    assert.equal(applyEdits(document.text, edits), 'FROM alpine:3.20\nRUN true\n  CMD ["sh"]\n');
  });

  it('indents the next line when an escape character is typed', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\nRUN apk update && \\|\napk add gcc\n');
    const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/onTypeFormatting', {
      ...at(document),
      ch: '\\',
      options: FORMATTING_OPTIONS,
    });
    assert.equal(
      applyEdits(document.text, edits),
      'FROM alpine:3.20\nRUN apk update && \\\n    apk add gcc\n',
    );
  });

  it('answers semantic tokens in the declared legend', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20\n# a comment\n');
    const tokens = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri: document.uri },
    });
    // `FROM`: line 0, column 0, length 4, type 0 (keyword), no modifiers.
    assert.deepEqual(tokens.data.slice(0, 5), [0, 0, 4, 0, 0]);
    // The comment on the next line: type 1 (comment).
    assert.ok(tokens.data.length % 5 === 0);
    const lastType = tokens.data[tokens.data.length - 2];
    assert.equal(lastType, 1);
  });

  it('gives a stage name one token type where it is defined and where it is used', async () => {
    const document = await openMarked(
      client,
      'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /a /b\nFROM build\n',
    );
    const tokens = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri: document.uri },
    });
    const decoded = new Map<string, [number, number]>();
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5) as [
        number,
        number,
        number,
        number,
        number,
      ];
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      decoded.set(`${line}:${character}:${length}`, [type, modifiers]);
    }
    const namespace = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('namespace');
    // Defined after AS (with the declaration modifier), used after --from= and after FROM.
    assert.deepEqual(decoded.get('0:20:5'), [namespace, 1]);
    assert.deepEqual(decoded.get('2:12:5'), [namespace, 0]);
    assert.deepEqual(decoded.get('3:5:5'), [namespace, 0]);
  });

  it('answers no semantic tokens for a file longer than the limit', async () => {
    const text = 'FROM alpine:3.20\n' + 'RUN true\n'.repeat(SEMANTIC_TOKENS_LINE_LIMIT);
    const document = await openMarked(client, text);
    const tokens = await client.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', {
      textDocument: { uri: document.uri },
    });
    assert.deepEqual(tokens.data, []);
  });

  it('links base images to their registry pages', async () => {
    const document = await openMarked(client, 'FROM alpine:3.20 AS build\nFROM ghcr.io/owner/tool:1\n');
    const links = await client.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', {
      textDocument: { uri: document.uri },
    });
    assert.deepEqual(
      links.map((link) => link.target),
      ['https://hub.docker.com/_/alpine/', 'https://github.com/owner/tool/pkgs/container/tool'],
    );
  });
});
