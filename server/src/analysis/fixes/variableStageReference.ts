import { expandVariables } from '../expandVariables';
import { resolveStageReference } from '../resolveStageReference';
import type { FixProvider } from './fix';
import { isReferenceRangeExact, referenceOf } from './findingTargets';

/**
 * BuildKit does not expand `--from=$SOURCE`; when the global ARG's default (or the configured build
 * argument) names an earlier stage, write that stage's name in its place.
 */
export const variableStageReferenceFixes: FixProvider = {
  ruleId: 'VariableStageReference',
  fixes(finding, { analysis, settings, text }) {
    const { graph } = analysis;
    const reference = referenceOf(graph, finding);
    const current = reference ? graph.stages[reference.fromStageIndex] : undefined;
    if (!reference || !current || !isReferenceRangeExact(text, reference)) {
      return [];
    }
    const values = new Map<string, string | undefined>();
    for (const arg of graph.globalArgs) {
      values.set(arg.name, settings.buildArgs[arg.name] ?? arg.defaultValue);
    }
    const expansion = expandVariables(reference.value, values, graph.escapeChar);
    if (!expansion.complete || expansion.value === '') {
      return [];
    }
    const resolution = resolveStageReference(reference.kind, expansion.value, current, graph.stages);
    if (resolution.type !== 'stage' || resolution.stageIndex >= current.index) {
      return [];
    }
    const stage = graph.stages[resolution.stageIndex];
    const newText = stage?.name ?? String(resolution.stageIndex);
    return [
      {
        title: `Change to '${newText}'`,
        kind: 'quickfix',
        isPreferred: true,
        edits: [{ range: reference.valueRange, newText }],
      },
    ];
  },
};
