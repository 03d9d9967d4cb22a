import type { FixProvider } from './fix';
import { stageBlock } from './documentLayout';
import { stageIndexData } from './findingTargets';
import { deleteBlock } from './stageMoves';

/**
 * "Remove stage 'x'" (never preferred: the stage may be built with --target). Offered only when nothing
 * refers to the stage and no numeric `--from` points past it, since the later stages' indexes shift.
 */
export const unusedStageFixes: FixProvider = {
  ruleId: 'UnusedStage',
  fixes(finding, { analysis }) {
    const { graph, parsed } = analysis;
    const stage = stageIndexData(graph, finding);
    if (!stage || graph.stages.length < 2) {
      return [];
    }
    const blocked = graph.references.some((reference) => {
      const { resolution } = reference;
      if (resolution.type === 'stage' || resolution.type === 'laterStage') {
        const usesIt = resolution.stageIndex === stage.index && reference.fromStageIndex !== stage.index;
        const shifts =
          resolution.type === 'stage' && resolution.byIndex && resolution.stageIndex > stage.index;
        return usesIt || shifts;
      }
      return false;
    });
    const block = stageBlock(parsed, graph, stage.index);
    if (blocked || !block) {
      return [];
    }
    const label =
      stage.name !== undefined ? `'${stage.name}'` : `${stage.index} (${stage.base ?? 'no image'})`;
    return [
      {
        title: `Remove stage ${label}`,
        kind: 'quickfix',
        isPreferred: false,
        edits: [deleteBlock(parsed, block)],
      },
    ];
  },
};
