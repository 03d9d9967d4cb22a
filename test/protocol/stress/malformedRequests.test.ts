/**
 * Requests the server does not know get MethodNotFound, and requests with malformed params get an answer
 * (an error response or an empty result) instead of taking the server down.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { startStdioServer, type TestClient } from '../lspTestClient';

/** Every request a client may send about a document, whether or not this server offers it. */
const DOCUMENT_REQUESTS = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/documentSymbol',
  'textDocument/codeAction',
  'textDocument/codeLens',
  'textDocument/formatting',
  'textDocument/rangeFormatting',
  'textDocument/rename',
  'textDocument/prepareRename',
  'textDocument/foldingRange',
  'textDocument/inlayHint',
  'textDocument/signatureHelp',
  'textDocument/documentLink',
  'textDocument/semanticTokens/full',
  'textDocument/selectionRange',
];

const MALFORMED_PARAMS: unknown[] = [
  null,
  {},
  [],
  42,
  'text',
  { textDocument: null },
  { textDocument: { uri: 42 }, position: 'here' },
  { textDocument: { uri: 'file:///stress/malformed/Dockerfile' }, position: { line: -1, character: 1e9 } },
  {
    textDocument: { uri: 'file:///stress/malformed/Dockerfile' },
    range: { start: null, end: {} },
    context: 3,
  },
  { textDocument: { uri: 'file:///not/open/Dockerfile' }, position: { line: 0, character: 0 } },
];

describe('unknown and malformed requests', () => {
  let client: TestClient & { process: ChildProcess };
  let exited = false;

  before(async () => {
    client = await startStdioServer({ generalFeatures: true });
    client.process.once('exit', () => {
      exited = true;
    });
    await client.open('file:///stress/malformed/Dockerfile', 'FROM alpine AS Base\nRUN echo hi\nFROM base\n');
  });
  after(async () => {
    await client.dispose();
  });

  it('answers unknown methods with MethodNotFound', async () => {
    await assert.rejects(
      client.connection.sendRequest('dockerfileStages/noSuchRequest', { anything: true }),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound,
    );
    await assert.rejects(
      client.connection.sendRequest('$/noSuchRequestEither'),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound,
    );
  });

  it('answers every document request with malformed params, and keeps serving', async () => {
    let answered = 0;
    for (const method of DOCUMENT_REQUESTS) {
      for (const params of MALFORMED_PARAMS) {
        try {
          await client.connection.sendRequest(method, params);
        } catch (error) {
          assert.ok(
            error instanceof ResponseError,
            `${method} ${JSON.stringify(params)} failed with ${String(error)}`,
          );
        }
        answered++;
      }
    }
    assert.equal(answered, DOCUMENT_REQUESTS.length * MALFORMED_PARAMS.length);
    // Malformed notifications are dropped without an answer; the server must survive them too.
    for (const params of MALFORMED_PARAMS) {
      await client.connection.sendNotification('textDocument/didOpen', params);
      await client.connection.sendNotification('textDocument/didChange', params);
      await client.connection.sendNotification('textDocument/didClose', params);
      await client.connection.sendNotification('workspace/didChangeConfiguration', params);
    }
    const uri = 'file:///stress/malformed/after/Dockerfile';
    const published = client.waitForDiagnostics(uri, undefined, 30_000);
    await client.open(uri, 'FROM alpine AS Base\n');
    assert.equal((await published).diagnostics[0]?.code, 'StageNameCasing');
    assert.equal(exited, false);
  });

  it('ignores malformed document notifications that are not followed by a close, and says so', async () => {
    // Above, each malformed didOpen is closed at once, so the settings it waits for usually arrive too late
    // to matter; here they arrive while the document would still be open.
    const uri = 'file:///stress/malformed/kept/Dockerfile';
    await client.openForDiagnostics(uri, 'FROM alpine AS Kept\n');
    const logged = client.logs.length;
    for (const textDocument of [
      { uri },
      { uri, version: 2 },
      { uri, version: 2, text: 42 },
      { uri: 42, version: 1, text: 'FROM alpine' },
    ]) {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument });
    }
    for (const contentChanges of [undefined, [{ text: 7 }], [{ range: { start: 0, end: 1 }, text: 'x' }]]) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges,
      });
    }
    // The document keeps its last well-formed text: the settings change analyses it again, unchanged.
    const published = client.waitForDiagnostics(uri, (params) => params.version === 1, 30_000);
    await client.configurationChanged();
    const republished = await published;
    assert.deepEqual(
      republished.diagnostics.map((diagnostic) => diagnostic.code),
      ['StageNameCasing'],
    );
    const warnings = client.logs.slice(logged).filter((line) => line.includes('Ignored a malformed'));
    assert.equal(warnings.length, 7, warnings.join('\n'));
    assert.equal(exited, false);
  });
});
