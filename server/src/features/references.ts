import { stageReferences } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/** Find all references of a stage, from its name or from any reference to it. */
export const referencesFeature: Feature = {
  name: 'references',
  capabilities: () => ({ referencesProvider: true }),
  register(context) {
    context.connection.onReferences(({ textDocument, position, context: options }) =>
      answerSafely(context, 'references', textDocument.uri, [], ({ graph }) =>
        stageReferences(graph, position, options.includeDeclaration).map((range) => ({
          uri: textDocument.uri,
          range,
        })),
      ),
    );
  },
};
