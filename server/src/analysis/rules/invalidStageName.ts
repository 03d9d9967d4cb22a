import type { Rule } from './rule';

/** BuildKit's stage-name pattern, applied to the lowercased name (instructions/parse.go, validStageName). */
export const VALID_STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;

export const invalidStageName: Rule = {
  id: 'InvalidStageName',
  defaultSeverity: 'error',
  description:
    'A stage name does not start with a letter or contains characters other than letters, digits, -, _ and .',
  check({ graph }, report) {
    for (const stage of graph.stages) {
      if (stage.nameLower !== undefined && stage.nameRange && !VALID_STAGE_NAME.test(stage.nameLower)) {
        report({
          range: stage.nameRange,
          message: `'${stage.name}' is not a valid stage name, so BuildKit fails: a name must start with a letter and use only letters, digits, '-', '_' and '.'.`,
        });
      }
    }
  },
};
