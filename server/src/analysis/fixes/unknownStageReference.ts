import type { Fix, FixProvider } from './fix';
import { isReferenceRangeExact, referenceOf } from './findingTargets';

/**
 * "Change to 'builder'" for each close stage name the rule suggested (finding.data.suggestions). Only
 * stages before the reference are offered: pointing at a later one would trade this warning for an error.
 * FROM gets the lowercased name, the only form FROM matches.
 */
export const unknownStageReferenceFixes: FixProvider = {
  ruleId: 'UnknownStageReference',
  fixes(finding, { analysis, text }) {
    const { graph } = analysis;
    const reference = referenceOf(graph, finding);
    const suggestions = finding.data?.suggestions;
    if (!reference || !Array.isArray(suggestions) || !isReferenceRangeExact(text, reference)) {
      return [];
    }
    const fixes: Fix[] = [];
    for (const suggestion of suggestions) {
      if (typeof suggestion !== 'string') {
        continue;
      }
      const stage = graph.stages.find((candidate) => candidate.nameLower === suggestion.toLowerCase());
      if (!stage?.name || stage.index >= reference.fromStageIndex) {
        continue;
      }
      const newText = reference.kind === 'from' ? suggestion.toLowerCase() : suggestion;
      fixes.push({
        title: `Change to '${newText}'`,
        kind: 'quickfix',
        edits: [{ range: reference.valueRange, newText }],
      });
    }
    return fixes.length === 1 ? [{ ...fixes[0], isPreferred: true }] : fixes;
  },
};
