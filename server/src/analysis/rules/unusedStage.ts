import type { Rule } from './rule';

/**
 * A stage the target does not need through FROM, COPY --from or RUN --mount from=. BuildKit skips it, so
 * its instructions only run with `--target <name>` (tally's no-unreachable-stages has the same idea).
 */
export const unusedStage: Rule = {
  id: 'UnusedStage',
  defaultSeverity: 'hint',
  description: 'A stage is not needed by the target stage, so it is only built with --target.',
  check({ graph, settings, target, reachable }, report) {
    if (!target) {
      return;
    }
    const isConfigured = settings.target !== undefined && target.nameLower === settings.target.toLowerCase();
    const which = isConfigured ? 'target' : 'final';
    const targetLabel =
      target.name !== undefined ? `the ${which} stage '${target.name}'` : `the ${which} stage`;
    for (const stage of graph.stages) {
      if (reachable.has(stage.index)) {
        continue;
      }
      const message =
        stage.name !== undefined
          ? `Stage '${stage.name}' is not needed by ${targetLabel}, so BuildKit only builds it with --target ${stage.name}.`
          : `Stage ${stage.index} (${stage.base ?? 'no image'}) is not needed by ${targetLabel} and has no name for --target, so BuildKit never builds it.`;
      report({
        range: stage.nameRange ?? stage.fromRange,
        message,
        tags: ['unnecessary'],
        data: { stageIndex: stage.index },
      });
    }
  },
};
