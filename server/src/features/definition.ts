import { stageDefinition } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/** Go to definition: from any stage reference (name or index) to the stage's `AS` name. */
export const definitionFeature: Feature = {
  name: 'definition',
  capabilities: () => ({ definitionProvider: true }),
  register(context) {
    context.connection.onDefinition(({ textDocument, position }) =>
      answerSafely(context, 'definition', textDocument.uri, null, ({ graph }) => {
        const range = stageDefinition(graph, position);
        return range ? { uri: textDocument.uri, range } : null;
      }),
    );
  },
};
