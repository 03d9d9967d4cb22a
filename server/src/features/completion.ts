import { stageCompletions } from '../analysis/navigation';
import { answerSafely } from './answerSafely';
import type { Feature } from './feature';
import { mergeCompletions, SERVICE_COMPLETION_TRIGGERS, serviceCompletions } from './languageService';

/** After `=` (`COPY --from=`, `from=`) and space (`FROM `) a stage name can be typed. */
const STAGE_TRIGGERS: readonly string[] = ['=', ' '];

/**
 * Completes stage names after `COPY --from=`, `from=` in `RUN --mount=` and `FROM `. When the general
 * Dockerfile features are on, dockerfile-language-service's completions (instructions, flags, variables)
 * follow ours in the same list; stage names are always ours.
 */
export const completionFeature: Feature = {
  name: 'completion',
  capabilities: (_client, options) => ({
    completionProvider: {
      triggerCharacters: options.generalFeatures
        ? [...new Set([...STAGE_TRIGGERS, ...SERVICE_COMPLETION_TRIGGERS])]
        : [...STAGE_TRIGGERS],
    },
  }),
  register(context) {
    context.connection.onCompletion(async (params) => {
      const [ours, theirs] = await Promise.all([
        answerSafely(context, 'completion', params.textDocument.uri, [], (result, analysis) =>
          stageCompletions(result, params.position, analysis.settings),
        ),
        serviceCompletions(context, params),
      ]);
      return mergeCompletions(ours, theirs);
    });
  },
};
