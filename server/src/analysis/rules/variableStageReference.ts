import type { Rule } from './rule';

/** `COPY --from=$X`: BuildKit refuses variable expansion in --from (dockerfile2llb convert.go). */
export const variableStageReference: Rule = {
  id: 'VariableStageReference',
  defaultSeverity: 'error',
  description: 'COPY --from uses a variable, which BuildKit does not expand.',
  check({ graph }, report) {
    for (const reference of graph.references) {
      if (reference.kind === 'copy' && reference.resolution.type === 'variable') {
        report({
          range: reference.valueRange,
          message: `BuildKit fails on --from=${reference.value} with "variable expansion is not supported for --from"; define a stage such as 'FROM ${reference.value} AS source' and copy --from=source.`,
        });
      }
    }
  },
};
