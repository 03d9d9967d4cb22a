import { suiteTeardown } from 'mocha';
import * as vscode from 'vscode';
import { revertDocument } from './documents';

// Tests edit documents and leave them modified, as a user would; nothing saves them behind the suite's
// back (auto save is off, as on the desktop). Once every test has run, each document goes back to its text
// on disk and the editors close, so the UI tests that follow start from a clean workbench instead of a
// "Do you want to save the changes?" dialog.
suiteTeardown(async () => {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && !document.isUntitled) {
      await revertDocument(document);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
});
