import * as vscode from 'vscode';

/** A file of the fixture workspace (test/e2e/workspace), which the drivers open as the only folder. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) {
    throw new Error('The end-to-end tests need the fixture workspace open as a folder.');
  }
  return vscode.Uri.joinPath(folder.uri, ...segments);
}
