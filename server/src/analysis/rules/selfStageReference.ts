import { describeStage, type Rule } from './rule';

/** A stage that copies from or mounts itself: BuildKit fails with "circular dependency detected on stage". */
export const selfStageReference: Rule = {
  id: 'SelfStageReference',
  defaultSeverity: 'error',
  description: 'A stage copies from or mounts itself.',
  check({ graph }, report) {
    for (const reference of graph.references) {
      const { resolution } = reference;
      if (reference.kind === 'from' || resolution.type !== 'stage') {
        continue;
      }
      if (resolution.stageIndex === reference.fromStageIndex) {
        const stage = graph.stages[resolution.stageIndex];
        const label = stage?.name ?? String(resolution.stageIndex);
        const verb = reference.kind === 'copy' ? 'copies from' : 'mounts';
        report({
          range: reference.valueRange,
          message: `Stage ${stage ? describeStage(stage) : label} ${verb} itself, so BuildKit fails with "circular dependency detected on stage: ${label}".`,
        });
      }
    }
  },
};
