import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type {
  CodeAction,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/analysis/fixes';
import { editsOf, SERVER_BUNDLE, startStdioServer, useClient } from './lspTestClient';

const CASING =
  'FROM golang:1.22-alpine AS Build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=Build /out/app /app\n';
const MESSY =
  'FROM golang:1.22-alpine as Build\nRUN go build -o /out/app .\nFROM golang:1.22-alpine\nRUN go build -o /out/tool ./tool\nFROM alpine:3.20\nCOPY --from=Build /out/app /app\nCOPY --from=1 /out/tool /tool\n';

let counter = 0;

describe('code actions over stdio', () => {
  const client = useClient(() => startStdioServer());

  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    counter++;
    const uri = `file:///work/actions/${counter}/Dockerfile`;
    return { uri, diagnostics: (await client.openForDiagnostics(uri, text)).diagnostics };
  }

  function request(uri: string, diagnostics: Diagnostic[], only?: string[], range = diagnostics[0]?.range) {
    return client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  it('declares code actions with their kinds', () => {
    assert.deepEqual(client.initializeResult.capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'refactor.rewrite', 'source', 'source.fixAll.dockerfile-stages'],
      resolveProvider: false,
    });
  });

  for (const crlf of [false, true]) {
    it(`answers a diagnostic with its preferred fix and the two ignore fixes${crlf ? ' (CRLF)' : ''}`, async () => {
      const text = crlf ? CASING.replace(/\n/g, '\r\n') : CASING;
      const { uri, diagnostics } = await open(text);
      assert.deepEqual(
        diagnostics.map((diagnostic) => diagnostic.code),
        ['StageNameCasing'],
      );
      const actions = await request(uri, diagnostics);
      assert.deepEqual(
        actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
        [
          ["Rename stage to 'build'", 'quickfix', true],
          ['Ignore StageNameCasing for this instruction', 'quickfix', false],
          ['Ignore StageNameCasing in this file', 'quickfix', false],
        ],
      );
      assert.deepEqual(actions[0]?.diagnostics, diagnostics);
      const expected = CASING.replace('AS Build', 'AS build').replace('--from=Build', '--from=build');
      assert.equal(
        applyEdits(text, editsOf(actions[0], uri)),
        crlf ? expected.replace(/\n/g, '\r\n') : expected,
      );
      const ignored = applyEdits(text, editsOf(actions[1], uri));
      // The FROM is the first line, where a `# check=` line would be a directive for the whole file.
      assert.equal(ignored, `# dockerfile-stages ignore=StageNameCasing${crlf ? '\r\n' : '\n'}${text}`);
    });
  }

  it('offers no fix for a diagnostic that no longer matches a finding', async () => {
    const { uri, diagnostics } = await open(CASING);
    const stale = diagnostics.map((diagnostic) => ({
      ...diagnostic,
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
    }));
    assert.deepEqual(await request(uri, stale), []);
  });

  it('answers source.fixAll with the safe fixes, and nothing once they are applied', async () => {
    const { uri } = await open(MESSY);
    const actions = await request(uri, [], ['source.fixAll']);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind]),
      [['Fix all dockerfile-stages problems', 'source.fixAll.dockerfile-stages']],
    );
    const fixed = applyEdits(MESSY, editsOf(actions[0], uri));
    assert.equal(
      fixed,
      'FROM golang:1.22-alpine AS build\nRUN go build -o /out/app .\nFROM golang:1.22-alpine AS build-2\nRUN go build -o /out/tool ./tool\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCOPY --from=build-2 /out/tool /tool\n',
    );
    const again = await open(fixed);
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(await request(again.uri, [], ['source.fixAll']), []);
  });

  it('offers "Name all stages" when source actions are asked for, and never unasked', async () => {
    const { uri, diagnostics } = await open(MESSY);
    const source = await request(uri, [], ['source']);
    assert.deepEqual(
      source.map((action) => action.title),
      ['Name all stages', 'Fix all dockerfile-stages problems'],
    );
    const unasked = await request(uri, diagnostics);
    assert.equal(
      unasked.some((action) => action.kind?.startsWith('source')),
      false,
    );
    assert.ok(unasked.length > 0);
  });

  it('merges the same fix reached from two diagnostics into one action', async () => {
    const text =
      'FROM golang:1.22-alpine AS builder\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=builder /out/app /app\nRUN --mount=type=bind,from=biulder,target=/a --mount=type=bind,from=biulder,target=/b true\n';
    const { uri, diagnostics } = await open(text);
    assert.equal(diagnostics.length, 2);
    const actions = await request(uri, diagnostics);
    assert.deepEqual(
      actions.map((action) => [action.title, action.diagnostics?.length]),
      [
        ["Change to 'builder'", 1],
        ['Ignore UnknownStageReference for this instruction', 2],
        ['Ignore UnknownStageReference in this file', 2],
        ["Change to 'builder'", 1],
      ],
    );
  });

  it('filters by the requested kind', async () => {
    const { uri, diagnostics } = await open(CASING);
    assert.deepEqual(await request(uri, diagnostics, ['refactor']), []);
    assert.equal((await request(uri, diagnostics, ['quickfix'])).length, 3);
  });
});

describe('code actions for a client with versioned workspace edits', () => {
  it('returns documentChanges for the analysed document version', async () => {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
        resolve(params),
      );
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => ({})),
    );
    connection.listen();
    try {
      await connection.sendRequest<InitializeResult>('initialize', {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
      });
      await connection.sendNotification('initialized', {});
      const uri = 'file:///work/versioned/Dockerfile';
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 7, text: CASING },
      });
      const { diagnostics } = await published;
      const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]?.range,
        context: { diagnostics },
      });
      const change = actions[0]?.edit?.documentChanges?.[0];
      assert.ok(change && 'textDocument' in change);
      assert.deepEqual(change.textDocument, { uri, version: 7 });
      assert.equal(actions[0]?.edit?.changes, undefined);
    } finally {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    }
  });
});
