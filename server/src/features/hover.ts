import { stageHover } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';
import { mergeHovers, serviceHover } from './languageService';

/**
 * Explains a stage when hovering its name, a reference to it, or its FROM line. When the general
 * Dockerfile features are on, dockerfile-language-service's keyword documentation follows it.
 */
export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register(context) {
    context.connection.onHover(async (params) => {
      const [ours, theirs] = await Promise.all([
        answerSafely(
          context,
          'hover',
          params.textDocument.uri,
          null,
          (result, analysis) => stageHover(result, params.position, analysis.settings) ?? null,
        ),
        serviceHover(context, params),
      ]);
      return mergeHovers(ours, theirs);
    });
  },
};
