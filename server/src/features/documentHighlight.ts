import { stageHighlights } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/** Highlights a stage's name and every reference to it while the cursor is on one of them. */
export const documentHighlightFeature: Feature = {
  name: 'documentHighlight',
  capabilities: () => ({ documentHighlightProvider: true }),
  register(context) {
    context.connection.onDocumentHighlight(({ textDocument, position }) =>
      answerSafely(context, 'documentHighlight', textDocument.uri, [], ({ graph }) =>
        stageHighlights(graph, position),
      ),
    );
  },
};
