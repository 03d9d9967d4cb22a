import type { StageGraph } from '../stageModel';
import type { FixProvider } from './fix';
import { referenceOf, stageIndexData } from './findingTargets';
import { moveStageEdits } from './stageMoves';

/**
 * "Move stage 'x' before stage 'y'", offered only when the new order is valid: x must not need y or any
 * stage between them (that would be a cycle), no numeric `--from` may point into the stages that shift,
 * and the last stage stays last, since it is what `docker build` builds by default.
 */
export const forwardStageReferenceFixes: FixProvider = {
  ruleId: 'ForwardStageReference',
  fixes(finding, { analysis }) {
    const { graph, parsed } = analysis;
    const later = stageIndexData(graph, finding);
    const reference = referenceOf(graph, finding);
    const current = reference ? graph.stages[reference.fromStageIndex] : undefined;
    if (
      !later ||
      !current ||
      later.index <= current.index ||
      !canMoveBefore(graph, later.index, current.index)
    ) {
      return [];
    }
    const edits = moveStageEdits(parsed, graph, later.index, current.index);
    if (!edits) {
      return [];
    }
    const label = (index: number) => {
      const stage = graph.stages[index];
      return stage?.name !== undefined ? `'${stage.name}'` : String(index);
    };
    return [
      {
        title: `Move stage ${label(later.index)} before stage ${label(current.index)}`,
        kind: 'quickfix',
        isPreferred: true,
        edits,
      },
    ];
  },
};

function canMoveBefore(graph: StageGraph, moved: number, before: number): boolean {
  if (moved === graph.stages.length - 1) {
    return false;
  }
  for (const reference of graph.references) {
    const { resolution } = reference;
    const target =
      resolution.type === 'stage' || resolution.type === 'laterStage' ? resolution.stageIndex : undefined;
    if (target === undefined) {
      continue;
    }
    // The moved stage may only need stages that stay before it.
    if (reference.fromStageIndex === moved && target >= before && target !== moved) {
      return false;
    }
    // Indexes from `before` to `moved` shift by one, so a numeric reference into them would change meaning.
    if (resolution.type === 'stage' && resolution.byIndex && target >= before && target <= moved) {
      return false;
    }
  }
  return true;
}
