import type { Rule } from './rule';

/** BuildKit reserves `scratch` and `context` (validations.go, reservedStageNames). */
export const RESERVED_STAGE_NAMES: ReadonlySet<string> = new Set(['scratch', 'context']);

export const reservedStageName: Rule = {
  id: 'ReservedStageName',
  defaultSeverity: 'error',
  description: "A stage is named 'scratch' or 'context', which BuildKit reserves.",
  check({ graph }, report) {
    for (const stage of graph.stages) {
      if (stage.nameLower !== undefined && stage.nameRange && RESERVED_STAGE_NAMES.has(stage.nameLower)) {
        report({
          range: stage.nameRange,
          message: `'${stage.name}' is a reserved name, so BuildKit refuses it as a stage name; choose another name.`,
        });
      }
    }
  },
};
