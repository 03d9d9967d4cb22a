import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, ourDiagnostics, ruleOf, waitForDiagnostic } from './diagnostics';
import { openScratchDockerfile, replaceText, textOf } from './documents';
import { pollUntil } from './poll';

const fixAllKind = 'source.fixAll.dockerfile-stages';

suite('Fix all on save', () => {
  test('saving with source.fixAll on applies the safe fixes and writes them to disk', async () => {
    const fixed = [
      'FROM golang:1.22-alpine AS builder',
      'RUN go build -o /out/app .',
      'FROM alpine:3.20',
      'COPY --from=builder /out/app /app',
      '',
    ].join('\n');
    const broken = fixed.replace(' AS builder', ' as Builder').replace('--from=builder', '--from=Builder');
    const { document } = await openScratchDockerfile(fixed);

    const editorSettings = vscode.workspace.getConfiguration('editor', document);
    await editorSettings.update(
      'codeActionsOnSave',
      { [fixAllKind]: 'explicit' },
      vscode.ConfigurationTarget.Workspace,
      true,
    );
    try {
      // The broken text is typed in, not written to disk, so that the save below is what fixes it.
      await replaceText(document, broken);
      await waitForDiagnostic(document.uri, 'StageNameCasing');
      await waitForDiagnostic(document.uri, 'FromAsCasing');
      assert.ok(await document.save(), 'The document should save.');
    } finally {
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }

    assert.equal(textOf(document), fixed);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    assert.equal(onDisk.replace(/\r\n/g, '\n'), fixed);
    await pollUntil(
      'the casing diagnostics to go away',
      () =>
        !ourDiagnostics(document.uri).some((d) =>
          ['StageNameCasing', 'FromAsCasing'].includes(ruleOf(d) ?? ''),
        ),
      { explain: () => describeDiagnostics(document.uri) },
    );
  });
});
