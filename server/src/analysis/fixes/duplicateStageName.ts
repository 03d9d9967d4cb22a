import type { FixProvider } from './fix';
import { isReferenceRangeExact, stageNamedAt } from './findingTargets';
import { freeStageName, renameStageEdits } from './stageNames';

/**
 * Renames the later of two same-named stages to a free name (`build` → `build-2`). References after it
 * were most likely written for it, so they follow; earlier ones, and the stage's own, keep the first stage.
 */
export const duplicateStageNameFixes: FixProvider = {
  ruleId: 'DuplicateStageName',
  fixes(finding, { analysis, text }) {
    const { graph } = analysis;
    const stage = stageNamedAt(graph, finding);
    if (!stage?.nameLower) {
      return [];
    }
    const newName = freeStageName(graph, stage.nameLower);
    const first = graph.stages.find((other) => other.nameLower === stage.nameLower);
    if (!first || first.index === stage.index) {
      return [];
    }
    const edits = renameStageEdits(text, graph, stage, newName);
    if (!edits) {
      return [];
    }
    // References resolve to the first stage of that name; the ones after this stage move to the new name.
    for (const reference of graph.references) {
      const resolvesToFirst =
        reference.resolution.type === 'stage' &&
        !reference.resolution.byIndex &&
        reference.resolution.stageIndex === first.index;
      const fromWritten =
        reference.kind !== 'from' || graph.stages[reference.fromStageIndex]?.base === reference.value;
      if (resolvesToFirst && fromWritten && reference.fromStageIndex > stage.index) {
        if (!isReferenceRangeExact(text, reference)) {
          return [];
        }
        edits.push({ range: reference.valueRange, newText: newName });
      }
    }
    return [
      {
        title: `Rename stage to '${newName}' and use it after this stage`,
        kind: 'quickfix',
        isPreferred: true,
        edits,
      },
    ];
  },
};
