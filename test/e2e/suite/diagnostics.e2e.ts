import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, formatRange, ourDiagnostics, rangeOf, ruleOf } from './diagnostics';
import { openInEditor, openScratchDockerfile } from './documents';
import { pollFor } from './poll';
import { workspaceFile } from './workspace';

const { Warning, Hint } = vscode.DiagnosticSeverity;

interface Expected {
  rule: string;
  severity: vscode.DiagnosticSeverity;
  range: vscode.Range;
  /** Words the message must contain. */
  mentions: string[];
}

/** What a diagnostic looks like in an assertion: everything the user sees of it, minus the wording. */
function summarise(document: vscode.TextDocument, diagnostic: vscode.Diagnostic) {
  return {
    rule: ruleOf(diagnostic),
    severity: vscode.DiagnosticSeverity[diagnostic.severity],
    range: formatRange(diagnostic.range),
    text: document.getText(diagnostic.range),
  };
}

/** Opens a fixture, waits until its diagnostics match `expected` in rule, severity, range and wording. */
async function expectDiagnostics(fileName: string, expected: (document: vscode.TextDocument) => Expected[]) {
  const uri = workspaceFile(fileName);
  const { document } = await openInEditor(uri);
  const wanted = expected(document);
  const wantedSummary = wanted.map((e) => ({
    rule: e.rule,
    severity: vscode.DiagnosticSeverity[e.severity],
    range: formatRange(e.range),
    text: document.getText(e.range),
  }));
  // The first publication may still be on its way, so the test waits for the expected set, then checks it.
  const diagnostics = await pollFor(
    `the diagnostics of ${fileName}`,
    () => {
      const current = ourDiagnostics(uri);
      const summary = current.map((d) => summarise(document, d));
      return JSON.stringify(summary) === JSON.stringify(wantedSummary) ? current : undefined;
    },
    { explain: () => describeDiagnostics(uri) },
  );
  assert.deepEqual(
    diagnostics.map((d) => summarise(document, d)),
    wantedSummary,
  );
  diagnostics.forEach((diagnostic, index) => {
    for (const word of wanted[index]?.mentions ?? []) {
      assert.ok(
        diagnostic.message.includes(word),
        `The ${ruleOf(diagnostic)} message should mention "${word}": ${diagnostic.message}`,
      );
    }
    const { code } = diagnostic;
    assert.ok(
      typeof code === 'object' &&
        code.target.toString().includes(`rules.md#${ruleOf(diagnostic)?.toLowerCase()}`),
      `The ${ruleOf(diagnostic)} diagnostic should link to its documentation: ${JSON.stringify(code)}`,
    );
  });
}

suite('Diagnostics', () => {
  test('a Go binary built with glibc and shipped on Alpine is a LibcMismatch', async () => {
    await expectDiagnostics('Dockerfile', (document) => [
      {
        rule: 'LibcMismatch',
        severity: Warning,
        range: rangeOf(document, 'COPY --from=build', 'build'),
        mentions: ['glibc', 'musl', 'golang:1.22', 'alpine:3.20'],
      },
    ]);
  });

  test('a stage name with capitals is a StageNameCasing warning on the name', async () => {
    await expectDiagnostics('Dockerfile.casing', (document) => [
      {
        rule: 'StageNameCasing',
        severity: Warning,
        range: rangeOf(document, 'AS Build', 'Build'),
        mentions: ['build'],
      },
    ]);
  });

  test('a typo in COPY --from is an UnknownStageReference, and the stage it meant is unused', async () => {
    await expectDiagnostics('Dockerfile.typo', (document) => [
      {
        rule: 'UnusedStage',
        severity: Hint,
        range: rangeOf(document, 'AS builder', 'builder'),
        mentions: ['builder'],
      },
      {
        rule: 'UnknownStageReference',
        severity: Warning,
        range: rangeOf(document, 'COPY --from=biulder', 'biulder'),
        mentions: ['biulder', 'builder'],
      },
    ]);
  });

  test('the general features add dockerfile-utils validation, run in a worker of the server', async () => {
    // No other Docker extension is installed here, so the general features are on (languageFeatures: auto).
    const editor = await openScratchDockerfile('FROM alpine:3.20 AS Build\nWORKDIR relative\n');
    const uri = editor.document.uri;
    const theirs = await pollFor(
      'dockerfile-utils diagnostics next to ours',
      () => {
        const all = vscode.languages.getDiagnostics(uri);
        const found = all.filter((diagnostic) => diagnostic.source === 'dockerfile-utils');
        return found.length > 0 && ourDiagnostics(uri).length > 0 ? found : undefined;
      },
      { explain: () => describeDiagnostics(uri) },
    );
    assert.deepEqual(theirs.map(ruleOf), ['WORKDIR_IS_NOT_ABSOLUTE']);
    assert.equal(editor.document.getText(theirs[0]?.range), 'relative');
    assert.deepEqual(ourDiagnostics(uri).map(ruleOf), ['StageNameCasing']);
    // The server falls back to its own thread without the worker bundle, so check the package carries it.
    const extension = vscode.extensions.getExtension('dockerfile-stages.dockerfile-stages');
    assert.ok(extension);
    const worker = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'validationWorker.js');
    assert.equal((await vscode.workspace.fs.stat(worker)).type, vscode.FileType.File);
  });
});
