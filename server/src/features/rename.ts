import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareStageRename, renameStage } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/**
 * Renames a stage and every reference to it. `prepareRename` refuses positions that are not stages and
 * stages that cannot be renamed, with a message; `rename` refuses names BuildKit would reject. Refusals
 * are RequestFailed errors, whose message VS Code shows to the user as it is.
 */
export const renameFeature: Feature = {
  name: 'rename',
  capabilities: () => ({ renameProvider: { prepareProvider: true } }),
  register(context) {
    context.connection.onPrepareRename(async ({ textDocument, position }) => {
      const outcome = await answerSafely(context, 'prepareRename', textDocument.uri, undefined, ({ graph }) =>
        prepareStageRename(graph, position),
      );
      if (!outcome) {
        return null;
      }
      if (!outcome.ok) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.message);
      }
      return outcome.value;
    });
    context.connection.onRenameRequest(async ({ textDocument, position, newName }) => {
      const outcome = await answerSafely(context, 'rename', textDocument.uri, undefined, ({ graph }) =>
        renameStage(graph, position, newName),
      );
      if (!outcome) {
        return null;
      }
      if (!outcome.ok) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.message);
      }
      return { changes: { [textDocument.uri]: outcome.value } };
    });
  },
};
