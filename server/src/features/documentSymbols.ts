import { stageDocumentSymbols } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';

/** The outline: global ARGs, then each stage with its base image and its instructions as children. */
export const documentSymbolsFeature: Feature = {
  name: 'documentSymbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'Dockerfile stages' } }),
  register(context) {
    context.connection.onDocumentSymbol(({ textDocument }) =>
      answerSafely(context, 'documentSymbol', textDocument.uri, [], (result, analysis) =>
        stageDocumentSymbols(result, analysis.settings),
      ),
    );
  },
};
