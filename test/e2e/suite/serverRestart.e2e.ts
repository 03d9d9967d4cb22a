import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { codeActionsAt, describeActions } from './codeActions';
import { describeDiagnostics, ourDiagnostics, ruleOf, waitForDiagnostic } from './diagnostics';
import { openInEditor, revertDocument } from './documents';
import { pollFor, pollUntil } from './poll';
import { findServerProcess } from './serverProcess';
import { workspaceFile } from './workspace';

suite('Server restart', () => {
  test('when the server process dies, the client starts a new one and diagnostics come back', async () => {
    const uri = workspaceFile('Dockerfile.casing');
    const { document } = await openInEditor(uri);
    await waitForDiagnostic(uri, 'StageNameCasing');
    const firstPid = await pollFor('the language server process', findServerProcess);

    process.kill(firstPid, 'SIGKILL');

    const secondPid = await pollFor(
      'a new language server process',
      async () => {
        const pid = await findServerProcess();
        return pid !== undefined && pid !== firstPid ? pid : undefined;
      },
      { timeoutMs: 60_000 },
    );
    assert.notEqual(secondPid, firstPid);
    // Diagnostics published before the crash may linger, so an edit proves that the new server analyses.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), '\nFROM alpine:3.20 AS Extra\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const fresh = await waitForDiagnostic(uri, 'StageNameCasing', {
        where: (d) => document.getText(d.range) === 'Extra',
        timeoutMs: 60_000,
      });
      assert.equal(fresh.severity, vscode.DiagnosticSeverity.Warning);
      // Every feature comes back with the server, the light bulb's quick fixes included.
      let offered: vscode.CodeAction[] = [];
      await pollUntil(
        'a quick fix from the new server',
        async () => {
          offered = await codeActionsAt(uri, fresh.range, vscode.CodeActionKind.QuickFix);
          return offered.some((action) => action.title.includes("'extra'"));
        },
        { explain: () => describeActions(offered) },
      );
    } finally {
      await revertDocument(document);
    }
    assert.ok(!document.getText().includes('Extra'), 'Reverting should remove the inserted stage.');
    await pollUntil(
      'the diagnostics of the saved file again',
      () => {
        const names = ourDiagnostics(uri)
          .filter((d) => ruleOf(d) === 'StageNameCasing')
          .map((d) => document.getText(d.range));
        return names.length === 1 && names[0] === 'Build';
      },
      {
        explain: () =>
          `${describeDiagnostics(uri)}\nThe document (version ${document.version}, ${document.isDirty ? 'dirty' : 'saved'}) reads:\n${document.getText()}`,
      },
    );
  });
});
