import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { applyCodeAction, applyQuickFix, codeActionsAt, describeActions } from './codeActions';
import { describeDiagnostics, ourDiagnostics, ruleOf, waitForDiagnostic } from './diagnostics';
import { openScratchDockerfile, textOf } from './documents';
import { pollFor, pollUntil } from './poll';
import { readFixture } from './workspace';

const goOnAlpine = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY . .',
  'RUN go build -o /out/server ./cmd/server',
  '',
  'FROM alpine:3.20',
  'COPY --from=build /out/server /usr/local/bin/server',
  'ENTRYPOINT ["/usr/local/bin/server"]',
  '',
].join('\n');

/** Waits until the rule no longer reports on the document, after a fix was applied. */
async function expectGone(document: vscode.TextDocument, rule: string): Promise<void> {
  await pollUntil(`${rule} to go away`, () => !ourDiagnostics(document.uri).some((d) => ruleOf(d) === rule), {
    explain: () => describeDiagnostics(document.uri),
  });
}

const notIgnore = (action: vscode.CodeAction) => !/ignore/i.test(action.title);

suite('Quick fixes', () => {
  test('StageNameCasing: lowercases the stage and every reference to it', async () => {
    const before = [
      'FROM golang:1.22-alpine AS Builder',
      'RUN go build -o /out/app .',
      'FROM alpine:3.20',
      'COPY --from=Builder /out/app /app',
      '',
    ].join('\n');
    const { document } = await openScratchDockerfile(before);
    await applyQuickFix(document, 'StageNameCasing', notIgnore);
    assert.equal(textOf(document), before.replaceAll('Builder', 'builder'));
    await expectGone(document, 'StageNameCasing');
  });

  test('FromAsCasing: matches AS to the casing of FROM', async () => {
    const before =
      'FROM golang:1.22-alpine as build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
    const { document } = await openScratchDockerfile(before);
    await applyQuickFix(document, 'FromAsCasing', notIgnore);
    assert.equal(textOf(document), before.replace(' as build', ' AS build'));
    await expectGone(document, 'FromAsCasing');
  });

  test('UnknownStageReference: changes the reference to the stage it was close to', async () => {
    const before = [
      'FROM node:20-bookworm AS builder',
      'RUN npm ci && npm run build',
      'FROM nginx:1.27-alpine',
      'COPY --from=biulder /app/dist /usr/share/nginx/html',
      '',
    ].join('\n');
    const { document } = await openScratchDockerfile(before);
    const title = await applyQuickFix(
      document,
      'UnknownStageReference',
      (action) => notIgnore(action) && action.title.includes('builder'),
    );
    assert.match(title, /builder/);
    assert.equal(textOf(document), before.replace('--from=biulder', '--from=builder'));
    await expectGone(document, 'UnknownStageReference');
  });

  test('LibcMismatch: switching the runtime to the builder’s family writes the image its title names', async () => {
    const { document } = await openScratchDockerfile(goOnAlpine);
    const title = await applyQuickFix(document, 'LibcMismatch', (action) =>
      action.title.includes('debian:bookworm-slim'),
    );
    assert.match(title, /debian:bookworm-slim/);
    assert.equal(textOf(document), goOnAlpine.replace('FROM alpine:3.20', 'FROM debian:bookworm-slim'));
    await expectGone(document, 'LibcMismatch');
  });

  test('LibcMismatch: switching the builder to the runtime’s family writes the image its title names', async () => {
    const { document } = await openScratchDockerfile(goOnAlpine);
    const title = await applyQuickFix(document, 'LibcMismatch', (action) =>
      action.title.includes('golang:1.22-alpine'),
    );
    assert.match(title, /golang:1\.22-alpine/);
    assert.equal(
      textOf(document),
      goOnAlpine.replace('FROM golang:1.22 AS build', 'FROM golang:1.22-alpine AS build'),
    );
    await expectGone(document, 'LibcMismatch');
  });

  test('LibcMismatch: building a static Go binary adds CGO_ENABLED=0 to the build stage', async () => {
    const { document } = await openScratchDockerfile(goOnAlpine);
    const title = await applyQuickFix(document, 'LibcMismatch', (action) =>
      action.title.startsWith('Build a static binary'),
    );
    assert.match(title, /CGO_ENABLED=0/);
    assert.equal(
      textOf(document),
      goOnAlpine.replace('FROM golang:1.22 AS build\n', 'FROM golang:1.22 AS build\nENV CGO_ENABLED=0\n'),
    );
    await expectGone(document, 'LibcMismatch');
  });

  test('Ignore for this instruction: adds a BuildKit check=skip comment above it', async () => {
    const { document } = await openScratchDockerfile(goOnAlpine);
    await applyQuickFix(
      document,
      'LibcMismatch',
      (action) => /ignore/i.test(action.title) && /instruction/i.test(action.title),
    );
    assert.equal(
      textOf(document),
      goOnAlpine.replace('COPY --from=build', '# check=skip=LibcMismatch\nCOPY --from=build'),
    );
    await expectGone(document, 'LibcMismatch');
  });
});

suite('Refactoring', () => {
  test("Split into build and runtime stages turns the seed article's Dockerfile into its two-stage form", async () => {
    const before = readFixture('refactor/split/seed-article/before.Dockerfile');
    const after = readFixture('refactor/split/seed-article/after.Dockerfile');
    const { document } = await openScratchDockerfile(before);
    await waitForDiagnostic(document.uri, 'ToolchainInFinalStage');
    const fromLine = document.lineAt(0).range;
    let offered: vscode.CodeAction[] = [];
    const split = await pollFor(
      'the split refactoring on the FROM line',
      async () => {
        offered = await codeActionsAt(document.uri, fromLine, vscode.CodeActionKind.RefactorRewrite);
        return offered.find((action) => action.title.startsWith('Split into build and runtime stages'));
      },
      { explain: () => describeActions(offered) },
    );
    await applyCodeAction(split);
    assert.equal(textOf(document), after);
    await expectGone(document, 'ToolchainInFinalStage');
    const left = ourDiagnostics(document.uri).filter((d) =>
      ['LibcMismatch', 'GlibcVersionSkew', 'UnknownStageReference'].includes(ruleOf(d) ?? ''),
    );
    assert.deepEqual(left.map(ruleOf), []);
  });
});
