import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, ourDiagnostics, ruleOf, waitForDiagnostic } from './diagnostics';
import { openInEditor } from './documents';
import { pollUntil } from './poll';
import { workspaceFile } from './workspace';

suite('Settings', () => {
  test('turning a rule off removes its diagnostics, and turning it back on restores them', async () => {
    const uri = workspaceFile('Dockerfile.casing');
    await openInEditor(uri);
    await waitForDiagnostic(uri, 'StageNameCasing');

    const configuration = vscode.workspace.getConfiguration('dockerfileStages', uri);
    await configuration.update('rules.StageNameCasing', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      await pollUntil(
        'the StageNameCasing diagnostic to go away',
        () => !ourDiagnostics(uri).some((d) => ruleOf(d) === 'StageNameCasing'),
        { explain: () => describeDiagnostics(uri) },
      );
    } finally {
      await configuration.update('rules.StageNameCasing', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const restored = await waitForDiagnostic(uri, 'StageNameCasing');
    assert.equal(restored.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('a severity setting changes the severity the editor shows', async () => {
    const uri = workspaceFile('Dockerfile.casing');
    await openInEditor(uri);
    const configuration = vscode.workspace.getConfiguration('dockerfileStages', uri);
    await configuration.update('rules.StageNameCasing', 'error', vscode.ConfigurationTarget.Workspace);
    try {
      const diagnostic = await waitForDiagnostic(uri, 'StageNameCasing', {
        where: (d) => d.severity === vscode.DiagnosticSeverity.Error,
      });
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await configuration.update('rules.StageNameCasing', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostic(uri, 'StageNameCasing', {
      where: (d) => d.severity === vscode.DiagnosticSeverity.Warning,
    });
  });
});
