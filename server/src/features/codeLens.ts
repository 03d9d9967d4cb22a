import type { CodeLens, Connection } from 'vscode-languageserver';
import { stageCodeLenses } from '../analysis/navigation';
import { SETTINGS_SECTION } from '../handlers/settings';
import { SHOW_STAGE_REFERENCES_COMMAND } from '../protocol';
import { answerSafely } from './answerSafely';
import type { Feature, ServerContext } from './feature';

/** A lens above each FROM: who uses the stage, or that nothing does, or that it is the final stage. */
export const codeLensFeature: Feature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.onCodeLens(async ({ textDocument }) => {
      if (!(await codeLensEnabled(context, textDocument.uri))) {
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

/**
 * `dockerfileStages.codeLens`, read per document like every setting; on unless the user turned it off,
 * and on when the client cannot be asked.
 */
async function codeLensEnabled(context: ServerContext, uri: string): Promise<boolean> {
  if (context.client.capabilities.workspace?.configuration !== true) {
    return true;
  }
  try {
    const section = await readSection(context.connection, uri);
    return (
      typeof section !== 'object' ||
      section === null ||
      (section as { codeLens?: unknown }).codeLens !== false
    );
  } catch {
    return true;
  }
}

function readSection(connection: Connection, uri: string): Promise<unknown> {
  return connection.workspace.getConfiguration({
    scopeUri: uri,
    section: SETTINGS_SECTION,
  }) as Promise<unknown>;
}
