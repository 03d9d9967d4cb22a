import * as vscode from 'vscode';
import { describeDiagnostics, waitForDiagnostic } from './diagnostics';
import { pollFor } from './poll';

/** Lists code actions for failure messages. */
export function describeActions(actions: readonly vscode.CodeAction[]): string {
  if (actions.length === 0) {
    return 'No code actions were offered.';
  }
  return `Offered:\n${actions.map((a) => `  [${a.kind?.value ?? 'no kind'}] ${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join('\n')}`;
}

/**
 * The code actions that VS Code offers for a range, as the light bulb would list them, with their edits
 * resolved.
 */
export async function codeActionsAt(
  uri: vscode.Uri,
  range: vscode.Range,
  kind?: vscode.CodeActionKind,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind?.value,
    // Resolve the edits of up to this many actions, for servers that compute them lazily.
    100,
  );
  // A bare Command has its command id as a string where a CodeAction has a Command object.
  return actions.filter(
    (action): action is vscode.CodeAction => typeof (action as vscode.Command).command !== 'string',
  );
}

/**
 * Waits for the diagnostic of `rule` whose text is `diagnosticText`, waits for a quick fix for it that
 * `choose` picks, applies it as the editor does (its edit, then its command), and returns its title.
 */
export async function applyQuickFix(
  document: vscode.TextDocument,
  rule: string,
  choose: (action: vscode.CodeAction) => boolean,
  diagnosticText?: string,
): Promise<string> {
  const diagnostic = await waitForDiagnostic(document.uri, rule, {
    where: (d) => diagnosticText === undefined || document.getText(d.range) === diagnosticText,
  });
  let offered: vscode.CodeAction[] = [];
  const action = await pollFor(
    `a quick fix for ${rule}`,
    async () => {
      offered = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
      return offered.find(
        // The actions come for the diagnostic's range; vscode.executeCodeActionProvider does not hand
        // back which diagnostics an action fixes, so the kind and the title pick it.
        (candidate) =>
          candidate.kind !== undefined &&
          vscode.CodeActionKind.QuickFix.contains(candidate.kind) &&
          choose(candidate),
      );
    },
    { explain: () => `${describeActions(offered)}\n${describeDiagnostics(document.uri)}` },
  );
  await applyCodeAction(action);
  return action.title;
}

/** Applies a code action the way the editor does: its workspace edit first, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit !== undefined && !(await vscode.workspace.applyEdit(action.edit))) {
    throw new Error(`The edit of "${action.title}" was not applied.`);
  }
  if (action.command !== undefined) {
    const args: unknown[] = action.command.arguments ?? [];
    await vscode.commands.executeCommand(action.command.command, ...args);
  }
}
