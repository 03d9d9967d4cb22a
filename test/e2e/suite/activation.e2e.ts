import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { pollFor } from './poll';
import { workspaceFile } from './workspace';

const extensionId = 'dockerfile-stages.dockerfile-stages';

suite('Activation', () => {
  test('opening a Dockerfile activates the extension and publishes its diagnostics', async () => {
    const uri = workspaceFile('Dockerfile');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'dockerfile');

    // A cold extension host on a small machine can take tens of seconds to activate the first extension.
    await pollFor(
      `${extensionId} to be active`,
      () => (vscode.extensions.getExtension(extensionId)?.isActive ? true : undefined),
      { timeoutMs: 60_000 },
    );
    const diagnostic = await pollFor(
      'a diagnostic from dockerfile-stages on the Dockerfile',
      () =>
        vscode.languages.getDiagnostics(uri).find((candidate) => candidate.source === 'dockerfile-stages'),
      { timeoutMs: 60_000, explain: () => describeDiagnostics(uri) },
    );
    assert.ok(diagnostic.message.length > 0);
  });
});

function describeDiagnostics(uri: vscode.Uri): string {
  const diagnostics = vscode.languages.getDiagnostics(uri);
  if (diagnostics.length === 0) {
    return `${uri.path} has no diagnostics at all.`;
  }
  const lines = diagnostics.map(
    (d) =>
      `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source ?? 'no source'}] ${d.message}`,
  );
  return `${uri.path} has these diagnostics instead:\n${lines.join('\n')}`;
}
