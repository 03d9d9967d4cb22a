import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** A file of the fixture workspace (test/e2e/workspace), which the drivers open as the only folder. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    throw new Error('The end-to-end tests need the fixture workspace open as a folder.');
  }
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * A file of the repository's test fixtures (test/fixtures), read from disk: the bundled suite lives in
 * out/e2e/, two folders below the repository root, whichever driver runs it.
 */
export function readFixture(relativePath: string): string {
  return readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', relativePath), 'utf8').replace(
    /\r\n/g,
    '\n',
  );
}
