import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { describeDiagnostics, ourDiagnostics, waitForDiagnostic } from './diagnostics';
import { openScratchDockerfile } from './documents';
import { pollUntil } from './poll';

const extensionId = 'dockerfile-stages.dockerfile-stages';

interface SnippetFile {
  [name: string]: { prefix: string | string[]; body: string | string[]; description?: string };
}

/** The snippets that the extension contributes for Dockerfiles, read from its own manifest. */
function contributedSnippets(): { name: string; body: string }[] {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not installed.`);
  const manifest = extension.packageJSON as { contributes?: { snippets?: unknown } };
  const contributions = (manifest.contributes?.snippets ?? []) as {
    language: string;
    path: string;
  }[];
  return contributions
    .filter((contribution) => contribution.language === 'dockerfile')
    .flatMap((contribution) => {
      const file = JSON.parse(
        readFileSync(path.join(extension.extensionPath, contribution.path), 'utf8'),
      ) as SnippetFile;
      return Object.entries(file).map(([name, snippet]) => ({
        name,
        body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body,
      }));
    });
}

suite('Snippets', () => {
  test('every multi-stage template inserts through VS Code and yields a Dockerfile without diagnostics', async () => {
    const templates = contributedSnippets().filter(
      (snippet) => (snippet.body.match(/^FROM /gm) ?? []).length >= 2,
    );
    assert.ok(templates.length > 0, 'The extension should contribute multi-stage Dockerfile snippets.');
    const problems: string[] = [];
    for (const template of templates) {
      // The marker diagnostic tells when the server has analysed the text that replaced it.
      const editor = await openScratchDockerfile('FROM alpine:3.20 AS Marker\n');
      const { document } = editor;
      await waitForDiagnostic(document.uri, 'StageNameCasing');
      editor.selection = new vscode.Selection(0, 0, document.lineCount, 0);
      await vscode.commands.executeCommand('editor.action.insertSnippet', {
        langId: 'dockerfile',
        name: template.name,
      });
      // Leaves the snippet's tab stops with their default values, as a user pressing Escape would.
      await vscode.commands.executeCommand('leaveSnippet');
      if (document.getText().includes('Marker')) {
        problems.push(`"${template.name}" was not inserted.`);
        continue;
      }
      await pollUntil(
        `the server to analyse the "${template.name}" snippet`,
        () => !ourDiagnostics(document.uri).some((d) => d.message.includes('Marker')),
        { explain: () => describeDiagnostics(document.uri) },
      );
      if (ourDiagnostics(document.uri).length > 0) {
        problems.push(`"${template.name}":\n${describeDiagnostics(document.uri)}\n${document.getText()}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
