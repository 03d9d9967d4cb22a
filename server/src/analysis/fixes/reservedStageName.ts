import type { FixProvider } from './fix';
import { stageNamedAt } from './findingTargets';
import { purposeStageName, renameStageEdits } from './stageNames';

/**
 * Renames a stage called `scratch` or `context` to a name from its purpose. `FROM scratch` keeps meaning
 * the empty image, which is what BuildKit reads it as, so only COPY and mount references follow.
 */
export const reservedStageNameFixes: FixProvider = {
  ruleId: 'ReservedStageName',
  fixes(finding, { analysis, text }) {
    const stage = stageNamedAt(analysis.graph, finding);
    if (!stage) {
      return [];
    }
    const newName = purposeStageName(analysis.graph, stage);
    // `FROM scratch` keeps meaning the empty image; only COPY and mount references follow the stage.
    const edits = renameStageEdits(
      text,
      analysis.graph,
      stage,
      newName,
      (reference) => reference.kind !== 'from',
    );
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
