import type { FixProvider } from './fix';
import { stageNamedAt } from './findingTargets';
import { renameStageEdits } from './stageNames';

/** Lowercases the stage name and every reference to it, so `FROM <name>` finds it too. */
export const stageNameCasingFixes: FixProvider = {
  ruleId: 'StageNameCasing',
  fixes(finding, { analysis, text }) {
    const stage = stageNamedAt(analysis.graph, finding);
    const edits = stage?.nameLower
      ? renameStageEdits(text, analysis.graph, stage, stage.nameLower)
      : undefined;
    if (!stage?.nameLower || !edits) {
      return [];
    }
    return [
      {
        title: `Rename stage to '${stage.nameLower}'`,
        kind: 'quickfix',
        isPreferred: true,
        safe: true,
        edits,
      },
    ];
  },
};
