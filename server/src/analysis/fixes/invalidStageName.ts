import type { FixProvider } from './fix';
import { stageNamedAt } from './findingTargets';
import { freeStageName, renameStageEdits } from './stageNames';

/** Renames a stage to the nearest valid name (`my:stage` → `my-stage`, `1st` → `stage-1st`) with its references. */
export const invalidStageNameFixes: FixProvider = {
  ruleId: 'InvalidStageName',
  fixes(finding, { analysis, text }) {
    const stage = stageNamedAt(analysis.graph, finding);
    if (!stage?.name) {
      return [];
    }
    const newName = freeStageName(analysis.graph, stage.name, stage.index);
    const edits = renameStageEdits(text, analysis.graph, stage, newName);
    if (!edits) {
      return [];
    }
    return [
      {
        title: `Rename stage to '${newName}'`,
        kind: 'quickfix',
        isPreferred: true,
        edits,
      },
    ];
  },
};
