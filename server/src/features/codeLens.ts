import type { CodeLens } from 'vscode-languageserver';
import { stageCodeLenses } from '../analysis/navigation';
import { SHOW_STAGE_REFERENCES_COMMAND } from '../protocol';
import { answerSafely } from './answerSafely';
import { editorSwitchEnabled } from './editorSwitch';
import type { Feature } from './feature';

/** A lens above each FROM: who uses the stage, or that nothing does, or that it is the final stage. */
export const codeLensFeature: Feature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.onCodeLens(async ({ textDocument }) => {
      if (!(await editorSwitchEnabled(context, textDocument.uri, ['codeLens']))) {
        return [];
      }
      const uri = textDocument.uri;
      return answerSafely(context, 'codeLens', uri, [], (result, analysis) =>
        stageCodeLenses(result, analysis.settings).map((lens): CodeLens => ({
          range: lens.range,
          command:
            lens.references.length > 0
              ? {
                  title: lens.title,
                  command: SHOW_STAGE_REFERENCES_COMMAND,
                  arguments: [uri, lens.position, lens.references.map((range) => ({ uri, range }))],
                }
              : // An empty command id shows the title as plain text: there is nothing to open.
                { title: lens.title, command: '' },
        })),
      );
    });
  },
};
