/**
 * The split refactoring and the C library quick fixes through the real server over stdio: the
 * ToolchainInFinalStage diagnostic offers "Split into build and runtime stages" as refactor.rewrite, the
 * FROM line offers it without the diagnostic, and applying the WorkspaceEdit gives the golden file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/analysis/fixes';
import { editsOf, startStdioServer, useClient } from './lspTestClient';

const CASES = join(__dirname, '..', 'fixtures', 'refactor', 'split');
const SEED = readFileSync(join(CASES, 'seed-article', 'before.Dockerfile'), 'utf8');
const SEED_AFTER = readFileSync(join(CASES, 'seed-article', 'after.Dockerfile'), 'utf8');

let counter = 0;

describe('split into build and runtime stages over stdio', () => {
  const client = useClient(() => startStdioServer());

  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    counter++;
    const uri = `file:///work/split/${counter}/Dockerfile`;
    return { uri, diagnostics: (await client.openForDiagnostics(uri, text)).diagnostics };
  }

  function actions(uri: string, diagnostics: Diagnostic[], range: Diagnostic['range'], only?: string[]) {
    return client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  it('turns the seed Dockerfile into builder + alpine runtime from the diagnostic', async () => {
    const { uri, diagnostics } = await open(SEED);
    const diagnostic = diagnostics.find((candidate) => candidate.code === 'ToolchainInFinalStage');
    assert.ok(diagnostic, 'ToolchainInFinalStage is published');
    assert.equal(diagnostic.range.start.line, 0);
    const offered = await actions(uri, [diagnostic], diagnostic.range);
    const split = offered.find((action) => action.title.startsWith('Split into build and runtime stages'));
    assert.ok(split, offered.map((action) => action.title).join(' | '));
    assert.equal(split.kind, 'refactor.rewrite');
    assert.deepEqual(split.diagnostics, [diagnostic]);
    const after = applyEdits(SEED, editsOf(split, uri));
    assert.equal(after, SEED_AFTER);
    assert.match(after, /^FROM golang:1\.8-alpine AS builder$/m);
    assert.match(after, /^FROM alpine:3\.\d+$/m);
    assert.match(after, /^COPY --from=builder /m);
  });

  it('offers the split on the FROM line when refactorings are asked for', async () => {
    const { uri } = await open(SEED);
    const cursor = { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } };
    const offered = await actions(uri, [], cursor, ['refactor']);
    const split = offered.find((action) => action.title.startsWith('Split into build and runtime stages'));
    assert.ok(split);
    assert.equal(applyEdits(SEED, editsOf(split, uri)), SEED_AFTER);
  });

  it('offers the static Go build for a LibcMismatch and the diagnostic goes away', async () => {
    const text =
      'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
    const { uri, diagnostics } = await open(text);
    const diagnostic = diagnostics.find((candidate) => candidate.code === 'LibcMismatch');
    assert.ok(diagnostic);
    const offered = await actions(uri, [diagnostic], diagnostic.range, ['quickfix']);
    const fix = offered.find((action) => action.isPreferred);
    assert.equal(fix?.title, "Build a static binary (ENV CGO_ENABLED=0 in stage 'build')");
    assert.ok(fix);
    const fixed = applyEdits(text, editsOf(fix, uri));
    const { diagnostics: after } = await open(fixed);
    assert.deepEqual(
      after.filter((candidate) => candidate.code === 'LibcMismatch'),
      [],
    );
  });
});
