import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { ourDiagnostics, ruleOf, waitForDiagnostic, describeDiagnostics } from './diagnostics';
import { openInEditor, revertDocument } from './documents';
import { pollFor, pollUntil } from './poll';
import { workspaceFile } from './workspace';

const extensionId = 'dockerfile-stages.dockerfile-stages';

suite('Activation', () => {
  test('opening a Dockerfile activates the extension and publishes its diagnostics', async () => {
    const uri = workspaceFile('Dockerfile');
    const { document } = await openInEditor(uri);
    assert.equal(document.languageId, 'dockerfile');

    // A cold extension host on a small machine can take tens of seconds to activate the first extension.
    await pollFor(
      `${extensionId} to be active`,
      () => (vscode.extensions.getExtension(extensionId)?.isActive ? true : undefined),
      { timeoutMs: 60_000 },
    );
    await waitForDiagnostic(uri, 'LibcMismatch', { timeoutMs: 60_000 });
  });

  test('a Containerfile is a Dockerfile, and the server analyses it', async () => {
    const uri = workspaceFile('Containerfile');
    const { document } = await openInEditor(uri);
    assert.equal(document.languageId, 'dockerfile');
    // The fixture is clean, so the test edits it into a state the server has to report.
    const edit = new vscode.WorkspaceEdit();
    const line = document.lineAt(1);
    assert.equal(line.text, 'FROM python:3.12-slim AS wheels');
    edit.replace(uri, line.range, 'FROM python:3.12-slim AS Wheels');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const diagnostic = await waitForDiagnostic(uri, 'StageNameCasing');
      assert.equal(document.getText(diagnostic.range), 'Wheels');
    } finally {
      await revertDocument(document);
    }
    await pollUntil('the Containerfile to be clean again', () => ourDiagnostics(uri).length === 0, {
      explain: () => describeDiagnostics(uri),
    });
    assert.deepEqual(ourDiagnostics(uri).map(ruleOf), []);
  });
});
