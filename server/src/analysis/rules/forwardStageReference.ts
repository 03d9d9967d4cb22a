import { pulledImageName } from '../imageNames';
import { describeStage, type Rule } from './rule';

/**
 * A reference to a stage defined later in the file. COPY and mounts find it by name but BuildKit
 * dispatches stages in file order and fails; FROM does not see later stages at all and pulls an image.
 */
export const forwardStageReference: Rule = {
  id: 'ForwardStageReference',
  defaultSeverity: 'error',
  description: 'A stage copies from, mounts or builds FROM a stage that is defined later in the file.',
  check({ graph }, report) {
    for (const reference of graph.references) {
      const { resolution } = reference;
      const current = graph.stages[reference.fromStageIndex];
      if (!current) {
        continue;
      }
      if (resolution.type === 'laterStage') {
        const later = graph.stages[resolution.stageIndex];
        report({
          range: reference.valueRange,
          message: `Stage '${later?.name ?? reference.value}' is defined later in the file, and FROM only sees earlier stages, so BuildKit pulls the image '${pulledImageName(reference.value)}' instead; move that stage above this one.`,
          data: { stageIndex: resolution.stageIndex },
        });
      } else if (
        resolution.type === 'stage' &&
        reference.kind !== 'from' &&
        resolution.stageIndex > reference.fromStageIndex
      ) {
        const later = graph.stages[resolution.stageIndex];
        const laterLabel = later?.name ?? String(resolution.stageIndex);
        const currentLabel = current.name ?? String(current.index);
        const verb = reference.kind === 'copy' ? 'copy from' : 'mount from';
        report({
          range: reference.valueRange,
          message: `Stage ${later ? describeStage(later) : laterLabel} is defined after stage ${describeStage(current)}, so BuildKit fails with "cannot ${verb} stage ${laterLabel}, it needs to be defined before current stage ${currentLabel}".`,
          data: { stageIndex: resolution.stageIndex },
        });
      }
    }
  },
};
