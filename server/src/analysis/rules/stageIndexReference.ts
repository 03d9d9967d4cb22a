import type { Rule } from './rule';

/**
 * A valid numeric `--from=N`. It works today, but inserting or reordering a stage silently makes it copy
 * from a different stage, so naming the stage is safer. Self and forward indexes are errors elsewhere.
 */
export const stageIndexReference: Rule = {
  id: 'StageIndexReference',
  defaultSeverity: 'information',
  description: 'COPY --from uses a numeric stage index instead of a stage name.',
  check({ graph }, report) {
    for (const reference of graph.references) {
      const { resolution } = reference;
      if (
        resolution.type !== 'stage' ||
        !resolution.byIndex ||
        resolution.stageIndex >= reference.fromStageIndex
      ) {
        continue;
      }
      const stage = graph.stages[resolution.stageIndex];
      const which =
        stage?.name !== undefined
          ? `stage '${stage.name}'`
          : `stage ${resolution.stageIndex} (${stage?.base ?? 'unnamed'})`;
      report({
        range: reference.valueRange,
        message: `--from=${reference.value} refers to ${which} by position, which silently changes when stages are added or reordered; use the stage's name instead.`,
        data: { stageIndex: resolution.stageIndex },
      });
    }
  },
};
