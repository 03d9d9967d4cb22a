import * as vscode from 'vscode';
import { workspaceFile } from './workspace';

let scratchCount = 0;

/**
 * Writes `text` to a new Dockerfile in the workspace and opens it in an editor. Each call gets its own
 * folder, so tests that edit a file never see each other's changes.
 */
export async function openScratchDockerfile(
  text: string,
  fileName = 'Dockerfile',
): Promise<vscode.TextEditor> {
  scratchCount++;
  const uri = workspaceFile('scratch', `${scratchCount}`, fileName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return openInEditor(uri);
}

/** Opens a workspace file in an editor and makes it the active one. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Replaces the whole text of a document through a workspace edit, as another extension would. */
export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  edit.replace(document.uri, whole, text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error(`Could not edit ${document.uri.path}.`);
  }
}

/**
 * Puts a document back to its text on disk, so that the next test, and the UI tests that run after the
 * suite, find the fixture as it is. The text is written back and saved rather than reverted with the
 * File: Revert command, which acts on whichever editor has focus in the workbench.
 */
export async function revertDocument(document: vscode.TextDocument): Promise<void> {
  const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
  if (document.getText() !== onDisk) {
    await replaceText(document, onDisk);
  }
  if (document.isDirty && !(await document.save())) {
    throw new Error(`Could not save ${document.uri.path}.`);
  }
}

/** The text of a document with line breaks normalised, for exact comparisons. */
export function textOf(document: vscode.TextDocument): string {
  return document.getText().replace(/\r\n/g, '\n');
}
